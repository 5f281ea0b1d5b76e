package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.preemptlab.app.chart.WorkloadCompareChart;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.workload.LublinModel;
import org.preemptlab.workload.WorkloadStatistics;
import org.preemptlab.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A real trace against the Lublin–Feitelson model (with Tsafrir estimates) of the same machine and size. */
@Command(name = "workload-compare", mixinStandardHelpOptions = true,
        description = {"Compare an SWF trace with the Lublin–Feitelson model (batch and interactive classes, Tsafrir",
                "estimates) for the same machine size and number of jobs: the statistics the model is judged by on",
                "stdout, and the distributions of size, run time, estimate and time of day as a PNG (--png)."})
final class WorkloadCompareCommand implements Callable<Integer> {

    @Option(names = "--trace", required = true, paramLabel = "T.swf.gz", description = "SWF trace, plain or gzip")
    Path trace;

    @Option(names = "--procs", paramLabel = "P", description = "machine size (default: the trace header's)")
    Integer procs;

    @Option(names = "--jobs", paramLabel = "N", description = "jobs to generate (default: as many as the trace has)")
    Integer jobs;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--png", paramLabel = "C.png", description = "the four distributions as a PNG")
    Path png;

    @Spec
    CommandSpec commandSpec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = commandSpec.commandLine().getOut();
        if (procs != null && procs < 1) throw new IllegalArgumentException("--procs is " + procs + "; must be ≥ 1");
        if (jobs != null && jobs < 1) throw new IllegalArgumentException("--jobs is " + jobs + "; must be ≥ 1");
        OutputTargets.create().input("--trace", trace).output("--png", png).check();
        SwfTrace t = SwfReader.read(trace, procs == null ? SwfReadOptions.defaults() : SwfReadOptions.defaults().withProcs(procs));
        if (t.jobs().isEmpty()) throw new IllegalArgumentException("--trace " + trace + ": no job is left after the anomaly rules");
        int p = t.machineProcs();
        int n = jobs == null ? t.jobs().size() : jobs;
        List<JobSpec> model = LublinModel.of(n, p, true, seed).generate();
        long offset = dayOffset(t);
        String name = String.valueOf(trace.getFileName()).replaceAll("(\\.swf)?(\\.gz)?$", "");
        WorkloadStatistics a = WorkloadStatistics.of(t.jobs(), offset);
        WorkloadStatistics b = WorkloadStatistics.of(model);
        out.printf(Locale.ROOT, "%-26s %14s %14s%n", "statistic", name.length() > 14 ? name.substring(0, 14) : name, "Lublin+Tsafrir");
        row(out, "jobs", Units.group(a.jobs()), Units.group(b.jobs()));
        row(out, "serial share", Units.share(a.serialShare()), Units.share(b.serialShare()));
        row(out, "power-of-two share", Units.share(a.powerOfTwoShare()), Units.share(b.powerOfTwoShare()));
        row(out, "mean log2(size)", a.meanLog2Size(), b.meanLog2Size());
        row(out, "mean ln(run time, s)", a.meanLnRuntime(), b.meanLnRuntime());
        row(out, "corr(log size, log run)", a.sizeRuntimeCorrelation(), b.sizeRuntimeCorrelation());
        row(out, "share hitting the limit", Units.share(a.limitShare()), Units.share(b.limitShare()));
        out.printf(Locale.ROOT, "%-26s %14s %14s%n", "busiest half hour", halfHour(a.arrivalsPerHalfHour()), halfHour(b.arrivalsPerHalfHour()));
        if (png != null) {
            if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
            var img = WorkloadCompareChart.image(name + " (" + Units.count(t.jobs().size(), "job") + ")", t.jobs(), offset,
                    "Lublin–Feitelson + Tsafrir (seed " + seed + ")", model, 1400, 1000);
            AtomicFiles.writeBytes(png, s -> ImageIO.write(img, "png", s));
            out.println("wrote " + png);
        }
        return 0;
    }

    /** Seconds from local midnight to the trace's time 0, from the header (TimeZoneString, else TimeZone), else 0. */
    static long dayOffset(SwfTrace t) {
        var start = t.header().value("UnixStartTime");
        if (start.isEmpty()) return 0;
        try {
            long unix = Long.parseLong(start.get().trim());
            var zone = t.header().value("TimeZoneString");
            if (zone.isPresent()) {
                return ZoneId.of(zone.get().trim()).getRules().getOffset(Instant.ofEpochSecond(unix)).getTotalSeconds() + unix;
            }
            return unix + t.header().value("TimeZone").map(s -> Long.parseLong(s.trim())).orElse(0L);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** A statistic that is a plain number (a mean of logarithms, a correlation): three decimals. */
    private static void row(PrintWriter out, String what, double a, double b) {
        out.printf(Locale.ROOT, "%-26s %14.3f %14.3f%n", what, a, b);
    }

    /** A statistic already written for people (a count, a share in %). */
    private static void row(PrintWriter out, String what, String a, String b) {
        out.printf(Locale.ROOT, "%-26s %14s %14s%n", what, a, b);
    }

    private static String halfHour(double[] shares) {
        int best = 0;
        for (int k = 1; k < shares.length; k++) if (shares[k] > shares[best]) best = k;
        return String.format(Locale.ROOT, "%02d:%02d", best / 2, best % 2 * 30);
    }
}
