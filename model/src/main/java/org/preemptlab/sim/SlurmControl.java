package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.preemptlab.account.AssocKey;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.JobRequest;
import org.preemptlab.accounting.LimitCheck;
import org.preemptlab.accounting.LimitUsage;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.priority.ClusterSize;
import org.preemptlab.priority.FairShareSnapshot;
import org.preemptlab.priority.MultifactorPriority;
import org.preemptlab.priority.PriorityFactors;
import org.preemptlab.priority.UsageLedger;
import org.preemptlab.site.Site;
import org.preemptlab.tres.Tres;

/**
 * The Slurm controller's part of the engine for a version-2 cluster: which waiting jobs are
 * eligible (begin time, dependencies, partition state, array throttle, QOS / association /
 * partition limits), each waiting job's pending reason, the limit counters, the usage ledger and
 * the multifactor priorities recomputed every {@code PriorityCalcPeriod}. Only {@link Simulation}
 * calls it, through five small hooks (submit, before and after a pass, before a start, after
 * every logged transition); a version-1 run has none of it and pays nothing.
 *
 * <p>Jobs that may not start yet are taken out of the engine's queue (the policies never see
 * them) and kept here with their reason; they go back when the reason is gone. The queue is
 * ordered by partition {@code PriorityTier}, then by multifactor priority (or submit order with
 * {@code priority/basic}).
 */
final class SlurmControl {

    /** What the engine lends: its queue (held jobs leave it), and a wake-up call at a time. */
    interface Engine {
        WaitingQueue queue();

        void wakeAt(long time);

        /** True while any job holds nodes (running, suspended, …): calc ticks are then worth scheduling. */
        boolean busy();
    }

    private final Engine engine;
    private final NodeCluster cluster;
    private final Site site;
    private final AccountingPolicy accounting;
    private final LimitUsage usage;
    /**
     * False when no limit of the site reads a usage counter ({@link AccountingPolicy#readsUsage}): the counters are
     * then not kept (every check gives the same answer without them; a replay without limits moved them on every
     * submit, start and end for nothing).
     */
    private final boolean counting;
    private final UsageLedger ledger;
    private final MultifactorPriority multifactor;
    private final JobRun[] runs;
    private final Request[] requests;
    private final PendingReason[] reasons;
    private final long[] priorities;
    private final long[] baseKeys;
    /** Jobs held out of the queue, in submit order. */
    private final LinkedHashSet<JobRun> held = new LinkedHashSet<>();
    private final Map<String, List<Integer>> byName = new HashMap<>();
    private final Map<String, Integer> arrayRunning = new HashMap<>();
    /** Jobs counted as running for the limits (holding nodes) and as accruing usage. */
    private final boolean[] countedRunning;
    private final boolean[] accruing;
    private final boolean[] submitted;
    private FairShareSnapshot fairShare;
    private long nextCalc;
    private boolean wakeScheduled;
    private final PendingSeries series = new PendingSeries();
    /** Each job's reason over time, and its priority factors when it last started (multifactor). */
    private final ReasonHistory reasonHistory;
    private final PriorityFactors[] startFactors;
    /** Per log entry (when recording): the job's pending reason before the event, its partition. */
    private final List<String> logReasons = new ArrayList<>();
    private final List<String> logPartitions = new ArrayList<>();
    /**
     * Jobs whose eligibility cannot change any more once it has been judged (no dependency, no array
     * throttle, and limit checks that read no usage counter: their answer is a function of the job and
     * the site alone). A waiting job that is settled and eligible stays eligible, so the judging of the
     * queue before and after every pass skips it; only the jobs in {@link #watched} are judged again.
     */
    private final boolean[] settled;
    /** Submitted jobs not (yet) known to be settled, by index; settled and ended ones are dropped as the sweeps meet them. */
    private int[] watched = new int[16];
    private int watchedCount;
    /**
     * Jobs whose {@link #reasons} entry was changed since the last {@link #afterPass} (or that entered the
     * queue): every other waiting job's reason is the one noted for it then, so afterPass sets and notes
     * only these, the queue's old head and its new one (see there).
     */
    private final java.util.BitSet dirty = new java.util.BitSet();
    private int[] dirtyList = new int[16];
    private int dirtyCount;
    /** The queue's head after the last pass (its reason is RESOURCES), or null. */
    private JobRun lastHead;
    /** The reference for the incremental judging (tests): every waiting job judged, reasoned and noted on every pass. */
    private boolean everyJob;

