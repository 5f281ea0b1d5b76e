package org.preemptlab.sim;

/**
 * Nodes taken out of service over [start, start + duration) and how running work is handled.
 *
 * @param nodes          node indices covered (a full-machine reservation lists them all)
 * @param drainHorizon   for {@link MaintenanceStrategy#DRAIN_THEN_CHECKPOINT}: H, drain from start − H
 */
public record MaintenanceWindow(String name, long start, long duration, int[] nodes, MaintenanceStrategy strategy,
        long drainHorizon) {

    public MaintenanceWindow {
        if (duration < 1) throw new IllegalArgumentException("window " + name + ": duration is " + duration + "; must be ≥ 1");
        if (start < 0) throw new IllegalArgumentException("window " + name + ": start is " + start + "; must be ≥ 0");
        if (nodes.length == 0) throw new IllegalArgumentException("window " + name + ": covers no nodes");
    }

    public long end() {
        return start + duration;
    }

    /** From when jobs that would run into the window may no longer start on its nodes. */
    public long drainFrom() {
        return switch (strategy) {
            case DRAIN -> Long.MIN_VALUE;
            case DRAIN_THEN_CHECKPOINT -> start - drainHorizon;
            case CHECKPOINT, CHECKPOINT_BEFORE, KILL -> Long.MAX_VALUE;
        };
    }
}
