package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line on stderr and a non-zero exit code, never a stack trace. */
class CliErrorTest {

    @TempDir
    Path dir;

    record Outcome(int code, String err) {}

    Outcome run(String... args) {
        StringWriter err = new StringWriter();
        int code = PreemptLabCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Outcome(code, err.toString());
    }

    static final String GOOD = "1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n";

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static void assertOneClearLine(Outcome o, String expected) {
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        // one error line; an option's error also points to --help
        assertThat(o.err().strip().lines().filter(l -> !l.startsWith("Try 'preemptlab")).count()).isEqualTo(1);
    }

    @Test
    void truncatedGzip() throws IOException {
        StringBuilder sb = new StringBuilder("; MaxProcs: 8\n");
        for (int i = 1; i <= 5000; i++) sb.append(i).append(" ").append(i).append(" -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
        byte[] all = bytes.toByteArray();
        Path f = dir.resolve("cut.swf.gz");
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        assertOneClearLine(run("simulate", "--trace", f.toString(), "--policy", "easy"), "cut.swf.gz: truncated gzip stream");
    }

    @Test
    void lineWith17Fields() throws IOException {
        Path f = write("t.swf", "; MaxProcs: 8\n" + GOOD + "2 5 -1 100 4 -1 -1 4 200 -1 1 1 1 1 1 1 -1\n");
        assertOneClearLine(run("simulate", "--trace", f.toString()), "t.swf:3: line has 17 fields; SWF needs 18");
    }

    @Test
    void textInANumericField() throws IOException {
        Path f = write("t.swf", "; MaxProcs: 8\n" + "1 0 -1 100 abc -1 -1 4 200 -1 1 1 1 1 1 1 -1 -1\n");
        assertOneClearLine(run("simulate", "--trace", f.toString()), "t.swf:2: field 5 (allocated processors) is \"abc\"");
    }

    @Test
    void traceOfZeroJobs() throws IOException {
        Path f = write("empty.swf", "; MaxProcs: 8\n");
        assertOneClearLine(run("simulate", "--trace", f.toString()), "empty.swf: no jobs");
    }

    @Test
    void procsZero() throws IOException {
        Path f = write("t.swf", "; MaxProcs: 8\n" + GOOD);
        assertOneClearLine(run("simulate", "--trace", f.toString(), "--procs", "0"), "preemptlab: Invalid value for option '--procs': 0; must be ≥ 1");
    }

    @Test
    void missingFileAndUnknownPolicy() throws IOException {
        assertOneClearLine(run("simulate", "--trace", dir.resolve("nope.swf").toString()), "nope.swf");
        Path f = write("t.swf", "; MaxProcs: 8\n" + GOOD);
        assertOneClearLine(run("simulate", "--trace", f.toString(), "--policy", "sjf"), "--policy sjf: unknown");
    }

    @Test
    void impossibleScenariosNameTheField() throws IOException {
        String pool = "\"cluster\": {\"pools\": [{\"name\": \"p\", \"nodes\": 2, \"coresPerNode\": 4%s}]}";
        String head = "{\"formatVersion\": 1, \"name\": \"bad\", \"policy\": {\"scheduler\": \"easy\"}, ";
        Outcome bandwidth = run("run", write("bw.json", head + pool.formatted(", \"checkpointBandwidthMBps\": -5")
                + ", \"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 100, \"runtime\": 50}]}").toString());
        assertOneClearLine(bandwidth, "bw.json: cluster.pools[0].checkpointBandwidthMBps: -5; must be > 0");
        Outcome big = run("run", write("big.json", head + pool.formatted("")
                + ", \"jobs\": [{\"name\": \"big\", \"submit\": 0, \"nodes\": 3, \"estimate\": 100, \"runtime\": 50}]}").toString());
        assertThat(big.code()).isNotZero();
        assertThat(big.err()).contains("big.json: jobs[0]").doesNotContain("\tat ");
        Outcome window = run("run", write("win.json", head + pool.formatted("") + ", \"horizon\": \"1h\""
                + ", \"maintenance\": [{\"name\": \"m\", \"start\": \"30m\", \"duration\": \"2h\", \"nodes\": \"all\", \"strategy\": \"drain\"}]"
                + ", \"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 100, \"runtime\": 50}]}").toString());
        assertThat(window.code()).isNotZero();
        assertThat(window.err()).contains("win.json: maintenance[0]").doesNotContain("\tat ");
    }

    @Test
    void simulateWritesScheduleAndMetrics() throws IOException {
        Path f = write("t.swf", "; MaxProcs: 8\n" + GOOD + "2 10 -1 50 8 -1 -1 8 60 -1 1 1 1 1 1 1 -1 -1\n");
        Path swf = dir.resolve("out.swf");
        Path json = dir.resolve("m.json");
        Outcome o = run("simulate", "--trace", f.toString(), "--policy", "easy", "--out-swf", swf.toString(),
                "--metrics-json", json.toString());
        assertThat(o.code()).isZero();
        assertThat(Files.readString(json)).contains("\"jobs\" : 2", "\"meanWaitSeconds\" : 45.0", "\"meanBoundedSlowdown\"",
                "\"utilization\"", "\"meanQueueLength\"", "\"makespanSeconds\"", "\"wallSeconds\"", "\"preemptedJobShare\"",
                "\"lostWorkProcSeconds\"", "\"checkpointOverheadProcSeconds\"", "\"checkpointsPerNodeDay\"", "\"wastedShare\"");
        // job 2 waits for job 1 (4 + 8 > 8 processors): wait 100 − 10 = 90 in field 3
        assertThat(Files.readAllLines(swf).stream().filter(l -> l.startsWith("2 ")).findFirst().orElseThrow().split("\\s+")[2])
                .isEqualTo("90");
    }
}
