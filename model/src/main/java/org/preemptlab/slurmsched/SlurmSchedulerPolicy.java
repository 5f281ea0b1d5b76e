package org.preemptlab.slurmsched;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.AvailabilityProfile;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.Reservations;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;

/**
 * Slurm's scheduling loop ({@code SchedulerType=sched/backfill}) on simulated time.
 *
 * <p><b>Main scheduler</b>, on every pass the engine runs (a submit, an end, a timer): pending jobs
 * in priority order (ties: queue order); a job that fits starts; a job that does not fit blocks its
 * partition, whose nodes are then out of reach of every later job of this pass (Slurm takes a
 * failed partition's nodes out of the pass's available nodes). An event pass tests at most
 * {@code default_queue_depth} jobs; at phase + k·{@code sched_interval} the pass tests the whole
 * queue.
 *
 * <p><b>Backfill scheduler</b>, at its phase + k·{@code bf_interval} ({@link SlurmSchedulerConfig#bfPhaseSeconds()}; after the main scheduler of the same
 * instant): running jobs free their resources at their start + time limit; pending jobs in priority order, at
 * most {@code bf_max_job_test} of them, at most {@code bf_max_job_user} per user and
 * {@code bf_max_job_part} per partition, get the earliest start at which they fit for their whole
 * time limit without touching any planned start made before them. A job
 * whose earliest start is now starts now (at most {@code bf_max_job_start} per cycle); otherwise (on a Slurm
 * cluster, at the start cons_tres's {@code _will_run_test} gives: the end of the batch of running jobs whose going
 * lets it fit, see {@link #willRunStart}),
 * if that start is within {@code bf_window} and its priority is at least {@code bf_min_prio_reserve},
 * its resources are planned for it (a reservation later jobs must not delay) until its planned end
 * rounded down to the {@code bf_resolution} grid: its own resources from the start as found (or, with
 * {@link #withWholeNodePlans()}, its whole nodes as Slurm plans them, {@link WillRunPlanner}); a job beyond the
 * window gets no planned start. Plans are not kept between cycles. {@code bf_continue} is accepted
 * and changes nothing: a simulated cycle takes no time, so nothing interrupts it.
 *
 * <p>The policy keeps the times of its next periodic passes and asks the engine for them
 * ({@link Decision.CallAt}); it serves one run at a time (a run whose clock goes back starts afresh).
 */
public final class SlurmSchedulerPolicy implements SchedulingPolicy {

    public static final String NAME = "slurm";

    private final SlurmSchedulerConfig config;
    private final SlurmJobAttributes attributes;
    private long lastNow = Long.MIN_VALUE;
    private long nextMain = Long.MIN_VALUE;
    private long nextBackfill = Long.MIN_VALUE;
    private List<Cycle> cycles;
    private long backfillCycles;
    private long skippedCycles;
    private long lastCyclePrint = Long.MIN_VALUE;
    private long fullPasses;
    // batch_sched_delay: the event-driven main pass (slurmctld's background loop, job_sched_cnt > 0) runs at most
    // once per batch_sched_delay seconds after the last main pass of either kind
    private long lastMainPass = Long.MIN_VALUE;
    private boolean eventPending;
    // by job index: jobs seen queued; the jobs running (or started) after the last call, as bits and as a list
    private final java.util.BitSet seenQueued = new java.util.BitSet();
    // the running set as generation stamps: job i is in it iff runningStamp[i] == runningGen, so forgetting it is one
    // increment (a pass after an end rebuilt it with a BitSet clear and set per running job)
    private int[] runningStamp = new int[0];
    private int runningGen = 1;
    private int[] lastRunningList = new int[0];
    private int lastRunningCount;
    // the engine's counts at the last call (Snapshot.unplannedRunningChanges, queueJoinedBefore + queueJoined's size) and
    // its snapshot, when the running stamps / seenQueued were brought up to date then; -1 / null: not known, walk (noteEvents)
    private long runningNotedAt = -1;
    private long joinsNotedAt = -1;
    private Snapshot notedIn;
    // tests: walk the queue and the running jobs every call, as before the counts were used (noteEvents)
    private boolean walkEveryCall;
    private long queueWalksSkipped;
    private long runningWalksSkipped;
    // passes at the instants a real slurmctld ran them (withRecordedPasses); indices of the next unused ones
    private RecordedPasses recorded;
    private int nextFullIdx, nextEventIdx, nextBackfillIdx;
    // passesBeforeTick said yes for this second: its next call runs only the recorded passes before this millisecond
    private long splitSecond = Long.MIN_VALUE, splitMillis = Long.MAX_VALUE;
    // in a log replay, by job index: the recorded millisecond of the pass that started the job (startMillis); with a
    // same-second order of the grid (withSameSecondOrder), the millisecond the order gives the grid pass that started it
    private final Map<Integer, Long> startedAtMillis = new HashMap<>();
    // a same-second order of the grid's passes (withSameSecondOrder), without recorded passes; null: none (one call per second)
    private PassOrder passOrder;
    // with passOrder: the second whose main-scheduler millisecond a call has passed (a later event of that second is seen
    // by the next second's main pass at the earliest, as Slurm's main loop runs at its own millisecond)
    private long mainSlotPassed = Long.MIN_VALUE;
    // Slurm's plans on whole nodes (WillRunPlanner) on a Slurm cluster (withWholeNodePlans); off: plans of the job's own resources
    private boolean wholeNodePlans;
    // the wall-clock instant of time 0 (seconds since 1970), for cons_tres's 30-s barriers (withEpoch)
    private long epochSeconds;
    // this call's running tasks of throttled arrays (job_array_start_test), counted afresh by every call
    private ArrayTaskLimits arrayLimits;
    // the jobs this call has decided to start so far (for the limits within a pass: Snapshot.limitsAllow)
    private final List<JobView> passStarts = new ArrayList<>();
    // the backfill cut (backfillCycle): the necessary condition for a start now; null: no cut (tests: withoutCut)
    private FitsNow fitsNow = new FitsNow();
    // backfill tests run, and cycles the cut ended before their last job or ran without a test
    private long backfillTests;
    private long cutCycles;

    /** What one backfill cycle did: tested jobs in order, planned starts, jobs started, jobs passed over and why. */
    public record Cycle(long time, List<String> tested, Map<String, Long> planned, List<String> started,
            Map<String, String> passedOver) {}

