package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.cli.SweepCommandTest.Outcome;

/**
 * Output targets of every kind of command: an output that is an input is refused before anything
 * runs, a symbolic link is followed, a device is written directly, a failure leaves no output new
 * and no temporary file.
 */
class OutputTargetsCliTest {

    @TempDir
    Path dir;

    /** The CLI in-process, output captured (the helper of the other CLI tests). */
    static Outcome run(String... args) {
        return SweepCommandTest.run(args);
    }

    private Path trace() throws IOException {
        StringBuilder sb = new StringBuilder("; MaxProcs: 8\n");
        for (int i = 1; i <= 20; i++) sb.append(i).append(' ').append(10 * i).append(" -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n");
        return Files.writeString(dir.resolve("t.swf"), sb.toString());
    }

    private Path scenario() throws IOException {
        return Files.writeString(dir.resolve("s.json"), """
                {"formatVersion": 1, "name": "tiny",
                 "cluster": {"pools": [{"name": "p", "nodes": 2, "coresPerNode": 4}]},
                 "policy": {"scheduler": "fcfs"},
                 "jobs": [{"name": "A", "submit": 0, "nodes": 1, "coresPerNode": 4, "estimate": 100, "runtime": 50},
                          {"name": "B", "submit": 5, "nodes": 2, "coresPerNode": 4, "estimate": 100, "runtime": 60}]}
                """);
    }

    private Path sweepFile() throws IOException {
        Path trace = SweepCommandTest.samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        return Files.writeString(dir.resolve("sw.json"), "{\"formatVersion\": 1, \"name\": \"cli\", \"inputs\": [{\"trace\": \""
                + trace + "\", \"name\": \"kth\", \"maxJobs\": 50}], \"axes\": {\"policy\": [\"fcfs\", \"easy\"]}}");
    }

    private static String[] breakEven(Path scenario, Path png, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("break-even", scenario.toString(), "--png", png.toString(),
                "--bandwidth", "10:1000:2", "--image-size", "1024:4096:2", "--threads", "1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertThat(o.code()).as(o.err()).isNotZero();
        assertThat(o.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(o.err().strip().lines().count()).as(o.err()).isEqualTo(1);
    }

    private List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    @Test
    void simulateRefusesToOverwriteItsTrace() throws IOException {
        Path t = trace();
        String before = Files.readString(t);
        assertOneLine(run("simulate", "--trace", t.toString(), "--out-swf", t.toString()),
                "--out-swf " + t + " is the same file as --trace " + t);
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), t);
        assertOneLine(run("simulate", "--trace", t.toString(), "--metrics-json", link.toString()),
                "--metrics-json " + link + " is the same file as --trace " + t);
        assertThat(Files.readString(t)).isEqualTo(before);
        Path e = dir.resolve("e.csv");
        assertOneLine(run("simulate", "--trace", t.toString(), "--events-csv", e.toString(), "--metrics-json", e.toString()),
                "--metrics-json " + e + " and --events-csv " + e + " are the same file");
    }

    @Test
    void runRefusesToOverwriteItsScenarioWithItsMetrics() throws IOException {
        Path s = scenario();
        String before = Files.readString(s);
        assertOneLine(run("run", s.toString(), "--metrics-json", s.toString()),
                "--metrics-json " + s + " is the same file as SCENARIO.json " + s);
        Path hard = Files.createLink(dir.resolve("hard.csv"), s);
        assertOneLine(run("run", s.toString(), "--events-csv", hard.toString()), "is the same file as SCENARIO.json");
        assertThat(Files.readString(s)).isEqualTo(before);
    }

    @Test
    void sweepAndBreakEvenRefuseAnOutputThatIsAnInput() throws IOException {
        Path sw = sweepFile();
        assertOneLine(run("sweep", sw.toString(), "--out-csv", sw.toString()), "--out-csv " + sw + " is the same file as SWEEP.json " + sw);
        Path s = scenario();
        assertOneLine(run(breakEven(s, s)), "--png " + s + " is the same file as SCENARIO.json " + s);
        Path png = dir.resolve("b.png");
        assertOneLine(run(breakEven(s, png, "--csv", png.toString())), "--png " + png + " and --csv " + png + " are the same file");
    }

    @Test
    void aMissingDirectoryIsRefusedBeforeTheRun() throws IOException {
        Path t = trace();
        Path out = dir.resolve("nodir").resolve("e.csv");
        assertOneLine(run("simulate", "--trace", t.toString(), "--events-csv", out.toString()),
                "--events-csv " + out + ": the directory " + out.getParent() + " does not exist");
        Path under = t.resolve("out.swf");
        // refused where picocli reads the option (OptionValues.OutputFile), with its pointer to --help
        Outcome o = run("simulate", "--trace", t.toString(), "--out-swf", under.toString());
        assertThat(o.code()).isNotZero();
        assertThat(o.err().lines().filter(l -> l.startsWith("preemptlab:")).toList()).containsExactly(
                "preemptlab: Invalid value for option '--out-swf': " + under + ": " + t + " is not a directory (it is a file)");
    }

