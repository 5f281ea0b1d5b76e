package org.preemptlab.sweep;

import java.util.List;
import org.preemptlab.growth.NodeChange;
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
 * @param loads             arrival-rate factor k: every gap between submissions divided by k
 *                          ({@link org.preemptlab.growth.LoadScaling#arrivals})
 * @param nodes             nodes added to a pool ({@link NodeChange})
 */
public record SweepAxes(
        List<String> policies,
        List<PreemptMechanism> mechanisms,
        List<Double> bandwidthsMBps,
        List<EstimateAccuracy> accuracies,
        List<Long> maintenanceStarts,
        List<Double> ps,
        List<Double> loads,
        List<NodeChange> nodes) {

    public static final SweepAxes NONE = new SweepAxes(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** Without the load and nodes axes. */
    public SweepAxes(List<String> policies, List<PreemptMechanism> mechanisms, List<Double> bandwidthsMBps,
            List<EstimateAccuracy> accuracies, List<Long> maintenanceStarts, List<Double> ps) {
        this(policies, mechanisms, bandwidthsMBps, accuracies, maintenanceStarts, ps, List.of(), List.of());
    }

    public SweepAxes {
        policies = List.copyOf(policies);
        mechanisms = List.copyOf(mechanisms);
        bandwidthsMBps = List.copyOf(bandwidthsMBps);
        accuracies = List.copyOf(accuracies);
        maintenanceStarts = List.copyOf(maintenanceStarts);
        ps = List.copyOf(ps);
        loads = List.copyOf(loads);
        nodes = List.copyOf(nodes);
    }
}
