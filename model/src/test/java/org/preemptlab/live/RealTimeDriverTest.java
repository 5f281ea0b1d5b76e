package org.preemptlab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.preemptlab.live.LiveComparison.Decision;
import static org.preemptlab.live.LiveComparison.assertSameDecisions;
import static org.preemptlab.live.LiveComparison.config;
import static org.preemptlab.live.LiveComparison.decisions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * The real-time driver and the live backends' shared bookkeeping, deterministically: the driver
 * follows a {@link ManualWallClock} the test controls and enacts decisions on a
 * {@link ScriptedBackend} (no processes), so nothing here depends on how busy the machine is. The
 * same comparison on real processes and the real clock is {@link RealTimeDriverIT} (integration
 * phase). Scenario: {@link LiveComparison}.
 */
class RealTimeDriverTest {

    private static final double SCALE = 60;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private record Live(SimulationResult result, RealTimeDriver driver, ScriptedBackend backend, ManualWallClock wall) {}

    private static Live live(PreemptMechanism mechanism, ManualWallClock wall, ScriptedBackend backend, Duration deadline) {
        Simulation sim = new Simulation(config(mechanism).withBackend(backend));
        RealTimeDriver driver = new RealTimeDriver(sim, backend, SCALE, LiveListener.NONE, deadline, wall);
        return new Live(driver.run(), driver, backend, wall);
    }

    private static SimulationResult emulated(PreemptMechanism mechanism) {
        return new Simulation(config(mechanism)).run();
    }

