package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.preemptlab.job.Placement;

/**
 * One backfill cycle's running jobs (those started in the cycle included) as cons_tres's {@code _will_run_test}
 * batches their ends ({@link SlurmSchedulerPolicy#willRunStart}), per partition: Slurm walks the list of <b>every</b>
 * running job in order of its end and skips those without a node the job may use ({@link #batches}); the list is sorted
 * once per cycle (a job started in the cycle is inserted in place) and the batches are computed once per partition and
 * cycle (and again after a job starts), not for every planned job.
 *
 * <p>Why a look-up gives the walk's answer: the batches, and so the sequence of their last ends, depend on the sorted
 * list and the partition's nodes alone, not on {@code fit}; the answer is the last end of the first batch that has taken
 * every usable job ending at or before {@code fit} out and ends at or after it, and the batches' last ends are
 * non-decreasing, so a binary search finds it ({@link #startAfter}).
 */
final class WillRunBatches {

    private long[] ends;
    private Placement[] held;
    private int n;
    /** The wall-clock instant of time 0 (seconds since 1970), for cons_tres's 30-s barriers ({@link SlurmSchedulerPolicy#withEpoch}). */
    private final long epoch;
    /** By the partition's node groups (empty: every node), the batches' first and last ends ({@link #batches}). */
    private final Map<List<String>, long[][]> lasts = new HashMap<>();
    /** Indices of the running jobs in order of their end, ties in index order ({@code _cr_job_list_sort}); null until needed. */
    private int[] order;

    WillRunBatches(long[] ends, Placement[] held) {
        this(ends, held, 0);
    }

    WillRunBatches(long[] ends, Placement[] held, long epoch) {
        this(ends, held, epoch, null);
    }

    /**
     * {@code order}: the jobs' indices by end, ties in index order, as the caller sorted them for the cycle's profile
     * ({@link TresStepProfile#byTime}{@code (ends)}, the order {@link #sortedOrder} gives), or null (sorted when needed).
     */
    WillRunBatches(long[] ends, Placement[] held, long epoch, int[] order) {
        this.epoch = epoch;
        this.ends = ends.clone();
        this.held = held.clone();
        this.n = ends.length;
        this.order = order == null || order.length != n ? null : order.clone();
    }

