package org.preemptlab.app.gui.run;

import java.util.Arrays;

/**
 * A piecewise-constant function of time built from (time, delta) changes: its value at t counts
 * every change at a time ≤ t. Queried by binary search.
 */
public final class StepSeries {

    private final long[] times;
    private final double[] values;
    private final double max;

    private StepSeries(long[] times, double[] values) {
        this.times = times;
        this.values = values;
        double m = 0;
        for (double v : values) m = Math.max(m, v);
        this.max = m;
    }

    public static Builder builder() {
        return new Builder(64);
    }

    /** A builder sized for {@code changes} changes (it grows past them if need be). */
    public static Builder builder(int changes) {
        return new Builder(Math.max(1, changes));
    }

    /** The value at time t (0 before the first change). */
    public double valueAt(long t) {
        int i = lastAtOrBefore(t);
        return i < 0 ? 0 : values[i];
    }

    /** The largest value taken anywhere in [from, to] (the value at {@code from} included). */
    public double maxOver(long from, long to) {
        int i = lastAtOrBefore(from);
        double m = i < 0 ? 0 : values[i];
        for (int k = i + 1; k < times.length && times[k] <= to; k++) m = Math.max(m, values[k]);
        return m;
    }

    /** The time-average over [from, to). */
    public double averageOver(long from, long to) {
        if (to <= from) return valueAt(from);
        int i = lastAtOrBefore(from);
        double area = 0;
        long t = from;
        double v = i < 0 ? 0 : values[i];
        for (int k = i + 1; k < times.length && times[k] < to; k++) {
            area += v * (times[k] - t);
            t = times[k];
            v = values[k];
        }
        area += v * (to - t);
        return area / (to - from);
    }

    public double max() {
        return max;
    }

    public int size() {
        return times.length;
    }

    public long timeAt(int i) {
        return times[i];
    }

    public double valueAtIndex(int i) {
        return values[i];
    }

    /** Index of the last change at a time ≤ t, or -1. */
    int lastAtOrBefore(long t) {
        int lo = 0, hi = times.length - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= t) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Collects changes in any order. */
    public static final class Builder {
        private long[] t;
        private double[] d;
        private int n;
        /**
         * True while every change came from {@link #interval} with starts in order (the Gantt's index adds
         * them so): the starts are sorted then, and only the ends need sorting.
         */
        private boolean startsInOrder = true;
        private long lastStart = Long.MIN_VALUE;

        private Builder(int capacity) {
            t = new long[capacity];
            d = new double[capacity];
        }

        public Builder change(long time, double delta) {
            startsInOrder = false;
            return add(time, delta);
        }

        private Builder add(long time, double delta) {
            if (n < 0) throw new IllegalStateException("this builder has built its series already");
            if (n == t.length) {
                t = Arrays.copyOf(t, Math.max(2, n * 2));
                d = Arrays.copyOf(d, Math.max(2, n * 2));
            }
            t[n] = time;
            d[n] = delta;
            n++;
            return this;
        }

        /** +value over [from, to). */
        public Builder interval(long from, long to, double value) {
            if (to <= from) return this;
            if (from < lastStart) startsInOrder = false;
            lastStart = from;
            add(from, value);
            return add(to, -value);
        }

        /**
         * The series; the builder is spent (its arrays become the series', compacted in place: a
         * 200k-job trace's series hold about a million changes).
         */
        public StepSeries build() {
            if (n < 0) throw new IllegalStateException("this builder has built its series already");
            if (startsInOrder) sortEnds();
            else sort(t, d, 0, n - 1);
            int m = 0;
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += d[i]; // read before the write below, at m ≤ i
                if (m > 0 && t[m - 1] == t[i]) {
                    d[m - 1] = v;
                } else {
                    t[m] = t[i];
                    d[m] = v;
                    m++;
                }
            }
            for (int k = 0; k < m; k++) if (Math.abs(d[k]) < 1e-9) d[k] = 0;
            long[] times = m == t.length ? t : Arrays.copyOf(t, m);
            double[] values = m == d.length ? d : Arrays.copyOf(d, m);
            t = null;
            d = null;
            n = -1;
            return new StepSeries(times, values);
        }
    
        /**
         * Sorts changes that are (start, end) pairs with the starts in order: the ends are sorted apart, then
         * merged with the starts (half the sorting; the order among equal times differs, which does not
         * matter: the deltas are summed).
         */
        private void sortEnds() {
            int m = n / 2;
            long[] et = new long[m];
            double[] ed = new double[m];
            for (int i = 0; i < m; i++) {
                et[i] = t[2 * i + 1];
                ed[i] = d[2 * i + 1];
                t[i] = t[2 * i]; // i ≤ 2i: the starts move to the front in place
                d[i] = d[2 * i];
            }
            sort(et, ed, 0, m - 1);
            int a = m - 1, b = m - 1;
            for (int w = n - 1; b >= 0; w--) { // from the back: never overwrites a start not yet merged
                if (a >= 0 && t[a] > et[b]) {
                    t[w] = t[a];
                    d[w] = d[a--];
                } else {
                    t[w] = et[b];
                    d[w] = ed[b--];
                }
            }
        }

        /** Sorts by time (order among equal times does not matter: the deltas are summed). */
        private static void sort(long[] t, double[] d, int lo, int hi) {
            while (hi - lo > 16) {
                long pivot = median(t[lo], t[(lo + hi) >>> 1], t[hi]);
                int i = lo, j = hi;
                while (i <= j) {
                    while (t[i] < pivot) i++;
                    while (t[j] > pivot) j--;
                    if (i <= j) {
                        swap(t, d, i++, j--);
                    }
                }
                if (j - lo < hi - i) {
                    sort(t, d, lo, j);
                    lo = i;
                } else {
                    sort(t, d, i, hi);
                    hi = j;
                }
            }
            for (int i = lo + 1; i <= hi; i++) {
                for (int k = i; k > lo && t[k - 1] > t[k]; k--) swap(t, d, k, k - 1);
            }
        }

        private static long median(long a, long b, long c) {
            return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }

        private static void swap(long[] t, double[] d, int i, int j) {
            long tt = t[i];
            t[i] = t[j];
            t[j] = tt;
            double dd = d[i];
            d[i] = d[j];
            d[j] = dd;
        }
    }
}
