package org.preemptlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Utilization by state on a hand-worked run of 2 nodes × 4 cores over [0, 200) s, and on real runs
 * of the samples (every step sums to the machine; busy and checkpointing equal the segments').
 */
class StateUtilizationTest {

    /*
     * node 0 (n0), node 1 (n1); jobs: j0 4 cores/node, j1 2, j2 4, j3 4.
     *  j0 RUNNING [0,100) n0
     *  j1 RUNNING [0,50) n1, SUSPENDED [50,80) n1, RUNNING [80,120) n1
     *  j2 WAITING [10,100), RUNNING [100,140) n0      (reserved on n0 10..100, but n0 is full)
     *  j3 WAITING [20,120), RUNNING [120,150) n1, CHECKPOINTING [150,170) n1   (reserved on n1 20..120)
     *  window on n0 at 180 for 20 s, DRAIN, look-back 30 s: draining [150,180), down [180,200)
     *
     * machine (8 cores):
     *  [0,20)    busy 6, idle 2
     *  [20,50)   busy 6, reserved 2
     *  [50,80)   busy 4, suspended 2, reserved 2
     *  [80,120)  busy 6, reserved 2
     *  [120,140) busy 8
     *  [140,150) busy 4, idle 4
     *  [150,170) checkpointing 4, draining 4
     *  [170,180) draining 4, idle 4
     *  [180,200) down 4, idle 4
     */
    static StateUtilization handWorked() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", 2, 4, 1000)));
        int[] n0 = {0}, n1 = {1}, none = {};
        List<Segment> segs = List.of(
                new Segment(0, SegmentKind.RUNNING, 0, 100, n0),
                new Segment(1, SegmentKind.RUNNING, 0, 50, n1),
                new Segment(1, SegmentKind.SUSPENDED, 50, 80, n1),
                new Segment(1, SegmentKind.RUNNING, 80, 120, n1),
                new Segment(2, SegmentKind.WAITING, 10, 100, none),
                new Segment(2, SegmentKind.RUNNING, 100, 140, n0),
                new Segment(3, SegmentKind.WAITING, 20, 120, none),
                new Segment(3, SegmentKind.RUNNING, 120, 150, n1),
                new Segment(3, SegmentKind.CHECKPOINTING, 150, 170, n1));
        int[] cores = {4, 2, 4, 4};
        List<LogEntry> log = List.of(new LogEntry(180, LogKind.MAINTENANCE_BEGIN, -1, n0, null),
                new LogEntry(200, LogKind.MAINTENANCE_END, -1, n0, null));
        var window = new MaintenanceWindow("w", 180, 20, n0, MaintenanceStrategy.DRAIN, 0);
        return StateUtilization.of(cluster, segs, j -> cores[j], log, List.of(window), 30, 0, 200);
    }

    @Test
    void handWorkedStepsAndTotals() {
        StateUtilization u = handWorked();
        assertThat(u.totalCores()).isEqualTo(8);
        assertThat(u.coresAt(CoreState.BUSY, 10)).isEqualTo(6);
        assertThat(u.coresAt(CoreState.IDLE, 10)).isEqualTo(2);
        assertThat(u.coresAt(CoreState.RESERVED_IDLE, 30)).isEqualTo(2);
        assertThat(u.coresAt(CoreState.SUSPENDED, 60)).isEqualTo(2);
        assertThat(u.coresAt(CoreState.BUSY, 60)).isEqualTo(4);
        assertThat(u.coresAt(CoreState.BUSY, 130)).isEqualTo(8);
        assertThat(u.coresAt(CoreState.CHECKPOINTING, 160)).isEqualTo(4);
        assertThat(u.coresAt(CoreState.DRAINING, 160)).isEqualTo(4);
        assertThat(u.coresAt(CoreState.IDLE, 175)).isEqualTo(4);
        assertThat(u.coresAt(CoreState.DOWN, 190)).isEqualTo(4);
        // core-seconds by state, summed by hand from the table above
        assertThat(u.coreSeconds(CoreState.BUSY, 0, 200)).isEqualTo(860);
        assertThat(u.coreSeconds(CoreState.RESERVED_IDLE, 0, 200)).isEqualTo(200);
        assertThat(u.coreSeconds(CoreState.SUSPENDED, 0, 200)).isEqualTo(60);
        assertThat(u.coreSeconds(CoreState.CHECKPOINTING, 0, 200)).isEqualTo(80);
        assertThat(u.coreSeconds(CoreState.DRAINING, 0, 200)).isEqualTo(120);
        assertThat(u.coreSeconds(CoreState.DOWN, 0, 200)).isEqualTo(80);
        assertThat(u.coreSeconds(CoreState.IDLE, 0, 200)).isEqualTo(200);
        assertThat(u.share(CoreState.BUSY)).isCloseTo(860 / 1600.0, within(1e-12));
        // 9 steps, the same boundaries as the table
        assertThat(u.steps()).isEqualTo(9);
        long[] starts = new long[u.steps() + 1];
        for (int i = 0; i <= u.steps(); i++) starts[i] = u.stepStart(i);
        assertThat(starts).containsExactly(0, 20, 50, 80, 120, 140, 150, 170, 180, 200);
    }

    @Test
    void bucketsAverageTheStepsAndSumToOne() {
        StateUtilization.Buckets b = handWorked().buckets(2);
        assertThat(b.edges()).containsExactly(0, 100, 200);
        assertThat(b.share(CoreState.BUSY, 0)).isCloseTo(540 / 800.0, within(1e-12));
        assertThat(b.share(CoreState.BUSY, 1)).isCloseTo(320 / 800.0, within(1e-12));
        assertThat(b.share(CoreState.DOWN, 1)).isCloseTo(80 / 800.0, within(1e-12));
        for (int k = 0; k < 2; k++) {
            double sum = 0;
            for (CoreState s : CoreState.values()) sum += b.share(s, k);
            assertThat(sum).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void aCheckpointWindowHasNoDrainStretch() {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", 1, 2, 1000)));
        var w = new MaintenanceWindow("w", 50, 10, new int[] {0}, MaintenanceStrategy.CHECKPOINT, 0);
        StateUtilization u = StateUtilization.of(cluster, List.of(), j -> 1, List.of(), List.of(w), 40, 0, 100);
        assertThat(u.coreSeconds(CoreState.DRAINING, 0, 100)).isZero();
        assertThat(u.coreSeconds(CoreState.IDLE, 0, 100)).isEqualTo(200);
    }

    @Test
    void realRunsSumToTheMachineAndMatchTheirSegments() throws Exception {
        for (String sample : List.of("suspend-vs-memory.json", "maintenance-drain.json", "checkpoint-contention.json")) {
            var scenario = ScenarioReader.read(samples().resolve(sample));
            var config = scenario.toConfig(true);
            SimulationResult r = new Simulation(config).run();
            StateUtilization u = StateUtilization.of(r, config.maintenance());
            for (int i = 0; i < u.steps(); i++) {
                long sum = 0;
                for (CoreState s : CoreState.values()) {
                    assertThat(u.cores(s, i)).as(sample + " step " + i + " " + s).isNotNegative();
                    sum += u.cores(s, i);
                }
                assertThat(sum).as(sample + " step " + i).isEqualTo(u.totalCores());
            }
            double busy = 0, io = 0;
            for (Segment s : r.timeline().segments()) {
                double cs = (double) s.nodes().length * r.job(s.job()).spec().coresPerNode() * (s.end() - s.start());
                if (s.kind() == SegmentKind.RUNNING || s.kind() == SegmentKind.STOPPING) busy += cs;
                if (s.kind() == SegmentKind.CHECKPOINTING || s.kind() == SegmentKind.RESTARTING) io += cs;
            }
            assertThat(u.coreSeconds(CoreState.BUSY, u.from(), u.to())).as(sample).isCloseTo(busy, within(1e-6));
            assertThat(u.coreSeconds(CoreState.CHECKPOINTING, u.from(), u.to())).as(sample).isCloseTo(io, within(1e-6));
            if (sample.equals("suspend-vs-memory.json")) assertThat(u.coreSeconds(CoreState.SUSPENDED, u.from(), u.to())).isPositive();
            if (sample.equals("maintenance-drain.json")) {
                assertThat(u.coreSeconds(CoreState.DRAINING, u.from(), u.to())).isPositive();
                assertThat(u.coreSeconds(CoreState.DOWN, u.from(), u.to())).isPositive();
            }
        }
    }

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        assertThat(dir).as("repository root with sample-clusters/").isNotNull();
        return dir.resolve("sample-clusters");
    }
}
