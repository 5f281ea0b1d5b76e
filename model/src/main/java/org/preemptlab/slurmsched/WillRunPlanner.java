package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.BitSet;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.AvailabilityProfile;

/**
 * One backfill cycle's test of a job on a Slurm (cons_tres) cluster as Slurm 22.05's {@code _attempt_backfill} makes it:
 * the planned jobs hold whole nodes in a {@link NodeSpace}; the running jobs (those the cycle started included) are in
 * the {@link TresStepProfile}, which holds no plan.
 *
 * <p>From {@code start_res} = now: the job may use the nodes of its partition that no plan holds from start_res to
 * start_res + its limit ({@link NodeSpace#availFor}). On them, cons_tres's will-run test ({@code _will_run_test}): the
 * job starts now if it fits now; else the running jobs on those nodes go in batches by their end
 * ({@link SlurmSchedulerPolicy#willRunStart}) and the job starts at the end of the batch after which it fits, <b>on the
 * nodes the select plugin picks then</b> (its node choice at that instant: {@link TresStepProfile#earliestFitOn} from the
 * batch's end). Its start is the later of that and start_res. When a plan's end frees more nodes before that start
 * ({@code later_start}), or when its nodes meet an earlier plan between its start and end rounded down
 * ({@link NodeSpace#overlaps}, {@code _test_resv_overlap}), the test runs again from that instant ({@code TRY_LATER}).
 * A planned job's nodes are then taken out whole ({@link #reserve}).
 */
final class WillRunPlanner {

    private final long now;
    private final long windowSeconds;
    private final TresStepProfile profile;
    private final NodeSpace space;
    private long[] ends;
    private Placement[] held;
    private int running;
    private final long epoch;
    /**
     * The running jobs' indices in order of their end, ties in index order ({@code _cr_job_list_sort}), and their ends in
     * that order: sorted once per cycle on first need, a job started in the cycle inserted in place ({@link #started});
     * null until needed.
     */
    private int[] order;
    private long[] sortedEnds;
    /** Words of 64 nodes per node set ({@link #masks}). */
    private final int words;
    /** The running jobs' nodes in {@link #order}: the r-th's as {@link #words} words from r * words (made with {@link #order}). */
    private long[] masks;
    /** The will-run batches by the nodes a test may use ({@link #batchesOn}); emptied when a job starts. */
    private final BatchesByNodes batchesByNodes;
    /** {@link #test}'s working node sets, {@link NodeSpace#words()} words each (never handed out). */
    private final long[] partScratch, availScratch, lastScratch, useScratch;
    /** {@link #walkOn}'s working node words (the table keeps its own copy). */
    private final long[] keyScratch;

    /** The answer of a test: the job's start (now: it starts now) and its nodes. */
    record Outcome(long start, Placement placement) {}

    /**
     * @param ends, held the running jobs' ends (start + limit, after now) and placements; {@code profile} has them
     * @param epoch the wall-clock instant of time 0 ({@link SlurmSchedulerPolicy#withEpoch})
     */
    WillRunPlanner(long now, long windowSeconds, long resolution, TresStepProfile profile, long[] ends, Placement[] held, int nodeCount,
            long epoch) {
        this.epoch = epoch;
        this.now = now;
        this.windowSeconds = windowSeconds;
        this.profile = profile;
        BitSet all = new BitSet(nodeCount);
        all.set(0, nodeCount);
        this.space = new NodeSpace(now, windowSeconds, resolution, all);
        this.ends = ends.clone();
        this.held = held.clone();
        this.running = ends.length;
        this.words = Math.max(1, (nodeCount + 63) >>> 6);
        int w = space.words();
        this.partScratch = new long[w];
        this.availScratch = new long[w];
        this.lastScratch = new long[w];
        this.useScratch = new long[w];
        this.keyScratch = new long[words];
        this.batchesByNodes = new BatchesByNodes(words);
    }

