package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptionSettings;

import org.preemptlab.mechanism.PreemptMechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** The preemption mechanisms' costs and effects, one at a time. */
class MechanismTest {

    static final PreemptionRules QOS_SUSPEND_FIRST = new PreemptionRules(false, true,
            Map.of("high", 2, "scavenger", 0), VictimOrder.YOUNGEST_FIRST, 0, Map.of(),
            List.of(PreemptMechanism.SUSPEND, PreemptMechanism.CHECKPOINT, PreemptMechanism.KILL));

    static JobSpec job(int id, String name, long submit, int cores, long memMb, long runtime, String qos, long imageMb) {
        return new JobSpec(id, name, submit, 1, cores, memMb, runtime * 2, runtime, qos, "", List.of(), true, true,
                imageMb, 0, null);
    }

    static SimulationResult run(NodeCluster cluster, List<JobSpec> jobs, PreemptionRules rules, PreemptionSettings settings) {
        return new Simulation(SimulationConfig.of(cluster, jobs, new PreemptingScheduler(new FcfsPolicy(), rules), true)
                .withPreemption(settings)).run();
    }

    static JobRun named(SimulationResult r, String name) {
        return r.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    static List<LogKind> kinds(SimulationResult r, String name) {
        int index = named(r, name).index();
        return r.timeline().log().stream().filter(e -> e.job() == index).map(LogEntry::kind).toList();
    }

    /*
     * One node: 8 cores, 64 GB, storage 100 MB/s. Scavenger S (4 cores, 48 GB, image 1000 MB) runs from 0.
     * High job H (8 cores) arrives at 100.
     * - H needs 8 GB: suspending S frees its 4 cores and 16 GB are free beside S's 48 GB → H starts at 100;
     *   S resumes on the same node when H ends (100 + 50 = 150) and finishes its remaining 900 s at 1050.
     * - H needs 32 GB: a suspend frees the cores but not the memory (16 GB free < 32) → escalate to
     *   checkpoint: 1000 MB at 100 MB/s = 10 s; H starts at 110.
     */
    @Test
    void suspendMakesRoomWhenMemoryFitsAndEscalatesWhenItDoesNot() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("mem", 1, 8, 65536, "", List.of(), 100)));
        PreemptionSettings settings = PreemptionSettings.defaults();

        SimulationResult fits = run(cluster, List.of(
                job(1, "S", 0, 4, 49152, 1000, "scavenger", 1000),
                job(2, "H", 100, 8, 8192, 50, "high", 0)), QOS_SUSPEND_FIRST, settings);
        assertThat(named(fits, "H").firstStart()).isEqualTo(100);
        assertThat(kinds(fits, "S")).containsExactly(LogKind.SUBMIT, LogKind.START, LogKind.PREEMPT, LogKind.SUSPEND,
                LogKind.RESUME, LogKind.END);
        assertThat(named(fits, "S").end()).isEqualTo(1050);
        assertThat(named(fits, "S").lostWork()).isZero();

        SimulationResult escalated = run(cluster, List.of(
                job(1, "S", 0, 4, 49152, 1000, "scavenger", 1000),
                job(2, "H", 100, 8, 32768, 50, "high", 0)), QOS_SUSPEND_FIRST, settings);
        assertThat(kinds(escalated, "S")).startsWith(LogKind.SUBMIT, LogKind.START, LogKind.PREEMPT,
                LogKind.CHECKPOINT_BEGIN, LogKind.CHECKPOINT_END, LogKind.REQUEUE);
        assertThat(escalated.timeline().log().stream().filter(e -> e.kind() == LogKind.PREEMPT).findFirst().orElseThrow()
                .reason()).isInstanceOf(PreemptReason.Escalated.class);
        assertThat(named(escalated, "H").firstStart()).isEqualTo(110);
        JobRun s = named(escalated, "S");
        assertThat(s.state()).isEqualTo(JobState.COMPLETED);
        assertThat(s.lostWork()).isZero();
        assertThat(s.checkpointSeconds()).isEqualTo(10);
        assertThat(s.restartSeconds()).isEqualTo(10); // the image read back at 100 MB/s
    }

    /*
     * Two nodes sharing 100 MB/s of checkpoint bandwidth; each job writes 1000 MB. A maintenance window
     * with the checkpoint strategy at t=100 checkpoints whatever runs: alone, a checkpoint takes 10 s;
     * two at once share the bandwidth and take 20 s each.
     */
    @Test
    void twoSimultaneousCheckpointsTakeTwiceAsLongAsOne() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 2, 1, 0, "", List.of(), 100)));
        MaintenanceWindow window = new MaintenanceWindow("m", 100, 50, new int[] {0, 1}, MaintenanceStrategy.CHECKPOINT, 0);
        SimulationResult one = new Simulation(SimulationConfig.of(cluster,
                List.of(job(1, "A", 0, 1, 0, 1000, "normal", 1000)), new FcfsPolicy(), true)
                .withMaintenance(List.of(window))).run();
        SimulationResult two = new Simulation(SimulationConfig.of(cluster,
                List.of(job(1, "A", 0, 1, 0, 1000, "normal", 1000), job(2, "B", 0, 1, 0, 1000, "normal", 1000)),
                new FcfsPolicy(), true).withMaintenance(List.of(window))).run();
        assertThat(named(one, "A").checkpointSeconds()).isEqualTo(10);
        assertThat(named(two, "A").checkpointSeconds()).isEqualTo(20);
        assertThat(named(two, "B").checkpointSeconds()).isEqualTo(20);
        // no work lost: each restarts after the window (t=150) with 900 s left, after reading its image (10 s)
        assertThat(named(two, "A").lostWork()).isZero();
        assertThat(named(two, "A").end()).isEqualTo(150 + 10 + 900);
    }

    /*
     * Kill with requeue: the victim loses the work since its last checkpoint; a job that is not
     * rerunnable ends PREEMPTED_KILLED.
     */
    @Test
    void killLosesWorkAndEndsJobsThatAreNotRerunnable() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 1, 1, 0, "", List.of(), 100)));
        PreemptionRules kill = new PreemptionRules(false, true, Map.of("high", 1), VictimOrder.YOUNGEST_FIRST, 0, Map.of(),
                List.of(PreemptMechanism.KILL));
        JobSpec victim = new JobSpec(1, "V", 0, 1, 1, 0, 1000, 500, "normal", "", List.of(), true, false, 0, 0, null);
        JobSpec high = job(2, "H", 100, 1, 0, 50, "high", 0);
        SimulationResult requeued = run(cluster, List.of(victim, high), kill, PreemptionSettings.defaults());
        assertThat(named(requeued, "V").lostWork()).isEqualTo(100);
        assertThat(named(requeued, "V").end()).isEqualTo(150 + 500);

        JobSpec notRerunnable = new JobSpec(1, "V", 0, 1, 1, 0, 1000, 500, "normal", "", List.of(), false, false, 0, 0, null);
        SimulationResult killed = run(cluster, List.of(notRerunnable, high), kill, PreemptionSettings.defaults());
        assertThat(named(killed, "V").state()).isEqualTo(JobState.PREEMPTED_KILLED);
        assertThat(named(killed, "V").end()).isEqualTo(100);
    }

    /* GraceTime: the victim keeps its node for the grace period; the preemptor starts after it. */
    @Test
    void graceTimeDelaysTheForcedStop() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 1, 1, 0, "", List.of(), 100)));
        PreemptionRules requeue = new PreemptionRules(false, true, Map.of("high", 1), VictimOrder.YOUNGEST_FIRST, 0,
                Map.of(), List.of(PreemptMechanism.REQUEUE));
        SimulationResult r = run(cluster, List.of(job(1, "V", 0, 1, 0, 500, "normal", 0), job(2, "H", 100, 1, 0, 50, "high", 0)),
                requeue, PreemptionSettings.defaults().withGrace(30));
        assertThat(named(r, "H").firstStart()).isEqualTo(130);
        assertThat(kinds(r, "V")).containsSubsequence(LogKind.PREEMPT, LogKind.KILL, LogKind.REQUEUE);
    }

    /*
     * Two private nodes owned by "chem", lent to "susp" (suspended when preempted) and "req" (requeued
     * after a 100 s grace time). S runs on one node, R on the other; owner job O (2 nodes) arrives at 10:
     * S is suspended at once, R stops at 110. Unrelated events in between (P submitted and started on the
     * public node at 50) must not let S resume on the node promised to O: O starts at 110.
     */
    @Test
    void aSuspendedBorrowerDoesNotResumeOnNodesPromisedToTheOwner() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("public", 1, 1, 0, "", List.of(), 100),
                new NodePool("private", 2, 1, 0, "chem", List.of("susp", "req"), 100)));
        PreemptionRules rules = new PreemptionRules(true, false, Map.of(), VictimOrder.YOUNGEST_FIRST, 0,
                Map.of("susp", List.of(PreemptMechanism.SUSPEND), "req", List.of(PreemptMechanism.REQUEUE)),
                List.of(PreemptMechanism.REQUEUE));
        List<JobSpec> jobs = List.of(
                new JobSpec(1, "Pub", 0, 1, 1, 0, 2000, 1000, "normal", "", List.of("public"), true, true, 0, 0, null),
                new JobSpec(2, "S", 1, 1, 1, 0, 2000, 1000, "susp", "", List.of(), true, true, 0, 0, null),
                new JobSpec(3, "R", 2, 1, 1, 0, 2000, 1000, "req", "", List.of(), true, true, 0, 0, null),
                new JobSpec(4, "O", 10, 2, 1, 0, 400, 300, "normal", "chem", List.of("private"), true, true, 0, 0, null),
                new JobSpec(5, "P", 50, 1, 1, 0, 200, 100, "normal", "", List.of("public"), true, true, 0, 0, null));
        SimulationResult r = run(cluster, jobs, rules, PreemptionSettings.defaults().withGrace(100));
        assertThat(kinds(r, "S")).containsSubsequence(LogKind.PREEMPT, LogKind.SUSPEND, LogKind.RESUME);
        assertThat(named(r, "O").firstStart()).isEqualTo(110);
        assertThat(r.timeline().log().stream().filter(e -> e.job() == named(r, "S").index() && e.kind() == LogKind.RESUME)
                .findFirst().orElseThrow().time()).as("S resumes when O has ended").isEqualTo(410);
    }

    /* PreemptExemptTime: a job that has run less than the exempt time is not a victim yet. */
    @Test
    void exemptTimeProtectsYoungJobs() {
        NodeCluster cluster = new NodeCluster(List.of(new NodePool("p", 1, 1, 0, "", List.of(), 100)));
        PreemptionRules rules = new PreemptionRules(false, true, Map.of("high", 1), VictimOrder.YOUNGEST_FIRST, 300,
                Map.of(), List.of(PreemptMechanism.REQUEUE));
        SimulationResult r = run(cluster, List.of(job(1, "V", 0, 1, 0, 500, "normal", 0), job(2, "H", 100, 1, 0, 50, "high", 0)),
                rules, PreemptionSettings.defaults());
        // at 100 V has run 100 < 300 s: not a victim yet; the scheduler asks to be called at 300, when it is
        assertThat(named(r, "V").timesPreempted()).isEqualTo(1);
        assertThat(named(r, "H").firstStart()).isEqualTo(300);
    }
}
