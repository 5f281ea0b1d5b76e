package org.preemptlab.maintenance;

import org.preemptlab.sched.SchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

/** The drain-vs-checkpoint sweep against a hand calculation, its monotonicity, and its errors. */
class BreakEvenSweepTest {

    static final int NODES = 4;
    static final long T = 3600;

    /**
     * One job on all 4 nodes from t = 0 for 10 h; a 1 h window on all nodes at T = 1 h.
     * Drain: the job (estimate 10 h) may not start before T, so 4 nodes idle for 1 h: 4 node-h.
     * Checkpoint: the job runs until T, then writes 4·S MB at B MB/s and reads it back after the
     * window: 2 · (4S/B) s on 4 nodes = 32·S/B node-s. Equal when B* = 32·S / (4 · 3600) = S / 450.
     */
    static Scenario singleJob() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("node", NODES, 16, 0, "", List.of(), 1000)));
        JobSpec job = new JobSpec(1, "big", 0, NODES, 16, 0, 36_000, 36_000, "normal", "", List.of(), true, true, 1000, 0, null);
        MaintenanceWindow w = new MaintenanceWindow("fs", T, 3600, new int[] {0, 1, 2, 3}, MaintenanceStrategy.DRAIN, 0);
        return new Scenario("one big job", "", 1, cluster, List.of(job), SchedulerSpec.of(SchedulerKind.EASY), null,
                PreemptionSettings.defaults().withCost(CheckpointCost.fixed(60, 60)), List.of(w), null, null, null, null);
    }

    static double handBreakEven(double imageMbPerNode) {
        return imageMbPerNode / 450;
    }

    @Test
    void theBoundaryIsWhereTheHandCalculationPutsIt() {
        LogAxis bandwidth = new LogAxis("bandwidth", "MB/s", 10, 1000, 8);
        LogAxis image = new LogAxis("image size", "MB per node", 9000, 90_000, 3);
        BreakEvenResult r = BreakEvenSweep.run(singleJob(), new BreakEvenSpec(bandwidth, image, null, null), 3, null);
        assertThat(r.cells()).hasSize(24);
        double ratio = Math.pow(100, 1.0 / 7);
        for (int row = 0; row < 3; row++) {
            double s = r.cell(row, 0).imageMbPerNode(); // the axis value rounded to whole MB
            assertThat(s).isCloseTo(r.imageSizes().get(row), within(0.5));
            double expected = handBreakEven(s); // 20, 63.2, 200 MB/s
            BreakEvenCrossing c = r.crossing(row).orElseThrow();
            assertThat(c.imageIndex()).isEqualTo(row);
            assertThat(c.cheaperAbove()).isEqualTo(Winner.CHECKPOINT);
            // within one grid step; interpolating 4 − 32S/(3600B) linearly in log B over a ×1.93 step errs by < 8 %
            assertThat(c.bandwidthMBps()).isBetween(expected / ratio, expected * ratio);
            assertThat(c.bandwidthMBps() / expected).isCloseTo(1, within(0.08));
            for (int col = 0; col < 8; col++) {
                BreakEvenCell cell = r.cell(row, col);
                double b = cell.bandwidthMBps();
                assertThat(cell.drainNodeHours()).as("drain leaves 4 nodes idle for 1 h").isCloseTo(4.0, within(1e-9));
                double ioSeconds = 2 * Math.ceil(NODES * s / b - 1e-9);
                assertThat(cell.checkpointNodeHours()).as("checkpoint at %s MB/s: %s", b, cell.checkpoint()).isCloseTo(ioSeconds * NODES / 3600, within(1e-9));
                assertThat(cell.checkpoint().lostNodeHours()).isZero();
                assertThat(cell.winner()).isEqualTo(b < expected ? Winner.DRAIN : Winner.CHECKPOINT);
            }
        }
        assertThat(r.boundary()).hasSize(3);
        assertThat(r.lookBack()).isEqualTo(T);
        assertThat(r.windowStart()).isEqualTo(T);
    }

    @Test
    void onTheSampleCheckpointCostGrowsWithImageSizeAndDrainIgnoresBandwidth() throws Exception {
        Scenario s = ScenarioReader.read(repositoryRoot().resolve("sample-clusters/maintenance-checkpoint.json"));
        BreakEvenSpec spec = new BreakEvenSpec(new LogAxis("bandwidth", "MB/s", 10, 10_000, 5),
                new LogAxis("image size", "MB per node", 1024, 65_536, 4), null, null);
        AtomicInteger reported = new AtomicInteger();
        BreakEvenResult r = BreakEvenSweep.run(s, spec, 2, new SweepProgress() {
            @Override
            public void cellsDone(int done, int total) {
                assertThat(total).isEqualTo(20);
                reported.accumulateAndGet(done, Math::max);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        });
        assertThat(reported.get()).isEqualTo(20);
        double drain = r.cell(0, 0).drainNodeHours();
        assertThat(drain).as("drain leaves nodes idle before 10:00").isPositive();
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 5; col++) {
                BreakEvenCell c = r.cell(row, col);
                assertThat(c.drainNodeHours()).as("drain at %s MB/s, %s MB", c.bandwidthMBps(), c.imageMbPerNode()).isEqualTo(drain);
                assertThat(c.drain().ioNodeHours()).isZero();
                assertThat(c.checkpoint().ioNodeHours()).isPositive();
                if (row > 0) assertThat(c.checkpointNodeHours()).isGreaterThanOrEqualTo(r.cell(row - 1, col).checkpointNodeHours());
                if (col > 0) assertThat(c.checkpointNodeHours()).isLessThanOrEqualTo(r.cell(row, col - 1).checkpointNodeHours());
            }
        }
        // small images on fast storage: checkpoint wins; 64 GB per node at 10 MB/s: drain wins
        assertThat(r.cell(0, 4).winner()).isEqualTo(Winner.CHECKPOINT);
        assertThat(r.cell(3, 0).winner()).isEqualTo(Winner.DRAIN);
        assertThat(r.boundary()).isNotEmpty();
        // deterministic: one thread gives the same numbers
        BreakEvenResult again = BreakEvenSweep.run(s, spec, 1, null);
        assertThat(again.cells()).isEqualTo(r.cells());
        assertThat(again.boundary()).isEqualTo(r.boundary());
    }

    @Test
    void aWindowStartOverridesTheFile() {
        BreakEvenSpec spec = new BreakEvenSpec(new LogAxis("bandwidth", "MB/s", 100, 100, 1),
                new LogAxis("image size", "MB per node", 9000, 9000, 1), 7200L, null);
        BreakEvenResult r = BreakEvenSweep.run(singleJob(), spec, 1, null);
        assertThat(r.windowStart()).isEqualTo(7200);
        assertThat(r.cell(0, 0).drainNodeHours()).isCloseTo(8.0, within(1e-9)); // 4 nodes idle for 2 h
    }

    @Test
    void badInputsGivePreciseErrors() {
        BreakEvenSpec spec = BreakEvenSpec.defaults();
        assertThatThrownBy(() -> BreakEvenSweep.run(singleJob().withMaintenance(List.of()), spec, 1, null))
                .hasMessage("one big job: has no maintenance window; the break-even sweep compares drain and checkpoint on one");
        assertThatThrownBy(() -> BreakEvenSweep.run(singleJob(), spec, 0, null)).hasMessage("threads is 0; must be ≥ 1");
        assertThatThrownBy(() -> new LogAxis("bandwidth", "MB/s", -5, 100, 4))
                .hasMessage("bandwidth axis: min is -5 MB/s; must be positive");
        assertThatThrownBy(() -> new LogAxis("bandwidth", "MB/s", 0, 100, 4)).hasMessageContaining("min is 0 MB/s; must be positive");
        assertThatThrownBy(() -> BreakEvenSpec.bandwidthAxis("--bandwidth", "100:10:4"))
                .hasMessage("--bandwidth: bandwidth axis: max is 10 MB/s; must be ≥ min (100)");
        assertThatThrownBy(() -> BreakEvenSpec.bandwidthAxis("--bandwidth", "10:abc:4"))
                .hasMessage("--bandwidth: MAX \"abc\" is not a number");
        assertThatThrownBy(() -> BreakEvenSpec.imageSizeAxis("--image-size", "10:100"))
                .hasMessage("--image-size: \"10:100\" is not MIN:MAX:STEPS (e.g. 10:10000:12)");
        assertThatThrownBy(() -> BreakEvenSpec.imageSizeAxis("--image-size", "10:100:0"))
                .hasMessage("--image-size: image size axis: steps is 0; must be 1 … 200");
        assertThatThrownBy(() -> new BreakEvenSpec(spec.bandwidth(), spec.imageSize(), -1L, null))
                .hasMessage("window start is -1 s; must be ≥ 0");
    }

    @Test
    void aCancelledSweepStops() {
        assertThatThrownBy(() -> BreakEvenSweep.run(singleJob(), BreakEvenSpec.defaults(), 2, new SweepProgress() {
            @Override
            public void cellsDone(int done, int total) {}

            @Override
            public boolean isCancelled() {
                return true;
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void logAxisValuesAreLogSpacedAndReadBack() {
        LogAxis a = BreakEvenSpec.bandwidthAxis("--bandwidth", "10:1000:3");
        assertThat(a.values()).hasSize(3);
        assertThat(a.values().get(0)).isEqualTo(10.0);
        assertThat(a.values().get(2)).isEqualTo(1000.0);
        assertThat(a.value(1)).isCloseTo(100, within(1e-9));
        assertThat(LogAxis.parse("x", "bandwidth", "MB/s", a.text())).isEqualTo(a);
    }

    static Path repositoryRoot() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        assertThat(dir).as("repository root with sample-clusters/").isNotNull();
        return dir;
    }
}
