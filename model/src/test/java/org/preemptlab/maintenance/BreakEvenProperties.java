package org.preemptlab.maintenance;

import org.preemptlab.sched.SchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * The hand calculation of {@link BreakEvenSweepTest} for any machine size, window start, image and
 * bandwidth: one job on all N nodes that runs across T. Drain idles N nodes for T; checkpoint
 * writes and reads N·S MB at B MB/s on N nodes. Every cell's costs, winner and the crossing agree.
 */
class BreakEvenProperties {

    @Property(tries = 40)
    void aSingleJobOnAllNodesCostsWhatTheFormulaSays(@ForAll @IntRange(min = 1, max = 16) int nodes,
            @ForAll @LongRange(min = 600, max = 20_000) long t, @ForAll @LongRange(min = 100, max = 100_000) long image) {
        int[] all = new int[nodes];
        for (int i = 0; i < nodes; i++) all[i] = i;
        Scenario s = new Scenario("one job", "", 1, new NodeCluster(List.of(new NodePool("n", nodes, 4, 0, "", List.of(), 100))),
                List.of(new JobSpec(1, "big", 0, nodes, 4, 0, 100_000, 100_000, "normal", "", List.of(), true, true, 1, 0, null)),
                SchedulerSpec.of(SchedulerKind.FCFS), null, null,
                List.of(new MaintenanceWindow("w", t, 1800, all, MaintenanceStrategy.CHECKPOINT, 0)), null, null, null, null);
        LogAxis bandwidth = new LogAxis("bandwidth", "MB/s", 1, 10_000, 9);
        BreakEvenResult r = BreakEvenSweep.run(s, new BreakEvenSpec(bandwidth, new LogAxis("image size", "MB per node", image, image, 1),
                null, null), 2, null);
        double drain = (double) nodes * t / 3600;
        Winner previous = null;
        for (int col = 0; col < 9; col++) {
            BreakEvenCell c = r.cell(0, col);
            double io = 2 * Math.ceil(nodes * image / c.bandwidthMBps() - 1e-9);
            double checkpoint = io * nodes / 3600;
            assertThat(c.drainNodeHours()).isCloseTo(drain, within(1e-9));
            assertThat(c.checkpointNodeHours()).isCloseTo(checkpoint, within(1e-9));
            assertThat(c.winner()).isEqualTo(Winner.of(drain - checkpoint));
            if (previous == Winner.DRAIN && c.winner() == Winner.CHECKPOINT) {
                BreakEvenCrossing x = r.crossing(0).orElseThrow();
                assertThat(x.bandwidthMBps()).isBetween(r.bandwidths().get(col - 1), c.bandwidthMBps());
                assertThat(x.cheaperAbove()).isEqualTo(Winner.CHECKPOINT);
            }
            previous = c.winner();
        }
        boolean flips = r.cell(0, 0).winner() == Winner.DRAIN && r.cell(0, 8).winner() == Winner.CHECKPOINT;
        assertThat(r.boundary().isEmpty()).isEqualTo(!flips && r.cells().stream().map(BreakEvenCell::winner)
                .filter(w -> w != Winner.TIE).distinct().count() < 2);
    }
}
