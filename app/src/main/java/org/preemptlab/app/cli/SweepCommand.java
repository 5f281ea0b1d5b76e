package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.sweep.ResultFile;
import org.preemptlab.sweep.ResultWriter;
import org.preemptlab.sweep.RowFormat;
import org.preemptlab.sweep.SlurmArray;
import org.preemptlab.sweep.SweepReader;
import org.preemptlab.sweep.SweepRow;
import org.preemptlab.sweep.SweepRunner;
import org.preemptlab.sweep.SweepSpec;
import org.preemptlab.sweep.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs every variant of a sweep file, or one of them, or writes a Slurm job array for them. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a parameter sweep (inputs × axes, see docs/sweeps.md) and write one result row per variant.",
                "Result files are written whole when the sweep ends; meanwhile rows are appended and flushed to R.csv.partial "
                        + "as variants finish; --resume skips the ids already in the file or its journal."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SWEEP.json")
    Path sweep;

    @Option(names = "--out-csv", converter = OptionValues.OutputFile.class, paramLabel = "R.csv", description = "result rows as CSV")
    Path outCsv;

    @Option(names = "--out-json", converter = OptionValues.OutputFile.class, paramLabel = "R.json", description = "result rows as JSON lines (one object per line)")
    Path outJson;

    @Option(names = "--resume", description = "keep the rows already in the result file and its journal R.csv.partial (a cut-off last line is dropped) and run only the missing ids")
    boolean resume;

    @Option(names = "--threads", converter = OptionValues.Count.class, paramLabel = "N", description = "variants run at once (default: the available processors, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--variant", converter = OptionValues.Index.class, paramLabel = "ID", description = "run only this variant (an array task does this)")
    Integer variant;

    @Option(names = "--list", description = "print each variant's id and label, run nothing")
    boolean list;

    @Option(names = "--emit-slurm-array", paramLabel = "DIR", description = "write DIR/sweep.sbatch, a Slurm job array with one task per variant; run nothing")
    Path emitDir;

    @Option(names = "--jar", paramLabel = "JAR", description = "with --emit-slurm-array: the PreemptLab jar the tasks run (default: the running jar)")
    Path jar;

    @Option(names = "--java", paramLabel = "JAVA", description = "with --emit-slurm-array: the java binary the tasks run (default: this one)")
    Path java;

    @Option(names = "--slurm-partition", paramLabel = "P", description = "with --emit-slurm-array: the partition (default: the cluster's default)")
    String partition;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = SummaryOut.writer(commandSpec, outCsv, outJson);
        if (emitDir != null && (outCsv != null || outJson != null || variant != null || resume)) {
            throw new IllegalArgumentException("--emit-slurm-array writes a job array and runs nothing; leave out --out-csv, --out-json, --variant and --resume");
        }
        long t0 = System.nanoTime();
        SweepSpec spec = SweepReader.read(sweep);
        List<Variant> variants = spec.variants();
        if (list) {
            for (Variant v : variants) out.println(v.id() + "\t" + v.label());
            return 0;
        }
        if (emitDir != null) return emit(spec, variants.size(), out);
        if (outCsv == null && outJson == null) throw new IllegalArgumentException("give --out-csv R.csv and/or --out-json R.json (or --emit-slurm-array DIR)");
        OutputTargets targets = OutputTargets.create().input("SWEEP.json", sweep);
        for (var in : spec.inputs()) {
            targets.input("input " + in.name(), in.source());
            if (in.scenario() != null && in.scenario().trace() != null) targets.input("input " + in.name() + "'s trace", in.scenario().trace().path());
        }
        targets.output("--out-csv", outCsv).output("--out-json", outJson).check();
        if (variant != null) return one(spec, variants, out);

        List<ResultWriter.Output> outputs = new ArrayList<>();
        if (outCsv != null) outputs.add(new ResultWriter.Output(outCsv, RowFormat.CSV));
        if (outJson != null) outputs.add(new ResultWriter.Output(outJson, RowFormat.JSON_LINES));
        try (ResultWriter writer = new ResultWriter(outputs, resume)) {
            var done = writer.done();
            ResultFile.checkBelongTo(done, variants, String.valueOf(outputs.get(0).path().getFileName()));
            List<Variant> todo = variants.stream().filter(v -> !done.containsKey(v.id())).toList();
            SweepRunner.run(spec, todo, threads, writer::write, ProgressBar.withEta("sweep " + spec.name(), "variants"));
            writer.finishSorted();
            double wall = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "sweep %s: %d variants; ran %d%s on %d threads in %.1f s wall; rows in %s%n", spec.name(),
                    variants.size(), todo.size(), done.isEmpty() ? "" : " (" + done.size() + " already done)",
                    Math.min(threads, Math.max(1, todo.size())), wall, outputs.get(0).path());
        }
        return 0;
    }

    private int one(SweepSpec spec, List<Variant> variants, PrintWriter out) throws Exception {
        if (variant < 0 || variant >= variants.size()) {
            throw new IllegalArgumentException("--variant " + variant + ": " + sweep.getFileName() + " has " + variants.size()
                    + " variants, ids 0 to " + (variants.size() - 1));
        }
        if (resume) throw new IllegalArgumentException("--resume does not go with --variant (the variant's files are rewritten)");
        Variant v = variants.get(variant);
        SweepRow row = SweepRunner.run(spec, v);
        AtomicFiles.together(() -> { // both files or none
            if (outCsv != null) ResultFile.writeSorted(outCsv, RowFormat.CSV, List.of(row));
            if (outJson != null) ResultFile.writeSorted(outJson, RowFormat.JSON_LINES, List.of(row));
        });
        out.printf(Locale.ROOT, "variant %d (%s): %d jobs, mean wait %.1f s, mean bounded slowdown %.2f, %.2f s wall%n",
                v.id(), v.label(), row.jobs(), row.meanWaitSeconds(), row.meanBoundedSlowdown(), row.wallSeconds());
        return 0;
    }

    private int emit(SweepSpec spec, int n, PrintWriter out) throws Exception {
        Path jarPath = jar != null ? jar : runningJar();
        if (jarPath == null) {
            throw new IllegalArgumentException("--emit-slurm-array: PreemptLab is not running from a jar; give --jar PATH (e.g. app/target/preemptlab.jar)");
        }
        if (!Files.isRegularFile(jarPath)) throw new IllegalArgumentException("--jar " + jarPath + ": no such file");
        Path javaPath = java != null ? java : Path.of(System.getProperty("java.home"), "bin", "java");
        Path[] script = new Path[1];
        AtomicFiles.together(() -> script[0] = SlurmArray.emit(spec, emitDir, javaPath, jarPath, partition)); // script and manifest, or neither
        out.printf("%s: %d array tasks (0-%d); submit with: sbatch %s; then: java -jar %s collect %s --out-csv R.csv%n",
                script[0], n, n - 1, script[0], jarPath.toAbsolutePath(), emitDir.toAbsolutePath().normalize());
        return 0;
    }

    /** The jar this class was loaded from, or null (classes directory, tests). */
    static Path runningJar() {
        try {
            var src = SweepCommand.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
