package org.preemptlab.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.preemptlab.backend.local.BackendProbe.awaitTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.live.RunWatchdog;

/**
 * The local watchdog's cleanup, run by closing its pipe (what the kernel does when the JVM dies):
 * {@link RunWatchdog#close(long)} waits until the script is done, so every assertion is about
 * what it left, not about when. Stopped and frozen jobs, children that left the recorded group's
 * leader, processes that escaped into another session, recycled pids and kept run files.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalWatchdogTest {

    private static final long WAIT = 30_000;

    @TempDir
    Path runs;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        for (Process p : started) {
            ProcessGroups.signal(p.pid(), "CONT");
            p.destroyForcibly();
        }
    }

    @Test
    void whenTheOwnerIsGoneItEndsStoppedGroupsTheirChildrenAndEscapedProcessesAndRemovesTheRun() throws Exception {
        RunDirectory run = RunDirectory.create(runs.resolve("run-1"));
        // a job whose leader has two children, stopped with SIGSTOP: it never runs a watchdog of its own
        Process job = group(run, "sleep 1000 & sleep 1000 & wait");
        awaitTrue(() -> ProcStat.liveGroupMembers(job.pid()).size() == 3, "the job and its two children", WAIT);
        run.record(1, "0-job", job.pid(), startOf(job.pid()));
        ProcessGroups.signal(job.pid(), "STOP");
        awaitTrue(() -> ProcessGroups.isStopped(job.pid()), "the job's group stopped", WAIT);
        // a process of the run that left the job's group (setsid) and was never recorded: found by its environment
        Process escaped = group(run, "exec sleep 1000");
        List<Long> members = ProcStat.liveGroupMembers(job.pid()).stream().map(ProcStat::pid).toList();

        RunWatchdog watchdog = LocalWatchdog.start(run, 200, false);
        assertThat(watchdog.isAlive()).as("it waits while the pipe is open").isTrue();
        assertThat(watchdog.close(WAIT)).as("the watchdog finished").isTrue();

        for (long pid : members) assertThat(alive(pid)).as("job process %d", pid).isFalse();
        assertThat(ProcStat.liveGroupMembers(job.pid())).isEmpty();
        assertThat(alive(escaped.pid())).as("the escaped process").isFalse();
        assertThat(run.path()).as("the run the owner never released").doesNotExist();
    }

    @Test
    void aRecordWhosePidWasRecycledIsLeftAloneAndKeptRunFilesStay() throws Exception {
        RunDirectory run = RunDirectory.create(runs.resolve("run-2"));
        Process stranger = new ProcessBuilder("setsid", "sleep", "1000").start(); // not of the run: no marker
        started.add(stranger);
        awaitTrue(() -> ProcStat.read(stranger.pid()).map(s -> s.pgrp() == stranger.pid()).orElse(false), "own group", WAIT);
        run.record(1, "0-job", stranger.pid(), startOf(stranger.pid()) - 1); // another start time: a recycled pid
        Files.writeString(run.logFile("0-job"), "output\n");

        assertThat(LocalWatchdog.start(run, 200, true).close(WAIT)).isTrue();

        assertThat(alive(stranger.pid())).as("a recycled pid is never signalled").isTrue();
        assertThat(run.logFile("0-job")).as("kept run files").hasContent("output");
        assertThat(run.path().resolve(RunDirectory.OWNER)).doesNotExist();
        assertThat(run.path().resolve(RunDirectory.PROCS)).doesNotExist();
        assertThat(LocalProcessBackend.reapOrphans(runs).groups()).as("nothing left for a later reaper").isEmpty();
    }

    @Test
    void aRunItsOwnerReleasedIsNotTouched() throws Exception {
        RunDirectory run = RunDirectory.create(runs.resolve("run-3"));
        Files.writeString(run.logFile("0-job"), "output\n");
        run.release(false); // a normal end that keeps the run files

        assertThat(LocalWatchdog.start(run, 200, false).close(WAIT)).isTrue();

        assertThat(run.logFile("0-job")).hasContent("output");
    }

    @Test
    void frozenCgroupsAreThawedTheirJobsEndedAndTheCgroupsRemoved() throws Exception {
        CgroupFreezer.Detection detection = CgroupFreezer.open(SuspendMethod.FREEZER, "watchdog-test-" + ProcessHandle.current().pid());
        assumeThat(detection.freezer()).as("a writable cgroup freezer: " + detection.reason()).isPresent();
        CgroupFreezer freezer = detection.freezer().get();
        Path cgroup = freezer.create("1-job");
        try {
            RunDirectory run = RunDirectory.create(runs.resolve("run-4"));
            run.recordCgroup(freezer.runGroup());
            Process job = group(run, "sleep 1000 & exec sleep 1000");
            CgroupFreezer.join(cgroup, job.pid());
            awaitTrue(() -> ProcStat.liveGroupMembers(job.pid()).size() == 2, "the job and its child", WAIT);
            // the child was born before the join: move it too, as a launch's wrapper would have
            for (ProcStat m : ProcStat.liveGroupMembers(job.pid())) CgroupFreezer.join(cgroup, m.pid());
            run.record(1, "1-job", job.pid(), startOf(job.pid()), cgroup);
            freezer.freeze(cgroup);
            awaitTrue(() -> freezer.isFrozen(cgroup), "the job's cgroup frozen", WAIT);

            assertThat(LocalWatchdog.start(run, 200, false).close(WAIT)).isTrue();

            assertThat(ProcStat.liveGroupMembers(job.pid())).as("the frozen job").isEmpty();
            assertThat(cgroup).as("the launch's cgroup").doesNotExist();
            assertThat(freezer.runGroup()).as("the run's cgroup").doesNotExist();
            assertThat(run.path()).doesNotExist();
        } finally {
            CgroupFreezer.killMembers(freezer.runGroup(), 5_000);
            CgroupFreezer.remove(freezer.runGroup(), 1_000);
        }
    }

    /** A process group of the run ({@code setsid bash -c command}) with the run's environment marker. */
    private Process group(RunDirectory run, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("setsid", "bash", "-c", command);
        pb.environment().put("PREEMPTLAB_RUN_DIR", run.path().toString());
        Process p = pb.start();
        started.add(p);
        awaitTrue(() -> ProcStat.read(p.pid()).map(s -> s.pgrp() == p.pid()).orElse(false), "its own group", WAIT);
        return p;
    }

    private static long startOf(long pid) {
        return ProcStat.read(pid).orElseThrow().startTime();
    }

    private static boolean alive(long pid) {
        return ProcStat.read(pid).filter(s -> !s.isGone()).isPresent();
    }
}
