package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.backend.BackendEvents;
import org.preemptlab.backend.NodeBackend;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.units.Units;

/**
 * The discrete-event engine. Time is whole seconds. Events at one instant are applied in the order
 * (kind, insertion); then exactly one scheduling pass runs, whose decisions the engine applies in
 * order through the {@link NodeBackend}. Only this package changes job and resource state: a job's
 * state through the transitions of its {@link JobRun}, the queue, the running and suspended sets,
 * capacity, promises and the timeline here. Events are applied in one place ({@link SimEvent#applyTo}).
 */
public final class Simulation {

    /** Tier (higher first), then queue key, then index; written out (a pass compares jobs millions of times). */
    private static final Comparator<JobRun> QUEUE_ORDER = new QueueOrder();
    /** Estimated end, then index; written out as {@link #QUEUE_ORDER} (every start and end compares it log(running) times). */
    private static final Comparator<JobRun> BY_ESTIMATED_END = new ByEstimatedEnd();

    // the two orders as classes, not lambdas: one call a comparison under C1 (a lambda's compare calls its body, too
    // large to inline), and a one-shot run links no lambda (docs/performance.md, "Cold runs")
    private static final class QueueOrder implements Comparator<JobRun> {
        @Override
        public int compare(JobRun a, JobRun b) {
            int c = Integer.compare(-a.tier(), -b.tier());
            if (c != 0) return c;
            c = Long.compare(a.queueKey(), b.queueKey());
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        }
    }

    private static final class ByEstimatedEnd implements Comparator<JobRun> {
        @Override
        public int compare(JobRun a, JobRun b) {
            int c = Long.compare(a.estimatedEnd(), b.estimatedEnd());
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        }
    }

    private final SimulationConfig config;
    private final Cluster cluster;
    /** What the policies allocate from: the cluster, with the cores of sharing pools offered N times (gang). */
    private final Cluster allocCluster;
    /** The gang scheduler's timeslicer, or null when no pool shares its cores. */
    private final GangSlicer gang;
    private final SchedulingPolicy policy;
    private final PreemptionSettings settings;
    private final NodeBackend backend;
    private final Capacity capacity;
    /** The jobs, by index: {@link #count} of them, more to come while {@link #feed} is not null. */
    private JobRun[] runs;
    private int count;
    /** Where the jobs not yet in {@link #runs} come from, or null when all are there. */
    private JobFeed feed;
    private final EventQueue events = new EventQueue();
    private final WaitingQueue queue = new WaitingQueue(QUEUE_ORDER);
    private final RunningSet running = new RunningSet(BY_ESTIMATED_END);
    private final LinkedHashSet<JobRun> suspended = new LinkedHashSet<>();
    private final Timeline timeline;
    private final StorageChannels storage;
    private final List<Reservation> reservations = new ArrayList<>();
    private final NodeOutages outages;
    private final SplittableRandom failureRandom;
    private final Snapshot snapshot = new EngineSnapshot();
    private final QueueStats queueStats = new QueueStats();
    private final Map<Integer, InitialRun> initialRuns = new HashMap<>();
    /** Queued jobs room is being made for → where they are to start ({@link Decision.Promise}), in the order promised. */
    private final Map<Integer, Placement> promises = new LinkedHashMap<>();
    private final SimEvent.Handler dispatch = new Dispatch();
    private final List<CheckpointBeforePlan> checkpointBefore = new ArrayList<>();
    /** The preemptions made at {@link #preemptedAt} (victim, for job), to refuse one that undoes another. */
    private final HashSet<Long> preemptedNow = new HashSet<>();
    private long preemptedAt = Long.MIN_VALUE;
    /** Jobs that failed on a node → {failures in a row without saved progress, saved work at the last}. */
    private final Map<Integer, long[]> failureStreaks = new HashMap<>();
    static final int MAX_FAILURES_WITHOUT_PROGRESS = 5;

    private long now = Long.MIN_VALUE;
    /** Node failures and repairs pending in {@link #events}, failures simulated so far (see {@link #failuresAlone}). */
    private int failuresPending;
    private int repairsPending;
    private long failuresSimulated;
    /** Since when nothing but node failures and repairs has happened (-1: something else did), and at how many instants every node was up since. */
    private long failuresAloneSince = -1;
    private int failuresAloneAllUp;
    /** {@link FailureModel#MAX_SIMULATED_FAILURES}, {@link FailureModel#MAX_RUN_SECONDS}; tests make them smaller. */
    private long maxFailures = FailureModel.MAX_SIMULATED_FAILURES;
    private long maxRunSeconds = FailureModel.MAX_RUN_SECONDS;
    private int nextSubmit;
    private long nextQueueKey;
    private long headKey;
    private int terminal;
    private long passes;
    /** Start decisions carried out and refused (the snapshot's count of unplanned running-set changes). */
    private long startsCarriedOut;
    private long startsRefused;
    /** Changes with every logged transition (caches of the snapshot key on it). */
    private long stateVersion;
    private boolean passRequested;
    private boolean started;
    /** The backend runs jobs for real and reports their ends ({@link NodeBackend#isLive()}). */
    private final boolean liveBackend;
    /** A Slurm (version-2) cluster's limits, pending reasons and priorities; null otherwise. */
    private final SlurmControl slurm;
    /** A recorded order of same-second submits and ends (e.g. slurmctld's log), or null: the engine's order (kind, insertion). */
    private final SameSecondOrder sameSecond;
    /**
     * The current second's submits and ends that have a recorded millisecond in it ({@link #sameSecond}), applied at their
     * place among the policy's recorded passes ({@link #pass()}): an end's event, or the job a submit brings.
     */
    private final List<Deferred> deferred = new ArrayList<>();

    /** A same-second event held back until the policy's passes recorded before {@code millis} have run. */
    private record Deferred(long millis, int kind, long seq, SimEvent event, JobRun submitted) {}

    private static final Comparator<Deferred> DEFERRED_ORDER =
            Comparator.comparingLong(Deferred::millis).thenComparingInt(Deferred::kind).thenComparingLong(Deferred::seq);
    private long deferredSeq;

    public Simulation(SimulationConfig config) {
        this(config, null);
    }

