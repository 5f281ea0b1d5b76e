package org.preemptlab.slurmconf;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Slurm TRES strings ({@code cpu=64,mem=256G,node=2,gres/gpu=4,gres/gpu:a100=2,billing=100}) as
 * maps from the lower-case TRES name to a count. Memory ({@code mem}) is MB: a bare number is MB
 * and the suffixes {@code K M G T P} are read as Slurm does (K rounds up to whole MB). Other counts
 * are whole numbers. {@code -1} clears a limit in sacctmgr and is left out.
 *
 * <p>Unlike {@link org.preemptlab.tres.Tres#parse} (the model's TRES vector, which refuses TRES it
 * does not model), every TRES name is read here, licenses and burst buffers included: a site's file
 * is read as it is, and the conversion to the model reports what it leaves out.
 */
public final class TresText {

    private TresText() {}

    /** @throws IllegalArgumentException naming the entry that is not {@code name=count} */
    public static Map<String, Long> parse(String text) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) return out;
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            int eq = entry.lastIndexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) throw new IllegalArgumentException(entry + " is not TRES=count");
            String name = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = entry.substring(eq + 1).strip();
            if (value.equals("-1")) continue;
            out.put(name, name.equals("mem") ? megabytes(entry, value) : count(entry, value));
        }
        return out;
    }

    private static long count(String entry, String value) {
        try {
            long n = Long.parseLong(value);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(entry + ": " + value + " is not a whole number", e);
        }
    }

    /** A memory amount in MB: bare MB, or with K, M, G, T, P. */
    static long megabytes(String entry, String value) {
        String v = value.toUpperCase(Locale.ROOT);
        int unit = "KMGTP".indexOf(v.isEmpty() ? ' ' : v.charAt(v.length() - 1));
        String digits = unit >= 0 ? v.substring(0, v.length() - 1) : v;
        try {
            long n = Long.parseLong(digits);
            if (n < 0) throw new NumberFormatException();
            if (unit < 0 || unit == 1) return n;
            if (unit == 0) return (n + 1023) / 1024;
            return Math.multiplyExact(n, 1L << (10 * (unit - 1)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(entry + ": " + value + " is not an amount of memory (MB, or with K, M, G, T, P)", e);
        }
    }
}