    SlurmControl(NodeCluster cluster, JobRun[] runs, Engine engine, long start) {
        this.engine = engine;
        this.cluster = cluster;
        this.site = cluster.site();
        this.runs = runs;
        Map<String, Tres> partitionTres = new HashMap<>();
        long cpus = 0;
        for (NodePool p : cluster.pools()) cpus += (long) p.nodes() * p.coresPerNode();
        for (Partition part : site.partitions()) {
            Tres t = Tres.NONE;
            for (String g : part.groups()) {
                int gi = cluster.poolIndex(g);
                if (gi < 0) continue;
                NodePool p = cluster.pools().get(gi);
                t = t.plus(Tres.of((long) p.nodes() * p.coresPerNode(), (long) p.nodes() * p.memoryPerNodeMb(), p.nodes()));
                for (Gres gr : p.gres()) t = t.plus(gresTres(gr, gr.count() * p.nodes()));
            }
            partitionTres.put(part.name(), t);
        }
        this.accounting = site.accountingPolicy(partitionTres);
        this.usage = accounting.newUsage();
        this.counting = accounting.readsUsage();
        this.ledger = new UsageLedger(site.accounts(), site.priority(), start);
        this.multifactor = new MultifactorPriority(site.priority(), accounting, new ClusterSize(cluster.nodeCount(), cpus));
        this.fairShare = FairShareSnapshot.compute(site.accounts(), ledger, site.priority());
        this.nextCalc = start + site.priority().calcPeriodSeconds();
        this.requests = new Request[runs.length];
        this.reasons = new PendingReason[runs.length];
        this.priorities = new long[runs.length];
        this.baseKeys = new long[runs.length];
        this.countedRunning = new boolean[runs.length];
        this.accruing = new boolean[runs.length];
        this.submitted = new boolean[runs.length];
        this.settled = new boolean[runs.length];
        this.reasonHistory = new ReasonHistory(runs.length);
        this.startFactors = new PriorityFactors[runs.length];
        for (int i = 0; i < runs.length; i++) {
            JobSpec s = runs[i].spec();
            requests[i] = new Request(s, firstPartition(s));
            reasons[i] = PendingReason.NONE;
            byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(i);
            SlurmRequest r = s.slurm();
            if (r != null && r.inArray()) byName.computeIfAbsent(r.arrayName(), k -> new ArrayList<>()).add(i);
        }
    }

    private static Tres gresTres(Gres g, long count) {
        Tres t = Tres.of("gres/" + g.name(), count);
        return g.typed() ? t.plus(Tres.of(g.tresName(), count)) : t;
    }

    private String firstPartition(JobSpec s) {
        SlurmRequest r = s.slurm();
        return r == null || r.partitions().isEmpty() ? site.defaultPartition().name() : r.partitions().get(0);
    }

    /** What the accounting policy and the priority plugin see of a job. */
    private final class Request implements JobRequest {
        final JobSpec spec;
        final String partition;
        final Tres tres;
        long eligible;

        Request(JobSpec spec, String partition) {
            this.spec = spec;
            this.partition = partition;
            Tres t = Tres.of((long) spec.nodes() * spec.coresPerNode(), (long) spec.nodes() * spec.memoryPerNodeMb(), spec.nodes());
            SlurmRequest r = spec.slurm();
            if (r != null) for (Gres g : r.gresOnEachNode(spec.nodes())) t = t.plus(gresTres(g, g.count() * spec.nodes()));
            this.tres = t;
            this.eligible = spec.submit();
        }

        /** The same job considered for another of its partitions. */
        Request(Request base, String partition) {
            this.spec = base.spec;
            this.partition = partition;
            this.tres = base.tres;
            this.eligible = base.eligible;
            // the same job: its association, CPUs and nodes (whatever the partition) as far as the base knows them
            this.association = base.association;
            this.cpus = base.cpus;
            this.nodes = base.nodes;
        }

        @Override public long jobId() { return spec.id(); }
        @Override public String user() { return spec.slurm() == null ? "user" : spec.slurm().user(); }
        @Override public String account() { return spec.slurm() == null ? spec.group() : spec.slurm().account(); }
        @Override public String qos() { return spec.qos(); }
        @Override public String partition() { return partition; }
        @Override public Tres tres() { return tres; }
        @Override public long timeLimitSeconds() { return spec.estimate(); }
        @Override public long submitTime() { return spec.submit(); }
        @Override public long eligibleTime() { return eligible; }
        @Override public long nice() { return spec.slurm() == null ? 0 : spec.slurm().nice(); }

