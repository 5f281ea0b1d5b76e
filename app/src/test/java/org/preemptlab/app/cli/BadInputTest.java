package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input that {@link CliFuzzTest} (or issue 17) found accepted silently,
 * crashing, hanging or unclear, with the exact message now given.
 */
class BadInputTest {

    @TempDir
    Path dir;

    static final String JOB = "1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n";

    static final String SCENARIO = """
            {"formatVersion": 1, "name": "s", "policy": {"scheduler": "easy"},
             "cluster": {"pools": [{"name": "p", "nodes": 4, "coresPerNode": 4}]}%s,
             "jobs": [{"name": "a", "submit": %s, "nodes": 1, "estimate": "2h", "runtime": "1h"}]}
            """;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    CliFuzzTest.Result run(String... args) {
        return CliFuzzTest.runCli(args);
    }

    /** Exit ≠ 0 and exactly this one line (plus picocli's pointer to --help for an option). */
    static void fails(CliFuzzTest.Result r, String line) {
        assertThat(r.code()).as(r.err()).isNotZero();
        assertThat(r.err().lines().filter(l -> !l.startsWith("Try 'preemptlab")).toList()).containsExactly(line);
    }

    String scenario(String extra, String submit) throws IOException {
        return write("s.json", SCENARIO.formatted(extra, submit)).toString();
    }

    // ---------------------------------------------------------------- SWF headers

    @Test
    void machineSizeHeadersOutOfRangeAreRefusedWithTheLine() throws IOException {
        for (String v : new String[] {"-5", "0", "2147483648", "99999999999"}) {
            Path t = write("t.swf", "; Computer: x\n; MaxProcs: " + v + "\n" + JOB);
            fails(run("simulate", "--trace", t.toString()), "preemptlab: t.swf:2: header MaxProcs is \"" + v
                    + "\"; must be a whole number from 1 to 2147483647 (or -1: unknown)");
        }
    }

