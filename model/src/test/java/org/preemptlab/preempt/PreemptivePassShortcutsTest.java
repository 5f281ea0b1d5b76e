package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * The preemptive pass's shortcuts (issue 16, "Preemptive policies within 2× of EASY"): the walk of the queue stops
 * below the lowest tier an owner group's job has, and below the victims' lowest tier; a plan that cannot fit the job
 * with every candidate gone returns at once. Each must leave the schedule as it was: these are the cases a wrong
 * shortcut would get wrong.
 */
class PreemptivePassShortcutsTest {

    private static final NodePool CHEM = new NodePool("p", 2, 4, 0, "chem", List.of("*"), 1000);

    private static JobSpec job(int id, String name, long submit, int nodes, long runtime, String qos, String group) {
        return new JobSpec(id, name, submit, nodes, 4, 0, 2 * runtime, runtime, qos, group, List.of(), true, true, 0, 0, null);
    }

    private static SimulationResult run(PreemptionRules rules, List<JobSpec> jobs) {
        NodeCluster cluster = new NodeCluster(List.of(CHEM));
        PreemptingScheduler policy = new PreemptingScheduler(new FcfsPolicy(), rules);
        return new Simulation(SimulationConfig.of(cluster, jobs, policy, true).withPreemption(PreemptionSettings.defaults()))
                .run();
    }

    /** Owner preemption only, the owners' QOS below the borrowers': the owner's job waits behind them all, and is still found. */
    @Test
    void anOwnersJobBelowTheBorrowersInTheQueueStillReclaimsItsPool() {
        PreemptionRules ownerOnly = new PreemptionRules(true, false, Map.of("preempt", 3), VictimOrder.YOUNGEST_FIRST, 0,
                Map.of(), List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL));
        List<JobSpec> jobs = List.of(
                job(1, "Borrower", 0, 2, 1000, "preempt", ""),
                job(2, "Waiting1", 5, 2, 100, "preempt", ""),
                job(3, "Waiting2", 5, 2, 100, "preempt", ""),
                job(4, "Owner", 10, 1, 100, "normal", "chem"));
        SimulationResult r = run(ownerOnly, jobs);

        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(r.job(1).tier()).as("the borrowers wait ahead of the owner").isGreaterThan(r.job(3).tier());
        assertThat(r.timeline().log()).filteredOn(e -> e.kind() == LogKind.PREEMPT).singleElement().satisfies(e -> {
            assertThat(e.job()).as("the borrower on the owner's pool").isZero();
            assertThat(e.time()).isEqualTo(10);
            assertThat(e.reason()).isInstanceOf(PreemptReason.OwnerReclaims.class);
        });
        assertThat(r.job(3).firstStart()).isEqualTo(10);
    }

    /** An owner's job that would not fit even with every borrower gone preempts nobody, and waits for its own group's job. */
    @Test
    void noBorrowerIsPreemptedForAJobThatWouldNotFitWithAllOfThemGone() {
        PreemptionRules ownerOnly = new PreemptionRules(true, false, Map.of(), VictimOrder.YOUNGEST_FIRST, 0, Map.of(),
                List.of(PreemptMechanism.SUSPEND, PreemptMechanism.REQUEUE, PreemptMechanism.KILL));
        List<JobSpec> jobs = List.of(
                job(1, "OwnersFirst", 0, 1, 1000, "normal", "chem"),
                job(2, "Borrower", 0, 1, 1000, "normal", ""),
                job(3, "OwnersWhole", 10, 2, 100, "normal", "chem"));
        SimulationResult r = run(ownerOnly, jobs);

        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(r.timeline().log()).noneMatch(e -> e.kind() == LogKind.PREEMPT);
        assertThat(r.job(2).firstStart()).as("both nodes free only when the first two end").isEqualTo(1000);
    }

    /** QOS preemption: a high job behind nobody preempts; the normal jobs after it (the walk stops at them) preempt nobody. */
    @Test
    void theWalkStopsAtTheVictimsLowestTierButNotBefore() {
        PreemptionRules qos = new PreemptionRules(false, true, Map.of("high", 1), VictimOrder.YOUNGEST_FIRST, 0, Map.of(),
                List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL));
        List<JobSpec> jobs = List.of(
                job(1, "Normal", 0, 2, 1000, "normal", ""),
                job(2, "NormalWaiting", 5, 2, 100, "normal", ""),
                job(3, "High", 10, 2, 100, "high", ""));
        SimulationResult r = run(qos, jobs);

        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
        assertThat(r.timeline().log()).filteredOn(e -> e.kind() == LogKind.PREEMPT).singleElement().satisfies(e -> {
            assertThat(e.job()).isZero();
            assertThat(e.time()).isEqualTo(10);
            assertThat(e.reason()).isInstanceOf(PreemptReason.HigherTier.class);
        });
        assertThat(r.job(2).firstStart()).isEqualTo(10);
        assertThat(r.job(1).firstStart()).as("the normal job waiting preempted nobody").isGreaterThanOrEqualTo(110);
    }

    @Test
    void theLowestOwnerTierIsTheLowestOfTheOwnerGroupsJobsTheEngineAskedAbout() {
        PreemptionRules rules = new PreemptionRules(true, true, Map.of("high", 2, "low", -1), VictimOrder.YOUNGEST_FIRST, 0,
                Map.of(), List.of());
        JobRanks ranks = new JobRanks(rules);
        ranks.use(new NodeCluster(List.of(CHEM, NodePool.simple("pub", 1, 4, 0))));
        assertThat(ranks.lowestTier()).isEqualTo(-1);
        assertThat(ranks.lowestOwnerTier()).as("no owner's job yet").isEqualTo(Integer.MAX_VALUE);

        assertThat(ranks.tierOf(job(1, "a", 0, 1, 10, "low", ""))).isEqualTo(-1);
        assertThat(ranks.tierOf(job(2, "b", 0, 1, 10, "high", "bio"))).isEqualTo(2);
        assertThat(ranks.lowestOwnerTier()).as("no group owns a pool: chem's jobs are not known yet").isEqualTo(Integer.MAX_VALUE);
        assertThat(ranks.tierOf(job(3, "c", 0, 1, 10, "high", "chem"))).isEqualTo(2);
        assertThat(ranks.lowestOwnerTier()).isEqualTo(2);
        assertThat(ranks.tierOf(job(4, "d", 0, 1, 10, "normal", "chem"))).isZero();
        assertThat(ranks.tierOf(job(5, "e", 0, 1, 10, "high", "chem"))).isEqualTo(2);
        assertThat(ranks.lowestOwnerTier()).isZero();
    }
}
