package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text {@code scontrol show job|node|partition} prints: records separated by blank lines, each
 * a run of {@code Key=Value} pairs over indented lines. A value runs to the next blank, except that
 * words without {@code =} belong to the value before them ({@code OS=Linux 6.1 #1 SMP},
 * {@code Reason=Not responding [slurm@…]}). Keys keep their spelling ({@code AllocNode:Sid},
 * {@code CPUs/Task}); a key given twice keeps its first value.
 */
public final class ScontrolText {

    /**
     * One record.
     *
     * @param values key → value, in the order printed
     * @param line   the number of its first line in the text (1-based)
     */
    public record Record(Map<String, String> values, int line) {

        public Record {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /** The value, or {@code ""} when absent. */
        public String get(String key) {
            return values.getOrDefault(key, "");
        }

        /** The value, or null when absent or one of Slurm's "nothing" words ({@code (null)}, {@code N/A}, {@code None}, {@code Unknown}, empty). */
        public String value(String key) {
            String v = values.get(key);
            return isNothing(v) ? null : v;
        }

        /** The first key's value: the record's name ({@code JobId}, {@code NodeName}, {@code PartitionName}). */
        public String name() {
            return values.isEmpty() ? "" : values.values().iterator().next();
        }
    }

    private ScontrolText() {}

    /** True for values Slurm prints for "not set". */
    public static boolean isNothing(String v) {
        if (v == null) return true;
        String t = v.strip();
        return t.isEmpty() || t.equalsIgnoreCase("(null)") || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("None")
                || t.equalsIgnoreCase("Unknown") || t.equalsIgnoreCase("n/s");
    }

    /** The records of the text, in order; lines before the first {@code Key=} (a header) are skipped. */
    public static List<Record> parse(String text) {
        List<Record> out = new ArrayList<>();
        LinkedHashMap<String, String> cur = new LinkedHashMap<>();
        String lastKey = null;
        int start = 0;
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                if (!cur.isEmpty()) out.add(new Record(cur, start));
                cur = new LinkedHashMap<>();
                lastKey = null;
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented && !cur.isEmpty() && startsRecord(line)) { // records printed without a blank line between (--oneliner)
                out.add(new Record(cur, start));
                cur = new LinkedHashMap<>();
                lastKey = null;
            }
            for (String word : line.strip().split("\\s+")) {
                int eq = word.indexOf('=');
                if (eq > 0) {
                    lastKey = word.substring(0, eq);
                    if (cur.isEmpty()) start = i + 1;
                    cur.putIfAbsent(lastKey, word.substring(eq + 1));
                } else if (lastKey != null) {
                    String before = cur.get(lastKey);
                    cur.put(lastKey, before.isEmpty() ? word : before + " " + word);
                }
            }
        }
        if (!cur.isEmpty()) out.add(new Record(cur, start));
        return out;
    }

    private static boolean startsRecord(String line) {
        return line.startsWith("JobId=") || line.startsWith("NodeName=") || line.startsWith("PartitionName=")
                || line.startsWith("ReservationName=");
    }

    /**
     * {@code scontrol show config}: {@code Key = value} lines (value may hold blanks, may be empty)
     * by key, in order; the header ({@code Configuration data as of …}) and the plugin sections
     * after the first blank line are not settings of slurm.conf and are left out.
     */
    public static Map<String, String> config(String text) {
        LinkedHashMap<String, String> out = new LinkedHashMap<>();
        boolean seen = false;
        for (String line : text.replace("\r\n", "\n").split("\n")) {
            if (line.isBlank()) {
                if (seen) break;
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq <= 0) continue;
            String key = line.substring(0, eq).strip();
            if (!key.matches("[A-Za-z0-9_.]+")) continue;
            seen = true;
            out.putIfAbsent(key, line.substring(eq + 3).strip());
        }
        return out;
    }
}
