package org.preemptlab.slurmsched;

import org.preemptlab.job.JobSpec;

/**
 * Slurm 22.05's backfill rules for the tasks of a job array within one cycle ({@code _attempt_backfill}): when a task is
 * tested, its array is assumed rejected ({@code reject_array_job}, with the partition) until the task starts or gets a
 * planned start; a later task of a rejected array in the same partition is not tested in that cycle. The pending tasks
 * of an array are one queue record, planned one after another ({@code goto next_task}) while fewer than
 * {@code bf_max_job_array_resv} of them have been planned in the cycle: the tasks after that wait for the next cycle.
 * The model's queue has each task as a job of its own ({@link org.preemptlab.job.SlurmRequest#arrayName()}), in
 * priority order, so an array's pending tasks come one after another as in the meta record.
 */
final class ArrayRejects {

    private final long maxPlanned;
    private String rejectArray;
    private String rejectPartition;
    private String plannedArray;
    private long planned;

    ArrayRejects(long bfMaxJobArrayResv) {
        this.maxPlanned = bfMaxJobArrayResv;
    }

    private static String arrayOf(JobSpec spec) {
        return spec.slurm() != null && spec.slurm().inArray() ? spec.slurm().arrayName() : null;
    }

    /**
     * Whether the job (in partition {@code part}) may be tested now; null if so (its array is then assumed rejected),
     * else why not.
     */
    String passOver(JobSpec spec, String part) {
        String array = arrayOf(spec);
        if (array == null) return null;
        if (array.equals(plannedArray) && planned >= Math.max(1, maxPlanned)) {
            return "bf_max_job_array_resv: " + planned + " tasks of array " + array + " planned in this cycle";
        }
        if (array.equals(rejectArray) && part.equals(rejectPartition)) {
            return "a task of array " + array + " tested before in this cycle got neither a start nor a planned start";
        }
        rejectArray = array;
        rejectPartition = part;
        return null;
    }

    /** The job started now: its array is not rejected. */
    void started() {
        rejectArray = null;
        rejectPartition = null;
    }

    /** The job got a planned start: its array is not rejected, and one more of its tasks is planned. */
    void planned(JobSpec spec) {
        started();
        String array = arrayOf(spec);
        if (array == null) return;
        if (!array.equals(plannedArray)) {
            plannedArray = array;
            planned = 0;
        }
        planned++;
    }
}
