package org.preemptlab.slurmsched;

import java.util.HashMap;
import java.util.Map;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Snapshot;

/**
 * An array's {@code %N} within one pass, as Slurm 22.05 tests it before it picks nodes for a task
 * ({@code job_array_start_test}, job_mgr.c; called by {@code _schedule} and {@code _attempt_backfill}): a task whose array
 * already runs N tasks is passed over ({@code WAIT_ARRAY_TASK_LIMIT}), takes no resources and blocks no partition; each task
 * started counts at once ({@code tot_run_tasks++} in the start), so the pass that starts the N-th task passes over the
 * others. The engine holds a throttled array's tasks out of the queue between passes; what this adds is the count within
 * a pass (the tasks were all eligible when it began). The running tasks are counted from the snapshot on the first task
 * of a throttled array the pass meets, so a pass without one pays nothing.
 */
final class ArrayTaskLimits {

    private final Snapshot snapshot;
    /** Running tasks per throttled array (ArrayName), those started in this pass included; null until needed. */
    private Map<String, Integer> running;

    ArrayTaskLimits(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    private static SlurmRequest throttled(JobSpec spec) {
        SlurmRequest r = spec.slurm();
        return r != null && r.inArray() && r.arrayThrottle() > 0 ? r : null;
    }

    /** True if the job is a task of an array that runs its {@code %N} tasks already (those started in this pass included). */
    boolean atLimit(JobSpec spec) {
        SlurmRequest r = throttled(spec);
        if (r == null) return false;
        return counts().getOrDefault(r.arrayName(), 0) >= r.arrayThrottle();
    }

    /** The job was started in this pass: one more running task of its array. */
    void started(JobSpec spec) {
        SlurmRequest r = throttled(spec);
        if (r != null) counts().merge(r.arrayName(), 1, Integer::sum);
    }

    /** The tasks holding resources when the pass began (running or suspended, as the engine counts them), by array. */
    private Map<String, Integer> counts() {
        if (running == null) {
            running = new HashMap<>();
            for (JobView j : snapshot.running()) count(j.spec());
            for (JobView j : snapshot.suspended()) count(j.spec());
        }
        return running;
    }

    private void count(JobSpec spec) {
        SlurmRequest r = throttled(spec);
        if (r != null) running.merge(r.arrayName(), 1, Integer::sum);
    }
}