    /**
     * The job's start and nodes, or null when it can start nowhere (no nodes of its partition could ever hold it). A
     * start after now + window is returned unchecked against the plans (Slurm makes no plan for it).
     *
     * @param partition the nodes of its partition, or null for every node
     */
    Outcome test(JobSpec job, BitSet partition, long duration) {
        int w = space.words();
        long[] part = partScratch;
        if (partition == null) {
            int n = profile.nodeCount();
            Arrays.fill(part, 0L);
            for (int i = 0; i < (n >>> 6); i++) part[i] = -1L;
            if ((n & 63) != 0) part[n >>> 6] = (1L << n) - 1;
        } else {
            long[] p = partition.toLongArray();
            if (p.length > w) throw new IllegalArgumentException("partition node " + partition.nextSetBit(w * 64) + " lies beyond the " + (w * 64) + " nodes of the map");
            System.arraycopy(p, 0, part, 0, p.length);
            Arrays.fill(part, p.length, w, 0L);
        }
        long[] nodes = availScratch;
        long[] lastNodes = lastScratch;
        long startRes = now;
        // the will-run test depends on the job, its nodes and its limit only: a round on the same nodes gives the same
        // answer (a null one, no start up to lastUpTo, only for a round that drops starts up to that too)
        boolean haveLast = false;
        Outcome lastOutcome = null;
        long lastUpTo = 0;
        // whether a round may leave out the placement of a start it drops (willRun's `dropsLate`)
        boolean dropsLate = !placeDroppedStarts && profile.fitStaysOn(job);
        for (int round = 0; round < MAX_TESTS; round++) {
            long endTime = startRes + duration;
            long later = space.availFor(part, startRes, endTime, nodes);
            // a start after `later` is dropped below (the test runs again from it): the will-run search stops there
            long upTo = later == NodeSpace.NONE ? Long.MAX_VALUE : later;
            Outcome o;
            // (a start whose placement was left out, DROPPED, answers again only while it is still dropped)
            if (haveLast && Arrays.equals(nodes, lastNodes)
                    && (lastOutcome == null ? upTo <= lastUpTo : lastOutcome.placement() != null || lastOutcome.start() > upTo)) {
                o = lastOutcome;
            } else {
                int count = 0;
                for (int i = 0; i < w; i++) count += Long.bitCount(nodes[i]);
                if (count >= job.nodes()) {
                    o = willRun(job, nodes, duration, upTo, dropsLate);
                } else {
                    o = null;
                }
                System.arraycopy(nodes, 0, lastNodes, 0, w);
                haveLast = true;
                lastOutcome = o;
                lastUpTo = upTo;
            }
            if (o == null) {
                if (later == NodeSpace.NONE) return null;
                startRes = later;
                continue;
            }
            long start = Math.max(o.start(), startRes);
            if (start <= now) return o;
            if (later != NodeSpace.NONE && start > later) {
                startRes = later;
                continue;
            }
            if (start > now + windowSeconds) return new Outcome(start, o.placement());
            if (space.overlaps(nodeWords(o.placement(), useScratch), space.down(start), space.down(start + duration))) {
                startRes = start;
                continue;
            }
            return new Outcome(start, o.placement());
        }
        return null; // each test starts later than the one before (see MAX_TESTS): never reached on a map of this cycle
    }

    /**
     * Tests of one job in a cycle at most: each new test starts later than the one before (at a record's end, or at the
     * job's own later start), so a job needs at most one per record of the map and one per later start found; the bound
     * only keeps a defect from hanging the run (the job then gets no start in this cycle).
     */
    private static final int MAX_TESTS = 100_000;

