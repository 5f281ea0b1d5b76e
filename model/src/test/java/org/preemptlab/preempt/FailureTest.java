package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.report.EventsCsvWriter;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** Random node failures and periodic (Young/Daly) checkpoints. */
class FailureTest {

    @Test
    void youngAndDalyIntervals() {
        // δ = 200 s, M = 1 day: Young √(2·200·86400) = 5879 s; Daly = Young·(1 + √r/3 + r/9) − δ with r = δ/2M
        assertThat(CheckpointPeriod.YOUNG.interval(200, 86_400)).isEqualTo(5879);
        double r = 200.0 / (2 * 86_400);
        assertThat((double) CheckpointPeriod.DALY.interval(200, 86_400))
                .isCloseTo(Math.sqrt(2 * 200 * 86_400) * (1 + Math.sqrt(r) / 3 + r / 9) - 200, within(1.0));
        assertThat(CheckpointPeriod.DALY.interval(500, 200)).isEqualTo(200); // δ ≥ 2M: τ = M
        assertThat(CheckpointPeriod.NONE.interval(200, 86_400)).isZero();
    }

    static List<JobSpec> jobs(boolean rerunnable) {
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            jobs.add(new JobSpec(i, "j" + i, i * 600L, 2, 8, 0, 40_000, 30_000, "normal", "", List.of(), rerunnable, true,
                    4000, 0, null));
        }
        return jobs;
    }

    static SimulationResult run(List<JobSpec> jobs, FailureModel failures) {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("c", 16, 8, 0, "", List.of(), 100)));
        return new Simulation(SimulationConfig.of(cluster, jobs, new EasyBackfillPolicy(), true).withFailures(failures)
                .withPreemption(PreemptionSettings.defaults())).run();
    }

    @Test
    void failuresKillJobsAndDalyCheckpointsLimitTheLoss() {
        FailureModel failures = new FailureModel(5 * 86_400, 1800, 42);
        SimulationResult without = run(jobs(true), failures);
        SimulationResult daly = run(jobs(true), failures.withPeriodic(CheckpointPeriod.DALY));
        assertThat(without.timeline().log()).anyMatch(e -> e.kind() == LogKind.FAIL);
        assertThat(without.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(daly.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        Metrics m0 = MetricsCalculator.of(without);
        Metrics m1 = MetricsCalculator.of(daly);
        assertThat(m0.lostWorkProcSeconds()).isPositive();
        assertThat(m1.checkpoints()).isPositive();
        assertThat(m1.lostWorkProcSeconds()).isLessThan(m0.lostWorkProcSeconds());
        // same seed, same failures, same log
        assertThat(run(jobs(true), failures).timeline().hash()).isEqualTo(without.timeline().hash());
    }

    @Test
    void aJobThatIsNotRerunnableFailsForGood() {
        SimulationResult r = run(jobs(false), new FailureModel(2 * 86_400, 600, 7));
        assertThat(r.jobs()).anyMatch(j -> j.state() == JobState.FAILED);
        assertThat(r.jobs()).allMatch(j -> j.state().isTerminal());
    }

    /**
     * A job requeued after a node failure starts again as a {@code restart} (it did not use to be: only a
     * preempted job or one with a restart cost was logged so), so that each job has exactly one {@code start}
     * in the events CSV and counting starts counts jobs.
     */
    @Test
    void aJobRequeuedAfterANodeFailureRestartsInTheEventsCsv() throws IOException {
        SimulationResult r = run(jobs(true), new FailureModel(5 * 86_400, 1800, 42));
        Map<Integer, List<LogKind>> starts = new HashMap<>();
        Map<Integer, Boolean> failedBefore = new HashMap<>();
        int restartsAfterFailure = 0;
        for (LogEntry e : r.timeline().log()) {
            if (e.kind() == LogKind.FAIL) failedBefore.put(e.job(), true);
            if (e.kind() == LogKind.START || e.kind() == LogKind.RESTART) {
                starts.computeIfAbsent(e.job(), k -> new ArrayList<>()).add(e.kind());
                if (failedBefore.containsKey(e.job())) {
                    assertThat(e.kind()).as("job %d starts again after its node failed", e.job()).isEqualTo(LogKind.RESTART);
                    restartsAfterFailure++;
                }
            }
        }
        assertThat(restartsAfterFailure).as("the seed makes failures that requeue running jobs").isPositive();
        for (var e : starts.entrySet()) {
            assertThat(e.getValue().get(0)).as("job %d's first start", e.getKey()).isEqualTo(LogKind.START);
            assertThat(e.getValue().subList(1, e.getValue().size())).as("job %d's later starts", e.getKey())
                    .allMatch(k -> k == LogKind.RESTART);
        }
        StringWriter csv = new StringWriter();
        EventsCsvWriter.write(csv, r);
        long startRows = csv.toString().lines().filter(l -> l.split(",", -1)[1].equals("start")).count();
        long restartRows = csv.toString().lines().filter(l -> l.split(",", -1)[1].equals("restart")).count();
        assertThat(startRows).as("one start row per job").isEqualTo(r.jobs().size());
        assertThat(restartRows).isEqualTo(restartsAfterFailure);
    }

    @Test
    void aJobThatCannotOutliveItsNodesEndsAfterFiveFailuresWithoutProgressInsteadOfForever() {
        // a failure per node per second (mean), repaired in a second: no job of 1000 s can ever finish
        SimulationResult r = run(jobs(true).subList(0, 3), new FailureModel(1, 1, 9));
        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.FAILED);
        for (int job = 0; job < 3; job++) {
            int index = job;
            List<LogEntry> fails = r.timeline().log().stream().filter(e -> e.job() == index && e.kind() == LogKind.FAIL).toList();
            assertThat(fails).hasSize(5);
            assertThat(fails.get(4).reason().text()).contains("failed 5 times in a row without saving any work: not requeued again");
        }
    }
}