    public SlurmSchedulerPolicy(SlurmSchedulerConfig config, SlurmJobAttributes attributes) {
        this.config = config;
        this.attributes = attributes;
    }

    @Override
    public String name() {
        return NAME;
    }

    public SlurmSchedulerConfig config() {
        return config;
    }

    /** Keeps every backfill cycle from now on ({@link #cycles()}); for tests and small runs. */
    public SlurmSchedulerPolicy keepingCycles() {
        cycles = new ArrayList<>();
        return this;
    }

    /**
     * Runs the passes at the instants a real slurmctld ran them ({@link RecordedPasses}, from its log) instead of on
     * the computed grid; after the last recorded instant of a kind, that kind goes back to the grid. A pass in the
     * same second as another runs in the recorded order (a backfill cycle before a main pass when it came first).
     */
    public SlurmSchedulerPolicy withRecordedPasses(RecordedPasses passes) {
        this.recorded = passes;
        return this;
    }

    /**
     * Places the grid's passes within their second ({@link PassOrder}: the main scheduler's passes at one millisecond of
     * each second, the backfill cycles at another), where no passes are recorded ({@link #withRecordedPasses} takes
     * precedence): the passes of one second run in that order, {@link #startMillis} gives the millisecond of the grid pass
     * that started a job, and {@link #passesBefore} splits a second's call at an event's millisecond, so that an engine
     * with a same-second order ({@code sim.SameSecondOrder}) applies a job's end at its place among them.
     */
    public SlurmSchedulerPolicy withSameSecondOrder(PassOrder order) {
        this.passOrder = order;
        return this;
    }

    /**
     * Plans as Slurm 22.05's backfill makes them on a Slurm (cons_tres) cluster without advance reservations
     * ({@link WillRunPlanner}): a planned job holds its <b>whole</b> nodes from its start to its end, both rounded down to
     * {@code bf_resolution} ({@code _add_reservation}); each job is tested on the nodes no plan holds over its window, where
     * cons_tres's will-run test gives its start and nodes ({@code later_start}, {@code _test_resv_overlap}). Off in a
     * policy made with the constructor alone; the history replay and a scenario's {@code slurm} scheduler turn it on unless
     * told otherwise ({@link BackfillPlans#DEFAULT}, {@link #withPlans}; docs/slurm-fidelity.md, "Whole-node plans the
     * default"). Where the whole-node plans do not apply (a processor machine or node pools without a Slurm site, a cycle
     * with advance reservations) the plans hold the job's own resources.
     */
    public SlurmSchedulerPolicy withWholeNodePlans() {
        this.wholeNodePlans = true;
        return this;
    }

    /** {@link #withWholeNodePlans()} for {@link BackfillPlans#WHOLE_NODES}; plans of the jobs' own resources otherwise. */
    public SlurmSchedulerPolicy withPlans(BackfillPlans plans) {
        this.wholeNodePlans = plans == BackfillPlans.WHOLE_NODES;
        return this;
    }

    /** How this policy's backfill plans (where whole-node plans apply: {@link #withWholeNodePlans()}). */
    public BackfillPlans plans() {
        return wholeNodePlans ? BackfillPlans.WHOLE_NODES : BackfillPlans.OWN_RESOURCES;
    }

    /**
     * The wall-clock instant (seconds since 1970) of the run's time 0, e.g. a history's first submit: cons_tres's
     * will-run test aligns its batches of ends on multiples of 30 s of the wall clock ({@link #willRunStart}); without
     * it, time 0 is taken for such a multiple.
     */
    public SlurmSchedulerPolicy withEpoch(long epochSeconds) {
        this.epochSeconds = epochSeconds;
        return this;
    }

    /** Every backfill cycle since {@link #keepingCycles()}, in order. */
    public List<Cycle> cycles() {
        return cycles == null ? List.of() : List.copyOf(cycles);
    }

    /**
     * The last backfill cycle since {@link #keepingCycles()}, or null before the first (or when cycles are not kept: a
     * cycle's record, its tested and passed-over jobs by name, is made only for a policy that keeps them).
     */
    public Cycle lastCycle() {
        return cycles == null || cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    }

    public long backfillCycles() {
        return backfillCycles;
    }

    /** Backfill cycles skipped because nothing had changed since the last one. */
    public long skippedCycles() {
        return skippedCycles;
    }

    /** The queue and the running jobs, as a number that changes when a job is submitted, starts or ends. */
    private static long fingerprint(Snapshot s) {
        long h = 1;
        for (JobView j : s.queue()) h = h * 31 + j.index();
        h = h * 1_000_003 + s.queue().size();
        for (JobView j : s.running()) h = h * 37 + j.index();
        return h * 1_000_033 + s.running().size();
    }

    public long fullPasses() {
        return fullPasses;
    }

    /** The first time ≥ t on the grid phase + k·interval. */
    static long tickAtOrAfter(long t, long phase, long interval) {
        if (t <= phase) return phase;
        long k = Math.floorDiv(t - phase + interval - 1, interval);
        return phase + k * interval;
    }

