package org.preemptlab.tres;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A vector of trackable resources, as Slurm writes them: {@code cpu=4,mem=16G,node=1,gres/gpu=2}.
 *
 * <p>Names are {@code cpu}, {@code mem} (always held in MB, as Slurm counts it), {@code node},
 * {@code billing} and {@code gres/NAME} or {@code gres/NAME:TYPE}; other TRES (licenses, burst
 * buffers, energy, file systems) are not modelled and are refused by {@link #parse}. An absent name
 * counts as zero in arithmetic; in a limit an absent name means "no limit" (see
 * {@link #has(String)}). Values are never negative. Immutable; equal when the same names have the
 * same values (a name with value 0 is kept: {@code cpu=0} as a limit forbids any CPU).
 */
public final class Tres {

    public static final String CPU = "cpu";
    public static final String MEM = "mem";
    public static final String NODE = "node";
    public static final String BILLING = "billing";
    public static final String GPU = "gres/gpu";

    /** No resources (as a request) or no limit at all (as a limit). */
    public static final Tres NONE = new Tres(new TreeMap<>());

    private final SortedMap<String, Long> counts;

    private Tres(SortedMap<String, Long> counts) {
        this.counts = Collections.unmodifiableSortedMap(counts);
    }

    /** {@code cpu}, {@code mem} (MB) and {@code node}; zero values are left out. */
    public static Tres of(long cpus, long memMb, long nodes) {
        Tres t = NONE;
        if (cpus != 0) t = t.with(CPU, cpus);
        if (memMb != 0) t = t.with(MEM, memMb);
        if (nodes != 0) t = t.with(NODE, nodes);
        return t;
    }

    /** One resource. */
    public static Tres of(String name, long value) {
        return NONE.with(name, value);
    }

    /** From a map of name to value (each name checked as in {@link #with}). */
    public static Tres of(Map<String, Long> values) {
        Tres t = NONE;
        for (Map.Entry<String, Long> e : new TreeMap<>(values).entrySet()) t = t.with(e.getKey(), e.getValue());
        return t;
    }

    /** A copy with {@code name} set to {@code value}. */
    public Tres with(String name, long value) {
        String key = checkName(name);
        if (value < 0) throw new IllegalArgumentException(key + "=" + value + "; must be ≥ 0");
        TreeMap<String, Long> copy = new TreeMap<>(counts);
        copy.put(key, value);
        return new Tres(copy);
    }

    /** A copy without {@code name} (as a limit: that limit removed). */
    public Tres without(String name) {
        if (!counts.containsKey(name)) return this;
        TreeMap<String, Long> copy = new TreeMap<>(counts);
        copy.remove(name);
        return new Tres(copy);
    }

    /** The count of {@code name}; 0 when absent. */
    public long get(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** Whether {@code name} is present (as a limit: whether that limit is set). */
    public boolean has(String name) {
        return counts.containsKey(name);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** The names present, sorted. */
    public List<String> names() {
        return List.copyOf(counts.keySet());
    }

    /** The names and values, sorted by name. */
    public SortedMap<String, Long> asMap() {
        return counts;
    }

    /** Name by name sum (absent = 0). */
    public Tres plus(Tres other) {
        TreeMap<String, Long> sum = new TreeMap<>(counts);
        other.counts.forEach((k, v) -> sum.merge(k, v, Math::addExact));
        return new Tres(sum);
    }

    /** Name by name difference; a result below zero is refused (usage can never go negative). */
    public Tres minus(Tres other) {
        TreeMap<String, Long> diff = new TreeMap<>(counts);
        for (Map.Entry<String, Long> e : other.counts.entrySet()) {
            long left = diff.getOrDefault(e.getKey(), 0L) - e.getValue();
            if (left < 0) {
                throw new IllegalStateException(e.getKey() + ": " + get(e.getKey()) + " − " + e.getValue() + " is below 0");
            }
            diff.put(e.getKey(), left);
        }
        return new Tres(diff);
    }

    /** Each value multiplied by {@code factor} (e.g. a per-node request times the node count). */
    public Tres times(long factor) {
        if (factor < 0) throw new IllegalArgumentException("factor " + factor + "; must be ≥ 0");
        TreeMap<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, Math.multiplyExact(v, factor)));
        return new Tres(out);
    }

    /** As {@code plus(added).firstOver(limit)}, without building the sum (a limit check on every pass). */
    public String firstOverWith(Tres added, Tres limit) {
        for (Map.Entry<String, Long> e : limit.counts.entrySet()) {
            if (Math.addExact(get(e.getKey()), added.get(e.getKey())) > e.getValue()) return e.getKey();
        }
        return null;
    }

    /**
     * The first name (in name order) whose limit, set in {@code limit}, {@code this} exceeds; or
     * null when {@code this} fits. Names absent from {@code limit} are unlimited.
     */
    public String firstOver(Tres limit) {
        for (Map.Entry<String, Long> e : limit.counts.entrySet()) {
            if (get(e.getKey()) > e.getValue()) return e.getKey();
        }
        return null;
    }

    /**
     * Parses Slurm's TRES string, e.g. {@code cpu=4,mem=16G,node=1,gres/gpu:a100=2}. Memory takes
     * the suffixes K, M (default), G, T and is held in MB; other values are plain counts. An empty
     * string is {@link #NONE}. A value of {@code -1} (sacctmgr's "unset") leaves the name out.
     *
     * @throws IllegalArgumentException naming the offending item
     */
    public static Tres parse(String text) {
        Objects.requireNonNull(text, "text");
        TreeMap<String, Long> out = new TreeMap<>();
        String trimmed = text.trim();
        if (trimmed.isEmpty()) return NONE;
        for (String item : trimmed.split(",")) {
            String it = item.trim();
            int eq = it.indexOf('=');
            if (eq <= 0 || eq == it.length() - 1) {
                throw new IllegalArgumentException("\"" + it + "\" is not NAME=VALUE");
            }
            String name = checkName(it.substring(0, eq).trim());
            String value = it.substring(eq + 1).trim();
            if (value.equals("-1")) continue;
            long v = name.equals(MEM) ? parseMemMb(value) : parseCount(name, value);
            if (out.put(name, v) != null) throw new IllegalArgumentException(name + " is given twice");
        }
        return new Tres(out);
    }

    private static long parseCount(String name, String value) {
        try {
            long v = Long.parseLong(value);
            if (v < 0) throw new IllegalArgumentException(name + "=" + value + "; must be ≥ 0");
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + "; not a whole number");
        }
    }

    /** {@code 16G} → 16384; {@code 512} and {@code 512M} → 512; K rounds up to whole MB. */
    public static long parseMemMb(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        long mult = 1;
        boolean kilo = false;
        char last = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
        if (Character.isLetter(last)) {
            v = v.substring(0, v.length() - 1);
            switch (last) {
                case 'K' -> kilo = true;
                case 'M' -> mult = 1;
                case 'G' -> mult = 1024;
                case 'T' -> mult = 1024L * 1024;
                default -> throw new IllegalArgumentException("mem=" + value + "; use a number with K, M, G or T");
            }
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mem=" + value + "; use a number with K, M, G or T");
        }
        if (n < 0) throw new IllegalArgumentException("mem=" + value + "; must be ≥ 0");
        return kilo ? (n + 1023) / 1024 : Math.multiplyExact(n, mult);
    }

    /** Whether {@code name} is a TRES this model tracks (cpu, mem, node, billing, gres/…). */
    public static boolean isKnown(String name) {
        if (name == null) return false;
        return name.equals(CPU) || name.equals(MEM) || name.equals(NODE) || name.equals(BILLING)
                || (name.startsWith("gres/") && name.length() > 5);
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("gres/")) n = "gres/" + name.substring(5); // GRES names keep their case
        if (!isKnown(n)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a modelled TRES; use cpu, mem, node, billing or gres/NAME[:TYPE]");
        }
        return n;
    }

    /** Whether this is a generic resource ({@code gres/…}). */
    public static boolean isGres(String name) {
        return name.startsWith("gres/");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tres t && t.counts.equals(counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    /** Slurm's form, memory in MB with an M: {@code cpu=4,mem=16384M,node=1}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + "=" + v + (k.equals(MEM) ? "M" : "")));
        return String.join(",", parts);
    }
}
