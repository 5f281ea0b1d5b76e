package org.preemptlab.io.swf;

import java.util.Objects;
import org.preemptlab.job.JobSpec;

/**
 * One simulated job for {@link SwfWriter}: when it started and ended, and its final status.
 *
 * @param job    the job as read (its {@code swf()} fields are echoed)
 * @param start  first start time, s (wait = start − submit, SWF field 3)
 * @param end    end time, s (SWF field 4 is written as end − start)
 * @param status SWF status (field 11): 1 completed, 0 failed/killed, 5 cancelled
 */
public record SwfScheduleRow(JobSpec job, long start, long end, int status) {

    public static final int STATUS_FAILED = 0;
    public static final int STATUS_COMPLETED = 1;
    public static final int STATUS_CANCELLED = 5;

    public SwfScheduleRow {
        Objects.requireNonNull(job, "job");
        if (start < job.submit()) {
            throw new IllegalArgumentException("job " + job.name() + ": start " + start + " is before its submit time "
                    + job.submit());
        }
        if (end < start) {
            throw new IllegalArgumentException("job " + job.name() + ": end " + end + " is before its start " + start);
        }
    }

    /** A job that ran to completion from {@code start} for its full run time. */
    public static SwfScheduleRow completed(JobSpec job, long start) {
        return new SwfScheduleRow(job, start, start + job.runtime(), STATUS_COMPLETED);
    }

    /** start − submit. */
    public long waitTime() {
        return start - job.submit();
    }
}