    @Test
    void aHugeMachineFromTheHeaderRunsWithoutAllocatingPerProcessor() throws IOException {
        Path t = write("t.swf", "; MaxNodes: 2000000000\n" + JOB); // was an OutOfMemoryError in NodeOutages
        CliFuzzTest.Result r = run("simulate", "--trace", t.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    /**
     * A recorded run (--events-csv) lists every processor of each event: on a 2,147,483,647-processor machine that was
     * an OutOfMemoryError with its stack trace ("Requested array size exceeds VM limit"), on 10^8 processors a run
     * that did not end in 120 s. Now refused before the run, naming the option, the size and where it came from.
     */
    @Test
    void eventsCsvOnAHugeProcessorMachineIsRefusedWithTheSize() throws IOException {
        String wide = "1 0 -1 100 2147483647 -1 -1 2147483647 200 -1 1 1 1 1 1 1 -1 -1\n";
        Path t = write("t.swf", "; MaxProcs: 2147483647\n" + wide);
        Path csv = dir.resolve("e.csv");
        Path swf = dir.resolve("o.swf");
        fails(run("simulate", "--trace", t.toString(), "--events-csv", csv.toString(), "--out-swf", swf.toString()),
                "preemptlab: t.swf: --events-csv lists every processor of each event: the machine has 2147483647 processors"
                        + " (the header's MaxProcs or MaxNodes); at most 1000000 with --events-csv");
        assertThat(csv).doesNotExist();
        assertThat(swf).doesNotExist();
        Path small = write("small.swf", JOB);
        fails(run("simulate", "--trace", small.toString(), "--procs", "100000000", "--events-csv", csv.toString()),
                "preemptlab: small.swf: --events-csv lists every processor of each event: the machine has 100000000 processors"
                        + " (--procs); at most 1000000 with --events-csv");
        CliFuzzTest.Result r = run("simulate", "--trace", t.toString(), "--out-swf", swf.toString());
        assertThat(r.code()).as(r.err()).isZero(); // without the events log the same run is cheap
        String s = write("big.json", """
                {"formatVersion": 1, "name": "big machine", "cluster": {"processors": 100000000}, "policy": {"scheduler": "easy"},
                 "jobs": [{"name": "A", "submit": 0, "procs": 60000000, "estimate": 2000, "runtime": 1000}]}""").toString();
        fails(run("run", s, "--events-csv", csv.toString()), "preemptlab: big.json: --events-csv lists every processor of"
                + " each event: the machine has 100000000 processors (cluster.processors); at most 1000000 with --events-csv");
        assertThat(csv).doesNotExist();
    }

    @Test
    void runningOutOfMemoryOrStackIsOneLineWithTheCommand() {
        assertThat(CliErrors.resources(new OutOfMemoryError("Java heap space"), new String[] {"simulate", "--trace", "t.swf"}))
                .startsWith("out of memory in `simulate --trace t.swf` (")
                .contains("MB of heap: Java heap space): the input is too large for this heap; give Java more"
                        + " (PREEMPTLAB_JAVA_OPTIONS=-Xmx8g)");
        assertThat(CliErrors.resources(new StackOverflowError(), new String[] {"run", "deep.json"}))
                .isEqualTo("ran out of stack in `run deep.json`: an input nested too deeply (or a defect: please report it)");
    }

    @Test
    void anAssumedMachineSizeIsSaidOnStderr() throws IOException {
        for (String header : new String[] {"", "; Computer: x\n", "; MaxProcs: -1\n"}) {
            Path t = write("t.swf", header + JOB);
            CliFuzzTest.Result r = run("simulate", "--trace", t.toString());
            assertThat(r.code()).isZero();
            assertThat(r.err()).contains("warning: t.swf: no machine size given (--procs, a scenario's cluster.processors or"
                    + " trace.procs) and none in the header (MaxProcs, MaxNodes): assumed 4 processors, the largest job's");
        }
        Path t = write("t.swf", JOB);
        assertThat(run("simulate", "--trace", t.toString(), "--procs", "8").err()).doesNotContain("warning");
    }

    @Test
    void anInferredHugeSizeRunsWithoutAllocatingPerProcessor() throws IOException {
        Path t = write("t.swf", "1 0 -1 100 2000000000 -1 -1 2000000000 200 -1 1 1 1 1 1 1 -1 -1\n");
        CliFuzzTest.Result r = run("simulate", "--trace", t.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("assumed 2000000000 processors");
    }

    @Test
    void aDeviceIsNamedByItsPath() {
        fails(run("simulate", "--trace", "/dev/null"), "preemptlab: /dev/null: no jobs to simulate: the file has no job lines");
        fails(run("run", "/dev/null"), "preemptlab: /dev/null: empty file; a scenario is a JSON object {…}");
    }

    // ---------------------------------------------------------------- options

    @Test
    void negativeSecondsAreRefusedAtTheOption() throws IOException {
        Path t = write("t.swf", "; MaxProcs: 8\n" + JOB);
        fails(run("simulate", "--trace", t.toString(), "--restart-seconds", "-1"),
                "preemptlab: Invalid value for option '--restart-seconds': -1; must be ≥ 0");
        fails(run("maintenance", scenario("", "0"), "--drain-horizon", "-1"),
                "preemptlab: Invalid value for option '--drain-horizon': -1; must be ≥ 0");
        fails(run("maintenance", scenario("", "0"), "--look-back", "-3600"),
                "preemptlab: Invalid value for option '--look-back': -3600; must be ≥ 0");
    }

    @Test
    void overflowingSecondsAreRefusedWithTheLimit() throws IOException {
        Path t = write("t.swf", "; MaxProcs: 8\n" + JOB);
        fails(run("simulate", "--trace", t.toString(), "--policy", "aggressive-checkpoint", "--checkpoint-seconds",
                "9223372036854775807"), "preemptlab: Invalid value for option '--checkpoint-seconds': 9223372036854775807;"
                + " must be ≤ 3153600000 s (100 years)");
        fails(run("simulate", "--trace", t.toString(), "--restart-seconds", "99999999999999999999"),
                "preemptlab: Invalid value for option '--restart-seconds': 99999999999999999999; must be ≤ 3153600000 s (100 years)");
    }

    @Test
    void countsMustBePositive() throws IOException {
        fails(run("break-even", scenario("", "0"), "--png", dir.resolve("o.png").toString(), "--threads", "0"),
                "preemptlab: Invalid value for option '--threads': 0; must be ≥ 1");
        Path w = write("w.json", "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \"s.json\"}]}");
        scenario("", "0");
        fails(run("sweep", w.toString(), "--out-csv", dir.resolve("r.csv").toString(), "--threads", "-1"),
                "preemptlab: Invalid value for option '--threads': -1; must be ≥ 1");
        fails(run("sweep", w.toString(), "--out-csv", dir.resolve("r.csv").toString(), "--variant", "-1"),
                "preemptlab: Invalid value for option '--variant': -1; must be ≥ 0");
        assertThat(dir.resolve("r.csv")).doesNotExist();
    }

    @Test
    void machineSizeOptionHasALimit() throws IOException {
        Path t = write("t.swf", "; MaxProcs: 8\n" + JOB);
        fails(run("simulate", "--trace", t.toString(), "--procs", "2147483648"),
                "preemptlab: Invalid value for option '--procs': 2147483648; must be ≤ 2147483647");
    }

    @Test
    void anOutputUnderAFileSaysWhichIsNotADirectory() throws IOException {
        Path t = write("t.swf", "; MaxProcs: 8\n" + JOB);
        Path out = t.resolve("out.swf");
        fails(run("simulate", "--trace", t.toString(), "--out-swf", out.toString()),
                "preemptlab: Invalid value for option '--out-swf': " + out + ": " + t + " is not a directory (it is a file)");
        fails(run("simulate", "--trace", t.toString(), "--metrics-json", dir.toString()),
                "preemptlab: Invalid value for option '--metrics-json': " + dir + ": is a directory; give a file name in it");
    }

    // ---------------------------------------------------------------- scenarios

    @Test
    void aTimeBeyondTheLimitIsRefusedWhereItIsRead() throws IOException {
        fails(run("run", scenario("", "9223372036854775807")),
                "preemptlab: s.json: jobs[0].submit: 9223372036854775807; must be at most 100 years (3153600000 s) from 0");
    }

    @Test
    void truncatedJsonSaysWhereTheFileEnds() throws IOException {
        String text = SCENARIO.formatted("", "0");
        Path s = write("cut.json", text.substring(0, text.indexOf("\"jobs\"")));
        fails(run("run", s.toString()), "preemptlab: cut.json:3:2: unexpected end of file, an object {…} is not closed");
    }

    @Test
    void processorMachinesOfAnySizeRunAndPoolsAboveTheirLimitAreRefused() throws IOException {
        Path s = write("big.json", """
                {"formatVersion": 1, "name": "s", "policy": {"scheduler": "easy"}, "cluster": {"processors": 100000000},
                 "jobs": [{"name": "a", "submit": 0, "procs": 1, "estimate": 10, "runtime": 10}]}""");
        CliFuzzTest.Result big = run("run", s.toString()); // 10^8 processors: runs, processor numbers are kept as runs
        assertThat(big.code()).as(big.err()).isZero();
        Path pools = write("pools.json", """
                {"formatVersion": 1, "name": "s", "policy": {"scheduler": "easy"},
                 "cluster": {"pools": [{"name": "a", "nodes": 600000, "coresPerNode": 4},
                                       {"name": "b", "nodes": 600000, "coresPerNode": 4}]},
                 "jobs": [{"name": "a", "submit": 0, "nodes": 1, "estimate": 10, "runtime": 10}]}""");
        fails(run("run", pools.toString()), "preemptlab: pools.json: cluster.pools[1].nodes: 600000; the pools have more than"
                + " 1000000 nodes in all (a cluster of pools keeps each node's free cores and memory; for a larger machine of"
                + " identical processors use \"cluster\": {\"processors\": N})");
    }

    @Test
    void failureRatesThatWouldNeverEndAreRefused() throws IOException {
        fails(run("run", scenario(", \"failures\": {\"nodeMtbf\": 1, \"repair\": 1}", "0")),
                "preemptlab: s.json: failures.nodeMtbf: 1; job a (1 nodes for 1h) would expect 3.60e+03 failures in that"
                        + " time and almost never finish (at most 5); make nodeMtbf at least 12m");
        fails(run("run", scenario(", \"failures\": {\"nodeMtbf\": 1, \"repair\": 1, \"checkpoints\": \"young\"}", "0")),
                "preemptlab: s.json: failures.nodeMtbf: 1; job a (1 nodes for 1h) would expect 3.60e+03 failures in that"
                        + " time and almost never finish (at most 5); make nodeMtbf at least 12m");
        fails(run("run", scenario(", \"failures\": {\"nodeMtbf\": \"1m\"}", "0")),
                "preemptlab: s.json: failures.nodeMtbf: \"1m\"; job a (1 nodes for 1h) would expect 60.0 failures in that"
                        + " time and almost never finish (at most 5); make nodeMtbf at least 12m");
        String many = SCENARIO.formatted(", \"failures\": {\"nodeMtbf\": \"1h\"}", "0").replace("\"nodes\": 4,", "\"nodes\": 200000,")
;
        fails(run("run", write("many.json", many).toString()),
                "preemptlab: many.json: failures.nodeMtbf: \"1h\"; 200000 nodes over up to 2h of simulated time would fail about"
                        + " 4.00e+05 times; at most 100000 are simulated: make nodeMtbf at least 4h");
    }

    @Test
    void anEngineRefusalNamesTheScenario() throws IOException {
        Path s = write("m.json", """
                {"formatVersion": 1, "name": "s", "policy": {"scheduler": "easy"},
                 "cluster": {"pools": [{"name": "p", "nodes": 1, "coresPerNode": 4}]},
                 "maintenance": [{"start": 0, "duration": "1h", "nodes": "all", "strategy": "drain"}],
                 "jobs": [{"name": "r", "submit": 0, "runningFor": "1m", "onNodes": ["p-1"], "nodes": 1, "estimate": "2h",
                           "runtime": "1h"}]}""");
        CliFuzzTest.Result r = run("maintenance", s.toString());
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).startsWith("preemptlab: m.json: cannot be run: ");
    }
}
