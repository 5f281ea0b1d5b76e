package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartUtils;
import org.preemptlab.app.chart.SaturationChart;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.TraceReference;
import org.preemptlab.sweep.Saturation;
import org.preemptlab.sweep.SweepInput;
import org.preemptlab.sweep.SweepReader;
import org.preemptlab.sweep.SweepRow;
import org.preemptlab.sweep.SweepRunner;
import org.preemptlab.sweep.SweepSpec;
import org.preemptlab.sweep.Variant;
import org.preemptlab.units.Units;
import org.preemptlab.workload.LublinModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Mean wait and bounded slowdown against offered load, per scheduler: a sweep over the load axis. */
@Command(name = "saturation", mixinStandardHelpOptions = true,
        description = {"Saturation curves: run a workload (an SWF trace, or the Lublin–Feitelson model) at several offered",
                "loads with each scheduler and write mean wait and mean bounded slowdown against load (CSV, PNG).",
                "A target load ρ' is reached by multiplying the arrival rate by ρ'/ρ, ρ = the workload's own offered",
                "load (Σ run time × processors / (machine × submission span)); see docs/workload-models.md."})
final class SaturationCommand implements Callable<Integer> {

    @Option(names = "--trace", paramLabel = "T.swf.gz", description = "SWF trace, plain or gzip")
    Path trace;

    @Option(names = "--max-jobs", paramLabel = "N", description = "with --trace: the first N jobs only")
    Long maxJobs;

    @Option(names = "--lublin", description = "generate the workload with the Lublin–Feitelson model (batch and interactive classes, Tsafrir estimates)")
    boolean lublin;

    @Option(names = "--jobs", paramLabel = "N", description = "with --lublin: how many jobs (default ${DEFAULT-VALUE})")
    int jobs = 10_000;

    @Option(names = "--procs", paramLabel = "P", description = "machine size in processors (default: the trace header's; with --lublin 128)")
    Integer procs;

    @Option(names = "--seed", paramLabel = "S", description = "with --lublin: random seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--policy", split = ",", paramLabel = "P,…", description = "schedulers (default: easy,conservative)")
    List<String> policies = List.of("easy", "conservative");

    @Option(names = "--load", paramLabel = "FROM:TO:STEP", description = "offered loads, FROM:TO:STEP (inclusive) or a,b,c (default ${DEFAULT-VALUE})")
    String load = "0.5:1.0:0.05";

    @Option(names = "--out-csv", paramLabel = "S.csv", description = "the points as CSV (seconds)")
    Path outCsv;

    @Option(names = "--png", paramLabel = "S.png", description = "the curves as a PNG chart")
    Path png;

    @Option(names = "--threads", paramLabel = "N", description = "simulations at once (default: the available processors, ${DEFAULT-VALUE})")
    int threads = Runtime.getRuntime().availableProcessors();

    @Spec
    CommandSpec commandSpec;