    /** The first backfill cycle at or after {@code t}: at the phase, or (a drifting timer) the phase of the piece in effect. */
    private long nextBackfillAtOrAfter(long t) {
        BackfillPhases pieces = config.bfPhases();
        return pieces == null ? tickAtOrAfter(t, config.bfPhaseSeconds(), config.bfIntervalSeconds())
                : pieces.tickAtOrAfter(t, config.bfIntervalSeconds());
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        if (now < lastNow) {
            nextMain = Long.MIN_VALUE;
            nextBackfill = Long.MIN_VALUE;
            mainSlotPassed = Long.MIN_VALUE;
        }
        lastNow = now;
        if (nextMain == Long.MIN_VALUE) {
            nextMain = tickAtOrAfter(now, config.phaseSeconds(), config.schedIntervalSeconds());
            nextBackfill = nextBackfillAtOrAfter(now);
        }
        if (now < lastMainPass) {
            lastMainPass = Long.MIN_VALUE;
            eventPending = false;
            seenQueued.clear();
            joinsNotedAt = -1;
            forgetRunning();
        }
        boolean fullPass = now >= nextMain;
        boolean backfill = now >= nextBackfill;
        // a same-second order of the grid (withSameSecondOrder): a call split at an event's millisecond (passesBefore) runs
        // only the passes placed before it; the others wait for the next call of this second
        boolean holdMain = false;
        if (passOrder != null && recorded == null) {
            if (splitSecond == now) {
                holdMain = now * 1000 + passOrder.mainMillis() >= splitMillis;
                if (now * 1000 + passOrder.backfillMillis() >= splitMillis) backfill = false;
                if (holdMain) fullPass = false;
            }
            // a call after the main scheduler's millisecond of this second has passed runs no main pass (it ran or was not due)
            if (mainSlotPassed == now) holdMain = true;
            else if (splitSecond == now && !holdMain) mainSlotPassed = now;
            splitSecond = Long.MIN_VALUE;
        }
        if (fullPass) {
            fullPasses++;
            nextMain = tickAtOrAfter(now + 1, config.phaseSeconds(), config.schedIntervalSeconds());
        }
        if (backfill) nextBackfill = nextBackfillAtOrAfter(now + 1);
        long delay = config.batchSchedDelaySeconds();
        boolean mainPass = true;
        boolean backfillFirst = false;
        long nextRecorded = Long.MAX_VALUE;
        long mainMillis = Long.MIN_VALUE, backfillMillis = Long.MIN_VALUE;
        boolean replaying = recorded != null && now <= recorded.lastSecond();
        if (recorded != null) noteEvents(s);
        if (replaying) {
            long[] f = recorded.fullMillis(), e = recorded.eventMillis(), b = recorded.backfillMillis();
            nextFullIdx = skipBefore(f, nextFullIdx, now);
            nextEventIdx = skipBefore(e, nextEventIdx, now);
            nextBackfillIdx = skipBefore(b, nextBackfillIdx, now);
            // before the engine's calc tick of this second (passesBeforeTick): only the passes recorded before it
            long limit = splitSecond == now ? splitMillis : (now + 1) * 1000;
            splitSecond = Long.MIN_VALUE;
            long fMs = dueBefore(f, nextFullIdx, now, limit), eMs = dueBefore(e, nextEventIdx, now, limit),
                    bMs = dueBefore(b, nextBackfillIdx, now, limit);
            if (nextFullIdx < f.length) fullPass = fMs != Long.MAX_VALUE;
            boolean eventPass = eMs != Long.MAX_VALUE;
            if (nextBackfillIdx < b.length) backfill = bMs != Long.MAX_VALUE;
            mainPass = fullPass || eventPass;
            backfillFirst = backfill && mainPass && bMs < Math.min(fMs, eMs);
            if (mainPass && Math.min(fMs, eMs) != Long.MAX_VALUE) mainMillis = Math.min(fMs, eMs);
            if (backfill && bMs != Long.MAX_VALUE) backfillMillis = bMs;
            nextFullIdx = skipBeforeMillis(f, nextFullIdx, limit);
            nextEventIdx = skipBeforeMillis(e, nextEventIdx, limit);
            nextBackfillIdx = skipBeforeMillis(b, nextBackfillIdx, limit);
            nextRecorded = Math.min(nextSecond(e, nextEventIdx),
                    Math.min(nextFullIdx < f.length ? RecordedPasses.second(f[nextFullIdx]) : nextMain,
                            nextBackfillIdx < b.length ? RecordedPasses.second(b[nextBackfillIdx]) : nextBackfill));
        } else if (delay > 0) {
            if (recorded == null) noteEvents(s);
            mainPass = fullPass || (eventPending && (lastMainPass == Long.MIN_VALUE || now - lastMainPass >= delay));
        }
        if (passOrder != null && !replaying) {
            if (holdMain) mainPass = false;
            backfillFirst = backfill && mainPass && passOrder.backfillMillis() < passOrder.mainMillis();
            mainMillis = now * 1000 + passOrder.mainMillis();
            backfillMillis = now * 1000 + passOrder.backfillMillis();
        }

        List<JobView> order = priorityOrder(s.queue());
        arrayLimits = new ArrayTaskLimits(s);
        passStarts.clear();
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        // Slurm's select/cons_tres chooses the nodes: node-set best fit across node groups (alloc.ConsTresSelect); the
        // snapshot's copy shares its room with the engine's capacity until a change (copy on write): given up at once, and
        // the pass's own at the pass's end, so that the engine's next change need not copy the room
        if (free instanceof TresCapacity tc) {
            free = tc.withSlurmSelection();
            tc.discard();
        }
        List<Started> startedNow = new ArrayList<>();
        StartedJobs startedIdx = this.startedJobs.cleared();
        if (backfillFirst) {
            runBackfill(s, order, free, decisions, startedNow, startedIdx);
            noteStartMillis(decisions, 0, backfillMillis);
        }
        if (mainPass) {
            int from = decisions.size();
            mainScheduler(s, order, free, fullPass, decisions, startedNow, startedIdx);
            noteStartMillis(decisions, from, mainMillis);
            lastMainPass = now;
            eventPending = false;
        }
        if (backfill && !backfillFirst) {
            int from = decisions.size();
            runBackfill(s, order, free, decisions, startedNow, startedIdx);
            noteStartMillis(decisions, from, backfillMillis);
        }
        // periodic passes while jobs wait and something can change (a job runs or ends, a window opens or closes);
        // with nothing running and nothing startable the engine reports the run as stuck
        boolean canChange = !s.running().isEmpty() || !startedIdx.isEmpty() || !s.reservations().isEmpty();
        // with recorded passes, the next one comes whatever runs (slurmctld ran it): call until the log ends
        if (order.size() > startedIdx.size() && (canChange || (replaying && nextRecorded <= recorded.lastSecond()))) {
            long next = replaying ? nextRecorded : Math.min(nextMain, nextBackfill);
            decisions.add(new Decision.CallAt(next, Reason.of("Slurm's next periodic pass")));
        }
        if (delay > 0 || recorded != null) {
            if (!replaying && delay > 0 && eventPending && order.size() > startedIdx.size()) {
                // with a same-second order, an event after this second's main pass is seen by the next second's at the earliest
                long at = passOrder != null && recorded == null ? Math.max(lastMainPass + delay, now + 1) : lastMainPass + delay;
                decisions.add(new Decision.CallAt(at, Reason.of("Slurm's main pass after a submit or an end (batch_sched_delay)")));
            }
            long unplanned = s.unplannedRunningChanges();
            if (!runningAsNoted(s, unplanned)) {
                forgetRunning();
                for (JobView r : s.running()) noteRunning(r.index());
            }
            // else the stamps hold the running set already (noteEvents): only this call's starts join it
            for (int k = 0; k < startedIdx.size(); k++) noteRunning(startedIdx.get(k));
            runningNotedAt = unplanned;
            notedIn = s;
        }
        if (free instanceof TresCapacity tc) tc.discard(); // the pass's scratch room: nothing reads it after the pass
        return decisions;
    }