    /**
     * A run whose jobs come from {@code feed} as the run needs them (a trace simulated while it is read)
     * rather than from {@link SimulationConfig#jobs()}, which must then be empty; same result as a run of
     * the same jobs given in the configuration. For plain runs: no failures, maintenance, advance
     * reservations, jobs already running or Slurm cluster (they need every job up front).
     */
    public Simulation(SimulationConfig config, JobFeed feed) {
        if (feed != null && (!config.jobs().isEmpty() || config.failures().enabled() || !config.maintenance().isEmpty()
                || !config.reservations().isEmpty() || !config.initialRuns().isEmpty()
                || (config.cluster() instanceof NodeCluster nc && nc.site() != null))) {
            throw new IllegalArgumentException("a job feed runs plain jobs only: no jobs in the configuration, no failures,"
                    + " maintenance, reservations, initial runs or Slurm cluster");
        }
        this.config = config;
        this.feed = feed;
        this.cluster = config.cluster();
        this.policy = config.policy();
        this.settings = config.preemption();
        this.backend = config.backend();
        // version 2: the node groups of OverSubscribe=FORCE:N partitions share their CPUs (cons_tres rows; memory and GRES once)
        org.preemptlab.gang.GangSettings gangs = org.preemptlab.gang.PartitionGang.effective(cluster, config.gang());
        boolean site = cluster instanceof NodeCluster nc0 && nc0.site() != null;
        this.allocCluster = gangs.enabled() && !site ? gangs.slotCluster((NodeCluster) cluster) : cluster;
        this.gang = gangs.enabled() ? new GangSlicer((NodeCluster) cluster, gangs, new GangHooks()) : null;
        this.capacity = gang == null ? capacityOf(config)
                : site ? new org.preemptlab.alloc.TresCapacity((NodeCluster) cluster, gangs.rowsPerPool((NodeCluster) cluster))
                : new org.preemptlab.alloc.NodeCapacity((NodeCluster) allocCluster, gangs.rowsPerPool((NodeCluster) cluster));
        this.timeline = new Timeline(config.recording());
        this.runs = new JobRun[feed == null ? config.jobs().size() : 1024];
        if (feed == null) {
            for (int i = 0; i < runs.length; i++) {
                runs[i] = new JobRun(config.jobs().get(i), i, policy.tierOf(config.jobs().get(i)));
            }
            count = runs.length;
        }
        this.storage = new StorageChannels(cluster, settings.storageMBps(), events);
        this.outages = new NodeOutages(capacity);
        if (config.failures().enabled() && cluster.nodeCount() > FailureModel.MAX_NODES) {
            throw new IllegalArgumentException("failures: the machine has " + cluster.nodeCount() + " nodes (processors);"
                    + " random failures are drawn for each, so at most " + FailureModel.MAX_NODES);
        }
        this.failureRandom = new SplittableRandom(config.failures().seed());
        for (InitialRun initial : config.initialRuns()) initialRuns.put(initial.jobId(), initial);
        this.liveBackend = backend.isLive();
        this.sameSecond = feed == null ? config.sameSecond() : null;
        this.slurm = cluster instanceof org.preemptlab.cluster.NodeCluster nc && nc.site() != null
                ? new SlurmControl(nc, runs, new SlurmEngine(), calcStart()) : null;
        backend.attach(new BackendEvents() {
            @Override
            public void workDone(int jobIndex, int segment, long time) {
                events.add(new SimEvent.JobEnd(time, jobIndex, segment));
            }

            @Override
            public void jobFailed(int jobIndex, int segment, long time, String detail) {
                events.add(new SimEvent.JobFailed(time, jobIndex, segment, detail));
            }

            @Override
            public void observed(int jobIndex, long time, String what, String detail) {
                events.add(new SimEvent.Observed(Math.max(time, now), jobIndex, what, detail));
            }
        });
        for (int w = 0; w < config.maintenance().size(); w++) {
            MaintenanceWindow mw = config.maintenance().get(w);
            reservations.add(new Reservation(mw.name(), mw.start(), mw.end(), mw.nodes(), mw.drainFrom()));
            events.add(new SimEvent.MaintenanceStart(mw.start(), w));
            events.add(new SimEvent.MaintenanceEnd(mw.end(), w));
            if (mw.strategy() == MaintenanceStrategy.CHECKPOINT_BEFORE) {
                CheckpointBeforePlan plan = new CheckpointBeforePlan(mw, w, cluster.nodeCount(), mw.start() - longestWrite());
                checkpointBefore.add(plan);
                if (plan.evaluateFrom() > 0) events.add(new SimEvent.Wakeup(plan.evaluateFrom())); // the first look at the plan
            }
        }
        // the horizon of the reservations' occurrences: a walk over every job, only when there are reservations
        this.book = new ReservationBook(config.reservations(), config.reservations().isEmpty() ? 0
                : org.preemptlab.reservation.ReservationPlan.until(config.jobs()), reservations, events);
        if (!book.isEmpty()) {
            int[] poolOf = new int[cluster.nodeCount()];
            if (cluster instanceof org.preemptlab.cluster.NodeCluster nc) for (int n = 0; n < poolOf.length; n++) poolOf[n] = nc.poolOf(n);
            book.nodes(poolOf, cluster::nodeName);
        }
    }

    /**
     * The engine's capacity. A processor machine's processors are numbered for the event log and the Gantt;
     * a run that records neither, whose policy only starts jobs ({@link SchedulingPolicy#startsOnly()}), on the
     * emulator, with nothing that takes given processors (maintenance, failures, reservations, jobs already
     * running), only counts them: the same decisions (a processor-mode placement is a count until the
     * capacity numbers it), no numbers, runs or placements made per start.
     */
    private static Capacity capacityOf(SimulationConfig config) {
        if (config.cluster() instanceof org.preemptlab.cluster.ProcessorMachine m && !config.recording()
                && config.policy().startsOnly() && config.backend() instanceof org.preemptlab.backend.EmulatedBackend
                && config.maintenance().isEmpty() && !config.failures().enabled() && config.reservations().isEmpty()
                && config.initialRuns().isEmpty()) {
            return org.preemptlab.alloc.ProcessorCapacity.counting(m.procs(), m.procs());
        }
        return Capacity.of(config.cluster());
    }

    /** Advance reservations: occurrences in {@link #reservations}, flags carried out as the run goes. */
    private final ReservationBook book;

    /** Runs to the end: until every job has completed or ended for good. */
    public SimulationResult run() {
        return run(ProgressListener.NONE);
    }

    public SimulationResult run(ProgressListener progress) {
        long wallStart = System.nanoTime();
        begin();
        long reportEvery = feed != null ? 1000 : Math.max(1, count / 200);
        long lastReported = 0;
        while (step()) {
            if (terminal - lastReported >= reportEvery) {
                lastReported = terminal;
                progress.progress(terminal, count); // jobs known so far, while a feed still reads
            }
        }
        progress.progress(terminal, count);
        backend.close();
        return result(System.nanoTime() - wallStart);
    }

    /** Tests: the bounds of a run with failures ({@link #failuresBounded}), smaller than the real ones. */
    Simulation boundingFailures(long failures, long seconds) {
        maxFailures = failures;
        maxRunSeconds = seconds;
        return this;
    }

    /** Tests: a Slurm run's controller judges every waiting job on every pass (the reference for its incremental judging). */
    Simulation judgingEveryWaitingJob() {
        if (slurm != null) slurm.judgeEveryWaitingJob();
        return this;
    }

    /** Prepares the run; {@link #step()} then advances one instant at a time. */
    public void begin() {
        if (started) return;
        started = true;
        if (config.failures().enabled()) {
            for (int node = 0; node < cluster.nodeCount(); node++) scheduleFailure(node, firstSubmit());
        }
    }

    /**
     * Applies every event of the next instant and runs its scheduling pass.
     *
     * @return false when the run is over
     */
    public boolean step() {
        begin();
        if (isFinished()) return false;
        long t = nextTime();
        if (t == Long.MAX_VALUE || failuresAlone()) {
            if (slurm != null && giveUpStuck()) return !isFinished();
            if (!liveBackend) throw new IllegalStateException(stuckMessage());
            return true;
        }
        if (failuresPending > 0) failuresBounded(t);
        queueStats.advance(t, slurm == null ? queue.size() : queue.size() + slurm.heldCount());
        now = t;
        do {
            applyEventsAt(t);
            if (!book.isEmpty() && book.update(now, holdingNodes(), queue, outages::isDown,
                    (kind, nodes, reason) -> log(kind, null, nodes, reason))) {
                passRequested = true;
            }
            resumeSuspended();
            if (gang != null) gang.settle();
            if (!queue.isEmpty() || passRequested || (slurm != null && slurm.heldCount() > 0) || !deferred.isEmpty()) {
                passRequested = false;
                pass();
            }
            if (!checkpointBefore.isEmpty()) checkpointsBeforeWindows();
        } while (hasEventAt(t));
        return !isFinished();
    }

    public long now() {
        return now;
    }

    /** Time of the next pending event or submission, or {@link Long#MAX_VALUE} if none is known. */
    public long nextEventTime() {
        return nextTime();
    }

    /** True when every job has ended. */
    public boolean isFinished() {
        return terminal == count && !hasJob(count);
    }

