package org.preemptlab.io.swf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.preemptlab.cluster.Cluster;

/**
 * The header comments of an SWF file ({@code ; Key: value} lines before the first job).
 *
 * <p>{@link #entries()} holds every comment line in file order and is what {@link SwfWriter}
 * writes back; the other components are the parsed values of the well-known keys (the first line
 * with that key, compared without case), with -1 (numbers) or {@code ""} (text) when absent, as in
 * SWF. Build headers with {@link #of(List)} so the two stay consistent.
 *
 * <p>An indented comment line right after a {@code Key: value} line (as in
 * {@code ;       The filters used to produce it were}) continues that entry's value: it is appended
 * after a {@code '\n'}, with its original indentation. Blank {@code ;} lines and free-text comments
 * are entries with the empty key.
 *
 * @param maxProcs       {@code MaxProcs}: processors of the machine, or -1
 * @param maxNodes       {@code MaxNodes}: nodes of the machine, or -1
 * @param maxJobs        {@code MaxJobs}: jobs in the original log, or -1
 * @param maxRecords     {@code MaxRecords}: lines in the original log, or -1
 * @param unixStartTime  {@code UnixStartTime}: the epoch second of time 0, or -1
 * @param timeZoneString {@code TimeZoneString}, e.g. {@code Europe/Stockholm}, or ""
 * @param preemption     {@code Preemption}, e.g. {@code No}, {@code Yes}, {@code Double}, or ""
 * @param notes          values of all {@code Note} lines, in order
 * @param entries        every comment line, in order
 */