        // the job's association, CPUs and nodes, kept: the calc tick's priorities and the limits ask for them per job and
        // per pass (a new AssocKey and two TRES look-ups by name each time); the job's spec and TRES never change
        private AssocKey association;
        private long cpus = -1, nodes = -1;

        @Override public AssocKey association() {
            AssocKey a = association;
            if (a == null) association = a = JobRequest.super.association();
            return a;
        }

        @Override public long cpus() {
            if (cpus < 0) cpus = JobRequest.super.cpus();
            return cpus;
        }

        @Override public long nodes() {
            if (nodes < 0) nodes = JobRequest.super.nodes();
            return nodes;
        }
    }

    /** Tests: judge every waiting job before and after every pass, as before the judging was incremental. */
    void judgeEveryWaitingJob() {
        everyJob = true;
    }

    // ---------------------------------------------------------------- hooks

    /** A job was submitted (it is in the queue): counted, prioritised, and held if it may not start. */
    void submitted(JobRun r, long now) {
        int i = r.index();
        baseKeys[i] = r.queueKey();
        SlurmRequest req = r.spec().slurm();
        if (req != null && req.beginTime() > now) engine.wakeAt(req.beginTime());
        rekey(r, now);
        markDirty(i);
        watch(i);
        judge(r, now);
        scheduleCalc(now);
    }

    /** True if a PriorityCalcPeriod tick falls in second {@code now} and is due (not yet run). */
    boolean calcTickAt(long now) {
        return now >= nextCalc && Math.floorMod(now - nextCalc, Math.max(1, site.priority().calcPeriodSeconds())) == 0;
    }

    /** Before a scheduling pass: a calc tick if due (and {@code tick}), then every waiting job judged again. */
    void beforePass(long now, boolean tick) {
        if (tick && now >= nextCalc) {
            ledger.advanceTo(now);
            fairShare = FairShareSnapshot.compute(site.accounts(), ledger, site.priority());
            while (nextCalc <= now) nextCalc += site.priority().calcPeriodSeconds();
            if (site.multifactor()) {
                for (JobRun r : new ArrayList<>(engine.queue())) rekey(r, now);
                // held jobs too, key and all: Slurm's decay thread recomputes every pending job whatever its pending
                // reason (priority_multifactor.c decay_apply_weighted_factors: all but held ones, priority 0, and
                // non-pending ones), so a job a limit or an array throttle kept out of the queue comes back at the
                // priority of the last tick, not at the one it had when it was held
                for (JobRun r : held) rekey(r, now);
            }
            wakeScheduled = false;
        }
        for (JobRun r : new ArrayList<>(held)) judge(r, now);
        if (everyJob) for (JobRun r : new ArrayList<>(engine.queue())) judge(r, now);
        else judgeWatchedQueued(now);
        scheduleCalc(now);
    }

    /**
     * Judges the waiting jobs in the queue (not held) whose eligibility may have changed: the watched ones.
     * A settled job in the queue was eligible when last judged and so is now (its answer depends on
     * nothing that changes, and the begin time it passed stays passed); judging it again would change
     * nothing. The order of the judging does not matter: one job's judging reads nothing another's writes.
     */
    private void judgeWatchedQueued(long now) {
        int kept = 0;
        for (int k = 0; k < watchedCount; k++) {
            int i = watched[k];
            JobRun r = runs[i];
            if (settled[i] || r.state().isTerminal()) continue; // dropped
            watched[kept++] = i;
            if (r.state() == JobState.QUEUED && !held.contains(r)) judge(r, now);
        }
        watchedCount = kept;
    }

    private void watch(int i) {
        if (watchedCount == watched.length) watched = java.util.Arrays.copyOf(watched, 2 * watchedCount);
        watched[watchedCount++] = i;
    }

    private void markDirty(int i) {
        if (dirty.get(i)) return;
        dirty.set(i);
        if (dirtyCount == dirtyList.length) dirtyList = java.util.Arrays.copyOf(dirtyList, 2 * dirtyCount);
        dirtyList[dirtyCount++] = i;
    }

    private void setReason(int i, PendingReason why) {
        if (reasons[i] == why) return;
        reasons[i] = why;
        markDirty(i);
    }

