package org.preemptlab.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.backend.local.BackendProbe.awaitTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No orphans when the app dies: a child JVM starts jobs through the local backend and is then
 * killed. With SIGTERM its shutdown hook ends every group; with SIGKILL its watchdog does (see
 * {@code LocalWatchdogIT}); when the watchdog was killed too (here: SIGKILL to it first), the groups
 * survive and {@link LocalProcessBackend#reapOrphans} ends them from the run directory's records —
 * never a process whose pid was recycled.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OrphanReapingTest {

    private static final long WAIT = 120_000;

    @TempDir
    Path runs;

    private final List<Long> started = new ArrayList<>();
    private Process child;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(WAIT, TimeUnit.MILLISECONDS);
        }
        LocalProcessBackend.reapOrphans(runs); // also thaws and removes the child's freezer cgroups
        for (long g : started) ProcessGroups.kill(g);
    }

    @Test
    void leftoversOfARunKilledWithSigkillAreReapedOnTheNextStart() throws Exception {
        leftoversOfARunKilledWithSigkillAreReaped("auto");
    }

    /** The same with SIGSTOP instead of the freezer (job 2 is stopped, not frozen, when the app dies). */
    @Test
    void leftoversOfASignalsRunKilledWithSigkillAreReapedOnTheNextStart() throws Exception {
        leftoversOfARunKilledWithSigkillAreReaped("signals");
    }

    private void leftoversOfARunKilledWithSigkillAreReaped(String suspendMethod) throws Exception {
        List<Long> groups = startChildRun(3, "-D" + LocalBackendConfig.SUSPEND_PROPERTY + "=" + suspendMethod);
        killWatchdog(onlyRunDir());
        long t0 = System.nanoTime();
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertThat(child.waitFor(WAIT, TimeUnit.MILLISECONDS)).isTrue();
        for (long g : groups) assertThat(ProcessGroups.isAlive(g)).as("group %d orphaned by the crash", g).isTrue();
        Path run = onlyRunDir();
        assertThat(RunDirectory.recordedGroups(run)).containsExactlyInAnyOrderElementsOf(groups);
        // with a freezer, job 2 is frozen: it acts on no signal until its cgroup is thawed
        Path cgroupRecord = run.resolve(RunDirectory.CGROUP);
        Path runGroup = Files.exists(cgroupRecord) ? Path.of(Files.readString(cgroupRecord).trim().substring("cgroup=".length())) : null;
        if (suspendMethod.equals("signals")) assertThat(runGroup).isNull();

        long r0 = System.nanoTime();
        RunDirectory.ReapReport report = LocalProcessBackend.reapOrphans(runs);
        double reapSeconds = (System.nanoTime() - r0) / 1e9;

        assertThat(report.endedCount()).isEqualTo(3);
        for (long g : groups) assertThat(ProcStat.liveGroupMembers(g)).as("group %d after reaping", g).isEmpty();
        assertThat(report.runsCleaned()).containsExactly(run);
        assertThat(run).doesNotExist();
        assertThat(LocalProcessBackend.reapOrphans(runs).groups()).isEmpty();
        if (runGroup != null) assertThat(runGroup).as("the crashed run's cgroup").doesNotExist();
        System.out.printf("[orphans] %s (%s): SIGKILLed app left %d groups (%d processes incl. children); reaped in %.3f s (%.3f s after the kill)%n",
                suspendMethod, runGroup == null ? "signals" : "cgroup " + runGroup, groups.size(), 3 + 2, reapSeconds, (System.nanoTime() - t0) / 1e9);
    }

    @Test
    void aRunEndedWithSigtermCleansUpThroughItsShutdownHook() throws Exception {
        List<Long> groups = startChildRun(3);
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        assertThat(child.waitFor(WAIT, TimeUnit.MILLISECONDS)).isTrue();
        for (long g : groups) {
            awaitTrue(() -> ProcStat.liveGroupMembers(g).isEmpty(), "group " + g + " ended by the shutdown hook", WAIT);
        }
        assertThat(LocalProcessBackend.reapOrphans(runs).endedCount()).isZero();
    }

    @Test
    void aRecordWhosePidWasRecycledIsLeftAlone() throws Exception {
        Process stranger = new ProcessBuilder("setsid", "sleep", "1000").start();
        Process ours = new ProcessBuilder("setsid", "sleep", "1000").start();
        started.add(stranger.pid());
        started.add(ours.pid());
        awaitTrue(() -> ProcStat.read(stranger.pid()).map(s -> s.pgrp() == stranger.pid()).orElse(false), "own group", WAIT);
        awaitTrue(() -> ProcStat.read(ours.pid()).map(s -> s.pgrp() == ours.pid()).orElse(false), "own group", WAIT);
        Path run = runs.resolve("crashed-run");
        Files.createDirectories(run.resolve("procs"));
        Files.writeString(run.resolve("owner"), "pid=999999999\nstart=1\n");
        long strangerStart = ProcStat.read(stranger.pid()).orElseThrow().startTime();
        Files.writeString(run.resolve("procs/1.proc"), "job=x\npid=" + stranger.pid() + "\npgid=" + stranger.pid()
                + "\nstart=" + (strangerStart - 1) + "\n");
        Files.writeString(run.resolve("procs/2.proc"), "job=y\npid=" + ours.pid() + "\npgid=" + ours.pid()
                + "\nstart=" + ProcStat.read(ours.pid()).orElseThrow().startTime() + "\n");

        RunDirectory.ReapReport report = LocalProcessBackend.reapOrphans(runs);

        assertThat(report.groups()).extracting(RunDirectory.ReapedGroup::outcome)
                .containsExactly(RunDirectory.ReapOutcome.RECYCLED, RunDirectory.ReapOutcome.ENDED);
        assertThat(ProcessGroups.isAlive(stranger.pid())).as("a recycled pid is never signalled").isTrue();
        assertThat(ProcessGroups.isAlive(ours.pid())).isFalse();
    }

    @Test
    void aRunWhoseOwnerIsAliveIsNotTouched() throws Exception {
        List<Long> groups = startChildRun(1);
        RunDirectory.ReapReport report = LocalProcessBackend.reapOrphans(runs);
        assertThat(report.groups()).isEmpty();
        assertThat(report.runsSkipped()).hasSize(1);
        assertThat(ProcessGroups.isAlive(groups.get(0))).isTrue();
    }

    @Test
    void aRunWhoseOwnerDiedButWhoseWatchdogIsAtWorkIsLeftToIt() throws Exception {
        Path run = runs.resolve("being-cleaned");
        Files.createDirectories(run.resolve("procs"));
        Files.writeString(run.resolve("owner"), "pid=999999999\nstart=1\n");
        Process watchdog = new ProcessBuilder("sleep", "1000").start(); // stands in for a live watchdog
        try {
            RunDirectory.recordProcess(run, RunDirectory.WATCHDOG, watchdog.pid());
            RunDirectory.ReapReport report = LocalProcessBackend.reapOrphans(runs);
            assertThat(report.runsSkipped()).containsExactly(run);
            assertThat(run).exists();
        } finally {
            watchdog.destroyForcibly().waitFor();
        }
        // its watchdog gone: the run is an orphan like any other
        assertThat(LocalProcessBackend.reapOrphans(runs).runsCleaned()).containsExactly(run);
        assertThat(run).doesNotExist();
    }

    private List<Long> startChildRun(int jobs) throws IOException {
        return startChildRun(jobs, "-Dpreemptlab.unused=1");
    }

    private List<Long> startChildRun(int jobs, String jvmOption) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path script = SampleJob.locate(runs.resolve("bin"));
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", cp, "-Dpreemptlab.jobScript=" + script, jvmOption,
                CrashingRunMain.class.getName(), runs.toString(), Integer.toString(jobs))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("CLASSPATH", cp.replace(' ', File.pathSeparatorChar));
        child = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY ")) {
            System.out.println("[child] " + line);
        }
        assertThat(line).as("the child JVM reported its jobs").isNotNull();
        List<Long> groups = new ArrayList<>();
        for (String g : line.substring(6).trim().split(" ")) groups.add(Long.parseLong(g));
        started.addAll(groups);
        return groups;
    }

    /** SIGKILL to the run's watchdog (recorded in the run directory), so that nothing ends the jobs when the app dies. */
    static void killWatchdog(Path run) throws Exception {
        String record = Files.readString(run.resolve(RunDirectory.WATCHDOG));
        long pid = Long.parseLong(record.lines().filter(l -> l.startsWith("pid=")).findFirst().orElseThrow().substring(4).trim());
        ProcessHandle watchdog = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no watchdog " + pid + " of " + run));
        watchdog.destroyForcibly();
        assertThat(watchdog.onExit().get(WAIT, TimeUnit.MILLISECONDS).isAlive()).isFalse();
    }

    private Path onlyRunDir() throws IOException {
        try (var list = Files.list(runs)) {
            List<Path> dirs = list.filter(p -> !p.getFileName().toString().equals("bin")).toList();
            assertThat(dirs).hasSize(1);
            return dirs.get(0);
        }
    }
}
