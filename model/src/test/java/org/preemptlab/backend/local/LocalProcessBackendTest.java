package org.preemptlab.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.backend.local.BackendProbe.awaitTrue;
import static org.preemptlab.backend.local.BackendProbe.stateText;
import static org.preemptlab.backend.local.BackendProbe.stateValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.live.LiveClock;
import org.preemptlab.live.Observation;
import org.preemptlab.live.ObservedKind;

/**
 * The local backend on real processes with the sample job, suspending with signals
 * ({@link SuspendMethod#SIGNALS}): start, suspend, resume, checkpoint,
 * kill with grace, restart from the state file, and nothing left after close. Scale 60: one
 * simulated minute per real second. Every wait polls for a condition with a generous deadline (a
 * loaded 2-core box); no assertion bounds how long something took from above.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalProcessBackendTest {

    private static final long WAIT = 120_000;

    @TempDir
    Path runs;

    private LocalProcessBackend backend;
    private BackendProbe probe;

    /**
     * Generous grace and checkpoint times: a loaded machine may take seconds to run a job's SIGTERM or
     * SIGUSR1 handler, and these tests assert what the handler did, not how soon.
     */
    private LocalBackendConfig patient() {
        return LocalBackendConfig.defaults(runs).withGraceTime(Duration.ofSeconds(60)).withCheckpointTimeout(Duration.ofSeconds(120));
    }

    @BeforeEach
    void setUp() {
        backend = newBackend(patient());
    }

    /** This class tests the signal path (SIGSTOP/SIGCONT); {@link LocalFreezerTest} the cgroup freezer. */
    private LocalProcessBackend newBackend(LocalBackendConfig config) {
        LocalProcessBackend b = new LocalProcessBackend(config.withSuspendMethod(SuspendMethod.SIGNALS));
        assertThat(b.suspendMethod()).isEqualTo(SuspendMethod.SIGNALS);
        probe = new BackendProbe(b);
        b.bind(LiveClock.startingNow(0, 60));
        return b;
    }

    @AfterEach
    void tearDown() {
        backend.close();
    }

    private long pgid(TestJob job) {
        return backend.processGroup(job).orElseThrow();
    }

    @Test
    void aJobRunsItsScaledWorkAndReportsWorkDoneOnTheCallersThread() {
        TestJob job = TestJob.of(0, "short", 60); // 1 s of real time
        long t0 = System.nanoTime();
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 60);
        Observation exit = probe.await(0, ObservedKind.EXITED, WAIT);
        double seconds = (exit.wallNanos() - t0) / 1e9;

        assertThat(exit.exitCode()).isZero();
        // at least its scaled work (a slow machine only makes it later, which is not asserted)
        assertThat(seconds).as("real seconds for 60 simulated s at scale 60").isGreaterThanOrEqualTo(0.9);
        assertThat(probe.done).singleElement().satisfies(d -> {
            assertThat(d.job()).isZero();
            assertThat(d.segment()).isEqualTo(1);
        });
        assertThat(stateText(backend.stateFile(job), "reason")).isEqualTo("done");
        assertThat(stateValue(backend.stateFile(job), "done_us")).isEqualTo(60_000_000L);
        System.out.printf("[local] 60 s of work at scale 60 took %.3f s real%n", seconds);
    }

    @Test
    void theProcessCommandLineNamesTheSampleJob() throws Exception {
        TestJob job = TestJob.of(0, "visible", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        Path cmdline = Path.of("/proc", Long.toString(pgid(job)), "cmdline");
        // right after the fork the group leader may still be exec-ing (its command line is empty for a moment)
        awaitTrue(() -> read(cmdline).contains("preemptlab-job"), "the job's command line names preemptlab-job", WAIT);
        assertThat(read(cmdline)).contains("preemptlab-job");
    }

    @Test
    void suspendStopsTheWholeGroupAndResumeContinuesIt() {
        TestJob job = TestJob.of(0, "stoppable", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        long pg = pgid(job);
        Path progress = backend.stateFile(job).resolveSibling(backend.stateFile(job).getFileName() + ".progress");
        awaitTrue(() -> stateValue(progress, "done_us") > 0, "progress written", WAIT);

        backend.suspend(job, 10);
        probe.await(0, ObservedKind.STOPPED, WAIT);
        List<ProcStat> members = ProcStat.liveGroupMembers(pg);
        assertThat(members).isNotEmpty().allSatisfy(s -> assertThat(s.state()).as("pid %d", s.pid()).isEqualTo('T'));
        long frozen = stateValue(progress, "done_us");
        sleep(400);
        assertThat(stateValue(progress, "done_us")).as("no progress while stopped").isEqualTo(frozen);

        backend.resume(job, 20, 3, 500);
        probe.await(0, ObservedKind.CONTINUED, WAIT);
        awaitTrue(() -> stateValue(progress, "done_us") > frozen, "progress after SIGCONT", WAIT);
        assertThat(ProcStat.liveGroupMembers(pg)).noneMatch(ProcStat::isStopped);
    }

    @Test
    void checkpointWritesTheStateFileAtomicallyAndHoldsTheJobUntilResumed() throws Exception {
        TestJob job = TestJob.of(0, "ckpt", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        Path state = backend.stateFile(job);
        Path progress = state.resolveSibling(state.getFileName() + ".progress");
        awaitTrue(() -> stateValue(progress, "done_us") > 10_000_000, "10 s of work done", WAIT);
        assertThat(state).doesNotExist();

        backend.checkpoint(job, 10);
        Observation written = probe.await(0, ObservedKind.CHECKPOINT_WRITTEN, WAIT);

        assertThat(stateText(state, "reason")).isEqualTo("checkpoint");
        assertThat(stateValue(state, "done_us")).isGreaterThan(10_000_000);
        assertThat(state.resolveSibling(state.getFileName() + ".committed")).hasSameTextualContentAs(state);
        try (var files = Files.list(state.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp."));
        }
        awaitTrue(() -> ProcessGroups.isStopped(pgid(job)), "held (SIGSTOP) during the engine's checkpoint I/O", WAIT);
        System.out.println("[local] " + written.detail());

        // a periodic checkpoint: the engine resumes the job on its nodes
        backend.resume(job, 40, 3, 500);
        awaitTrue(() -> ProcessGroups.isRunning(pgid(job)), "running again", WAIT);
    }

    @Test
    void killEndsTheGroupWithSigtermAndTheSampleJobSavesItsState() {
        TestJob job = TestJob.of(0, "killme", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        long pg = pgid(job);
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 0, "working", WAIT);

        backend.kill(job, 5);
        Observation exit = probe.await(0, ObservedKind.EXITED, WAIT);

        assertThat(exit.exitCode()).isEqualTo(143);
        assertThat(stateText(backend.stateFile(job), "reason")).isEqualTo("term");
        awaitTrue(() -> !ProcessGroups.isAlive(pg), "group gone", WAIT);
        assertThat(probe.done).as("a kill is no work done").isEmpty();
    }

    @Test
    void killForcesSigkillAfterTheGraceTimeWhenAJobIgnoresSigterm() {
        backend.close();
        backend = newBackend(patient().withGraceTime(Duration.ofMillis(700))
                .withCommand("stubborn", "trap '' TERM; sleep 1000 & sleep 1000 & while true; do sleep 0.2; done"));
        TestJob job = TestJob.of(0, "stubborn", 600, "stubborn");
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        long pg = pgid(job);
        awaitTrue(() -> ProcStat.liveGroupMembers(pg).size() >= 3, "three processes in the group", WAIT);

        long t0 = System.nanoTime();
        backend.kill(job, 5);
        probe.await(0, ObservedKind.ENDED, WAIT);
        double seconds = (System.nanoTime() - t0) / 1e9;

        assertThat(seconds).as("SIGKILL waits for the grace time").isGreaterThanOrEqualTo(0.69);
        awaitTrue(() -> !ProcessGroups.isAlive(pg), "every process of the group gone", WAIT);
        assertThat(probe.await(0, ObservedKind.EXITED, WAIT).exitCode()).isEqualTo(137);
        System.out.printf("[local] SIGTERM ignored: SIGKILL after %.3f s (grace 0.7 s)%n", seconds);
    }

    @Test
    void aCheckpointedJobRestartsFromItsStateFile() throws Exception {
        TestJob job = TestJob.of(0, "restartable", 180); // 3 s real in all
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 180);
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 60_000_000, "a minute of work", WAIT);
        backend.checkpoint(job, 60);
        probe.await(0, ObservedKind.CHECKPOINT_WRITTEN, WAIT);
        long saved = stateValue(backend.stateFile(job), "done_us");
        long firstGroup = pgid(job);

        // the engine requeued it and starts it again (segment 4), 30 s of restart I/O
        long t0 = System.nanoTime();
        backend.start(job, TestJob.ONE_NODE, 90, 4, 30, 180 - saved / 1_000_000);
        assertThat(ProcessGroups.isAlive(firstGroup)).as("old launch ended before the relaunch").isFalse();
        Observation exit = probe.await(o -> o.kind() == ObservedKind.EXITED && o.launch() == 2, "relaunch exits", WAIT);
        double seconds = (exit.wallNanos() - t0) / 1e9;

        assertThat(exit.exitCode()).isZero();
        double expected = (30 + (180 - saved / 1e6)) / 60.0;
        assertThat(seconds).as("at least the restart I/O and the remaining work").isGreaterThanOrEqualTo(expected - 0.2);
        // the relaunch did the remaining work only, not the whole job (what the job says, not how long it took)
        assertThat(lastResumeLine(job)).contains("at " + saved / 1_000_000 + "/180 s");
        assertThat(Files.readString(backend.logFile(job))).contains("reading its restart image").containsOnlyOnce("resuming from");
        assertThat(probe.done).singleElement().satisfies(d -> assertThat(d.segment()).isEqualTo(4));
        System.out.printf("[local] restart from %d s: %.3f s real (expected %.3f)%n", saved / 1_000_000, seconds, expected);
    }

    @Test
    void aKilledJobRestartsFromItsLastCheckpointNotFromWhatItSavedOnSigterm() {
        TestJob job = TestJob.of(0, "lossy", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 30_000_000, "30 s of work", WAIT);
        backend.checkpoint(job, 30);
        probe.await(0, ObservedKind.CHECKPOINT_WRITTEN, WAIT);
        long saved = stateValue(backend.stateFile(job), "done_us");
        backend.resume(job, 35, 3, 560);
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > saved + 30_000_000, "30 s more work", WAIT);
        backend.kill(job, 70);
        probe.await(0, ObservedKind.EXITED, WAIT);
        assertThat(stateValue(backend.stateFile(job), "done_us")).as("SIGTERM state").isGreaterThan(saved + 30_000_000);

        backend.start(job, TestJob.ONE_NODE, 80, 5, 0, 600 - saved / 1_000_000);
        probe.await(o -> o.kind() == ObservedKind.STARTED && o.launch() == 2, "relaunch", WAIT);

        awaitTrue(() -> logContains(job, "resuming from"), "resume line in the log", WAIT);
        assertThat(lastResumeLine(job)).contains("at " + saved / 1_000_000 + "/600 s");
    }

    @Test
    void closeEndsEveryGroupItStartedIncludingStoppedAndStubbornOnes() {
        backend.close();
        backend = newBackend(patient().withGraceTime(Duration.ofMillis(500))
                .withCommand("stubborn", "trap '' TERM; sleep 1000 & while true; do sleep 0.2; done")
                .withCommand("forker", "sleep 1000 & sleep 1000 & wait"));
        TestJob a = TestJob.of(0, "plain", 6000);
        TestJob b = TestJob.of(1, "stopped", 6000);
        TestJob c = TestJob.of(2, "stubborn", 6000, "stubborn");
        TestJob d = TestJob.of(3, "forker", 6000, "forker");
        List<Long> groups = new ArrayList<>();
        for (TestJob j : List.of(a, b, c, d)) {
            backend.start(j, TestJob.ONE_NODE, 0, 1, 0, 6000);
            groups.add(pgid(j));
        }
        backend.suspend(b, 1);
        probe.await(1, ObservedKind.STOPPED, WAIT);
        awaitTrue(() -> ProcStat.liveGroupMembers(groups.get(3)).size() == 3, "forker has 3 processes", WAIT);
        Path runDir = backend.runDirectory();

        long t0 = System.nanoTime();
        backend.close();
        double seconds = (System.nanoTime() - t0) / 1e9;

        for (long g : groups) assertThat(ProcStat.liveGroupMembers(g)).as("group %d after close", g).isEmpty();
        assertThat(runDir).doesNotExist();
        System.out.printf("[local] close() ended 4 groups (1 stopped, 1 ignoring SIGTERM, 1 with children) in %.3f s%n", seconds);
    }

    private Path progressOf(TestJob job) {
        Path state = backend.stateFile(job);
        return state.resolveSibling(state.getFileName() + ".progress");
    }

    private boolean logContains(TestJob job, String text) {
        try {
            return Files.readString(backend.logFile(job)).contains(text);
        } catch (Exception e) {
            return false;
        }
    }

    private String lastResumeLine(TestJob job) {
        try {
            return Files.readAllLines(backend.logFile(job)).stream().filter(l -> l.contains("resuming from"))
                    .reduce((x, y) -> y).orElse("");
        } catch (Exception e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static String read(Path cmdline) {
        try {
            return Files.readString(cmdline).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