    /** After a pass: the first waiting job waits for resources, the others for priority; the series gets a point. */
    void afterPass(long now) {
        if (everyJob) {
            afterPassEveryJob(now);
            return;
        }
        judgeWatchedQueued(now); // the pass's starts may have reached a limit
        // every job in the queue waits for priority, its head for resources. Only these can differ from what the
        // last pass set and noted: the jobs whose reason changed or that entered the queue since (dirty), the old
        // head and the new one; every other job in the queue was in it, not its head, and PRIORITY then.
        WaitingQueue queue = engine.queue();
        JobRun head = queue.isEmpty() ? null : queue.first();
        for (int k = 0; k < dirtyCount; k++) {
            int i = dirtyList[k];
            dirty.clear(i);
            JobRun r = runs[i];
            if (r == head) continue; // noted below, once (a second note at the same instant would not be the same)
            boolean queued = queue.contains(r);
            if (queued) reasons[i] = PendingReason.PRIORITY;
            if (queued || held.contains(r)) reasonHistory.note(i, now, reasons[i]);
        }
        dirtyCount = 0;
        if (lastHead != null && lastHead != head && queue.contains(lastHead)) {
            reasons[lastHead.index()] = PendingReason.PRIORITY;
            reasonHistory.note(lastHead.index(), now, PendingReason.PRIORITY);
        }
        if (head != null) {
            reasons[head.index()] = PendingReason.RESOURCES;
            reasonHistory.note(head.index(), now, PendingReason.RESOURCES);
        }
        lastHead = head;
        EnumMap<PendingReason, Integer> counts = new EnumMap<>(PendingReason.class);
        for (JobRun r : held) counts.merge(reasons[r.index()], 1, Integer::sum);
        if (head != null) counts.merge(PendingReason.RESOURCES, 1, Integer::sum);
        if (queue.size() > 1) counts.merge(PendingReason.PRIORITY, queue.size() - 1, Integer::sum);
        series.record(now, counts);
        scheduleCalc(now);
    }

    /** {@link #afterPass} without its shortcuts: every job in the queue judged, given its reason and noted. */
    private void afterPassEveryJob(long now) {
        for (JobRun r : new ArrayList<>(engine.queue())) judge(r, now);
        boolean first = true;
        for (JobRun r : engine.queue()) {
            reasons[r.index()] = first ? PendingReason.RESOURCES : PendingReason.PRIORITY;
            first = false;
        }
        EnumMap<PendingReason, Integer> counts = new EnumMap<>(PendingReason.class);
        for (JobRun r : engine.queue()) counts.merge(reasons[r.index()], 1, Integer::sum);
        for (JobRun r : held) counts.merge(reasons[r.index()], 1, Integer::sum);
        series.record(now, counts);
        for (JobRun r : engine.queue()) reasonHistory.note(r.index(), now, reasons[r.index()]);
        for (JobRun r : held) reasonHistory.note(r.index(), now, reasons[r.index()]);
        for (int k = 0; k < dirtyCount; k++) dirty.clear(dirtyList[k]);
        dirtyCount = 0;
        scheduleCalc(now);
    }

    /** Whether the job may start now at {@code where} as far as limits go; if not it is held with the reason. */
    boolean mayStart(JobRun r, Placement where, long now) {
        PendingReason why = blocker(r, now, where.partition() >= 0 ? site.partitions().get(where.partition()).name() : null);
        if (why == PendingReason.NONE) return true;
        hold(r, why);
        return false;
    }

