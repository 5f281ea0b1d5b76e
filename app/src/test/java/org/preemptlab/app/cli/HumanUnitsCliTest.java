package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.sweep.SweepRow;

/**
 * Every command's text for people is in human units (issue 13): each command runs in-process on a small input and
 * its standard output and standard error (what a person reads in the terminal) must not hold a raw duration of
 * 1,000 s or more ({@code 7858945 s}), work in core-seconds, a long decimal ({@code 65.79332246575679}), an
 * ungrouped count of five digits or more before a noun, a hedged plural ({@code node(s)}) or a wrong one
 * ({@code 1 lines}). Files for programs (CSV, JSON, SWF, the events CSV) are not looked at: they keep seconds.
 *
 * <p>Exceptions, by design and documented in docs/cli.md: {@code bench}'s table is a measurement record (seconds
 * with decimals, so two engine versions can be compared) and is not run here; {@code sweep --list} prints ids.
 */
class HumanUnitsCliTest {

    @TempDir
    Path dir;

    /** What a person must not read; each with a name for the failure message. */
    private static final List<Pattern> RAW = List.of(
            Pattern.compile("(?<![\\d.,:])\\d{4,} s\\b"), // 7858945 s, 2184 s
            Pattern.compile("\\d{4,}\\.\\d+ s\\b"), // 1234.5 s
            Pattern.compile("core[·-]s\\b|proc[·-]s\\b|core-seconds|proc-seconds"), // raw work
            Pattern.compile("\\d+\\.\\d{5,}"), // 65.79332246575679
            Pattern.compile("\\w\\(s\\)"), // node(s), job(s)
            Pattern.compile("(?<![\\d.,])1 (jobs|nodes|cores|lines|processors|points|threads|loads|reservations|warnings|rules)\\b"),
            Pattern.compile("(?<![\\d.,:\\w-])\\d{5,} (jobs|nodes|cores|processors|lines)\\b")); // 18066 jobs

    private static Path trace() {
        return SweepCommandTest.samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
    }

    private static Path history(String file) {
        return SweepCommandTest.samples().resolveSibling("model/src/test/resources/org/preemptlab/history/slurm-local/full-run1")
                .resolve(file);
    }

