package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.replay.HistoryReplay;
import org.preemptlab.replay.HistoryTimes;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmConfParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Replays a site's sacct history on its slurm.conf with Slurm's scheduling loop and compares the
 * predicted starts with the real ones; or, with {@code --against-sacct}, compares two real runs of
 * one workload (Slurm's own run-to-run spread, the noise floor).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replay a Slurm history (sacct -P -X, header included) on the nodes of a slurm.conf with Slurm's main and "
                + "backfill scheduler, and compare every job's predicted start with its real one.",
                "With --against-sacct OTHER.txt instead of --slurm-conf: compare two real runs of one workload (matched by "
                        + "JobName and array task: --key name) - Slurm's own noise floor.",
                "Per-job CSV: jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account "
                        + "(seconds since the earliest Submit). Report JSON: jobs, toleranceSeconds, withinToleranceShare, "
                        + "meanAbsStartErrorSeconds, medianAbsStartErrorSeconds, startOrderKendallTau, mean waits, per partition and account."})
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--slurm-conf", paramLabel = "slurm.conf", description = "the site's slurm.conf (nodes, partitions, SchedulerParameters)")
    Path slurmConf;

    @Option(names = "--gres-conf", paramLabel = "gres.conf", description = "the site's gres.conf (GPU types and counts)")
    Path gresConf;

    @Option(names = "--sacctmgr-dump", paramLabel = "FILE", description = "a `sacctmgr dump CLUSTER` file: accounts, shares, QOS, limits "
            + "(without it every user gets 1 share under root)")
    Path sacctmgrDump;

    @Option(names = "--sacctmgr-qos", paramLabel = "FILE", description = "the output of `sacctmgr -P show qos` (QOS priorities and "
            + "limits; the dump lists only their names)")
    Path sacctmgrQos;

    @Option(names = "--model", defaultValue = "site", paramLabel = "site|nodes",
            description = "site (default): the version-2 cluster of the site's files (TRES, GRES, partitions, limits, multifactor "
                    + "priority); nodes: plain nodes and cores with sacct's Priority column (the first replay, for comparison)")
    String model;

    @Option(names = "--priority", defaultValue = "multifactor", paramLabel = "multifactor|sacct",
            description = "with --model site: multifactor (default, the engine recomputes it every PriorityCalcPeriod) or sacct "
                    + "(sacct's Priority column, fixed)")
    String priority;

    @Option(names = "--sacct", required = true, paramLabel = "SACCT.txt", description = "sacct -P -X --format=" + "JobID,JobName,User,"
            + "Account,Partition,QOS,Submit,Eligible,Start,End,Elapsed,Timelimit,NNodes,NCPUS,ReqMem,ReqTRES,AllocTRES,NodeList,State,Priority")
    Path sacct;

    @Option(names = "--against-sacct", paramLabel = "OTHER.txt", description = "a second real run of the same workload: compare the two")
    Path against;

    @Option(names = "--key", defaultValue = "", paramLabel = "jobid|name",
            description = "how jobs are matched: jobid, or name (JobName + array task; default with --against-sacct)")
    String key;

    @Option(names = "--tolerance", paramLabel = "SECONDS", description = "within-tolerance bound (default: max(2 × bf_interval, 60))")
    Long tolerance;

    @Option(names = "--bf-interval", paramLabel = "SECONDS", description = "with --against-sacct and no --tolerance: the bf_interval for the default tolerance (default 30)")
    Long bfInterval;

    @Option(names = "--phase", defaultValue = "0", paramLabel = "SECONDS",
            description = "replay: the periodic passes run at phase + k × interval, seconds after the earliest Submit (default ${DEFAULT-VALUE})")
    long phase;

    @Option(names = "--out-csv", paramLabel = "JOBS.csv", description = "the per-job table")
    Path outCsv;

    @Option(names = "--report", paramLabel = "R.json", description = "the report values as JSON")
    Path report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if ((slurmConf == null) == (against == null)) {
            throw new IllegalArgumentException("give either --slurm-conf (replay) or --against-sacct (two real runs), not "
                    + (slurmConf == null ? "neither" : "both"));
        }
        if (phase < 0) throw new IllegalArgumentException("--phase is " + phase + "; must be ≥ 0");
        if (tolerance != null && tolerance < 0) throw new IllegalArgumentException("--tolerance is " + tolerance + "; must be ≥ 0");
        OutputTargets.create().input("--sacct", sacct).input("--against-sacct", against).input("--slurm-conf", slurmConf)
                .input("--gres-conf", gresConf).input("--sacctmgr-dump", sacctmgrDump).input("--sacctmgr-qos", sacctmgrQos)
                .output("--out-csv", outCsv).output("--report", report).check();
        HistoryTimes.Key k = switch (key.isEmpty() ? (against != null ? "name" : "jobid") : key.toLowerCase(Locale.ROOT)) {
            case "jobid" -> HistoryTimes.Key.JOBID;
            case "name" -> HistoryTimes.Key.NAME;
            default -> throw new IllegalArgumentException("--key is \"" + key + "\"; use jobid or name");
        };
        SacctHistory a = SacctReader.read(sacct);
        Map<String, String> extra = new LinkedHashMap<>();
        StartComparison c;
        if (against != null) {
            SacctHistory b = SacctReader.read(against);
            long tol = tolerance != null ? tolerance : StartComparison.defaultTolerance(bfInterval == null ? 30 : bfInterval);
            c = StartComparison.compare(HistoryTimes.of(a, k), HistoryTimes.of(b, k), tol);
            extra.put("mode", q("real-vs-real"));
            extra.put("actual", q(sacct.getFileName().toString()));
            extra.put("predicted", q(against.getFileName().toString()));
            extra.put("rules", rules(a));
        } else {
            String m = model.strip().toLowerCase(Locale.ROOT);
            String pr = priority.strip().toLowerCase(Locale.ROOT);
            if (!m.equals("site") && !m.equals("nodes")) throw new IllegalArgumentException("--model is \"" + model + "\"; use site or nodes");
            if (!pr.equals("multifactor") && !pr.equals("sacct")) {
                throw new IllegalArgumentException("--priority is \"" + priority + "\"; use multifactor or sacct");
            }
            HistoryReplay.Result r;
            List<String> warnings;
            if (m.equals("nodes")) {
                if (pr.equals("multifactor") && spec.commandLine().getParseResult().hasMatchedOption("--priority")) {
                    throw new IllegalArgumentException("--model nodes replays with sacct's Priority column only; --priority multifactor needs --model site");
                }
                ImportReport rep = new ImportReport();
                SlurmConf conf = SlurmConfParser.read(slurmConf, rep);
                r = HistoryReplay.run(conf, a, phase, tolerance);
                warnings = new java.util.ArrayList<>(r.warnings());
                if (gresConf != null) warnings.add("--gres-conf not used with --model nodes");
                if (sacctmgrDump != null || sacctmgrQos != null) warnings.add("--sacctmgr-dump and --sacctmgr-qos not used with --model nodes");
            } else {
                SlurmSite site = SlurmSite.read(new SlurmSite.Files(slurmConf, gresConf, sacctmgrDump, sacctmgrQos));
                r = SiteReplay.run(site, a, phase, tolerance, pr.equals("sacct") ? SiteReplay.Priority.SACCT : SiteReplay.Priority.MULTIFACTOR);
                warnings = new java.util.ArrayList<>(r.warnings());
            }
            extra.put("model", q(m));
            extra.put("priority", q(m.equals("nodes") ? "sacct" : pr));
            c = r.comparison();
            extra.put("mode", q("replay"));
            extra.put("actual", q(sacct.getFileName().toString()));
            extra.put("scheduler", q("slurm"));
            extra.put("phaseSeconds", Long.toString(phase));
            extra.put("replayedJobs", Integer.toString(r.replayed()));
            extra.put("backfillCycles", Long.toString(r.backfillCycles()));
            extra.put("replayWallSeconds", String.format(Locale.ROOT, "%.3f", r.wallMillis() / 1000.0));
            extra.put("rules", rules(a));
            extra.put("warnings", "[" + String.join(", ", warnings.stream().map(ReplayCommand::q).toList()) + "]");
            for (String w : warnings) out.println("warning: " + w);
        }
        String json = c.toJson(extra);
        AtomicFiles.together(() -> {
            if (outCsv != null) AtomicFiles.write(outCsv, w -> w.write(c.toCsv()));
            if (report != null) AtomicFiles.write(report, w -> w.write(json));
        });
        out.printf(Locale.ROOT, "%d jobs: %.1f %% within %d s; |start error| mean %.1f s, median %.1f s; Kendall tau %.3f; "
                        + "mean wait %.1f s actual, %.1f s %s%n", c.jobs(), 100 * c.withinToleranceShare(), c.toleranceSeconds(),
                c.meanAbsStartErrorSeconds(), c.medianAbsStartErrorSeconds(), c.startOrderKendallTau(), c.meanWaitActualSeconds(),
                c.meanWaitPredictedSeconds(), against != null ? "in the other run" : "predicted");
        return 0;
    }

    private static String rules(SacctHistory h) {
        StringBuilder b = new StringBuilder("{");
        String sep = "";
        for (var e : h.counts().entrySet()) {
            b.append(sep).append(q(e.getKey().name())).append(": ").append(e.getValue());
            sep = ", ";
        }
        return b.append('}').toString();
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
            else b.append(ch);
        }
        return b.append('"').toString();
    }
}
