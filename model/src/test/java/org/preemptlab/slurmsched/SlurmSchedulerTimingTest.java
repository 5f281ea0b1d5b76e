package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * When Slurm's passes run: the main scheduler after a submit or an end at most once per
 * {@code batch_sched_delay} after its last pass, and passes at the instants a real slurmctld recorded.
 * Four one-core nodes; the periodic passes far away unless a case says otherwise.
 */
class SlurmSchedulerTimingTest {

    private static final NodeCluster FOUR = new NodeCluster(List.of(NodePool.simple("p", 4, 1, 1000)));
    private static final String QUIET = "sched_interval=1000,bf_interval=1000";

    private record Job(String name, long submit, int nodes, long runtime) {}

    private static Map<String, Long> run(String params, RecordedPasses recorded, Job... jobs) {
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < jobs.length; i++) {
            Job j = jobs[i];
            specs.add(new JobSpec(i + 1, j.name(), j.submit(), j.nodes(), 1, 0, j.runtime(), j.runtime(), JobSpec.DEFAULT_QOS, "u",
                    List.of(), true, true, 0, 0, null));
        }
        SlurmJobAttributes attrs = new SlurmJobAttributes() {
            public long priority(JobSpec job) {
                return 100 - job.id(); // submission order
            }

            public String user(JobSpec job) {
                return job.group();
            }

            public String partition(JobSpec job) {
                return "";
            }
        };
        SlurmSchedulerPolicy policy = new SlurmSchedulerPolicy(SlurmSchedulerConfig.of(SlurmSchedulerPolicyTest.parse(params)), attrs);
        if (recorded != null) policy.withRecordedPasses(recorded);
        SimulationResult r = new Simulation(SimulationConfig.of(FOUR, specs, policy, true)).run();
        Map<String, Long> starts = new LinkedHashMap<>();
        r.jobs().forEach(j -> starts.put(j.name(), j.firstStart()));
        return starts;
    }

    @Test
    void aSubmitWithinBatchSchedDelayOfTheLastPassWaitsForTheDelayedPass() {
        // X at 0: the first pass runs at once. Y at 1: the last pass was at 0, so Slurm's background loop runs the
        // next one at 0 + 3 (batch_sched_delay); Z at 7: 4 s after that pass, at once (with a 5 s delay: Y at 5, Z at 10)
        Job x = new Job("X", 0, 1, 100), y = new Job("Y", 1, 1, 100), z = new Job("Z", 7, 1, 100);
        assertEquals(Map.of("X", 0L, "Y", 3L, "Z", 7L), run(QUIET, null, x, y, z));
        assertEquals(Map.of("X", 0L, "Y", 1L, "Z", 7L), run(QUIET + ",batch_sched_delay=0", null, x, y, z));
        assertEquals(Map.of("X", 0L, "Y", 5L, "Z", 10L), run(QUIET + ",batch_sched_delay=5", null, x, y, z));
    }

    @Test
    void anEndWithinTheDelayIsServedByTheDelayedPassOrAnEarlierBackfillCycle() {
        // A (4 nodes) 0–10; B (1 node) at 1 waits for the pass at 3 and does not fit; C at 9 (a pass at 9, 6 s after the
        // last). A ends at 10, 1 s after that pass:
        // the main scheduler runs again at 12; with a backfill cycle at 11 (bf_interval=11) B starts there
        Job a = new Job("A", 0, 4, 10), b = new Job("B", 1, 1, 50), c = new Job("C", 9, 4, 50);
        assertEquals(12L, run(QUIET, null, a, b, c).get("B"));
        assertEquals(11L, run("sched_interval=1000,bf_interval=11", null, a, b, c).get("B"));
        assertEquals(10L, run(QUIET + ",batch_sched_delay=0", null, a, b, c).get("B"));
    }

    @Test
    void recordedPassesRunAtTheRecordedSecondsOnly() {
        // X at 0 and Y at 3 (1 node each): with slurmctld's recorded passes, X starts at the recorded event pass of 2.4 s
        // (the one of -0.5 s came before it), Y at the backfill cycle of 6.9 s; the full pass of 8.1 s has nothing left to do
        Job x = new Job("X", 0, 1, 100), y = new Job("Y", 3, 1, 100);
        RecordedPasses rec = new RecordedPasses(new long[] {8_100}, new long[] {-500, 2_400}, new long[] {6_900});
        assertEquals(Map.of("X", 2L, "Y", 6L), run(QUIET, rec, x, y));
    }

    @Test
    void afterTheLastRecordedPassTheLoopIsTheModelsOwn() {
        // A (3 nodes) 0–100 started by the recorded pass of 0.2 s; B (2 nodes) at 1 and C (1 node, 50 s) at 2. Second 5: a backfill
        // cycle (5.1 s) before a full pass (5.8 s): B cannot start (planned at A's end), C ends before that: backfilled at 5.
        // The log ends there: A's end at 100 triggers the model's own pass, B starts at 100
        Job a = new Job("A", 0, 3, 100), b = new Job("B", 1, 2, 50), c = new Job("C", 2, 1, 50);
        RecordedPasses rec = new RecordedPasses(new long[] {5_800}, new long[] {200}, new long[] {5_100});
        assertEquals(Map.of("A", 0L, "B", 100L, "C", 5L), run(QUIET, rec, a, b, c));
    }
}
