package org.preemptlab.app.gui.run;

import org.preemptlab.scenario.SchedulerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.SnapshotParameters;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.image.WritableImage;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.scenario.JobClass;
import org.preemptlab.app.gui.scenario.JobMix;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.app.gui.scenario.RuntimeDistribution;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.app.gui.scenario.SizeDistribution;
import org.preemptlab.app.gui.scenario.JobMixGenerator;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sim.SimulationConfig;

/**
 * Renders Gantt frames off-screen and prints ms/frame (a tool in the test sources, not a test and
 * not shipped). The timeline is an EASY run of the first {@code --jobs} jobs (default 40 000) of the
 * SWF trace given with {@code --trace} (e.g. HPC2N), or of a synthetic workload without it. Each frame is built (culling + level of detail), painted onto the Gantt's
 * {@link GanttSurface} (as on screen) and rendered by JavaFX through a snapshot of the surface; the
 * view pans a little every frame so nothing is cached. {@value #WARM_UP_FRAMES} frames are painted
 * before measuring.
 *
 * <pre>
 * java -cp app/target/classes:app/target/test-classes:model/target/classes:&lt;test class path with openjfx-monocle&gt; \
 *      org.preemptlab.app.gui.run.GanttRenderBenchmark [--trace FILE.swf.gz] [--jobs N] [--frames N]
 * </pre>
 * Runs headless with Monocle when it is on the class path (or when there is no display).
 */
public final class GanttRenderBenchmark {

    /** Frames painted before measuring (JMH-style warm-up: the first frames run interpreted code). */
    private static final int WARM_UP_FRAMES = 60;

    private GanttRenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path trace = null;
        int jobs = 40_000;
        int frames = 60;
        int width = 1600;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--trace" -> trace = Path.of(args[i + 1]);
                case "--jobs" -> jobs = Integer.parseInt(args[i + 1]);
                case "--frames" -> frames = Integer.parseInt(args[i + 1]);
                case "--width" -> width = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        headlessIfPossible();
        long t0 = System.nanoTime();
        if (trace != null && !Files.isRegularFile(trace)) throw new IllegalArgumentException("no trace file " + trace);
        RunRecord run = trace != null ? traceRun(trace, jobs) : syntheticRun(jobs);
        long t1 = System.nanoTime();
        GanttIndex index = new GanttIndex(run);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "timeline: %s, %d jobs, %d rows, %d bars; simulated in %.2f s, indexed in %.2f s%n",
                run.title(), run.jobs().size(), index.rowCount(), index.barCount(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        final int w = width;
        final int n = frames;
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(measure(index, w, n));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        System.out.println(result.get(10, TimeUnit.MINUTES));
        Platform.exit();
    }