    /**
     * cons_tres's will-run test on {@code nodes} (the map's words, node n iff bit n % 64 of word n / 64): now if the job
     * fits now, else the end of the batch after which it fits. With {@code dropsLate} ({@link TresStepProfile#fitStaysOn}
     * of the job), a start after {@code upTo} comes without its placement (null): the caller drops it.
     */
    private Outcome willRun(JobSpec job, long[] nodes, long duration, long upTo, boolean dropsLate) {
        int w = nodes.length;
        // a fit after upTo only makes the caller test again from its later start (upTo), as no fit does
        AvailabilityProfile.Slot fit = upTo == Long.MAX_VALUE ? profile.earliestFitOn(job, now, duration, nodes, w)
                : profile.earliestFitOnUpTo(job, now, duration, nodes, w, upTo);
        if (fit == null) return null;
        if (fit.start() == now) return new Outcome(now, fit.placement());
        // cons_tres walks every running job in order of its end, those without a node in `nodes` skipped (WillRunBatches)
        WillRunBatches.Walk b = walkOn(nodes, w);
        b.extendPast(fit.start());
        long start = b.startAfter(fit.start());
        if (start == fit.start()) return new Outcome(start, fit.placement());
        // the caller drops a start after upTo (it tests again from its later start) whenever fitAtOn answers, so its
        // placement is not needed; and fitAtOn answers when a fit stays one at later starts (TresStepProfile.fitStaysOn)
        if (dropsLate && start > upTo) {
            placementsLeftOut++;
            return new Outcome(start, null);
        }
        AvailabilityProfile.Slot at = profile.fitAtOn(job, start, duration, nodes, w);
        return at != null ? new Outcome(start, at.placement()) : new Outcome(fit.start(), fit.placement());
    }

    /**
     * For tests: place every start a round finds, also one it drops (as before session 17), rather than leave the placement
     * of a start after the round's later start out when {@link TresStepProfile#fitStaysOn} says it would be dropped.
     */
    void placeDroppedStarts() {
        placeDroppedStarts = true;
    }

    private boolean placeDroppedStarts;
    /** How many dropped starts came without their placement (for tests). */
    private long placementsLeftOut;

    long placementsLeftOut() {
        return placementsLeftOut;
    }

    /** A job the cycle started now, running until {@code end}: the will-run tests see it ({@code profile} has it booked). */
    void started(Placement placement, long end) {
        if (running == ends.length) {
            ends = Arrays.copyOf(ends, Math.max(4, running * 2));
            held = Arrays.copyOf(held, ends.length);
        }
        ends[running] = end;
        held[running] = placement;
        if (order != null) { // in place: after every job ending at or before it (ties: the new one, of the highest index, last)
            if (order.length == running) {
                order = Arrays.copyOf(order, Math.max(4, running * 2));
                sortedEnds = Arrays.copyOf(sortedEnds, order.length);
            }
            int at = running;
            while (at > 0 && sortedEnds[at - 1] > end) {
                order[at] = order[at - 1];
                sortedEnds[at] = sortedEnds[at - 1];
                at--;
            }
            order[at] = running;
            sortedEnds[at] = end;
            if (masks.length < (running + 1) * words) masks = Arrays.copyOf(masks, order.length * words);
            System.arraycopy(masks, at * words, masks, (at + 1) * words, (running - at) * words);
            Arrays.fill(masks, at * words, (at + 1) * words, 0L);
            mask(placement, at);
        }
        running++;
        batchesByNodes.clear();
    }

    /**
     * cons_tres's batches ({@link WillRunBatches#batches}) of every running job in order of its end, those with a node in
     * {@code nodes} usable: what {@link WillRunBatches#sortedWithFlags} and {@code batches} give from scratch, computed
     * once per set of nodes until a job starts (all of them: {@link #startAfter} computes only the prefix it needs).
     */
    long[][] batchesOn(BitSet nodes) {
        WillRunBatches.Walk b = walkOn(nodes);
        b.extendPast(Long.MAX_VALUE); // no batch starts after Long.MAX_VALUE: to the end of the list
        return b.batches();
    }

    /**
     * {@link WillRunBatches#startAfter}{@code (batchesOn(nodes), fit)}, walking the running jobs only up to the first batch
     * that starts after {@code fit} (the walk so far is kept per node set and resumed by a later fit).
     */
    long startAfter(BitSet nodes, long fit) {
        WillRunBatches.Walk b = walkOn(nodes);
        b.extendPast(fit);
        return b.startAfter(fit);
    }

    /** The kept walk of {@code nodes} ({@link WillRunBatches.Walk}), a new one at the list's start when none is kept. */
    private WillRunBatches.Walk walkOn(BitSet nodes) {
        long[] use = nodes.toLongArray();
        return walkOn(use, use.length);
    }

