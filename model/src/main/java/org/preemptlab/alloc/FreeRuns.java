package org.preemptlab.alloc;

import java.util.Arrays;

/**
 * A set of free numbers kept as maximal runs of consecutive numbers [start, end): what every
 * operation costs is the runs it touches (a binary search, then a shift of the runs after them), never
 * the numbers in them. Adding numbers already present is harmless (a union), as it was with the bit set
 * this replaces.
 *
 * <p>The runs are two sorted {@code int} arrays, used from {@code head} to {@code n}, not a {@code TreeMap}
 * of boxed keys (HPC2N EASY, cold: ≈ 13 % of the samples were the map's walks and rebalancing); taking the
 * lowest numbers, the common case, moves {@code head} forward. The runs kept are at most the running
 * jobs + 1, so a shift is short.
 */
final class FreeRuns {

    private int[] starts = new int[16];
    private int[] ends = new int[16]; // exclusive; runs neither overlap nor touch
    private int head;
    private int n;

    int size() {
        return n - head;
    }

    /** Index of the last run whose start is ≤ x, or {@code head - 1} if none. */
    private int floor(int x) {
        int lo = head;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) lo = mid + 1;
            else hi = mid - 1;
        }
        return hi;
    }

    /** Room for one more run at the end of the arrays (indices may move: call before searching). */
    private void ensureRoom() {
        if (n < starts.length) return;
        if (head > 0) {
            System.arraycopy(starts, head, starts, 0, n - head);
            System.arraycopy(ends, head, ends, 0, n - head);
            n -= head;
            head = 0;
        } else {
            starts = Arrays.copyOf(starts, starts.length * 2);
            ends = Arrays.copyOf(ends, ends.length * 2);
        }
    }

    /** Makes the runs [lo, hi) into {@code count} slots starting at lo (the rest shifted); needs room if count > hi - lo. */
    private void resize(int lo, int hi, int count) {
        int shift = count - (hi - lo);
        if (shift == 0) return;
        if (count == 0 && lo == head) { // removing from the front
            head = hi;
            return;
        }
        System.arraycopy(starts, hi, starts, hi + shift, n - hi);
        System.arraycopy(ends, hi, ends, hi + shift, n - hi);
        n += shift;
    }

    /** Adds [from, to), merging with the runs it overlaps or touches. */
    void add(int from, int to) {
        if (from >= to) return;
        ensureRoom();
        int i = floor(from);
        int lo;
        if (i >= head && ends[i] >= from) {
            if (ends[i] >= to) return;
            from = starts[i];
            lo = i;
        } else {
            lo = i + 1;
        }
        int hi = lo;
        while (hi < n && starts[hi] <= to) {
            to = Math.max(to, ends[hi]);
            hi++;
        }
        if (lo == hi && lo == head && head > 0) { // before every run, room in front
            head--;
            starts[head] = from;
            ends[head] = to;
            return;
        }
        resize(lo, hi, 1);
        starts[lo] = from;
        ends[lo] = to;
    }

    /** True if every number in [from, to) is in the set. */
    boolean containsAll(int from, int to) {
        if (from >= to) return true;
        int i = floor(from);
        return i >= head && ends[i] >= to;
    }

    /** The first number of [from, to) not in the set (for messages). */
    int firstBusy(int from, int to) {
        int i = floor(from);
        if (i < head || ends[i] <= from) return from;
        return ends[i] < to ? ends[i] : from;
    }

    /** Removes [from, to), which must be in the set ({@link #containsAll}). */
    void remove(int from, int to) {
        if (from >= to) return;
        ensureRoom();
        int i = floor(from);
        if (i < head || ends[i] < to) throw new IllegalStateException("numbers " + from + ".." + (to - 1) + " are not all free");
        int start = starts[i];
        int end = ends[i];
        if (start < from && to < end) { // split in two
            resize(i + 1, i + 1, 1);
            ends[i] = from;
            starts[i + 1] = to;
            ends[i + 1] = end;
        } else if (start < from) {
            ends[i] = from;
        } else if (to < end) {
            starts[i] = to;
        } else {
            resize(i, i + 1, 0);
        }
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
            if (head == n) throw new IllegalStateException("cannot take " + count + " numbers: " + (count - left) + " free");
            int start = starts[head];
            int end = ends[head];
            int take = (int) Math.min((long) end - start, left);
            if (start + take < end) starts[head] = start + take;
            else head++;
            if (k + 2 > out.length) out = Arrays.copyOf(out, out.length * 2);
            out[k++] = start;
            out[k++] = start + take;
            left -= take;
        }
        if (head == n) head = n = 0;
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = head; i < n; i++) b.append(i > head ? ", " : "").append(starts[i]).append('=').append(ends[i]);
        return b.append('}').toString();
    }
}
