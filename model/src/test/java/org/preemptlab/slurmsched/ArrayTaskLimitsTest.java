package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.Snapshot;

/**
 * Slurm 22.05's {@code job_array_start_test} within one pass, hand-worked: array 13 with {@code %2} and four tasks, as in the
 * quiet pair's main pass of 10:47:49.162 (13_0 and 13_1 started, 13_2 and 13_3 passed over in the same pass).
 */
class ArrayTaskLimitsTest {

    private record View(JobSpec spec, int index) implements JobView {
        @Override public JobState state() { return JobState.RUNNING; }
        @Override public int tier() { return 0; }
        @Override public long segmentStart() { return 0; }
        @Override public Placement placement() { return null; }
        @Override public long workDone() { return 0; }
        @Override public long savedWork() { return 0; }
        @Override public long restartCost() { return 0; }
        @Override public long estimatedEnd() { return 0; }
        @Override public int timesPreempted() { return 0; }
        @Override public int timesCheckpointed() { return 0; }
    }

    private record Held(List<View> running, List<View> suspended) implements Snapshot {
        @Override public long now() { return 0; }
        @Override public Cluster cluster() { return null; }
        @Override public Collection<? extends JobView> queue() { return List.of(); }
        @Override public Capacity freeCapacity() { return null; }
        @Override public PreemptionSettings preemptionSettings() { return null; }
        @Override public List<Reservation> reservations() { return List.of(); }
    }

    private static JobSpec task(String array, int task, int throttle) {
        SlurmRequest r = SlurmRequest.of("u", "a").toBuilder().arrayName(array).arrayTask(task).arrayThrottle(throttle).build();
        return new JobSpec(task + 1, array + "_" + task, 0, 1, 1, 100, 60, 60, "normal", "a", List.of(), true, true, 0, 0, null, r);
    }

    private static JobSpec plain(int id) {
        return new JobSpec(id, "j" + id, 0, 1, 1, 100, 60, 60, "normal", "a", List.of(), true, true, 0, 0, null, SlurmRequest.of("u", "a"));
    }

    @Test
    void theTasksStartedInThePassCountAtOnce() {
        ArrayTaskLimits limits = new ArrayTaskLimits(new Held(List.of(), List.of()));
        assertThat(limits.atLimit(task("13", 0, 2))).isFalse();
        limits.started(task("13", 0, 2));
        assertThat(limits.atLimit(task("13", 1, 2))).isFalse();
        limits.started(task("13", 1, 2));
        // two tasks run: 13_2 and 13_3 are passed over in this very pass
        assertThat(limits.atLimit(task("13", 2, 2))).isTrue();
        assertThat(limits.atLimit(task("13", 3, 2))).isTrue();
        // another array, an array without %N, a job outside any array: not concerned
        assertThat(limits.atLimit(task("41", 0, 2))).isFalse();
        assertThat(limits.atLimit(task("50", 5, 0))).isFalse();
        assertThat(limits.atLimit(plain(9))).isFalse();
    }

    @Test
    void theTasksRunningWhenThePassBeganCountToo() {
        // 13_0 runs, 13_1 is suspended (both hold their place under the throttle, as the engine counts them)
        ArrayTaskLimits limits = new ArrayTaskLimits(new Held(List.of(new View(task("13", 0, 2), 0), new View(plain(7), 1)),
                List.of(new View(task("13", 1, 2), 2))));
        assertThat(limits.atLimit(task("13", 2, 2))).isTrue();
        ArrayTaskLimits one = new ArrayTaskLimits(new Held(List.of(new View(task("13", 0, 2), 0)), List.of()));
        assertThat(one.atLimit(task("13", 2, 2))).isFalse();
        one.started(task("13", 2, 2));
        assertThat(one.atLimit(task("13", 3, 2))).isTrue();
    }
}
