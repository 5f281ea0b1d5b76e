package org.preemptlab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.local.ProcessGroups;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * The same small scenario on the emulated backend and, in real time, on the local process backend
 * gives the same order of decisions (kind, job); times agree within a generous tolerance. Scale 60:
 * one simulated minute per real second, so each run takes about 8 s.
 *
 * <p>Scenario: pool {@code cpu} of 2 nodes × 1 core. A (240 s) and B (300 s) start at 0; the owner
 * job O (120 s) arrives at 60 and preempts B; C (60 s) arrives at 120 and waits for a node.
 */
@Timeout(180)
class RealTimeDriverTest {

    private static final double SCALE = 60;
    /** Simulated seconds; 60 s = 1 s of real time at scale 60 (launch and signal latency on a busy 2-core box). */
    private static final long TOLERANCE = 60;

    @TempDir
    Path runs;

    private static final NodeCluster CLUSTER = new NodeCluster(List.of(NodePool.simple("cpu", 2, 1, 0)));

    private static JobSpec job(int id, String name, long submit, long runtime, String qos) {
        return new JobSpec(id, name, submit, 1, 1, 0, runtime * 2, runtime, qos, "", List.of(), true, true, 0, 0, null);
    }

    private static final List<JobSpec> JOBS = List.of(
            job(1, "A", 0, 240, "normal"),
            job(2, "B", 0, 300, "normal"),
            job(3, "O", 60, 120, "owner"),
            job(4, "C", 120, 60, "normal"));

    private static SimulationConfig config(PreemptMechanism mechanism) {
        return SimulationConfig.of(CLUSTER, JOBS, new OwnerPreemptsPolicy(mechanism), true)
                .withPreemption(PreemptionSettings.defaults().withCost(CheckpointCost.fixed(30, 30)));
    }

    private static Simulation simulation(SimulationConfig config) {
        return new Simulation(config); // the policy puts the owner job at the head of the queue
    }

    private record Decision(String kind, String job) {}

    private static List<Decision> decisions(SimulationResult r) {
        List<Decision> out = new ArrayList<>();
        for (LogEntry e : engineLog(r)) out.add(new Decision(e.kind().label(), e.job() < 0 ? "-" : r.job(e.job()).name()));
        return out;
    }

    /** The engine's own events (what the backend observed is logged too, live only). */
    private static List<LogEntry> engineLog(SimulationResult r) {
        return r.timeline().log().stream().filter(e -> e.kind() != org.preemptlab.sim.LogKind.OBSERVED).toList();
    }

    private SimulationResult emulated(PreemptMechanism mechanism) {
        return simulation(config(mechanism)).run();
    }

    private record Live(SimulationResult result, RealTimeDriver driver, LocalProcessBackend backend) {}

