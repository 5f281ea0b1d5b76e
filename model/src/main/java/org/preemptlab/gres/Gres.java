package org.preemptlab.gres;

import java.util.ArrayList;
import java.util.List;

/**
 * One generic resource count in Slurm's notation {@code name[:type]:count}, e.g. {@code gpu:a100:4}
 * (four A100 GPUs) or {@code gpu:2} (two GPUs of any type). On a node the type says what the node
 * has; in a request an untyped entry takes any type of that name.
 *
 * @param name  the GRES name ({@code gpu}, {@code nvme}, …), non-empty
 * @param type  the type ({@code a100}), {@code ""} when untyped
 * @param count how many, ≥ 0
 */
public record Gres(String name, String type, long count) {

    public Gres {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a GRES needs a name (name[:type]:count)");
        type = type == null ? "" : type;
        if (count < 0) throw new IllegalArgumentException(name + ": count " + count + "; must be ≥ 0");
    }

    public boolean typed() {
        return !type.isEmpty();
    }

    /** {@code name} or {@code name:type}: the key a node's GRES are counted under. */
    public String key() {
        return typed() ? name + ":" + type : name;
    }

    /** Whether a node's GRES {@code onNode} can serve this request entry (same name; same type if typed). */
    public boolean servedBy(Gres onNode) {
        return name.equals(onNode.name) && (!typed() || type.equals(onNode.type));
    }

    @Override
    public String toString() {
        return key() + ":" + count;
    }

    /**
     * A comma-separated list in Slurm's notation: {@code gpu:a100:4,nvme:1}. A missing count is 1
     * ({@code gpu}, {@code gpu:a100}); counts take K, M, G, T (powers of 1024).
     *
     * @throws IllegalArgumentException naming the entry that is not {@code name[:type][:count]}
     */
    public static List<Gres> parseList(String text) {
        List<Gres> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String raw : text.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            String[] parts = entry.split(":", -1);
            if (parts.length > 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("\"" + entry + "\" is not a GRES; write name[:type]:count, e.g. gpu:a100:4");
            }
            String name = parts[0];
            String type = "";
            long count = 1;
            String last = parts[parts.length - 1];
            boolean lastIsCount = parts.length > 1 && !last.isEmpty() && Character.isDigit(last.charAt(0));
            if (lastIsCount) count = count(entry, last);
            if (parts.length == 3 && !lastIsCount) {
                throw new IllegalArgumentException("\"" + entry + "\": the count \"" + last + "\" is not a whole number");
            }
            if (parts.length == 3 || (parts.length == 2 && !lastIsCount)) type = parts[1];
            if (parts.length > 1 && type.isEmpty() && !lastIsCount) {
                throw new IllegalArgumentException("\"" + entry + "\" is not a GRES; write name[:type]:count, e.g. gpu:a100:4");
            }
            for (Gres g : out) {
                if (g.key().equals(name + (type.isEmpty() ? "" : ":" + type))) {
                    throw new IllegalArgumentException("\"" + entry + "\": " + g.key() + " is given twice");
                }
            }
            out.add(new Gres(name, type, count));
        }
        return out;
    }

    private static long count(String entry, String text) {
        try {
            return scaledCount(text, "KMGT");
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + entry + "\": the count \"" + text + "\" is not a whole number");
        }
    }

    /**
     * A non-empty count with an optional last letter from {@code suffixes}, the first meaning 1024,
     * the next 1024², …: {@code scaledCount("4K", "KMGT")} is 4096.
     *
     * @throws NumberFormatException when the rest is not a whole number
     * @throws ArithmeticException   when the count does not fit a long
     */
    public static long scaledCount(String text, String suffixes) {
        long mult = 1;
        String t = text;
        int suffix = suffixes.indexOf(Character.toUpperCase(t.charAt(t.length() - 1)));
        if (suffix >= 0) {
            mult = 1L << (10 * (suffix + 1));
            t = t.substring(0, t.length() - 1);
        }
        return Math.multiplyExact(Long.parseLong(t), mult);
    }

    /** The list back in Slurm's notation, {@code gpu:a100:4,nvme:1}. */
    public static String format(List<Gres> list) {
        StringBuilder b = new StringBuilder();
        for (Gres g : list) {
            if (b.length() > 0) b.append(',');
            b.append(g);
        }
        return b.toString();
    }

    /** The TRES name this GRES is counted under in limits and billing: {@code gres/gpu:a100}. */
    public String tresName() {
        return "gres/" + key();
    }
}