    /** {@link #walkOn(BitSet)} of the node set of {@code use}'s first {@code len} words. */
    private WillRunBatches.Walk walkOn(long[] use, int len) {
        long[] key = keyScratch;
        int n = Math.min(len, words); // a node beyond the map: no running job holds it (mask refuses those)
        System.arraycopy(use, 0, key, 0, n);
        Arrays.fill(key, n, words, 0L);
        WillRunBatches.Walk b = batchesByNodes.get(key);
        if (b != null) return b;
        if (order == null) {
            order = WillRunBatches.sortedOrder(ends, running);
            sortedEnds = new long[running];
            for (int r = 0; r < running; r++) sortedEnds[r] = ends[order[r]];
            masks = new long[Math.max(order.length, 1) * words];
            for (int r = 0; r < running; r++) mask(held[order[r]], r);
        }
        b = new WillRunBatches.Walk(sortedEnds, running, masks, words, key.clone(), epoch);
        batchesByNodes.put(key, b);
        return b;
    }

    /** The nodes of the running job at {@code r} in end order into {@link #masks} (a node beyond the node count would be a defect of the caller). */
    private void mask(Placement p, int r) {
        int base = r * words;
        for (int node : p.nodes()) {
            if ((node >>> 6) >= words) throw new IllegalArgumentException("node " + node + " of a running job lies beyond the " + (words * 64) + " nodes of the map");
            masks[base + (node >>> 6)] |= 1L << node;
        }
    }

    /** Plans the job's whole nodes from its start to its end, both rounded down ({@code _add_reservation}). */
    void reserve(Placement placement, long start, long duration) {
        space.reserve(space.down(start), space.down(start + duration), nodeWords(placement, useScratch));
    }

    /** The placement's nodes as the map's words, into {@code into} (a node beyond the map is refused, naming it). */
    private long[] nodeWords(Placement p, long[] into) {
        Arrays.fill(into, 0L);
        for (int node : p.nodes()) {
            if ((node >>> 6) >= into.length) throw new IllegalArgumentException("node " + node + " of a placement lies beyond the " + (into.length * 64) + " nodes of the map");
            into[node >>> 6] |= 1L << node;
        }
        return into;
    }

    /**
     * The batches by node set ({@link #batchesOn}): open addressing on the node sets' words (a set is {@code words} words
     * in {@link #keys}), so a look-up neither allocates nor hashes a {@code BitSet}.
     */
    private static final class BatchesByNodes {
        private final int words;
        private long[] keys;
        private WillRunBatches.Walk[] values;
        private int size;

        BatchesByNodes(int words) {
            this.words = words;
            this.keys = new long[16 * words];
            this.values = new WillRunBatches.Walk[16];
        }

        private static int hash(long[] key, int words) {
            long h = 0;
            for (int i = 0; i < words; i++) h = (h + key[i]) * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }

        private int slot(long[] key) {
            int mask = values.length - 1;
            int i = hash(key, words) & mask;
            while (values[i] != null && !Arrays.equals(keys, i * words, i * words + words, key, 0, words)) i = (i + 1) & mask;
            return i;
        }

        WillRunBatches.Walk get(long[] key) {
            return values[slot(key)];
        }

        void put(long[] key, WillRunBatches.Walk value) {
            if (2 * (size + 1) > values.length) grow();
            int i = slot(key);
            if (values[i] == null) size++;
            System.arraycopy(key, 0, keys, i * words, words);
            values[i] = value;
        }

        private void grow() {
            long[] oldKeys = keys;
            WillRunBatches.Walk[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new WillRunBatches.Walk[oldValues.length * 2];
            size = 0;
            long[] k = new long[words];
            for (int i = 0; i < oldValues.length; i++) {
                if (oldValues[i] == null) continue;
                System.arraycopy(oldKeys, i * words, k, 0, words);
                put(k, oldValues[i]);
            }
        }

        void clear() {
            if (size == 0) return;
            if (values.length > 64) { // a large cycle's table is not swept at every start of a smaller one
                keys = new long[16 * words];
                values = new WillRunBatches.Walk[16];
            } else {
                Arrays.fill(values, null);
            }
            size = 0;
        }
    }

    /** The map of planned nodes (for tests). */
    NodeSpace space() {
        return space;
    }
}
