package org.preemptlab.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.report.EventsCsvWriter;
import org.preemptlab.io.report.ScheduleExport;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.swf.SwfHeader;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario file headless. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file (JSON) headless.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Option(names = "--metrics-json", converter = OptionValues.OutputFile.class, description = "write the metrics as JSON")
    Path metricsJson;

    @Option(names = "--events-csv", converter = OptionValues.OutputFile.class, description = "write every engine event (time,event,job,nodes,reason) as CSV")
    Path eventsCsv;

    @Option(names = "--out-swf", converter = OptionValues.OutputFile.class, description = "write the simulated schedule as SWF")
    Path outSwf;

    @Option(names = "--backend", defaultValue = "emulated",
            description = "emulated (default), local (real processes on this machine) or slurm (a real Slurm cluster)")
    String backend;

    @Option(names = "--time-scale", defaultValue = "60",
            description = "live backends: simulated seconds per real second (default: ${DEFAULT-VALUE})")
    double timeScale;

    @Option(names = "--slurm-conf", description = "slurm backend: path of slurm.conf (default: $SLURM_CONF)")
    Path slurmConf;

    @Option(names = "--slurm-partition", defaultValue = "low", description = "slurm backend: partition to submit to (default: ${DEFAULT-VALUE})")
    String slurmPartition;

    @Option(names = "--job-dir", description = "slurm backend: a directory the compute nodes see, for job scripts and state files"
            + " (default: a temporary directory, removed at the end)")
    Path jobDir;

    /** The options a plain line may give (--time-scale is left to picocli's number conversion). */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--metrics-json", "--events-csv", "--out-swf",
            "--backend", "--slurm-conf", "--slurm-partition", "--job-dir");

    /**
     * The command for a plain command line ({@code args[0]} is {@code run}; {@link PlainArgs}), converted as
     * picocli converts it, with the annotations' defaults; null if the line is not plain or a value does
     * not convert: picocli then parses it and reports what is wrong.
     */
    static RunCommand plain(String[] args) {
        PlainArgs a = PlainArgs.of(args, 1, VALUED, java.util.Set.of(), 1);
        if (a == null || a.positional().size() != 1) return null;
        try {
            RunCommand c = new RunCommand();
            c.scenario = Path.of(a.positional().get(0));
            c.metricsJson = outputFile(a.value("--metrics-json"));
            c.eventsCsv = outputFile(a.value("--events-csv"));
            c.outSwf = outputFile(a.value("--out-swf"));
            c.backend = a.value("--backend", "emulated");
            c.timeScale = 60;
            c.slurmConf = a.value("--slurm-conf") == null ? null : Path.of(a.value("--slurm-conf"));
            c.slurmPartition = a.value("--slurm-partition", "low");
            c.jobDir = a.value("--job-dir") == null ? null : Path.of(a.value("--job-dir"));
            return c;
        } catch (RuntimeException e) { // picocli's TypeConversionException, InvalidPathException: picocli says it
            return null;
        }
    }

    private static Path outputFile(String value) {
        return value == null ? null : new OptionValues.OutputFile().convert(value);
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        OutputTargets.create().input("SCENARIO.json", scenario)
                .output("--metrics-json", metricsJson).output("--events-csv", eventsCsv).output("--out-swf", outSwf).check();
        Scenario s = ScenarioReader.read(scenario);
        if (s.trace() != null) {
            OutputTargets.create().input("the scenario's trace", s.trace().path())
                    .output("--metrics-json", metricsJson).output("--events-csv", eventsCsv).output("--out-swf", outSwf).check();
        }
        if (s.traceReport() != null && s.traceReport().machineSizeWarning() != null) {
            System.err.println(s.traceReport().machineSizeWarning());
        }
        if (eventsCsv != null && s.cluster() instanceof org.preemptlab.cluster.ProcessorMachine m
                && m.procs() > EventsCsvWriter.MAX_PROCESSORS) {
            throw new IllegalArgumentException(scenario.getFileName() + ": --events-csv lists every processor of each event:"
                    + " the machine has " + m.procs() + " processors (cluster.processors); at most "
                    + EventsCsvWriter.MAX_PROCESSORS + " with --events-csv");
        }
        for (String w : org.preemptlab.scenario.SlurmWarnings.of(s)) System.err.println("preemptlab: note: " + w);
        SimulationResult result;
        try {
            result = LiveRuns.run(s.toConfig(eventsCsv != null || !"emulated".equals(backend)), backend,
                    timeScale, slurmConf, slurmPartition, jobDir, ProgressBar.forTerminal("run " + scenario.getFileName()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw CliErrors.cannotRun(scenario, e);
        }
        Metrics m = MetricsCalculator.of(result);
        double wall = (System.nanoTime() - t0) / 1e9;
        AtomicFiles.together(() -> { // all outputs or none
            if (eventsCsv != null) EventsCsvWriter.write(eventsCsv, result);
            if (outSwf != null) {
                SwfHeader header = SwfHeader.EMPTY.withEntry("MaxProcs", Long.toString(result.cluster().totalCores()))
                        .withEntry("Note", "scenario " + s.name());
                ScheduleExport.write(outSwf, header, result);
            }
            if (metricsJson != null) {
                JsonFiles.writeMetrics(metricsJson, m, wall, Map.of("scenario", s.name(), "policy", result.policy()));
            }
        });
        SummaryOut.stream(metricsJson, eventsCsv, outSwf).println(Summaries.run(s.name(), result.policy(), m));
        return 0;
    }
}
