package org.preemptlab.scenario;

import java.util.List;
import org.preemptlab.sim.MaintenanceStrategy;

/**
 * A maintenance window: over every node of one pool ({@code pool}), over every node
 * ({@code pool = "*"}), or over listed nodes ({@code pool} empty, {@code nodes} their names).
 *
 * @param drainHorizon H for drain-then-checkpoint, s
 */
public record MaintenanceDraft(String name, String pool, List<String> nodes, long start, long duration,
        MaintenanceStrategy strategy, long drainHorizon) {

    public static final String ALL_NODES = "*";

    public MaintenanceDraft {
        name = name == null ? "" : name;
        pool = pool == null ? "" : pool;
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        strategy = strategy == null ? MaintenanceStrategy.DRAIN : strategy;
    }

    public static MaintenanceDraft onPool(String name, String pool, long start, long duration, MaintenanceStrategy strategy) {
        return new MaintenanceDraft(name, pool, List.of(), start, duration, strategy, 0);
    }

    public MaintenanceDraft withPool(String v) {
        return new MaintenanceDraft(name, v, List.of(), start, duration, strategy, drainHorizon);
    }

    public MaintenanceDraft withStart(long v) {
        return new MaintenanceDraft(name, pool, nodes, v, duration, strategy, drainHorizon);
    }

    public MaintenanceDraft withDuration(long v) {
        return new MaintenanceDraft(name, pool, nodes, start, v, strategy, drainHorizon);
    }

    public MaintenanceDraft withStrategy(MaintenanceStrategy v) {
        return new MaintenanceDraft(name, pool, nodes, start, duration, v, drainHorizon);
    }

    /** What the window covers, in words. */
    public String target() {
        if (pool.equals(ALL_NODES)) return "all nodes";
        if (!pool.isEmpty()) return "pool " + pool;
        return String.join(" ", nodes);
    }
}
