package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.history.SacctRule;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.Partition;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.site.Site;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.slurmsched.RecordedPasses;
import org.preemptlab.slurmsched.SlurmJobAttributes;
import org.preemptlab.slurmsched.BackfillPhases;
import org.preemptlab.background.SecondThread;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;

/**
 * Replays a sacct history on the version-2 cluster of a site's files (slurm.conf, gres.conf, a
 * {@code sacctmgr dump}), built by {@link SiteMapping} as {@code import-slurm --out} does, with
 * Slurm's loop on the engine's Slurm model: cons_tres placement ({@code TresCapacity}) with GRES,
 * partitions, QOS / association limits with pending reasons, and multifactor priority recomputed
 * every {@code PriorityCalcPeriod} from the site's {@code Priority*} settings.
 * <ul>
 * <li>jobs: the rows sacct ran ({@link SacctRule#replayed()}), queued at max(Submit, Eligible) (the tasks of an array
 *     with a throttle at the array's first: {@link ArrayThrottles#queuedAt}), with
 *     their user, account, partition(s), QOS; NNodes nodes × ⌈NCPUS / NNodes⌉ CPUs; ReqTRES mem (else
 *     AllocTRES, else ReqMem) / NNodes MB a node; ReqTRES {@code gres/NAME[:TYPE]} / NNodes a node;
 *     time limit = Timelimit (UNLIMITED or Partition_Limit: the partition's DefaultTime / MaxTime,
 *     else the run time); run time = min(Elapsed, time limit);
 * <li>priority: {@link Priority#MULTIFACTOR} the engine's; {@link Priority#SACCT} sacct's Priority
 *     column, fixed (issue 12's stand-in, kept for comparison);
 * <li>without a dump: every (user, account) of the history gets an association of 1 share under root.
 * </ul>
 * Fair-share usage before the history's first submit is not known: the ledger starts empty.
 */
public final class SiteReplay {

    public enum Priority { MULTIFACTOR, SACCT }

    private SiteReplay() {}

    public static HistoryReplay.Result run(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode) {
        return replay(files, history, phaseSeconds, toleranceSeconds, priorityMode, ProgressListener.NONE, null, null);
    }

    /**
     * As {@link #run}, with the schedulers' passes at the instants slurmctld's log recorded ({@code log}: read with
     * {@code SlurmctldDebug=debug}, {@code DebugFlags=Backfill}; same clock as the history) instead of on the
     * phase grid: the timers' phase and slurmctld's latency are then Slurm's own.
     */
    public static HistoryReplay.Result run(SlurmSite files, SacctHistory history, SlurmctldLog log, Long toleranceSeconds,
            Priority priorityMode) {
        return replay(files, history, 0, toleranceSeconds, priorityMode, ProgressListener.NONE, null, log);
    }

    /** A replay with the reasons the model gives for every job's predicted start (the planner's worst-jobs list). */
    public record Explained(HistoryReplay.Result result, ReplayReasons reasons) {}

    /**
     * As {@link #run}, telling {@code progress} how many jobs have ended now and then (a listener may
     * stop the replay by throwing), and keeping each job's pending reasons ({@link ReplayReasons}).
     */
    public static Explained explain(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode, ProgressListener progress) {
        SimulationResult[] sim = new SimulationResult[1];
        HistoryReplay.Result r = replay(files, history, phaseSeconds, toleranceSeconds, priorityMode, progress, sim, null);
        return new Explained(r, ReplayReasons.of(sim[0]));
    }

    static HistoryReplay.Result replay(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode, ProgressListener progress, SimulationResult[] sim, SlurmctldLog log) {
        return replay(files, history, phaseSeconds, toleranceSeconds, priorityMode, progress, sim, log, BackfillPlans.DEFAULT);
    }

    static HistoryReplay.Result replay(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode, ProgressListener progress, SimulationResult[] sim, SlurmctldLog log, BackfillPlans plans) {
        return replay(files, history, phaseSeconds, toleranceSeconds, priorityMode, progress, sim, log, plans, false);
    }