    /** After every logged transition: the limit counters and the usage ledger follow the job's state. */
    void logged(LogKind kind, JobRun r, Placement where, long now, boolean recording) {
        if (recording) {
            logReasons.add(r == null || (kind != LogKind.SUBMIT && kind != LogKind.START && kind != LogKind.RESTART
                    && kind != LogKind.REQUEUE) ? "" : reasons[r.index()].label());
            logPartitions.add(where != null && where.partition() >= 0 ? site.partitions().get(where.partition()).name() : "");
        }
        if (r == null) return;
        int i = r.index();
        JobState s = r.state();
        Request req = requests[i];
        if (kind == LogKind.SUBMIT && !submitted[i]) {
            submitted[i] = true;
            if (counting) usage.submit(req);
        }
        // the engine logs some transitions before it changes the job's state: the kind decides where it can
        boolean leaves = kind == LogKind.END || kind == LogKind.KILL || kind == LogKind.FAIL || kind == LogKind.REQUEUE;
        boolean enters = kind == LogKind.START || kind == LogKind.RESTART || kind == LogKind.RESUME;
        boolean holds = !leaves && (enters || s == JobState.RUNNING || s == JobState.CHECKPOINTING || s == JobState.STOPPING
                || s == JobState.SUSPENDED);
        if (holds && !countedRunning[i]) {
            countedRunning[i] = true;
            if (counting) usage.start(req);
            setReason(i, PendingReason.NONE);
            reasonHistory.note(i, now, PendingReason.NONE);
            if (site.multifactor()) startFactors[i] = factors(i, now);
            SlurmRequest sr = r.spec().slurm();
            if (sr != null && sr.inArray()) arrayRunning.merge(sr.arrayName(), 1, Integer::sum);
        } else if (!holds && countedRunning[i]) {
            countedRunning[i] = false;
            if (counting) usage.requeue(req);
            SlurmRequest sr = r.spec().slurm();
            if (sr != null && sr.inArray()) arrayRunning.merge(sr.arrayName(), -1, Integer::sum);
        }
        if (submitted[i] && !countedRunning[i] && (kind == LogKind.END || s.isTerminal())) {
            submitted[i] = false;
            if (counting) usage.withdraw(req);
        }
        boolean accrue = !leaves && kind != LogKind.SUSPEND && kind != LogKind.PREEMPT && kind != LogKind.CHECKPOINT_BEGIN
                && (enters || s == JobState.RUNNING);
        if (accrue && !accruing[i]) {
            accruing[i] = true;
            ledger.advanceTo(now);
            ledger.start(r.spec().id(), req.association(), UsageLedger.rate(accounting, req), now);
        } else if (!accrue && accruing[i]) {
            accruing[i] = false;
            ledger.advanceTo(now);
            ledger.stop(r.spec().id(), now);
        }
        if (s == JobState.QUEUED && kind == LogKind.REQUEUE) {
            markDirty(i); // back in the queue
            judge(r, now);
        }
    }

    /** Jobs being preempted under the site's PreemptType, by index: the mechanism (null: none). */
    private final Map<Integer, org.preemptlab.mechanism.PreemptMechanism> preempting = new HashMap<>();

    /** A running job is being preempted with {@code m}: its GraceTime and, for a kill, its end follow the site's rules. */
    void preempting(JobRun r, org.preemptlab.mechanism.PreemptMechanism m) {
        boolean stops = m == org.preemptlab.mechanism.PreemptMechanism.KILL || m == org.preemptlab.mechanism.PreemptMechanism.REQUEUE;
        if (stops && site.preemptType() != org.preemptlab.site.PreemptType.NONE) preempting.put(r.index(), m);
    }

    /** GraceTime for a kill or requeue of {@code r}: its QOS's or partition's when the site preempts it ({@link org.preemptlab.preempt.SlurmPreemption}), else {@code settingsGrace}. */
    long graceSeconds(JobRun r, long settingsGrace) {
        if (!preempting.containsKey(r.index())) return settingsGrace;
        return new org.preemptlab.preempt.SlurmPreemption(site).graceSeconds(r.spec(), r.placement() == null ? -1 : r.placement().partition());
    }

    /** True (once) if the kill now finishing is a PreemptMode=CANCEL preemption: the job ends instead of being requeued. */
    boolean cancels(JobRun r) {
        return preempting.remove(r.index()) == org.preemptlab.mechanism.PreemptMechanism.KILL;
    }

    /** Jobs held out of the queue. */
    int heldCount() {
        return held.size();
    }

    /**
     * Nothing can happen any more and jobs still wait: those that will never start (a limit they
     * exceed alone, a dependency that failed, a partition that is down) are ended, each with its
     * reason. Returns the jobs ended.
     */
    List<JobRun> abandon() {
        List<JobRun> out = new ArrayList<>(held);
        out.addAll(engine.queue());
        held.clear();
        engine.queue().clear();
        return out;
    }

    PendingReason reason(int job) {
        return reasons[job];
    }

    long priority(int job) {
        return priorities[job];
    }

    /** The job's priority factors now, as {@code sprio} shows them. */
    PriorityFactors factors(int job, long now) {
        return multifactor.factors(requests[job], fairShare, now);
    }

