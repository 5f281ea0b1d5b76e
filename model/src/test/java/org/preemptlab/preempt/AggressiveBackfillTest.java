package org.preemptlab.preempt;

import org.preemptlab.mechanism.CheckpointCost;

import org.preemptlab.mechanism.PreemptionSettings;

import org.preemptlab.mechanism.PreemptMechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.sched.StartReason;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** Niu et al.'s aggressive backfill with checkpoint-based preemption, and Snell's preemption-based backfill. */
class AggressiveBackfillTest {

    /*
     * 10 processors. A (t0, 10p, est 1000, run 1000) runs. H (t1, 10p, est 100) waits: its reservation is at 1000.
     * B (t2, 4p, est 5000 ≥ t_thr, run 300): EASY cannot backfill it (2 + 5000 > 1000 and no extra), but with
     * p = 0.1 it is predicted to run 500 s: 2 + 500 ≤ 1000 → backfilled, preemptable... except that A holds all
     * processors. So use A with 6p instead: free 4 at t2.
     * With a long B (run 3000): at 1000 (A's end) H does not fit (B holds 4) → B is checkpointed (215 s) →
     * H starts at 1215 (when the checkpoint ends); B goes back to the head of the queue and restarts at 1315
     * (H ends) after reading its image (215 s), then runs its remaining 3000 − 998 s.
     */
    static List<JobSpec> jobs(long bRun) {
        return List.of(
                JobSpec.ofProcessors(1, 0, 6, 1000, 1000).withName("A"),
                JobSpec.ofProcessors(2, 1, 10, 100, 100).withName("H"),
                JobSpec.ofProcessors(3, 2, 4, 5000, bRun).withName("B"));
    }

    static SimulationResult run(List<JobSpec> jobs, org.preemptlab.sched.SchedulingPolicy policy) {
        return new Simulation(SimulationConfig.of(new ProcessorMachine(10), jobs, policy, true)
                .withPreemption(PreemptionSettings.defaults().withCost(CheckpointCost.fixed(215, 215)).withRequeueAtHead(true)))
                .run();
    }

    static JobRun job(SimulationResult r, String name) {
        return r.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void backfillsOnAPredictionAndCheckpointsAtTheReservation() {
        SimulationResult r = run(jobs(3000), new AggressiveCheckpointBackfillPolicy(0.1, 1800, 430, false));
        JobRun b = job(r, "B");
        assertThat(b.firstStart()).isEqualTo(2);
        assertThat(r.timeline().log().stream().filter(e -> e.job() == b.index() && e.kind() == LogKind.START)
                .map(LogEntry::reason).findFirst().orElseThrow()).isInstanceOf(StartReason.Predicted.class);
        assertThat(b.timesCheckpointed()).isEqualTo(1);
        assertThat(b.lostWork()).isZero();
        assertThat(job(r, "H").firstStart()).isEqualTo(1000 + 215);
        assertThat(b.end()).isEqualTo(1315 + 215 + (3000 - 998));
        assertThat(r.jobs()).allMatch(j -> j.state() == JobState.COMPLETED);
    }

    @Test
    void aShortJobFinishesBeforeTheReservationAndIsNeverPreempted() {
        SimulationResult r = run(jobs(300), new AggressiveCheckpointBackfillPolicy(0.1, 1800, 430, false));
        assertThat(job(r, "B").timesPreempted()).isZero();
        assertThat(job(r, "B").end()).isEqualTo(302);
        assertThat(job(r, "H").firstStart()).isEqualTo(1000);
    }

    @Test
    void killVariantLosesTheWork() {
        SimulationResult r = run(jobs(3000), new AggressiveCheckpointBackfillPolicy(0.1, 1800, 430, true));
        JobRun b = job(r, "B");
        assertThat(b.lostWork()).isEqualTo(998);
        assertThat(job(r, "H").firstStart()).isEqualTo(1000);
        assertThat(b.end()).isEqualTo(1100 + 3000);
    }

    @Test
    void easyWouldNotHaveBackfilledIt() {
        SimulationResult r = run(jobs(3000), new org.preemptlab.sched.EasyBackfillPolicy());
        assertThat(job(r, "B").firstStart()).isEqualTo(1100);
    }

    @Test
    void preemptionBasedBackfillStartsAnyFittingJobAndPreemptsItForTheGuaranteedSlot() {
        // B is not checkpointable and rerunnable: it is requeued (work lost) when H's reservation comes
        List<JobSpec> jobs = List.of(
                JobSpec.ofProcessors(1, 0, 6, 1000, 1000).withName("A"),
                JobSpec.ofProcessors(2, 1, 10, 100, 100).withName("H"),
                new JobSpec(3, "B", 2, 4, 1, 0, 5000, 3000, "normal", "", List.of(), true, false, 0, 0, null));
        SimulationResult r = run(jobs, new PreemptionBasedBackfillPolicy());
        JobRun b = job(r, "B");
        assertThat(b.firstStart()).isEqualTo(2);
        assertThat(b.preemptionsBy(PreemptMechanism.REQUEUE)).isEqualTo(1);
        assertThat(job(r, "H").firstStart()).isEqualTo(1000);
        assertThat(b.lostWork()).isEqualTo(998);
    }
}
