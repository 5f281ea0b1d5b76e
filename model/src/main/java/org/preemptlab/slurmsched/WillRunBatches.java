package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.preemptlab.job.Placement;

/**
 * One backfill cycle's running jobs (those started in the cycle included) as cons_tres's {@code _will_run_test}
 * batches their ends ({@link SlurmSchedulerPolicy#willRunStart}), per partition: the batches' last ends are
 * computed once per partition and cycle (and again after a job starts), not sorted again for every planned job.
 *
 * <p>Why a look-up gives {@code willRunStart}'s answer: the batches, and so the sequence of their last ends,
 * depend on the sorted ends alone, not on {@code fit}; {@code willRunStart} returns the first of them that
 * is ≥ {@code fit} (or {@code fit} when none is), and that sequence is non-decreasing (each is the greatest
 * end of a run of sorted ends that follows the run before), so a binary search finds the same one.
 */
final class WillRunBatches {

    private long[] ends;
    private Placement[] held;
    private int n;
    /** The wall-clock instant of time 0 (seconds since 1970), for cons_tres's 30-s barriers ({@link SlurmSchedulerPolicy#withEpoch}). */
    private final long epoch;
    /** By the partition's node groups (empty: every node), the batches' last ends. */
    private final Map<List<String>, long[]> lasts = new HashMap<>();

    WillRunBatches(long[] ends, Placement[] held) {
        this(ends, held, 0);
    }

    WillRunBatches(long[] ends, Placement[] held, long epoch) {
        this.epoch = epoch;
        this.ends = ends.clone();
        this.held = held.clone();
        this.n = ends.length;
    }

    /** A job started in this cycle: it runs on {@code placement} until {@code end}. */
    void add(long end, Placement placement) {
        if (n == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(8, 2 * n));
            held = Arrays.copyOf(held, ends.length);
        }
        ends[n] = end;
        held[n++] = placement;
        lasts.clear();
    }

    /**
     * {@code willRunStart(fit, ends of the running jobs with a node in usable)} for the partition of the node groups
     * {@code pools} ({@code usable} computes its nodes, null for every node, when they are not known yet).
     */
    long start(long fit, List<String> pools, Function<List<String>, BitSet> usable) {
        long[] l = lasts.get(pools);
        if (l == null) {
            l = batchLasts(sortedEnds(usable.apply(pools)), epoch);
            lasts.put(pools, l);
        }
        return firstAtLeast(l, fit);
    }

    /** The ends of the jobs with a node in {@code usable} (every job when null), sorted. */
    private long[] sortedEnds(BitSet usable) {
        long[] mine = new long[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            if (usable == null) {
                mine[m++] = ends[k];
                continue;
            }
            for (int node : held[k].nodes()) {
                if (usable.get(node)) {
                    mine[m++] = ends[k];
                    break;
                }
            }
        }
        mine = Arrays.copyOf(mine, m);
        Arrays.sort(mine);
        return mine;
    }

    /** The last end of each of {@code willRunStart}'s batches of the sorted {@code ends}, in order (non-decreasing). */
    static long[] batchLasts(long[] ends) {
        return batchLasts(ends, 0);
    }

    /** {@link #batchLasts(long[])} on a run whose time 0 is the wall-clock instant {@code epoch} (seconds since 1970). */
    static long[] batchLasts(long[] ends, long epoch) {
        long[] out = new long[ends.length];
        int count = 0;
        long window = 30;
        long barrier = 0;
        boolean first = true;
        int i = 0;
        int n = ends.length;
        while (i < n) {
            long last = ends[i];
            while (i < n) {
                long e = ends[i];
                if (first) {
                    barrier = e + (30 - Math.floorMod(e + epoch, 30)); // "align all time windows on a time_window barrier"
                    first = false;
                }
                last = e;
                i++;
                if (i < n && ends[i] > barrier + window) break;
            }
            do {
                window *= 2;
            } while (i < n && ends[i] > barrier + window);
            out[count++] = last;
        }
        return Arrays.copyOf(out, count);
    }

    /** The first of the non-decreasing {@code lasts} that is ≥ fit, else fit. */
    static long firstAtLeast(long[] lasts, long fit) {
        int lo = 0;
        int hi = lasts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (lasts[mid] >= fit) hi = mid;
            else lo = mid + 1;
        }
        return lo < lasts.length ? lasts[lo] : fit;
    }
}