    SlurmRunRecord record() {
        return new SlurmRunRecord(site, series, List.copyOf(logReasons), List.copyOf(logPartitions), reasons.clone(),
                priorities.clone(), fairShare, reasonHistory, startFactors.clone());
    }

    // ---------------------------------------------------------------- judging

    /** Moves the job between queue and held as its eligibility says now. */
    private void judge(JobRun r, long now) {
        if (r.state() != JobState.QUEUED) return;
        PendingReason why = blocker(r, now, null);
        if (why == PendingReason.NONE) {
            if (held.remove(r)) {
                setReason(r.index(), PendingReason.PRIORITY);
                engine.queue().add(r);
            }
        } else {
            hold(r, why);
        }
    }

    private void hold(JobRun r, PendingReason why) {
        setReason(r.index(), why);
        if (engine.queue().remove(r)) held.add(r);
        else if (!held.contains(r)) held.add(r);
    }

    /**
     * Whether the waiting job {@code r} would pass its QOS / association limits had the jobs {@code startedInPass} (a pass's
     * starts, not carried out yet) started too: the counters are moved for them, the job checked, and moved back (start and
     * requeue are exact inverses), so the run's state is as before. A settled job (its checks read no counter) passes.
     */
    boolean limitsAllow(JobRun r, List<? extends org.preemptlab.job.JobView> startedInPass) {
        if (settled[r.index()]) return true;
        if (!counting) return check(r, null).ok(); // no counters to move: no check reads them
        List<Request> moved = new ArrayList<>(startedInPass.size());
        try {
            for (org.preemptlab.job.JobView v : startedInPass) {
                Request q = requests[v.index()];
                if (countedRunning[v.index()] || !submitted[v.index()]) continue;
                usage.start(q);
                moved.add(q);
            }
            return check(r, null).ok();
        } finally {
            for (Request q : moved) usage.requeue(q);
        }
    }

    /** The first thing that keeps the job from starting now (in {@code partition}, or in any of its own: null), or NONE. */
    private PendingReason blocker(JobRun r, long now, String partition) {
        JobSpec s = r.spec();
        SlurmRequest req = s.slurm();
        if (req != null) {
            if (req.beginTime() > now) return PendingReason.BEGIN_TIME;
            PendingReason dep = dependencies(r, req);
            if (dep != PendingReason.NONE) return dep;
            if (requests[r.index()].eligible < Math.max(s.submit(), req.beginTime())) requests[r.index()].eligible = now;
            if (req.inArray() && req.arrayThrottle() > 0
                    && arrayRunning.getOrDefault(req.arrayName(), 0) >= req.arrayThrottle()) {
                return PendingReason.JOB_ARRAY_TASK_LIMIT;
            }
        }
        PendingReason part = partitionState(s);
        if (part != PendingReason.NONE) return part;
        long reads = usage.reads();
        LimitCheck c = check(r, partition);
        // nothing above depends on the run's state (no dependency, no throttle; partitions never change) and the
        // limit checks read no usage counter: the answer is fixed for good
        if (partition == null && usage.reads() == reads && (req == null || (req.dependencies().isEmpty()
                && !(req.inArray() && req.arrayThrottle() > 0)))) {
            settled[r.index()] = true;
        }
        return c.ok() ? PendingReason.NONE : c.reason();
    }

    private PendingReason partitionState(JobSpec s) {
        SlurmRequest req = s.slurm();
        List<String> names = req == null || req.partitions().isEmpty() ? List.of(site.defaultPartition().name()) : req.partitions();
        PendingReason worst = PendingReason.PARTITION_DOWN;
        String account = requests[indexOf(s)].account();
        for (String n : names) {
            Partition p = site.partition(n);
            if (p == null) continue;
            if (!p.admitsAccount(account)) {
                worst = PendingReason.ACCOUNT_NOT_ALLOWED;
                continue;
            }
            if (!p.admitsQos(s.qos())) {
                worst = PendingReason.QOS_NOT_ALLOWED;
                continue;
            }
            if (p.state() == PartitionState.UP) return PendingReason.NONE;
            if (p.state() == PartitionState.INACTIVE && worst == PendingReason.PARTITION_DOWN) worst = PendingReason.PARTITION_INACTIVE;
        }
        return worst;
    }

    private int indexOf(JobSpec s) {
        return s.id() - 1 >= 0 && s.id() - 1 < runs.length && runs[s.id() - 1].spec() == s ? s.id() - 1 : find(s);
    }

