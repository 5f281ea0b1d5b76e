package org.preemptlab.sim;

import java.util.List;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.priority.FairShareSnapshot;
import org.preemptlab.priority.PriorityFactors;
import org.preemptlab.site.Site;

/**
 * What a run on a Slurm (version-2) cluster adds to its result: pending jobs by reason over time,
 * for each event-log entry the job's pending reason before it (submit, start, restart, requeue;
 * empty otherwise) and the partition it ran in, each job's last pending reason and priority, and
 * the fair-share of the last calc tick.
 *
 * @param logReasons    per entry of {@code timeline().log()} (when the run recorded it)
 * @param logPartitions per entry of {@code timeline().log()}: the partition of the placement, or empty
 * @param reasonHistory each job's pending reason over time
 * @param startFactors  per job: its multifactor priority factors when it last started (as {@code sprio}
 *                      showed them then), or null (never started, or priority/basic)
 */
public record SlurmRunRecord(Site site, PendingSeries pending, List<String> logReasons, List<String> logPartitions,
                             PendingReason[] lastReasons, long[] priorities, FairShareSnapshot fairShare,
                             ReasonHistory reasonHistory, PriorityFactors[] startFactors) {

    /** The job's pending reason at {@code time} (NONE while it runs or before it is submitted). */
    public PendingReason reasonAt(int job, long time) {
        return reasonHistory == null ? PendingReason.NONE : reasonHistory.at(job, time);
    }

    /** The job's priority factors when it last started, or null. */
    public PriorityFactors factorsAtStart(int job) {
        return startFactors == null || job < 0 || job >= startFactors.length ? null : startFactors[job];
    }

    /** The job's last pending reason (NONE once it ran). */
    public PendingReason reason(int job) {
        return lastReasons[job];
    }

    /** The job's multifactor priority at the last calc tick (0 with priority/basic). */
    public long priority(int job) {
        return priorities[job];
    }
}