    private Live live(PreemptMechanism mechanism) {
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs).withGraceTime(Duration.ofMillis(500))
                .withKeepRunFiles(Boolean.getBoolean("preemptlab.debugLive")));
        Simulation sim = simulation(config(mechanism).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, Duration.ofSeconds(90));
        return new Live(driver.run(), driver, backend);
    }

    private void compare(PreemptMechanism mechanism, List<ObservedKind> mustSee) {
        SimulationResult emu = emulated(mechanism);
        Live live = live(mechanism);
        SimulationResult real = live.result();

        assertThat(decisions(real)).as("order of decisions, live vs emulated (%s)", mechanism).isEqualTo(decisions(emu));
        List<LogEntry> e = engineLog(emu);
        List<LogEntry> l = engineLog(real);
        for (int i = 0; i < e.size(); i++) {
            assertThat(l.get(i).time()).as("time of %s %s", e.get(i).kind().label(), e.get(i).job())
                    .isBetween(e.get(i).time() - TOLERANCE, e.get(i).time() + TOLERANCE);
        }
        for (int j = 0; j < JOBS.size(); j++) assertThat(real.job(j).state()).isEqualTo(JobState.COMPLETED);
        List<ObservedKind> seen = live.driver().observed().stream().map(ObservedEvent::kind).toList();
        assertThat(seen).containsAll(mustSee);
        assertThat(live.driver().observed()).filteredOn(o -> o.kind() == ObservedKind.EXITED && o.exitCode() == 0)
                .extracting(ObservedEvent::job).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(live.backend().liveGroups()).as("no process left after the run").isEmpty();

        System.out.printf("[live vs emulated, %s, scale %.0f, %.1f s real] job: start emu/live (diff), end emu/live (diff)%n",
                mechanism.label(), SCALE, live.driver().wallNanos() / 1e9);
        if (Boolean.getBoolean("preemptlab.debugLive")) {
            for (ObservedEvent o : live.driver().observed()) System.out.println("    " + o);
            for (LogEntry x : l) System.out.println("    " + x.time() + " " + x.kind() + " " + x.job());
        }
        for (int j = 0; j < JOBS.size(); j++) {
            var a = emu.job(j);
            var b = real.job(j);
            System.out.printf("  %s: start %d/%d (%+d), end %d/%d (%+d)%n", a.name(), a.firstStart(), b.firstStart(),
                    b.firstStart() - a.firstStart(), a.end(), b.end(), b.end() - a.end());
        }
    }

    @Test
    void suspendGivesTheSameDecisionsLiveAsEmulated() {
        compare(PreemptMechanism.SUSPEND, List.of(ObservedKind.STARTED, ObservedKind.STOPPED, ObservedKind.CONTINUED, ObservedKind.EXITED));
    }

    @Test
    void checkpointRestartGivesTheSameDecisionsLiveAsEmulated() {
        compare(PreemptMechanism.CHECKPOINT, List.of(ObservedKind.STARTED, ObservedKind.CHECKPOINT_WRITTEN, ObservedKind.EXITED));
    }

    @Test
    void requeueGivesTheSameDecisionsLiveAsEmulated() {
        compare(PreemptMechanism.REQUEUE, List.of(ObservedKind.STARTED, ObservedKind.SIGNALLED, ObservedKind.EXITED));
    }

    @Test
    void stopEndsTheRunAndEveryProcessItStarted() throws Exception {
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs));
        Simulation sim = simulation(config(PreemptMechanism.SUSPEND).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, 1.0, LiveListener.NONE, Duration.ofSeconds(90));
        List<Long> groups = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                driver.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "driver");
        runner.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (driver.observed().stream().filter(o -> o.kind() == ObservedKind.STARTED).count() < 2) {
            assertThat(System.nanoTime()).as("two jobs started").isLessThan(deadline);
            Thread.sleep(10);
        }
        groups.addAll(backend.liveGroups());
        assertThat(groups).hasSize(2);

        driver.stop();
        runner.join(30_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        for (long g : groups) assertThat(ProcessGroups.isAlive(g)).as("group %d after stop()", g).isFalse();
        assertThat(sim.isFinished()).isFalse();
    }

    @Test
    void aJobThatFailsOnItsOwnEndsFailedWithTheExitCodeAndTheRunGoesOn() {
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs).withCommand("normal", "sleep 0.2; exit 3"));
        Simulation sim = simulation(config(PreemptMechanism.SUSPEND).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, Duration.ofSeconds(60));

        org.preemptlab.sim.SimulationResult result = driver.run();
        assertThat(result.jobs()).anyMatch(j -> j.state() == org.preemptlab.job.JobState.FAILED);
        assertThat(result.jobs()).allMatch(j -> j.state().isTerminal());
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == org.preemptlab.sim.LogKind.FAIL
                && e.reason().text().contains("exit code 3"));
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == org.preemptlab.sim.LogKind.OBSERVED
                && e.reason().text().contains("exited 3"));
        assertThat(backend.liveGroups()).isEmpty();
    }

    @Test
    void aBadTimeScaleIsRejectedWithTheValue() {
        Simulation sim = simulation(config(PreemptMechanism.SUSPEND));
        assertThatThrownBy(() -> new RealTimeDriver(sim, null, 0)).isInstanceOf(NullPointerException.class);
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs));
        try {
            assertThatThrownBy(() -> new RealTimeDriver(sim, backend, -2)).hasMessageContaining("(-2.0)");
        } finally {
            backend.close();
        }
    }
}