    /** As above; {@code recording}: the run keeps its event log and segments (tests: where each job ran). */
    static HistoryReplay.Result replay(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode, ProgressListener progress, SimulationResult[] sim, SlurmctldLog log, BackfillPlans plans,
            boolean recording) {
        return replay(files, history, phaseSeconds, toleranceSeconds, priorityMode, progress, sim, log, plans, recording, SameSecond.AUTO);
    }

    /**
     * As above; {@code sameSecond}: without slurmctld's log, the order of the passes and the ends within a second
     * ({@link SameSecond}; null: {@link SameSecond#AUTO}): the grid's passes at the milliseconds of their second its
     * {@link org.preemptlab.slurmsched.PassOrder} gives, each job's end {@link #END_AFTER_START_MILLIS} after the
     * millisecond of the pass that started it ({@link #gridOrder}); {@link SameSecond#ENGINE}: the engine's order (a
     * second's submits and ends before its passes). A log replay has the log's order.
     */
    static HistoryReplay.Result replay(SlurmSite files, SacctHistory history, long phaseSeconds, Long toleranceSeconds,
            Priority priorityMode, ProgressListener progress, SimulationResult[] sim, SlurmctldLog log, BackfillPlans plans,
            boolean recording, SameSecond sameSecond) {
        if (sameSecond == null) sameSecond = SameSecond.AUTO;
        boolean grid = false; // the replay's passes on a grid the history shows: phases inferred (--phase auto, drift) and evident
        long wall = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        NodeCluster built = SiteMapping.cluster(files);
        files.report().warnings().forEach(w -> warnings.add("site: " + w));
        Site site = built.site();
        List<SacctJob> replayed = history.replayed(); // once: a filter of all the rows each time
        if (files.dump().isEmpty()) {
            AccountTree.Builder b = AccountTree.builder();
            Set<String> accounts = new LinkedHashSet<>();
            Set<AssocKey> users = new LinkedHashSet<>();
            for (SacctJob j : replayed) {
                String a = j.account().isEmpty() ? "default" : j.account();
                accounts.add(a);
                users.add(AssocKey.user(j.user().isEmpty() ? "user" : j.user(), a));
            }
            for (String a : accounts) b.account(a, AssocKey.ROOT_NAME, 1);
            for (AssocKey u : users) b.user(u.user(), u.account(), 1);
            site = site.toBuilder().accounts(b.build()).build();
            warnings.add("no --sacctmgr-dump: every (user, account) of the history is an association of 1 share under root, no limits");
        }
        NodeCluster cluster = new NodeCluster(built.pools(), site);
        Set<String> undefined = new java.util.TreeSet<>();
        for (AssocKey k : site.accounts().keys()) for (String q : site.accounts().allowedQos(k)) if (!site.qos().contains(q)) undefined.add(q);
        for (SacctJob j : replayed) if (!j.qos().isEmpty() && !site.qos().contains(j.qos())) undefined.add(j.qos());
        if (!undefined.isEmpty()) {
            warnings.add("QOS " + String.join(", ", undefined) + " named by the dump or the jobs but not defined (give --sacctmgr-qos, "
                    + "the output of sacctmgr -P show qos): their jobs are left out");
        }
        SlurmSchedulerConfig parsed = SlurmSchedulerConfig.of(files.conf().schedulerParameters());
        // the phases are inferred from the history alone (PassPhase.infer: a pure function of the rows and the intervals) on a
        // second thread while this one builds the jobs, which need no phase; joined before anything uses them, and the
        // warnings are added in the order of a serial run
        if (phaseSeconds < 0 && phaseSeconds != PassPhase.AUTO && phaseSeconds != PassPhase.AUTO_DRIFT) {
            throw new IllegalArgumentException("phase is " + phaseSeconds + " s; must be ≥ 0 (or auto)");
        }
        long origin = history.origin();
        boolean drift = phaseSeconds == PassPhase.AUTO_DRIFT;
        boolean infer = (phaseSeconds == PassPhase.AUTO || drift) && (log == null || log.isEmpty());
        SecondThread<PassPhase> inferred = !infer ? null : SecondThread.start("preemptlab-pass-phase", drift
                ? () -> PassPhase.inferDrifting(replayed, origin, parsed.schedIntervalSeconds(), parsed.bfIntervalSeconds(),
                        parsed.batchSchedDelaySeconds())
                : () -> PassPhase.infer(replayed, origin, parsed.schedIntervalSeconds(), parsed.bfIntervalSeconds(),
                        parsed.batchSchedDelaySeconds()));
        List<String> jobWarnings = new ArrayList<>();
        ReplayJobs jobs;
        try {
            jobs = jobs(history, replayed, site, cluster, jobWarnings);
        } catch (RuntimeException | Error e) {
            if (inferred != null) inferred.get(); // no thread is left behind; a failed inference is the run's error, as when it came first
            throw e;
        }
        SlurmSchedulerConfig sched;
        if (phaseSeconds == PassPhase.AUTO || phaseSeconds == PassPhase.AUTO_DRIFT) {
            if (log != null && !log.isEmpty()) {
                sched = parsed.withPhase(0); // the log has the passes' instants
            } else {
                PassPhase pp = inferred.get();
                BackfillPhases pieces = pp.backfillPhases();
                boolean drifts = pp.evident() && pieces != null && pieces.pieces() > 1;
                grid = pp.evident();
                sched = !pp.evident() ? parsed.withPhase(0) : drifts ? parsed.withBackfillPhases(pp.mainPhaseSeconds(), pieces)
                        : parsed.withPhases(pp.mainPhaseSeconds(), pp.bfPhaseSeconds());
                if (drifts) {
                    warnings.add("passes: the backfill's phase drifts (--phase drift): backfill cycles at " + pieces
                            + " + k·bf_interval after the first submit, pieces inferred from the starts no main pass explains");
                }
                if (!pp.evident()) {
                    warnings.add("passes: phase 0 (--phase auto: only " + pp.startsOnPasses() + " of " + pp.starts() + " starts fall in a "
                            + "second with a pass at the best phases found, " + pp.mainPhaseSeconds() + " s and " + pp.bfPhaseSeconds()
                            + " s; the starts do not show Slurm's passes)");
                } else warnings.add("passes: phases inferred from sacct's starts (--phase auto): full main passes at " + pp.mainPhaseSeconds()
                        + " s + k·sched_interval, backfill cycles at " + pp.bfPhaseSeconds() + " s + k·bf_interval after the first submit ("
                        + pp.startsOnPasses() + " of " + pp.starts() + " starts in a second with a pass; --phase SECONDS sets one phase)");
            }
        } else { // a negative phase other than auto was refused above
            sched = parsed.withPhase(phaseSeconds);
        }
        sched.unmodelled().forEach(u -> warnings.add("SchedulerParameters " + u));
        if (!files.conf().schedulerType().equals("sched/backfill")) {
            warnings.add("SchedulerType=" + files.conf().schedulerType() + " replayed as sched/backfill");
        }
        if (priorityMode == Priority.SACCT) {
            warnings.add("priority: sacct's Priority column (the priority at submission), fixed for the whole run (--priority sacct)");
        } else if (site.multifactor()) {
            warnings.add("priority: multifactor, recomputed every PriorityCalcPeriod; fair-share usage from before the history is not "
                    + "known (the ledger starts empty)");
        }

        warnings.addAll(jobWarnings);
        HistoryReplay.historyWarnings(history, warnings);

        SlurmJobAttributes attrs = priorityMode == Priority.MULTIFACTOR ? SlurmJobAttributes.REQUESTED : new SlurmJobAttributes() {
            @Override
            public long priority(JobSpec job) {
                return Math.max(0, jobs.row(job).priority());
            }

            @Override
            public String user(JobSpec job) {
                return SlurmJobAttributes.REQUESTED.user(job);
            }

            @Override
            public String partition(JobSpec job) {
                return SlurmJobAttributes.REQUESTED.partition(job);
            }
        };
        SlurmSchedulerPolicy policy = new SlurmSchedulerPolicy(sched, attrs);
        if (plans == BackfillPlans.WHOLE_NODES) {
            // sacct's times are the local wall clock read as UTC: zone offsets are whole minutes, so the 30-s barriers agree
            policy.withWholeNodePlans().withEpoch(origin); // the default: Slurm's, nothing to warn about
        } else {
            warnings.add("backfill plans: each holds only its job's CPUs, memory and GRES (--backfill-plans own-resources; "
                    + "Slurm's backfill plans whole nodes, the default)");
        }
        if (log != null) {
            if (log.isEmpty()) {
                warnings.add("slurmctld log: no scheduler pass in it (SlurmctldDebug=debug and DebugFlags=Backfill write them): "
                        + "passes on the phase grid");
            } else {
                RecordedPasses rp = RecordedPasses.of(log.fullPasses(), log.eventPasses(), log.backfillCycles(), log.calcTicks(),
                        log.priorityStart(), origin);
                policy.withRecordedPasses(rp);
                warnings.add("passes at the instants of slurmctld's log: " + log.fullPasses().size() + " full, " + log.eventPasses().size()
                        + " after an event, " + log.backfillCycles().size() + " backfill cycles");
            }
        }
        SimulationConfig simConfig = SimulationConfig.of(cluster, jobs.specs(), policy, recording);
        if (log != null && log.priorityStart() != null && site.multifactor()) {
            long epoch = Math.floorDiv(log.priorityStart(), 1000) - origin;
            simConfig = simConfig.withPriorityCalcEpoch(epoch);
            warnings.add("priority: PriorityCalcPeriod ticks at slurmctld's priority start + k·period (" + epoch
                    + " s from the first submit), from its log; each tick at its millisecond among the passes of its second ("
                    + (log.calcTicks().isEmpty() ? "the plugin's start's" : log.calcTicks().size() + " ticks in the log, else the plugin's start's") + ")");
        }
        if (log != null && !log.isEmpty() && (!log.submittedAt().isEmpty() || !log.endedAt().isEmpty())) {
            simConfig = simConfig.withSameSecondOrder(sameSecondOrder(jobs, log, origin));
            warnings.add("same-second order from slurmctld's log: " + simConfig.sameSecond().submitsKnown() + " submits and "
                    + simConfig.sameSecond().endsKnown() + " ends at their millisecond among the passes of their second");
        }
        org.preemptlab.slurmsched.PassOrder passOrder = log != null && !log.isEmpty() ? null : sameSecond.passOrder(grid);
        if (passOrder != null) {
            policy.withSameSecondOrder(passOrder);
            simConfig = simConfig.withSameSecondOrder(gridOrder(jobs.specs()));
            warnings.add("same-second order (--same-second " + sameSecond + (sameSecond == SameSecond.AUTO ? ": main-first" : "")
                    + "): the main passes at ." + String.format("%03d", passOrder.mainMillis()) + " s and the backfill cycles at ."
                    + String.format("%03d", passOrder.backfillMillis()) + " s of their second; each job ends " + END_AFTER_START_MILLIS
                    + " ms after the millisecond of the pass that started it");
        }
        SimulationResult r = new Simulation(simConfig).run(progress);
        if (sim != null) sim[0] = r;
        return jobs.result(r, sched, policy, history, toleranceSeconds, warnings, wall);
    }

