package org.preemptlab.sim;

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

/** Checkpoint-before-T: images written by T whenever the shared bandwidth allows, else the miss reported. */
class CheckpointBeforeTest {

    private static JobSpec job(int id, String name, int nodes, long imageMbPerNode) {
        return new JobSpec(id, name, 0, nodes, 1, 0, 100_000, 100_000, "normal", "", List.of(), true, true, imageMbPerNode, 0, null);
    }

    private static SimulationResult run(NodeCluster cluster, List<JobSpec> jobs, long t, MaintenanceStrategy strategy) {
        int[] all = new int[cluster.nodeCount()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        SimulationConfig config = SimulationConfig.of(cluster, jobs, new EasyBackfillPolicy(), true)
                .withMaintenance(List.of(new MaintenanceWindow("fs", t, 100, all, strategy, 0)));
        return new Simulation(config).run();
    }

    private static MaintenanceCost cost(SimulationResult r, long t, int nodes) {
        int[] all = new int[nodes];
        for (int i = 0; i < nodes; i++) all[i] = i;
        MaintenanceWindow w = new MaintenanceWindow("fs", t, 100, all, MaintenanceStrategy.CHECKPOINT_BEFORE, 0);
        return MaintenanceCost.of(r, w, r, t);
    }

    private static List<long[]> writes(SimulationResult r, int job) {
        List<long[]> out = new ArrayList<>();
        for (Segment s : r.timeline().segments()) {
            if (s.job() == job && s.kind() == SegmentKind.CHECKPOINTING) out.add(new long[] {s.start(), s.end()});
        }
        return out;
    }

    @Test
    void backwardsPlanEndsAtTAndShiftsWhenItCannotFit() {
        assertThat(CheckpointBeforePlan.backwards(200, 0, new long[] {60, 30})).containsExactly(110, 170);
        assertThat(CheckpointBeforePlan.backwards(60, 0, new long[] {60, 30})).containsExactly(0, 60);
        assertThat(CheckpointBeforePlan.backwards(200, 150, new long[] {60, 30})).containsExactly(150, 210);
    }

    /*
     * Four 1-core nodes, storage 10 MB/s. A: 1 node × 600 MB (60 s alone), B: 2 nodes × 150 MB (300 MB,
     * 30 s alone), both running from 0 with estimates far past T. The larger image per node writes
     * first: B over [T − 30, T), A over [T − 90, T − 30).
     * T = 200: A writes [110, 170), B [170, 200): both done by T, no miss.
     * T = 60: the plan would start A at −30; shifted by 30: A [0, 60) (done at T), B [60, 90): B misses by 30 s.
     */
    @Test
    void handWorkedPlanAndItsMiss() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 4, 1, 0, "", List.of(), 10)));
        List<JobSpec> jobs = List.of(job(1, "A", 1, 600), job(2, "B", 2, 150));

        SimulationResult fits = run(cluster, jobs, 200, MaintenanceStrategy.CHECKPOINT_BEFORE);
        assertThat(writes(fits, 0)).containsExactly(new long[] {110, 170});
        assertThat(writes(fits, 1)).containsExactly(new long[] {170, 200});
        assertThat(cost(fits, 200, 4).checkpointMisses()).isEmpty();
        assertThat(fits.jobs()).allMatch(j -> j.state() == JobState.COMPLETED && j.lostWork() == 0);

        SimulationResult late = run(cluster, jobs, 60, MaintenanceStrategy.CHECKPOINT_BEFORE);
        assertThat(writes(late, 0)).containsExactly(new long[] {0, 60});
        assertThat(writes(late, 1)).containsExactly(new long[] {60, 90});
        assertThat(cost(late, 60, 4).checkpointMisses())
                .containsExactly(new MaintenanceCost.CheckpointMiss("B", 60, 90, 30));

        // at T, the same two images share the bandwidth inside the window: A [200, 290), B [200, 260)
        SimulationResult atT = run(cluster, jobs, 200, MaintenanceStrategy.CHECKPOINT);
        assertThat(cost(atT, 200, 4).checkpointMisses()).extracting(MaintenanceCost.CheckpointMiss::missSeconds)
                .containsExactlyInAnyOrder(90L, 60L);
    }

    /** Property over random running sets: every write done by T iff Σ write times ≤ T; else the last misses by the excess. */
    @Test
    void checkpointsFinishByTWheneverTheBandwidthAllows() {
        SplittableRandom random = new SplittableRandom(15);
        int fitting = 0, missing = 0;
        for (int round = 0; round < 150; round++) {
            int nodes = 2 + random.nextInt(15);
            double bandwidth = 5 + random.nextInt(500);
            NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", nodes, 1, 0, "", List.of(), bandwidth)));
            List<JobSpec> jobs = new ArrayList<>();
            int free = nodes;
            long total = 0;
            // half the rounds: one-node jobs of one image size on every node (the most rounding per write)
            boolean uniform = random.nextBoolean();
            long roundImage = 1 + random.nextInt(4000);
            for (int id = 1; free > 0 && (uniform || random.nextInt(5) > 0); id++) {
                int n = uniform ? 1 : 1 + random.nextInt(free);
                long image = uniform ? roundImage : random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(4000);
                jobs.add(job(id, "j" + id, n, image));
                total += CheckpointBeforePlan.writeSeconds((double) image * n, bandwidth);
                free -= n;
            }
            if (jobs.isEmpty()) continue;
            long t = 1 + random.nextLong(Math.max(2, 2 * total));
            SimulationResult r = run(cluster, jobs, t, MaintenanceStrategy.CHECKPOINT_BEFORE);
            MaintenanceCost c = cost(r, t, nodes);
            String what = "round " + round + ": " + jobs.size() + " jobs, Σ write " + total + " s, T " + t + ", B " + bandwidth;
            assertThat(r.jobs()).as(what).allMatch(j -> j.state() == JobState.COMPLETED && j.lostWork() == 0);
            if (total <= t) {
                fitting++;
                assertThat(c.checkpointMisses()).as(what).isEmpty();
                for (int j = 0; j < jobs.size(); j++) {
                    assertThat(writes(r, j)).as(what).allMatch(w -> w[1] <= t);
                }
            } else {
                missing++;
                // the channel is busy from 0 on: the last byte is written at Σ write times (±1 s of rounding per write)
                assertThat(c.worstMissSeconds()).as(what).isBetween(total - t - jobs.size(), total - t + jobs.size());
            }
        }
        assertThat(fitting).isGreaterThan(20);
        assertThat(missing).isGreaterThan(20);
    }
}