public record SwfHeader(
        int maxProcs,
        int maxNodes,
        long maxJobs,
        long maxRecords,
        long unixStartTime,
        String timeZoneString,
        String preemption,
        List<String> notes,
        List<Entry> entries) {

    /** A header without any line. */
    public static final SwfHeader EMPTY = of(List.of());

    /**
     * One header comment.
     *
     * @param key   e.g. {@code MaxProcs}; empty for a blank or free-text comment line
     * @param value the text after {@code "Key:"}, trimmed, plus continuation lines after {@code '\n'};
     *              for an empty key, the raw text after the {@code ;}
     */
    public record Entry(String key, String value) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            for (int i = 0; i < key.length(); i++) {
                if (!isKeyChar(key.charAt(i))) {
                    throw new IllegalArgumentException("header key \"" + key
                            + "\" must consist of letters, digits, '_' and '-' only");
                }
            }
        }

        /** True for a {@code Key: value} line, false for a blank or free comment. */
        public boolean isKeyed() {
            return !key.isEmpty();
        }
    }

    public SwfHeader {
        Objects.requireNonNull(timeZoneString, "timeZoneString");
        Objects.requireNonNull(preemption, "preemption");
        notes = List.copyOf(notes);
        entries = List.copyOf(entries);
    }

    /**
     * A header from its comment lines, deriving the well-known values.
     *
     * @throws IllegalArgumentException when a numeric key (MaxProcs, MaxNodes, MaxJobs, MaxRecords,
     *                                  UnixStartTime) has a value that is not an integer
     */
    public static SwfHeader of(List<Entry> entries) {
        int maxProcs = -1;
        int maxNodes = -1;
        long maxJobs = -1;
        long maxRecords = -1;
        long unixStart = -1;
        String tz = null;
        String preemption = null;
        List<String> notes = new ArrayList<>();
        boolean[] seen = new boolean[5];
        for (Entry e : entries) {
            if (!e.isKeyed()) {
                continue;
            }
            String key = e.key().toLowerCase(Locale.ROOT);
            String first = firstLine(e.value());
            switch (key) {
                case "maxprocs" -> {
                    if (!seen[0]) {
                        seen[0] = true;
                        maxProcs = (int) parseNumber(e.key(), first, Integer.MAX_VALUE);
                    }
                }
                case "maxnodes" -> {
                    if (!seen[1]) {
                        seen[1] = true;
                        maxNodes = (int) parseNumber(e.key(), first, Integer.MAX_VALUE);
                    }
                }
                case "maxjobs" -> {
                    if (!seen[2]) {
                        seen[2] = true;
                        maxJobs = parseNumber(e.key(), first, Long.MAX_VALUE);
                    }
                }
                case "maxrecords" -> {
                    if (!seen[3]) {
                        seen[3] = true;
                        maxRecords = parseNumber(e.key(), first, Long.MAX_VALUE);
                    }
                }
                case "unixstarttime" -> {
                    if (!seen[4]) {
                        seen[4] = true;
                        unixStart = parseNumber(e.key(), first, Long.MAX_VALUE);
                    }
                }
                case "timezonestring" -> {
                    if (tz == null) {
                        tz = first;
                    }
                }
                case "preemption" -> {
                    if (preemption == null) {
                        preemption = first;
                    }
                }
                case "note" -> notes.add(e.value());
                default -> {
                    // kept in entries only
                }
            }
        }
        return new SwfHeader(maxProcs, maxNodes, maxJobs, maxRecords, unixStart, tz == null ? "" : tz,
                preemption == null ? "" : preemption, notes, entries);
    }

    /** The value of the first entry with this key (case-insensitive), if any. */
    public Optional<String> value(String key) {
        for (Entry e : entries) {
            if (e.key().equalsIgnoreCase(key)) {
                return Optional.of(e.value());
            }
        }
        return Optional.empty();
    }

    /** The values of all entries with this key (case-insensitive), in order. */
    public List<String> values(String key) {
        List<String> list = new ArrayList<>();
        for (Entry e : entries) {
            if (e.key().equalsIgnoreCase(key)) {
                list.add(e.value());
            }
        }
        return List.copyOf(list);
    }

    /**
     * This header with the value of the first {@code key} entry replaced, or with a new entry at the
     * end when there is none (e.g. {@code withEntry("MaxProcs", "128")} after a {@code --procs}).
     */
    public SwfHeader withEntry(String key, String value) {
        List<Entry> list = new ArrayList<>(entries);
        Entry entry = new Entry(key, value);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).key().equalsIgnoreCase(key)) {
                list.set(i, entry);
                return of(list);
            }
        }
        list.add(entry);
        return of(list);
    }

    /** This header with a {@code ; Note: text} line appended. */
    public SwfHeader withNote(String text) {
        List<Entry> list = new ArrayList<>(entries);
        list.add(new Entry("Note", text));
        return of(list);
    }

    /**
     * The header as SWF comment lines (each starting with {@code ;}, no line terminator), as
     * {@link SwfWriter} writes them.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String[] parts = e.value().split("\n", -1);
            if (e.isKeyed()) {
                lines.add(parts[0].isEmpty() ? "; " + e.key() + ":" : "; " + e.key() + ": " + parts[0]);
            } else {
                lines.add(parts[0].isEmpty() || Character.isWhitespace(parts[0].charAt(0))
                        ? ";" + parts[0] : "; " + parts[0]);
            }
            for (int i = 1; i < parts.length; i++) {
                String cont = parts[i];
                // a continuation must stay indented, or a reader would take "Foo: bar" for a new key
                lines.add(cont.length() >= 2 && cont.charAt(0) == ' ' && cont.charAt(1) == ' '
                        ? ";" + cont : ";        " + cont.strip());
            }
        }
        return lines;
    }

    /**
     * Checks the value of a numeric header key; returns null when fine, else the rule it breaks
     * (used by the reader to report the line number).
     */
    static String checkNumeric(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        long max;
        switch (k) {
            case "maxprocs", "maxnodes" -> max = Integer.MAX_VALUE;
            case "maxjobs", "maxrecords", "unixstarttime" -> max = Long.MAX_VALUE;
            default -> {
                return null;
            }
        }
        if (max == Integer.MAX_VALUE) return checkMachineSize(firstLine(value));
        try {
            parseNumber(key, firstLine(value), max);
            return null;
        } catch (IllegalArgumentException e) {
            return "must be an integer";
        }
    }

    /**
     * MaxProcs and MaxNodes: 1 to {@link Cluster#MAX_NODES}, or -1 (SWF's "unknown", as is an empty
     * value); 0, other negatives and larger sizes are refused rather than ignored or allocated.
     */
    private static String checkMachineSize(String text) {
        String rule = "must be a whole number from 1 to " + Cluster.MAX_NODES + " (or -1: unknown)";
        if (text.isEmpty()) return null;
        try {
            long v = Long.parseLong(text);
            return v == -1 || (v >= 1 && v <= Cluster.MAX_NODES) ? null : rule;
        } catch (NumberFormatException e) {
            return rule;
        }
    }

    static boolean isKeyChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static String firstLine(String value) {
        int nl = value.indexOf('\n');
        return (nl < 0 ? value : value.substring(0, nl)).strip();
    }

    private static long parseNumber(String key, String text, long max) {
        if (text.isEmpty()) {
            return -1;
        }
        try {
            long v = Long.parseLong(text);
            if (v > max) {
                throw new NumberFormatException();
            }
            return v < 0 ? -1 : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("header " + key + " is \"" + text + "\"; must be an integer"
                    + (max == Integer.MAX_VALUE ? " up to " + Integer.MAX_VALUE : ""), e);
        }
    }
}
