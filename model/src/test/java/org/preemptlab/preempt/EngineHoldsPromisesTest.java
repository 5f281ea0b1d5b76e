package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/**
 * What room is being made for whom is engine state: the preempting scheduler asks for it with
 * decisions ({@link Decision.Promise}, {@link Decision.Hold}, a suspend's {@code forJob}), the
 * engine records it, the snapshot shows it, and the engine forgets it when the job starts.
 */
class EngineHoldsPromisesTest {

    /** One node with 2 cores; storage 100 MB/s (a 1000 MB image takes 10 s). */
    static final NodeCluster NODE = new NodeCluster(List.of(new NodePool("n", 1, 2, 0, "", List.of(), 100)));

    /** QOS tiers high > mid > scav; scav jobs are suspended, mid jobs checkpointed; victims largest first (ties: lower index). */
    static final PreemptionRules RULES = new PreemptionRules(false, true, Map.of("high", 2, "mid", 1, "scav", 0),
            VictimOrder.LARGEST_FIRST, 0,
            Map.of("scav", List.of(PreemptMechanism.SUSPEND), "mid", List.of(PreemptMechanism.CHECKPOINT)),
            List.of(PreemptMechanism.KILL));

    static JobSpec job(int id, String name, long submit, long runtime, String qos) {
        return new JobSpec(id, name, submit, 1, 2, 0, runtime * 2, runtime, qos, "", List.of(), true, true, 1000, 0, null);
    }

    /*
     * V (scav) runs from 0. M (mid) comes at 10: V is suspended for it, M starts at once. H (high)
     * comes at 20: M must checkpoint (10 s) and V, already suspended, is kept for H → H is promised
     * the node and V held for it. At 30 M's image is written: H starts beside V, the promise is gone.
     */
    static Simulation scenario() {
        return new Simulation(SimulationConfig.of(NODE, List.of(
                job(1, "V", 0, 1000, "scav"), job(2, "M", 10, 500, "mid"), job(3, "H", 20, 100, "high")),
                new PreemptingScheduler(new FcfsPolicy(), RULES), true));
    }

    static void advanceTo(Simulation sim, long t) {
        while (sim.nextEventTime() <= t && sim.step()) { }
    }

    static JobView named(Simulation sim, String name) {
        return sim.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theEngineRecordsThePromiseAndTheHoldAndDropsThemWhenTheJobStarts() {
        Simulation sim = scenario();
        JobView v = named(sim, "V");
        JobView m = named(sim, "M");
        JobView h = named(sim, "H");

        advanceTo(sim, 10);
        assertThat(v.state()).isEqualTo(JobState.SUSPENDED);
        assertThat(m.state()).isEqualTo(JobState.RUNNING);
        assertThat(sim.snapshot().heldFor(v)).as("M started: V is held for nobody").isNull();
        assertThat(sim.snapshot().promised()).isEmpty();

        advanceTo(sim, 20);
        Snapshot s = sim.snapshot();
        assertThat(m.state()).isEqualTo(JobState.CHECKPOINTING);
        assertThat(h.state()).isEqualTo(JobState.QUEUED);
        assertThat(s.promised()).containsOnlyKeys(h.index());
        assertThat(s.promised().get(h.index()).nodes()).containsExactly(0);
        assertThat(s.heldFor(v)).as("V is kept suspended for H").isSameAs(h);

        advanceTo(sim, 30);
        assertThat(h.state()).isEqualTo(JobState.RUNNING);
        assertThat(h.segmentStart()).isEqualTo(30);
        assertThat(v.state()).as("V stays suspended beside H").isEqualTo(JobState.SUSPENDED);
        assertThat(sim.snapshot().promised()).as("the promise ends when H starts").isEmpty();
        assertThat(sim.snapshot().heldFor(v)).isNull();

        while (sim.step()) { }
        assertThat(sim.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(sim.timeline().log()).as("keeping V for H is no new preemption: nothing logged for V at 20")
                .noneMatch(e -> e.job() == v.index() && e.time() == 20);
    }

    @Test
    void thePolicyDecidesFromTheSnapshotAlone() {
        PreemptingScheduler used = new PreemptingScheduler(new FcfsPolicy(), RULES);
        Simulation sim = new Simulation(SimulationConfig.of(NODE, List.of(
                job(1, "V", 0, 1000, "scav"), job(2, "M", 10, 500, "mid"), job(3, "H", 20, 100, "high")), used, true));
        advanceTo(sim, 20);
        String once = describe(used.schedule(sim.snapshot()));
        assertThat(describe(used.schedule(sim.snapshot()))).as("same snapshot, same decisions").isEqualTo(once);
        assertThat(describe(new PreemptingScheduler(new FcfsPolicy(), RULES).schedule(sim.snapshot())))
                .as("a policy that has seen the run decides as a fresh one").isEqualTo(once);
        assertThat(once).as("H waits on its promise; nothing more is preempted").isEqualTo("[]");
    }

    @Test
    void theEngineRejectsAPromiseToAJobThatIsNotWaiting() {
        SchedulingPolicy startAndPromise = new SchedulingPolicy() {
            public String name() {
                return "start-and-promise";
            }

            public List<Decision> schedule(Snapshot s) {
                if (s.queue().isEmpty()) return List.of();
                JobView j = s.queue().iterator().next();
                var p = s.freeCapacity().place(j.spec());
                return List.of(new Decision.Start(j, p, Reason.of("start")), new Decision.Promise(j, p, Reason.of("promise")));
            }
        };
        Simulation sim = new Simulation(SimulationConfig.of(NODE, List.of(job(1, "A", 0, 10, "mid")), startAndPromise, true));
        assertThatThrownBy(sim::step).isInstanceOf(IllegalStateException.class)
                .hasMessage("policy start-and-promise promised job A a start, but it is RUNNING");
    }

    @Test
    void policiesThatKeepNothingBetweenPassesHaveOnlyFinalFields() {
        for (Class<?> c : List.of(PreemptingScheduler.class, VictimPlanner.class, PreemptionRules.class,
                FcfsPolicy.class, EasyBackfillPolicy.class)) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                assertThat(Modifier.isFinal(f.getModifiers())).as("%s.%s is final", c.getSimpleName(), f.getName()).isTrue();
            }
        }
    }

    private static String describe(List<Decision> decisions) {
        StringBuilder b = new StringBuilder("[");
        for (Decision d : decisions) {
            if (b.length() > 1) b.append(", ");
            b.append(d.getClass().getSimpleName()).append(' ');
            if (d instanceof Decision.Start s) b.append(s.job().name()).append(Arrays.toString(s.placement().nodes()));
            else if (d instanceof Decision.Preempt p) b.append(p.victim().name()).append(' ').append(p.mechanism());
            else if (d instanceof Decision.Promise p) b.append(p.job().name()).append(Arrays.toString(p.placement().nodes()));
            else if (d instanceof Decision.Hold h) b.append(h.suspended().name()).append("→").append(h.forJob().name());
            else if (d instanceof Decision.CallAt c) b.append(c.time());
            b.append(": ").append(d.reason().text());
        }
        return b.append(']').toString();
    }
}
