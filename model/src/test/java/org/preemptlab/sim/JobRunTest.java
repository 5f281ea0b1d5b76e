package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.Placement;
import org.preemptlab.mechanism.PreemptMechanism;

/** The job record's transitions: each checks where it comes from and sets its fields together. */
class JobRunTest {

    /** Job "1": 4 processors, estimate 200 s, run time 100 s. */
    private static JobRun job() {
        return new JobRun(JobSpec.ofProcessors(1, 0, 4, 200, 100), 0, 0);
    }

    private static JobRun running(long at) {
        JobRun r = job();
        r.submit(0, 0);
        r.start(at, Placement.ofCount(4));
        return r;
    }

    @Test
    void aJobCannotStartBeforeItIsSubmitted() {
        JobRun r = job();
        assertThatThrownBy(() -> r.start(0, Placement.ofCount(4)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("job 1 cannot start (PENDING → RUNNING); only from QUEUED");
        assertThat(r.state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void illegalMovesAreRejectedAndNameTheJobAndBothStates() {
        JobRun queued = job();
        queued.submit(5, 7);
        assertThatThrownBy(() -> queued.suspend(10, -1)).hasMessageContaining("job 1").hasMessageContaining("QUEUED → SUSPENDED");
        assertThatThrownBy(() -> queued.resume(10)).hasMessageContaining("QUEUED → RUNNING");
        assertThatThrownBy(() -> queued.complete(10)).hasMessageContaining("QUEUED → COMPLETED");
        assertThatThrownBy(() -> queued.submit(10, 8)).hasMessageContaining("QUEUED → QUEUED").hasMessageContaining("PENDING");
        assertThatThrownBy(() -> queued.loseUnsavedWork()).isInstanceOf(IllegalStateException.class);

        JobRun running = running(10);
        assertThatThrownBy(() -> running.resume(20)).hasMessageContaining("RUNNING → RUNNING").hasMessageContaining("SUSPENDED");
        assertThatThrownBy(() -> running.checkpointWritten(20)).hasMessageContaining("CHECKPOINTING");
        assertThatThrownBy(() -> running.continueAfterCheckpoint(20)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> running.frozenImageSaved()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> running.endFor(JobState.COMPLETED, 20)).isInstanceOf(IllegalArgumentException.class);

        running.complete(100);
        assertThatThrownBy(() -> running.requeue(110, 0, 0)).hasMessageContaining("COMPLETED → QUEUED");
        assertThat(running.state()).isEqualTo(JobState.COMPLETED);
    }

    @Test
    void startSetsTheRunTogether() {
        JobRun r = job();
        r.submit(5, 7);
        assertThat(r.estimatedEnd()).as("a waiting job's estimated end is its wall time").isEqualTo(200);
        long restart = r.start(30, Placement.ofCount(4));
        assertThat(restart).isZero();
        assertThat(r.state()).isEqualTo(JobState.RUNNING);
        assertThat(r.totalWait()).isEqualTo(25);
        assertThat(r.firstStart()).isEqualTo(30);
        assertThat(r.segmentStart()).isEqualTo(30);
        assertThat(r.estimatedEnd()).isEqualTo(230);
        assertThat(r.segment()).isEqualTo(1);
    }

    @Test
    void aCheckpointThenRequeueSavesTheWorkAndChargesTheRestart() {
        JobRun r = running(0);
        r.settle(40);
        r.preempted(PreemptMechanism.CHECKPOINT);
        r.beginCheckpoint(40, true, 10);
        assertThat(r.state()).isEqualTo(JobState.CHECKPOINTING);
        assertThat(r.estimatedEnd()).isEqualTo(50);
        r.settle(50); // no progress while checkpointing
        r.checkpointWritten(50);
        assertThat(r.savedWork()).isEqualTo(40);
        assertThat(r.checkpointSeconds()).isEqualTo(10);
        assertThat(r.timesCheckpointed()).isEqualTo(1);
        r.requeue(50, 3, 6);
        assertThat(r.state()).isEqualTo(JobState.QUEUED);
        assertThat(r.placement()).isNull();
        assertThat(r.restartCost()).isEqualTo(6);
        assertThat(r.estimatedEnd()).as("restart + estimate − saved").isEqualTo(6 + 160);
        assertThat(r.timesPreempted()).isEqualTo(1);
        assertThat(r.preemptionsBy(PreemptMechanism.CHECKPOINT)).isEqualTo(1);

        long restart = r.start(60, Placement.ofCount(4));
        assertThat(restart).isEqualTo(6);
        assertThat(r.restartSeconds()).isEqualTo(6);
        assertThat(r.restartCost()).isZero();
        assertThat(r.totalWait()).isEqualTo(10);
        r.settle(66);
        assertThat(r.workDone()).as("no work during the restart read").isEqualTo(40);
    }

    @Test
    void aKillLosesTheUnsavedWork() {
        JobRun r = running(0);
        r.settle(70);
        assertThat(r.loseUnsavedWork()).isEqualTo(70);
        assertThat(r.lostWork()).isEqualTo(70);
        assertThat(r.workDone()).isZero();
        r.beginStop(70, 30);
        assertThat(r.state()).isEqualTo(JobState.STOPPING);
        assertThat(r.estimatedEnd()).isEqualTo(100);
        r.endFor(JobState.PREEMPTED_KILLED, 100);
        assertThat(r.end()).isEqualTo(100);
        assertThat(r.placement()).as("a job ended for good lets go of its placement, as a completed one").isNull();
        assertThatThrownBy(() -> r.loseUnsavedWork()).hasMessageContaining("PREEMPTED_KILLED");
    }

    @Test
    void aSuspendedJobIsHeldForItsPreemptorUntilItResumes() {
        JobRun r = running(0);
        r.suspend(20, 5);
        assertThat(r.heldFor()).isEqualTo(5);
        r.holdFor(6);
        assertThat(r.heldFor()).isEqualTo(6);
        r.resume(40);
        assertThat(r.heldFor()).isEqualTo(-1);
        assertThat(r.segmentStart()).isEqualTo(40);
        assertThatThrownBy(() -> r.holdFor(6)).hasMessageContaining("RUNNING → SUSPENDED");
    }
}