    @ParameterizedTest
    @EnumSource(value = PreemptMechanism.class, names = {"SUSPEND", "CHECKPOINT", "REQUEUE"})
    void aBackendThatRunsJobsAsTheEngineExpectsGivesTheEmulatedRunSecondForSecond(PreemptMechanism mechanism) {
        ManualWallClock wall = new ManualWallClock();
        Live live = live(mechanism, wall, new ScriptedBackend(wall), null);
        SimulationResult emu = emulated(mechanism);

        assertThat(decisions(live.result())).as("decisions with their times, live vs emulated (%s)", mechanism)
                .isEqualTo(decisions(emu));
        assertThat(live.driver().delays()).as("nothing was late").isEmpty();
        assertThat(live.result().jobs()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.COMPLETED));
        String preempted = switch (mechanism) {
            case SUSPEND -> "suspend B";
            case CHECKPOINT -> "checkpoint B";
            default -> "kill B";
        };
        assertThat(live.backend().enacted).contains(preempted).endsWith("start C")
                .filteredOn(s -> s.startsWith("start")).hasSize(mechanism == PreemptMechanism.SUSPEND ? 4 : 5);
        assertThat(live.driver().observed()).filteredOn(o -> o.kind() == ObservedKind.EXITED && o.exitCode() == 0)
                .extracting(ObservedEvent::job).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(live.backend().closed).as("backend closed at the end").isTrue();
        // the run took as long in (fake) real time as the simulated span at scale 60 (its last instant
        // is applied once the simulated clock rounds to it: up to half a simulated second before)
        long span = emu.timeline().log().stream().mapToLong(e -> e.time()).max().orElseThrow();
        assertThat(live.driver().wallNanos()).isBetween(Math.round((span - 0.5) * 1e9 / SCALE), Math.round(span * 1e9 / SCALE));
    }

    /**
     * A busy machine, deterministically: every wait of the driver ends 250 ms late (15 simulated
     * seconds at scale 60) and every launch takes 100 ms. The driver measures both, and the live
     * decisions stay within the delays it measured — the comparison {@link RealTimeDriverIT} makes.
     */
    @ParameterizedTest
    @EnumSource(value = PreemptMechanism.class, names = {"SUSPEND", "CHECKPOINT", "REQUEUE"})
    void onABusyMachineTheDriverMeasuresHowLateItWasAndTheDecisionsStayWithinThat(PreemptMechanism mechanism) {
        ManualWallClock wall = new ManualWallClock(250 * MS);
        Live live = live(mechanism, wall, new ScriptedBackend(wall, 100 * MS, Set.of()), null);
        SimulationResult emu = emulated(mechanism);
        List<RealTimeDriver.Delay> delays = live.driver().delays();

        assertThat(delays).filteredOn(d -> d.what().equals(RealTimeDriver.Delay.STEP)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.lateNanos()).isLessThanOrEqualTo(250 * MS + 1));
        assertThat(delays).filteredOn(d -> d.what().equals(RealTimeDriver.Delay.END)).isNotEmpty()
                .allSatisfy(d -> assertThat(d.lateNanos()).as("launch latency at least").isGreaterThanOrEqualTo(100 * MS - 8 * MS));
        assertThat(decisions(live.result())).as("the delays do show in the live times").isNotEqualTo(decisions(emu));
        assertSameDecisions(emu, live.result(), delays, SCALE, 1, false);
        assertThat(live.result().jobs()).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.COMPLETED));
        // without the measured delays the same runs do not compare: the tolerance is what the delays allow, no more
        assertThatThrownBy(() -> assertSameDecisions(emu, live.result(), List.of(), SCALE, 1, false)).isInstanceOf(AssertionError.class);
    }

    @Test
    void theComparisonAllowsReorderingOnlyAmongSimultaneousDecisionsOrWithinTheDelaysSoFar() {
        List<Decision> emu = List.of(new Decision(0, "start", "A"), new Decision(0, "start", "B"), new Decision(60, "end", "A"),
                new Decision(90, "start", "C"));
        List<Decision> sameInstantSwapped = List.of(emu.get(1), emu.get(0), emu.get(2), emu.get(3));
        assertSameDecisions(emu, sameInstantSwapped, List.of(), SCALE, 1, false);

        List<Decision> laterSwapped = List.of(emu.get(0), emu.get(1), new Decision(91, "start", "C"), new Decision(92, "end", "A"));
        assertThatThrownBy(() -> assertSameDecisions(emu, laterSwapped, List.of(), SCALE, 1, false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("end A");
        // 40 s of measured delay (2/3 s at scale 60) before: A's end came late enough to swap with C's start, 30 s apart
        List<RealTimeDriver.Delay> late = List.of(new RealTimeDriver.Delay(RealTimeDriver.Delay.END, 0, 60, 2_000_000_000L / 3));
        assertSameDecisions(emu, laterSwapped, late, SCALE, 1, false);

        List<Decision> early = List.of(emu.get(0), emu.get(1), new Decision(50, "end", "A"), emu.get(3));
        assertThatThrownBy(() -> assertSameDecisions(emu, early, List.of(), SCALE, 1, false)).as("earlier than emulated")
                .isInstanceOf(AssertionError.class).hasMessageContaining("time of end A");
        List<Decision> other = List.of(emu.get(0), emu.get(1), emu.get(2), new Decision(90, "start", "D"));
        assertThatThrownBy(() -> assertSameDecisions(emu, other, late, SCALE, 1, false))
                .isInstanceOf(AssertionError.class).hasMessageContaining("decided otherwise");
    }

    @Test
    void stopEndsTheRunAndEveryJobItStarted() {
        ManualWallClock wall = new ManualWallClock();
        ScriptedBackend backend = new ScriptedBackend(wall);
        Simulation sim = new Simulation(config(PreemptMechanism.SUSPEND).withBackend(backend));
        RealTimeDriver[] driver = new RealTimeDriver[1];
        List<ObservedEvent> seen = new ArrayList<>();
        driver[0] = new RealTimeDriver(sim, backend, SCALE, new LiveListener() {
            @Override
            public void observed(ObservedEvent event) {
                seen.add(event);
                if (seen.stream().filter(e -> e.kind() == ObservedKind.STARTED).count() == 2) driver[0].stop();
            }
        }, null, wall);

        SimulationResult result = driver[0].run();

        assertThat(driver[0].isStopped()).isTrue();
        assertThat(sim.isFinished()).isFalse();
        assertThat(result.timeline().log()).noneMatch(e -> e.kind() == LogKind.END);
        assertThat(backend.closed).isTrue();
        assertThat(backend.pendingExits()).as("no job left running").isZero();
        assertThat(wall.nanoTime() - 1_000_000_000L).as("stopped within one wait of the second start").isLessThanOrEqualTo(100 * MS);
    }

    @Test
    void aRunThatOverrunsItsDeadlineFailsSayingWhereItWasAndEndsItsJobs() {
        ManualWallClock wall = new ManualWallClock();
        ScriptedBackend backend = new ScriptedBackend(wall);
        // the scenario needs 420 simulated seconds: 7 s at scale 60
        assertThatThrownBy(() -> live(PreemptMechanism.SUSPEND, wall, backend, Duration.ofSeconds(2)))
                .isInstanceOf(LiveRunException.class).hasMessageContaining("deadline (PT2S)").hasMessageContaining("simulated time 12");
        assertThat(backend.closed).isTrue();
        assertThat(backend.pendingExits()).isZero();
    }

    @Test
    void aJobThatFailsOnItsOwnEndsFailedWithTheExitCodeAndTheRunGoesOn() {
        ManualWallClock wall = new ManualWallClock();
        Live live = live(PreemptMechanism.SUSPEND, wall, new ScriptedBackend(wall, 0, Set.of("C")), null);
        SimulationResult result = live.result();

        assertThat(result.jobs()).filteredOn(j -> j.name().equals("C")).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobState.FAILED));
        assertThat(result.jobs()).filteredOn(j -> !j.name().equals("C")).allSatisfy(j -> assertThat(j.state()).isEqualTo(JobState.COMPLETED));
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == LogKind.FAIL && e.reason().text().contains("exit code 3"));
        assertThat(result.timeline().log()).anyMatch(e -> e.kind() == LogKind.OBSERVED && e.reason().text().contains("exited 3"));
    }

    @Test
    void aBadTimeScaleIsRejectedWithTheValue() {
        Simulation sim = new Simulation(config(PreemptMechanism.SUSPEND));
        ManualWallClock wall = new ManualWallClock();
        assertThatThrownBy(() -> new RealTimeDriver(sim, null, 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RealTimeDriver(sim, new ScriptedBackend(wall), -2)).hasMessageContaining("(-2.0)");
        assertThatThrownBy(() -> new RealTimeDriver(sim, new ScriptedBackend(wall), Double.POSITIVE_INFINITY))
                .hasMessageContaining("(Infinity)");
    }
}
