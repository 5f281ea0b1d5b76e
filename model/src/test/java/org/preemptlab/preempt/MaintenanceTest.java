package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** Maintenance windows: drain never runs a job across T; checkpoint at T loses no work. */
class MaintenanceTest {

    static final NodeCluster CLUSTER = new NodeCluster(List.of(new NodePool("compute", 8, 4, 0, "", List.of(), 400)));
    static final int[] ALL = {0, 1, 2, 3, 4, 5, 6, 7};

    static List<JobSpec> workload(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JobSpec> jobs = new ArrayList<>();
        long t = 0;
        for (int i = 1; i <= 60; i++) {
            t += random.nextInt(600);
            long run = 300 + random.nextInt(7200);
            jobs.add(new JobSpec(i, "j" + i, t, 1 + random.nextInt(4), 4, 0, run + random.nextInt(3600), run, "normal", "",
                    List.of(), true, true, 2000, 0, null));
        }
        return jobs;
    }

    static SimulationResult run(List<JobSpec> jobs, MaintenanceStrategy strategy) {
        SimulationConfig config = SimulationConfig.of(CLUSTER, jobs, new EasyBackfillPolicy(), true);
        if (strategy != null) {
            config = config.withMaintenance(List.of(new MaintenanceWindow("fs", 10_000, 3_600, ALL, strategy, 1_800)));
        }
        return new Simulation(config).run();
    }

    /*
     * Four 1-core nodes, a drain window on all of them over [1000, 1500). A (2 nodes) runs [0, 300).
     * Head H (4 nodes, estimate 800) arrives at 10: it cannot end before 1000 even once A has ended, so
     * its EASY reservation is at the window's end, 1500. B (2 nodes, estimate 600) arrives at 20 and
     * ends by 620, before the window and long before 1500: it is backfilled at once on the two idle
     * nodes. (A shadow time that ignored the window would put H's reservation at 300, when A ends, and
     * keep B waiting until after the window with the nodes idle.)
     */
    @Test
    void easyReservesTheHeadPastADrainWindowItCannotFinishBefore() {
        NodeCluster four = new NodeCluster(List.of(new NodePool("p", 4, 1, 0, "", List.of(), 400)));
        List<JobSpec> jobs = List.of(
                new JobSpec(1, "A", 0, 2, 1, 0, 300, 300, "normal", "", List.of(), true, true, 0, 0, null),
                new JobSpec(2, "H", 10, 4, 1, 0, 800, 800, "normal", "", List.of(), true, true, 0, 0, null),
                new JobSpec(3, "B", 20, 2, 1, 0, 600, 600, "normal", "", List.of(), true, true, 0, 0, null));
        SimulationConfig config = SimulationConfig.of(four, jobs, new EasyBackfillPolicy(), true)
                .withMaintenance(List.of(new MaintenanceWindow("fs", 1000, 500, new int[] {0, 1, 2, 3}, MaintenanceStrategy.DRAIN, 0)));
        SimulationResult r = new Simulation(config).run();
        assertThat(r.job(2).firstStart()).as("B backfilled before the window").isEqualTo(20);
        assertThat(r.job(1).firstStart()).as("H right after the window").isEqualTo(1500);
        assertThat(r.timeline().log()).filteredOn(e -> e.job() == 2 && e.kind() == org.preemptlab.sim.LogKind.START)
                .singleElement().satisfies(e -> assertThat(e.reason().text()).contains("before head job H's reservation"));
    }

    @Test
    void drainNeverRunsAJobAcrossTheWindow() {
        for (long seed = 1; seed <= 20; seed++) {
            SimulationResult r = run(workload(seed), MaintenanceStrategy.DRAIN);
            for (Segment s : r.timeline().segments()) {
                if (s.kind() == SegmentKind.WAITING) continue;
                assertThat(s.end() <= 10_000 || s.start() >= 13_600)
                        .as("seed %d: %s segment of job %d [%d, %d) overlaps the window", seed, s.kind(), s.job(), s.start(), s.end())
                        .isTrue();
            }
            assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED && j.lostWork() == 0 && j.timesPreempted() == 0);
        }
    }

    @Test
    void checkpointAtTLosesNoWorkAndNothingRunsInTheWindow() {
        for (long seed = 1; seed <= 20; seed++) {
            SimulationResult r = run(workload(seed), MaintenanceStrategy.CHECKPOINT);
            long checkpointed = r.jobs().stream().filter(j -> j.timesCheckpointed() > 0).count();
            assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED && j.lostWork() == 0);
            for (Segment s : r.timeline().segments()) {
                if (s.kind() == SegmentKind.RUNNING || s.kind() == SegmentKind.RESTARTING) {
                    assertThat(s.end() <= 10_000 || s.start() >= 13_600).as("seed %d: job %d computes in the window", seed, s.job()).isTrue();
                }
            }
            if (seed == 1) assertThat(checkpointed).isPositive();
        }
    }

    @Test
    void costBreakdownShowsTheTradeOff() {
        List<JobSpec> jobs = workload(3);
        SimulationResult base = run(jobs, null);
        MaintenanceWindow w = new MaintenanceWindow("fs", 10_000, 3_600, ALL, MaintenanceStrategy.DRAIN, 1_800);
        MaintenanceCost drain = MaintenanceCost.of(run(jobs, MaintenanceStrategy.DRAIN), w, base, 10_800);
        MaintenanceCost checkpoint = MaintenanceCost.of(run(jobs, MaintenanceStrategy.CHECKPOINT), w, base, 10_800);
        MaintenanceCost kill = MaintenanceCost.of(run(jobs, MaintenanceStrategy.KILL), w, base, 10_800);
        assertThat(drain.jobsAcrossStart()).isZero();
        assertThat(drain.lostNodeHours()).isZero();
        assertThat(drain.ioNodeHours()).isZero();
        assertThat(checkpoint.lostNodeHours()).isZero();
        assertThat(checkpoint.ioNodeHours()).isPositive();
        assertThat(kill.lostNodeHours()).isPositive();
        assertThat(drain.idleNodeHoursBefore()).isGreaterThan(checkpoint.idleNodeHoursBefore());
        for (JobRun j : run(jobs, MaintenanceStrategy.KILL).jobs()) assertThat(j.state()).isEqualTo(JobState.COMPLETED);
    }
}
