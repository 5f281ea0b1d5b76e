package org.preemptlab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.live.LiveComparison.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.local.ProcessGroups;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Integration phase ({@code -Dtest='*IT'}, not in {@code verify}): the scenario of
 * {@link LiveComparison} on the emulated backend and, in real time, on real local processes makes
 * the same decisions. The tolerance is not a fixed number of seconds but what this run measured
 * ({@link RealTimeDriver#delays()}: how late the driver applied each instant and how late each job
 * really ended), so a busy machine makes the run later, not the test red. Scale 20: one simulated
 * third of a minute per real second, about 25 s per run; at that scale the scenario's distinct
 * instants (30 s apart at the closest) are 1.5 s of real time apart. A run so late that those could
 * swap is reported as aborted (the machine was too busy to compare), not as passed.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RealTimeDriverIT {

    private static final double SCALE = 20;
    /** Simulated seconds: wall instants are rounded to whole simulated seconds, on both sides of a comparison. */
    private static final double MARGIN = 2;
    /**
     * What the sample job may credit as work around a hold: up to ten ticks of 0.1 s. The backend
     * SIGCONTs a job before thawing it, and the job then credits at most one tick (B ended at 422 and
     * 424 for 420 in runs on this machine), but in .ci/run, after the Slurm sandbox started, a suspended
     * B still ended 14–15 simulated s early (405, 406) twice, for a cause not found yet: the bound the
     * job program guarantees without the signal is kept.
     */
    private static final double JOB_FREEZE_CREDIT_REAL_SECONDS = 10 * 0.1;

    @TempDir
    Path runs;

    @ParameterizedTest
    @EnumSource(value = PreemptMechanism.class, names = {"SUSPEND", "CHECKPOINT", "REQUEUE"})
    void aLiveRunOnLocalProcessesMakesTheEmulatedDecisionsWithinItsObservedDelays(PreemptMechanism mechanism) {
        SimulationResult emu = new Simulation(config(mechanism)).run();
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs).withGraceTime(Duration.ofMillis(500))
                .withCheckpointTimeout(Duration.ofSeconds(120)).withKeepRunFiles(Boolean.getBoolean("preemptlab.debugLive")));
        Simulation sim = new Simulation(config(mechanism).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, null);
        SimulationResult live = driver.run();
        List<RealTimeDriver.Delay> delays = driver.delays();

        System.out.printf("[live vs emulated, %s, scale %.0f, %.1f s real] delays: %s%n", mechanism.label(), SCALE,
                driver.wallNanos() / 1e9, delays.stream().map(d -> String.format("%s %s@%d +%.1fs", d.what(), d.job() < 0 ? "" : live.job(d.job()).name(),
                        d.due(), d.simSeconds(SCALE))).toList());
        System.out.println("  emulated: " + LiveComparison.decisions(emu));
        System.out.println("  live:     " + LiveComparison.decisions(live));
        if (Boolean.getBoolean("preemptlab.debugLive")) {
            for (ObservedEvent o : driver.observed()) System.out.println("    " + o);
        }

        // a suspend or kill takes effect on the processes when they are seen stopped or signalled: until then the
        // job goes on working (a late stop lets it end early), so that lateness, as observed, is tolerated too; and
        // the tick in which the job was held may be credited as work up to ten ticks
        // (installer/jobs/preemptlab-job.sh), i.e. up to 1 s real per suspension
        long suspensions = driver.observed().stream().filter(o -> o.kind() == ObservedKind.STOPPED).count();
        double effectLag = effectLagSim(live, driver.observed()) + suspensions * JOB_FREEZE_CREDIT_REAL_SECONDS * SCALE;
        System.out.printf("  stop/signal effects observed %.1f s simulated after their decisions%n", effectLag);
        LiveComparison.assertSameDecisions(emu, live, delays, SCALE, MARGIN + effectLag, true);
        assertThat(live.jobs()).allSatisfy(j -> assertThat(j.state()).as(j.name()).isEqualTo(JobState.COMPLETED));
        List<ObservedKind> seen = driver.observed().stream().map(ObservedEvent::kind).toList();
        assertThat(seen).containsAll(switch (mechanism) {
            case SUSPEND -> List.of(ObservedKind.STARTED, ObservedKind.STOPPED, ObservedKind.CONTINUED, ObservedKind.EXITED);
            case CHECKPOINT -> List.of(ObservedKind.STARTED, ObservedKind.CHECKPOINT_WRITTEN, ObservedKind.EXITED);
            default -> List.of(ObservedKind.STARTED, ObservedKind.SIGNALLED, ObservedKind.EXITED);
        });
        assertThat(driver.observed()).filteredOn(o -> o.kind() == ObservedKind.EXITED && o.exitCode() == 0)
                .extracting(ObservedEvent::job).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(backend.liveGroups()).as("no process left after the run").isEmpty();
    }

    /** Real processes: {@link RealTimeDriver#stop()} from another thread ends the run and every process group it started. */
    @Test
    void stopEndsTheRunAndEveryProcessItStarted() throws Exception {
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs));
        Simulation sim = new Simulation(config(PreemptMechanism.SUSPEND).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, 1.0, LiveListener.NONE, null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                driver.run();
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "driver");
        runner.start();
        // waiting for a condition (generous deadline), not for a time
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (driver.observed().stream().filter(o -> o.kind() == ObservedKind.STARTED).count() < 2) {
            assertThat(System.nanoTime()).as("two jobs started within 120 s").isLessThan(deadline);
            Thread.sleep(10);
        }
        List<Long> groups = new ArrayList<>(backend.liveGroups());
        assertThat(groups).hasSize(2);

        driver.stop();
        runner.join(120_000);

        assertThat(runner.isAlive()).isFalse();
        assertThat(failure.get()).isNull();
        for (long g : groups) assertThat(ProcessGroups.isAlive(g)).as("group %d after stop()", g).isFalse();
        assertThat(sim.isFinished()).isFalse();
    }

    /** Real processes: a job whose process exits 3 on its own ends FAILED with that exit code; the others complete. */
    @Test
    void aJobThatFailsOnItsOwnEndsFailedWithTheExitCodeAndTheRunGoesOn() {
        LocalProcessBackend backend = new LocalProcessBackend(LocalBackendConfig.defaults(runs).withCommand("normal", "sleep 0.2; exit 3"));
        Simulation sim = new Simulation(config(PreemptMechanism.SUSPEND).withBackend(backend));
        SimulationResult result = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, null).run();

        assertThat(result.jobs()).filteredOn(j -> !j.spec().qos().equals("owner"))
                .allSatisfy(j -> assertThat(j.state()).as(j.name()).isEqualTo(JobState.FAILED));
        assertThat(result.jobs()).filteredOn(j -> j.spec().qos().equals("owner"))
                .allSatisfy(j -> assertThat(j.state()).as(j.name()).isEqualTo(JobState.COMPLETED));
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == LogKind.FAIL && e.reason().text().contains("exit code 3"));
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == LogKind.OBSERVED && e.reason().text().contains("exited 3"));
        assertThat(backend.liveGroups()).isEmpty();
    }

    /** Sum over observed stops and signals of the simulated time from the decision to its observed effect. */
    static double effectLagSim(SimulationResult live, List<ObservedEvent> observed) {
        double lag = 0;
        for (ObservedEvent o : observed) {
            if (o.kind() != ObservedKind.STOPPED && o.kind() != ObservedKind.SIGNALLED) continue;
            long decided = Long.MIN_VALUE;
            for (org.preemptlab.sim.LogEntry e : live.timeline().log()) {
                if (e.job() == o.job() && e.time() <= o.time()
                        && (e.kind() == LogKind.SUSPEND || e.kind() == LogKind.KILL || e.kind() == LogKind.PREEMPT)) {
                    decided = Math.max(decided, e.time());
                }
            }
            if (decided != Long.MIN_VALUE) lag += o.time() - decided;
        }
        return lag;
    }
}
