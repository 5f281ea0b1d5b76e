package org.preemptlab.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.preemptlab.backend.local.BackendProbe.awaitTrue;
import static org.preemptlab.backend.local.BackendProbe.stateText;
import static org.preemptlab.backend.local.BackendProbe.stateValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.preemptlab.live.LiveClock;
import org.preemptlab.live.Observation;
import org.preemptlab.live.ObservedKind;

/**
 * Suspend/resume with the cgroup freezer (v1 {@code freezer.state}, v2 {@code cgroup.freeze}),
 * and the choice between freezer and signals. The freezer cases are skipped, with the reason, when
 * this machine has no writable freezer of that version.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LocalFreezerTest {

    private static final long WAIT = 120_000;

    @TempDir
    Path runs;

    private LocalProcessBackend backend;
    private BackendProbe probe;

    @AfterEach
    void tearDown() {
        if (backend != null) backend.close();
    }

    /** A backend with the freezer {@code method}, or the test is skipped saying why there is none. */
    private LocalProcessBackend freezerBackend(SuspendMethod method, LocalBackendConfig config) {
        try {
            backend = new LocalProcessBackend(config.withSuspendMethod(method));
        } catch (IllegalStateException e) {
            Assumptions.abort("no writable " + method.label() + " on this machine: " + e.getMessage());
        }
        probe = new BackendProbe(backend);
        backend.bind(LiveClock.startingNow(0, 60));
        return backend;
    }

    /** Generous grace and checkpoint times: the tests assert what a job's signal handler did, not how soon (a loaded machine is slow). */
    private LocalBackendConfig config() {
        return LocalBackendConfig.defaults(runs).withGraceTime(Duration.ofSeconds(60)).withCheckpointTimeout(Duration.ofSeconds(120));
    }

    private static String freezerState(Path cgroup) {
        return CgroupFreezer.stateOf(CgroupFreezer.versionOf(cgroup).orElseThrow(), cgroup);
    }

    private Path progressOf(TestJob job) {
        Path state = backend.stateFile(job);
        return state.resolveSibling(state.getFileName() + ".progress");
    }

    @ParameterizedTest
    @EnumSource(value = SuspendMethod.class, names = {"FREEZER_V1", "FREEZER_V2"})
    void suspendFreezesTheJobsCgroupWithItsChildrenAndResumeThawsIt(SuspendMethod method) {
        freezerBackend(method, config().withCommand("forker",
                "sleep 1000 & exec {jobScript} --work {work} --scale {scale} --state {state} --name {name}"));
        assertThat(backend.suspendMethod()).isEqualTo(method);
        TestJob job = TestJob.of(0, "freezable", 600, "forker");
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        long pg = backend.processGroup(job).orElseThrow();
        Path cgroup = backend.cgroup(job).orElseThrow();
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 0, "progress written", WAIT);
        awaitTrue(() -> ProcStat.liveGroupMembers(pg).size() >= 2, "the job and its child", WAIT);
        assertThat(CgroupFreezer.members(cgroup)).as("every process of the group is in the cgroup")
                .containsAll(ProcStat.liveGroupMembers(pg).stream().map(ProcStat::pid).toList());

        long t0 = System.nanoTime();
        backend.suspend(job, 10);
        Observation stopped = probe.await(0, ObservedKind.STOPPED, WAIT);
        double freezeMs = (stopped.wallNanos() - t0) / 1e6;
        assertThat(stopped.detail()).contains("freezer").contains("FROZEN");
        assertThat(freezerState(cgroup)).isEqualTo("FROZEN");
        long frozen = stateValue(progressOf(job), "done_us");
        sleep(400);
        assertThat(stateValue(progressOf(job), "done_us")).as("no progress while frozen").isEqualTo(frozen);
        // a SIGCONT from elsewhere does not wake a frozen job
        ProcessGroups.signal(pg, "CONT");
        sleep(200);
        assertThat(stateValue(progressOf(job), "done_us")).as("still frozen after a stray SIGCONT").isEqualTo(frozen);

        backend.resume(job, 20, 3, 500);
        assertThat(probe.await(0, ObservedKind.CONTINUED, WAIT).detail()).contains("THAWED");
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > frozen, "progress after the thaw", WAIT);
        assertThat(freezerState(cgroup)).isEqualTo("THAWED");
        System.out.printf("[local] %s: frozen (observed) %.1f ms after suspend; cgroup %s%n", method.label(), freezeMs, cgroup);
    }

    @ParameterizedTest
    @EnumSource(value = SuspendMethod.class, names = {"FREEZER_V1", "FREEZER_V2"})
    void aFrozenJobIsKilledWithSigtermAfterAThawAndItsCgroupIsRemoved(SuspendMethod method) {
        freezerBackend(method, config());
        TestJob job = TestJob.of(0, "frozen-kill", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        long pg = backend.processGroup(job).orElseThrow();
        Path cgroup = backend.cgroup(job).orElseThrow();
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 0, "working", WAIT);
        backend.suspend(job, 5);
        probe.await(0, ObservedKind.STOPPED, WAIT);

        backend.kill(job, 6);
        Observation exit = probe.await(0, ObservedKind.EXITED, WAIT);

        assertThat(exit.exitCode()).as("the sample job acted on SIGTERM").isEqualTo(143);
        assertThat(stateText(backend.stateFile(job), "reason")).isEqualTo("term");
        awaitTrue(() -> !ProcessGroups.isAlive(pg), "group gone", WAIT);
        awaitTrue(() -> !Files.exists(cgroup), "cgroup " + cgroup + " removed", WAIT);
    }

    @ParameterizedTest
    @EnumSource(value = SuspendMethod.class, names = {"FREEZER_V1", "FREEZER_V2"})
    void aCheckpointIsHeldByTheFreezerAndARelaunchStartsFromIt(SuspendMethod method) {
        freezerBackend(method, config());
        TestJob job = TestJob.of(0, "ckpt", 120);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 120);
        Path firstGroup = backend.cgroup(job).orElseThrow();
        awaitTrue(() -> stateValue(progressOf(job), "done_us") > 30_000_000, "30 s of work", WAIT);
        backend.checkpoint(job, 30);
        probe.await(0, ObservedKind.CHECKPOINT_WRITTEN, WAIT);
        awaitTrue(() -> "FROZEN".equals(freezerState(firstGroup)), "frozen during the engine's checkpoint I/O", WAIT);
        long saved = stateValue(backend.stateFile(job), "done_us");

        // requeued and started again: the frozen launch must end (thawed, then SIGKILL) first
        backend.start(job, TestJob.ONE_NODE, 40, 4, 0, 120 - saved / 1_000_000);
        assertThat(firstGroup).as("the first launch's cgroup is removed").doesNotExist();
        assertThat(backend.cgroup(job).orElseThrow()).isNotEqualTo(firstGroup);
        Observation exit = probe.await(o -> o.kind() == ObservedKind.EXITED && o.launch() == 2, "relaunch exits", WAIT);
        assertThat(exit.exitCode()).isZero();
        assertThat(probe.done).singleElement().satisfies(d -> assertThat(d.segment()).isEqualTo(4));
    }

    @ParameterizedTest
    @EnumSource(value = SuspendMethod.class, names = {"FREEZER_V1", "FREEZER_V2"})
    void closeEndsFrozenAndStubbornJobsAndRemovesTheRunsCgroup(SuspendMethod method) throws Exception {
        freezerBackend(method, config().withGraceTime(Duration.ofMillis(500))
                .withCommand("stubborn", "trap '' TERM; sleep 1000 & while true; do sleep 0.2; done"));
        TestJob a = TestJob.of(0, "frozen", 6000);
        TestJob b = TestJob.of(1, "stubborn-frozen", 6000, "stubborn");
        backend.start(a, TestJob.ONE_NODE, 0, 1, 0, 6000);
        backend.start(b, TestJob.ONE_NODE, 0, 1, 0, 6000);
        List<Long> groups = List.of(backend.processGroup(a).orElseThrow(), backend.processGroup(b).orElseThrow());
        awaitTrue(() -> ProcStat.liveGroupMembers(groups.get(1)).size() >= 2, "stubborn job and its child", WAIT);
        backend.suspend(a, 1);
        backend.suspend(b, 1);
        probe.await(0, ObservedKind.STOPPED, WAIT);
        probe.await(1, ObservedKind.STOPPED, WAIT);
        Path runGroup = backend.cgroup(a).orElseThrow().getParent();
        Path runLog = backend.runDirectory().resolve("run.log");
        assertThat(Files.readString(runLog)).contains("suspend method: " + method.label());

        long t0 = System.nanoTime();
        backend.close();
        double seconds = (System.nanoTime() - t0) / 1e9;

        for (long g : groups) assertThat(ProcStat.liveGroupMembers(g)).as("group %d after close", g).isEmpty();
        assertThat(runGroup).as("the run's cgroup").doesNotExist();
        System.out.printf("[local] %s: close() ended 2 frozen groups (1 ignoring SIGTERM) in %.3f s%n", method.label(), seconds);
    }

    @Test
    void signalsCanBeChosenAndTheChoiceIsLogged() throws Exception {
        backend = new LocalProcessBackend(config().withSuspendMethod(SuspendMethod.SIGNALS));
        probe = new BackendProbe(backend);
        backend.bind(LiveClock.startingNow(0, 60));
        assertThat(backend.suspendMethod()).isEqualTo(SuspendMethod.SIGNALS);
        assertThat(Files.readString(backend.runDirectory().resolve("run.log"))).contains("suspend method: signals (asked for)");
        TestJob job = TestJob.of(0, "stopped", 600);
        backend.start(job, TestJob.ONE_NODE, 0, 1, 0, 600);
        assertThat(backend.cgroup(job)).isEmpty();
        backend.suspend(job, 1);
        assertThat(probe.await(0, ObservedKind.STOPPED, WAIT).detail()).contains("SIGSTOP");
        assertThat(ProcessGroups.isStopped(backend.processGroup(job).orElseThrow())).isTrue();
    }

    @Test
    void autoPicksAWritableFreezerWhenThereIsOneAndSaysWhy() throws Exception {
        backend = new LocalProcessBackend(config().withSuspendMethod(SuspendMethod.AUTO));
        SuspendMethod chosen = backend.suspendMethod();
        String log = Files.readString(backend.runDirectory().resolve("run.log"));
        System.out.println("[local] auto: " + chosen.label() + " — " + backend.suspendMethodReason());
        assertThat(chosen).isNotEqualTo(SuspendMethod.AUTO).isNotEqualTo(SuspendMethod.FREEZER);
        assertThat(log).contains("suspend method: " + chosen.label());
        boolean v1 = CgroupFreezer.base(CgroupFreezer.Version.V1).map(Files::isWritable).orElse(false);
        if (v1) assertThat(chosen).isEqualTo(SuspendMethod.FREEZER_V1);
        if (chosen == SuspendMethod.SIGNALS) assertThat(log).contains("no writable freezer");
    }

    @Test
    void theSuspendMethodComesFromASystemPropertyAndBadNamesAreExplained() {
        String old = System.getProperty(LocalBackendConfig.SUSPEND_PROPERTY);
        try {
            System.setProperty(LocalBackendConfig.SUSPEND_PROPERTY, "signals");
            assertThat(LocalBackendConfig.defaults(runs).suspendMethod()).isEqualTo(SuspendMethod.SIGNALS);
            System.setProperty(LocalBackendConfig.SUSPEND_PROPERTY, "Freezer-V2");
            assertThat(LocalBackendConfig.defaults(runs).suspendMethod()).isEqualTo(SuspendMethod.FREEZER_V2);
            System.setProperty(LocalBackendConfig.SUSPEND_PROPERTY, "criu");
            assertThatThrownBy(() -> LocalBackendConfig.defaults(runs)).hasMessageContaining("(criu) is unknown")
                    .hasMessageContaining("signals");
        } finally {
            if (old == null) System.clearProperty(LocalBackendConfig.SUSPEND_PROPERTY);
            else System.setProperty(LocalBackendConfig.SUSPEND_PROPERTY, old);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
