package org.preemptlab.alloc;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The TreeMap FreeRuns this package used before the arrays (test reference). A set of free numbers kept as maximal runs of consecutive numbers [start, end): what every
 * operation costs is the runs it touches (times log of the runs kept), never the numbers in them.
 * Adding numbers already present is harmless (a union), as it was with the bit set this replaces.
 */
final class FreeRunsReference {

    /** start → end (exclusive); runs neither overlap nor touch. */
    private final TreeMap<Integer, Integer> runs = new TreeMap<>();

    int size() {
        return runs.size();
    }

    /** Adds [from, to), merging with the runs it overlaps or touches. */
    void add(int from, int to) {
        if (from >= to) return;
        Map.Entry<Integer, Integer> before = runs.floorEntry(from);
        if (before != null && before.getValue() >= from) {
            if (before.getValue() >= to) return;
            from = before.getKey();
            runs.remove(from);
        }
        for (Map.Entry<Integer, Integer> next = runs.ceilingEntry(from); next != null && next.getKey() <= to;
                next = runs.ceilingEntry(from)) {
            to = Math.max(to, next.getValue());
            runs.remove(next.getKey());
        }
        runs.put(from, to);
    }

    /** True if every number in [from, to) is in the set. */
    boolean containsAll(int from, int to) {
        if (from >= to) return true;
        Map.Entry<Integer, Integer> run = runs.floorEntry(from);
        return run != null && run.getValue() >= to;
    }

    /** The first number of [from, to) not in the set (for messages). */
    int firstBusy(int from, int to) {
        Map.Entry<Integer, Integer> run = runs.floorEntry(from);
        if (run == null || run.getValue() <= from) return from;
        return run.getValue() < to ? run.getValue() : from;
    }

    /** Removes [from, to), which must be in the set ({@link #containsAll}). */
    void remove(int from, int to) {
        if (from >= to) return;
        Map.Entry<Integer, Integer> run = runs.floorEntry(from);
        if (run == null || run.getValue() < to) throw new IllegalStateException("numbers " + from + ".." + (to - 1) + " are not all free");
        int start = run.getKey();
        int end = run.getValue();
        if (start < from) runs.put(start, from);
        else runs.remove(start);
        if (to < end) runs.put(to, end);
    }

    /**
     * Removes the {@code count} lowest numbers (there must be as many); returns them as runs
     * (start, end, start, end, …), ascending.
     */
    int[] takeLowest(int count) {
        int[] out = new int[8];
        int k = 0;
        int left = count;
        while (left > 0) {
            Map.Entry<Integer, Integer> first = runs.firstEntry();
            if (first == null) throw new IllegalStateException("cannot take " + count + " numbers: " + (count - left) + " free");
            int start = first.getKey();
            int end = first.getValue();
            int take = (int) Math.min((long) end - start, left);
            runs.remove(start);
            if (start + take < end) runs.put(start + take, end);
            if (k + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
            out[k++] = start;
            out[k++] = start + take;
            left -= take;
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    @Override
    public String toString() {
        return runs.toString();
    }
}