    private void runBackfill(Snapshot s, List<JobView> order, Capacity free, List<Decision> decisions, List<Started> startedNow,
            StartedJobs startedIdx) {
        // Slurm's _more_work(): a cycle runs only if a job was submitted, started or ended since the last one
        long print = fingerprint(s);
        if (print != lastCyclePrint || !startedNow.isEmpty() || !startedIdx.isEmpty()) {
            backfillCycle(s, order, free, decisions, startedNow, startedIdx);
        } else {
            skippedCycles++;
        }
        lastCyclePrint = startedIdx.isEmpty() ? print : Long.MIN_VALUE;
    }

    /** In a log replay: the starts among {@code decisions} from {@code from} on were made by the pass recorded at {@code millis}. */
    private void noteStartMillis(List<Decision> decisions, int from, long millis) {
        if (millis == Long.MIN_VALUE) return;
        for (int i = from; i < decisions.size(); i++) {
            if (decisions.get(i) instanceof Decision.Start st) startedAtMillis.put(st.job().index(), millis);
        }
    }

    /** In a log replay: the recorded millisecond of the pass that started {@code job} (its last start), else Long.MIN_VALUE. */
    @Override
    public long startMillis(JobView job) {
        Long ms = startedAtMillis.get(job.index());
        return ms == null ? Long.MIN_VALUE : ms;
    }

    /** The first index ≥ i whose instant falls in second {@code now} or later. */
    private static int skipBefore(long[] a, int i, long now) {
        while (i < a.length && RecordedPasses.second(a[i]) < now) i++;
        return i;
    }

    /** The first index ≥ i whose instant is at or after millisecond {@code limit}. */
    private static int skipBeforeMillis(long[] a, int i, long limit) {
        while (i < a.length && a[i] < limit) i++;
        return i;
    }

    /** The millisecond of the recorded instant at i when it falls in second {@code now} before {@code limit}, else Long.MAX_VALUE. */
    private static long dueBefore(long[] a, int i, long now, long limit) {
        return i < a.length && RecordedPasses.second(a[i]) == now && a[i] < limit ? a[i] : Long.MAX_VALUE;
    }

    /**
     * In a log replay whose log gives the calc ticks' place ({@link RecordedPasses#calcTickMillis}): true if a pass of
     * second {@code now} not yet run was recorded before the tick of that second; the next call then runs only those.
     */
    @Override
    public boolean passesBeforeTick(long now) {
        if (recorded == null || now > recorded.lastSecond()) return false;
        long tick = recorded.calcTickMillis(now);
        return tick != Long.MIN_VALUE && passesBefore(now, tick);
    }

    /** In a log replay: the recorded millisecond of the calc tick of second {@code now}, else Long.MIN_VALUE. */
    @Override
    public long tickMillis(long now) {
        return recorded == null || now > recorded.lastSecond() ? Long.MIN_VALUE : recorded.calcTickMillis(now);
    }

    /**
     * In a log replay: true if a pass of second {@code now} not yet run was recorded before millisecond {@code millis}
     * (a submit or an end the log recorded then, or the calc tick); the next call then runs only those passes.
     */
    @Override
    public boolean passesBefore(long now, long millis) {
        if (passOrder != null && recorded == null) return gridPassesBefore(now, millis);
        if (recorded == null || now > recorded.lastSecond()) return false;
        boolean before = false;
        long[][] kinds = {recorded.fullMillis(), recorded.eventMillis(), recorded.backfillMillis()};
        int[] next = {nextFullIdx, nextEventIdx, nextBackfillIdx};
        for (int k = 0; k < kinds.length; k++) {
            long[] a = kinds[k];
            int i = skipBefore(a, next[k], now);
            before |= i < a.length && RecordedPasses.second(a[i]) == now && a[i] < millis;
        }
        if (before) {
            splitSecond = now;
            splitMillis = millis;
        }
        return before;
    }

    /**
     * With a same-second order of the grid: true if a pass of second {@code now} that may run and has not run yet is
     * placed before millisecond {@code millis}: the main scheduler when its full pass is due or its event pass may be
     * (batch_sched_delay over since the last main pass), the backfill when its cycle is due. The next call then runs only
     * those (a call in which none turns out due changes nothing).
     */
    private boolean gridPassesBefore(long now, long millis) {
        if (nextMain == Long.MIN_VALUE || now < lastNow) return false; // no call yet in this run: nothing has started
        long delay = config.batchSchedDelaySeconds();
        boolean mainMay = mainSlotPassed != now && (now >= nextMain || delay <= 0 || lastMainPass == Long.MIN_VALUE || now - lastMainPass >= delay);
        boolean before = (mainMay && now * 1000 + passOrder.mainMillis() < millis)
                || (now >= nextBackfill && now * 1000 + passOrder.backfillMillis() < millis);
        if (before) {
            splitSecond = now;
            splitMillis = millis;
        }
        return before;
    }

    private static long nextSecond(long[] a, int i) {
        return i < a.length ? RecordedPasses.second(a[i]) : Long.MAX_VALUE;
    }

