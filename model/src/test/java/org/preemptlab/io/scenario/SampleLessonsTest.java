package org.preemptlab.io.scenario;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioException;

import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.job.JobSpec;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.testing.SharedFiles;

/**
 * Each teaching sample shows what its description says: the figures come from running the engine
 * on the sample file, and each assertion would fail if the sample (or the engine) stopped showing it.
 */
class SampleLessonsTest {

    private static final long HOUR = 3600;
    private static final long DAY = 86_400;

    private static Scenario sample(String name) throws ScenarioException {
        return ScenarioReader.read(ScenarioTestSupport.repoRoot().resolve("sample-clusters").resolve(name));
    }

    private static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    private static Scenario withRules(Scenario s, PreemptionRules rules) {
        return new Scenario(s.name(), s.description(), s.seed(), s.cluster(), s.jobs(), s.scheduler(), rules, s.settings(),
                s.maintenance(), s.failures(), s.horizon(), s.trace(), s.traceReport(), s.initialRuns());
    }

    /** The same rules with no one allowed to preempt (tiers still order the queue). */
    private static PreemptionRules noPreemption(PreemptionRules r) {
        return new PreemptionRules(false, false, r.tiers(), r.victimOrder(), r.exemptSeconds(), r.chains(), r.defaultChain());
    }

    // ------------------------------------------------------------------ the existing teaching samples

