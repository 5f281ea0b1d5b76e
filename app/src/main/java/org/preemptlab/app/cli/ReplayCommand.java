package org.preemptlab.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.fidelity.WhatIfComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.replay.HistoryReplay;
import org.preemptlab.replay.HistoryTimes;
import org.preemptlab.replay.PassPhase;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.replay.SiteReplayRun;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmConfParser;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.units.Units;
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
                        + "meanAbsStartErrorSeconds, medianAbsStartErrorSeconds, startOrderKendallTau, mean waits, per partition and account.",
                "What-if: --slurm-conf (and --gres-conf, --sacctmgr-dump, --sacctmgr-qos) the changed site, --baseline-slurm-conf "
                        + "(and --baseline-*; each defaults to the what-if's file) the current one: both replay the history; the report "
                        + "gains whatIf (mean/median waits baseline vs what-if per account and partition, change in %%, jobs earlier/later) "
                        + "and the CSV baselineStart,baselineWait,whatIfChangeSeconds."})
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

    @Option(names = "--baseline-slurm-conf", paramLabel = "slurm.conf", description = "what-if: the site's current slurm.conf; "
            + "the history is replayed on both and --slurm-conf's changes reported per account and partition (report: whatIf)")
    Path baselineSlurmConf;

    @Option(names = "--baseline-gres-conf", paramLabel = "gres.conf", description = "what-if: the baseline's gres.conf (default: --gres-conf)")
    Path baselineGresConf;

    @Option(names = "--baseline-sacctmgr-dump", paramLabel = "FILE", description = "what-if: the baseline's sacctmgr dump (default: --sacctmgr-dump)")
    Path baselineSacctmgrDump;

    @Option(names = "--baseline-sacctmgr-qos", paramLabel = "FILE", description = "what-if: the baseline's QOS table (default: --sacctmgr-qos)")
    Path baselineSacctmgrQos;

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

    @Option(names = "--phase", defaultValue = "auto", paramLabel = "auto|drift|SECONDS",
            description = "replay: the periodic passes run at phase + k × interval, seconds after the earliest Submit; auto (default, "
                    + "--model site): the main passes' and the backfill's phases inferred from the seconds of sacct's starts "
                    + "(docs/slurm-fidelity.md, \"The passes' phases from sacct\"); drift: the same with the backfill's phase piece by piece "
                    + "(its timer drifts; \"A drifting backfill timer\"); --model nodes takes auto and drift as 0")
    String phaseText;

    /** The phase asked for: seconds ≥ 0, or PassPhase.AUTO. */
    private long phase() {
        String t = phaseText.strip();
        if (t.equalsIgnoreCase("auto")) return PassPhase.AUTO;
        if (t.equalsIgnoreCase("drift")) return PassPhase.AUTO_DRIFT;
        long p;
        try {
            p = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--phase is \"" + phaseText + "\"; use auto, drift or a whole number of seconds ≥ 0");
        }
        if (p < 0) throw new IllegalArgumentException("--phase is " + p + "; must be ≥ 0 (or auto)");
        return p;
    }

    @Option(names = "--slurmctld-log", paramLabel = "FILE",
            description = "replay (--model site): run Slurm's passes at the instants slurmctld's log recorded (SlurmctldDebug=debug, "
                    + "DebugFlags=Backfill) instead of at phase + k × interval")
    Path slurmctldLog;

    @Option(names = "--backfill-plans", paramLabel = "whole-nodes|own-resources",
            description = "replay (--model site): how the backfill plans the jobs it cannot start now: whole-nodes (default: Slurm's "
                    + "plans on whole nodes, cons_tres's will-run test, 30-s batches on the wall clock; docs/slurm-fidelity.md, "
                    + "\"Whole-node plans\") or own-resources (each plan holds only the job's CPUs, memory, GRES)")
    BackfillPlans backfillPlans;

    /** The plans chosen, else the replay's default. */
    private BackfillPlans plans() {
        return backfillPlans != null ? backfillPlans : BackfillPlans.DEFAULT;
    }

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
        long phase = phase();
        if (tolerance != null && tolerance < 0) throw new IllegalArgumentException("--tolerance is " + tolerance + "; must be ≥ 0");
        OutputTargets.create().input("--sacct", sacct).input("--against-sacct", against).input("--slurm-conf", slurmConf)
                .input("--gres-conf", gresConf).input("--slurmctld-log", slurmctldLog).input("--sacctmgr-dump", sacctmgrDump).input("--sacctmgr-qos", sacctmgrQos)
                .input("--baseline-slurm-conf", baselineSlurmConf).input("--baseline-gres-conf", baselineGresConf)
                .input("--baseline-sacctmgr-dump", baselineSacctmgrDump).input("--baseline-sacctmgr-qos", baselineSacctmgrQos)
                .output("--out-csv", outCsv).output("--report", report).check();
        HistoryTimes.Key k = switch (key.isEmpty() ? (against != null ? "name" : "jobid") : key.toLowerCase(Locale.ROOT)) {
            case "jobid" -> HistoryTimes.Key.JOBID;
            case "name" -> HistoryTimes.Key.NAME;
            default -> throw new IllegalArgumentException("--key is \"" + key + "\"; use jobid or name");
        };
        boolean whatIfMode = baselineSlurmConf != null || baselineGresConf != null || baselineSacctmgrDump != null
                || baselineSacctmgrQos != null;
        if (whatIfMode && against != null) throw new IllegalArgumentException("--baseline-* options are for a what-if replay (--slurm-conf), not with --against-sacct");
        if (slurmctldLog != null && (against != null || model.strip().equalsIgnoreCase("nodes"))) {
            throw new IllegalArgumentException("--slurmctld-log is for a replay with --model site, not with --against-sacct or --model nodes");
        }
        if (backfillPlans == BackfillPlans.WHOLE_NODES && (against != null || model.strip().equalsIgnoreCase("nodes"))) {
            throw new IllegalArgumentException("--backfill-plans whole-nodes is for a replay with --model site (Slurm's TRES nodes), "
                    + "not with --against-sacct or --model nodes");
        }
        if (whatIfMode && model.strip().equalsIgnoreCase("nodes")) throw new IllegalArgumentException("--baseline-* options need --model site");
        SacctHistory a = SacctReader.read(sacct);
        Map<String, String> extra = new LinkedHashMap<>();
        Map<String, String> trailing = new LinkedHashMap<>();
        WhatIfComparison whatIf = null;
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
                r = HistoryReplay.run(conf, a, phase < 0 ? 0 : phase, tolerance);
                warnings = new java.util.ArrayList<>(r.warnings());
                if (gresConf != null) warnings.add("--gres-conf not used with --model nodes");
                if (sacctmgrDump != null || sacctmgrQos != null) warnings.add("--sacctmgr-dump and --sacctmgr-qos not used with --model nodes");
            } else {
                SlurmSite.Files files = new SlurmSite.Files(slurmConf, gresConf, sacctmgrDump, sacctmgrQos);
                SlurmSite site = SlurmSite.read(files);
                SiteReplay.Priority prio = pr.equals("sacct") ? SiteReplay.Priority.SACCT : SiteReplay.Priority.MULTIFACTOR;
                if (slurmctldLog != null && phase > 0) throw new IllegalArgumentException("--phase and --slurmctld-log: give one (the log has the passes' instants)");
                SlurmSite.Files bf = whatIfMode ? SiteReplayRun.baselineFiles(files,
                        new SlurmSite.Files(baselineSlurmConf, baselineGresConf, baselineSacctmgrDump, baselineSacctmgrQos)) : null;
                SiteReplayRun.Outcome run = SiteReplayRun.run(site, bf == null ? null : SlurmSite.read(bf), a,
                        new SiteReplayRun.Options(prio, phase, slurmctldLog == null ? null : SlurmctldLog.read(slurmctldLog), tolerance,
                                plans()), false,
                        SiteReplayRun.Progress.NONE);
                r = run.result();
                warnings = new java.util.ArrayList<>(run.warnings());
                if (whatIfMode) {
                    HistoryReplay.Result base = run.baseline();
                    whatIf = run.whatIf();
                    Map<String, String> wx = new LinkedHashMap<>();
                    wx.put("baselineSlurmConf", q(bf.slurmConf().toString()));
                    if (bf.gresConf() != null) wx.put("baselineGresConf", q(bf.gresConf().toString()));
                    if (bf.sacctmgrDump() != null) wx.put("baselineSacctmgrDump", q(bf.sacctmgrDump().toString()));
                    if (bf.sacctmgrQos() != null) wx.put("baselineSacctmgrQos", q(bf.sacctmgrQos().toString()));
                    StartComparison bc = base.comparison();
                    wx.put("baselineReplayedJobs", Integer.toString(base.replayed()));
                    wx.put("baselineWithinToleranceShare", num(bc.withinToleranceShare()));
                    wx.put("baselineMeanAbsStartErrorSeconds", num(bc.meanAbsStartErrorSeconds()));
                    wx.put("baselineStartOrderKendallTau", num(bc.startOrderKendallTau()));
                    trailing.put("whatIf", whatIf.toJson(wx));
                }
            }
            extra.put("model", q(m));
            extra.put("priority", q(m.equals("nodes") ? "sacct" : pr));
            c = r.comparison();
            extra.put("mode", q("replay"));
            extra.put("actual", q(sacct.getFileName().toString()));
            extra.put("scheduler", q("slurm"));
            extra.put("phaseSeconds", Long.toString(r.scheduler().phaseSeconds()));
            if (r.scheduler().bfPhaseSeconds() != r.scheduler().phaseSeconds()) {
                extra.put("backfillPhaseSeconds", Long.toString(r.scheduler().bfPhaseSeconds()));
            }
            if (phase < 0 && m.equals("site") && slurmctldLog == null) extra.put("phaseAuto", phase == PassPhase.AUTO_DRIFT ? q("drift") : "true");
            if (r.scheduler().bfPhases() != null) {
                var pieces = r.scheduler().bfPhases();
                StringBuilder pj = new StringBuilder("[");
                for (int i = 0; i < pieces.pieces(); i++) {
                    if (i > 0) pj.append(", ");
                    pj.append("{\"fromSeconds\": ").append(pieces.fromSeconds()[i]).append(", \"phaseSeconds\": ").append(pieces.phases()[i]).append('}');
                }
                extra.put("backfillPhases", pj.append(']').toString());
            }
            extra.put("backfillPlans", q(m.equals("nodes") ? BackfillPlans.OWN_RESOURCES.toString() : plans().toString()));
            if (slurmctldLog != null) extra.put("slurmctldLog", q(slurmctldLog.getFileName().toString()));
            extra.put("replayedJobs", Integer.toString(r.replayed()));
            extra.put("backfillCycles", Long.toString(r.backfillCycles()));
            extra.put("replayWallSeconds", String.format(Locale.ROOT, "%.3f", r.wallMillis() / 1000.0));
            extra.put("rules", rules(a));
            extra.put("warnings", "[" + String.join(", ", warnings.stream().map(ReplayCommand::q).toList()) + "]");
            for (String w : warnings) out.println("warning: " + w);
        }
        String json = c.toJson(extra, trailing);
        String table = whatIf != null ? whatIf.toCsv(c) : c.toCsv();
        AtomicFiles.together(() -> {
            if (outCsv != null) AtomicFiles.write(outCsv, w -> w.write(table));
            if (report != null) AtomicFiles.write(report, w -> w.write(json));
        });
        out.println(summary(c, against != null));
        if (whatIf != null) printWhatIf(out, whatIf);
        return 0;
    }

    /**
     * The replay's one-line summary in human units: {@code 140 jobs: 67.9 % within ±1 min; |start error| mean 1 min 17 s,
     * median 26.5 s; Kendall tau 0.747; mean wait 2 min 48 s actual, 2 min 43 s predicted}.
     */
    static String summary(StartComparison c, boolean againstOtherRun) {
        return Units.count(c.jobs(), "job") + ": " + Units.share(c.withinToleranceShare()) + " within ±" + Units.duration(c.toleranceSeconds())
                + "; |start error| mean " + Units.duration(c.meanAbsStartErrorSeconds()) + ", median "
                + Units.duration(c.medianAbsStartErrorSeconds()) + "; Kendall tau " + String.format(Locale.ROOT, "%.3f", c.startOrderKendallTau())
                + "; mean wait " + Units.duration(c.meanWaitActualSeconds()) + " actual, " + Units.duration(c.meanWaitPredictedSeconds())
                + (againstOtherRun ? " in the other run" : " predicted");
    }

    /** The what-if in human units: overall, then per partition and per account. */
    static void printWhatIf(PrintWriter out, WhatIfComparison w) {
        out.println(SiteReplayRun.whatIfHeadline(w) + ":");
        out.println("  all jobs: " + SiteReplayRun.whatIfLine(w.all()));
        w.byPartition().forEach((k, g) -> out.println("  partition " + k + ": " + SiteReplayRun.whatIfLine(g)));
        w.byAccount().forEach((k, g) -> out.println("  account " + k + ": " + SiteReplayRun.whatIfLine(g)));
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "null" : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
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
