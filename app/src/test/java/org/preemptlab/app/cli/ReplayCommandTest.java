package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay} on the real Slurm runs kept as fixtures (model/src/test/resources/…/slurm-local). */
class ReplayCommandTest {

    @TempDir
    Path dir;

    private static Path fixture(String run, String file) {
        return SweepCommandTest.samples().resolveSibling("model/src/test/resources/org/preemptlab/history/slurm-local")
                .resolve(run).resolve(file);
    }

    @Test
    void replaysARealRunAndWritesTheTableAndTheReport() throws IOException {
        Path csv = dir.resolve("jobs.csv");
        Path report = dir.resolve("r.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--slurm-conf", fixture("ci-run1", "slurm.conf").toString(),
                "--gres-conf", fixture("ci-run1", "gres.conf").toString(), "--sacctmgr-dump", fixture("ci-run1", "sacctmgr-dump.txt").toString(),
                "--sacctmgr-qos", fixture("ci-run1", "sacctmgr-qos.txt").toString(),
                "--sacct", fixture("ci-run1", "sacct.txt").toString(), "--out-csv", csv.toString(), "--report", report.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("43 jobs: ").contains("warning: priority: multifactor, recomputed every PriorityCalcPeriod")
                .doesNotContain("left out");
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account");
        assertThat(lines).hasSize(44);
        assertThat(Files.readString(report)).contains("\"mode\": \"replay\"").contains("\"model\": \"site\"")
                .contains("\"priority\": \"multifactor\"").contains("\"jobs\": 43,").contains("\"toleranceSeconds\": 60,")
                .contains("\"startOrderKendallTau\": ").contains("\"byPartition\": {").contains("\"gpu\": {\"jobs\": 12");
    }

    @Test
    void thePlainNodesReplayOfIssue12StaysForComparison() throws IOException {
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--model", "nodes", "--slurm-conf", fixture("ci-run1", "slurm.conf").toString(),
                "--sacct", fixture("ci-run1", "sacct.txt").toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("warning: priority: sacct's Priority column")
                // Slurm's loop with batch_sched_delay (3 s) since issue 12's fidelity round (12 s, 4 s, 0.712 without it)
                .contains("43 jobs: 97.7 % within ±1 min; |start error| mean 13 s, median 8 s; Kendall tau 0.666");
        SweepCommandTest.Outcome bad = SweepCommandTest.run("replay", "--model", "nodes", "--priority", "multifactor", "--slurm-conf",
                fixture("ci-run1", "slurm.conf").toString(), "--sacct", fixture("ci-run1", "sacct.txt").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--priority multifactor needs --model site");
    }

    @Test
    void thePhasesOfThePassesAreInferredFromSacctByDefault() throws IOException {
        String run = "ci-log-rehearsal-run1";
        String[] site = {"--slurm-conf", fixture(run, "slurm.conf").toString(), "--gres-conf", fixture(run, "gres.conf").toString(),
            "--sacctmgr-dump", fixture(run, "sacctmgr-dump.txt").toString(), "--sacctmgr-qos", fixture(run, "sacctmgr-qos.txt").toString(),
            "--sacct", fixture(run, "sacct.txt").toString()};
        Path auto = dir.resolve("auto.json"), zero = dir.resolve("zero.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run(concat(site, "--report", auto.toString()));
        assertThat(o.code()).as(o.err()).isZero();
        // slurmctld's log of this run has its full passes at 9 s and its backfill cycles at 4 s mod 5 after the first submit
        assertThat(o.out()).contains("warning: passes: phases inferred from sacct's starts (--phase auto): full main passes at 9 s "
                + "+ k·sched_interval, backfill cycles at 4 s + k·bf_interval after the first submit (40 of 43 starts in a second with a pass")
                // the same-second rule (session 17) with the inferred phases: main-first
                .contains("warning: same-second order (--same-second auto: main-first): the main passes at .300 s and the backfill cycles "
                        + "at .600 s of their second; each job ends 40 ms after the millisecond of the pass that started it")
                .contains("43 jobs: 100 % within ±1 min; |start error| mean 3.2 s, median 0 s; Kendall tau 0.935");
        SweepCommandTest.Outcome engine = SweepCommandTest.run(concat(site, "--same-second", "engine"));
        assertThat(engine.code()).as(engine.err()).isZero();
        assertThat(engine.out()).doesNotContain("same-second order") // the engine's order, as before session 17
                .contains("43 jobs: 100 % within ±1 min; |start error| mean 1.2 s, median 0 s; Kendall tau 0.987");
        SweepCommandTest.Outcome later = SweepCommandTest.run(concat(site, "--same-second", "later"));
        assertThat(later.code()).isEqualTo(2);
        assertThat(later.err()).contains("--same-second is \"later\"; use auto, engine, main-first, backfill-first");
        assertThat(Files.readString(auto)).contains("\"phaseSeconds\": 9,").contains("\"backfillPhaseSeconds\": 4,")
                .contains("\"phaseAuto\": true");
        SweepCommandTest.Outcome z = SweepCommandTest.run(concat(site, "--phase", "0", "--report", zero.toString()));
        assertThat(z.code()).as(z.err()).isZero();
        assertThat(z.out()).doesNotContain("inferred").contains("Kendall tau 0.735");
        assertThat(Files.readString(zero)).contains("\"phaseSeconds\": 0,").doesNotContain("backfillPhaseSeconds").doesNotContain("phaseAuto");
        SweepCommandTest.Outcome bad = SweepCommandTest.run(concat(site, "--phase", "soon"));
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--phase is \"soon\"; use auto, drift or a whole number of seconds ≥ 0");
        SweepCommandTest.Outcome negative = SweepCommandTest.run(concat(site, "--phase", "-3"));
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("--phase is -3; must be ≥ 0 (or auto)");
    }

    @Test
    void phaseDriftGivesTheBackfillsPhasePieceByPiece() throws IOException {
        // full run 3 (load 13-23): slurmctld's log has its backfill cycles at 3 s mod 5 until 509 s, then at 4 s; from sacct alone
        // the starts no main pass explains show the drift at 524 s
        String run = "full-log-run3";
        String[] site = {"--slurm-conf", fixture(run, "slurm.conf").toString(), "--gres-conf", fixture(run, "gres.conf").toString(),
            "--sacctmgr-dump", fixture(run, "sacctmgr-dump.txt").toString(), "--sacctmgr-qos", fixture(run, "sacctmgr-qos.txt").toString(),
            "--sacct", fixture(run, "sacct.txt").toString()};
        Path drift = dir.resolve("drift.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run(concat(site, "--phase", "drift", "--report", drift.toString()));
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("warning: passes: the backfill's phase drifts (--phase drift): backfill cycles at 3 s, 4 s from 524 s "
                + "+ k·bf_interval after the first submit");
        assertThat(Files.readString(drift)).contains("\"phaseSeconds\": 8,").contains("\"backfillPhaseSeconds\": 3,")
                .contains("\"phaseAuto\": \"drift\"")
                .contains("\"backfillPhases\": [{\"fromSeconds\": 0, \"phaseSeconds\": 3}, {\"fromSeconds\": 524, \"phaseSeconds\": 4}]");
    }

    private static String[] concat(String[] site, String... more) {
        String[] a = new String[1 + site.length + more.length];
        a[0] = "replay";
        System.arraycopy(site, 0, a, 1, site.length);
        System.arraycopy(more, 0, a, 1 + site.length, more.length);
        return a;
    }

    @Test
    void replaysWithThePassesOfSlurmctldsLog() throws IOException {
        Path report = dir.resolve("log.json");
        String run = "full-log-run1";
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--slurm-conf", fixture(run, "slurm.conf").toString(),
                "--gres-conf", fixture(run, "gres.conf").toString(), "--sacctmgr-dump", fixture(run, "sacctmgr-dump.txt").toString(),
                "--sacctmgr-qos", fixture(run, "sacctmgr-qos.txt").toString(), "--sacct", fixture(run, "sacct.txt").toString(),
                "--slurmctld-log", fixture(run, "slurmctld-passes.txt").toString(), "--report", report.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("warning: passes at the instants of slurmctld's log: 95 full, 172 after an event, 181 backfill cycles")
                .contains("140 jobs:");
        assertThat(Files.readString(report)).contains("\"slurmctldLog\": \"slurmctld-passes.txt\"");
        SweepCommandTest.Outcome both = SweepCommandTest.run("replay", "--slurm-conf", fixture(run, "slurm.conf").toString(),
                "--sacct", fixture(run, "sacct.txt").toString(), "--phase", "2",
                "--slurmctld-log", fixture(run, "slurmctld-passes.txt").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("--phase and --slurmctld-log");
        SweepCommandTest.Outcome order = SweepCommandTest.run("replay", "--slurm-conf", fixture(run, "slurm.conf").toString(),
                "--sacct", fixture(run, "sacct.txt").toString(), "--same-second", "main-first",
                "--slurmctld-log", fixture(run, "slurmctld-passes.txt").toString());
        assertThat(order.code()).isEqualTo(2);
        assertThat(order.err()).contains("--same-second main-first is for a replay with --model site without --slurmctld-log");
    }

    @Test
    void comparesTwoRealRuns() throws IOException {
        Path report = dir.resolve("noise.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--sacct", fixture("full-run1", "sacct.txt").toString(),
                "--against-sacct", fixture("full-run2", "sacct.txt").toString(), "--bf-interval", "5", "--report", report.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("140 jobs: 65.0 % within ±1 min; |start error| mean 1 min 02 s, median 21 s; Kendall tau 0.808");
        assertThat(Files.readString(report)).contains("\"mode\": \"real-vs-real\"").contains("\"withinToleranceShare\": 0.65,");
    }

    @Test
    void backfillPlansOwnResourcesReachesThePolicyAndChangesStartsTheDefaultIsWholeNodes() throws IOException {
        String run = "ci-run1";
        java.util.function.Function<String, java.util.List<String>> replay = plans -> {
            Path csv = dir.resolve(plans + ".csv");
            Path report = dir.resolve(plans + ".json");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("replay", "--slurm-conf", fixture(run, "slurm.conf").toString(),
                    "--gres-conf", fixture(run, "gres.conf").toString(), "--sacctmgr-dump", fixture(run, "sacctmgr-dump.txt").toString(),
                    "--sacctmgr-qos", fixture(run, "sacctmgr-qos.txt").toString(), "--sacct", fixture(run, "sacct.txt").toString(),
                    "--out-csv", csv.toString(), "--report", report.toString(),
                    // phase 0: at this run's inferred phases (--phase auto) the two plans happen to give the same starts
                    "--phase", "0"));
            if (!plans.isEmpty()) args.addAll(java.util.List.of("--backfill-plans", plans));
            try {
                SweepCommandTest.Outcome o = SweepCommandTest.run(args.toArray(String[]::new));
                assertThat(o.code()).as(o.err()).isZero();
                assertThat(o.out().contains("warning: backfill plans: each holds only its job's")).isEqualTo(plans.equals("own-resources"));
                assertThat(Files.readString(report)).contains("\"backfillPlans\": \"" + (plans.isEmpty() ? "whole-nodes" : plans) + "\"");
                return Files.readAllLines(csv);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        java.util.List<String> byDefault = replay.apply("");
        java.util.List<String> own = replay.apply("own-resources");
        java.util.List<String> whole = replay.apply("whole-nodes");
        assertThat(whole).isEqualTo(byDefault);
        assertThat(own).hasSameSizeAs(byDefault).isNotEqualTo(byDefault);
        // the predicted start (third column) of at least one job moves with own-resource plans
        java.util.function.Function<java.util.List<String>, java.util.List<String>> starts = rows -> rows.stream()
                .map(l -> l.split(",")[0] + "," + l.split(",")[2]).toList();
        assertThat(starts.apply(own)).isNotEqualTo(starts.apply(byDefault));

        SweepCommandTest.Outcome nodes = SweepCommandTest.run("replay", "--model", "nodes", "--backfill-plans", "whole-nodes",
                "--slurm-conf", fixture(run, "slurm.conf").toString(), "--sacct", fixture(run, "sacct.txt").toString());
        assertThat(nodes.code()).isEqualTo(2);
        assertThat(nodes.err()).contains("--backfill-plans whole-nodes is for a replay with --model site");
        SweepCommandTest.Outcome against = SweepCommandTest.run("replay", "--backfill-plans", "whole-nodes",
                "--sacct", fixture(run, "sacct.txt").toString(), "--against-sacct", fixture(run, "sacct.txt").toString());
        assertThat(against.code()).isEqualTo(2);
        assertThat(against.err()).contains("--backfill-plans whole-nodes", "not with --against-sacct");
        SweepCommandTest.Outcome bad = SweepCommandTest.run("replay", "--backfill-plans", "half-nodes",
                "--slurm-conf", fixture(run, "slurm.conf").toString(), "--sacct", fixture(run, "sacct.txt").toString());
        assertThat(bad.code()).isEqualTo(64); // picocli's usage error: the option, the value and the choices
        assertThat(bad.err()).contains("--backfill-plans").contains("half-nodes").contains("own-resources").contains("whole-nodes");
    }

    @Test
    void badUseIsOneLineNamingTheProblem() throws IOException {
        SweepCommandTest.Outcome both = SweepCommandTest.run("replay", "--sacct", fixture("ci-run1", "sacct.txt").toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("give either --slurm-conf (replay) or --against-sacct (two real runs), not neither");
        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "JobID|Submit|Start|End|Elapsed|Timelimit|State\n1|2026-01-01T00:00:00|soon|None|00:00:00|1|COMPLETED\n");
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--sacct", bad.toString(), "--against-sacct", bad.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("bad.txt:2: Start: \"soon\": not a time");
    }

    @Test
    void whatIfMoreCpuNodesReportsTheChangeAgainstTheBaselinePerAccountAndPartition() throws IOException {
        String conf = Files.readString(fixture("full-run1", "slurm.conf"));
        Path more = Files.writeString(dir.resolve("more.conf"), conf.replace("NodeName=c[1-5]", "NodeName=c[1-8]")
                .replace("Port=[17101-17105]", "Port=[17101-17108]").replace("Nodes=c[1-5]", "Nodes=c[1-8]"));
        Path csv = dir.resolve("jobs.csv");
        Path report = dir.resolve("r.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run("replay", "--slurm-conf", more.toString(),
                "--baseline-slurm-conf", fixture("full-run1", "slurm.conf").toString(),
                "--gres-conf", fixture("full-run1", "gres.conf").toString(), "--sacctmgr-dump", fixture("full-run1", "sacctmgr-dump.txt").toString(),
                "--sacctmgr-qos", fixture("full-run1", "sacctmgr-qos.txt").toString(),
                "--sacct", fixture("full-run1", "sacct.txt").toString(), "--out-csv", csv.toString(), "--report", report.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("what-if against the baseline replay (140 jobs in both):").contains("  partition cpu: ")
                .contains("  account chem: ").containsPattern("all jobs: 140 jobs, mean wait \\d+ min \\d+ s → \\d+ min \\d+ s \\(-\\d+\\.\\d %\\)");
        String json = Files.readString(report);
        assertThat(json).contains("\"whatIf\": {").contains("\"baselineSlurmConf\": ").contains("\"baselineStartOrderKendallTau\": ")
                .contains("\"meanWaitChangePercent\": ").contains("\"startedEarlier\": ");
        var lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",account,baselineStart,baselineWait,whatIfChangeSeconds");
        assertThat(lines).hasSize(141);
        // the report's overall means agree with the CSV's seconds
        double base = 0, what = 0;
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            what += Long.parseLong(f[5]);
            base += Long.parseLong(f[9]);
        }
        var all = java.util.regex.Pattern.compile("\"all\": \\{\"jobs\": 140, \"meanWaitBaselineSeconds\": ([0-9.]+), "
                + "\"meanWaitWhatIfSeconds\": ([0-9.]+)").matcher(json);
        assertThat(all.find()).as(json).isTrue();
        assertThat(Double.parseDouble(all.group(1))).isCloseTo(base / 140, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Double.parseDouble(all.group(2))).isCloseTo(what / 140, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(what).isLessThan(base);
        SweepCommandTest.Outcome bad = SweepCommandTest.run("replay", "--model", "nodes", "--slurm-conf", more.toString(),
                "--baseline-slurm-conf", fixture("full-run1", "slurm.conf").toString(), "--sacct", fixture("full-run1", "sacct.txt").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--baseline-* options need --model site");
    }
}