    /**
     * A job submitted or ended since the last call sets Slurm's job_sched_cnt: a main pass is due.
     *
     * <p>Without walking the queue and the running jobs when the engine's counts say what changed since the last call
     * (the same snapshot; the walks' answers): every job queued at the last call was marked seen then, so a job queued
     * now and not seen joined the queue since, and is one of {@link Snapshot#queueJoined()} when the journal continues
     * the last call's ({@code queueJoinedBefore} is the count seen then); and when
     * {@link Snapshot#unplannedRunningChanges()} is the last call's, the running set changed only by that call's starts,
     * carried out as decided, which the running stamps hold already: no job of it left.
     */
    private void noteEvents(Snapshot s) {
        long before = s.queueJoinedBefore();
        List<? extends JobView> joins = before < 0 ? null : s.queueJoined();
        if (!walkEveryCall && joins != null && notedIn == s && before == joinsNotedAt) {
            queueWalksSkipped++;
            for (JobView j : joins) {
                // a join may have left again since (then the walk would not have met it)
                if (!seenQueued.get(j.index()) && s.waiting(j.index()) != null) {
                    seenQueued.set(j.index());
                    eventPending = true;
                }
            }
        } else {
            for (JobView j : s.queue()) {
                if (!seenQueued.get(j.index())) {
                    seenQueued.set(j.index());
                    eventPending = true;
                }
            }
        }
        joinsNotedAt = joins == null ? -1 : before + joins.size();
        if (lastRunningCount > 0) {
            if (runningAsNoted(s, s.unplannedRunningChanges())) {
                runningWalksSkipped++;
            } else {
                // one walk: counts the jobs still running and notes the running set anew (schedule's end would walk it
                // again: the snapshot's running set does not change during the call)
                int was = lastRunningCount;
                int old = runningGen;
                newRunningGeneration();
                int still = 0;
                for (JobView r : s.running()) {
                    int i = r.index();
                    if (i < runningStamp.length && runningStamp[i] == old) still++;
                    noteRunning(i);
                }
                if (still < was) eventPending = true;
                long unplanned = s.unplannedRunningChanges();
                if (!walkEveryCall && unplanned >= 0) {
                    runningNotedAt = unplanned;
                    notedIn = s;
                }
            }
        }
    }

    /** True if the running stamps hold the running set of {@code s}, by the engine's count {@code unplanned} (noteEvents). */
    private boolean runningAsNoted(Snapshot s, long unplanned) {
        return !walkEveryCall && unplanned >= 0 && unplanned == runningNotedAt && notedIn == s;
    }

    /**
     * For comparisons (tests): walk the queue and the running jobs on every call instead of reading the engine's counts
     * (noteEvents), and let the will-run batches sort the running jobs themselves ({@link WillRunBatches}). Same decisions.
     */
    public SlurmSchedulerPolicy walkingEveryCall() {
        walkEveryCall = true;
        return this;
    }

    /**
     * For comparisons (tests): no cut in the backfill cycle ({@link #backfillCycle}): every job is tested, as before the
     * cut. Same decisions.
     */
    SlurmSchedulerPolicy withoutCut() {
        fitsNow = null;
        return this;
    }

    /** For tests of the tests: the cut with a condition {@code extraNodes} nodes too tight (a defect: decisions change). */
    SlurmSchedulerPolicy withTooTightCut(int extraNodes) {
        fitsNow = new FitsNow(extraNodes);
        return this;
    }

    /** Jobs tested by the backfill cycles ({@code _try_sched} calls), the cut ones not counted. */
    public long backfillTests() {
        return backfillTests;
    }

    /** Backfill cycles the cut stopped before the end of their queue (or ran without a test). */
    public long cutCycles() {
        return cutCycles;
    }

    /** Calls whose check for new queued jobs read the engine's journal of joins instead of walking the queue. */
    public long queueWalksSkipped() {
        return queueWalksSkipped;
    }

    /** Calls whose check for ended running jobs read the engine's count of changes instead of walking the running set. */
    public long runningWalksSkipped() {
        return runningWalksSkipped;
    }

    private void forgetRunning() {
        newRunningGeneration();
        runningNotedAt = -1;
    }

    /** Empties the running set (every stamp is then stale). */
    private void newRunningGeneration() {
        lastRunningCount = 0;
        if (++runningGen == Integer.MAX_VALUE) { // after two billion generations: stamps reused from 1
            java.util.Arrays.fill(runningStamp, 0);
            runningGen = 1;
        }
    }

    /** Adds job index i to the running set (once). */
    private void noteRunning(int i) {
        if (i >= runningStamp.length) runningStamp = java.util.Arrays.copyOf(runningStamp, Math.max(i + 1, Math.max(64, 2 * runningStamp.length)));
        if (runningStamp[i] == runningGen) return;
        runningStamp[i] = runningGen;
        if (lastRunningCount == lastRunningList.length) lastRunningList = java.util.Arrays.copyOf(lastRunningList, Math.max(16, 2 * lastRunningCount));
        lastRunningList[lastRunningCount++] = i;
    }

    private record Started(long end, Placement placement) {}

    /**
     * The indices of the jobs a call started, as bits and as a list (a call's scratch, cleared at the next call: no boxed
     * set per pass, no hashing per job looked at).
     */
    private static final class StartedJobs {
        private final java.util.BitSet bits = new java.util.BitSet();
        private int[] list = new int[16];
        private int size;

        StartedJobs cleared() {
            for (int k = 0; k < size; k++) bits.clear(list[k]);
            size = 0;
            return this;
        }

        boolean contains(int i) {
            return bits.get(i);
        }

        void add(int i) {
            if (bits.get(i)) return;
            bits.set(i);
            if (size == list.length) list = java.util.Arrays.copyOf(list, 2 * size);
            list[size++] = i;
        }

        int size() {
            return size;
        }

        boolean isEmpty() {
            return size == 0;
        }

        /** The k-th index added. */
        int get(int k) {
            return list[k];
        }
    }

    private final StartedJobs startedJobs = new StartedJobs();

    private List<JobView> priorityOrder(Collection<? extends JobView> queue) {
        int n = queue.size();
        JobView[] jobs = new JobView[n];
        long[] prio = new long[n];
        int i = 0;
        boolean allEqual = true;
        for (JobView j : queue) {
            jobs[i] = j;
            prio[i] = attributes.priority(j.spec());
            allEqual &= prio[i] == prio[0];
            i++;
        }
        // every priority equal (the engine's order, SlurmJobAttributes.REQUESTED): the sort would keep the queue order
        if (allEqual) return java.util.Arrays.asList(jobs);
        return byPriority(jobs, prio);
    }

