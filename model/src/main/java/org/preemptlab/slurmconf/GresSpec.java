package org.preemptlab.slurmconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.preemptlab.gres.Gres;

/**
 * One generic resource of a node, as in {@code Gres=gpu:a100:4}: name, optional type, count and
 * Slurm's {@code no_consume} flag. Read as Slurm does: {@code gpu} alone and {@code gpu:a100}
 * without a count mean one; counts take the suffixes {@code K M G T P} (powers of 1024); socket
 * binding in parentheses ({@code gpu:2(S:0-1)}) is ignored.
 *
 * @param type the type, {@code ""} when untyped
 */
public record GresSpec(String name, String type, long count, boolean noConsume) {

    public GresSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("GRES without a name");
        type = type == null ? "" : type;
        if (count < 0) throw new IllegalArgumentException("GRES count " + count + " is negative");
    }

    public boolean typed() {
        return !type.isEmpty();
    }

    /** {@code name[:type][:no_consume]:count}, as Slurm writes it. */
    @Override
    public String toString() {
        return name + (typed() ? ":" + type : "") + (noConsume ? ":no_consume" : "") + ":" + count;
    }

    /**
     * A comma-separated GRES list.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code name[:type][:no_consume][:count]}
     */
    public static List<GresSpec> parseList(String text) {
        List<GresSpec> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            int paren = entry.indexOf('(');
            if (paren >= 0) entry = entry.substring(0, paren);
            String[] parts = entry.split(":", -1);
            String name = parts[0];
            if (name.isEmpty()) throw new IllegalArgumentException(raw.strip() + ": not a GRES (name[:type]:count)");
            String last = parts[parts.length - 1];
            long count = 1;
            int typeEnd = parts.length;
            if (parts.length > 1 && !last.isEmpty() && Character.isDigit(last.charAt(0))) {
                count = count(raw.strip(), last);
                typeEnd = parts.length - 1;
            }
            String type = "";
            boolean noConsume = false;
            for (int i = 1; i < typeEnd; i++) {
                String p = parts[i];
                if (p.equalsIgnoreCase("no_consume")) {
                    noConsume = true;
                } else if (p.isEmpty() || !type.isEmpty()) {
                    throw new IllegalArgumentException(raw.strip() + ": not a GRES (name[:type][:no_consume]:count)");
                } else {
                    type = p;
                }
            }
            out.add(new GresSpec(name, type, count, noConsume));
        }
        return out;
    }

    /** A count with Slurm's optional suffix K, M, G, T or P (powers of 1024). */
    static long count(String entry, String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException(entry + ": the count is empty");
        try {
            return Gres.scaledCount(t, "KMGTP");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(entry + ": the count " + text + " is not a whole number (with an optional K, M, G, T or P)", e);
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