    /** Runs one command with System.out and System.err captured too (some commands print there directly). */
    private static String run(String... args) {
        PrintStream wasOut = System.out;
        PrintStream wasErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SweepCommandTest.Outcome o;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            o = SweepCommandTest.run(args);
        } finally {
            System.setOut(wasOut);
            System.setErr(wasErr);
        }
        String text = o.out() + o.err() + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(o.code()).as(String.join(" ", args) + "\n" + text).isZero();
        return text;
    }

    private static void assertHuman(String command, String text) {
        List<String> found = new ArrayList<>();
        for (String line : text.split("\n")) {
            for (Pattern p : RAW) {
                Matcher m = p.matcher(line);
                if (m.find()) found.add("\"" + m.group() + "\" in: " + line);
            }
        }
        assertThat(found).as(command + " prints raw units:\n" + text).isEmpty();
    }

    @Test
    void simulateRunAndMaintenance() {
        Path samples = SweepCommandTest.samples();
        assertHuman("simulate", run("simulate", "--trace", trace().toString(), "--policy", "easy"));
        assertHuman("simulate aggressive-checkpoint", run("simulate", "--trace", trace().toString(), "--policy", "aggressive-checkpoint"));
        Path swf = samples.resolveSibling("model/src/test/resources/swf/duplicate.swf");
        String anomalies = run("simulate", "--trace", swf.toString());
        assertThat(anomalies).contains("4 job lines, 3 jobs kept, 1 line dropped by anomaly rules");
        assertHuman("simulate (anomaly report)", anomalies);
        assertHuman("run", run("run", samples.resolve("suspend-vs-memory.json").toString()));
        String maintenance = run("maintenance", samples.resolve("maintenance-drain-vs-checkpoint.json").toString());
        assertThat(maintenance).contains("at 12 h 00 min for 4 h");
        assertHuman("maintenance", maintenance);
        assertHuman("break-even", run("break-even", samples.resolve("maintenance-drain-vs-checkpoint.json").toString(), "--png",
                dir.resolve("be.png").toString(), "--bandwidth", "10:1000:2", "--image-size", "1024:4096:2", "--threads", "2"));
    }

    @Test
    void workloadCommands() throws IOException {
        String saturation = run("saturation", "--trace", trace().toString(), "--policy", "easy", "--load", "0.5,1.45", "--out-csv",
                dir.resolve("s.csv").toString(), "--threads", "2");
        assertThat(saturation).containsPattern("saturation: [12]/2 easy load 1\\.450: mean wait \\d+ h( \\d+ min)?, bounded slowdown");
        assertHuman("saturation", saturation);
        assertThat(Files.readAllLines(dir.resolve("s.csv")).get(1)).as("the CSV keeps seconds").matches("easy,0\\.5,[^,]+,1000,\\d+\\.\\d+,.*");
        String compare = run("workload-compare", "--trace", trace().toString());
        assertThat(compare).containsPattern("serial share +\\d+(\\.\\d+)? % +\\d+(\\.\\d+)? %").containsPattern("jobs +1,000 +1,000");
        assertHuman("workload-compare", compare);
        String niu = run("niu-table", "--trace", trace().toString(), "--p", "0.2");
        assertThat(niu).as("the rows come with their header").startsWith("| trace | variant | mean wait | Δ wait |")
                .containsPattern("\\| EASY \\| \\d+ min \\d+ s \\|");
        assertHuman("niu-table", niu);
        String generate = run("generate", "--site", SweepCommandTest.samples().resolve("gpu-shared-nodes.json").toString(), "--jobs", "50",
                "--out", dir.resolve("g.json").toString());
        assertThat(generate).contains("50 jobs, ").contains("asking for GPUs (").doesNotContain("(0.0 %)");
        assertHuman("generate", generate);
        Path sweep = Files.writeString(dir.resolve("sw.json"), "{\"formatVersion\": 1, \"name\": \"units\", \"inputs\": [{\"trace\": \""
                + trace() + "\", \"name\": \"kth\", \"maxJobs\": 200}], \"axes\": {\"policy\": [\"fcfs\", \"easy\"]}}");
        assertHuman("sweep", run("sweep", sweep.toString(), "--out-csv", dir.resolve("sw.csv").toString(), "--threads", "2"));
    }

    @Test
    void slurmCommands() throws IOException {
        Path site = SweepCommandTest.samples().resolve("slurm-site");
        String report = run("import-slurm", "--from-conf", site.resolve("slurm.conf").toString(), "--gres-conf",
                site.resolve("gres.conf").toString(), "--sacctmgr-dump", site.resolve("tundra.cfg").toString(), "--sacctmgr-qos",
                site.resolve("qos.txt").toString(), "--report", dir.resolve("R.txt").toString());
        assertHuman("import-slurm", report);
        Path res = Files.writeString(dir.resolve("res.txt"), "ReservationName=maint StartTime=2026-12-08T06:00:00 "
                + "EndTime=2026-12-08T08:00:00 Duration=02:00:00 Nodes=ALL NodeCnt=4 Flags=MAINT\n");
        String reservations = run("import-reservations", "--scenario", SweepCommandTest.samples().resolve("weekly-course-reservation.json")
                .toString(), "--scontrol", res.toString(), "--out", dir.resolve("res.json").toString());
        assertThat(reservations).contains(" for 2 h");
        assertHuman("import-reservations", reservations);
        String replay = run("replay", "--slurm-conf", history("slurm.conf").toString(), "--gres-conf", history("gres.conf").toString(),
                "--sacctmgr-dump", history("sacctmgr-dump.txt").toString(), "--sacctmgr-qos", history("sacctmgr-qos.txt").toString(),
                "--sacct", history("sacct.txt").toString(), "--report", dir.resolve("r.json").toString());
        assertThat(replay).containsPattern("140 jobs: [\\d.]+ % within ±1 min; \\|start error\\| mean (\\d+ min )?\\d+ s");
        assertHuman("replay", replay);
    }

    /** The line of issue 13's report, from the numbers it showed: a person reads days, not 7858945 s. */
    @Test
    void theSaturationProgressLineReadsInDays() {
        SweepRow row = new SweepRow(19, "easy load=1.45", "kth", "easy", "", "", "", "", "", "1.45", "", 1000, 7_858_945, 97_764.91,
                0.97, 30_000_000, 0, 0, 0, 0, 0, 0, 3.2);
        String line = SaturationCommand.progressLine(20, 20, "easy", 1.45, row);
        assertThat(line).isEqualTo("saturation: 20/20 easy load 1.450: mean wait 90 d 23 h, bounded slowdown 97.8 k (3.2 s)");
        assertHuman("saturation progress", line);
    }
}