    /** The replayed jobs of {@code replayed} on the site, the warnings of those left out or changed into {@code warnings}. */
    private static ReplayJobs jobs(SacctHistory history, List<SacctJob> replayed, Site site, NodeCluster cluster, List<String> warnings) {
        // the tasks of a throttled array queue at the array's first eligibility, as Slurm's meta record waits (ArrayThrottles.queuedAt)
        Map<Long, Integer> throttles = ArrayThrottles.inferred(replayed);
        ReplayJobs jobs = new ReplayJobs(history, cluster, ArrayThrottles.queuedAt(replayed, throttles));
        int noAssoc = 0, noLimit = 0, unknownPart = 0;
        for (SacctJob j : jobs.rows()) {
            int nodes = Math.max(1, j.nodes());
            int cores = Math.max(1, (j.cpus() + nodes - 1) / nodes);
            long memTotal = j.reqTres().getOrDefault("mem", j.allocTres().getOrDefault("mem", Math.max(0, j.reqMemMb())));
            long mem = (memTotal + nodes - 1) / nodes;
            List<String> parts = new ArrayList<>();
            for (String p : j.partition().split(",")) {
                if (p.isBlank()) continue;
                if (site.partitionIndex(p.strip()) < 0) unknownPart++;
                else parts.add(p.strip());
            }
            String user = j.user().isEmpty() ? "user" : j.user();
            String account = j.account().isEmpty() ? "default" : j.account();
            AssocKey assoc = AssocKey.user(user, account);
            String qos = j.qos().isEmpty() ? site.accounts().contains(assoc) ? site.accounts().defaultQos(assoc) : null : j.qos();
            if (!site.accounts().contains(assoc) || qos == null || !site.qos().contains(qos) || !site.accounts().mayUse(assoc, qos)) {
                noAssoc++;
                continue;
            }
            long estimate = j.timelimit();
            if (estimate == SacctJob.UNLIMITED || estimate == SacctJob.PARTITION_LIMIT || estimate < 0) {
                Partition p = parts.isEmpty() ? site.defaultPartition() : site.partition(parts.get(0));
                long t = p == null ? -1 : p.defaultTimeSeconds() > 0 ? p.defaultTimeSeconds() : p.maxTimeSeconds();
                estimate = t > 0 ? t : Math.max(1, j.elapsed());
                noLimit++;
            }
            estimate = Math.max(1, estimate);
            long runtime = Math.min(Math.max(0, j.elapsed()), estimate);
            List<Gres> gres = new ArrayList<>();
            Map<String, Long> typed = new LinkedHashMap<>();
            j.reqTres().forEach((k, v) -> {
                if (k.startsWith("gres/") && k.indexOf(':') > 0) typed.put(k.substring(5), v);
            });
            j.reqTres().forEach((k, v) -> {
                if (!k.startsWith("gres/") || k.indexOf(':') > 0 || v <= 0) return;
                String name = k.substring(5);
                String type = "";
                for (var t : typed.entrySet()) if (t.getKey().startsWith(name + ":") && t.getValue().equals(v)) type = t.getKey().substring(name.length() + 1);
                gres.add(new Gres(name, type, (v + nodes - 1) / nodes));
            });
            SlurmRequest.Builder rb = SlurmRequest.of(user, account).toBuilder().partitions(parts).gresPerNode(gres);
            Integer throttle = j.id().arrayTask() >= 0 ? throttles.get(j.id().base()) : null;
            if (throttle != null) rb.arrayName(Long.toString(j.id().base())).arrayTask((int) j.id().arrayTask()).arrayThrottle(throttle);
            else if (j.id().arrayTask() >= 0) rb.arrayName(Long.toString(j.id().base())).arrayTask((int) j.id().arrayTask()); // for the backfill's array rules
            SlurmRequest req = rb.build();
            jobs.add(new JobSpec(jobs.nextId(), j.id().text(), jobs.queued(j), nodes, cores, mem, estimate, runtime, qos, account,
                    List.of(), true, true, 0, 0, null, req), j);
        }
        if (jobs.unfit() > 0) warnings.add(jobs.unfit() + " jobs fit in none of their partitions' nodes on an empty cluster: left out");
        if (noAssoc > 0) warnings.add(noAssoc + " jobs whose (user, account) association or QOS the site does not have or allow: left out");
        if (unknownPart > 0) warnings.add(unknownPart + " partition names slurm.conf does not have: dropped from the jobs' lists");
        if (noLimit > 0) warnings.add(noLimit + " jobs without a time limit (UNLIMITED, Partition_Limit): the partition's DefaultTime or MaxTime, else their run time");
        return jobs;
    }


