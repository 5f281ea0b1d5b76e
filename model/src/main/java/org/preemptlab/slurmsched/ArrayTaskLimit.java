package org.preemptlab.slurmsched;

import java.util.HashMap;
import java.util.Map;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;

/**
 * An array's throttle ({@code --array=…%N}) within one call of Slurm's loop: Slurm 22.05 tests it for every task it
 * is about to try, in the main scheduler and in the backfill ({@code job_array_start_test} in {@code schedule()} and
 * {@code _attempt_backfill}): when N tasks of the array run — those started earlier in the same pass or cycle included
 * — the task is passed over ({@code continue}): it neither starts, nor blocks its partition in the main scheduler, nor
 * gets a planned start in the backfill. The engine holds the tasks a throttle keeps out when a pass begins; this
 * counts the tasks the loop starts during it. Made afresh for every call from the running jobs; keeps no engine state.
 */
final class ArrayTaskLimit {

    private final Map<String, Integer> running = new HashMap<>();

    /** The running tasks of throttled arrays, counted from {@code runningJobs}. */
    ArrayTaskLimit(Iterable<? extends JobView> runningJobs) {
        for (JobView j : runningJobs) started(j.spec());
    }

    private static String throttledArray(JobSpec spec) {
        return spec.slurm() != null && spec.slurm().inArray() && spec.slurm().arrayThrottle() > 0 ? spec.slurm().arrayName() : null;
    }

    /** Whether the task may not start now: its array's throttle N is reached (N of its tasks run). */
    boolean reached(JobSpec spec) {
        String array = throttledArray(spec);
        return array != null && running.getOrDefault(array, 0) >= spec.slurm().arrayThrottle();
    }

    /** The job started: one more running task of its array (if throttled). */
    void started(JobSpec spec) {
        String array = throttledArray(spec);
        if (array != null) running.merge(array, 1, Integer::sum);
    }
}