    private static JobRun job(SimulationResult r, String name) {
        return r.jobs().stream().filter(j -> j.spec().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void easyAndConservativeDifferVisibly() throws Exception {
        Scenario s = sample("easy-vs-conservative.json");
        assertThat(s.scheduler().kind()).isEqualTo(SchedulerKind.EASY);
        SimulationResult easy = run(s);
        SimulationResult conservative = run(s.withScheduler(SchedulerSpec.of(SchedulerKind.CONSERVATIVE)));
        // EASY protects only the head job: Sneaky backfills at once and Full waits for it
        assertThat(job(easy, "Sneaky").firstStart()).isEqualTo(job(easy, "Sneaky").spec().submit());
        assertThat(job(easy, "Full").firstStart()).isEqualTo(job(easy, "Sneaky").end());
        // conservative promised the machine to Full when Head ends: Sneaky waits behind it
        assertThat(job(conservative, "Full").firstStart()).isEqualTo(job(conservative, "Head").end()).isEqualTo(2 * HOUR);
        assertThat(job(conservative, "Sneaky").firstStart()).isGreaterThanOrEqualTo(job(conservative, "Full").end());
        assertThat(job(conservative, "J5").totalWait()).isLessThan(job(easy, "J5").totalWait());
        assertThat(MetricsCalculator.of(easy).meanWaitSeconds()).isNotEqualTo(MetricsCalculator.of(conservative).meanWaitSeconds());
    }

    @Test
    void aSuspendThatCannotFreeMemoryEscalatesToCheckpoint() throws Exception {
        SimulationResult r = run(sample("suspend-vs-memory.json"));
        JobRun borrower = job(r, "Borrower");
        assertThat(borrower.preemptionsBy(PreemptMechanism.SUSPEND)).as("SmallOwner: a suspend is enough").isEqualTo(1);
        assertThat(borrower.preemptionsBy(PreemptMechanism.CHECKPOINT)).as("BigOwner: escalated to checkpoint").isEqualTo(1);
        assertThat(borrower.lostWork()).isZero();
        assertThat(job(r, "SmallOwner").totalWait()).isZero();
        assertThat(job(r, "BigOwner").totalWait()).as("waits for the checkpoint write").isPositive().isEqualTo(borrower.checkpointSeconds());
    }

    // ------------------------------------------------------------------ T3E nights

    @Test
    void t3eFullMachineJobsRunOnlyAtNightAndDayJobsAreCheckpointedNotKilled() throws Exception {
        Scenario s = sample("t3e-full-machine-nights.json");
        SimulationResult r = run(s);
        int machine = r.cluster().nodeCount();
        List<JobRun> full = r.jobs().stream().filter(j -> j.spec().qos().equals("fullmachine")).toList();
        assertThat(full).hasSizeGreaterThanOrEqualTo(2);
        for (JobRun j : full) {
            assertThat(j.spec().nodes()).as("%s takes the whole machine", j.spec().name()).isEqualTo(machine);
            long timeOfDay = j.firstStart() % DAY;
            assertThat(timeOfDay >= 22 * HOUR || timeOfDay < 6 * HOUR)
                    .as("%s starts at %d s after midnight: must be at night (22:00-06:00)", j.spec().name(), timeOfDay)
                    .isTrue();
            long endOfDay = j.end() % DAY;
            assertThat(j.end() - j.firstStart()).isLessThan(8 * HOUR);
            assertThat(endOfDay < 6 * HOUR || endOfDay >= 22 * HOUR).as("%s ends by 06:00", j.spec().name()).isTrue();
            // the machine is emptied by checkpoints (128 PEs x 200 MB at 400 MB/s: about a minute), not by draining
            assertThat(j.totalWait()).as("wait of %s", j.spec().name()).isLessThan(5 * 60);
        }
        Metrics m = MetricsCalculator.of(r);
        assertThat(m.preemptionsByMechanism().get("checkpoint")).as("day jobs checkpointed").isGreaterThanOrEqualTo(full.size());
        assertThat(m.preemptionsByMechanism().getOrDefault("kill", 0)).isZero();
        assertThat(m.preemptionsByMechanism().getOrDefault("requeue", 0)).isZero();
        assertThat(m.killedJobs()).isZero();
        assertThat(m.lostWorkProcSeconds()).as("no work lost").isZero();
        for (LogEntry e : r.timeline().log()) {
            if (e.kind() == LogKind.PREEMPT) {
                assertThat(r.jobs().get(e.job()).spec().qos()).as("only day jobs are preempted").isEqualTo("normal");
            }
        }
        for (JobRun j : r.jobs()) {
            if (j.timesPreempted() > 0) {
                assertThat(j.timesCheckpointed()).as("%s preempted by checkpoint", j.spec().name()).isPositive();
                assertThat(j.end()).isPositive();
            }
        }

        SimulationResult drained = run(withRules(s, noPreemption(s.rules())));
        Metrics md = MetricsCalculator.of(drained);
        assertThat(m.utilization()).as("utilization with checkpoint preemption vs draining for the night job")
                .isGreaterThan(md.utilization());
        long longestNightWait = drained.jobs().stream().filter(j -> j.spec().qos().equals("fullmachine"))
                .mapToLong(JobRun::totalWait).max().orElseThrow();
        assertThat(longestNightWait).as("without preemption a full-machine job waits hours for the drain")
                .isGreaterThan(2 * HOUR);
    }

    // ------------------------------------------------------------------ university

    @Test
    void universityOwnersStartWithinTheirDepartmentsBound() throws Exception {
        Scenario s = sample("owner-pools-university.json");
        NodeCluster cluster = (NodeCluster) s.cluster();
        List<NodePool> departments = cluster.pools().stream().filter(p -> !p.isPublic()).toList();
        assertThat(departments).hasSizeBetween(3, 4);
        assertThat(departments.stream().map(NodePool::nodes).distinct().count()).as("different sizes").isGreaterThan(1);
        assertThat(departments.stream().map(NodePool::memoryPerNodeMb).distinct().count()).as("different memory").isGreaterThan(1);

        SimulationResult r = run(s);
        Map<String, Long> boundByOwner = new HashMap<>();
        for (NodePool p : departments) boundByOwner.put(p.owner(), ownerBound(s, p));
        Map<String, Integer> ownerJobs = new HashMap<>();
        for (JobRun j : r.jobs()) {
            String group = j.spec().group();
            if (!boundByOwner.containsKey(group)) continue;
            ownerJobs.merge(group, 1, Integer::sum);
            assertThat(j.totalWait()).as("%s (%s) waited %d s; the %s bound is %d s", j.spec().name(), group, j.totalWait(),
                    group, boundByOwner.get(group)).isLessThanOrEqualTo(boundByOwner.get(group));
            assertThat(j.timesPreempted()).as("owner job %s is never preempted", j.spec().name()).isZero();
        }
        assertThat(ownerJobs.keySet()).as("every department runs jobs").isEqualTo(boundByOwner.keySet());

        Metrics m = MetricsCalculator.of(r);
        assertThat(m.preemptionsByMechanism().get("suspend")).as("suspended borrowers").isPositive();
        assertThat(m.preemptionsByMechanism().get("checkpoint")).as("checkpointed borrowers").isPositive();
        assertThat(m.preemptionsByMechanism().get("requeue")).as("requeued borrowers").isPositive();
        assertThat(m.killedJobs()).isZero();
        // the reclaiming happened on every department's pool
        Set<String> reclaimed = new java.util.HashSet<>();
        for (LogEntry e : r.timeline().log()) {
            if (e.kind() == LogKind.PREEMPT && e.reason() instanceof org.preemptlab.preempt.PreemptReason.OwnerReclaims o) {
                reclaimed.add(o.pool());
            }
        }
        assertThat(reclaimed).containsExactlyInAnyOrderElementsOf(departments.stream().map(NodePool::name).toList());

        SimulationResult noOwners = run(withRules(s, noPreemption(s.rules())));
        long maxOwnerWait = noOwners.jobs().stream().filter(j -> boundByOwner.containsKey(j.spec().group()))
                .mapToLong(JobRun::totalWait).max().orElseThrow();
        assertThat(maxOwnerWait).as("without owner preemption an owner waits far longer than any bound")
                .isGreaterThan(boundByOwner.values().stream().mapToLong(Long::longValue).max().orElseThrow() * 10);
    }

    /**
     * How long an owner of {@code pool} may wait at most: the grace time if a borrower admitted
     * there may be requeued or killed; the time to write every borrower's image at once through the
     * pool's storage if one may be checkpointed (also after a suspend escalates); a suspend alone is
     * immediate.
     */
    private static long ownerBound(Scenario s, NodePool pool) {
        long bound = 0;
        long maxImage = 0;
        int minCores = Integer.MAX_VALUE;
        boolean checkpoints = false;
        for (JobSpec j : s.jobs()) {
            if (!pool.isBorrowableBy(j) || pool.isOwnedBy(j)) continue;
            List<PreemptMechanism> chain = s.rules().chainFor(j.qos());
            if (chain.get(0) == PreemptMechanism.REQUEUE || chain.get(0) == PreemptMechanism.KILL) {
                bound = Math.max(bound, s.settings().graceSeconds());
            }
            if (chain.contains(PreemptMechanism.CHECKPOINT) && chain.get(0) != PreemptMechanism.REQUEUE) checkpoints = true;
            maxImage = Math.max(maxImage, j.imageMbPerNode());
            minCores = Math.min(minCores, j.coresPerNode());
        }
        if (checkpoints) {
            long jobsPerNode = pool.coresPerNode() / minCores;
            double mb = (double) pool.nodes() * jobsPerNode * maxImage;
            bound = Math.max(bound, (long) Math.ceil(mb / pool.checkpointBandwidthMBps()));
        }
        return bound;
    }

    // ------------------------------------------------------------------ maintenance

    @Test
    void maintenanceDrainHasNoJobAcrossTAndCheckpointLosesNoWork() throws Exception {
        Scenario s = sample("maintenance-drain-vs-checkpoint.json");
        assertThat(s.cluster().nodeCount()).isEqualTo(64);
        assertThat(s.maintenance()).hasSize(1);
        MaintenanceWindow w = s.maintenance().get(0);
        assertThat(w.duration()).isEqualTo(4 * HOUR);
        assertThat(w.nodes()).hasSize(64);
        long before = s.jobs().stream().filter(j -> j.submit() < w.start()).count();
        assertThat(before).as("jobs submitted before the window").isGreaterThanOrEqualTo(30);
        assertThat(s.jobs().stream().filter(j -> j.estimate() > j.runtime()).count())
                .as("estimates longer than run times").isEqualTo(s.jobs().size());
        assertThat(s.jobs().stream().map(JobSpec::nodes).distinct().count()).as("job sizes").isGreaterThanOrEqualTo(4);

        SimulationResult baseline = run(s.withMaintenance(List.of()));
        long lookBack = s.jobs().stream().mapToLong(JobSpec::estimate).max().orElseThrow();
        MaintenanceCost drain = cost(s, w, MaintenanceStrategy.DRAIN, baseline, lookBack);
        assertThat(w.strategy()).as("the file uses the default strategy").isEqualTo(MaintenanceStrategy.CHECKPOINT_BEFORE);
        MaintenanceCost checkpoint = cost(s, w, MaintenanceStrategy.CHECKPOINT_BEFORE, baseline, lookBack);
        assertThat(checkpoint.checkpointMisses()).as("every image written by 12:00").isEmpty();

        assertThat(drain.jobsAcrossStart()).as("drain: jobs running across T").isZero();
        assertThat(drain.lostNodeHours()).isZero();
        assertThat(drain.ioNodeHours()).isZero();
        assertThat(checkpoint.lostNodeHours()).as("checkpoint: lost node-hours").isZero();
        assertThat(checkpoint.ioNodeHours()).as("checkpoint: I/O node-hours").isPositive();
        assertThat(drain.idleNodeHoursBefore()).as("drain idles nodes before T").isGreaterThan(checkpoint.idleNodeHoursBefore() + 100);
        assertThat(drain.addedWaitHours()).as("the two strategies' added wait differs")
                .isNotCloseTo(checkpoint.addedWaitHours(), org.assertj.core.data.Offset.offset(10.0));
    }

    /**
     * maintenance-checkpoint-before-T.json: the same workload and window as maintenance-checkpoint.json; with
     * checkpoint-before every image is written by 10:00 (none with at T is), without contention (less I/O)
     * and without lost work; the file says which strategy it uses, and so does its twin.
     */
    @Test
    void checkpointBeforeTWritesEveryImageBeforeTheWindow() throws Exception {
        Scenario before = sample("maintenance-checkpoint-before-T.json");
        Scenario at = sample("maintenance-checkpoint.json");
        assertThat(before.maintenance()).singleElement().extracting(MaintenanceWindow::strategy).isEqualTo(MaintenanceStrategy.CHECKPOINT_BEFORE);
        assertThat(at.maintenance()).singleElement().extracting(MaintenanceWindow::strategy).isEqualTo(MaintenanceStrategy.CHECKPOINT);
        assertThat(before.jobs()).isEqualTo(at.jobs());
        MaintenanceWindow wb = before.maintenance().get(0);
        MaintenanceWindow wa = at.maintenance().get(0);
        SimulationResult baseline = run(before.withMaintenance(List.of()));
        long lookBack = before.jobs().stream().mapToLong(JobSpec::estimate).max().orElseThrow();
        MaintenanceCost b = MaintenanceCost.of(run(before), wb, baseline, lookBack);
        MaintenanceCost a = MaintenanceCost.of(run(at), wa, baseline, lookBack);

        assertThat(b.checkpointMisses()).as("checkpoint-before: writes still going at 10:00").isEmpty();
        assertThat(a.checkpointMisses()).as("checkpoint at T: writes inside the window").hasSizeGreaterThanOrEqualTo(3);
        assertThat(b.lostNodeHours()).isZero();
        assertThat(b.ioNodeHours()).as("written one after another: no contention").isPositive().isLessThan(a.ioNodeHours());
        SimulationResult r = run(before);
        long checkpointedBeforeT = r.timeline().segments().stream()
                .filter(x -> x.kind() == org.preemptlab.sim.SegmentKind.CHECKPOINTING && x.end() <= wb.start() && x.end() > wb.start() - 3600)
                .count();
        assertThat(checkpointedBeforeT).as("checkpoints written in the hour before 10:00").isGreaterThanOrEqualTo(3);
        assertThat(r.jobs()).allMatch(j -> j.state() == org.preemptlab.job.JobState.COMPLETED);
    }

    private static MaintenanceCost cost(Scenario s, MaintenanceWindow w, MaintenanceStrategy strategy, SimulationResult baseline,
            long lookBack) {
        MaintenanceWindow v = new MaintenanceWindow(w.name(), w.start(), w.duration(), w.nodes(), strategy, 0);
        return MaintenanceCost.of(run(s.withMaintenance(List.of(v))), v, baseline, lookBack);
    }

    // ------------------------------------------------------------------ aggressive checkpoint backfill

    @Test
    void aggressiveCheckpointBackfillCheckpointsSomeJobsAndShortensTheWaitVersusEasy() throws Exception {
        Scenario s = sample("aggressive-checkpoint-backfill.json");
        assertThat(s.scheduler().kind()).isEqualTo(SchedulerKind.AGGRESSIVE_CHECKPOINT);
        assertThat(s.cluster()).isInstanceOf(ProcessorMachine.class);
        assertThat(s.jobs()).hasSizeBetween(200, 400);
        SimulationResult aggressive = run(s);
        SimulationResult easy = run(s.withScheduler(SchedulerSpec.of(SchedulerKind.EASY)));
        Metrics ma = MetricsCalculator.of(aggressive);
        Metrics me = MetricsCalculator.of(easy);
        assertThat(ma.checkpoints()).as("jobs checkpointed").isPositive();
        assertThat(ma.preemptionsByMechanism().get("checkpoint")).isPositive();
        assertThat(ma.preemptedJobShare()).as("only a few jobs pay for it").isLessThan(0.10);
        assertThat(ma.lostWorkProcSeconds()).isZero();
        assertThat(ma.completedJobs()).isEqualTo(s.jobs().size());
        assertThat(me.checkpoints()).isZero();
        assertThat(ma.meanWaitSeconds()).as("mean wait: aggressive %.0f s vs EASY %.0f s", ma.meanWaitSeconds(), me.meanWaitSeconds())
                .isLessThan(me.meanWaitSeconds() * 0.9);
    }

    /** The embedded jobs are the SWF reader's reading of the named trace slice, submit times shifted to start at 0. */
    @Test
    void aggressiveSampleJobsAreTheSdscBlueSlice() throws Exception {
        Path trace = SharedFiles.require("traces/SDSC-BLUE-2000-4.2-cln.swf.gz");
        Scenario s = sample("aggressive-checkpoint-backfill.json");
        var read = SwfReader.read(trace, SwfReadOptions.defaults());
        List<JobSpec> all = read.jobs();
        int first = -1;
        for (int i = 0; i < all.size() && first < 0; i++) if (all.get(i).name().equals(s.jobs().get(0).name())) first = i;
        assertThat(first).as("first sample job %s in the trace", s.jobs().get(0).name()).isNotNegative();
        long base = all.get(first).submit();
        for (int i = 0; i < s.jobs().size(); i++) {
            JobSpec mine = s.jobs().get(i);
            JobSpec theirs = all.get(first + i);
            assertThat(mine.name()).isEqualTo(theirs.name());
            assertThat(mine.submit()).as("submit of %s", mine.name()).isEqualTo(theirs.submit() - base);
            assertThat(mine.nodes() * mine.coresPerNode()).as("procs of %s", mine.name()).isEqualTo(theirs.nodes() * theirs.coresPerNode());
            assertThat(mine.estimate()).as("estimate of %s", mine.name()).isEqualTo(theirs.estimate());
            assertThat(mine.runtime()).as("runtime of %s", mine.name()).isEqualTo(theirs.runtime());
        }
        assertThat(((ProcessorMachine) s.cluster()).procs()).isEqualTo(read.machineProcs());
    }
}