    /**
     * How long after the millisecond of the pass that started it a job ends, beyond its whole seconds of run: slurmctld's
     * logs show 15–85 ms (the median of each of the 20 logged runs; 40 ms typical: slurmd's launch and completion). Only the
     * order it gives matters: after the pass that started it, in its end's second, and before a pass placed later.
     */
    public static final long END_AFTER_START_MILLIS = 40;

    /**
     * The same-second order a replay without slurmctld's log takes from Slurm's mechanics ({@code --same-second}): submits
     * at no recorded millisecond (before the passes of their second, as the engine has them: the logs show submits
     * in the first tens of milliseconds of the second more than 9 times in 10), and each job's end at the millisecond of
     * the pass that started it + {@link #END_AFTER_START_MILLIS} in its end's second (its run in whole seconds, from sacct).
     */
    static org.preemptlab.sim.SameSecondOrder gridOrder(List<JobSpec> specs) {
        long[] unknown = new long[specs.size()], run = new long[specs.size()];
        java.util.Arrays.fill(unknown, org.preemptlab.sim.SameSecondOrder.UNKNOWN);
        for (int i = 0; i < specs.size(); i++) run[i] = specs.get(i).runtime() * 1000 + END_AFTER_START_MILLIS;
        return new org.preemptlab.sim.SameSecondOrder(unknown, unknown.clone(), run);
    }

