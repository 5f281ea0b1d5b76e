package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.local.RunDirectory;

/**
 * No orphans when the real CLI dies and its watchdog with it: {@code Launcher run SCENARIO --backend
 * local --time-scale 50} runs in a child JVM with its own runs directory ({@code -Dpreemptlab.runs.dir});
 * once its jobs run, its watchdog and then the CLI are killed with SIGKILL (no shutdown hook, no
 * watchdog: see {@code LiveRunSignalsIT} for the watchdog's own work), its job processes survive it,
 * and {@link LocalProcessBackend#reapOrphans} ends every one of them.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalRunCrashTest {

    private static final long WAIT = 120_000;

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(WAIT, TimeUnit.MILLISECONDS);
        }
        LocalProcessBackend.reapOrphans(dir.resolve("runs"));
    }

    @Test
    void theCliKilledWithSigkillMidRunWithItsWatchdogLeavesNoJobProcessOnceReaped() throws Exception {
        Path runs = dir.resolve("runs");
        Path scenario = dir.resolve("crash.json");
        // 3 jobs of 10 simulated minutes on 2 nodes: at scale 50, 12 s real each; 2 run at once
        Files.writeString(scenario, """
                {
                  "formatVersion": 1,
                  "name": "crash",
                  "cluster": {"pools": [{"name": "p", "nodes": 2, "coresPerNode": 1}]},
                  "policy": {"scheduler": "easy"},
                  "jobs": [
                    {"name": "a", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "20m", "runtime": "10m"},
                    {"name": "b", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "20m", "runtime": "10m"},
                    {"name": "c", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "20m", "runtime": "10m"}
                  ]
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp.replace(' ', File.pathSeparatorChar),
                "-D" + LocalBackendConfig.RUNS_DIR_PROPERTY + "=" + runs,
                "org.preemptlab.app.Launcher", "run", scenario.toString(), "--backend", "local", "--time-scale", "50")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile());
        long t0 = System.nanoTime();
        child = pb.start();

        // mid-run: both nodes busy, i.e. two job process groups recorded and alive
        List<Long> groups = awaitGroups(runs, 2);
        double startedAfter = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(500);
        assertThat(child.isAlive()).as("the CLI is still running its jobs").isTrue();

        for (Path run : runDirs(runs)) killWatchdog(run);
        child.destroyForcibly(); // SIGKILL: no shutdown hook
        assertThat(child.waitFor(WAIT, TimeUnit.MILLISECONDS)).isTrue();
        List<Long> survivors = RunProcesses.of(runs);
        assertThat(survivors).as("job processes orphaned by the SIGKILL").isNotEmpty();

        long r0 = System.nanoTime();
        RunDirectory.ReapReport report = LocalProcessBackend.reapOrphans(runs);
        double reapSeconds = (System.nanoTime() - r0) / 1e9;

        assertThat(report.endedCount()).as(report.toString()).isGreaterThanOrEqualTo(groups.size());
        assertThat(RunProcesses.of(runs)).as("no process of a job of the killed run survives").isEmpty();
        assertThat(report.runsCleaned()).hasSize(1);
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("bin")))
                    .as("the crashed run's directory is removed").isEmpty();
        }
        System.out.printf("[crash] CLI run killed with SIGKILL %.1f s after start with %d job groups (%d processes); "
                        + "reapOrphans ended %d groups in %.3f s, 0 processes left%n",
                startedAfter, groups.size(), survivors.size(), report.endedCount(), reapSeconds);
    }

    /** SIGKILL to a run's watchdog (its pid is recorded in the run directory). */
    private static void killWatchdog(Path run) throws Exception {
        String record = Files.readString(run.resolve(RunDirectory.WATCHDOG));
        long pid = Long.parseLong(record.lines().filter(l -> l.startsWith("pid=")).findFirst().orElseThrow().substring(4).trim());
        ProcessHandle watchdog = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no watchdog " + pid + " of " + run));
        watchdog.destroyForcibly();
        assertThat(watchdog.onExit().get(WAIT, TimeUnit.MILLISECONDS).isAlive()).isFalse();
    }

    /** Waits until the child's run directory records {@code n} live process groups. */
    private List<Long> awaitGroups(Path runs, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT);
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) fail("the CLI ended early (exit " + child.exitValue() + "): " + Files.readString(dir.resolve("child.log")));
            List<Long> live = new ArrayList<>();
            for (Path run : runDirs(runs)) {
                for (long g : RunDirectory.recordedGroups(run)) if (Files.exists(Path.of("/proc", Long.toString(g)))) live.add(g);
            }
            if (live.size() >= n) return live;
            Thread.sleep(50);
        }
        throw new AssertionError("no " + n + " job groups within " + WAIT + " ms; child log: " + Files.readString(dir.resolve("child.log")));
    }

    private static List<Path> runDirs(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) return List.of();
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(p -> Files.isDirectory(p.resolve("procs"))).toList();
        }
    }
}