    private static String measure(GanttIndex index, int width, int frames) {
        GanttViewModel vm = new GanttViewModel(index, new SimpleLongProperty(index.run().endTime()));
        // all rows in view: 3 px a row (a row a processor before processor ranges), or the height of a
        // 240-row machine at 3 px when rows hold several processors, so both kinds fill the same viewport
        double rowHeight = Math.max(3, Math.floor(240 * 3.0 / index.rowCount()));
        double height = GanttViewModel.AXIS_HEIGHT + GanttViewModel.QUEUE_HEIGHT
                + index.groups().size() * GanttViewModel.HEADER_HEIGHT + index.rowCount() * rowHeight + 4;
        vm.setViewport(width, height);
        vm.setRowHeight(rowHeight);
        vm.fitAll();
        GanttSurface surface = new GanttSurface();
        new Scene(new Group(surface), width, height);
        WritableImage image = new WritableImage(width, (int) Math.ceil(height));
        SnapshotParameters params = new SnapshotParameters();
        long inView = barsInView(vm);
        for (int i = 0; i < WARM_UP_FRAMES; i++) { // warm-up: let the JIT compile the frame path first
            vm.panByPixels(i % 2 == 0 ? 3 : -3);
            surface.paint(vm);
            surface.snapshot(params, image);
        }
        long buildNanos = 0;
        long paintNanos = 0;
        GanttFrame probe = new GanttFrame();
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (int f = 0; f < frames; f++) {
            vm.panByPixels(f % 2 == 0 ? 3 : -3);
            long p0 = System.nanoTime();
            surface.paint(vm);
            long p1 = System.nanoTime();
            surface.snapshot(params, image);
            paintNanos += p1 - p0;
        }
        double total = (System.nanoTime() - start) / 1e6 / frames;
        double cpu = (processCpuNanos() - cpu0) / 1e6 / frames;
        for (int f = 0; f < frames; f++) {
            vm.panByPixels(f % 2 == 0 ? 3 : -3);
            long b0 = System.nanoTime();
            vm.buildFrame(probe);
            buildNanos += System.nanoTime() - b0;
        }
        double build = buildNanos / 1e6 / frames;
        Region empty = new Region();
        empty.setStyle("-fx-background-color: white;");
        new Scene(new Group(empty), width, height);
        empty.resize(width, height);
        long e0 = System.nanoTime();
        for (int f = 0; f < frames; f++) empty.snapshot(params, image);
        double baseline = (System.nanoTime() - e0) / 1e6 / frames;
        double paint = paintNanos / 1e6 / frames;
        return String.format(Locale.ROOT,
                "viewport %d x %.0f px, %d bars in view (whole run, all %d rows), %d rectangles after level of detail, %d labels%n"
                        + "  frame build (culling + LOD, view-model only): %6.2f ms/frame%n"
                        + "  paint (build + raster + image update + chrome canvases): %6.2f ms/frame%n"
                        + "  full frame (paint + JavaFX render via snapshot):  %6.2f ms/frame wall, %.2f ms/frame CPU (all threads) over %d frames%n"
                        + "  (snapshot of an empty region of the same size: %.2f ms)",
                width, height, inView, index.rowCount(), probe.size(), probe.labelCount(), build, paint, total, cpu, frames, baseline);
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /** Bars (of every sample lane) of visible rows that intersect the visible time range. */
    static long barsInView(GanttViewModel vm) {
        long t0 = (long) Math.floor(vm.viewStart());
        long t1 = (long) Math.ceil(vm.viewEnd());
        long count = 0;
        for (LayoutRow r : vm.layout()) {
            if (r.header()) continue;
            double y = vm.screenY(r);
            if (y > vm.height() || y + r.height() < vm.plotTop()) continue;
            for (int k = 0; k < vm.index().samplesPerRow(); k++) {
                RowBars bars = vm.index().sample(r.node(), k);
                for (int i = bars.firstEndingAfter(t0); i < bars.size() && bars.start(i) < t1; i++) count++;
            }
        }
        return count;
    }

    private static RunRecord traceRun(Path trace, int jobs) throws Exception {
        SwfTrace t = SwfReader.read(trace, SwfReadOptions.defaults().withMaxJobs(jobs));
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(t.machineProcs()), t.jobs(),
                new EasyBackfillPolicy(), true);
        return ScenarioRunner.simulate(trace.getFileName() + " (first " + jobs + " jobs, EASY)", config, ProgressSink.NONE);
    }

    private static RunRecord syntheticRun(int jobs) throws Exception {
        JobMix mix = new JobMix(jobs, 400, SizeDistribution.MOSTLY_SMALL, 16, 1, RuntimeDistribution.LOG_UNIFORM, 60,
                6 * 3600, 3, 0, 0, 0, List.of(new JobClass("normal", "", 1)), 7);
        ScenarioDraft draft = ScenarioDraft.of("synthetic", List.of(PoolDraft.of("p", 256, 1)),
                JobMixGenerator.generate(mix, "j", 1), SchedulerSpec.of(SchedulerKind.EASY));
        return ScenarioRunner.simulate("synthetic " + jobs + " jobs", ScenarioConverter.toConfig(draft), ProgressSink.NONE);
    }

    private static void headlessIfPossible() {
        boolean monocle;
        try {
            Class.forName("com.sun.glass.ui.monocle.MonoclePlatformFactory");
            monocle = true;
        } catch (ClassNotFoundException e) {
            monocle = false;
        }
        if (monocle && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
            System.setProperty("headless.geometry", "1920x1200-32");
        }
    }
}
