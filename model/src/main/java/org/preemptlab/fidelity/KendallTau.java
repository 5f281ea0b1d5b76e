package org.preemptlab.fidelity;

import java.util.Arrays;

/**
 * Kendall's τ-b between two rankings, in O(n log n) (Knight's algorithm: sort by x then y, count
 * discordant pairs as the swaps of a merge sort by y), ties handled as τ-b does:
 * τ = (n₀ − n₁ − n₂ + n₃ − 2·swaps) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n−1)/2, n₁ pairs tied in x,
 * n₂ tied in y, n₃ tied in both. 1 for the same order, −1 for the reverse; NaN when one ranking
 * is all ties or there are fewer than 2 items.
 */
public final class KendallTau {

    private KendallTau() {}

    public static double tauB(long[] x, long[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " values, y " + y.length);
        int n = x.length;
        if (n < 2) return Double.NaN;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> x[a] != x[b] ? Long.compare(x[a], x[b]) : Long.compare(y[a], y[b]));
        long[] ys = new long[n];
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x[boxed[i]];
            ys[i] = y[boxed[i]];
        }
        long n0 = (long) n * (n - 1) / 2;
        long n1 = tiedPairs(xs, null);
        long n3 = tiedPairs(xs, ys);
        long swaps = mergeCount(ys, new long[n], 0, n);
        long n2 = tiedPairs(ys, null); // ys is sorted now
        double denom = Math.sqrt((double) (n0 - n1) * (double) (n0 - n2));
        if (denom == 0) return Double.NaN;
        return (n0 - n1 - n2 + n3 - 2.0 * swaps) / denom;
    }

    /** Pairs tied in a (sorted) sequence, or tied in both a and b (sorted by a, then b). */
    private static long tiedPairs(long[] a, long[] b) {
        long pairs = 0, run = 1;
        for (int i = 1; i <= a.length; i++) {
            boolean same = i < a.length && a[i] == a[i - 1] && (b == null || b[i] == b[i - 1]);
            if (same) {
                run++;
            } else {
                pairs += run * (run - 1) / 2;
                run = 1;
            }
        }
        return pairs;
    }

    /** Sorts a[from, to) and returns the number of strict inversions. */
    private static long mergeCount(long[] a, long[] tmp, int from, int to) {
        if (to - from < 2) return 0;
        int mid = (from + to) >>> 1;
        long swaps = mergeCount(a, tmp, from, mid) + mergeCount(a, tmp, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                swaps += mid - i;
                tmp[k++] = a[j++];
            } else {
                tmp[k++] = a[i++];
            }
        }
        while (i < mid) tmp[k++] = a[i++];
        while (j < to) tmp[k++] = a[j++];
        System.arraycopy(tmp, from, a, from, to - from);
        return swaps;
    }
}