    /**
     * Each replayed job's submit and end at the millisecond slurmctld's log recorded them ({@code _slurm_rpc_submit_batch_job},
     * {@code _job_complete} / {@code Time limit exhausted}), on the replay's clock: an array's tasks at the array's submit;
     * each job's recorded run (its end − its start, {@code sched: Allocate} / {@code _start_job: Started}), from which the
     * engine places its end after the replay's own start (the recorded pass that started it).
     */
    static org.preemptlab.sim.SameSecondOrder sameSecondOrder(ReplayJobs jobs, SlurmctldLog log, long originSeconds) {
        List<JobSpec> specs = jobs.specs();
        long[] submit = new long[specs.size()], end = new long[specs.size()], run = new long[specs.size()];
        long o = originSeconds * 1000;
        for (int i = 0; i < specs.size(); i++) {
            SacctJob row = jobs.row(specs.get(i));
            Long s = log.submittedAt().get(Long.toString(row.id().base()));
            Long e = log.endedAt().get(row.id().text());
            submit[i] = s == null ? org.preemptlab.sim.SameSecondOrder.UNKNOWN : s - o;
            end[i] = e == null ? org.preemptlab.sim.SameSecondOrder.UNKNOWN : e - o;
            Long st = startingPass(log, row.id().text());
            run[i] = e == null || st == null || e < st ? org.preemptlab.sim.SameSecondOrder.UNKNOWN : e - st;
        }
        return new org.preemptlab.sim.SameSecondOrder(submit, end, run);
    }

    /**
     * The recorded instant of the pass that started job {@code id} in slurmctld's log: the last main pass ({@code sched:
     * Allocate}) or backfill cycle ({@code _start_job: Started}) at or before its start line; the start line's own
     * instant when no such pass is logged; null without a start line. A replayed job's run counts from it, as its start
     * in the replay is the instant of the recorded pass that starts it: where the replay starts it in Slurm's pass, it
     * ends at Slurm's millisecond (a start line can come a millisecond or more after its pass's line).
     */
    static Long startingPass(SlurmctldLog log, String id) {
        Long st = log.startedAt().get(id);
        if (st == null) return null;
        long best = Long.MIN_VALUE;
        if ("backfill".equals(log.startedBy().get(id))) {
            for (long c : log.backfillCycles()) if (c <= st) best = Math.max(best, c);
        } else {
            for (long p : log.fullPasses()) if (p <= st) best = Math.max(best, p);
            for (long p : log.eventPasses()) if (p <= st) best = Math.max(best, p);
        }
        return best == Long.MIN_VALUE ? st : best;
    }
}
