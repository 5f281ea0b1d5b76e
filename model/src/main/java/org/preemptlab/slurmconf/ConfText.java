package org.preemptlab.slurmconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Slurm's reading of a configuration file into logical lines, as its own parser does
 * ({@code src/common/parse_config.c}, and the same in {@code sacctmgr load}): a {@code #} starts a
 * comment unless escaped ({@code \#}); a line ending in an odd number of backslashes (trailing
 * blanks allowed) continues on the next line, joined without a space; then every backslash escapes
 * the next character ({@code \\} is one backslash). Blank lines are dropped.
 */
final class ConfText {

    /** Files larger than this are refused rather than read (no site config comes close). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private ConfText() {}

    static String read(Path file, String shownAs) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SlurmConfException(shownAs + ": " + size + " bytes; files over " + MAX_BYTES + " bytes are refused");
            }
            byte[] bytes = Files.readAllBytes(file);
            try {
                String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
                // a byte-order mark (a file saved on Windows) was part of the first key: "﻿ClusterName=…: not Key=Value"
                return text.startsWith("\uFEFF") ? text.substring(1) : text;
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new SlurmConfException(shownAs + ":" + lineOfFirstNonUtf8(bytes) + ": not UTF-8 text (a binary file?)");
            }
        } catch (IOException e) {
            throw new SlurmConfException(shownAs + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** The line (from 1) of the first byte sequence that is not UTF-8 ("Input length = 1" was all the message said). */
    static int lineOfFirstNonUtf8(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(4096);
        int line = 1;
        while (true) {
            java.nio.charset.CoderResult r = d.decode(in, out, true);
            out.flip();
            while (out.hasRemaining()) if (out.get() == '\n') line++;
            out.clear();
            if (r.isError() || !r.isOverflow()) return line;
        }
    }

    static List<SourceLine> logicalLines(String text, String file) {
        List<SourceLine> out = new ArrayList<>();
        String[] physical = text.split("\\R", -1);
        StringBuilder current = new StringBuilder();
        int first = -1;
        for (int i = 0; i < physical.length; i++) {
            String line = stripComment(physical[i]);
            if (first < 0) first = i + 1;
            int cut = continuationCut(line);
            if (cut >= 0) {
                current.append(line, 0, cut);
                continue;
            }
            current.append(line);
            String full = unescape(current.toString()).strip();
            if (!full.isEmpty()) out.add(new SourceLine(file, first, full));
            current.setLength(0);
            first = -1;
        }
        if (!current.isEmpty()) {
            String full = unescape(current.toString()).strip();
            if (!full.isEmpty()) out.add(new SourceLine(file, first, full));
        }
        return out;
    }

    /** The line up to an unescaped {@code #}. */
    static String stripComment(String line) {
        int backslashes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#' && backslashes % 2 == 0) return line.substring(0, i);
            backslashes = c == '\\' ? backslashes + 1 : 0;
        }
        return line;
    }

    /** Where the continuation backslashes start, or -1 when the line does not continue. */
    static int continuationCut(String line) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) end--;
        int bs = 0;
        while (end - bs > 0 && line.charAt(end - bs - 1) == '\\') bs++;
        return bs % 2 == 1 ? end - bs + (bs - 1) : -1;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else if (c != '\\') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