    public Timeline timeline() {
        return timeline;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The job records (read-only views), by index. */
    public List<JobView> jobs() {
        return Collections.unmodifiableList(Arrays.asList(knownRuns()));
    }

    /** Builds the result of the run so far. */
    public SimulationResult result(long wallNanos) {
        // a view, not List.of's checked copy (a million jobs, run once, mostly interpreted); runs[i] is never reassigned
        return new SimulationResult(cluster, policy.name(), Collections.unmodifiableList(Arrays.asList(knownRuns())), timeline, queueStats.area(),
                queueStats.from(), now, passes, wallNanos, slurm == null ? null : slurm.record());
    }

    // ---------------------------------------------------------------- event loop

    /**
     * Where the PriorityCalcPeriod ticks start: the first submit, or with a calc epoch the last tick epoch + k·period at or
     * before the first submit.
     */
    private long calcStart() {
        long first = firstSubmit();
        Long epoch = config.priorityCalcEpoch();
        if (epoch == null || !(cluster instanceof org.preemptlab.cluster.NodeCluster nc) || nc.site() == null) return first;
        long period = Math.max(1, nc.site().priority().calcPeriodSeconds());
        return first - Math.floorMod(first - epoch, period);
    }

    private long firstSubmit() {
        return hasJob(0) ? runs[0].spec().submit() : 0;
    }

    /** The jobs known so far (all of them once the feed has ended). */
    private JobRun[] knownRuns() {
        return count == runs.length ? runs : Arrays.copyOf(runs, count);
    }

    /** True if job {@code i} exists; with a feed, waits until it is read (or the feed has ended). */
    private boolean hasJob(int i) {
        return i < count || (feed != null && pull(i));
    }

    /** Takes job {@code i} (= {@link #count}) from the feed, or ends the feed. */
    private boolean pull(int i) {
        JobSpec spec = feed.job(i);
        if (spec == null) {
            feed = null;
            runs = Arrays.copyOf(runs, count);
            return false;
        }
        if (count > 0 && spec.submit() < runs[count - 1].spec().submit()) throw unsorted(spec, runs[count - 1].spec());
        if (count == runs.length) runs = Arrays.copyOf(runs, count * 2);
        runs[count] = new JobRun(spec, count, policy.tierOf(spec));
        count++;
        return true;
    }

    // the messages of the hot methods' checks in methods of their own: C1 compiles a hot method without them
    private static IllegalArgumentException unsorted(JobSpec spec, JobSpec before) {
        return new IllegalArgumentException("jobs must be sorted by submit time: job " + spec.name() + " (submit "
                + spec.submit() + ") comes after job " + before.name() + " (submit " + before.submit() + ")");
    }

    private IllegalStateException unknownDecision(Decision d) {
        return new IllegalStateException("policy " + policy.name() + " returned " + d + ": not a decision the engine knows");
    }

    private IllegalStateException notQueued(JobRun r) {
        return new IllegalStateException("policy " + policy.name() + " started job " + r.name() + " which is " + r.state());
    }

    private IllegalStateException workMismatch(JobRun r) {
        return new IllegalStateException("job " + r.name() + " ended at t=" + now + " with " + r.workDone()
                + " s of work done; it needs " + r.spec().runtime() + " s (backend and engine disagree)");
    }

    private long nextTime() {
        long t = events.isEmpty() ? Long.MAX_VALUE : events.peekTime();
        if (hasJob(nextSubmit)) t = Math.min(t, runs[nextSubmit].spec().submit());
        return t;
    }

    private boolean hasEventAt(long t) {
        return (!events.isEmpty() && events.peekTime() == t)
                || (hasJob(nextSubmit) && runs[nextSubmit].spec().submit() == t);
    }

    private void applyEventsAt(long t) {
        while (!events.isEmpty() && events.peekTime() == t
                && events.peekKindOrdinal() < EventKind.JOB_SUBMIT.ordinal()) {
            SimEvent e = events.poll();
            if (sameSecond != null && e instanceof SimEvent.JobEnd end) {
                long ms = sameSecond.endAt(end.job(), t, policy.startMillis(runs[end.job()]));
                if (ms != SameSecondOrder.UNKNOWN) {
                    deferred.add(new Deferred(ms, EventKind.JOB_END.ordinal(), deferredSeq++, e, null));
                    continue;
                }
            }
            e.applyTo(dispatch);
        }
        while (hasJob(nextSubmit) && runs[nextSubmit].spec().submit() == t) {
            JobRun r = runs[nextSubmit++];
            long ms = sameSecond == null ? SameSecondOrder.UNKNOWN : sameSecond.submitIn(r.index(), t);
            if (ms != SameSecondOrder.UNKNOWN) deferred.add(new Deferred(ms, EventKind.JOB_SUBMIT.ordinal(), deferredSeq++, null, r));
            else submit(r);
        }
        while (!events.isEmpty() && events.peekTime() == t) events.poll().applyTo(dispatch);
    }

    private List<JobRun> holdingNodes() {
        List<JobRun> holding = new ArrayList<>(running);
        holding.addAll(suspended);
        return holding;
    }

    private String stuckMessage() {
        JobRun head = queue.isEmpty() ? null : queue.first();
        return "the run cannot go on at t=" + now + ": " + queue.size() + " jobs wait and nothing is running"
                + (head == null ? "" : "; the first waiting job " + head.name() + " needs " + head.spec().nodes()
                + " nodes × " + head.spec().coresPerNode() + " cores and never fits")
                + (failuresAloneSince >= 0 ? " (since t=" + failuresAloneSince + " nothing but node failures and repairs has"
                + " happened; every node was up at " + failuresAloneAllUp + " instants and nothing started)" : "");
    }

    /**
     * True when nothing but node failures and repairs is left to happen, and has been for a while: no job holds
     * nodes, none is to be submitted, and since then every node was up at {@value #FAILURES_ALONE_ALL_UP} instants
     * (each with a pass that started nothing) over at least {@value #FAILURES_ALONE_SECONDS} s. The failures would
     * go on for ever (each repair draws the node's next failure) and the waiting jobs never start: the run is stuck
     * as one with no event left. Stale events (of segments that ended) are left to pass first.
     */
    private boolean failuresAlone() {
        if (failuresPending == 0) return false;
        if (failuresPending + repairsPending != events.size() || hasJob(nextSubmit) || !running.isEmpty()
                || !suspended.isEmpty() || liveBackend) {
            failuresAloneSince = -1;
            failuresAloneAllUp = 0;
            return false;
        }
        if (failuresAloneSince < 0) failuresAloneSince = now;
        if (repairsPending == 0) failuresAloneAllUp++;
        // a policy may start a job only at a later pass (Slurm's main loop waits for its interval): the jobs are
        // given many instants with every node up, over a week, before the run counts as stuck
        return failuresAloneAllUp >= FAILURES_ALONE_ALL_UP && now - failuresAloneSince >= FAILURES_ALONE_SECONDS;
    }

    /** See {@link #failuresAlone()}. */
    static final int FAILURES_ALONE_ALL_UP = 50;
    static final long FAILURES_ALONE_SECONDS = 7 * 86_400;

    /**
     * Stops a run with failures that the failures keep going ({@link FailureModel#MAX_RUN_SECONDS},
     * {@link FailureModel#MAX_SIMULATED_FAILURES}): waiting jobs that need more nodes up at once than the
     * failures and repairs ever leave, rather than simulating failures for ever.
     */
    private void failuresBounded(long t) {
        if (t <= maxRunSeconds && failuresSimulated < maxFailures) return;
        JobRun head = queue.isEmpty() ? null : queue.first();
        FailureModel f = config.failures();
        throw new IllegalStateException("the run stopped at t=" + now + " (" + org.preemptlab.time.SimTime.format(now) + ") after "
                + failuresSimulated + " node failures: " + (t > maxRunSeconds
                        ? "the next event, at t=" + t + ", is past " + (maxRunSeconds == FailureModel.MAX_RUN_SECONDS
                                ? FailureModel.MAX_RUN_TEXT + " (" + maxRunSeconds + " s)" : maxRunSeconds + " s")
                        : "at most " + maxFailures + " are simulated")
                + "; " + terminal + " of " + count + " jobs ended, " + queue.size() + " wait"
                + (head == null ? "" : " (the first, " + head.name() + ", needs " + head.spec().nodes() + " nodes)")
                + "; failures: nodeMtbf " + (long) f.nodeMtbfSeconds() + " s, repair " + f.repairSeconds()
                + " s: make nodeMtbf longer or repair shorter");
    }

    // ---------------------------------------------------------------- scheduling pass

    private void pass() {
        if (!deferred.isEmpty()) passesAmongDeferred();
        // a log replay's passes recorded before the calc tick of their second run before it (SchedulingPolicy#passesBeforeTick)
        if (slurm != null && slurm.calcTickAt(now) && policy.passesBeforeTick(now)) pass(false);
        pass(true);
    }

    /**
     * A recorded same-second order ({@link SameSecondOrder}): the held-back submits and ends of this second, each at its
     * millisecond among the policy's recorded passes: the passes recorded before it run first (without it), then it is
     * applied. The calc tick, when due, at its own millisecond (unknown: before all): passes recorded before it run
     * without it, the first call after it carries it.
     */
    private void passesAmongDeferred() {
        deferred.sort(DEFERRED_ORDER);
        boolean tickDue = slurm != null && slurm.calcTickAt(now);
        long tick = tickDue ? policy.tickMillis(now) : Long.MAX_VALUE;
        int i = 0;
        while (i < deferred.size()) {
            long ms = deferred.get(i).millis();
            if (tickDue && tick < ms) {
                // the tick comes before this event: the passes before the tick without it, those up to the event with it
                if (tick != Long.MIN_VALUE && policy.passesBefore(now, tick)) pass(false);
                if (policy.passesBefore(now, ms)) {
                    pass(true);
                    tickDue = slurm.calcTickAt(now);
                }
            } else if (policy.passesBefore(now, ms)) {
                pass(false);
            }
            for (; i < deferred.size() && deferred.get(i).millis() == ms; i++) {
                Deferred d = deferred.get(i);
                if (d.event() != null) d.event().applyTo(dispatch);
                else submit(d.submitted());
            }
        }
        deferred.clear();
    }

    /** One call of the policy and its decisions; {@code tick}: with the calc tick if one is due. */
    private void pass(boolean tick) {
        passes++;
        if (slurm != null) slurm.beforePass(now, tick);
        List<Decision> decisions = policy.schedule(snapshot);
        queue.journalRead(); // the policy has seen the joins; those its decisions cause are for the next pass
        for (Decision d : decisions) {
            if (d instanceof Decision.Start s) {
                if (slurm == null || slurm.mayStart((JobRun) s.job(), s.placement(), now)) {
                    start((JobRun) s.job(), s.placement(), s.reason());
                    startsCarriedOut++;
                } else {
                    startsRefused++;
                }
            }
            else if (d instanceof Decision.Preempt p) preempt((JobRun) p.victim(), p.mechanism(), p.forJob(), p.reason());
            else if (d instanceof Decision.Promise p) promise((JobRun) p.job(), p.placement());
            else if (d instanceof Decision.Hold h) hold((JobRun) h.suspended(), (JobRun) h.forJob());
            else if (d instanceof Decision.CallAt c) callAt(c.time());
            else throw unknownDecision(d);
        }
        if (slurm != null) slurm.afterPass(now);
    }

    /**
     * Slurm run, nothing left to happen: the waiting jobs can never start (a limit they exceed
     * alone, a failed dependency, a partition that is down). Slurm would keep them pending for
     * ever; the run ends them (FAILED, logged as a kill with the pending reason).
     */
    private boolean giveUpStuck() {
        List<JobRun> stuck = slurm.abandon();
        if (stuck.isEmpty()) return false;
        stuck.sort(Comparator.comparingInt(JobRun::index));
        for (JobRun r : stuck) {
            segment(r, SegmentKind.WAITING, r.queuedSince(), now, NO_NODES);
            r.abandon(now);
            terminal++;
            log(LogKind.KILL, r, NO_NODES, Reason.of(Reason.job(r.name()) + " can never start: pending for "
                    + slurm.reason(r.index()).label() + "; Slurm would keep it pending, the run ends it"));
        }
        return true;
    }

    /** What the Slurm controller may use of the engine: the queue, wake-ups, whether anything runs. */
    private final class SlurmEngine implements SlurmControl.Engine {
        @Override public WaitingQueue queue() { return queue; }
        @Override public void wakeAt(long time) { if (time > now) events.add(new SimEvent.Wakeup(time)); }
        @Override public boolean busy() { return !running.isEmpty() || !suspended.isEmpty(); }
    }

    private void callAt(long time) {
        if (time > now) events.add(new SimEvent.Wakeup(time));
    }

    /** Records where a queued job room is being made for is to start; the promise lasts until it starts. */
    private void promise(JobRun r, Placement placement) {
        if (r.state() != JobState.QUEUED) {
            throw new IllegalStateException("policy " + policy.name() + " promised job " + r.name() + " a start, but it is " + r.state());
        }
        promises.put(r.index(), placement);
    }

    /** Keeps a suspended job suspended, its cores held for {@code forJob}, until that one has started. */
    private void hold(JobRun r, JobRun forJob) {
        if (forJob.state() != JobState.QUEUED) {
            throw new IllegalStateException("policy " + policy.name() + " held job " + r.name() + " for job " + forJob.name()
                    + ", which is " + forJob.state() + ", not waiting");
        }
        r.holdFor(forJob.index());
    }

    private void submit(JobRun r) {
        r.submit(now, nextQueueKey++);
        queue.add(r);
        if (slurm != null) slurm.submitted(r, now);
        log(LogKind.SUBMIT, r, NO_NODES, SUBMITTED);
        InitialRun initial = initialRuns.isEmpty() ? null : initialRuns.get(r.spec().id()); // no boxed look-up per submit
        if (initial != null) startAlreadyRunning(r, initial);
    }

    /** Places a job that was running before the scenario began, with its elapsed work done. */
    private void startAlreadyRunning(JobRun r, InitialRun initial) {
        JobSpec spec = r.spec();
        if (initial.elapsedSeconds() >= spec.runtime()) {
            throw new IllegalArgumentException("job " + spec.name() + " has run " + initial.elapsedSeconds()
                    + " s already; its run time is " + spec.runtime() + " s, so it would have ended");
        }
        Placement placement = initial.placementIn(cluster, spec);
        try {
            capacity.take(placement);
        } catch (IllegalStateException busy) {
            throw new IllegalArgumentException("job " + spec.name() + " cannot be running where the scenario says: "
                    + busy.getMessage());
        }
        capacity.release(placement);
        r.alreadyDone(initial.elapsedSeconds());
        start(r, placement, Reason.of(Reason.job(spec.name()) + " was already running when the scenario began ("
                + org.preemptlab.time.SimTime.duration(initial.elapsedSeconds()) + " done)"));
    }

    private void start(JobRun r, Placement placement, Reason reason) {
        if (r.state() != JobState.QUEUED) throw notQueued(r);
        Placement concrete = capacity.take(placement);
        queue.remove(r);
        segment(r, SegmentKind.WAITING, r.queuedSince(), now, NO_NODES);
        boolean again = r.firstStart() >= 0; // requeued after a preemption, a node failure or a maintenance kill
        long restart = r.start(now, concrete);
        running.add(r);
        if (!promises.isEmpty()) promises.remove(r.index()); // no boxed look-up per start when nothing was promised
        log(again || restart > 0 ? LogKind.RESTART : LogKind.START, r, concrete, reason);
        backend.start(r, concrete, now, r.segment(), restart, r.spec().runtime() - r.workDone());
        schedulePeriodicCheckpoint(r);
        if (gang != null) gang.joined(r);
    }

    // ---------------------------------------------------------------- job transitions

    private void jobEnd(JobRun r, int segment) {
        if (r.segment() != segment || r.state() != JobState.RUNNING) return;
        r.settle(now);
        if (liveBackend) {
            r.workReportedDone(); // a live job ends when its process does: that is its work
        } else if (r.workDone() != r.spec().runtime()) {
            throw workMismatch(r);
        }
        closeRunning(r);
        running.remove(r);
        releaseNodes(r.placement());
        terminal++;
        log(LogKind.END, r, r.placement(), COMPLETED);
        r.complete(now);
    }

    /**
     * A live job's processes ended on their own without finishing (non-zero exit): like Slurm, the job
     * ends FAILED — it is not requeued, whatever its rerunnable flag (that is for preemption and node loss).
     */
    private void jobFailed(JobRun r, int segment, String detail) {
        if (r.segment() != segment || r.state() != JobState.RUNNING) return;
        r.settle(now);
        closeRunning(r);
        running.remove(r);
        r.endSegment();
        loseWork(r);
        releaseNodes(r.placement());
        log(LogKind.FAIL, r, r.placement(), Reason.of(Reason.job(r.name()) + " failed: " + detail));
        r.endFor(JobState.FAILED, now);
        terminal++;
    }

    private void observed(SimEvent.Observed o) {
        JobRun r = o.job() >= 0 && o.job() < count ? runs[o.job()] : null;
        Placement nodes = r == null ? null : r.placement();
        log(LogKind.OBSERVED, r, nodes, Reason.of("observed on the backend: " + o.what()
                + (o.detail() == null || o.detail().isBlank() ? "" : " (" + o.detail() + ")")));
    }

    /** A running (or checkpointing, stopping) job dies: its unsaved work is lost, its nodes freed. */
    private void fail(JobRun r, Reason reason) {
        running.remove(r);
        r.endSegment();
        loseWork(r);
        releaseNodes(r.placement());
        if (r.spec().rerunnable() && failedWithoutProgress(r)) {
            log(LogKind.FAIL, r, r.placement(), Reason.of(reason.text() + "; it failed " + MAX_FAILURES_WITHOUT_PROGRESS
                    + " times in a row without saving any work: not requeued again"));
            r.endFor(JobState.FAILED, now);
            terminal++;
            return;
        }
        log(LogKind.FAIL, r, r.placement(), reason);
        requeueOrEnd(r, FAILED_REQUEUE, JobState.FAILED);
    }

    /**
     * Counts the job's node failures in a row with no work saved in between; true at the
     * {@value #MAX_FAILURES_WITHOUT_PROGRESS}th: it ends FAILED instead of being requeued again (as Slurm's
     * MaxBatchRequeue, 5 by default, holds a job requeued that often). Without it a job that cannot
     * outlive its nodes' time between failures would be requeued for ever and the run never end.
     */
    private boolean failedWithoutProgress(JobRun r) {
        long[] streak = failureStreaks.computeIfAbsent(r.index(), i -> new long[] {0, -1});
        if (r.savedWork() > streak[1]) {
            streak[0] = 0;
            streak[1] = r.savedWork();
        }
        return ++streak[0] >= MAX_FAILURES_WITHOUT_PROGRESS;
    }

    /**
     * Refuses a preemption that undoes one made at this instant: {@code r} preempted for {@code forJob}
     * after {@code forJob} was preempted for {@code r} (the resources going back and forth, the clock
     * never moving on). Who may preempt whom is a strict order, so a policy that asks for it is wrong.
     */
    private void refuseUndoing(JobRun r, JobView forJob) {
        if (forJob == null) return;
        if (preemptedAt != now) {
            preemptedAt = now;
            preemptedNow.clear();
        }
        if (preemptedNow.contains(pair(forJob.index(), r.index()))) {
            throw new IllegalStateException("policy " + policy.name() + " preempted job " + r.name() + " for job "
                    + forJob.name() + " at t=" + now + ", undoing the preemption of " + forJob.name() + " for " + r.name()
                    + " at the same instant (a preemption cycle: who may preempt whom must be a strict order)");
        }
        preemptedNow.add(pair(r.index(), forJob.index()));
    }

    private static long pair(int victim, int forJob) {
        return ((long) victim << 32) | (forJob & 0xffffffffL);
    }

    private void preempt(JobRun r, PreemptMechanism mechanism, JobView forJob, Reason reason) {
        refuseUndoing(r, forJob);
        if (r.state() == JobState.SUSPENDED && mechanism != PreemptMechanism.SUSPEND) {
            r.preempted(mechanism);
            log(LogKind.PREEMPT, r, r.placement(), reason);
            evictSuspended(r, mechanism == PreemptMechanism.CHECKPOINT && r.spec().checkpointable(), reason);
            return;
        }
        if (gang != null && gang.isSliced(r)) { // the timeslicer suspended it (this pass may have): docs/gang-scheduling.md
            takeSlicedSlot(r, forJob, reason);
            return;
        }
        if (r.state() != JobState.RUNNING) {
            throw new IllegalStateException("policy " + policy.name() + " preempted job " + r.name() + " which is " + r.state());
        }
        r.settle(now);
        r.preempted(mechanism);
        if (slurm != null) slurm.preempting(r, mechanism);
        log(LogKind.PREEMPT, r, r.placement(), reason);
        switch (mechanism) {
            case SUSPEND -> suspend(r, forJob == null ? -1 : forJob.index(), reason);
            case CHECKPOINT -> beginCheckpoint(r, true, reason);
            case REQUEUE, KILL -> beginKill(r, reason);
        }
    }

    /**
     * A SUSPEND victim the timeslicer has already suspended (PreemptMode=SUSPEND,GANG): it is off its
     * cores already, so it is not suspended a second time (no SUSPEND event, no backend call). It
     * becomes priority-suspended: its shared slot goes to the preemptor, its memory stays held, and
     * it resumes like any suspended job, once its cores are free and the preemptor has started. One
     * suspension is one preemption: if the slicer suspended it for a higher tier, that was counted.
     */
    private void takeSlicedSlot(JobRun r, JobView forJob, Reason reason) {
        if (!gang.suspendedByTier(r)) r.preempted(PreemptMechanism.SUSPEND); // else counted when the slicer suspended it
        running.remove(r);
        capacity.releaseCores(r.placement());
        gang.evicted(r);
        outages.reseize(r.placement());
        suspended.add(r);
        if (forJob != null) r.holdFor(forJob.index());
        log(LogKind.PREEMPT, r, r.placement(), Reason.of(reason.text() + "; it was already suspended by the timeslicer:"
                + " it stays suspended (no second suspend) and gives its shared cores to "
                + (forJob == null ? "the preemptor" : Reason.job(forJob.name()))
                + ", keeping its memory, until they are free again (PreemptMode=SUSPEND,GANG)"));
    }

    private void suspend(JobRun r, int forJob, Reason reason) {
        closeRunning(r);
        running.remove(r);
        r.suspend(now, forJob);
        capacity.releaseCores(r.placement());
        outages.reseize(r.placement());
        suspended.add(r);
        log(LogKind.SUSPEND, r, r.placement(), reason);
        backend.suspend(r, now);
    }

    /**
     * Resumes the suspended jobs whose cores are free again, in suspension order — except those held
     * for a job that has not started yet: their cores are that job's, even while the rest of what it
     * needs is still being freed (a grace time, a checkpoint).
     */
    private void resumeSuspended() {
        if (!suspended.isEmpty()) resumeReady(); // the work a method of its own: C1 compiles this test alone for a run without any
    }

    private void resumeReady() {
        List<JobRun> ready = new ArrayList<>();
        for (JobRun r : suspended) {
            if (waitsForItsPreemptor(r)) continue;
            if (!book.isEmpty() && book.keep(r, now)) continue; // a reservation holds its nodes: docs/reservations.md
            if (capacity.coresFree(r.placement()) && !outages.anyDown(r.placement())) ready.add(r);
        }
        for (JobRun r : ready) {
            if (!capacity.coresFree(r.placement())) continue;
            capacity.takeCores(r.placement());
            suspended.remove(r);
            segment(r, SegmentKind.SUSPENDED, r.stateSince(), now, r.placement());
            Reason why = book.isEmpty() ? RESUMED : book.resumeReason(r, RESUMED);
            r.resume(now);
            running.add(r);
            log(LogKind.RESUME, r, r.placement(), why);
            backend.resume(r, now, r.segment(), r.spec().runtime() - r.workDone());
            schedulePeriodicCheckpoint(r);
            if (gang != null) gang.joined(r);
        }
    }

    /** Held for a job that is still waiting; a hold for a job that has left the queue is released here. */
    private boolean waitsForItsPreemptor(JobRun r) {
        if (r.heldFor() < 0) return false;
        if (runs[r.heldFor()].state() == JobState.QUEUED) return true;
        r.releaseHold();
        return false;
    }

    private void beginCheckpoint(JobRun r, boolean thenRequeue, Reason reason) {
        closeRunning(r);
        running.remove(r);
        r.beginCheckpoint(now, thenRequeue, storage.estimateSeconds(r, settings.cost()));
        running.add(r);
        log(LogKind.CHECKPOINT_BEGIN, r, r.placement(), reason);
        backend.checkpoint(r, now);
        storage.beginCheckpoint(r, now, settings.cost());
    }

    private void checkpointDone(JobRun r, int version) {
        if (r.state() != JobState.CHECKPOINTING || r.ioVersion() != version) return;
        storage.endCheckpoint(r, now);
        segment(r, SegmentKind.CHECKPOINTING, r.stateSince(), now, r.placement());
        r.checkpointWritten(now);
        running.remove(r);
        log(LogKind.CHECKPOINT_END, r, r.placement(), CHECKPOINT_WRITTEN);
        if (r.requeueAfterIo()) {
            backend.kill(r, now); // its image is safe: the processes leave the nodes
            releaseNodes(r.placement());
            requeue(r, CHECKPOINTED_REQUEUE, storage.restartSeconds(r, settings.cost()));
        } else {
            // periodic checkpoint: back to work on the same nodes
            r.continueAfterCheckpoint(now);
            running.add(r);
            backend.resume(r, now, r.segment(), r.spec().runtime() - r.workDone());
            schedulePeriodicCheckpoint(r);
        }
    }

    private void beginKill(JobRun r, Reason reason) {
        closeRunning(r);
        loseWork(r);
        running.remove(r);
        backend.kill(r, now);
        long grace = slurm == null ? settings.graceSeconds() : slurm.graceSeconds(r, settings.graceSeconds());
        if (grace > 0) {
            r.beginStop(now, grace);
            running.add(r);
            events.add(new SimEvent.GraceExpired(now + grace, r.index(), r.segment()));
        } else {
            finishKill(r, reason);
        }
    }

    private void graceExpired(JobRun r, int segment) {
        if (r.state() != JobState.STOPPING || r.segment() != segment) return;
        segment(r, SegmentKind.STOPPING, r.stateSince(), now, r.placement());
        running.remove(r);
        finishKill(r, GRACE_OVER);
    }

    private void finishKill(JobRun r, Reason reason) {
        releaseNodes(r.placement());
        if (slurm != null && slurm.cancels(r)) { // PreemptMode=CANCEL: the job ends, rerunnable or not
            Placement where = r.placement(); // logged after the end (Slurm's books read the terminal state); endFor drops it
            r.endFor(JobState.PREEMPTED_KILLED, now);
            terminal++;
            log(LogKind.KILL, r, where, reason);
            return;
        }
        log(LogKind.KILL, r, r.placement(), reason);
        requeueOrEnd(r, KILLED_REQUEUE, JobState.PREEMPTED_KILLED);
    }

    /** After a kill or a failure: back in the queue if rerunnable, otherwise ended for good in {@code state}. */
    private void requeueOrEnd(JobRun r, Reason requeueReason, JobState state) {
        if (r.spec().rerunnable()) {
            requeue(r, requeueReason, 0);
        } else {
            r.endFor(state, now);
            terminal++;
        }
    }

    private void loseWork(JobRun r) {
        Placement where = r.placement();
        long lost = r.loseUnsavedWork();
        if (lost > 0) segment(r, SegmentKind.LOST, Math.max(r.firstStart(), now - lost), now, where);
    }

    /** Back in the queue (at its head if the settings say so); its next start reads {@code restartCost} s of image first. */
    private void requeue(JobRun r, Reason reason, long restartCost) {
        Placement left = r.placement();
        r.requeue(now, settings.requeueAtHead() ? --headKey - Long.MAX_VALUE / 2 : r.queueKey(), restartCost);
        queue.add(r);
        log(LogKind.REQUEUE, r, left, reason);
    }

    /** Closes the RUNNING / RESTARTING segments of a job leaving the running state now. */
    private void closeRunning(JobRun r) {
        if (r.state() != JobState.RUNNING) return;
        long restartEnd = Math.min(now, r.restartEnd());
        Placement nodes = r.placement();
        if (restartEnd > r.segmentStart()) segment(r, SegmentKind.RESTARTING, r.segmentStart(), restartEnd, nodes);
        segment(r, SegmentKind.RUNNING, Math.max(r.segmentStart(), restartEnd), now, nodes);
    }

    // ---------------------------------------------------------------- periodic checkpoints

    /** The job's own interval, else Young's or Daly's from its checkpoint cost and its mean time to interrupt. */
    private long periodicInterval(JobRun r) {
        if (r.spec().checkpointInterval() > 0) return r.spec().checkpointInterval();
        FailureModel f = config.failures();
        if (!f.enabled() || f.periodic() == org.preemptlab.preempt.CheckpointPeriod.NONE) return 0;
        double delta = settings.cost().imageModel()
                ? (double) r.spec().imageMbPerNode() * r.spec().nodes() / storage.bandwidthOf(r)
                : settings.cost().checkpointSeconds();
        return f.periodic().interval(delta, f.nodeMtbfSeconds() / r.spec().nodes());
    }

    private void schedulePeriodicCheckpoint(JobRun r) {
        long interval = periodicInterval(r);
        if (interval <= 0 || !r.spec().checkpointable()) return;
        long sinceSave = r.workDone() - r.savedWork();
        long workToNext = interval - sinceSave;
        if (workToNext <= 0) workToNext = interval;
        if (r.workDone() + workToNext >= r.spec().runtime()) return;
        events.add(new SimEvent.PeriodicCheckpoint(r.progressFrom() + workToNext, r.index(), r.segment()));
    }

    private void periodicCheckpoint(JobRun r, int segment) {
        if (r.state() != JobState.RUNNING || r.segment() != segment) return;
        r.settle(now);
        beginCheckpoint(r, false, PERIODIC);
    }

    // ---------------------------------------------------------------- nodes out of service

    private void releaseNodes(Placement p) {
        capacity.release(p);
        outages.reseize(p);
    }

    /** Jobs holding anything on a node (running, checkpointing, stopping or suspended), in index order. */
    private List<JobRun> jobsOn(int node) {
        List<JobRun> on = new ArrayList<>();
        for (JobRun r : running) if (r.placement().uses(node)) on.add(r);
        for (JobRun r : suspended) if (r.placement().uses(node)) on.add(r);
        on.sort(Comparator.comparingInt(JobRun::index));
        return on;
    }

    /**
     * {@link MaintenanceStrategy#CHECKPOINT_BEFORE}: begins the checkpoints the plan says are due now and
     * asks to be woken at the next planned start ({@link CheckpointBeforePlan}).
     */
    private void checkpointsBeforeWindows() {
        for (CheckpointBeforePlan plan : checkpointBefore) {
            if (!plan.active(now)) continue;
            long next = Long.MAX_VALUE;
            for (CheckpointBeforePlan.Write write : plan.plan(now, running, storage, settings.cost())) {
                if (write.start() > now) {
                    next = Math.min(next, write.start());
                    continue;
                }
                JobRun r = write.job();
                if (r.state() != JobState.RUNNING) continue;
                if (!plan.writing()) {
                    plan.markWriting();
                    Reservation old = reservations.get(plan.windowIndex());
                    reservations.set(plan.windowIndex(), new Reservation(old.name(), old.start(), old.end(), old.nodes(), now));
                }
                MaintenanceWindow mw = config.maintenance().get(plan.windowIndex());
                Reason reason = Reason.of("maintenance window " + mw.name() + " at " + Units.instant(mw.start())
                        + ": checkpoint written before it (planned from " + Units.instant(write.start()) + ", "
                        + Units.duration(write.seconds()) + ")");
                r.settle(now);
                r.preempted(PreemptMechanism.CHECKPOINT);
                log(LogKind.PREEMPT, r, r.placement(), reason);
                beginCheckpoint(r, true, reason);
            }
            if (next != Long.MAX_VALUE && plan.queueWakeup(next)) events.add(new SimEvent.Wakeup(next));
        }
    }

    /** The longest a checkpoint-before plan can be: every node holding the largest image, at the slowest bandwidth, rounding included. */
    private long longestWrite() {
        if (!settings.cost().imageModel()) return settings.cost().checkpointSeconds();
        long largest = 0;
        for (JobSpec j : config.jobs()) largest = Math.max(largest, j.imageMbPerNode());
        double slowest = settings.storageMBps();
        if (cluster instanceof org.preemptlab.cluster.NodeCluster nc) {
            for (var pool : nc.pools()) slowest = Math.min(slowest, pool.checkpointBandwidthMBps());
        }
        // each job's write is rounded up to whole seconds: at most one job per node, < 1 s each
        return CheckpointBeforePlan.writeSeconds((double) largest * cluster.nodeCount(), slowest) + cluster.nodeCount() + 1;
    }

    private void maintenanceStart(int w) {
        MaintenanceWindow mw = config.maintenance().get(w);
        Reason reason = Reason.of("maintenance window " + mw.name() + " begins (" + mw.strategy().label() + ")");
        log(LogKind.MAINTENANCE_BEGIN, null, mw.nodes(), reason);
        LinkedHashSet<JobRun> affected = new LinkedHashSet<>();
        for (int node : mw.nodes()) affected.addAll(jobsOn(node));
        for (JobRun r : affected) {
            boolean checkpoint = mw.strategy() != MaintenanceStrategy.KILL && r.spec().checkpointable();
            if (r.state() == JobState.SUSPENDED) {
                evictSuspended(r, checkpoint, reason);
                continue;
            }
            if (r.state() != JobState.RUNNING) continue; // already checkpointing or stopping
            r.settle(now);
            r.preempted(checkpoint ? PreemptMechanism.CHECKPOINT : PreemptMechanism.KILL);
            log(LogKind.PREEMPT, r, r.placement(), reason);
            if (checkpoint) beginCheckpoint(r, true, reason);
            else beginKill(r, reason);
        }
        for (int node : mw.nodes()) outages.takeDown(node);
    }

    /**
     * Takes a suspended job off its nodes. With {@code keepWork} its frozen image is dumped as its
     * checkpoint (no work lost, restart cost on its next start); otherwise it is killed.
     */
    private void evictSuspended(JobRun r, boolean keepWork, Reason reason) {
        if (gang != null && gang.isSliced(r)) { // suspended by the timeslicer: it still holds its (shared) cores
            running.remove(r);
            capacity.releaseCores(r.placement());
            gang.evicted(r);
        }
        suspended.remove(r);
        segment(r, SegmentKind.SUSPENDED, r.stateSince(), now, r.placement());
        r.endSegment();
        capacity.releaseMemory(r.placement());
        outages.reseize(r.placement());
        if (keepWork) {
            // live backends dump the frozen image when the job is next started (see LocalProcessBackend)
            r.frozenImageSaved();
            log(LogKind.CHECKPOINT_END, r, r.placement(), FROZEN_IMAGE);
            requeue(r, CHECKPOINTED_REQUEUE, storage.restartSeconds(r, settings.cost()));
        } else {
            loseWork(r);
            backend.kill(r, now);
            log(LogKind.KILL, r, r.placement(), reason);
            requeueOrEnd(r, KILLED_REQUEUE, JobState.PREEMPTED_KILLED);
        }
    }

    private void maintenanceEnd(int w) {
        MaintenanceWindow mw = config.maintenance().get(w);
        for (int node : mw.nodes()) outages.bringUp(node);
        log(LogKind.MAINTENANCE_END, null, mw.nodes(), Reason.of("maintenance window " + mw.name() + " ends"));
        passRequested = true;
    }

    private void scheduleFailure(int node, long from) {
        double u = failureRandom.nextDouble();
        long dt = Math.max(1, (long) Math.ceil(-Math.log(1 - u) * config.failures().nodeMtbfSeconds()));
        events.add(new SimEvent.NodeFail(from + dt, node));
        failuresPending++;
    }

    private void nodeFail(int node) {
        failuresPending--;
        if (isFinished()) return;
        failuresSimulated++;
        Reason reason = Reason.of("node " + cluster.nodeName(node) + " failed");
        log(LogKind.NODE_DOWN, null, new int[] {node}, reason);
        for (JobRun r : jobsOn(node)) {
            if (r.state() == JobState.SUSPENDED) {
                evictSuspended(r, false, reason);
                continue;
            }
            if (r.state() == JobState.CHECKPOINTING) {
                storage.endCheckpoint(r, now);
                segment(r, SegmentKind.CHECKPOINTING, r.stateSince(), now, r.placement());
                r.checkpointAborted(now);
            } else if (r.state() == JobState.STOPPING) {
                segment(r, SegmentKind.STOPPING, r.stateSince(), now, r.placement());
            } else {
                r.settle(now);
                closeRunning(r);
            }
            backend.kill(r, now);
            fail(r, reason);
        }
        long repairAt = now + Math.max(1, config.failures().repairSeconds());
        outages.fail(node, cluster.nodeName(node), now, repairAt);
        events.add(new SimEvent.NodeRepair(repairAt, node));
        repairsPending++;
    }

    private void nodeRepair(int node) {
        repairsPending--;
        outages.repair(node);
        log(LogKind.NODE_UP, null, new int[] {node}, Reason.of("node " + cluster.nodeName(node) + " repaired"));
        passRequested = true;
        if (!isFinished()) scheduleFailure(node, now);
    }

    // ---------------------------------------------------------------- event dispatch

    /** The one place events are applied: one method per kind ({@link SimEvent#applyTo}). */
    private final class Dispatch implements SimEvent.Handler {
        @Override public void jobEnd(SimEvent.JobEnd e) { Simulation.this.jobEnd(runs[e.job()], e.segment()); }
        @Override public void jobFailed(SimEvent.JobFailed e) { Simulation.this.jobFailed(runs[e.job()], e.segment(), e.detail()); }
        @Override public void checkpointDone(SimEvent.CheckpointDone e) { Simulation.this.checkpointDone(runs[e.job()], e.version()); }
        @Override public void graceExpired(SimEvent.GraceExpired e) { Simulation.this.graceExpired(runs[e.job()], e.segment()); }
        @Override public void nodeFail(SimEvent.NodeFail e) { Simulation.this.nodeFail(e.node()); }
        @Override public void nodeRepair(SimEvent.NodeRepair e) { Simulation.this.nodeRepair(e.node()); }
        @Override public void maintenanceStart(SimEvent.MaintenanceStart e) { Simulation.this.maintenanceStart(e.window()); }
        @Override public void maintenanceEnd(SimEvent.MaintenanceEnd e) { Simulation.this.maintenanceEnd(e.window()); }
        @Override public void periodicCheckpoint(SimEvent.PeriodicCheckpoint e) { Simulation.this.periodicCheckpoint(runs[e.job()], e.segment()); }
        @Override public void jobSubmit(SimEvent.JobSubmit e) { submit(runs[e.job()]); }
        @Override public void wakeup(SimEvent.Wakeup e) { passRequested = true; }
        @Override public void observed(SimEvent.Observed e) { Simulation.this.observed(e); }
        @Override public void timeSlice(SimEvent.TimeSlice e) { if (gang != null) gang.tick(); }
    }

    // ---------------------------------------------------------------- gang scheduling (time slices)

    /** The transitions of the timeslicer: a suspended job keeps its allocation (cores and memory) in the capacity. */
    private final class GangHooks implements GangSlicer.Engine {
        @Override
        public long now() {
            return now;
        }

        @Override
        public void sliceSuspend(JobRun r, Reason why, boolean preemption) {
            r.settle(now);
            if (preemption) {
                r.preempted(PreemptMechanism.SUSPEND);
                log(LogKind.PREEMPT, r, r.placement(), why);
            }
            closeRunning(r);
            running.remove(r);
            r.suspend(now, -1);
            running.add(r);
            log(LogKind.SUSPEND, r, r.placement(), why);
            backend.suspend(r, now);
        }

        @Override
        public void sliceResume(JobRun r, Reason why) {
            running.remove(r);
            segment(r, SegmentKind.SUSPENDED, r.stateSince(), now, r.placement());
            Reason reason = book.isEmpty() ? why : book.resumeReason(r, why);
            r.resume(now);
            running.add(r);
            log(LogKind.RESUME, r, r.placement(), reason);
            backend.resume(r, now, r.segment(), r.spec().runtime() - r.workDone());
            schedulePeriodicCheckpoint(r);
        }

        @Override
        public boolean keptSuspended(JobRun r) {
            return !book.isEmpty() && book.keep(r, now);
        }

        @Override
        public void tickAt(long time) {
            events.add(new SimEvent.TimeSlice(time));
        }
    }


    // ---------------------------------------------------------------- recording

    private static final int[] NO_NODES = new int[0];
    private static final Reason SUBMITTED = Reason.of("submitted");
    private static final Reason COMPLETED = Reason.of("work complete");
    private static final Reason RESUMED = Reason.of("its cores are free again: resumed on the same nodes");
    private static final Reason CHECKPOINT_WRITTEN = Reason.of("checkpoint image written");
    private static final Reason CHECKPOINTED_REQUEUE = Reason.of("checkpointed: back in the queue with its remaining work");
    private static final Reason KILLED_REQUEUE = Reason.of("rerunnable: back in the queue, work since its last checkpoint lost");
    private static final Reason FAILED_REQUEUE = Reason.of("it failed; rerunnable: back in the queue, work since its last checkpoint lost");
    private static final Reason GRACE_OVER = Reason.of("GraceTime over: forced stop (SIGKILL)");
    private static final Reason PERIODIC = Reason.of("periodic checkpoint");
    private static final Reason FROZEN_IMAGE = Reason.of("its frozen (suspended) image was saved as its checkpoint");

    private void log(LogKind kind, JobRun r, int[] nodes, Reason reason) {
        stateVersion++;
        timeline.log(now, kind, r == null ? -1 : r.index(), nodes == null ? NO_NODES : nodes, reason);
        if (slurm != null) slurm.logged(kind, r, null, now, timeline.isRecording());
    }

    private void log(LogKind kind, JobRun r, Placement where, Reason reason) {
        stateVersion++;
        timeline.log(now, kind, r == null ? -1 : r.index(), where, reason);
        if (slurm != null) slurm.logged(kind, r, where, now, timeline.isRecording());
    }

    private void segment(JobRun r, SegmentKind kind, long from, long to, int[] nodes) {
        timeline.segment(r.index(), kind, from, to, nodes == null ? NO_NODES : nodes);
    }

    private void segment(JobRun r, SegmentKind kind, long from, long to, Placement where) {
        timeline.segment(r.index(), kind, from, to, where);
    }

    // ---------------------------------------------------------------- the policies' view

    private final class EngineSnapshot implements Snapshot {
        /** Read-only views, made once: a pass iterates them, it does not allocate them. */
        private final Collection<? extends JobView> queueView = queue.readOnly();
        private final Collection<? extends JobView> runningView = Collections.unmodifiableCollection(running);
        private final Collection<? extends JobView> suspendedView = Collections.unmodifiableCollection(suspended);
        private final List<Reservation> reservationsView = Collections.unmodifiableList(reservations);

        @Override
        public long now() {
            return now;
        }

        @Override
        public Cluster cluster() {
            return allocCluster;
        }

        @Override
        public Collection<? extends JobView> queue() {
            return queueView;
        }

        @Override
        public Collection<? extends JobView> running() {
            return runningView;
        }

        /** Each start carried out joined the set once (start adds its job); a refused one counts as a change. */
        @Override
        public long unplannedRunningChanges() {
            return running.changes() - startsCarriedOut + startsRefused;
        }

        /** Each start carried out took its job out of the queue once (start removes it). */
        @Override
        public long unplannedQueueLeaves() {
            return queue.leaves() - startsCarriedOut;
        }

        @Override
        public long queueJoinedBefore() {
            return queue.joinedBefore();
        }

        @Override
        public List<? extends JobView> queueJoined() {
            return queue.joined();
        }

        @Override
        public JobView waiting(int index) {
            JobRun r = index >= 0 && index < count ? runs[index] : null;
            return r != null && r.state() == JobState.QUEUED && queue.contains(r) ? r : null;
        }

        @Override
        public org.preemptlab.sched.QueueShapes queueShapes() {
            return queue;
        }

        @Override
        public boolean limitsAllow(JobView job, List<? extends JobView> startedInPass) {
            return slurm == null || startedInPass.isEmpty() || slurm.limitsAllow((JobRun) job, startedInPass);
        }

        @Override
        public Collection<? extends JobView> suspended() {
            return suspendedView;
        }

        private long holdsPass = -1;
        private SuspendedHolds holds;

        /** Works out, once per state change, which free cores each suspended job holds. */
        private SuspendedHolds holds() {
            if (holdsPass != stateVersion) {
                holdsPass = stateVersion;
                holds = SuspendedHolds.of(capacity, book.isEmpty() ? suspended : mayResume());
            }
            return holds;
        }

        /** The suspended jobs no reservation keeps from resuming now: only they hold cores. */
        private List<JobRun> mayResume() {
            List<JobRun> out = new ArrayList<>(suspended.size());
            for (JobRun r : suspended) if (book.keepsSuspended(r, now) == null) out.add(r);
            return out;
        }

        /** Free resources; the cores of suspended jobs are held for their resume (only a preemptor takes them). */
        @Override
        public Capacity freeCapacity() {
            if (suspended.isEmpty()) return capacity.copy();
            return holds().free().copy();
        }

        @Override
        public Placement heldCores(JobView job) {
            if (suspended.isEmpty()) return null;
            return holds().holds().get(job);
        }

        @Override
        public Map<Integer, Placement> promised() {
            return Collections.unmodifiableMap(promises);
        }

        @Override
        public JobView heldFor(JobView job) {
            JobRun r = runs[job.index()];
            if (r.state() != JobState.SUSPENDED || r.heldFor() < 0) return null;
            JobRun forJob = runs[r.heldFor()];
            return forJob.state() == JobState.QUEUED ? forJob : null; // a hold lasts until that job starts
        }

        @Override
        public PreemptionSettings preemptionSettings() {
            return settings;
        }

        @Override
        public List<Reservation> reservations() {
            return reservationsView;
        }

        @Override
        public List<Reservation> failedNodes() {
            return outages.failures();
        }
    }
}
