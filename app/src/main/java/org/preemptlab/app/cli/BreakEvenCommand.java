package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.preemptlab.app.chart.BreakEvenChart;
import org.preemptlab.app.chart.PngImages;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.report.BreakEvenCsvWriter;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.maintenance.BreakEvenResult;
import org.preemptlab.maintenance.BreakEvenSpec;
import org.preemptlab.maintenance.BreakEvenSweep;
import org.preemptlab.maintenance.LogAxis;
import org.preemptlab.maintenance.SweepProgress;
import org.preemptlab.maintenance.Winner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import org.preemptlab.sim.MaintenanceStrategy;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Drain or checkpoint? A heat map of the cost difference over checkpoint bandwidth × image size. */
@Command(name = "break-even", mixinStandardHelpOptions = true,
        description = {"Drain or checkpoint the scenario's first maintenance window? Runs both strategies on a grid of "
                + "checkpoint bandwidth (every pool's) × checkpoint image size (every job's, MB per node), both log-spaced, "
                + "and draws the cost difference as a heat map with the break-even line.",
                "Cost = idle node-h before T + lost node-h + checkpoint/restart I/O node-h; the added queue wait is in the CSV."})
final class BreakEvenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Option(names = "--png", required = true, converter = OptionValues.OutputFile.class, paramLabel = "OUT.png", description = "the heat map")
    Path png;

    @Option(names = "--csv", converter = OptionValues.OutputFile.class, paramLabel = "OUT.csv", description = "every cell: both strategies' costs, the difference, the winner")
    Path csv;

    @Option(names = "--bandwidth", paramLabel = "MIN:MAX:STEPS", defaultValue = BreakEvenSpec.DEFAULT_BANDWIDTH,
            description = "checkpoint bandwidth axis, MB/s, log-spaced (default: ${DEFAULT-VALUE})")
    String bandwidth;

    @Option(names = "--image-size", paramLabel = "MIN:MAX:STEPS", defaultValue = BreakEvenSpec.DEFAULT_IMAGE_SIZE,
            description = "checkpoint image axis, MB per node, log-spaced (default: ${DEFAULT-VALUE})")
    String imageSize;

    @Option(names = "--window-start", paramLabel = "T[,T...]", split = ",",
            description = "move the window to start at T (seconds or e.g. 10h); several starts give one heat map (and CSV) "
                    + "each, named OUT-start-T.png")
    List<String> windowStarts;

    @Option(names = "--look-back", paramLabel = "S", description = "idle time is counted over [T − S, T) (default: the longest estimate)")
    String lookBack;

    @Option(names = "--checkpoint", paramLabel = "before|at", defaultValue = "before",
            description = "when the checkpoint strategy writes: before (planned backwards to be written by T) or at (begins at T, "
                    + "inside the window) (default: ${DEFAULT-VALUE})")
    String checkpointWhen;

    @Option(names = "--idle-watts", defaultValue = "150",
            description = "idle power of one node, W, for the idle-energy columns of the CSV (default: ${DEFAULT-VALUE})")
    double idleWatts;

    @Option(names = "--threads", converter = OptionValues.Count.class,
            description = "cells run in parallel, ≥ 1 (default: the available processors, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
        LogAxis bw = BreakEvenSpec.bandwidthAxis("--bandwidth", bandwidth);
        LogAxis img = BreakEvenSpec.imageSizeAxis("--image-size", imageSize);
        List<Long> starts = new ArrayList<>();
        if (windowStarts != null) for (String w : windowStarts) starts.add(seconds("--window-start", w.strip()));
        if (starts.isEmpty()) starts.add(null);
        Long back = lookBack == null ? null : seconds("--look-back", lookBack);
        MaintenanceStrategy checkpoint = switch (checkpointWhen.strip()) {
            case "before" -> MaintenanceStrategy.CHECKPOINT_BEFORE;
            case "at" -> MaintenanceStrategy.CHECKPOINT;
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--checkpoint: \"" + checkpointWhen + "\"; use before or at");
        };
        if (!(idleWatts >= 0)) throw new CommandLine.ParameterException(spec.commandLine(), "--idle-watts: " + idleWatts + "; must be ≥ 0");
        int n = threads;
        List<Path> pngs = new ArrayList<>();
        List<Path> csvs = new ArrayList<>();
        OutputTargets targets = OutputTargets.create().input("SCENARIO.json", scenario);
        for (int k = 0; k < starts.size(); k++) {
            String suffix = starts.size() == 1 ? "" : "-start-" + windowStarts.get(k).strip().replaceAll("[^A-Za-z0-9]", "_");
            pngs.add(withSuffix(png, suffix));
            csvs.add(csv == null ? null : withSuffix(csv, suffix));
            targets.output("--png", pngs.get(k)).output("--csv", csvs.get(k));
        }
        targets.check();
        Scenario s = ScenarioReader.read(scenario);
        PrintWriter out = SummaryOut.writer(spec, png, csv);
        AtomicFiles.together(() -> { // every heat map and CSV, or none
            for (int k = 0; k < starts.size(); k++) {
                sweepOne(s, new BreakEvenSpec(bw, img, starts.get(k), back, checkpoint, idleWatts), n, pngs.get(k), csvs.get(k), out);
            }
        });
        for (int k = 0; k < starts.size(); k++) out.println("wrote " + pngs.get(k) + (csvs.get(k) != null ? " and " + csvs.get(k) : ""));
        return 0;
    }

    private void sweepOne(Scenario s, BreakEvenSpec sweep, int n, Path pngOut, Path csvOut, PrintWriter out) throws Exception {
        LogAxis bw = sweep.bandwidth();
        LogAxis img = sweep.imageSize();
        long t0 = System.nanoTime();
        BreakEvenResult r;
        try {
            r = BreakEvenSweep.run(s, sweep, n, progress());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw CliErrors.cannotRun(scenario, e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        byte[] image = PngImages.of(BreakEvenChart.create(r), 1200, 820); // in memory: no ImageIO cache file
        AtomicFiles.writeBytes(pngOut, stream -> stream.write(image));
        if (csvOut != null) BreakEvenCsvWriter.write(csvOut, r);
        out.println(BreakEvenChart.title(r));
        out.println("checkpoint strategy: " + sweep.checkpoint().describe() + (sweep.checkpoint() == MaintenanceStrategy.CHECKPOINT_BEFORE
                ? ", each image planned to be written by T" : ", images written inside the window"));
        out.printf(Locale.ROOT, "%d × %d cells (bandwidth %s MB/s × image %s MB per node), %d runs on %d thread%s in %.2f s%n",
                bw.steps(), img.steps(), bw.text(), img.text(), 3 * sweep.cellCount(), Math.min(n, sweep.cellCount()),
                Math.min(n, sweep.cellCount()) == 1 ? "" : "s", wall);
        long checkpointWins = r.cells().stream().filter(c -> c.winner() == Winner.CHECKPOINT).count();
        out.printf(Locale.ROOT, "checkpoint is cheaper in %d of %d cells%n", checkpointWins, r.cells().size());
        for (int row = 0; row < r.imageSizes().size(); row++) {
            out.printf(Locale.ROOT, "  image %8s per node: %s%n", org.preemptlab.units.Units.size(r.cell(row, 0).imageMbPerNode()),
                    rowVerdict(r, row));
        }
    }

    /** {@code out.png} → {@code out-start-10h.png}. */
    static Path withSuffix(Path file, String suffix) {
        if (suffix.isEmpty()) return file;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String renamed = dot > 0 ? name.substring(0, dot) + suffix + name.substring(dot) : name + suffix;
        return file.resolveSibling(renamed);
    }

    /** Where the row crosses, or who wins all of it. */
    private static String rowVerdict(BreakEvenResult r, int row) {
        var c = r.crossing(row);
        if (c.isPresent()) {
            return "break-even at " + org.preemptlab.units.Units.bandwidth(c.get().bandwidthMBps()) + " ("
                    + c.get().cheaperAbove().label() + " cheaper above)";
        }
        Winner first = r.cell(row, 0).winner();
        boolean same = r.cells().stream().filter(x -> x.imageIndex() == row).allMatch(x -> x.winner() == first);
        return same ? first.label() + (first == Winner.TIE ? " (equal cost)" : " cheaper") + " everywhere on the grid" : "no sign change";
    }

    /** A time option, by the rule of every seconds option ({@link OptionValues.Seconds}). */
    private static long seconds(String option, String text) {
        try {
            return new OptionValues.Seconds().convert(text);
        } catch (picocli.CommandLine.TypeConversionException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static SweepProgress progress() {
        var bar = ProgressBar.withEta("break-even", "cells");
        return new SweepProgress() {
            @Override
            public void cellsDone(int done, int total) {
                bar.progress(done, total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
    }
}
