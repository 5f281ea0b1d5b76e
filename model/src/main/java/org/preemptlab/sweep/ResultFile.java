package org.preemptlab.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.io.files.AtomicFiles;

/**
 * What an existing result file holds, for {@code --resume} and {@code collect}. Only lines ending
 * with a line break count: a last line without one was cut off by an interrupted sweep (even if it
 * happens to parse, its last number may be cut short) and is dropped; {@code validBytes} is where
 * it begins. A complete line that cannot be read is an error naming the file and the line.
 *
 * @param rows       the rows read, by id (a later row with the same id replaces an earlier one)
 * @param validBytes length of the file's complete lines
 * @param droppedTail true if an incomplete last line was dropped
 */
public record ResultFile(Map<Integer, SweepRow> rows, long validBytes, boolean droppedTail) {

    public static final ResultFile EMPTY = new ResultFile(Map.of(), 0, false);

    /** Reads a result file; a missing file reads as {@link #EMPTY}. */
    public static ResultFile read(Path file, RowFormat format) throws IOException {
        if (!Files.exists(file)) return EMPTY;
        byte[] bytes = Files.readAllBytes(file);
        String name = String.valueOf(file.getFileName());
        Map<Integer, SweepRow> rows = new LinkedHashMap<>();
        int start = 0, lineNo = 0;
        boolean headerSeen = format.header() == null;
        while (start < bytes.length) {
            int nl = indexOf(bytes, (byte) '\n', start);
            if (nl < 0) break;
            lineNo++;
            String line = new String(bytes, start, nl - start, StandardCharsets.UTF_8);
            if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
            if (!headerSeen) {
                if (!line.equals(format.header())) {
                    throw SweepException.of(name, "line 1", "header is \"" + shorten(line) + "\"; not a sweep result file "
                            + "(expected \"" + shorten(format.header()) + "\")");
                }
                headerSeen = true;
            } else if (!line.isBlank()) {
                try {
                    SweepRow r = format.parse(line);
                    rows.put(r.id(), r);
                } catch (IllegalArgumentException e) {
                    throw SweepException.of(name, "line " + lineNo, e.getMessage());
                }
            }
            start = nl + 1;
        }
        return new ResultFile(rows, start, start < bytes.length);
    }

    /**
     * Checks that rows kept for a resume belong to this sweep: each id exists and has the label of
     * the variant with that id (results of another sweep file would otherwise be taken as done).
     *
     * @param file the result file's name, for the message
     */
    public static void checkBelongTo(Map<Integer, SweepRow> rows, List<Variant> variants, String file) throws SweepException {
        List<org.preemptlab.scenario.ScenarioProblem> problems = new ArrayList<>();
        for (SweepRow r : rows.values().stream().sorted(Comparator.comparingInt(SweepRow::id)).toList()) {
            if (r.id() < 0 || r.id() >= variants.size()) {
                problems.add(new org.preemptlab.scenario.ScenarioProblem("id " + r.id(), "the sweep has ids 0 to "
                        + (variants.size() - 1) + "; these results belong to another sweep"));
            } else if (!variants.get(r.id()).label().equals(r.label())) {
                problems.add(new org.preemptlab.scenario.ScenarioProblem("id " + r.id(), "is \"" + r.label()
                        + "\" but variant " + r.id() + " of the sweep is \"" + variants.get(r.id()).label()
                        + "\"; these results belong to another sweep (or an edited one): write to a new file"));
            }
            if (problems.size() == 3) break;
        }
        if (!problems.isEmpty()) throw new SweepException(file, problems);
    }

    /** Rewrites a result file with the given rows sorted by id (atomically). */
    public static void writeSorted(Path file, RowFormat format, Iterable<SweepRow> rows) throws IOException {
        List<SweepRow> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparingInt(SweepRow::id));
        AtomicFiles.write(file, w -> {
            if (format.header() != null) w.write(format.header() + "\n");
            for (SweepRow r : sorted) w.write(format.format(r) + "\n");
        });
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
