package org.preemptlab.io.swf;

import java.util.List;
import java.util.Objects;
import org.preemptlab.job.JobSpec;

/**
 * A trace read completely: its header, its jobs sorted by (submit, job number), what the reader
 * changed, and the machine size.
 *
 * @param header       the header comments
 * @param jobs         the jobs, sorted by (submit time, job number); unmodifiable
 * @param report       anomaly counts and examples
 * @param machineProcs processors of the machine (see {@link AnomalyReport#machineSizeSource()})
 */
public record SwfTrace(SwfHeader header, List<JobSpec> jobs, AnomalyReport report, int machineProcs) {
    public SwfTrace {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(report, "report");
        if (machineProcs < 1) {
            throw new IllegalArgumentException("machineProcs is " + machineProcs + "; must be ≥ 1");
        }
    }
}
