package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.List;
import org.preemptlab.alloc.ConsTresSelect;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.AvailabilityProfile;

/**
 * The backfill cycle's availability profile on a Slurm (cons_tres) cluster without reservations:
 * the same step function as the general profile ({@code sched.StepProfile}: the same breakpoints,
 * the same capacity in each step, the same bookings) and the same answers, found faster.
 *
 * <p>The general search builds, for every candidate start, the elementwise minimum ("meet") of the
 * steps the job would cover, one copy per step, and places the job on it. Here a node fits a
 * window of steps iff it fits in every one of them (a node's need is a threshold per resource, so
 * fitting the minimum is fitting each), and each node keeps the run of steps it is known to fit in
 * and the step where it was found not to: a step of a node is looked at most once per search, no
 * capacity is copied, and the placement is the first nodes of the first (partition, group) in
 * {@link TresCapacity#place}'s order that fit the whole window: what {@code place} gives on the
 * meet. Steps are kept in arrays (a breakpoint is inserted where a booking starts or ends), each
 * step's free room as one array of longs with a node's CPUs, memory and GRES side by side (the
 * search walks a node's steps: one cache line per step, where a capacity per step cost three);
 * the checks are {@link TresCapacity}'s ({@code fits}, {@code take}, {@code release}), inlined.
 *
 * <p>Searches of one shape (node count, candidates and needs) start where an earlier search of that
 * shape with a duration no longer found its answer ({@link ShapeBounds}, which proves the answer is
 * the same): a long queue holds many jobs of few shapes, and the profile only fills up during a cycle.
 */
final class TresStepProfile {

    /** The cluster's candidates and placements ({@link TresCapacity#candidates}, {@link TresCapacity#placement}): not its free room. */
    private final TresCapacity shape;
    private final NodeCluster cluster;
    /** GRES keys, and the longs per node in a step: free CPUs, free MB, free GRES by key. */
    private final int g;
    private final int w;
    private long[] times;
    /** Per step, per node {@code w} longs (a node's free room in one step lies in one cache line). */
    private long[][] free;
    private int size;
    /** Each node's whole room (CPUs of every row, memory, GRES), laid out as a step. */
    private final long[] total;
    /** Per step, a bit per node: all of its room is free (see {@link #idleOnly}). */
    private long[][] idle;
    private final int words;
    /**
     * Whether some step has a node with all its CPUs free but not all its memory or GRES (a suspended
     * job's memory): then "all CPUs free" is not "idle", and the idle bits answer nothing.
     */
    private boolean mixed;
    /** Earlier answers as lower bounds of later searches: valid while the profile only loses capacity (bookings). */
    private final ShapeBounds bounds = new ShapeBounds();
    private static final int SMALLEST = 16;
    // per-search scratch, grown as needed; a node slot's runEnd/badAt hold for the search of its stamp only
    private int[] runEnd = new int[0];
    private int[] badAt = new int[0];
    private int[] stamp = new int[0];
    private int search;
    private int[] chosen = new int[0];
    private int[] later = new int[0];
    private int[] smallest = new int[0];

    private TresStepProfile(TresCapacity shape, int capacity) {
        this.shape = shape;
        this.cluster = shape.cluster();
        this.g = shape.gresKeys().size();
        this.w = 2 + g;
        times = new long[Math.max(4, capacity)];
        free = new long[times.length][];
        idle = new long[times.length][];
        int n = cluster.nodeCount();
        this.words = (n + 63) >>> 6;
        int[] rows = new int[cluster.pools().size()];
        for (int gi = 0; gi < rows.length; gi++) rows[gi] = shape.rowsOf(gi);
        TresCapacity empty = new TresCapacity(cluster, rows);
        this.total = new long[n * w];
        for (int node = 0; node < n; node++) {
            total[node * w] = empty.freeCpusOn(node);
            total[node * w + 1] = empty.freeMemoryOn(node);
            for (int k = 0; k < g; k++) total[node * w + 2 + k] = empty.freeGresOn(node, k);
        }
    }

    /** The idle bits of a step's free room (and notes a node whose CPUs alone are all free). */
    private long[] idleBits(long[] f) {
        long[] bits = new long[words];
        for (int node = 0, n = cluster.nodeCount(); node < n; node++) {
            if (isIdle(f, node)) bits[node >>> 6] |= 1L << node;
            else if (f[node * w] == total[node * w]) mixed = true;
        }
        return bits;
    }