    private int find(JobSpec s) {
        for (JobRun r : runs) if (r.spec() == s) return r.index();
        throw new IllegalStateException("job " + s.name() + " is not in this run");
    }

    /**
     * The limits in the partitions the job may use: OK when one partition's limits let it start
     * ({@code partition} given: only that one).
     */
    private LimitCheck check(JobRun r, String partition) {
        Request base = requests[r.index()];
        if (partition != null) return accounting.checkStart(partition.equals(base.partition) ? base : new Request(base, partition), usage);
        SlurmRequest req = r.spec().slurm();
        List<String> names = req == null || req.partitions().isEmpty() ? List.of(base.partition) : req.partitions();
        LimitCheck first = null;
        for (String n : names) {
            LimitCheck c = accounting.checkStart(n.equals(base.partition) ? base : new Request(base, n), usage);
            if (c.ok()) return c;
            if (first == null) first = c;
        }
        return first;
    }

    private PendingReason dependencies(JobRun r, SlurmRequest req) {
        for (Dependency d : req.dependencies()) {
            for (String name : d.jobs()) {
                for (int j : byName.getOrDefault(name, List.of())) {
                    JobState s = runs[j].state();
                    switch (d.type()) {
                        case AFTER -> {
                            if (runs[j].firstStart() < 0) return PendingReason.DEPENDENCY;
                        }
                        case AFTER_ANY -> {
                            if (!s.isTerminal()) return PendingReason.DEPENDENCY;
                        }
                        case AFTER_OK -> {
                            if (s.isTerminal() && s != JobState.COMPLETED) return PendingReason.DEPENDENCY_NEVER_SATISFIED;
                            if (!s.isTerminal()) return PendingReason.DEPENDENCY;
                        }
                        case AFTER_NOT_OK -> {
                            if (s == JobState.COMPLETED) return PendingReason.DEPENDENCY_NEVER_SATISFIED;
                            if (!s.isTerminal()) return PendingReason.DEPENDENCY;
                        }
                        case SINGLETON -> { }
                    }
                }
            }
            if (d.type() == Dependency.Type.SINGLETON) {
                String base = req.inArray() ? req.arrayName() : r.spec().name();
                for (int j : byName.getOrDefault(base, List.of())) {
                    if (j == r.index()) continue;
                    JobRun o = runs[j];
                    SlurmRequest or = o.spec().slurm();
                    if (or == null || !or.user().equals(req.user())) continue;
                    boolean earlier = o.index() < r.index();
                    if (o.state().holdsCores() || o.state() == JobState.SUSPENDED
                            || (earlier && !o.state().isTerminal())) {
                        return PendingReason.DEPENDENCY;
                    }
                }
            }
        }
        return PendingReason.NONE;
    }

    // ---------------------------------------------------------------- priority

    private long priority(JobRun r, long now) {
        if (!site.multifactor()) return 0;
        SlurmRequest req = r.spec().slurm();
        Request base = requests[r.index()];
        long best = multifactor.priority(base, fairShare, now);
        if (req != null) {
            for (String n : req.partitions()) {
                if (n.equals(base.partition)) continue;
                best = Math.max(best, multifactor.priority(new Request(base, n), fairShare, now));
            }
        }
        return best;
    }

    /** The job's queue position: partition tier first (highest first), then priority or submit order. */
    private void rekey(JobRun r, long now) {
        int i = r.index();
        priorities[i] = priority(r, now);
        int tier = 0;
        SlurmRequest req = r.spec().slurm();
        List<String> names = req == null || req.partitions().isEmpty() ? List.of(site.defaultPartition().name()) : req.partitions();
        for (String n : names) {
            Partition p = site.partition(n);
            if (p != null) tier = Math.max(tier, p.priorityTier());
        }
        long order = site.multifactor() ? 0xffffffffL - priorities[i] : baseKeys[i];
        long key = ((long) (65535 - tier) << 40) + order;
        boolean queued = engine.queue().remove(r);
        r.rekey(key);
        if (queued) engine.queue().add(r);
    }

    private void scheduleCalc(long now) {
        if (wakeScheduled || !site.multifactor() || !engine.busy() && held.isEmpty() && engine.queue().isEmpty()) return;
        if (!engine.busy()) return; // nothing runs: no usage to charge, no end to wait for
        wakeScheduled = true;
        engine.wakeAt(Math.max(nextCalc, now + 1));
    }
}