    /** The jobs by priority, highest first; equal priorities in the given (queue) order. */
    static <J> List<J> byPriority(J[] jobs, long[] prio) {
        int n = jobs.length;
        boolean packable = true;
        for (int k = 0; k < n && packable; k++) packable = prio[k] >= 0 && prio[k] <= 0xffffffffL;
        if (packable) {
            // (priority descending, queue position) packed in one long each (Slurm's priorities are 32-bit):
            // a primitive sort, the same order as the comparator's below, without boxing a position per job
            long[] keys = new long[n];
            for (int k = 0; k < n; k++) keys[k] = ((0xffffffffL - prio[k]) << 31) | k;
            java.util.Arrays.sort(keys);
            List<J> out = new ArrayList<>(n);
            for (long key : keys) out.add(jobs[(int) (key & 0x7fffffffL)]);
            return out;
        }
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) idx[k] = k;
        java.util.Arrays.sort(idx, (a, b) -> prio[a] != prio[b] ? Long.compare(prio[b], prio[a]) : Integer.compare(a, b));
        List<J> out = new ArrayList<>(n);
        for (Integer k : idx) out.add(jobs[k]);
        return out;
    }

    private void mainScheduler(Snapshot s, List<JobView> order, Capacity free, boolean fullPass, List<Decision> decisions,
            List<Started> startedNow, StartedJobs startedIdx) {
        long now = s.now();
        List<Reservation> windows = s.reservations();
        Capacity usableForMain = null; // free minus the nodes of blocked partitions (made on the first block)
        Set<String> blocked = new HashSet<>();
        long tested = 0;
        for (JobView job : order) {
            if (startedIdx.contains(job.index())) continue;
            // job_array_start_test, before the depth count: a task of an array at its %N is passed over (no block)
            if (arrayLimits.atLimit(job.spec())) continue;
            if (!fullPass && tested >= config.defaultQueueDepth()) break;
            String part = attributes.partition(job.spec());
            if (!blocked.isEmpty() && blocked.contains(part)) continue;
            tested++;
            // acct_policy_job_runnable_pre_select with the counters this pass's starts moved: over a limit, passed over
            if (!passStarts.isEmpty() && !s.limitsAllow(job, passStarts)) continue;
            long end = now + job.requestedWalltime();
            Capacity view = usableForMain == null ? free : usableForMain;
            Placement p = Reservations.usable(view, windows, now, end).place(job.spec());
            if (p == null) {
                blocked.add(part);
                List<String> partPools = partitionPools(s.cluster(), job.spec(), part);
                if (partPools.isEmpty()) break; // its partition is every node
                if (usableForMain == null) usableForMain = free.copy();
                seizePools(s.cluster(), partPools, usableForMain);
                continue;
            }
            Placement taken = free.take(p);
            if (usableForMain != null) usableForMain.take(p);
            startedNow.add(new Started(end, taken));
            startedIdx.add(job.index());
            arrayLimits.started(job.spec());
            passStarts.add(job);
            decisions.add(new Decision.Start(job, p, new SlurmStartReason.Main(job.name(), attributes.priority(job.spec()), fullPass)));
        }
        if (usableForMain instanceof TresCapacity u) u.discard(); // this loop's scratch room
    }

    /**
     * The node groups a blocked job's partition stands for: its pools (version 1), else on a version-2
     * cluster the groups of its partition (the default partition for {@code ""}); empty when that is
     * every node (or unknown): the pass then stops.
     */
    private static List<String> partitionPools(Cluster cluster, org.preemptlab.job.JobSpec spec, String part) {
        if (!(cluster instanceof NodeCluster nc)) return List.of();
        if (!spec.pools().isEmpty()) return spec.pools();
        if (nc.site() == null || spec.slurm() == null) return List.of();
        int pi = part.isEmpty() ? nc.site().partitionIndex(nc.site().defaultPartition().name()) : nc.site().partitionIndex(part);
        if (pi < 0) return List.of();
        List<String> groups = nc.site().partitions().get(pi).groups();
        return groups.size() >= nc.pools().size() ? List.of() : groups;
    }

    private static void seizePools(Cluster cluster, List<String> pools, Capacity c) {
        NodeCluster nc = (NodeCluster) cluster;
        for (String pool : pools) {
            int pi = nc.poolIndex(pool);
            if (pi < 0) continue;
            int first = nc.firstNode(pi);
            int end = first + nc.pools().get(pi).nodes();
            if (c instanceof TresCapacity tc) {
                tc.empty(first, end); // the same, without a placement of what it held
            } else {
                for (int node = first; node < end; node++) c.seize(node);
            }
        }
    }

    private long down(long t) {
        return Math.floorDiv(t, config.bfResolutionSeconds()) * config.bfResolutionSeconds();
    }

    /**
     * The last backfill cycle's profile, a scratch buffer only: the next cycle's profile is made in its per-node timelines'
     * arrays (every node set afresh) and takes its nodes' whole room when the cluster and gang rows are the same
     * ({@link TresStepProfile#ofReleases(long, TresCapacity, long[], Placement[], TresStepProfile)}), so the cycles do not
     * allocate them anew. Nothing else is read from it across cycles.
     */
    private TresStepProfile profileScratch;

    private void backfillCycle(Snapshot s, List<JobView> order, Capacity free, List<Decision> decisions,
            List<Started> startedNow, StartedJobs startedIdx) {
        backfillCycles++;
        long now = s.now();
        if (startedIdx.size() == order.size()) { // the main scheduler started every pending job: nothing to test
            if (cycles != null) cycles.add(new Cycle(now, List.of(), Map.of(), List.of(), Map.of()));
            return;
        }
        // the cut: with no cycle record kept, a test matters only by a start now (a decision) or by its plan, which only the
        // jobs tested after it see; a job can start now only if it passes fitsNow (a necessary condition on the free room,
        // which only shrinks in the cycle). So the loop stops before the first job after which no job passes it, and a
        // cycle in which none does runs no test and makes no profile. The jobs before the cut are tested as without it.
        TresCapacity cutRoom = fitsNow != null && cycles == null && free instanceof TresCapacity tcut ? tcut : null;
        int nextFit = -1; // with the cut: the position in order of the next job at or after the loop's that may start now
        if (cutRoom != null) {
            fitsNow.newCycle();
            nextFit = nextFit(order, 0, cutRoom, startedIdx);
            if (nextFit == order.size()) {
                cutCycles++;
                return;
            }
        }
        List<Reservation> windows = s.reservations();
        int nr = s.running().size() + startedNow.size();
        long[] ends = new long[nr];
        Placement[] held = new Placement[nr];
        int k = 0;
        for (JobView r : s.running()) {
            ends[k] = Math.max(now + 1, r.estimatedEnd());
            held[k++] = r.placement();
        }
        for (Started st : startedNow) {
            ends[k] = Math.max(now + 1, st.end());
            held[k++] = st.placement();
        }
        // on a Slurm cluster without reservations the same profile, searched without copying capacities (TresStepProfile)
        // (tc itself, not a copy: the profile reads its free room here only; what it keeps reading is the node layout, the
        // candidates and placements, which free.take below does not change)
        int[] byEnd = TresStepProfile.byTime(ends); // the profile's releases and the will-run batches, in end order
        TresStepProfile fast = windows.isEmpty() && free instanceof TresCapacity tc
                ? TresStepProfile.ofReleases(now, tc, ends, held, profileScratch, byEnd) : null;
        if (fast != null) profileScratch = fast;
        AvailabilityProfile profile = fast != null ? null : AvailabilityProfile.ofReleases(now, free.copy(), ends, held);
        // Slurm's own test of each job: plans on whole nodes, cons_tres's will-run start and node choice (WillRunPlanner)
        WillRunPlanner planner = fast != null && wholeNodePlans
                ? new WillRunPlanner(now, config.bfWindowSeconds(), config.bfResolutionSeconds(), fast, ends, held, fast.nodeCount(),
                        epochSeconds) : null;
        // the will-run batches serve the own-resource plans only (willRunSlot); the whole-node planner makes its own
        WillRunBatches batches = fast != null && planner == null ? willRunBatches(ends, held, byEnd) : null;
        // the cycle's record (Cycle: tested, started, passed over) only when cycles are kept; the planned starts always
        // (a backfill start's reason counts them, by name as the record does)
        boolean recording = cycles != null;
        List<String> tested = recording ? new ArrayList<>() : null;
        Map<String, Long> planned = new LinkedHashMap<>();
        List<String> started = recording ? new ArrayList<>() : null;
        Map<String, String> passedOver = recording ? new LinkedHashMap<>() : null;
        // per user and partition counts only under bf_max_job_user / bf_max_job_part
        Map<String, Integer> perUser = config.bfMaxJobUser() > 0 ? new HashMap<>() : null;
        Map<String, Integer> perPart = config.bfMaxJobPart() > 0 ? new HashMap<>() : null;
        // the nodes of each partition, made once per cycle (planner.test reads them only)
        Map<String, java.util.BitSet> partNodes = planner != null ? new HashMap<>() : null;
        int testedCount = 0;
        long starts = 0;
        long windowEnd = now + config.bfWindowSeconds();
        ArrayRejects arrays = new ArrayRejects(config.bfMaxJobArrayResv()); // reject_array_job, bf_max_job_array_resv
        for (int pos = 0, n = order.size(); pos < n; pos++) {
            JobView job = order.get(pos);
            if (startedIdx.contains(job.index())) continue;
            if (testedCount >= config.bfMaxJobTest()) break;
            if (config.bfMaxJobStart() > 0 && starts >= config.bfMaxJobStart()) break;
            if (pos > nextFit && cutRoom != null) {
                nextFit = nextFit(order, pos, cutRoom, startedIdx);
                if (nextFit == n) {
                    cutCycles++;
                    break;
                }
            }
            String user = perUser != null ? attributes.user(job.spec()) : null;
            String part = attributes.partition(job.spec());
            String arrayPass = arrays.passOver(job.spec(), part);
            if (arrayPass != null) {
                if (recording) passedOver.put(job.name(), arrayPass);
                continue;
            }
            if (arrayLimits.atLimit(job.spec())) { // job_array_start_test (its array stays rejected in this partition)
                if (recording) passedOver.put(job.name(), "its array runs its %N tasks (job_array_start_test)");
                continue;
            }
            if (!passStarts.isEmpty() && !s.limitsAllow(job, passStarts)) { // acct_policy_job_runnable_pre_select
                if (recording) passedOver.put(job.name(), "over a QOS or association limit with this pass's starts");
                continue;
            }
            if (perUser != null && perUser.getOrDefault(user, 0) >= config.bfMaxJobUser()) {
                if (recording) passedOver.put(job.name(), "bf_max_job_user");
                continue;
            }
            if (perPart != null && perPart.getOrDefault(part, 0) >= config.bfMaxJobPart()) {
                if (recording) passedOver.put(job.name(), "bf_max_job_part");
                continue;
            }
            if (perUser != null) perUser.merge(user, 1, Integer::sum);
            if (perPart != null) perPart.merge(part, 1, Integer::sum);
            testedCount++;
            backfillTests++;
            if (recording) tested.add(job.name());
            long duration = job.requestedWalltime();
            AvailabilityProfile.Slot slot;
            if (planner != null) {
                WillRunPlanner.Outcome o = planner.test(job.spec(), partitionNodes(s.cluster(), job.spec(), part, partNodes), duration);
                slot = o == null ? null : new AvailabilityProfile.Slot(o.start(), o.placement());
            } else {
                // _attempt_backfill takes a plan's nodes from a job whose end_time (start + limit) is at or after the plan's
                // begin (node_space[j].begin_time <= end_time): the instant of the job's end counts, so on a Slurm
                // cluster the own-resource search asks for one second more than the limit (plans only; the job runs its limit)
                slot = fast != null ? fast.earliestFit(job.spec(), now, inclusiveEnd(duration)) : profile.earliestFit(job.spec(), now, duration, windows);
            }
            long priority = attributes.priority(job.spec());
            // cons_tres finds a later start in batches of ends (_will_run_test); the general profile stands for other selects
            if (planner == null && fast != null && slot != null && slot.start() > now) slot = willRunSlot(s, job, part, slot, fast, duration, batches);
            if (slot != null && slot.start() == now) {
                Placement taken = free.take(slot.placement());
                if (fast != null) fast.book(taken, now, now + duration);
                if (planner != null) planner.started(taken, now + Math.max(1, duration));
                if (fast != null) {
                    if (batches != null) batches.add(now + Math.max(1, duration), taken); // a running job for willRunSlot's later answers
                } else {
                    profile.book(taken, now, now + duration);
                }
                starts++;
                arrays.started();
                arrayLimits.started(job.spec());
                passStarts.add(job);
                if (recording) started.add(job.name());
                startedIdx.add(job.index());
                decisions.add(new Decision.Start(job, slot.placement(), new SlurmStartReason.Backfill(job.name(), priority, planned.size())));
            } else if (slot == null || slot.start() >= windowEnd) {
                if (recording) passedOver.put(job.name(), "no start within bf_window");
            } else if (priority < config.bfMinPrioReserve()) {
                if (recording) passedOver.put(job.name(), "priority below bf_min_prio_reserve: no planned start");
            } else {
                // Slurm's _add_reservation rounds the planned start and end down to the grid; the profile can only
                // book from the planned start itself (its placement may be busy before), so only the end is rounded
                long from = slot.start();
                long to = Math.max(from + 1, down(from + duration));
                if (planner != null) planner.reserve(slot.placement(), from, duration);
                else if (fast != null) fast.book(slot.placement(), from, to);
                else profile.book(slot.placement(), from, to);
                planned.put(job.name(), slot.start());
                arrays.planned(job.spec());
            }
        }
        if (recording) {
            cycles.add(new Cycle(now, List.copyOf(tested), java.util.Collections.unmodifiableMap(planned), List.copyOf(started),
                    java.util.Collections.unmodifiableMap(passedOver)));
        }
    }

    /** The first position ≥ {@code from} in {@code order} of a job not started in this call that may start now ({@link FitsNow}), else order's size. */
    private int nextFit(List<JobView> order, int from, TresCapacity room, StartedJobs startedIdx) {
        int n = order.size();
        for (int pos = from; pos < n; pos++) {
            JobView job = order.get(pos);
            if (!startedIdx.contains(job.index()) && fitsNow.mayStart(job, room)) return pos;
        }
        return n;
    }

    /**
     * The start a job that cannot start now is planned at, as Slurm's select plugin finds it: the backfill's
     * {@code _try_sched} asks cons_tres ({@code _will_run_test}, select/cons_common/job_test.c), which takes the running
     * jobs on nodes the job may use out in order of their end (start + limit), not one at a time but in batches: the
     * first batch holds the jobs ending up to 30 s after the first end rounded up to a 30-s barrier, each later batch
     * those up to a window that doubles each time; the job is tried after each batch and, when it fits, starts at the
     * end of the batch's last job. Slurm walks the list of every running job and checks the window only after taking a
     * usable job out, against the next job of the list, usable or not: a usable job right after skipped ones joins the
     * batch whatever its end ({@link WillRunBatches#batches}). So the plan starts at the end of the batch that holds the release at which the
     * profile's earliest fit (around the cycle's earlier plans) lies, on the nodes the profile gives from then (the
     * earliest fit's own when none fits there, e.g. under a later plan). {@code ends}/{@code held}: the running jobs,
     * those started in this cycle included.
     */
    private AvailabilityProfile.Slot willRunSlot(Snapshot s, JobView job, String part, AvailabilityProfile.Slot slot,
            TresStepProfile fast, long duration, WillRunBatches batches) {
        long start = batches.start(slot.start(), partitionPools(s.cluster(), job.spec(), part),
                pools -> pools.isEmpty() ? null : poolNodes(s.cluster(), pools));
        if (start == slot.start()) return slot;
        AvailabilityProfile.Slot later = fast.fitAt(job.spec(), start, inclusiveEnd(duration));
        return later != null ? later : slot;
    }

    /**
     * The span an own-resource backfill search asks to be free on a Slurm cluster: the limit and the instant of its end,
     * since {@code _attempt_backfill} keeps a job off a plan's nodes when the plan begins at or before the job's
     * {@code end_time} ({@code node_space[j].begin_time <= end_time}, backfill.c), not only before it.
     */
    static long inclusiveEnd(long duration) {
        return duration + 1;
    }

    /**
     * {@code _will_run_test}'s start for a job that fits once every running job ending at or before {@code fit} has
     * gone: the end of the last job of the batch that takes the last of them out; {@code fit} itself when no end is at
     * or after it. {@code ends} is sorted here.
     */
    static long willRunStart(long fit, long[] ends) {
        return willRunStart(fit, ends, 0);
    }

    /**
     * {@link #willRunStart(long, long[])} on a run whose time 0 is the instant {@code epoch} (seconds since 1970): cons_tres
     * aligns the first batch on a 30-s barrier of the wall clock ({@code end_time % time_window} of an epoch time), not
     * of the run's own time.
     */
    static long willRunStart(long fit, long[] ends, long epoch) {
        java.util.Arrays.sort(ends);
        return WillRunBatches.firstAtLeast(WillRunBatches.batchLasts(ends, epoch), fit);
    }

    /** The cycle's will-run batches, in the order by end the cycle's profile was built in (unless walkEveryCall: sorted there). */
    private WillRunBatches willRunBatches(long[] ends, Placement[] held, int[] byEnd) {
        return new WillRunBatches(ends, held, epochSeconds, walkEveryCall ? null : byEnd);
    }

    /**
     * The nodes of the job's partition, or null when that is every node (or unknown). {@code byPartition}: those of the
     * partitions met so far in this cycle (a job naming node groups of its own, or without Slurm attributes, is not kept
     * there: its nodes are not its partition's alone).
     */
    private static java.util.BitSet partitionNodes(Cluster cluster, org.preemptlab.job.JobSpec spec, String part,
            Map<String, java.util.BitSet> byPartition) {
        if (!spec.pools().isEmpty() || spec.slurm() == null) { // not by the partition alone: not kept
            List<String> pools = partitionPools(cluster, spec, part);
            return pools.isEmpty() ? null : poolNodes(cluster, pools);
        }
        java.util.BitSet nodes = byPartition.get(part);
        if (nodes == null) {
            List<String> pools = partitionPools(cluster, spec, part);
            nodes = pools.isEmpty() ? EVERY_NODE : poolNodes(cluster, pools);
            byPartition.put(part, nodes);
        }
        return nodes == EVERY_NODE ? null : nodes;
    }

    /** partitionNodes' mark of a partition that is every node (or unknown): planner.test is given null for it. */
    private static final java.util.BitSet EVERY_NODE = new java.util.BitSet();

    /** The nodes of the node groups {@code pools} (of a {@link NodeCluster}). */
    private static java.util.BitSet poolNodes(Cluster cluster, List<String> pools) {
        NodeCluster nc = (NodeCluster) cluster;
        java.util.BitSet b = new java.util.BitSet();
        for (String pool : pools) {
            int pi = nc.poolIndex(pool);
            if (pi < 0) continue;
            int first = nc.firstNode(pi);
            b.set(first, first + nc.pools().get(pi).nodes());
        }
        return b;
    }
}