    static final String HEADER = "policy,offered_load,arrival_factor,jobs,mean_wait_s,mean_bounded_slowdown,utilization,makespan_s,wall_s";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
        if ((trace == null) == !lublin) throw new IllegalArgumentException("give either --trace T.swf.gz or --lublin (with --jobs, --procs, --seed)");
        if (threads < 1) throw new IllegalArgumentException("--threads is " + threads + "; must be ≥ 1");
        if (procs != null && procs < 1) throw new IllegalArgumentException("--procs is " + procs + "; must be ≥ 1");
        if (lublin && jobs < 2) throw new IllegalArgumentException("--jobs is " + jobs + "; must be ≥ 2");
        if (outCsv == null && png == null) throw new IllegalArgumentException("give --out-csv S.csv and/or --png S.png");
        for (String p : policies) {
            if (!SchedulerKind.ids().contains(p)) {
                throw new IllegalArgumentException("--policy " + p + ": unknown scheduler; use " + String.join(", ", SchedulerKind.ids()));
            }
        }
        List<Double> loads;
        try {
            loads = Saturation.parseLoads(load);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--load " + e.getMessage());
        }
        OutputTargets.create().input("--trace", trace).output("--out-csv", outCsv).output("--png", png).check();
        long t0 = System.nanoTime();
        SweepInput input = input();
        double own = Saturation.offeredLoad(input.scenario().jobs(), Saturation.capacity(input.scenario().cluster()));
        SweepSpec spec = Saturation.spec(input, List.copyOf(policies), loads);
        List<Variant> variants = spec.variants();
        err.printf(Locale.ROOT, "saturation: %s, %s, own offered load %.3f; %s on %s%n", input.name(),
                Units.count(input.scenario().jobs().size(), "job"), own, Units.count(variants.size(), "point"),
                Units.count(Math.min(threads, variants.size()), "thread"));
        List<SweepRow> rows = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        SweepRunner.run(spec, variants, threads, row -> {
            synchronized (rows) {
                rows.add(row);
            }
            Variant v = variants.get(row.id());
            err.println(progressLine(done.incrementAndGet(), variants.size(), v.policy(), Saturation.targetLoad(v, own), row));
        }, (d, t) -> { });
        rows.sort(Comparator.comparingInt(SweepRow::id));
        List<SaturationChart.Point> points = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (SweepRow r : rows) {
            Variant v = variants.get(r.id());
            double target = Saturation.targetLoad(v, own);
            points.add(new SaturationChart.Point(v.policy(), target, r.meanWaitSeconds(), r.meanBoundedSlowdown()));
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%s,%s,%s,%d,%.3f%n", v.policy(), target, v.load(), r.jobs(),
                    r.meanWaitSeconds(), r.meanBoundedSlowdown(), r.utilization(), r.makespanSeconds(), r.wallSeconds()));
        }
        if (outCsv != null) AtomicFiles.writeBytes(outCsv, s -> s.write(csv.toString().getBytes(StandardCharsets.UTF_8)));
        if (png != null) {
            if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
            String title = "Saturation: " + input.name() + " (" + Units.count(input.scenario().jobs().size(), "job") + ", "
                    + Units.count(Saturation.capacity(input.scenario().cluster()), "processor") + ")";
            AtomicFiles.writeBytes(png, s -> ChartUtils.writeChartAsPNG(s, SaturationChart.create(title, points), 1000, 800));
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "saturation %s: %s (%s × %s) in %s wall on %s; wrote %s%n", input.name(),
                Units.count(rows.size(), "point"), String.join(",", policies), Units.count(loads.size(), "load"), Units.duration(wall),
                Units.count(Math.min(threads, variants.size()), "thread"),
                String.join(" and ", Arrays.asList(outCsv, png).stream().filter(p -> p != null).map(Path::toString).toList()));
        return 0;
    }

    /**
     * One finished point, for people: {@code saturation: 20/20 easy load 1.450: mean wait 90 d 23 h, bounded slowdown
     * 97.8 k (3.2 s)} — the wait as a duration, the slowdown with three significant digits, the point's wall time.
     */
    static String progressLine(int done, int total, String policy, double load, SweepRow row) {
        return String.format(Locale.ROOT, "saturation: %d/%d %s load %.3f: mean wait %s, bounded slowdown %s (%s)", done, total,
                policy, load, Units.duration(row.meanWaitSeconds()), Units.number(row.meanBoundedSlowdown()),
                Units.duration(row.wallSeconds()));
    }

    private SweepInput input() throws Exception {
        if (lublin) {
            int p = procs == null ? 128 : procs;
            Scenario s = SweepReader.generatedScenario("lublin", "Lublin–Feitelson model, seed " + seed, p,
                    LublinModel.of(jobs, p, true, seed).generate());
            return new SweepInput("lublin-" + jobs + "-" + p + "-s" + seed, Path.of("lublin").toAbsolutePath(), s);
        }
        TraceReference ref = new TraceReference(trace, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE,
                maxJobs == null ? Long.MAX_VALUE : maxJobs, procs == null ? 0 : procs);
        SwfTrace t = SwfReader.read(trace, ref.toReadOptions());
        if (t.jobs().isEmpty()) throw new IllegalArgumentException("--trace " + trace + ": no job is left after the anomaly rules");
        String name = String.valueOf(trace.getFileName()).replaceAll("(\\.swf)?(\\.gz)?$", "");
        return new SweepInput(name, trace, SweepReader.traceScenario(name, trace, t, ref, SweepReader.DEFAULT_CHECKPOINT_SECONDS,
                SweepReader.DEFAULT_CHECKPOINT_SECONDS));
    }
}
