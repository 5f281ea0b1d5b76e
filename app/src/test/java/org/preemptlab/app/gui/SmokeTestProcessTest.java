package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.Launcher;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.scenario.DefaultScenario;

/**
 * {@code Launcher --smoke-test} in a child JVM on this test's class path, headless (Monocle, with
 * the system properties surefire gives this JVM): the real start-up, window, background run and
 * exit code.
 */
class SmokeTestProcessTest {

    private static final String[] FX_PROPERTIES = {"testfx.robot", "testfx.headless", "glass.platform", "monocle.platform",
            "prism.order", "java.awt.headless", "headless.geometry"};

    /** The child's hang guard ({@link SmokeTest#TIMEOUT_PROPERTY}); the test waits a minute longer for the child. */
    private static final int CHILD_TIMEOUT_SECONDS = 600;

    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {}

    @Test
    void the_default_scenario_runs_to_the_end_and_exits_0_with_a_summary() throws Exception {
        Outcome o = launch("--smoke-test");
        assertThat(o.exit()).as(o.err()).isZero();
        // JavaFX is on the class path here, as in the fat jar: its "unsupported configuration" warning is dropped
        assertThat(o.err()).doesNotContain("Unsupported JavaFX configuration");
        assertThat(o.err()).containsPattern("first frame \\d+\\.\\d\\d s after the JVM started");
        List<String> lines = o.out().lines().toList();
        assertThat(lines).singleElement().asString()
                .startsWith(SmokeTest.OK + "\"" + DefaultScenario.create().name())
                .containsPattern("\": 40 jobs ended, \\d+ events, makespan=\\d+ meanWait=\\d+(\\.\\d+)?(E-?\\d+)?, simulated in \\d+\\.\\d\\d s, finished run shown \\d+\\.\\d s after start$");
    }

    @Test
    void a_scenario_file_given_on_the_command_line_is_the_one_opened_and_run() throws Exception {
        Path file = dir.resolve("from-the-command-line.json");
        ScenarioFiles.write(DefaultScenario.create().withName("Opened from the command line"), file);
        Outcome o = launch(file.toString(), "--smoke-test");
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).startsWith(SmokeTest.OK + "\"Opened from the command line").contains(" 40 jobs ended");
    }

    @Test
    void opened_in_the_running_window_the_file_is_timed_from_the_open_to_its_run_shown() throws Exception {
        Path file = dir.resolve("opened-later.json");
        ScenarioFiles.write(DefaultScenario.create().withName("Opened in the running window"), file);
        Outcome o = launchIn(dir, List.of("-D" + SmokeTest.OPEN_IN_WINDOW_PROPERTY + "=true"), file.toString(), "--smoke-test");
        assertThat(o.exit()).as(o.err()).isZero();
        // the run checked is the file's, not the default scenario's that the window showed first
        assertThat(o.out()).startsWith(SmokeTest.OK + "\"Opened in the running window").contains(" 40 jobs ended");
        assertThat(o.err()).containsPattern("finished run shown \\d+\\.\\d\\d s after it \\((\\d+\\.\\d\\d|NaN) s CPU\\),"
                + " every page rendered \\d+\\.\\d\\d s after it; opened opened-later.json in the running window:"
                + " run shown \\d+\\.\\d\\d s after the open");
    }

    @Test
    void an_error_dialog_fails_the_smoke_test_with_the_reason_on_stderr() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"formatVersion\": 1, \"name\": ");
        Outcome o = launch("--smoke-test", broken.toString());
        assertThat(o.exit()).isEqualTo(SmokeTest.EXIT_FAILED);
        assertThat(o.out()).doesNotContain(SmokeTest.OK);
        assertThat(o.err()).contains(SmokeTest.FAILED + "error dialog \"Cannot open broken.json\"");
    }

    @Test
    void a_bad_argument_exits_64_before_any_window() throws Exception {
        Outcome o = launch("--smoke-tset");
        assertThat(o.exit()).isEqualTo(GuiArguments.USAGE_ERROR);
        assertThat(o.err()).startsWith("preemptlab: --smoke-tset: unknown option");
    }

    private Outcome launch(String... args) throws IOException, InterruptedException {
        return launchIn(dir, args);
    }

    /** {@code Launcher args…} in a child JVM with this JVM's class path and headless FX properties, run in {@code dir}. */
    static Outcome launchIn(Path dir, String... args) throws IOException, InterruptedException {
        return launchIn(dir, List.of(), args);
    }

    /** As {@link #launchIn(Path, String...)}, with these JVM options too (before the class). */
    static Outcome launchIn(Path dir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--enable-native-access") || a.startsWith("--sun-misc-unsafe-memory-access")) cmd.add(a);
        }
        for (String p : FX_PROPERTIES) {
            if (System.getProperty(p) != null) cmd.add("-D" + p + "=" + System.getProperty(p));
        }
        cmd.add("-Duser.home=" + dir); // nothing of the developer's settings is read or written
        // the smoke test's own hang guard (120 s by default) is a condition wait, not a speed test: on a
        // loaded 2-core box a JavaFX start-up alone can take a minute, so the child waits up to 10 min
        cmd.add("-D" + SmokeTest.TIMEOUT_PROPERTY + "=" + CHILD_TIMEOUT_SECONDS);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        long wait = CHILD_TIMEOUT_SECONDS + 60;
        if (!p.waitFor(wait, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not end within " + wait + " s; stderr: " + Files.readString(err));
        }
        return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
