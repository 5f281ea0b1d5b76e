package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.preemptlab.cluster.NodeCluster;
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
    /**
     * The jobs sorted by end once per cycle, each with the node groups it holds as bits (group i: bit i), when the cluster's
     * groups are known ({@code cluster}, at most 64 groups) and every node held lies in one: a partition's jobs are then
     * those whose bits meet its groups' (its nodes are its groups' nodes, {@link SlurmSchedulerPolicy}'s {@code poolNodes}),
     * taken in end order without looking at their nodes or sorting again. Made at the first look-up (a cycle may have none);
     * null before, and when not kept ({@link #sortedEnds} as before).
     */
    private long[] byEnd;
    private long[] groupsByEnd;
    private final NodeCluster cluster;
    private final int[] groupOf;
    /** The jobs' indices by end as the caller sorted them (null: not given, or jobs added since), for the first look-up. */
    private int[] order;
    /** A placement's nodes were unknown: the node-by-node look-up from then on. */
    private boolean groupsOff;

    WillRunBatches(long[] ends, Placement[] held) {
        this(ends, held, 0);
    }

    WillRunBatches(long[] ends, Placement[] held, long epoch) {
        this(ends, held, epoch, null, null, null);
    }

    /**
     * {@code cluster} and {@code groupOf} (the group of each of its nodes, {@link #groupOf}): the partitions' jobs by their
     * groups' bits; null for the node-by-node look-up. {@code order}: the jobs' indices by end
     * ({@link TresStepProfile#byTime}{@code (ends)}), or null.
     */
    WillRunBatches(long[] ends, Placement[] held, long epoch, NodeCluster cluster, int[] groupOf, int[] order) {
        this.epoch = epoch;
        this.ends = ends.clone();
        this.held = held.clone();
        this.n = ends.length;
        this.cluster = groupOf == null ? null : cluster;
        this.groupOf = groupOf;
        this.groupsOff = groupOf == null;
        this.order = order;
    }

    /** Each node's group of {@code cluster} (its pool index), or null when it has more than 64 groups. */
    static int[] groupOf(NodeCluster cluster) {
        if (cluster.pools().size() > 64) return null;
        int[] g = new int[cluster.nodeCount()];
        int first = 0;
        for (int p = 0; p < cluster.pools().size(); p++) {
            int count = cluster.pools().get(p).nodes();
            Arrays.fill(g, first, first + count, p);
            first += count;
        }
        return g;
    }

    /** The groups {@code placement}'s nodes lie in, as bits; -1 (all bits: not usable) when a node is unknown. */
    private long groupsOf(Placement placement) {
        int[] nodes = placement.nodes();
        if (nodes == null) return -1;
        long m = 0;
        for (int node : nodes) {
            if (node < 0 || node >= groupOf.length) return -1;
            m |= 1L << groupOf[node];
        }
        return m;
    }

    /**
     * Sets byEnd / groupsByEnd from the jobs in {@code order} (their indices by end, {@link TresStepProfile#byTime}; null: sorted
     * here), or leaves them null and the group bits off when a placement's nodes are unknown.
     */
    private void sortByEnd(int[] order) {
        if (order == null || order.length != n) order = TresStepProfile.byTime(Arrays.copyOf(ends, n));
        long[] e = new long[n];
        long[] gs = new long[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            long g = groupsOf(held[i]);
            if (g == -1) {
                groupsOff = true;
                return;
            }
            e[k] = ends[i];
            gs[k] = g;
        }
        byEnd = e;
        groupsByEnd = gs;
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
        order = null;
        if (byEnd != null) {
            long g = groupsOf(placement);
            if (g == -1) {
                byEnd = null;
                groupsByEnd = null;
                groupsOff = true;
                return;
            }
            // after the ends ≤ end (the place among equal ends does not matter: only the ends are read, in order)
            int m = byEnd.length;
            int at = m;
            while (at > 0 && byEnd[at - 1] > end) at--;
            long[] e = new long[m + 1];
            long[] gs = new long[m + 1];
            System.arraycopy(byEnd, 0, e, 0, at);
            System.arraycopy(groupsByEnd, 0, gs, 0, at);
            e[at] = end;
            gs[at] = g;
            System.arraycopy(byEnd, at, e, at + 1, m - at);
            System.arraycopy(groupsByEnd, at, gs, at + 1, m - at);
            byEnd = e;
            groupsByEnd = gs;
        }
    }

    /**
     * {@code willRunStart(fit, ends of the running jobs with a node in usable)} for the partition of the node groups
     * {@code pools} ({@code usable} computes its nodes, null for every node, when they are not known yet).
     */
    long start(long fit, List<String> pools, Function<List<String>, BitSet> usable) {
        long[] l = lasts.get(pools);
        if (l == null) {
            if (byEnd == null && !groupsOff) sortByEnd(order);
            l = batchLasts(byEnd != null ? endsOfGroups(pools) : sortedEnds(usable.apply(pools)), epoch);
            lasts.put(pools, l);
        }
        return firstAtLeast(l, fit);
    }

    /** {@link #sortedEnds}'s answer for the nodes of the groups {@code pools} (every node when empty), from byEnd. */
    private long[] endsOfGroups(List<String> pools) {
        if (pools.isEmpty()) return byEnd;
        long want = 0;
        for (String pool : pools) {
            int pi = cluster.poolIndex(pool);
            if (pi >= 0) want |= 1L << pi;
        }
        long[] mine = new long[byEnd.length];
        int m = 0;
        for (int k = 0; k < byEnd.length; k++) if ((groupsByEnd[k] & want) != 0) mine[m++] = byEnd[k];
        return m == mine.length ? mine : Arrays.copyOf(mine, m);
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
