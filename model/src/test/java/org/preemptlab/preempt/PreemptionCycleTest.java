package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * Owner and QOS preemption both on (issue 17): the owner preempted the borrower, the borrower's QOS
 * tier preempted the owner back, for ever, at one instant. Who may preempt whom is now a strict
 * order: a scenario file whose tiers contradict the owner rule is refused when read (as Slurm refuses a
 * QOS preemption loop), the engine ranks the owner rule first, and refuses a preemption that undoes one
 * made at the same instant.
 */
class PreemptionCycleTest {

    static final String REPRODUCTION = """
            {"formatVersion": 1, "name": "owner vs QOS preemption cycle",
             "cluster": {"pools": [{"name": "p", "nodes": 2, "coresPerNode": 4, "owner": "chem", "borrowers": ["*"]}]},
             "policy": {"scheduler": "fcfs"},
             "preemption": {"owner": true, "qos": true, "tiers": {"preempt": 3}, "defaultChain": ["requeue", "kill"]},
             "jobs": [
              {"name": "Owner", "submit": 0, "nodes": 1, "coresPerNode": 4, "estimate": 2000, "runtime": 1000, "group": "chem", "qos": "normal"},
              {"name": "Borrower", "submit": 10, "nodes": 2, "coresPerNode": 4, "estimate": 2000, "runtime": 1000, "qos": "preempt"}]}
            """;

    @Test
    void theReproductionIsRefusedWhenReadNamingTheTierThatLoops() {
        ScenarioException e = catchThrowableOfType(ScenarioException.class,
                () -> ScenarioReader.read(REPRODUCTION, "cycle.json", Path.of(".")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("preemption.tiers.preempt");
            assertThat(p.message()).startsWith("3; with \"owner\" and \"qos\" preemption both on this is a preemption loop:"
                    + " on pool p, owned by chem, the owner's job Owner (QOS normal, tier 0) preempts the borrower Borrower"
                    + " (QOS preempt, tier 3), whose higher tier preempts it back");
            assertThat(p.message()).contains("give QOS preempt a tier ≤ 0", "or turn \"owner\" or \"qos\" off");
        });
    }

    @Test
    void theSameScenarioWithOneRuleOffOrConsistentTiersIsRead() throws ScenarioException {
        assertThat(ScenarioReader.read(REPRODUCTION.replace("\"qos\": true", "\"qos\": false"), "a.json", Path.of(".")).rules()
                .qosPreemption()).isFalse();
        assertThat(ScenarioReader.read(REPRODUCTION.replace("\"owner\": true", "\"owner\": false"), "b.json", Path.of("."))
                .rules().ownerPreemption()).isFalse();
        // the owners' QOS ranked at least as high as the borrowers': no loop
        Scenario s = ScenarioReader.read(REPRODUCTION.replace("{\"preempt\": 3}", "{\"preempt\": 3, \"normal\": 3}"), "c.json",
                Path.of("."));
        assertThat(s.rules().tierOf("normal")).isEqualTo(3);
    }

