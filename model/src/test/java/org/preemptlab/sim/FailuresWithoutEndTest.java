package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.time.SimTime;

/**
 * Node failures keep generating events (each repair draws the node's next failure), so a run whose waiting
 * jobs can never start used to go on for ever: the "no event left" check that stops a stuck run never fired,
 * and the clock ran past {@link SimTime#MAX_SECONDS} towards overflow (a job wider than the machine: 20 million
 * steps reached t = 4.3e11 s, 14,000 years, and went on). Such a run now ends with an error naming the time and
 * the job; one kept going by the failures themselves (a job that needs every node up at once) is stopped at
 * {@link FailureModel#MAX_SIMULATED_FAILURES} failures or {@link FailureModel#MAX_RUN_SECONDS}. The timeouts are
 * guards only (minutes; the runs take well under a second).
 */
class FailuresWithoutEndTest {

    private static JobSpec job(int id, String name, long submit, int nodes, long runtime) {
        return new JobSpec(id, name, submit, nodes, 8, 0, runtime, runtime, "normal", "", List.of(), true, false, 0, 0, null);
    }

    private static Scenario scenario(int nodes, List<JobSpec> jobs, long mtbf, long repair) {
        return new Scenario("failures", "", 1, new NodeCluster(List.of(new NodePool("c", nodes, 8, 0, "", List.of(), 100))),
                jobs, SchedulerSpec.of(SchedulerKind.EASY), null, null, null, new FailureModel(mtbf, repair, 1), null, null, null);
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aJobThatNeverFitsEndsTheRunWithFailuresAsWithout() {
        List<JobSpec> jobs = List.of(job(1, "small", 0, 1, 3600), job(2, "big", 0, 3, 3600));
        for (FailureModel f : List.of(FailureModel.NONE, new FailureModel(86_400, 600, 1))) {
            Scenario s = scenario(2, jobs, 86_400, 600);
            Scenario run = f.enabled() ? s : new Scenario(s.name(), "", 1, s.cluster(), jobs, s.scheduler(), null, null,
                    null, null, null, null, null);
            assertThatThrownBy(() -> new Simulation(run.toConfig(false)).run()).as("failures %s", f)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("the run cannot go on at t=" + (f.enabled() ? "" : "3600"))
                    .hasMessageContaining("the first waiting job big needs 3 nodes")
                    .hasMessageContaining(f.enabled() ? "since t=3600 nothing but node failures and repairs has happened" : "");
        }
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aJobThatNeedsEveryNodeUpAtOnceStopsTheRunAtTheBound() {
        // 64 nodes, a day between failures and a day's repair: about half are down at a time, all 64 up almost never
        Scenario s = scenario(64, List.of(job(1, "small", 0, 1, 3600), job(2, "big", 864_000, 64, 3600)), 86_400, 86_400);
        assertThatThrownBy(() -> new Simulation(s.toConfig(false)).boundingFailures(20_000, FailureModel.MAX_RUN_SECONDS).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after 20000 node failures: at most 20000 are simulated")
                .hasMessageContaining("the first, big, needs 64 nodes")
                .hasMessageContaining("nodeMtbf 86400 s, repair 86400 s");
        assertThatThrownBy(() -> new Simulation(s.toConfig(false)).boundingFailures(Long.MAX_VALUE, 10_000_000).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageMatching("(?s)the run stopped at t=\\d+ .*: the next event, at t=\\d+, is past 10000000 s.*");
    }

    @Test
    void theBoundsLieBeyondWhatAScenarioMayAsk() {
        assertThat(FailureModel.MAX_RUN_SECONDS).isEqualTo(10 * SimTime.MAX_SECONDS);
        assertThat(FailureModel.MAX_SIMULATED_FAILURES).isGreaterThan(FailureModel.MAX_EXPECTED_FAILURES);
    }

    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aRunThatEndsIsNotStopped() {
        Scenario s = scenario(8, List.of(job(1, "a", 0, 1, 3600), job(2, "b", 100, 8, 7200), job(3, "c", 200, 4, 3600)),
                86_400, 3600);
        SimulationResult r = new Simulation(s.toConfig(false)).boundingFailures(1_000, FailureModel.MAX_RUN_SECONDS).run();
        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
    }

    /**
     * On a Slurm site a job that can never start (its partition is DOWN) is ended FAILED when nothing else can happen,
     * as Slurm would keep it pending for ever: with failures that moment never came, and the run did not end.
     */
    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aSlurmJobThatCanNeverStartIsEndedWithFailuresAsWithout() throws Exception {
        for (String failures : new String[] {"", "\"failures\": {\"nodeMtbf\": \"1d\", \"repair\": \"1h\"},"}) {
            String json = """
                    {"formatVersion": 2, "name": "t",
                     "cluster": {"nodes": [{"name": "cn", "hostNames": "cn[1-2]", "cpus": 8, "realMemory": "16G"}], "defMemPerCpu": 1024},
                     "partitions": [{"name": "batch", "nodes": ["cn"], "default": true, "maxTime": "1d"},
                                    {"name": "closed", "nodes": ["cn"], "maxTime": "1d", "state": "DOWN"}],
                     "accounts": [{"name": "lab", "users": [{"name": "ana"}]}],
                     "policy": {"scheduler": "easy"}, %s
                     "jobs": [{"name": "a", "submit": 0, "user": "ana", "ntasks": 8, "estimate": "2h", "runtime": "1h"},
                              {"name": "never", "submit": 0, "user": "ana", "partition": "closed", "ntasks": 1, "estimate": "1h", "runtime": "1h"}]}
                    """.formatted(failures);
            Scenario s = org.preemptlab.io.scenario.ScenarioReader.read(json, "t.json", java.nio.file.Path.of("."));
            SimulationResult r = new Simulation(s.toConfig(false)).run();
            JobRun never = r.jobs().stream().filter(j -> j.spec().name().equals("never")).findFirst().orElseThrow();
            assertThat(never.state()).as("failures: %s", !failures.isEmpty()).isEqualTo(JobState.FAILED);
            assertThat(r.jobs().stream().filter(j -> j.spec().name().equals("a")).findFirst().orElseThrow().state())
                    .isEqualTo(JobState.COMPLETED);
        }
    }
}
