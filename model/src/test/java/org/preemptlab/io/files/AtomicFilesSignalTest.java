package org.preemptlab.io.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM ended while it writes an output: SIGTERM and SIGINT remove the temporary file (shutdown
 * hook); after a SIGKILL, the next write into the directory does. The child says when it is
 * writing; the test waits for that line, not for a time.
 */
class AtomicFilesSignalTest {

    @TempDir
    Path dir;

    /** The child: starts writing {@code args[0]} and never finishes. */
    public static void main(String[] args) throws IOException {
        AtomicFiles.write(Path.of(args[0]), w -> {
            w.write("half a file");
            w.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private Process startWriting(Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>();
        // a JVM started with SIGINT ignored (the build under `nohup`, or `&` in a script) keeps ignoring it: GNU env
        // (coreutils 8.31+) gives the child the default action back, as an interactive shell would (env execs java)
        if (ENV_RESETS_SIGNALS) cmd.addAll(List.of("env", "--default-signal=INT"));
        cmd.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), AtomicFilesSignalTest.class.getName(), out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        assertThat(line).isEqualTo("writing");
        return p;
    }

    /** True if {@code env --default-signal=INT} works here. */
    private static final boolean ENV_RESETS_SIGNALS = envResetsSignals();

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Path> filesIn() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void sigtermAndSigintRemoveTheTemporaryFile() throws Exception {
        Path out = dir.resolve("E.csv");
        for (String signal : ENV_RESETS_SIGNALS ? new String[] {"TERM", "INT"} : new String[] {"TERM"}) {
            Process p = startWriting(out);
            assertThat(filesIn()).hasSize(1); // the temporary file
            assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            assertThat(filesIn()).as("after SIG" + signal).isEmpty();
        }
    }

    @Test
    void afterSigkillTheNextWriteRemovesTheTemporaryFile() throws Exception {
        Path out = dir.resolve("E.csv");
        Process p = startWriting(out);
        p.destroyForcibly();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Path> left = filesIn();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).getFileName().toString()).startsWith(".E.csv.preemptlab-" + p.pid() + "-");
        AtomicFiles.write(dir.resolve("M.json"), w -> w.write("{}"));
        assertThat(filesIn()).containsExactly(dir.resolve("M.json"));
    }
}