    /** The planner's editor judges a draft by the same rule: turning QOS preemption on there reports the loop. */
    @Test
    void theEditorsDraftIsJudgedByTheSameRule() throws ScenarioException {
        Scenario ownerOnly = ScenarioReader.read(REPRODUCTION.replace("\"qos\": true", "\"qos\": false"), "a.json", Path.of("."));
        ScenarioDraft draft = ScenarioValidator.toDraft(ownerOnly);
        assertThat(ScenarioValidator.validate(draft)).isEmpty();
        PreemptionRules r = ownerOnly.rules();
        ScenarioDraft both = draft.withRules(new PreemptionRules(true, true, r.tiers(), r.victimOrder(), r.exemptSeconds(),
                r.chains(), r.defaultChain()));
        assertThat(ScenarioValidator.validate(both)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("preemption.tiers.preempt");
            assertThat(p.message()).startsWith("3; with \"owner\" and \"qos\" preemption both on this is a preemption loop");
        });
    }

    static List<JobSpec> reproductionJobs() {
        return List.of(
                new JobSpec(1, "Owner", 0, 1, 4, 0, 2000, 1000, "normal", "chem", List.of(), true, true, 0, 0, null),
                new JobSpec(2, "Borrower", 10, 2, 4, 0, 2000, 1000, "preempt", "", List.of(), true, true, 0, 0, null));
    }

    static List<JobSpec> reproductionJobsBorrowerFirst() {
        return List.of(
                new JobSpec(1, "Borrower", 0, 2, 4, 0, 2000, 1000, "preempt", "", List.of(), true, true, 0, 0, null),
                new JobSpec(2, "Owner", 10, 1, 4, 0, 2000, 1000, "normal", "chem", List.of(), true, true, 0, 0, null));
    }

    static SimulationResult runBothRules(List<JobSpec> jobs) {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 2, 4, 0, "chem", List.of("*"), 1000)));
        PreemptionRules rules = new PreemptionRules(true, true, Map.of("preempt", 3), VictimOrder.YOUNGEST_FIRST, 0, Map.of(),
                List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL));
        SchedulingPolicy policy = new PreemptingScheduler(new FcfsPolicy(), rules);
        return new Simulation(SimulationConfig.of(cluster, jobs, policy, true).withPreemption(PreemptionSettings.defaults())).run();
    }

    /** Built in code (no reader to refuse it), the engine ranks the owner rule first: the borrower waits for the owner. */
    @Test
    void builtInCodeTheReproductionRunsToItsEndWithTheOwnerRuleFirst() {
        SimulationResult r = runBothRules(reproductionJobs());
        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(r.timeline().log()).noneMatch(e -> e.kind() == LogKind.PREEMPT);
        assertThat(r.job(0).firstStart()).isZero();
        assertThat(r.job(1).firstStart()).as("the borrower needs the owner's node").isEqualTo(1000);
        assertThat(r.job(1).end()).isEqualTo(2000);
    }

    /** The other way round: the owner arrives while the borrower runs, reclaims its pool once, and is not preempted back. */
    @Test
    void theOwnerReclaimsItsPoolOnceAndIsNotPreemptedBack() {
        SimulationResult r = runBothRules(reproductionJobsBorrowerFirst());
        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(r.timeline().log()).filteredOn(e -> e.kind() == LogKind.PREEMPT).singleElement().satisfies(e -> {
            assertThat(e.job()).as("the borrower").isEqualTo(0);
            assertThat(e.time()).isEqualTo(10);
            assertThat(e.reason()).isInstanceOf(PreemptReason.OwnerReclaims.class);
        });
        assertThat(r.job(1).firstStart()).isEqualTo(10);
        assertThat(r.job(0).timesPreempted()).isOne();
        assertThat(r.timeline().log()).filteredOn(e -> e.job() == 0 && e.kind() == LogKind.RESTART).singleElement()
                .satisfies(e -> assertThat(e.time()).isEqualTo(1010));
    }

    @Test
    void theOrderIsStrictOnEveryPool() {
        PreemptionRules both = new PreemptionRules(true, true, Map.of("preempt", 3, "high", 2), VictimOrder.YOUNGEST_FIRST, 0,
                Map.of(), List.of());
        NodePool owned = new NodePool("p", 2, 4, 0, "chem", List.of("*"), 1000);
        NodePool pub = new NodePool("q", 2, 4, 0, "", List.of(), 1000);
        List<JobSpec> jobs = new ArrayList<>();
        int id = 1;
        for (String group : List.of("chem", "", "bio")) {
            for (String qos : List.of("normal", "high", "preempt")) {
                jobs.add(new JobSpec(id, "j" + id, 0, 1, 1, 0, 10, 10, qos, group, List.of(), true, true, 0, 0, null));
                id++;
            }
        }
        for (NodePool pool : new NodePool[] {owned, pub, null}) {
            for (JobSpec a : jobs) {
                assertThat(both.mayPreempt(a, a, pool)).isFalse();
                for (JobSpec b : jobs) {
                    assertThat(both.mayPreempt(a, b, pool) && both.mayPreempt(b, a, pool))
                            .as("%s and %s preempt each other on %s", a, b, pool).isFalse();
                }
            }
        }
        JobSpec owner = jobs.get(0); // chem, normal (tier 0)
        JobSpec borrower = jobs.get(5); // "", preempt (tier 3)
        assertThat(both.mayPreempt(owner, borrower, owned)).as("the owner reclaims its pool").isTrue();
        assertThat(both.mayPreempt(borrower, owner, owned)).as("not the borrower's to take").isFalse();
        assertThat(both.mayPreempt(borrower, owner, pub)).as("on a public pool the tier decides").isTrue();
        assertThat(both.mayPreempt(jobs.get(1), owner, owned)).as("between owners the tier decides").isTrue();
    }

    /**
     * A policy that asks for the preemption cycle itself: at t=5 job A is preempted for B, B starts on
     * A's node, then B is preempted for A and A starts there again, in one pass. The engine refuses the
     * second preemption instead of letting the resources go back and forth.
     */
    @Test
    void theEngineRefusesAPreemptionThatUndoesOneMadeAtTheSameInstant() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 1, 1, 0, "", List.of(), 1000)));
        List<JobSpec> jobs = List.of(
                new JobSpec(1, "A", 0, 1, 1, 0, 100, 100, "normal", "", List.of(), true, true, 0, 0, null),
                new JobSpec(2, "B", 5, 1, 1, 0, 100, 100, "normal", "", List.of(), true, true, 0, 0, null));
        SchedulingPolicy pingPong = new SchedulingPolicy() {
            @Override public String name() {
                return "ping-pong";
            }

            @Override public List<Decision> schedule(Snapshot s) {
                if (s.running().isEmpty()) {
                    JobView w = s.queue().iterator().next();
                    return List.of(new Decision.Start(w, s.freeCapacity().place(w.spec()), Reason.of("free")));
                }
                JobView a = s.running().iterator().next();
                JobView b = s.queue().iterator().next();
                return List.of(new Decision.Preempt(a, PreemptMechanism.REQUEUE, b, Reason.of("B's turn")),
                        new Decision.Start(b, a.placement(), Reason.of("B took it")),
                        new Decision.Preempt(b, PreemptMechanism.REQUEUE, a, Reason.of("A's turn again")),
                        new Decision.Start(a, a.placement(), Reason.of("A took it back")));
            }
        };
        Simulation sim = new Simulation(SimulationConfig.of(cluster, jobs, pingPong, true)
                .withPreemption(PreemptionSettings.defaults()));
        assertThatThrownBy(sim::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("policy ping-pong preempted job B for job A at t=5, undoing the preemption of A for B at the same"
                        + " instant (a preemption cycle: who may preempt whom must be a strict order)");
    }
}
