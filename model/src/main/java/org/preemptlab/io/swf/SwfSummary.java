package org.preemptlab.io.swf;

import java.util.Objects;

/**
 * The result of {@link SwfReader#stream}: everything of an {@link SwfTrace} but the jobs, which
 * went to the caller's consumer.
 *
 * @param header       the header comments (including any comment lines found after the first job)
 * @param report       anomaly counts and examples
 * @param machineProcs processors of the machine
 * @param jobs         number of jobs delivered to the consumer
 */
public record SwfSummary(SwfHeader header, AnomalyReport report, int machineProcs, long jobs) {
    public SwfSummary {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(report, "report");
    }
}