    private boolean isIdle(long[] f, int node) {
        int b = node * w;
        for (int k = 0; k < w; k++) if (f[b + k] != total[b + k]) return false;
        return true;
    }

    /**
     * {@code free} from {@code from} on, to which each {@code placements[i]} returns at
     * {@code times[i]} (> from) and stays: as {@code AvailabilityProfile.ofReleases}. {@code free} is
     * read, not kept.
     */
    static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements) {
        Integer[] order = new Integer[releaseTimes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(releaseTimes[a], releaseTimes[b]));
        TresStepProfile p = new TresStepProfile(free, releaseTimes.length + 1 + 64);
        int n = p.cluster.nodeCount();
        long[] current = new long[n * p.w];
        for (int node = 0; node < n; node++) {
            current[node * p.w] = free.freeCpusOn(node);
            current[node * p.w + 1] = free.freeMemoryOn(node);
            for (int k = 0; k < p.g; k++) current[node * p.w + 2 + k] = free.freeGresOn(node, k);
        }
        p.times[0] = from;
        p.free[0] = current;
        p.size = 1;
        int i = 0;
        while (i < order.length) {
            long t = Math.max(from, releaseTimes[order[i]]);
            current = current.clone();
            int first = i;
            while (i < order.length && Math.max(from, releaseTimes[order[i]]) == t) p.release(current, placements[order[i++]]);
            if (t == p.times[p.size - 1]) {
                p.free[p.size - 1] = current; // as a map's put on an existing key (only if a release is at from)
            } else {
                p.append(t, current);
                int k = p.size - 1;
                if (p.idle[k - 1] == null) p.idle[k - 1] = p.idleBits(p.free[k - 1]);
                p.idle[k] = p.idleBitsAfter(p.idle[k - 1], current, placements, order, first, i);
            }
        }
        if (p.idle[0] == null) p.idle[0] = p.idleBits(p.free[0]);
        return p;
    }

    /**
     * The idle bits of a step that differs from the one before (bits {@code before}) only on the nodes of
     * {@code placements[order[a .. b)]}, released into it: what {@link #idleBits} gives on the whole step,
     * since every other node has the same room in both (and was noted as {@code mixed} or not already).
     */
    private long[] idleBitsAfter(long[] before, long[] f, Placement[] placements, Integer[] order, int a, int b) {
        long[] bits = before.clone();
        for (int q = a; q < b; q++) {
            for (int node : placements[order[q]].nodes()) {
                if (isIdle(f, node)) {
                    bits[node >>> 6] |= 1L << node;
                } else {
                    bits[node >>> 6] &= ~(1L << node);
                    if (f[node * w] == total[node * w]) mixed = true;
                }
            }
        }
        return bits;
    }

    /** As {@link TresCapacity#release}. */
    private void release(long[] f, Placement placement) {
        long[] gres = placement.gresPerNode();
        for (int node : placement.nodes()) {
            int b = node * w;
            f[b] += placement.coresPerNode();
            f[b + 1] += placement.memoryPerNodeMb();
            for (int k = 0; k < g; k++) f[b + 2 + k] += gres == null ? 0 : gres[k];
        }
    }

    /** As {@link TresCapacity#take}: the same check, the same message. */
    private void take(long[] f, Placement placement) {
        long[] gres = placement.gresPerNode();
        for (int node : placement.nodes()) {
            int b = node * w;
            boolean ok = f[b] >= placement.coresPerNode() && f[b + 1] >= placement.memoryPerNodeMb();
            for (int k = 0; k < g && ok; k++) ok = f[b + 2 + k] >= (gres == null ? 0 : gres[k]);
            if (!ok) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has " + f[b] + " CPUs, " + f[b + 1]
                        + " MB free in the backfill profile; cannot take " + placement.coresPerNode() + " CPUs and "
                        + placement.memoryPerNodeMb() + " MB" + (gres == null ? "" : " and GRES " + Arrays.toString(gres)));
            }
        }
        for (int node : placement.nodes()) {
            int b = node * w;
            f[b] -= placement.coresPerNode();
            f[b + 1] -= placement.memoryPerNodeMb();
            for (int k = 0; k < g; k++) f[b + 2 + k] -= gres == null ? 0 : gres[k];
        }
    }

    private void append(long t, long[] f) {
        ensure(size + 1);
        times[size] = t;
        free[size++] = f;
    }

    private void ensure(int n) {
        if (n <= times.length) return;
        int cap = Math.max(n, times.length * 2);
        times = Arrays.copyOf(times, cap);
        free = Arrays.copyOf(free, cap);
        idle = Arrays.copyOf(idle, cap);
    }

    /** The index of the last breakpoint ≤ t, or −1. */
    private int floorIndex(long t) {
        int k = Arrays.binarySearch(times, 0, size, t);
        return k >= 0 ? k : -k - 2;
    }

    /** Makes t a breakpoint (a copy of the step covering it); returns its index. */
    private int splitAt(long t) {
        int k = Arrays.binarySearch(times, 0, size, t);
        if (k >= 0) return k;
        int at = -k - 1;
        if (at == 0) throw new IllegalArgumentException("time " + t + " lies before the profile starts at " + times[0]);
        ensure(size + 1);
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(free, at, free, at + 1, size - at);
        System.arraycopy(idle, at, idle, at + 1, size - at);
        times[at] = t;
        free[at] = free[at - 1].clone();
        idle[at] = idle[at - 1].clone();
        size++;
        return at;
    }

    /** Takes the placement out of every step in [from, to). */
    void book(Placement placement, long from, long to) {
        int a = splitAt(from);
        int b = to == Long.MAX_VALUE ? size : splitAt(to);
        for (int k = a; k < b; k++) {
            take(free[k], placement);
            long[] bits = idle[k];
            for (int node : placement.nodes()) {
                if (isIdle(free[k], node)) continue; // it was idle before too (a placement of nothing)
                bits[node >>> 6] &= ~(1L << node);
                if (free[k][node * w] == total[node * w]) mixed = true;
            }
        }
    }

    /**
     * For tests: whether every step's idle bits and the {@code mixed} flag are what {@link #idleBits}
     * gives on the steps' free room as they are now.
     */
    boolean idleBitsAsRecomputed() {
        boolean wasMixed = mixed;
        mixed = false;
        boolean same = true;
        for (int k = 0; k < size; k++) same &= Arrays.equals(idle[k], idleBits(free[k]));
        boolean recomputedMixed = mixed;
        mixed = wasMixed;
        return same && recomputedMixed == wasMixed;
    }

    /** The number of breakpoints (for tests). */
    int steps() {
        return size;
    }

    /**
     * Earliest start ≥ {@code from} (at or after the profile's start) with a placement free over
     * [start, start + duration), or null: the general profile's answer without reservations.
     */
    AvailabilityProfile.Slot earliestFit(JobSpec job, long from, long duration) {
        List<TresCapacity.Candidate> cands = shape.candidates(job);
        if (cands.isEmpty()) return null;
        if (floorIndex(from) < 0) throw new IllegalArgumentException("time " + from + " lies before the profile starts at " + times[0]);
        ShapeBounds.Key key = ShapeBounds.key(job.nodes(), from, cands);
        long bound = bounds.bound(key, duration);
        if (bound == Long.MAX_VALUE) return null; // a shape it dominates fits nowhere, so neither does it
        AvailabilityProfile.Slot slot = shape.slurmSelection() ? searchSelect(cands, job.nodes(), Math.max(from, bound), duration)
                : search(cands, job.nodes(), Math.max(from, bound), duration);
        bounds.record(key, duration, slot == null ? Long.MAX_VALUE : slot.start());
        return slot;
    }

    /** The search from {@code from}, a breakpoint or the profile's search start (see {@link ShapeBounds}). */
    private AvailabilityProfile.Slot search(List<TresCapacity.Candidate> cands, int nodesNeeded, long from, long duration) {
        int i0 = floorIndex(from);
        int nc = cands.size();
        // TresCapacity.fits: a whole-node need leaves the CPUs of the other rows (gang scheduling) to their jobs
        long[] reserved = new long[nc];
        for (int c = 0; c < nc; c++) {
            TresCapacity.Candidate cand = cands.get(c);
            if (cand.need()[2] == 1) reserved[c] = (long) (shape.rowsOf(cand.group()) - 1) * cluster.pools().get(cand.group()).coresPerNode();
        }
        boolean[] idleOnly = new boolean[nc];
        for (int c = 0; c < nc; c++) idleOnly[c] = idleOnly(cands.get(c), reserved[c]);
        int[] base = new int[nc + 1];
        for (int c = 0; c < nc; c++) base[c + 1] = base[c] + cands.get(c).endNode() - cands.get(c).firstNode();
        int total = base[nc];
        if (runEnd.length < total) {
            runEnd = new int[total];
            badAt = new int[total];
            stamp = new int[total];
        }
        if (stamp.length < total) stamp = new int[total];
        if (++search == 0) { // the stamps wrapped round: forget them all
            Arrays.fill(stamp, 0);
            search = 1;
        }
        if (chosen.length < nodesNeeded) chosen = new int[nodesNeeded];
        if (later.length < total) later = new int[total];
        int j = i0;
        int i = i0;
        while (i < size) {
            long start = Math.max(from, times[i]);
            long end = start + duration;
            if (j < i) j = i;
            while (j + 1 < size && times[j + 1] < end) j++;
            int next = Integer.MAX_VALUE; // no candidate can fit before this start index (see below)
            for (int c = 0; c < nc; c++) {
                TresCapacity.Candidate cand = cands.get(c);
                if (idleOnly[c]) {
                    int at = idleSearch(cand, nodesNeeded, i, j);
                    if (at < 0) return new AvailabilityProfile.Slot(start, shape.placement(cand, Arrays.copyOf(chosen, nodesNeeded)));
                    next = Math.min(next, at);
                    continue;
                }
                long[] need = cand.need();
                long cpus = need[0] + reserved[c];
                long mem = need[1];
                int k = 0;
                int failed = 0;
                for (int node = cand.firstNode(), slot = base[c]; node < cand.endNode() && k < nodesNeeded; node++, slot++) {
                    if (fitsWindow(slot, node, i, j, cpus, mem, need)) chosen[k++] = node;
                    else later[failed++] = badAt[slot] + 1;
                }
                if (k == nodesNeeded) return new AvailabilityProfile.Slot(start, shape.placement(cand, Arrays.copyOf(chosen, k)));
                // a node that does not fit now fits no window containing its bad step: before the (needed − k)-th
                // smallest "bad step + 1", fewer than needed nodes can fit, so no start index before it can
                int r = nodesNeeded - k;
                if (r <= failed) next = Math.min(next, nextStartBound(failed, r));
            }
            if (next == Integer.MAX_VALUE) return null;
            i = Math.max(i + 1, next);
        }
        return null;
    }

    /**
     * {@link #search} when the shape chooses nodes as Slurm's cons_tres does ({@link TresCapacity#withSlurmSelection()}):
     * the candidates of one partition with the same need form a class (in the order of their first node,
     * classes of a partition in that order, partitions in the candidates' order), and at a start the class's
     * nodes that fit the whole window go to {@link ConsTresSelect} with their CPUs free over the window
     * (the least over its steps, as on the general profile's meet). A start index is skipped by the same
     * argument as in {@link #search}, counted over the class's nodes.
     */
    private AvailabilityProfile.Slot searchSelect(List<TresCapacity.Candidate> cands, int nodesNeeded, long from, long duration) {
        int nc = cands.size();
        // classes: candidate indices, in order
        int[] order = new int[nc];
        int[] classEnd = new int[nc]; // classEnd[x]: end (in order) of the class starting at order position x
        boolean[] used = new boolean[nc];
        int pos = 0;
        for (int c = 0; c < nc; c++) {
            if (used[c]) continue;
            int part = cands.get(c).partition();
            // this partition's candidates by first node
            Integer[] same = java.util.stream.IntStream.range(c, nc).filter(x -> !used[x] && cands.get(x).partition() == part)
                    .boxed().sorted((a, b) -> Integer.compare(cands.get(a).firstNode(), cands.get(b).firstNode())).toArray(Integer[]::new);
            for (int a = 0; a < same.length; a++) {
                if (used[same[a]]) continue;
                int begin = pos;
                long[] need = cands.get(same[a]).need();
                for (int b = a; b < same.length; b++) {
                    if (!used[same[b]] && Arrays.equals(cands.get(same[b]).need(), need)) {
                        used[same[b]] = true;
                        order[pos++] = same[b];
                    }
                }
                classEnd[begin] = pos;
            }
        }
        int[] base = new int[nc + 1];
        for (int c = 0; c < nc; c++) base[c + 1] = base[c] + cands.get(c).endNode() - cands.get(c).firstNode();
        int total = base[nc];
        if (runEnd.length < total) {
            runEnd = new int[total];
            badAt = new int[total];
        }
        if (stamp.length < total) stamp = new int[total];
        if (++search == 0) {
            Arrays.fill(stamp, 0);
            search = 1;
        }
        if (later.length < total) later = new int[total];
        int[] fit = new int[total];
        long[] avail = new long[total];
        int i = floorIndex(from);
        int j = i;
        while (i < size) {
            long start = Math.max(from, times[i]);
            long end = start + duration;
            if (j < i) j = i;
            while (j + 1 < size && times[j + 1] < end) j++;
            int next = Integer.MAX_VALUE;
            for (int x = 0; x < nc; x = classEnd[x]) {
                int k = 0;
                int failed = 0;
                long[] need = cands.get(order[x]).need();
                long cpus = need[0];
                long mem = need[1];
                for (int y = x; y < classEnd[x]; y++) {
                    TresCapacity.Candidate cand = cands.get(order[y]);
                    for (int node = cand.firstNode(), slot = base[order[y]]; node < cand.endNode(); node++, slot++) {
                        if (fitsWindow(slot, node, i, j, cpus, mem, need)) {
                            int b = node * w;
                            long least = Long.MAX_VALUE;
                            for (int st = i; st <= j; st++) least = Math.min(least, free[st][b]);
                            fit[k] = node;
                            avail[k++] = least;
                        } else {
                            later[failed++] = badAt[slot] + 1;
                        }
                    }
                }
                if (k >= nodesNeeded) {
                    int[] chosen = ConsTresSelect.select(fit, avail, null, k, nodesNeeded, cpus);
                    if (chosen != null) return new AvailabilityProfile.Slot(start, shape.placement(cands.get(order[x]), chosen));
                }
                int r = nodesNeeded - k;
                if (r > 0 && r <= failed) next = Math.min(next, nextStartBound(failed, r));
            }
            if (next == Integer.MAX_VALUE) return null;
            i = Math.max(i + 1, next);
        }
        return null;
    }

    /**
     * Whether the node (scratch slot {@code slot} of this search) fits {@code cpus}, {@code mem} and the
     * need's GRES in every step of [i, j]. Per slot the search remembers how far from i the node is known
     * to fit ({@code runEnd}) and the first step it does not fit in ({@code badAt}): start indices only
     * grow and window ends with them, so each step of a node is read at most once per search. On false,
     * {@code badAt[slot]} is a step of [i, j] the node does not fit in.
     */
    private boolean fitsWindow(int slot, int node, int i, int j, long cpus, long mem, long[] need) {
        if (stamp[slot] != search) {
            stamp[slot] = search;
            runEnd[slot] = -1;
            badAt[slot] = -1;
        }
        if (i <= badAt[slot]) return false; // a step of [i, j] it does not fit in (j only grows)
        int e = runEnd[slot];
        if (e < i) e = i - 1; // it fits in every step of [i, e]
        int b = node * w;
        while (e < j) {
            long[] f = free[e + 1];
            boolean fits = f[b] >= cpus && f[b + 1] >= mem;
            for (int r = 0; r < g && fits; r++) fits = f[b + 2 + r] >= need[3 + r];
            if (fits) {
                e++;
            } else {
                badAt[slot] = e + 1;
                break;
            }
        }
        runEnd[slot] = e;
        return e >= j;
    }

    /** The r-th smallest of {@code later[0, failed)} (1 ≤ r ≤ failed): no start index before it can fit. */
    private int nextStartBound(int failed, int r) {
        if (r == 1) {
            int at = Integer.MAX_VALUE;
            for (int f = 0; f < failed; f++) at = Math.min(at, later[f]);
            return at;
        }
        if (r <= SMALLEST) return rthSmallest(later, failed, r);
        Arrays.sort(later, 0, failed);
        return later[r - 1];
    }

    /**
     * Whether a node fits the candidate's need in a step iff it is idle in it: the need takes all of a
     * node's CPUs ({@code need + reserved} = the node's CPUs, as {@link TresCapacity}'s fit check counts
     * them) and no step has a node whose CPUs are all free but not its memory or GRES. Then a node
     * fits only with all its CPUs free, hence idle; and an idle node fits (a need is at most a node).
     */
    private boolean idleOnly(TresCapacity.Candidate cand, long reserved) {
        return !mixed && cand.endNode() > cand.firstNode() && cand.need()[0] + reserved == total[cand.firstNode() * w];
    }

    /**
     * The fit test of {@link #search} for an idle-only candidate ({@link #idleOnly}), on the steps' idle
     * bits: −1 with {@code chosen} holding the first {@code r} nodes of the candidate idle in every
     * step of [i, j] (the nodes the per-node walk would choose), else a start index before which no
     * start fits the candidate, or {@code Integer.MAX_VALUE} when it has fewer than r nodes at all.
     *
     * <p>Why the bound holds: going forward from i, let s* be the first step where fewer than r of the
     * candidate's nodes have been idle in every step of [i, s*] (s* ≤ j). Going back from s*, let b be
     * the first step where fewer than r nodes are idle in every step of [b, s*] (b ≥ i, since [i, s*]
     * has fewer). Every start i' in [i, b] has a window reaching s* (window ends only grow with the
     * start), and its nodes idle throughout are among those idle throughout [b, s*]: fewer than r. So
     * the next start that can fit is b + 1.
     */
    private int idleSearch(TresCapacity.Candidate cand, int r, int i, int j) {
        int first = cand.firstNode();
        int end = cand.endNode();
        if (end - first < r) return Integer.MAX_VALUE;
        long[] acc = new long[words];
        for (int wd = 0; wd < words; wd++) acc[wd] = rangeMask(wd, first, end);
        int sStar = -1;
        for (int s = i; s <= j; s++) {
            if (andCount(acc, idle[s]) < r) {
                sStar = s;
                break;
            }
        }
        if (sStar < 0) { // r nodes idle over the whole window: the first r of them
            if (chosen.length < r) chosen = new int[r];
            int k = 0;
            for (int wd = 0; wd < words && k < r; wd++) {
                long bits = acc[wd];
                while (bits != 0 && k < r) {
                    chosen[k++] = (wd << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            return -1;
        }
        for (int wd = 0; wd < words; wd++) acc[wd] = rangeMask(wd, first, end);
        for (int b = sStar; b >= i; b--) {
            if (andCount(acc, idle[b]) < r) return b + 1;
        }
        throw new IllegalStateException("idle nodes: fewer than " + r + " over steps " + i + "–" + sStar + " but not back from " + sStar);
    }

    /** acc &= bits; the number of bits left. */
    private int andCount(long[] acc, long[] bits) {
        int count = 0;
        for (int wd = 0; wd < words; wd++) {
            acc[wd] &= bits[wd];
            count += Long.bitCount(acc[wd]);
        }
        return count;
    }

    /** The bits of nodes [first, end) in word wd. */
    private static long rangeMask(int wd, int first, int end) {
        long lo = (long) wd << 6;
        long from = Math.max(first, lo);
        long to = Math.min(end, lo + 64);
        if (from >= to) return 0;
        int a = (int) (from - lo);
        int b = (int) (to - lo);
        long upper = b == 64 ? -1L : (1L << b) - 1;
        return upper & ~((1L << a) - 1);
    }

    /**
     * The r-th smallest (1-based) of {@code a[0 .. n)}, n ≥ r: what {@code a[r − 1]} is after sorting the
     * range, found by keeping the r smallest seen in an insertion-sorted prefix; leaves {@code a} unchanged.
     */
    private int rthSmallest(int[] a, int n, int r) {
        if (smallest.length < r) smallest = new int[r];
        int kept = 0;
        for (int f = 0; f < n; f++) {
            int v = a[f];
            if (kept == r && v >= smallest[r - 1]) continue;
            int pos = kept == r ? r - 1 : kept++;
            while (pos > 0 && smallest[pos - 1] > v) {
                smallest[pos] = smallest[pos - 1];
                pos--;
            }
            smallest[pos] = v;
        }
        return smallest[r - 1];
    }
}
