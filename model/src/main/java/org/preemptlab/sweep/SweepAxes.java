package org.preemptlab.sweep;

import java.util.List;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * The values a sweep tries, per axis; an empty list means the axis is not swept (every input keeps
 * its own setting). See {@link Grid} for the order in which they combine.
 *
 * @param policies          scheduler names (every name {@code PolicyFactory} knows)
 * @param mechanisms        the mechanism put at the head of every escalation chain of the input's preemption rules
 * @param bandwidthsMBps    checkpoint bandwidth, MB/s: replaces every pool's (and the processor-mode storage) bandwidth
 * @param accuracies        run-time estimate accuracy α ({@link EstimateAccuracy})
 * @param maintenanceStarts new start of the input's first maintenance window, s
 * @param ps                aggressive-checkpoint's p (predicted share of long estimates)
 */
public record SweepAxes(
        List<String> policies,
        List<PreemptMechanism> mechanisms,
        List<Double> bandwidthsMBps,
        List<EstimateAccuracy> accuracies,
        List<Long> maintenanceStarts,
        List<Double> ps) {

    public static final SweepAxes NONE = new SweepAxes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public SweepAxes {
        policies = List.copyOf(policies);
        mechanisms = List.copyOf(mechanisms);
        bandwidthsMBps = List.copyOf(bandwidthsMBps);
        accuracies = List.copyOf(accuracies);
        maintenanceStarts = List.copyOf(maintenanceStarts);
        ps = List.copyOf(ps);
    }
}
