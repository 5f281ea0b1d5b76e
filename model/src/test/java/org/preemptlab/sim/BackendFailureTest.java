package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.Placement;
import org.preemptlab.backend.BackendEvents;
import org.preemptlab.backend.NodeBackend;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.FcfsPolicy;

/** A backend that reports a job that failed on its own (non-zero exit): the engine ends it FAILED, as Slurm does. */
class BackendFailureTest {

    /** Emulates jobs, but the first run of job 0 crashes after 40 s. */
    static final class CrashingBackend implements NodeBackend {
        BackendEvents events;
        boolean crashed;

        public void attach(BackendEvents e) {
            events = e;
        }

        public void start(JobView job, Placement p, long now, int segment, long restart, long workLeft) {
            if (job.index() == 0 && !crashed) {
                crashed = true;
                events.jobFailed(0, segment, now + 40, "exit code 139 (segmentation fault)");
            } else {
                events.workDone(job.index(), segment, now + restart + workLeft);
            }
        }

        public void suspend(JobView job, long now) {}

        public void resume(JobView job, long now, int segment, long workLeft) {
            events.workDone(job.index(), segment, now + workLeft);
        }

        public void checkpoint(JobView job, long now) {}

        public void kill(JobView job, long now) {}

        public String name() {
            return "crashing";
        }

        public boolean isLive() {
            return false;
        }
    }

    @Test
    void aJobThatFailsOnItsOwnEndsFailedEvenIfRerunnable() {
        SimulationResult r = new Simulation(SimulationConfig.of(new ProcessorMachine(4),
                List.of(JobSpec.ofProcessors(1, 0, 4, 200, 100)), new FcfsPolicy(), true)
                .withBackend(new CrashingBackend())).run();
        JobRun job = r.job(0);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.lostWork()).isEqualTo(40);
        assertThat(job.end()).isEqualTo(40);
        assertThat(r.timeline().log().stream().filter(e -> e.kind() == LogKind.FAIL).findFirst().orElseThrow().reason().text())
                .contains("exit code 139");
    }

    @Test
    void aCrashedJobThatIsNotRerunnableFails() {
        JobSpec once = new JobSpec(1, "once", 0, 4, 1, 0, 200, 100, "normal", "", List.of(), false, false, 0, 0, null);
        SimulationResult r = new Simulation(SimulationConfig.of(new ProcessorMachine(4), List.of(once), new FcfsPolicy(), true)
                .withBackend(new CrashingBackend())).run();
        assertThat(r.job(0).state()).isEqualTo(JobState.FAILED);
        assertThat(r.job(0).end()).isEqualTo(40);
    }
}
