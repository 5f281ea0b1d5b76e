package org.preemptlab.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.job.JobSpec;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Drain or checkpoint? Runs a scenario's first maintenance window with {@code DRAIN} and with
 * checkpoint ({@code CHECKPOINT_BEFORE} by default: images written by T; or {@code CHECKPOINT} at T) on every cell of a grid of checkpoint bandwidth × image size and compares what
 * each costs in node-hours ({@link MaintenanceCost#totalNodeHours()}: idle node-hours before T + lost
 * node-hours + checkpoint/restart I/O node-hours; the added queue wait is kept apart).
 *
 * <p>In each cell, every pool's checkpoint bandwidth (and a processor-mode machine's storage
 * bandwidth) is the cell's bandwidth, every job's checkpoint image is the cell's size per node
 * (rounded to whole MB), and checkpoint costs follow the image model (image × nodes written through
 * the shared bandwidth, read back on restart) whatever the scenario's own cost model. Only the
 * studied window is kept (other windows are dropped, as in the {@code maintenance} command); the
 * added wait is measured against the same cell without any window. Every run is deterministic, so
 * the same inputs give the same result whatever the number of threads.
 */
public final class BreakEvenSweep {

    private BreakEvenSweep() {}

    /**
     * @param threads cells run in parallel on this many threads (≥ 1; e.g. the available processors)
     * @throws IllegalArgumentException naming the problem: no window, bad threads, a bad window start
     * @throws CancellationException    when {@code progress} says so
     */
    public static BreakEvenResult run(Scenario scenario, BreakEvenSpec spec, int threads, SweepProgress progress) {
        if (scenario.maintenance().isEmpty()) {
            throw new IllegalArgumentException(scenario.name() + ": has no maintenance window; the break-even sweep compares drain and checkpoint on one");
        }
        if (threads < 1) throw new IllegalArgumentException("threads is " + threads + "; must be ≥ 1");
        MaintenanceWindow file = scenario.maintenance().get(0);
        long start = spec.windowStart() != null ? spec.windowStart() : file.start();
        MaintenanceWindow drain = window(file, start, MaintenanceStrategy.DRAIN);
        MaintenanceWindow checkpoint = window(file, start, spec.checkpoint());
        long lookBack = spec.lookBack() != null ? spec.lookBack()
                : scenario.jobs().stream().mapToLong(JobSpec::estimate).max().orElse(3600);
        List<Double> bandwidths = spec.bandwidth().values();
        List<Double> images = spec.imageSize().values();
        int total = bandwidths.size() * images.size();
        SweepProgress p = progress == null ? SweepProgress.NONE : progress;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), r -> {
            Thread t = new Thread(r, "break-even");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<BreakEvenCell> service = new ExecutorCompletionService<>(pool);
            for (int row = 0; row < images.size(); row++) {
                for (int col = 0; col < bandwidths.size(); col++) {
                    int r = row;
                    int c = col;
                    service.submit(() -> {
                        if (p.isCancelled()) throw new CancellationException("break-even sweep cancelled");
                        return cell(scenario, drain, checkpoint, lookBack, spec.idleWattsPerNode(), c, r, bandwidths.get(c), images.get(r));
                    });
                }
            }
            BreakEvenCell[] cells = new BreakEvenCell[total];
            for (int received = 0; received < total; ) {
                if (p.isCancelled()) throw new CancellationException("break-even sweep cancelled");
                Future<BreakEvenCell> f = service.poll(100, TimeUnit.MILLISECONDS);
                if (f == null) continue;
                BreakEvenCell cell = get(f);
                cells[cell.imageIndex() * bandwidths.size() + cell.bandwidthIndex()] = cell;
                received++;
                p.cellsDone(received, total);
            }
            List<BreakEvenCell> list = List.of(cells);
            return new BreakEvenResult(scenario.name(), file.name(), start, file.duration(), file.nodes().length,
                    Math.min(lookBack, start), bandwidths, images, list, BreakEvenResult.boundaryOf(bandwidths, images, list));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("break-even sweep interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The scenario one cell of a sweep ran with one strategy: its bandwidth and image size, and the
     * first maintenance window (where the sweep put it) with that strategy — to look at it as a run.
     */
    public static Scenario cellScenario(Scenario scenario, BreakEvenResult result, BreakEvenCell cell, MaintenanceStrategy strategy) {
        if (scenario.maintenance().isEmpty()) throw new IllegalArgumentException(scenario.name() + ": has no maintenance window");
        MaintenanceWindow w = window(scenario.maintenance().get(0), result.windowStart(), strategy);
        return variant(scenario, cell.bandwidthMBps(), Math.round(cell.imageMbPerNode())).withMaintenance(List.of(w));
    }

    private static BreakEvenCell get(Future<BreakEvenCell> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }

    private static MaintenanceWindow window(MaintenanceWindow w, long start, MaintenanceStrategy strategy) {
        return new MaintenanceWindow(w.name(), start, w.duration(), w.nodes(), strategy, 0);
    }

    /** Runs one cell: the baseline without the window, then drain, then checkpoint. */
    static BreakEvenCell cell(Scenario scenario, MaintenanceWindow drain, MaintenanceWindow checkpoint, long lookBack,
            double idleWatts, int col, int row, double bandwidth, double image) {
        long imageMb = Math.max(1, Math.round(image));
        Scenario s;
        try {
            s = variant(scenario, bandwidth, imageMb);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cell " + LogAxis.num(bandwidth) + " MB/s × " + imageMb + " MB per node: " + e.getMessage(), e);
        }
        SimulationResult baseline = new Simulation(s.withMaintenance(List.of()).toConfig(false)).run();
        MaintenanceCost d = MaintenanceCost.of(new Simulation(s.withMaintenance(List.of(drain)).toConfig(true)).run(), drain, baseline, lookBack, idleWatts);
        MaintenanceCost c = MaintenanceCost.of(new Simulation(s.withMaintenance(List.of(checkpoint)).toConfig(true)).run(), checkpoint, baseline, lookBack, idleWatts);
        return new BreakEvenCell(col, row, bandwidth, imageMb, d, c);
    }

    /** The scenario with one bandwidth on all storage, one image size on all jobs and the image cost model. */
    static Scenario variant(Scenario s, double bandwidthMBps, long imageMbPerNode) {
        Cluster cluster = s.cluster();
        if (cluster instanceof NodeCluster nc) {
            List<NodePool> pools = new ArrayList<>();
            for (NodePool p : nc.pools()) {
                pools.add(new NodePool(p.name(), p.nodes(), p.coresPerNode(), p.memoryPerNodeMb(), p.owner(), p.borrowers(), bandwidthMBps));
            }
            cluster = new NodeCluster(pools);
        }
        List<JobSpec> jobs = new ArrayList<>(s.jobs().size());
        for (JobSpec j : s.jobs()) {
            jobs.add(j.toBuilder().imageMbPerNode(imageMbPerNode).build());
        }
        PreemptionSettings old = s.settings();
        PreemptionSettings settings = new PreemptionSettings(old.graceSeconds(), old.requeueAtHead(), CheckpointCost.imageSize(), bandwidthMBps);
        return s.toBuilder().cluster(cluster).jobs(jobs).settings(settings).build();
    }
}
