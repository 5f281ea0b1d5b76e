package org.preemptlab.sweep;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.growth.NodeChange;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * One point of a sweep's grid. A null parameter means its axis is not swept (the input's own
 * setting is used); {@code p} is null also for schedulers other than aggressive-checkpoint.
 *
 * @param id               index in the grid's order ({@link Grid}), from 0
 * @param input            index of the input in the sweep file
 * @param inputName        the input's name
 * @param policy           scheduler name (the input's own when the policy axis is absent)
 * @param mechanism        head of the escalation chains, or null
 * @param bandwidthMBps    checkpoint bandwidth, MB/s, or null
 * @param accuracy         estimate accuracy, or null
 * @param maintenanceStart start of the first maintenance window, s, or null
 * @param p                aggressive-checkpoint's p, or null
 * @param load             arrival-rate factor, or null
 * @param nodes            nodes added to a pool, or null
 */
public record Variant(int id, int input, String inputName, String policy, PreemptMechanism mechanism,
        Double bandwidthMBps, EstimateAccuracy accuracy, Long maintenanceStart, Double p, Double load, NodeChange nodes) {

    /** Without the load and nodes axes. */
    public Variant(int id, int input, String inputName, String policy, PreemptMechanism mechanism,
            Double bandwidthMBps, EstimateAccuracy accuracy, Long maintenanceStart, Double p) {
        this(id, input, inputName, policy, mechanism, bandwidthMBps, accuracy, maintenanceStart, p, null, null);
    }

    /** E.g. {@code kth policy=easy alpha=0.5}: the input and every swept parameter. */
    public String label() {
        List<String> parts = new ArrayList<>();
        parts.add(inputName);
        parts.add("policy=" + policy);
        if (mechanism != null) parts.add("mechanism=" + mechanism.label());
        if (bandwidthMBps != null) parts.add("bandwidth=" + Numbers.plain(bandwidthMBps));
        if (accuracy != null) parts.add("alpha=" + accuracy.label());
        if (maintenanceStart != null) parts.add("maintenanceStart=" + maintenanceStart);
        if (load != null) parts.add("load=" + Numbers.plain(load));
        if (nodes != null) parts.add("nodes=" + nodes.label());
        if (p != null) parts.add("p=" + Numbers.plain(p));
        return String.join(" ", parts);
    }
}