    /** A job started in this cycle: it runs on {@code placement} until {@code end}. */
    void add(long end, Placement placement) {
        if (n == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(8, 2 * n));
            held = Arrays.copyOf(held, ends.length);
        }
        ends[n] = end;
        held[n] = placement;
        if (order != null) { // in place: after every job ending at or before it (ties: the new one, of the highest index, last)
            order = Arrays.copyOf(order, n + 1);
            int at = n;
            while (at > 0 && ends[order[at - 1]] > end) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = n;
        }
        n++;
        lasts.clear();
    }

    /**
     * {@code willRunStart(fit, …)} for the partition of the node groups {@code pools} ({@code usable} computes its nodes,
     * null for every node, when they are not known yet): the batches of the running jobs with a node in it, as cons_tres
     * makes them from the list of every running job ({@link #batchLasts(long[], boolean[], long)}).
     */
    long start(long fit, List<String> pools, Function<List<String>, BitSet> usable) {
        long[][] l = lasts.get(pools);
        if (l == null) {
            l = batchesOn(usable.apply(pools));
            lasts.put(pools, l);
        }
        return startAfter(l, fit);
    }

    /** The batches of the jobs with a node in {@code usable} (every job when null). */
    private long[][] batchesOn(BitSet usable) {
        if (order == null) order = sortedOrder(ends, n);
        long[] sorted = new long[n];
        boolean[] on = new boolean[n];
        flags(order, ends, held, usable, sorted, on);
        return batches(sorted, on, epoch);
    }

    /** The indices 0..n-1 by {@code ends}, ties in index order. */
    static int[] sortedOrder(long[] ends, int n) {
        boolean packed = n < (1 << 23);
        for (int k = 0; k < n && packed; k++) packed = ends[k] >= 0 && ends[k] < (1L << 40);
        int[] out = new int[n];
        if (packed) { // (end, index) in one long each: a primitive sort, the same order as the comparator's below
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = (ends[k] << 23) | k;
            Arrays.sort(keys);
            for (int r = 0; r < n; r++) out[r] = (int) (keys[r] & ((1 << 23) - 1));
            return out;
        }
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) idx[k] = k;
        Arrays.sort(idx, (a, b) -> ends[a] != ends[b] ? Long.compare(ends[a], ends[b]) : Integer.compare(a, b));
        for (int r = 0; r < n; r++) out[r] = idx[r];
        return out;
    }

    /** In {@code order}: each job's end into {@code sorted} and in {@code on} whether it has a node in {@code usable} (all when null). */
    private static void flags(int[] order, long[] ends, Placement[] held, BitSet usable, long[] sorted, boolean[] on) {
        for (int r = 0; r < order.length; r++) {
            int k = order[r];
            sorted[r] = ends[k];
            boolean mine = usable == null;
            if (!mine) {
                for (int node : held[k].nodes()) {
                    if (usable.get(node)) {
                        mine = true;
                        break;
                    }
                }
            }
            on[r] = mine;
        }
    }

    /**
     * The start for a job that fits once every usable job ending at or before {@code fit} is out, on {@code b} =
     * {@link #batches}: the last end of the first batch that has taken all of them out and ends at or after {@code fit};
     * {@code fit} when no batch does. (Jobs of equal ends can fall in two batches when the rule of the skipped jobs takes
     * the first of them in: then the later batch.)
     */
    static long startAfter(long[][] b, long fit) {
        return startAfter(b[0], b[1], b[1].length, fit);
    }

    /** {@link #startAfter(long[][], long)} on the first {@code count} batches of {@code firsts} and {@code lasts}. */
    private static long startAfter(long[] firsts, long[] lasts, int count, long fit) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lasts[mid] >= fit) hi = mid;
            else lo = mid + 1;
        }
        if (lo >= count) return fit;
        while (lo + 1 < count && firsts[lo + 1] <= fit) lo++;
        return lasts[lo];
    }

    /**
     * The first {@code n} running jobs' ends sorted (ties in the given order) into {@code sorted}, and in {@code on}
     * whether each has a node in {@code usable} (every job when null).
     */
    static void sortedWithFlags(long[] ends, Placement[] held, int n, BitSet usable, long[] sorted, boolean[] on) {
        flags(sortedOrder(ends, n), ends, held, usable, sorted, on);
    }

    /** The last end of each of {@code willRunStart}'s batches of the sorted {@code ends}, in order (non-decreasing). */
    static long[] batchLasts(long[] ends) {
        return batchLasts(ends, 0);
    }

    /** {@link #batchLasts(long[])} on a run whose time 0 is the wall-clock instant {@code epoch} (seconds since 1970). */
    static long[] batchLasts(long[] ends, long epoch) {
        boolean[] all = new boolean[ends.length];
        Arrays.fill(all, true);
        return batchLasts(ends, all, epoch);
    }

    /**
     * The last end of each batch cons_tres's {@code _will_run_test} (select/cons_common/job_test.c, 22.05) takes out, in
     * order (non-decreasing): {@code ends} are <b>every</b> running job's ends, sorted ({@code _cr_job_list_sort}), and
     * {@code on} says which have a node the job may use. Slurm walks that one list: a job without a usable node is skipped
     * ({@code overlap == 0: continue}); the first usable one sets the barrier (its end rounded up to the next multiple of 30
     * s, strictly); after taking a usable job out it looks at the <b>next job of the list</b>, usable or not, and closes
     * the batch when that one ends after barrier + window. So the check is made only after a usable job: when the next is
     * a skipped job within the window, the usable job after the skipped ones is taken into the batch whatever its end, and
     * the window doubles until the next job of the list (usable or not) is within it.
     */
    static long[] batchLasts(long[] ends, boolean[] on, long epoch) {
        return batches(ends, on, epoch)[1];
    }

    /** {@link #batchLasts(long[], boolean[], long)}, with each batch's first (usable) end: {firsts, lasts}. */
    static long[][] batches(long[] ends, boolean[] on, long epoch) {
        return batches(ends, on, ends.length, epoch);
    }

    /** {@link #batches(long[], boolean[], long)} of the first {@code n} ends and flags. */
    static long[][] batches(long[] ends, boolean[] on, int n, long epoch) {
        Walk w = new Walk(ends, n, k -> on[k], epoch);
        w.extendPast(Long.MAX_VALUE); // no batch starts after Long.MAX_VALUE: to the end of the list
        return w.batches();
    }

    /**
     * {@link #batches}'s walk of the first {@code n} sorted ends, made one batch at a time and resumable, a job's flag
     * ({@code usable}) asked when the walk reaches it: after {@link #extendPast}{@code (fit)} the batches made are a prefix
     * of those of the whole list that holds every batch {@link #startAfter(long)} needs. The ends must not change while
     * it is in use.
     */
    static final class Walk {
        private final long[] ends;
        private final int n;
        private final IntPredicate usable;
        /** Else (usable null): the jobs' nodes in list order, {@code words} words each from k · words, and the node set's words. */
        private final long[] masks;
        private final int words;
        private final long[] key;
        private final long epoch;
        private long[] firsts;
        private long[] lasts;
        private int count;
        private int i;
        private long window = 30;
        private long barrier;
        private boolean first = true;
        private boolean more = true;

        Walk(long[] ends, int n, IntPredicate usable, long epoch) {
            this(ends, n, usable, null, 0, null, epoch);
        }

        /**
         * A walk whose job k (in list order) is usable when its nodes, the {@code words} words of {@code masks} from
         * k · words, meet the node set {@code key} ({@code words} words): a word test in the walk, no call per job.
         */
        Walk(long[] ends, int n, long[] masks, int words, long[] key, long epoch) {
            this(ends, n, null, masks, words, key, epoch);
        }

        private Walk(long[] ends, int n, IntPredicate usable, long[] masks, int words, long[] key, long epoch) {
            this.ends = ends;
            this.n = n;
            this.usable = usable;
            this.masks = masks;
            this.words = words;
            this.key = key;
            this.epoch = epoch;
            int size = Math.max(1, Math.min(n, 16));
            firsts = new long[size];
            lasts = new long[size];
        }

        /** Batches until the list ends or the last one made starts after {@code fit}. */
        void extendPast(long fit) {
            while (more && (count == 0 || firsts[count - 1] <= fit)) next();
        }

        /**
         * {@link WillRunBatches#startAfter(long[][], long)} on the batches made: those after them all start after fit
         * (after {@link #extendPast}{@code (fit)}).
         */
        long startAfter(long fit) {
            return WillRunBatches.startAfter(firsts, lasts, count, fit);
        }

        /** The batches made: {firsts, lasts}. */
        long[][] batches() {
            return new long[][] {Arrays.copyOf(firsts, count), Arrays.copyOf(lasts, count)};
        }

        /** Whether job k of the list has a node the walk may use. */
        private boolean usable(int k) {
            if (usable != null) return usable.test(k);
            int base = k * words;
            for (int w = 0; w < words; w++) if ((masks[base + w] & key[w]) != 0) return true;
            return false;
        }

        /**
         * One batch: one step of the outer loop of cons_tres's walk (see {@link #batchLasts(long[], boolean[], long)}),
         * without stepping through the batch's middle (session 17). The walk takes usable jobs until, just after one, the
         * next job of the list ends after barrier + window (the window is fixed within a batch); as the ends are sorted,
         * the jobs after which that holds are those at or after p − 1, p the first job after the batch's first usable one
         * k that ends after barrier + window (the list's length when none does). So the batch closes at the first usable
         * job at or after max(k, p − 1), which ends it; when none is, it runs to the list's end, ended by the last usable
         * job before p − 1. p is found by a galloping search from k + 1; only the jobs before k and those from p − 1 to
         * the closing one are asked whether they are usable.
         */
        private void next() {
            final long[] ends = this.ends;
            final int n = this.n;
            int k = i;
            while (k < n && !usable(k)) k++; // jobs with no usable nodes: skipped
            if (k >= n) {
                i = n;
                more = false;
                return;
            }
            if (first) {
                barrier = ends[k] + (30 - Math.floorMod(ends[k] + epoch, 30)); // "align all time windows on a time_window barrier"
                first = false;
            }
            final long barrier = this.barrier;
            final long window = this.window;
            // p: the first job after k ending after barrier + window (no overflow: ends ≥ 0), by galloping then bisection
            int lo = k + 1; // every job before lo ends within the window (or is k)
            int step = 1;
            int hi = lo;
            while (hi < n && ends[hi] - barrier <= window) {
                lo = hi + 1;
                hi = lo + step;
                step <<= 1;
            }
            if (hi > n) hi = n;
            while (lo < hi) { // ends[lo - 1] within (or k), ends[hi] after the window (or hi = n)
                int mid = (lo + hi) >>> 1;
                if (ends[mid] - barrier <= window) lo = mid + 1;
                else hi = mid;
            }
            int p = lo;
            int c = Math.max(k, p - 1);
            while (c < n && !usable(c)) c++;
            long last;
            if (c < n) { // the batch ends at c; the next job of the list, if any, ends after the window
                last = ends[c];
                i = c + 1;
                if (i >= n) more = false;
            } else { // no usable job at or after p - 1: the batch takes every usable job to the list's end
                int u = p - 2;
                while (u > k && !usable(u)) u--;
                last = ends[u];
                i = n;
                more = false;
            }
            long w = window;
            do { // doubles up to Long.MAX_VALUE, which holds every end: at most 63 times, never past the largest end
                w = w >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : w * 2;
            } while (i < n && ends[i] - barrier > w);
            this.window = w;
            if (count == firsts.length) {
                firsts = Arrays.copyOf(firsts, 2 * count);
                lasts = Arrays.copyOf(lasts, 2 * count);
            }
            firsts[count] = ends[k];
            lasts[count++] = last;
        }
    }

    /** The first of the non-decreasing {@code lasts} that is ≥ fit, else fit. */
    static long firstAtLeast(long[] lasts, long fit) {
        int lo = firstIndexAtLeast(lasts, fit);
        return lo < lasts.length ? lasts[lo] : fit;
    }

    /** The index of the first of the non-decreasing {@code lasts} that is ≥ fit ({@code lasts.length} when none is). */
    private static int firstIndexAtLeast(long[] lasts, long fit) {
        int lo = 0;
        int hi = lasts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lasts[mid] >= fit) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