    @Test
    void symbolicLinksAreFollowedByEveryKindOfCommand() throws IOException {
        Path real = Files.createDirectory(dir.resolve("real"));
        Path t = trace();
        Path s = scenario();

        Path simTarget = Files.writeString(real.resolve("sim.csv"), "old");
        Path simLink = Files.createSymbolicLink(dir.resolve("sim.csv"), simTarget);
        Outcome o = run("simulate", "--trace", t.toString(), "--events-csv", simLink.toString());
        assertThat(o.code()).as(o.err()).isZero();

        Path runTarget = real.resolve("run.json"); // the link points at a file not yet there
        Path runLink = Files.createSymbolicLink(dir.resolve("run.json"), runTarget);
        o = run("run", s.toString(), "--metrics-json", runLink.toString());
        assertThat(o.code()).as(o.err()).isZero();

        Path sweepTarget = real.resolve("r.csv");
        Path sweepLink = Files.createSymbolicLink(dir.resolve("r.csv"), sweepTarget);
        o = run("sweep", sweepFile().toString(), "--out-csv", sweepLink.toString(), "--threads", "1");
        assertThat(o.code()).as(o.err()).isZero();

        Path pngTarget = real.resolve("b.png");
        Path pngLink = Files.createSymbolicLink(dir.resolve("b.png"), pngTarget);
        o = run(breakEven(Path.of(BreakEvenCommandTest.sample("maintenance-checkpoint.json").toString()), pngLink));
        assertThat(o.code()).as(o.err()).isZero();

        for (Path link : List.of(simLink, runLink, sweepLink, pngLink)) assertThat(Files.isSymbolicLink(link)).as(link.toString()).isTrue();
        assertThat(Files.readString(simTarget)).startsWith("time,event,job,nodes,reason\n");
        assertThat(Files.readString(runTarget)).contains("\"scenario\" : \"tiny\"");
        assertThat(Files.readAllLines(sweepTarget)).hasSize(3);
        assertThat(Files.readAllBytes(pngTarget)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(filesIn(real)).containsExactlyInAnyOrder(simTarget, runTarget, sweepTarget, pngTarget);
    }

    /** /dev/full fails every write with "no space left on device", as a full disk does. */
    @Test
    void aFullDiskIsOneLineNamingTheFileAndNoOutputIsLeftHalfDone() throws IOException {
        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(devFull) && !Files.isRegularFile(devFull), "no /dev/full here");
        Path t = trace();
        Path events = dir.resolve("E.csv");
        Path swf = Files.writeString(dir.resolve("out.swf"), "old\n");
        assertOneLine(run("simulate", "--trace", t.toString(), "--events-csv", events.toString(), "--out-swf", swf.toString(),
                "--metrics-json", "/dev/full"), "preemptlab: cannot write /dev/full: no space left on device");
        assertThat(events).doesNotExist();
        assertThat(Files.readString(swf)).isEqualTo("old\n");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(t, swf);

        Path s = BreakEvenCommandTest.sample("maintenance-checkpoint.json");
        Path csv = dir.resolve("b.csv");
        Outcome o = run(breakEven(s, devFull, "--csv", csv.toString()));
        assertOneLine(o, "preemptlab: cannot write /dev/full: no space left on device");
        assertThat(o.err()).doesNotContain("I/O error writing PNG");
        assertThat(csv).doesNotExist();
        assertThat(Files.isRegularFile(devFull)).isFalse();
    }

    @Test
    void devNullTakesSeveralOutputs() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
        Path s = scenario();
        Outcome o = run("run", s.toString(), "--metrics-json", "/dev/null", "--events-csv", "/dev/null", "--out-swf", "/dev/null");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
    }

    /** {@code -} is standard output: it carries the output and nothing else; the summary goes to stderr. */
    @Test
    void dashWritesToStandardOutputAndTheSummaryMovesToStderr() throws IOException {
        Path s = scenario();
        java.io.PrintStream wasOut = System.out;
        java.io.PrintStream wasErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Outcome o;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
            o = run("run", s.toString(), "--events-csv", "-");
        } finally {
            System.setOut(wasOut);
            System.setErr(wasErr);
        }
        assertThat(o.code()).as(o.err()).isZero();
        List<String> lines = out.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo("time,event,job,nodes,reason");
        assertThat(lines).allMatch(l -> l.matches("time,event.*|\\d+,.*"));
        assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("tiny (fcfs): 2 jobs");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void niuTableImportSlurmAndBenchRefuseAnOutputThatIsAnInput() throws IOException {
        Path t = trace();
        assertOneLine(run("niu-table", "--trace", t.toString(), "--out", t.toString()), "--out " + t + " is the same file as --trace " + t);
        assertOneLine(run("bench", "--trace", t.toString(), "--synthetic", "0", "--markdown", t.toString()),
                "--markdown " + t + " is the same file as --trace " + t);
        Path conf = Files.writeString(dir.resolve("slurm.conf"), "NodeName=n[1-2] CPUs=4\nPartitionName=p Nodes=n[1-2] Default=YES\n");
        assertOneLine(run("import-slurm", "--from-conf", conf.toString(), "--out", conf.toString()),
                "--out " + conf + " is the same file as --from-conf " + conf);
        assertThat(Files.readString(conf)).startsWith("NodeName=");
    }
}
