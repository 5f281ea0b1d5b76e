package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.workload.WorkloadGenerator;

/**
 * A completed job lets go of its placement (a one-shot run of a 200,000-job trace keeps every job to the end; its
 * placements die young instead of being copied to the old generation): {@link org.preemptlab.job.JobView#placement()} of a completed
 * job is null, recording or not. Where it ran stays readable where it is recorded, in the timeline's running
 * segments, and the schedule is the same either way.
 */
class FinishedJobPlacementTest {

    private static final int PROCS = 128;

    private static SimulationResult run(boolean recording) {
        List<JobSpec> jobs = WorkloadGenerator.loaded(2_000, PROCS, 0.9, 11).generate();
        return new Simulation(SimulationConfig.of(new ProcessorMachine(PROCS), jobs, new EasyBackfillPolicy(), recording)).run();
    }

    @Test
    void aCompletedJobHoldsNoPlacementAndItsNodesStayInTheRecordedSegments() {
        SimulationResult off = run(false);
        SimulationResult on = run(true);
        assertThat(off.jobs()).hasSize(2_000);
        Set<Integer> withSegments = new HashSet<>();
        for (Segment s : on.timeline().segments()) {
            if (s.kind() != SegmentKind.RUNNING) continue;
            assertThat(s.nodes()).as("running segment of job %d", s.job()).hasSize(on.job(s.job()).spec().procs());
            withSegments.add(s.job());
        }
        for (SimulationResult r : List.of(off, on)) {
            for (JobRun j : r.jobs()) {
                assertThat(j.state()).as("%s", j).isEqualTo(JobState.COMPLETED);
                assertThat(j.placement()).as("placement of %s after the run (recording %s)", j, r.timeline().isRecording())
                        .isNull();
                assertThat(j.spec().procs()).isPositive(); // the metrics' node counts come from the spec, not the placement
            }
        }
        assertThat(withSegments).as("jobs whose nodes the recorded timeline keeps").hasSize(2_000);
        assertThat(off.timeline().segments()).isEmpty();
        for (int i = 0; i < off.jobs().size(); i++) {
            assertThat(off.job(i).firstStart()).isEqualTo(on.job(i).firstStart());
            assertThat(off.job(i).end()).isEqualTo(on.job(i).end());
        }
    }

    /**
     * A job ended for good by a node failure (FAILED, not rerunnable) lets go of its placement as a completed one
     * does: it held it to the end of the run before, one per failed or killed job of a long run with failures.
     * The FAIL entry of the log still names its nodes.
     */
    @Test
    void aJobEndedByANodeFailureHoldsNoPlacementAndTheLogKeepsItsNodes() {
        List<JobSpec> jobs = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            jobs.add(new JobSpec(i, "j" + i, i * 600L, 1 + i % 4, 8, 0, 30_000, 20_000, "normal", "", List.of(), false,
                    false, 0, 0, null));
        }
        Scenario s = new Scenario("failures", "", 5, new NodeCluster(List.of(new NodePool("c", 8, 8, 0, "", List.of(), 100))),
                jobs, SchedulerSpec.of(SchedulerKind.EASY), null, null, null,
                new FailureModel(20_000, 600, 5), null, null, null);
        for (boolean recording : new boolean[] {false, true}) {
            SimulationResult r = new Simulation(s.toConfig(recording)).run();
            List<JobRun> failed = r.jobs().stream().filter(j -> j.state() == JobState.FAILED).toList();
            assertThat(failed).as("jobs ended by a failure (recording %s)", recording).isNotEmpty();
            for (JobRun j : r.jobs()) {
                assertThat(j.state().isTerminal()).as("%s", j).isTrue();
                assertThat(j.placement()).as("placement of %s after the run (recording %s)", j, recording).isNull();
            }
            if (recording) {
                for (JobRun j : failed) {
                    assertThat(r.timeline().log()).as("the FAIL entry of %s", j)
                            .anyMatch(e -> e.kind() == LogKind.FAIL && e.job() == j.index() && e.nodes().length == j.spec().nodes());
                }
            }
        }
    }
}
