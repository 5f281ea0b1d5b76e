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
 * <p>The searches read the same room kept per node ({@link NodeTimelines}: a node's own breakpoints only),
 * candidate by candidate (with Slurm's node choice, class by class): from a start t, each node's
 * earliest start ≥ t that holds the job over its whole duration; with k nodes holding it at t and
 * fewer than needed, the next start tried is the (needed − k)-th earliest of the others' (none between
 * can fit). A search thus costs the changes of the nodes it looks at, not nodes × steps of the whole
 * profile; the earliest candidate wins, the first on a tie, as when every candidate was tried at each
 * start in turn. First fit keeps the idle-bit walk over the steps for candidates that need whole idle
 * nodes; with Slurm's node choice nothing reads the steps' room, and only their instants are kept.
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
    /** The same room kept per node, with each node's own breakpoints only: what the searches read ({@link NodeTimelines}). */
    private NodeTimelines nodes;
    /** For tests: search the steps (the search before the per-node timelines) instead of the nodes' timelines. */
    private boolean bySteps;
    /** With Slurm's node choice no search reads the idle bits ({@link #idleOnly} is for first fit): they are not kept. */
    private final boolean keepIdle;
    /**
     * Whether {@code free} holds each step's room: with Slurm's node choice the searches read the nodes'
     * timelines only, and the steps keep their instants alone until a search over them is wanted ({@link #keepSteps}).
     */
    private boolean stepsKept;
    private static final int SMALLEST = 16;
    // per-search scratch, grown as needed; a node slot's runEnd/badAt hold for the search of its stamp only
    private int[] runEnd = new int[0];
    private int[] badAt = new int[0];
    private int[] stamp = new int[0];
    private int search;
    private int[] chosen = new int[0];
    private int[] later = new int[0];
    private int[] smallest = new int[0];
    private long[] smallestAt = new long[0];
    // the per-node searches' scratch: the nodes that fit at a start, their least CPUs over the window, the others' next starts
    private int[] fitAt = new int[0];
    private long[] fitCpus = new long[0];
    private long[] laterAt = new long[0];
    /** The candidate list whose classes {@link #classOrder}, {@link #classEnd} and {@link #classSlot} hold (searchSelectByNode's), and its slot count. */
    private List<TresCapacity.Candidate> classesOf;
    private int classesTotal;
    /** classEarliest's per-slot answers of its last pass: a lower bound of the node's earliest start at a later t. */
    private long[] slotLater = new long[0];
    private int[] selected;
    /** {@link ConsTresSelect#select}'s working arrays: the prior profile's (searched no more), else new; nothing in them outlives a call. */
    private final ConsTresSelect.Scratch selectScratch;
    private int[] classOrder = new int[0];
    private int[] classEnd = new int[0];
    private boolean[] classUsed = new boolean[0];
    private int[] classSlot = new int[0];
    private int[] classSame = new int[0];
    /**
     * Per class of {@link #classesOf} (by its first position x in the class order): its nodes as words at
     * {@code classWords[x·words ..]} (one word per 64 nodes), and whether its candidates' nodes ascend in the class order
     * ({@link #risingClassEarliest} walks the words then). Made with the classes, not per search.
     */
    private long[] classWords = new long[0];
    private boolean[] classAscends = new boolean[0];
    /** Per class (by its first position in the class order), the last start its nodes were asked at in the current node search. */
    private long[] classLastT = new long[0];
    /**
     * The job and duration of the last {@link #earliestFit} whose node search {@link #fitAt} may continue: set when that
     * search ended normally (Slurm's node choice, no {@link #SELECT_REFUSED}); cleared by a booking, a search on some
     * nodes only and {@code fitAt} itself. While set, every slot's state in {@link #nodes} is that search's, on this room.
     */
    private JobSpec contJob;
    private long contDuration;
    /**
     * The nodes of the last search when it was {@link #earliestFitOnUpTo} (null after any other): {@link #fitAtOn} on
     * the same nodes continues it as {@link #fitAt} continues {@link #earliestFit}'s; {@code fitAt} continues no search
     * on some nodes only.
     */
    private long[] contAllowed;
    /** {@link #contAllowed}'s array (reused: a search on some nodes keeps its nodes without allocating). */
    private long[] contAllowedScratch = new long[0];
    /** For tests: never continue a search ({@link #fitAt} searches afresh, as before). */
    private boolean noContinuation;
    /** How many {@link #fitAt} calls continued the earlier search (for tests). */
    private long continued;
    /** Whether the last {@link #searchSelectByNode} ended without falling back to the step search. */
    private boolean searchContinuable;

    /** The cluster's node count (kept: {@link NodeCluster#nodeCount} sums its pools, and the searches on some nodes ask it each time). */
    private final int nodeCount;

    /** The node groups' rows ({@link TresCapacity#rowsOf}) {@link #total} was made for. */
    private final int[] rows;

    private TresStepProfile(TresCapacity shape, int capacity, TresStepProfile prior) {
        this.shape = shape;
        this.cluster = shape.cluster();
        this.g = shape.gresKeys().size();
        this.w = 2 + g;
        this.keepIdle = !shape.slurmSelection();
        this.stepsKept = keepIdle;
        times = new long[Math.max(4, capacity)];
        free = new long[times.length][];
        idle = new long[times.length][];
        int n = cluster.nodeCount();
        this.nodeCount = n;
        this.words = (n + 63) >>> 6;
        this.classScratch = new long[words];
        this.fitScratch = new long[words];
        int[] rows = new int[cluster.pools().size()];
        for (int gi = 0; gi < rows.length; gi++) rows[gi] = shape.rowsOf(gi);
        this.rows = rows;
        this.selectScratch = prior != null ? prior.selectScratch : new ConsTresSelect.Scratch();
        // the prior's kept answers are carried over or rooms to reuse (it is searched no more; were it, it would only ask its nodes again)
        if (prior != null && prior.nodeCount == n) {
            carryRooms(prior);
            spareRooms.addAll(prior.spareRooms);
            prior.spareRooms.clear();
        }
        if (prior != null && prior.cluster == cluster && prior.w == w && Arrays.equals(prior.rows, rows)) {
            this.total = prior.total; // a function of the cluster and the rows only; never written
            return;
        }
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
        return ofReleases(from, free, releaseTimes, placements, (NodeTimelines) null);
    }

    /**
     * {@link #ofReleases(long, TresCapacity, long[], Placement[])} with the per-node timelines made in the arrays of
     * {@code reuse} (an earlier profile's {@link #timelines()}, which that profile must no longer be searched with),
     * or anew when null: a scratch buffer, not state (every node's timeline is set afresh).
     */
    static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements, NodeTimelines reuse) {
        return ofReleases(from, free, releaseTimes, placements, reuse, null);
    }

    /**
     * {@link #ofReleases(long, TresCapacity, long[], Placement[], NodeTimelines)} in the timelines of {@code prior} (an
     * earlier cycle's profile, no longer searched; null: anew), whose nodes' whole room is also taken over when it was
     * made for the same cluster and gang rows (it depends on nothing else): not made again from an empty capacity.
     */
    static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements, TresStepProfile prior) {
        return ofReleases(from, free, releaseTimes, placements, prior == null ? null : prior.nodes, prior, byTime(releaseTimes));
    }

    /** As above, with {@code order} = {@link #byTime}{@code (releaseTimes)} made by the caller (who uses it as well). */
    static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements, TresStepProfile prior,
            int[] order) {
        return ofReleases(from, free, releaseTimes, placements, prior == null ? null : prior.nodes, prior, order);
    }

    private static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements, NodeTimelines reuse,
            TresStepProfile prior) {
        return ofReleases(from, free, releaseTimes, placements, reuse, prior, byTime(releaseTimes));
    }

    /**
     * The indices of {@code times} in order of time, equal times by index (a stable sort's order): by one primitive sort of
     * (time − least time, index) packed in a long when the span and the count allow it, else a sort of boxed indices.
     */
    static int[] byTime(long[] times) {
        int n = times.length;
        int[] order = new int[n];
        if (n == 0) return order;
        long min = Long.MAX_VALUE, max = Long.MIN_VALUE;
        for (long t : times) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        long span = max - min; // negative: overflowed
        if (n <= (1 << 21) && span >= 0 && span < (1L << 42)) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) keys[i] = ((times[i] - min) << 21) | i;
            Arrays.sort(keys);
            for (int i = 0; i < n; i++) order[i] = (int) (keys[i] & ((1 << 21) - 1));
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        Arrays.sort(boxed, (a, b) -> Long.compare(times[a], times[b]));
        for (int i = 0; i < n; i++) order[i] = boxed[i];
        return order;
    }

    private static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements, NodeTimelines reuse,
            TresStepProfile prior, int[] order) {
        TresStepProfile p = new TresStepProfile(free, releaseTimes.length + 1 + 64, prior);
        int n = p.cluster.nodeCount();
        long[] current = new long[n * p.w];
        for (int node = 0; node < n; node++) {
            current[node * p.w] = free.freeCpusOn(node);
            current[node * p.w + 1] = free.freeMemoryOn(node);
            for (int k = 0; k < p.g; k++) current[node * p.w + 2 + k] = free.freeGresOn(node, k);
        }
        p.times[0] = from;
        p.free[0] = p.stepsKept ? current : null;
        p.size = 1;
        p.nodes = NodeTimelines.of(reuse, from, current, n, p.w, p.g);
        if (p.nodes != reuse) p.dropRooms(p.spareRooms); // rooms carried from a prior are of its timelines only
        int i = 0;
        while (i < order.length) {
            long t = Math.max(from, releaseTimes[order[i]]);
            if (p.stepsKept) current = current.clone();
            int first = i;
            while (i < order.length && Math.max(from, releaseTimes[order[i]]) == t) {
                Placement pl = placements[order[i++]];
                if (p.stepsKept) p.release(current, pl);
                for (int node : pl.nodes()) p.nodes.release(node, t, pl.coresPerNode(), pl.memoryPerNodeMb(), pl.gresPerNode());
            }
            if (!p.stepsKept) {
                if (t != p.times[p.size - 1]) p.append(t, null);
            } else if (t == p.times[p.size - 1]) {
                p.free[p.size - 1] = current; // as a map's put on an existing key (only if a release is at from)
            } else {
                p.append(t, current);
                int k = p.size - 1;
                if (!p.keepIdle) continue;
                if (p.idle[k - 1] == null) p.idle[k - 1] = p.idleBits(p.free[k - 1]);
                p.idle[k] = p.idleBitsAfter(p.idle[k - 1], current, placements, order, first, i);
            }
        }
        if (p.keepIdle && p.idle[0] == null) p.idle[0] = p.idleBits(p.free[0]);
        p.nodes.settle();
        return p;
    }

    /**
     * The idle bits of a step that differs from the one before (bits {@code before}) only on the nodes of
     * {@code placements[order[a .. b)]}, released into it: what {@link #idleBits} gives on the whole step,
     * since every other node has the same room in both (and was noted as {@code mixed} or not already).
     */
    private long[] idleBitsAfter(long[] before, long[] f, Placement[] placements, int[] order, int a, int b) {
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
        // while the steps' room (idle bits) is not kept every entry of free (idle) is null: nothing to move
        if (stepsKept) System.arraycopy(free, at, free, at + 1, size - at);
        if (keepIdle) System.arraycopy(idle, at, idle, at + 1, size - at);
        times[at] = t;
        if (stepsKept) free[at] = free[at - 1].clone();
        if (keepIdle) idle[at] = idle[at - 1].clone();
        size++;
        return at;
    }

    /** Takes the placement out of every step in [from, to). */
    void book(Placement placement, long from, long to) {
        contJob = null;
        int a = splitAt(from);
        int b = to == Long.MAX_VALUE ? size : splitAt(to);
        for (int k = a; k < b && stepsKept; k++) {
            take(free[k], placement);
            if (!keepIdle) continue;
            long[] bits = idle[k];
            for (int node : placement.nodes()) {
                if (isIdle(free[k], node)) continue; // it was idle before too (a placement of nothing)
                bits[node >>> 6] &= ~(1L << node);
                if (free[k][node * w] == total[node * w]) mixed = true;
            }
        }
        for (NeedRoom e : risingByNeed.values()) for (int node : placement.nodes()) e.forget(node); // their room changed
        for (int node : placement.nodes()) {
            if (!nodes.take(node, from, to, placement.coresPerNode(), placement.memoryPerNodeMb(), placement.gresPerNode())) {
                throw new IllegalStateException("node " + cluster.nodeName(node) + " has not " + placement.coresPerNode() + " CPUs and "
                        + placement.memoryPerNodeMb() + " MB" + (placement.gresPerNode() == null ? "" : " and GRES " + Arrays.toString(placement.gresPerNode()))
                        + " free from " + from + " to " + to + " in the backfill profile");
            }
        }
        if (!risingByNeed.isEmpty() && !nodes.rising()) dropRooms(spareRooms); // a plan in the profile: no search reads the kept answers again
    }

    /** For tests: {@link #fitAt} never continues the earlier search's node walks (searches afresh, as before). */
    void searchAfreshForLaterStarts() {
        noContinuation = true;
    }

    /** Each node's whole room as the profile keeps it (a copy, for tests). */
    long[] wholeRoom() {
        return total.clone();
    }

    /** How many later starts ({@link #fitAt}) continued their job's first search (for tests). */
    long continuedSearches() {
        return continued;
    }

    /** For tests: search without the shortcuts of rooms that never shrink ({@link #risingClassEarliest}, {@link NodeTimelines#rising}). */
    void searchWithoutRisingShortcuts() {
        nodes.withoutShortcuts();
    }

    /** Whether the searches take the shortcuts of rooms that never shrink (for tests). */
    boolean rising() {
        return nodes.rising();
    }

    /** For tests: answer by the search over the steps, as before the per-node timelines. */
    void searchBySteps() {
        bySteps = true;
        keepSteps();
    }

    /** Fills each step's room from the nodes' timelines and keeps it from now on (see {@link #stepsKept}). */
    private void keepSteps() {
        if (stepsKept) return;
        int n = cluster.nodeCount();
        for (int k = 0; k < size; k++) {
            free[k] = new long[n * w];
            for (int node = 0; node < n; node++) nodes.roomAt(node, times[k], free[k], node * w);
        }
        stepsKept = true;
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

    /** The per-node timelines (for {@link #ofReleases(long, TresCapacity, long[], Placement[], NodeTimelines)}'s reuse). */
    NodeTimelines timelines() {
        return nodes;
    }

    int nodeCount() {
        return nodeCount;
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
        contJob = null;
        List<TresCapacity.Candidate> cands = candidates(job);
        if (cands.isEmpty()) return null;
        if (floorIndex(from) < 0) throw new IllegalArgumentException("time " + from + " lies before the profile starts at " + times[0]);
        ShapeBounds.Key key = ShapeBounds.key(job.nodes(), from, cands);
        long bound = bounds.bound(key, duration);
        if (bound == Long.MAX_VALUE) return null; // a shape it dominates fits nowhere, so neither does it
        long start = Math.max(from, bound);
        AvailabilityProfile.Slot slot;
        if (bySteps) slot = shape.slurmSelection() ? searchSelect(cands, job.nodes(), start, duration) : search(cands, job.nodes(), start, duration);
        else slot = shape.slurmSelection() ? searchSelectByNode(cands, job.nodes(), start, duration) : searchByNode(cands, job.nodes(), start, duration);
        if (!bySteps && shape.slurmSelection() && searchContinuable && !noContinuation) {
            contJob = job;
            contDuration = duration;
            contAllowed = null;
        }
        bounds.record(key, duration, slot == null ? Long.MAX_VALUE : slot.start());
        return slot;
    }

    /**
     * {@link #earliestFit} with only the nodes of {@code allowed} usable, as Slurm's backfill hands cons_tres's will-run
     * test the nodes its planned starts leave (the {@code avail_bitmap} of {@code _attempt_backfill}); Slurm's node choice
     * only. No {@link ShapeBounds}: an answer on fewer nodes bounds nothing for a search on more.
     */
    /**
     * The job's candidates for a search on some nodes from {@code from} ({@link #earliestFitOn}, {@link #earliestFitOnUpTo},
     * {@link #fitAtOn}): null when it has none; refused without Slurm's node choice or before the profile's start.
     */
    private List<TresCapacity.Candidate> candidatesOn(JobSpec job, long from) {
        if (!shape.slurmSelection()) throw new IllegalStateException("a search on some nodes only is for Slurm's node choice");
        List<TresCapacity.Candidate> cands = candidates(job);
        if (cands.isEmpty()) return null;
        if (floorIndex(from) < 0) throw new IllegalArgumentException("time " + from + " lies before the profile starts at " + times[0]);
        return cands;
    }

    AvailabilityProfile.Slot earliestFitOn(JobSpec job, long from, long duration, java.util.BitSet allowed) {
        if (bySteps) {
            List<TresCapacity.Candidate> cands = candidatesOn(job, from);
            if (cands == null) return null;
            this.allowed = allowedWords(allowed);
            contJob = null;
            try {
                return searchSelect(cands, job.nodes(), from, duration);
            } finally {
                this.allowed = null;
            }
        }
        long[] w = allowed.toLongArray();
        return earliestFitOnWords(job, from, duration, w, w.length);
    }

    /** {@link #earliestFitOn} with the nodes as words ({@code allowed}'s first {@code len}, node n usable iff bit n % 64 of word n / 64): no BitSet made. */
    AvailabilityProfile.Slot earliestFitOn(JobSpec job, long from, long duration, long[] allowed, int len) {
        if (bySteps) return earliestFitOn(job, from, duration, java.util.BitSet.valueOf(Arrays.copyOf(allowed, len)));
        return earliestFitOnWords(job, from, duration, allowed, len);
    }

    private AvailabilityProfile.Slot earliestFitOnWords(JobSpec job, long from, long duration, long[] allowed, int len) {
        List<TresCapacity.Candidate> cands = candidatesOn(job, from);
        if (cands == null) return null;
        this.allowed = allowedWords(allowed, len);
        contJob = null;
        try {
            return searchSelectByNode(cands, job.nodes(), from, duration);
        } finally {
            this.allowed = null;
        }
    }

    /**
     * {@link #earliestFitOn}{@code (job, from, duration, allowed)} when its answer starts at or before {@code limit}, else
     * null: the node search tries no start after {@code limit} (as {@link #fitAtOn}, up to {@code limit} rather than at
     * one start). For the whole-node plans' test ({@link WillRunPlanner}), which drops an answer after its later start.
     */
    AvailabilityProfile.Slot earliestFitOnUpTo(JobSpec job, long from, long duration, java.util.BitSet allowed, long limit) {
        long[] w = allowed.toLongArray();
        return earliestFitOnUpTo(job, from, duration, w, w.length, limit);
    }

    /** {@link #earliestFitOnUpTo} with the nodes as words ({@code allowed}'s first {@code len}, as {@link #earliestFitOn(JobSpec, long, long, long[], int)}). */
    AvailabilityProfile.Slot earliestFitOnUpTo(JobSpec job, long from, long duration, long[] allowed, int len, long limit) {
        if (bySteps) {
            AvailabilityProfile.Slot slot = earliestFitOn(job, from, duration, allowed, len);
            return slot != null && slot.start() <= limit ? slot : null;
        }
        List<TresCapacity.Candidate> cands = candidatesOn(job, from);
        if (cands == null) return null;
        if (limit < from) return null;
        this.allowed = allowedWords(allowed, len);
        contJob = null;
        try {
            AvailabilityProfile.Slot slot = searchSelectByNode(cands, job.nodes(), from, duration, Math.min(limit, Long.MAX_VALUE - 1), false);
            if (searchContinuable && !noContinuation) { // fitAtOn on the same nodes may go on from here
                contJob = job;
                contDuration = duration;
                if (contAllowedScratch.length != this.allowed.length) contAllowedScratch = new long[this.allowed.length];
                System.arraycopy(this.allowed, 0, contAllowedScratch, 0, this.allowed.length);
                contAllowed = contAllowedScratch;
            }
            return slot;
        } finally {
            this.allowed = null;
        }
    }

    /**
     * {@link #earliestFitOn}{@code (job, at, duration, allowed)} when its answer starts at {@code at}, else null: the
     * node search tries no start after {@code at} (as {@link #fitAt} on every node; no bounds are read or recorded). For
     * the whole-node plans' later start ({@link WillRunPlanner}), which needs the placement at one start only.
     */
    AvailabilityProfile.Slot fitAtOn(JobSpec job, long at, long duration, java.util.BitSet allowed) {
        long[] w = allowed.toLongArray();
        return fitAtOn(job, at, duration, w, w.length);
    }

    /** {@link #fitAtOn} with the nodes as words ({@code allowed}'s first {@code len}, as {@link #earliestFitOn(JobSpec, long, long, long[], int)}). */
    AvailabilityProfile.Slot fitAtOn(JobSpec job, long at, long duration, long[] allowed, int len) {
        if (bySteps) {
            AvailabilityProfile.Slot slot = earliestFitOn(job, at, duration, allowed, len);
            return slot != null && slot.start() == at ? slot : null;
        }
        List<TresCapacity.Candidate> cands = candidatesOn(job, at);
        if (cands == null) return null;
        this.allowed = allowedWords(allowed, len);
        // the same nodes as the last search's (both padded alike: equal words iff equal node sets)
        boolean continuing = job == contJob && duration == contDuration && contAllowed != null && Arrays.equals(contAllowed, this.allowed);
        contJob = null;
        if (continuing) continued++;
        try {
            AvailabilityProfile.Slot slot = searchSelectByNode(cands, job.nodes(), at, duration, at, continuing);
            return slot != null && slot.start() == at ? slot : null;
        } finally {
            this.allowed = null;
        }
    }

    /**
     * Whether, while this profile is not booked, a fit of the job on some nodes stays one at every later start on them:
     * {@link #fitAtOn}{@code (job, at, duration, allowed)} then answers (not null) for every {@code at} at or after the
     * start of an answer of {@link #earliestFitOn} or {@link #earliestFitOnUpTo} for the same job, duration and nodes.
     * Claimed only when it follows from the search itself (else false, which claims nothing): the rooms never shrink
     * ({@link #rising}: a node that holds the need from s holds it from any later instant, for any duration), so the class
     * that fitted at s has at least the nodes needed from {@code at}; with Slurm's node choice by nodes, where every
     * candidate needs at least one CPU, {@link org.preemptlab.alloc.ConsTresSelect#select} then chooses among them (each
     * has a CPU available) and never refuses. The whole-node planner uses it to skip a placement it would drop
     * ({@link WillRunPlanner}, session 17).
     */
    boolean fitStaysOn(JobSpec job) {
        if (bySteps || !shape.slurmSelection() || !nodes.rising()) return false;
        for (TresCapacity.Candidate c : candidates(job)) if (c.need()[0] < 1) return false;
        return true;
    }

    /** The job of the last search and its candidates: the later start ({@link #fitAt}) follows its job's first search. */
    private JobSpec candidatesJob;
    private List<TresCapacity.Candidate> candidatesOfJob;

    /**
     * {@code shape.candidates(job)}, the last job's kept (the same job object: its partitions, account, QOS and need,
     * and the partitions' states, do not change while a cycle's profile is searched).
     */
    private List<TresCapacity.Candidate> candidates(JobSpec job) {
        if (job != candidatesJob) {
            candidatesOfJob = shape.candidates(job);
            candidatesJob = job;
        }
        return candidatesOfJob;
    }

    /**
     * The nodes a search may use ({@link #earliestFitOn}) as 64-node words, one word per 64 nodes of the cluster (node n
     * usable iff bit n % 64 of word n / 64 is set), or null for every node: a word test in the node walks, not
     * {@code BitSet.get}.
     */
    private long[] allowed;
    /** {@link #allowed}'s array (reused). */
    private long[] allowedScratch = new long[0];

    /** {@code nodes}' words padded to the cluster's nodes in {@link #allowedScratch}. */
    private long[] allowedWords(java.util.BitSet nodes) {
        long[] words = nodes.toLongArray(); // trailing zero words dropped
        return allowedWords(words, words.length);
    }

    /**
     * The first {@code len} of {@code words} padded to the cluster's nodes in {@link #allowedScratch}, trailing zero
     * words beyond those dropped (as {@code BitSet.toLongArray} drops them: one node set, one padded array).
     */
    private long[] allowedWords(long[] words, int len) {
        int ncw = (nodeCount() + 63) >>> 6;
        while (len > ncw && words[len - 1] == 0) len--;
        int n = Math.max(ncw, len);
        if (allowedScratch.length != n) allowedScratch = new long[n];
        System.arraycopy(words, 0, allowedScratch, 0, len);
        Arrays.fill(allowedScratch, len, n, 0L);
        return allowedScratch;
    }

    /**
     * {@link #earliestFit}{@code (job, at, duration)} when its answer starts at {@code at}, else null: the search with
     * Slurm's node choice tries no start after {@code at} (each class is searched up to it only; the first class that
     * fits at {@code at} wins, as the earliest on a tie). For the select plugin's later start ({@code willRunSlot}),
     * which needs the placement at one start, not the earliest start after it. Earlier answers of the shape
     * ({@link ShapeBounds}) are read, as by {@code earliestFit}; this answer is not recorded (an answer that is not
     * the earliest start bounds nothing).
     */
    AvailabilityProfile.Slot fitAt(JobSpec job, long at, long duration) {
        if (bySteps || !shape.slurmSelection()) {
            AvailabilityProfile.Slot slot = earliestFit(job, at, duration);
            return slot != null && slot.start() == at ? slot : null;
        }
        List<TresCapacity.Candidate> cands = candidates(job);
        if (cands.isEmpty()) return null;
        if (floorIndex(at) < 0) throw new IllegalArgumentException("time " + at + " lies before the profile starts at " + times[0]);
        long bound = bounds.bound(ShapeBounds.key(job.nodes(), at, cands), duration);
        if (bound > at) return null; // no start before the bound fits (MAX_VALUE: none at all)
        boolean continuing = job == contJob && duration == contDuration && contAllowed == null;
        contJob = null;
        if (continuing) continued++;
        AvailabilityProfile.Slot slot = searchSelectByNode(cands, job.nodes(), at, duration, at, continuing);
        return slot != null && slot.start() == at ? slot : null;
    }

    /**
     * {@link #search} on the nodes' own timelines: each candidate's earliest start (the idle-bit walk over the
     * steps for an idle-only one, where it wins: a word per 64 nodes a step), the earliest of them, the first
     * candidate on a tie: what the step search finds trying every candidate at each start in turn.
     */
    private AvailabilityProfile.Slot searchByNode(List<TresCapacity.Candidate> cands, int nodesNeeded, long from, long duration) {
        int nc = cands.size();
        classesOf = null; // its own order and slots below
        if (classSlot.length < nc) {
            classOrder = new int[nc];
            classEnd = new int[nc];
            classUsed = new boolean[nc];
            classSlot = new int[nc];
        }
        int total = 0;
        for (int c = 0; c < nc; c++) {
            classOrder[c] = c;
            classSlot[c] = total;
            total += cands.get(c).endNode() - cands.get(c).firstNode();
        }
        nodes.newSearch(total);
        if (chosen.length < nodesNeeded) chosen = new int[nodesNeeded];
        if (fitAt.length < total) {
            fitAt = new int[total];
            fitCpus = new long[total];
            laterAt = new long[total];
        }
        if (slotLater.length < total) slotLater = new long[total];
        long best = Long.MAX_VALUE;
        AvailabilityProfile.Slot answer = null;
        for (int c = 0; c < nc; c++) {
            TresCapacity.Candidate cand = cands.get(c);
            long limit = best == Long.MAX_VALUE ? Long.MAX_VALUE - 1 : best - 1; // a later candidate wins only if earlier
            long reserved = cand.need()[2] == 1 ? (long) (shape.rowsOf(cand.group()) - 1) * cluster.pools().get(cand.group()).coresPerNode() : 0;
            long at;
            int[] picked;
            if (idleOnly(cand, reserved)) {
                at = idleEarliest(cand, nodesNeeded, from, duration, limit);
                picked = at == Long.MAX_VALUE ? null : Arrays.copyOf(chosen, nodesNeeded);
            } else {
                at = classEarliest(cands, classOrder, c, c + 1, classSlot, nodesNeeded, cand.need()[0] + reserved, cand.need(), from, duration, limit);
                picked = at == Long.MAX_VALUE ? null : Arrays.copyOf(fitAt, nodesNeeded);
            }
            if (at != Long.MAX_VALUE) {
                best = at;
                answer = new AvailabilityProfile.Slot(at, shape.placement(cand, picked));
            }
        }
        return answer;
    }

    /** The idle-bit search of one idle-only candidate ({@link #idleSearch}) from {@code from}: its earliest start ≤ limit (nodes in {@code chosen}), else {@code Long.MAX_VALUE}. */
    private long idleEarliest(TresCapacity.Candidate cand, int nodesNeeded, long from, long duration, long limit) {
        int i = floorIndex(from);
        int j = i;
        while (i < size) {
            long start = Math.max(from, times[i]);
            if (start > limit) return Long.MAX_VALUE;
            long end = start + duration;
            if (j < i) j = i;
            while (j + 1 < size && times[j + 1] < end) j++;
            int at = idleSearch(cand, nodesNeeded, i, j);
            if (at < 0) return start;
            if (at == Integer.MAX_VALUE) return Long.MAX_VALUE;
            i = Math.max(i + 1, at);
        }
        return Long.MAX_VALUE;
    }

    /**
     * {@link #searchSelect} on the nodes' own timelines: each class's earliest start where its nodes that hold
     * the job over the whole window serve {@link ConsTresSelect}; the earliest, the first class on a tie.
     */
    private AvailabilityProfile.Slot searchSelectByNode(List<TresCapacity.Candidate> cands, int nodesNeeded, long from, long duration) {
        return searchSelectByNode(cands, nodesNeeded, from, duration, Long.MAX_VALUE - 1, false);
    }

    /**
     * {@link #searchSelectByNode} for a start ≤ {@code firstLimit} only: null when the earliest is later. {@code continuing}:
     * the nodes' walks go on from where the last search left them (the same candidates, need and duration on the same
     * room: see {@link #contJob}), not from {@code from} afresh.
     *
     * <p>Why continuing answers the same: {@link NodeTimelines#nextFit} for a slot is exact for any sequence of calls
     * whose starts do not decrease (its state is what the walk has proved about starts ≥ the last one); the last
     * search asked a class's nodes at starts up to {@code classLastT} of the class, so a class whose nodes were asked
     * at no start after {@code from} goes on as if {@code from} were one more start of that search, and any other
     * class's slots are forgotten (walked afresh from {@code from}). The room did not change between (no booking).
     */
    private AvailabilityProfile.Slot searchSelectByNode(List<TresCapacity.Candidate> cands, int nodesNeeded, long from, long duration,
            long firstLimit, boolean continuing) {
        int nc = cands.size();
        int[] order = classOrder;
        int total = classesTotal;
        if (cands != classesOf) { // the classes of another candidate list (candidates(job) keeps one list per job)
            if (classOrder.length < nc) {
                classOrder = new int[nc];
                classEnd = new int[nc];
                classUsed = new boolean[nc];
                classSlot = new int[nc];
            }
            order = classOrder;
            total = 0;
            for (int c = 0; c < nc; c++) {
                classSlot[c] = total;
                total += cands.get(c).endNode() - cands.get(c).firstNode();
            }
            // the classes as searchSelect forms them: partitions in the candidates' order, a partition's candidates by
            // first node (a stable insertion sort), those with the same need together from the first of them
            Arrays.fill(classUsed, 0, nc, false);
            int pos = 0;
            if (classSame.length < nc) classSame = new int[nc];
            int[] same = classSame;
            for (int c = 0; c < nc; c++) {
                if (classUsed[c]) continue;
                int part = cands.get(c).partition();
                int ns = 0;
                for (int x = c; x < nc; x++) {
                    if (classUsed[x] || cands.get(x).partition() != part) continue;
                    int q = ns++;
                    while (q > 0 && cands.get(same[q - 1]).firstNode() > cands.get(x).firstNode()) {
                        same[q] = same[q - 1];
                        q--;
                    }
                    same[q] = x;
                }
                for (int a = 0; a < ns; a++) {
                    if (classUsed[same[a]]) continue;
                    int begin = pos;
                    long[] need = cands.get(same[a]).need();
                    for (int b = a; b < ns; b++) {
                        if (!classUsed[same[b]] && Arrays.equals(cands.get(same[b]).need(), need)) {
                            classUsed[same[b]] = true;
                            order[pos++] = same[b];
                        }
                    }
                    classEnd[begin] = pos;
                }
            }
            if (classWords.length < nc * words) {
                classWords = new long[nc * words];
                classAscends = new boolean[nc];
            }
            for (int x = 0; x < nc; x = classEnd[x]) classAscends[x] = classWords(cands, order, x, classEnd[x], classWords, x * words);
            classesOf = cands;
            classesTotal = total;
        }
        if (classLastT.length < nc) classLastT = new long[nc];
        if (!continuing) {
            nodes.newSearch(total);
            Arrays.fill(classLastT, 0, nc, Long.MIN_VALUE);
        }
        searchContinuable = true;
        if (fitAt.length < total) {
            fitAt = new int[total];
            fitCpus = new long[total];
            laterAt = new long[total];
        }
        if (slotLater.length < total) slotLater = new long[total];
        long best = Long.MAX_VALUE;
        AvailabilityProfile.Slot answer = null;
        for (int x = 0; x < nc; x = classEnd[x]) {
            long limit = best == Long.MAX_VALUE ? firstLimit : best - 1;
            long[] need = cands.get(order[x]).need();
            if (continuing && classLastT[x] > from) { // asked at a later start than from: walk these nodes afresh
                for (int y = x; y < classEnd[x]; y++) {
                    TresCapacity.Candidate cand = cands.get(order[y]);
                    nodes.forget(classSlot[order[y]], classSlot[order[y]] + cand.endNode() - cand.firstNode());
                }
                classLastT[x] = Long.MIN_VALUE;
            }
            long at = classEarliest(cands, order, x, classEnd[x], classSlot, nodesNeeded, need[0], need, from, duration, limit);
            if (at == SELECT_REFUSED) { // never with a need of CPUs ≥ 1: as before
                searchContinuable = false;
                keepSteps();
                AvailabilityProfile.Slot stepAnswer = searchSelect(cands, nodesNeeded, from, duration);
                return stepAnswer == null || stepAnswer.start() <= firstLimit ? stepAnswer : null;
            }
            if (at != Long.MAX_VALUE) {
                best = at;
                answer = new AvailabilityProfile.Slot(at, shape.placement(cands.get(order[x]), selected));
            }
        }
        return answer;
    }

    /** {@link #classEarliest}'s answer when {@link ConsTresSelect} chose nothing among enough nodes (only with a need of no CPUs). */
    private static final long SELECT_REFUSED = Long.MIN_VALUE;

    /**
     * The earliest start in [from, limit] at which the nodes of candidates {@code order[x0 .. x1)} (in that
     * order, candidate {@code order[y]}'s nodes at scratch slots from {@code slotBase[order[y]]}) that hold
     * {@code cpus}, the need's memory and GRES over the whole window are at least {@code nodesNeeded}, else
     * {@code Long.MAX_VALUE}. Those nodes are in {@code fitAt} (their first {@code nodesNeeded} the first-fit
     * choice); with Slurm's node choice the chosen nodes are in {@code selected}.
     *
     * <p>Why the jump is exact: let t be a start tried, k of the nodes hold the job from t, and each other
     * node's earliest start ≥ t be {@code later}. A node holding the job from some t' in (t, T) with T the
     * (needed − k)-th smallest {@code later} either holds it from t or has {@code later} ≤ t': fewer than
     * needed nodes in all. So T is the next start to try (each {@code later} is one node's start, a breakpoint).
     */
    private long classEarliest(List<TresCapacity.Candidate> cands, int[] order, int x0, int x1, int[] slotBase, int nodesNeeded,
            long cpus, long[] need, long from, long duration, long limit) {
        if (nodes.rising()) return risingClassEarliest(cands, order, x0, x1, nodesNeeded, cpus, need, from, limit);
        long mem = need[1];
        long t = from;
        boolean select = shape.slurmSelection();
        boolean firstPass = true;
        while (t <= limit) {
            if (select) classLastT[x0] = t; // starts only grow within the call
            int k = 0;
            int failed = 0;
            // the walk's limit (see below); a node's answer ≤ it is its earliest start, one above it a lower bound of that
            long walk = limit;
            for (int y = x0; y < x1; y++) {
                TresCapacity.Candidate cand = cands.get(order[y]);
                for (int node = cand.firstNode(), slot = slotBase[order[y]]; node < cand.endNode(); node++, slot++) {
                    if (allowed != null && (allowed[node >>> 6] & (1L << node)) == 0) continue; // never usable in this search
                    long s;
                    if (!firstPass && slotLater[slot] > t) {
                        s = slotLater[slot]; // its earliest start is at least this, after t: it does not hold the job from t
                    } else {
                        s = nodes.nextFit(slot, node, t, walk, cpus, mem, need, duration);
                        slotLater[slot] = s;
                    }
                    if (s == t) {
                        fitAt[k++] = node;
                        if (!select && k == nodesNeeded) return t; // first fit: the first nodes that hold it
                        if (k >= nodesNeeded) walk = t; // enough from t: only whether the others hold it from t matters
                    } else {
                        laterAt[failed++] = s;
                        // one node short: the next start tried is at most the least answer so far (an exact one), so a
                        // node whose earliest start lies beyond it can be neither in the answer at t nor the next start
                        if (nodesNeeded - k == 1 && s < walk) walk = s;
                    }
                }
            }
            firstPass = false;
            if (k >= nodesNeeded) {
                if (!select) return t;
                long end = duration >= Long.MAX_VALUE - t ? Long.MAX_VALUE : t + duration;
                for (int q = 0; q < k; q++) fitCpus[q] = ConsTresSelect.availableCpus(nodes.leastCpus(fitAt[q], t, end), need);
                selected = ConsTresSelect.select(fitAt, fitCpus, null, k, nodesNeeded, cpus, selectScratch);
                if (selected != null) return t;
                return SELECT_REFUSED;
            }
            int r = nodesNeeded - k;
            if (r > failed) return Long.MAX_VALUE;
            t = rthSmallest(laterAt, failed, r);
        }
        return Long.MAX_VALUE;
    }

    /**
     * {@link #classEarliest} when every node's room never shrinks from the profile's start ({@link NodeTimelines#rising}:
     * running jobs' ends and starts at the profile's start only, as in the whole-node plans' cycle, where plans go to
     * {@link NodeSpace}). A node then holds the need from t for any duration iff its earliest start e (its first segment that
     * holds the need, {@link NodeTimelines#earliestRising}) is ≤ t: the count of such nodes only grows with t, so the
     * earliest start is the needed-th smallest of max(from, e) over the class's usable nodes, and the nodes that fit there
     * are those with e ≤ it: what the jumps of {@code classEarliest} reach (each jump is to such an e). The e of a node
     * depends on the need alone, not on t, the duration or the nodes asked: kept per need until the node's room changes
     * ({@link #risingEarliest}), and into the next cycle's profile while the node's timeline is unchanged ({@link #carryRooms}). With Slurm's node choice a node's CPUs over the window are those at the start (none
     * later is less). The kept nodes not at the profile's start are kept in order of e ({@link NeedRoom#byE}): a search walks
     * that order up to its needed-th usable node and the ties of its start, not every node of the class.
     */
    private long risingClassEarliest(List<TresCapacity.Candidate> cands, int[] order, int x0, int x1, int nodesNeeded, long cpus,
            long[] need, long from, long limit) {
        if (from > limit) return Long.MAX_VALUE;
        boolean select = shape.slurmSelection();
        if (select) classLastT[x0] = from;
        NeedRoom room = risingEarliest(cpus, need);
        long[] e = room.e;
        // the class's usable nodes as words: in the class's order when its candidates' nodes ascend (they do: one
        // partition's candidates by first node, of distinct node groups), so a walk of the words' bits is the node walk
        long[] use = classScratch;
        int nw = use.length;
        boolean ascends;
        if (cands == classesOf) { // searchSelectByNode's classes: their words made with them
            ascends = classAscends[x0];
            System.arraycopy(classWords, x0 * nw, use, 0, nw);
        } else {
            ascends = classWords(cands, order, x0, x1, use, 0);
        }
        if (!ascends) return risingClassEarliestByNode(cands, order, x0, x1, nodesNeeded, cpus, need, from, limit, room);
        if (allowed != null) for (int i = 0; i < nw; i++) use[i] &= allowed[i];
        long[] known = room.known;
        long[] atStart = room.atStart;
        for (int i = 0; i < nw; i++) { // the nodes not asked yet for this need (or whose room changed since)
            for (long m = use[i] & ~known[i]; m != 0; m &= m - 1) {
                int node = (i << 6) + Long.numberOfTrailingZeros(m);
                room.learn(node, nodes.earliestRising(node, cpus, need[1], need));
            }
        }
        room.rankLearnt();
        // the start is the needed-th smallest max(from, e) of the usable nodes: those at the profile's start (words), then
        // the others in the room's order of e (kept across searches and cycles), walked up to the needed-th usable one
        long[] fit = fitScratch;
        int k = 0;
        for (int i = 0; i < nw; i++) k += Long.bitCount(fit[i] = use[i] & atStart[i]);
        long t = from;
        int[] byE = room.byE;
        int ranked = room.ranked;
        int q = 0;
        if (k < nodesNeeded) {
            for (; q < ranked; q++) {
                int node = byE[q];
                long bit = 1L << node;
                if ((use[node >>> 6] & bit) == 0) continue;
                long s = e[node];
                if (s > limit) return Long.MAX_VALUE; // so is every later one (NEVER included: limit < Long.MAX_VALUE)
                fit[node >>> 6] |= bit;
                if (++k == nodesNeeded) {
                    t = Math.max(from, s);
                    q++;
                    break;
                }
            }
            if (k < nodesNeeded) return Long.MAX_VALUE;
        }
        for (; q < ranked; q++) { // the others that fit at t too (e ≤ t)
            int node = byE[q];
            if (e[node] > t) break;
            fit[node >>> 6] |= use[node >>> 6] & (1L << node);
        }
        k = 0;
        for (int i = 0; i < nw; i++) for (long m = fit[i]; m != 0; m &= m - 1) fitAt[k++] = (i << 6) + Long.numberOfTrailingZeros(m);
        return risingSelect(k, nodesNeeded, cpus, need, t, true);
    }

    /**
     * The nodes of candidates {@code order[x0 .. x1)} as words into {@code out[off .. off + words)}; whether their ranges
     * ascend in that order (each candidate's first node at or after the ends of those before it).
     */
    private boolean classWords(List<TresCapacity.Candidate> cands, int[] order, int x0, int x1, long[] out, int off) {
        Arrays.fill(out, off, off + words, 0L);
        boolean ascends = true;
        int prevEnd = 0;
        for (int y = x0; y < x1; y++) {
            TresCapacity.Candidate cand = cands.get(order[y]);
            if (cand.firstNode() < prevEnd) ascends = false;
            prevEnd = Math.max(prevEnd, cand.endNode());
            setRange(out, off, cand.firstNode(), cand.endNode());
        }
        return ascends;
    }

    /** Sets the bits of nodes [a, b) in the words {@code w[off ..]}. */
    private static void setRange(long[] w, int off, int a, int b) {
        for (int i = a; i < b;) {
            int end = Math.min(b, ((i >>> 6) + 1) << 6);
            int len = end - i;
            w[off + (i >>> 6)] |= (len == 64 ? -1L : (1L << len) - 1) << i;
            i = end;
        }
    }

    /**
     * {@link #risingClassEarliest}'s end: t with the first-fit choice, else Slurm's choice among the {@code k} nodes of
     * {@link #fitAt} ({@code ascending}: in node order).
     *
     * <p>With exactly the nodes needed and a need of CPUs ≥ 1 the choice is all of them: each fits at t, so its
     * available CPUs are at least the need's (≥ 1), and {@link ConsTresSelect#select} then takes every position of
     * every set it picks (a set is left with positions unchosen only by the last node's best-fit pick), returning the
     * {@code k} nodes sorted. Not asked.
     */
    private long risingSelect(int k, int nodesNeeded, long cpus, long[] need, long t, boolean ascending) {
        if (!shape.slurmSelection()) return t;
        if (k == nodesNeeded && cpus >= 1) {
            selected = Arrays.copyOf(fitAt, k);
            if (!ascending) Arrays.sort(selected);
            return t;
        }
        for (int q = 0; q < k; q++) fitCpus[q] = ConsTresSelect.availableCpus(nodes.cpusAt(fitAt[q], t), need);
        selected = ConsTresSelect.select(fitAt, fitCpus, null, k, nodesNeeded, cpus, selectScratch);
        return selected != null ? t : SELECT_REFUSED;
    }

    /** {@link #risingClassEarliest} by a walk of the class's nodes in its order (a class whose candidates' nodes do not ascend). */
    private long risingClassEarliestByNode(List<TresCapacity.Candidate> cands, int[] order, int x0, int x1, int nodesNeeded, long cpus,
            long[] need, long from, long limit, NeedRoom room) {
        long[] e = room.e;
        int k = 0;
        int failed = 0;
        for (int y = x0; y < x1; y++) {
            TresCapacity.Candidate cand = cands.get(order[y]);
            for (int node = cand.firstNode(); node < cand.endNode(); node++) {
                if (allowed != null && (allowed[node >>> 6] & (1L << node)) == 0) continue; // never usable in this search
                long s;
                if ((room.known[node >>> 6] & (1L << node)) != 0) {
                    s = e[node];
                } else { // as risingClassEarliest asks a node not known yet
                    s = nodes.earliestRising(node, cpus, need[1], need);
                    room.learn(node, s);
                }
                if (s <= from) fitAt[k++] = node;
                else laterAt[failed++] = s;
            }
        }
        room.rankLearnt();
        long t = from;
        if (k < nodesNeeded) {
            int r = nodesNeeded - k;
            if (r > failed) return Long.MAX_VALUE;
            t = rthSmallest(laterAt, failed, r);
            if (t > limit) return Long.MAX_VALUE; // NEVER included
            k = 0;
            for (int y = x0; y < x1; y++) {
                TresCapacity.Candidate cand = cands.get(order[y]);
                for (int node = cand.firstNode(); node < cand.endNode(); node++) {
                    if (allowed != null && (allowed[node >>> 6] & (1L << node)) == 0) continue;
                    if (e[node] <= t) fitAt[k++] = node;
                }
            }
        }
        return risingSelect(k, nodesNeeded, cpus, need, t, false);
    }

    /** Per need (CPUs, memory, GRES by key), each node's {@link NodeTimelines#earliestRising} ({@link NeedRoom}). */
    private final java.util.HashMap<NeedKey, NeedRoom> risingByNeed = new java.util.HashMap<>();
    /** The need of the last {@link #risingEarliest} ({@link NeedKey}'s values; reused) when {@link #lastNeedEarliest} is set. */
    private long[] lastNeedKey;
    private NeedRoom lastNeedEarliest;
    /** {@link #risingEarliest}'s look-up key (its values overwritten per look-up; a copy goes into the map). */
    private NeedKey needProbe;
    /** Rooms of needs no longer kept (this profile's or its prior's), made empty for a new need: not allocated again. */
    private final java.util.ArrayList<NeedRoom> spareRooms = new java.util.ArrayList<>();
    /** {@link #risingClassEarliest}'s class nodes as words (one per 64 nodes of the cluster). */
    private final long[] classScratch;
    /** {@link #risingClassEarliest}'s nodes that fit at the start found, as words. */
    private final long[] fitScratch;

    /**
     * One need's kept answers: each node's {@link NodeTimelines#earliestRising} in {@code e} (read only where known), and
     * as words (bit n % 64 of word n / 64) the nodes whose {@code e} is known and, of those, the ones whose {@code e} is
     * ≤ {@code from}, the profile's start. A node's room change drops it from both ({@link #book}).
     */
    private static final class NeedRoom {
        final long[] e;
        final long[] known;
        final long[] atStart;
        long from;
        /** The timelines' generation ({@link NodeTimelines#generation}) whose room the known answers are of. */
        int generation;

        /**
         * The known nodes not at the start ({@code known} and not {@code atStart}) in order of {@code e}, equal ones by node:
         * {@code byE[0 .. ranked)}. Kept with the answers (a node learnt goes in, a node forgotten out), so a search walks
         * the class's nodes in order of their earliest start instead of gathering and ranking them.
         */
        final int[] byE;
        int ranked;
        /** {@code byE[0 .. rankedTo)} is in order; nodes after it were learnt and not ranked yet ({@link #rankLearnt}). */
        int rankedTo;
        /** {@link #rankLearnt}'s scratch: the learnt nodes to merge, their packed keys. */
        private int[] merge = new int[0];
        private long[] keys = new long[0];

        NeedRoom(int nodeCount, long from, int generation) {
            e = new long[nodeCount];
            byE = new int[nodeCount];
            known = new long[(nodeCount + 63) >>> 6];
            atStart = new long[known.length];
            this.from = from;
            this.generation = generation;
        }

        /** No node known, from {@code from} on (a room reused for another need or profile). */
        void reset(long from, int generation) {
            Arrays.fill(known, 0L);
            Arrays.fill(atStart, 0L);
            ranked = 0;
            rankedTo = 0;
            this.from = from;
            this.generation = generation;
        }

        /**
         * The room kept from an earlier cycle's profile of the same timelines ({@code nodes}, now at a later generation,
         * from {@code from} on): a node's answer stays known only if its timeline did not change since (the same first
         * fitting segment: the same instant, or the new start when it was the first, at the start then as before).
         */
        void carryOver(NodeTimelines nodes, long from) {
            for (int i = 0; i < known.length; i++) {
                for (long m = known[i]; m != 0; m &= m - 1) {
                    int node = (i << 6) + Long.numberOfTrailingZeros(m);
                    if (!nodes.unchangedSince(node, generation)) forget(node);
                    else if ((atStart[i] & (1L << node)) != 0) e[node] = from;
                }
            }
            this.from = from;
            this.generation = nodes.generation();
        }

        /**
         * The node's earliest start {@code s} is known (it was not): kept, and put after the nodes in {@link #byE} unless at
         * the start, to be ranked with the others learnt with it by {@link #rankLearnt} (before any other use of the order).
         */
        void learn(int node, long s) {
            e[node] = s;
            known[node >>> 6] |= 1L << node;
            if (s <= from) atStart[node >>> 6] |= 1L << node;
            else byE[ranked++] = node;
        }

        /** The nodes learnt since the last call ({@code byE[rankedTo .. ranked)}) ranked among the others: one sort and one merge. */
        void rankLearnt() {
            int a = rankedTo;
            int n = ranked;
            rankedTo = n;
            int p = n - a;
            if (p == 0) return;
            if (p > 1) sortLearnt(a, n);
            if (a == 0 || before(byE[a - 1], byE[a])) return; // all after the ranked ones
            if (merge.length < p) merge = new int[byE.length];
            System.arraycopy(byE, a, merge, 0, p);
            int i = a - 1;
            int j = p - 1;
            for (int k = n - 1; j >= 0; k--) byE[k] = i >= 0 && before(merge[j], byE[i]) ? byE[i--] : merge[j--];
        }

        /** Whether node x comes before node y in the order of (e, node). */
        private boolean before(int x, int y) {
            return e[x] < e[y] || (e[x] == e[y] && x < y);
        }

        /**
         * Sorts {@code byE[a .. n)} (nodes with e > from) by (e, node): as (e − from, node) packed in one long each when
         * they fit, else by insertion.
         */
        private void sortLearnt(int a, int n) {
            int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, e.length - 1)); // a node index in `bits` bits
            long cap = bits >= 62 ? 0 : (1L << (63 - bits)) - 1; // e − from below this, or NEVER (packed as cap)
            boolean packs = cap > 0;
            for (int q = a; q < n && packs; q++) {
                long s = e[byE[q]];
                packs = s == NodeTimelines.NEVER || (s - from > 0 && s - from < cap); // > 0: no overflow
            }
            if (packs) {
                if (keys.length < n - a) keys = new long[e.length];
                for (int q = a; q < n; q++) {
                    int node = byE[q];
                    long s = e[node];
                    keys[q - a] = ((s == NodeTimelines.NEVER ? cap : s - from) << bits) | node;
                }
                Arrays.sort(keys, 0, n - a);
                long mask = (1L << bits) - 1;
                for (int q = a; q < n; q++) byE[q] = (int) (keys[q - a] & mask);
                return;
            }
            for (int q = a + 1; q < n; q++) {
                int node = byE[q];
                int r = q;
                while (r > a && before(node, byE[r - 1])) {
                    byE[r] = byE[r - 1];
                    r--;
                }
                byE[r] = node;
            }
        }

        /** The position in {@code byE[0 .. ranked)} of the first node after (s, node) in the order of (e, node). */
        private int rank(int node, long s) {
            int lo = 0;
            int hi = ranked;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int other = byE[mid];
                long o = e[other];
                if (o < s || (o == s && other < node)) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /** The node's room changed: its answer is asked again. */
        void forget(int node) {
            long bit = 1L << node;
            if ((known[node >>> 6] & bit) == 0) return;
            if ((atStart[node >>> 6] & bit) == 0) { // ranked: out of byE (its e is still the one it was ranked by)
                int at = rank(node, e[node]);
                if (at >= ranked || byE[at] != node) throw new IllegalStateException("node " + node + " with e " + e[node] + " is not ranked");
                System.arraycopy(byE, at + 1, byE, at, ranked - at - 1);
                rankedTo = --ranked;
            }
            known[node >>> 6] &= ~bit;
            atStart[node >>> 6] &= ~bit;
        }
    }

    /**
     * For tests: the first way a kept room per need of the current timelines differs from its nodes asked afresh, or null:
     * a known node's {@code e} is not {@link NodeTimelines#earliestRising}, its start bit is not "e ≤ the profile's start",
     * or {@link NeedRoom#byE} is not exactly the known nodes not at the start in order of (e, node). Rooms carried from
     * the prior cycle and not used yet (brought up to date on their first use) are not looked at; none while the room may
     * shrink (the rooms are dropped then).
     */
    String keptRoomsMismatch() {
        if (!nodes.rising()) return null;
        for (var entry : risingByNeed.entrySet()) {
            NeedRoom room = entry.getValue();
            if (room.generation != nodes.generation()) continue;
            long[] key = entry.getKey().v();
            long[] need = new long[3 + g];
            need[1] = key[1];
            for (int r = 0; r < g; r++) need[3 + r] = key[2 + r];
            String what = "need " + Arrays.toString(key) + ": ";
            if (room.from != times[0]) return what + "kept from " + room.from + ", the profile starts at " + times[0];
            int notAtStart = 0;
            for (int node = 0; node < nodeCount; node++) {
                long bit = 1L << node;
                if ((room.known[node >>> 6] & bit) == 0) {
                    if ((room.atStart[node >>> 6] & bit) != 0) return what + "node " + node + " at the start but not known";
                    continue;
                }
                long fresh = nodes.earliestRising(node, key[0], key[1], need);
                if (room.e[node] != fresh) return what + "node " + node + " kept e " + room.e[node] + ", asked afresh " + fresh;
                boolean atStart = (room.atStart[node >>> 6] & bit) != 0;
                if (atStart != (fresh <= room.from)) return what + "node " + node + " with e " + fresh + " at the start: " + atStart;
                if (!atStart) notAtStart++;
            }
            if (room.ranked != notAtStart) return what + room.ranked + " nodes in order of e, " + notAtStart + " known not at the start";
            for (int q = 0; q < room.ranked; q++) {
                int node = room.byE[q];
                long bit = 1L << node;
                if ((room.known[node >>> 6] & bit) == 0 || (room.atStart[node >>> 6] & bit) != 0) {
                    return what + "node " + node + " in order of e at " + q + " but not known or at the start";
                }
                if (q > 0) {
                    int before = room.byE[q - 1];
                    if (room.e[before] > room.e[node] || (room.e[before] == room.e[node] && before >= node)) {
                        return what + "node " + before + " (e " + room.e[before] + ") before node " + node + " (e " + room.e[node] + ")";
                    }
                }
            }
        }
        return null;
    }

    /** A need as a map key: CPUs, memory, then the GRES of each key. */
    private record NeedKey(long[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof NeedKey k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** The nodes' earliest starts for the need ({@link NodeTimelines#earliestRising}), known where {@link NeedRoom#known}. */
    private NeedRoom risingEarliest(long cpus, long[] need) {
        if (lastNeedEarliest != null && sameNeed(lastNeedKey, cpus, need)) return lastNeedEarliest;
        if (needProbe == null) {
            needProbe = new NeedKey(new long[2 + g]);
            lastNeedKey = new long[2 + g];
        }
        long[] key = needProbe.v();
        key[0] = cpus;
        key[1] = need[1];
        for (int r = 0; r < g; r++) key[2 + r] = need[3 + r];
        NeedRoom e = risingByNeed.get(needProbe);
        if (e == null) {
            if (spareRooms.isEmpty() || spareRooms.get(spareRooms.size() - 1).e.length != nodeCount) {
                e = new NeedRoom(nodeCount, times[0], nodes.generation());
            } else {
                e = spareRooms.remove(spareRooms.size() - 1);
                e.reset(times[0], nodes.generation());
            }
            risingByNeed.put(new NeedKey(key.clone()), e);
        } else if (e.generation != nodes.generation()) { // carried from the prior cycle's profile ({@link #carryRooms})
            e.carryOver(nodes, times[0]);
        }
        System.arraycopy(key, 0, lastNeedKey, 0, key.length);
        lastNeedEarliest = e;
        return e;
    }

    /**
     * The prior cycle's kept rooms per need, taken over (the prior is searched no more): those used in its cycle or the one
     * before, to be carried over on their first use here ({@link NeedRoom#carryOver}: a node's answer stays only while its
     * timeline is unchanged), the others as spares. Valid only when this profile's timelines are the prior's reused
     * ({@link #ofReleases}: else all are dropped).
     */
    private void carryRooms(TresStepProfile prior) {
        if (prior.nodes == null || !prior.nodes.rising() || prior.risingByNeed.isEmpty()) {
            prior.dropRooms(spareRooms);
            return;
        }
        int g = prior.nodes.generation();
        for (var it = prior.risingByNeed.entrySet().iterator(); it.hasNext();) {
            var entry = it.next();
            if (entry.getValue().generation >= g - 1) risingByNeed.put(entry.getKey(), entry.getValue());
            else spareRooms.add(entry.getValue());
        }
        prior.risingByNeed.clear();
        prior.lastNeedEarliest = null;
    }

    /** This profile's kept rooms into {@code spares} (for a later profile of the cluster's nodes), none kept here after. */
    private void dropRooms(java.util.ArrayList<NeedRoom> spares) {
        spares.addAll(risingByNeed.values());
        risingByNeed.clear();
        lastNeedEarliest = null;
    }

    /** Whether {@code key} ({@link NeedKey}'s values) is the need of {@code cpus} and {@code need}'s memory and GRES. */
    private boolean sameNeed(long[] key, long cpus, long[] need) {
        if (key[0] != cpus || key[1] != need[1]) return false;
        for (int r = 0; r < g; r++) if (key[2 + r] != need[3 + r]) return false;
        return true;
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
                        if (allowed != null && (allowed[node >>> 6] & (1L << node)) == 0) continue; // never usable in this search
                        if (fitsWindow(slot, node, i, j, cpus, mem, need)) {
                            int b = node * w;
                            long least = Long.MAX_VALUE;
                            for (int st = i; st <= j; st++) least = Math.min(least, free[st][b]);
                            fit[k] = node;
                            avail[k++] = ConsTresSelect.availableCpus(least, need);
                        } else {
                            later[failed++] = badAt[slot] + 1;
                        }
                    }
                }
                if (k >= nodesNeeded) {
                    int[] chosen = ConsTresSelect.select(fit, avail, null, k, nodesNeeded, cpus, selectScratch);
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

    /** The r-th smallest (1-based) of {@code a[0 .. n)}, n ≥ r, as {@link #rthSmallest(int[], int, int)}; leaves {@code a} unchanged. */
    private long rthSmallest(long[] a, int n, int r) {
        if (r == 1) {
            long m = Long.MAX_VALUE;
            for (int f = 0; f < n; f++) m = Math.min(m, a[f]);
            return m;
        }
        if (smallestAt.length < r) smallestAt = new long[r];
        long[] sm = smallestAt;
        int kept = 0;
        for (int f = 0; f < n; f++) {
            long v = a[f];
            if (kept == r && v >= sm[r - 1]) continue;
            int pos = kept == r ? r - 1 : kept++;
            while (pos > 0 && sm[pos - 1] > v) {
                sm[pos] = sm[pos - 1];
                pos--;
            }
            sm[pos] = v;
        }
        return sm[r - 1];
    }
}
