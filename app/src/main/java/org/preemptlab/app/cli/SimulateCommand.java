package org.preemptlab.app.cli;

import java.nio.file.Path;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.report.EventsCsvWriter;
import org.preemptlab.io.report.ScheduleExport;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.tracerun.TraceRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Simulates an SWF trace on a machine of P processors. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate an SWF trace (plain or .gz) with a scheduler; write the schedule and metrics.")
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--trace", required = true, description = "SWF trace, plain or gzip")
    Path trace;

    @Option(names = "--procs", converter = OptionValues.Processors.class, description = "machine size in processors (1 to " + org.preemptlab.cluster.Cluster.MAX_PROCESSORS + "; default: the header's MaxProcs, else MaxNodes)")
    Integer procs;

    @Mixin
    PolicyOptions policy;

    @Option(names = "--out-swf", converter = OptionValues.OutputFile.class, description = "write the simulated schedule as SWF (field 3 = simulated wait)")
    Path outSwf;

    @Option(names = "--metrics-json", converter = OptionValues.OutputFile.class, description = "write the metrics as JSON")
    Path metricsJson;

    @Option(names = "--events-csv", converter = OptionValues.OutputFile.class, description = "write every engine event with its reason as CSV")
    Path eventsCsv;

    private static final Set<String> VALUED = union(PolicyOptions.VALUED,
            Set.of("--trace", "--procs", "--out-swf", "--metrics-json", "--events-csv"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The command for a plain command line ({@code args[0]} is {@code simulate}; {@link PlainArgs}), its
     * options converted as picocli converts them; null if the line is not plain or a value does not
     * convert: picocli then parses it and reports what is wrong.
     */
    static SimulateCommand plain(String[] args) {
        PlainArgs a = PlainArgs.of(args, 1, VALUED, PolicyOptions.FLAGS, 0);
        if (a == null || a.value("--trace") == null) return null;
        try {
            SimulateCommand c = new SimulateCommand();
            c.trace = Path.of(a.value("--trace"));
            String procs = a.value("--procs");
            c.procs = procs == null ? null : new OptionValues.Processors().convert(procs);
            c.policy = PolicyOptions.plain(a);
            c.outSwf = outputFile(a.value("--out-swf"));
            c.metricsJson = outputFile(a.value("--metrics-json"));
            c.eventsCsv = outputFile(a.value("--events-csv"));
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
        policy.validate();
        OutputTargets.create().input("--trace", trace)
                .output("--out-swf", outSwf).output("--metrics-json", metricsJson).output("--events-csv", eventsCsv).check();
        SwfReadOptions options = procs == null ? SwfReadOptions.defaults() : SwfReadOptions.defaults().withProcs(procs);
        if (outSwf == null) options = options.withoutFields(); // only the SWF export writes the original fields back
        // the trace is read on a second thread while the engine runs on the jobs read so far (tracerun)
        // the configuration and the writes below as classes, not lambdas: a plain simulate links no lambda (the first one
        // of a process starts the method-handle machinery, ≈ 17 ms of CPU; docs/performance.md, "Cold runs")
        boolean recording = eventsCsv != null;
        TraceRun.Outcome run = TraceRun.run(trace, options, new BiFunction<Integer, List<JobSpec>, SimulationConfig>() {
            @Override
            public SimulationConfig apply(Integer procs, List<JobSpec> jobs) {
                if (recording && procs > EventsCsvWriter.MAX_PROCESSORS) {
                    throw new IllegalArgumentException(trace.getFileName() + ": --events-csv lists every processor of each"
                            + " event: the machine has " + procs + " processors (" + (SimulateCommand.this.procs != null
                            ? "--procs" : "the header's MaxProcs or MaxNodes") + "); at most "
                            + EventsCsvWriter.MAX_PROCESSORS + " with --events-csv");
                }
                return policy.config(new ProcessorMachine(procs), jobs, recording);
            }
        }, ProgressBar.forTerminal("simulate " + policy.policy));
        SwfTrace t = run.trace();
        SimulationResult result = run.result();
        if (!t.report().isClean()) System.err.println(t.report().summary());
        if (t.report().machineSizeWarning() != null) System.err.println(t.report().machineSizeWarning());
        Metrics m = MetricsCalculator.of(result);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (outSwf != null || eventsCsv != null || metricsJson != null) {
            AtomicFiles.together(new AtomicFiles.Work<IOException>() { // all outputs or none
                @Override
                public void run() throws IOException {
                    if (outSwf != null) ScheduleExport.write(outSwf, t.header(), result);
                    if (eventsCsv != null) EventsCsvWriter.write(eventsCsv, result);
                    if (metricsJson != null) {
                        JsonFiles.writeMetrics(metricsJson, m, wall, Map.of("procs", t.machineProcs(), "policy", result.policy()));
                    }
                }
            });
        }
        SummaryOut.stream(outSwf, metricsJson, eventsCsv)
                .println(Summaries.simulate(result.policy(), trace.getFileName().toString(), t.machineProcs(), m, wall));
        return 0;
    }
}
