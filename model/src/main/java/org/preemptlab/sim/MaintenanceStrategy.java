package org.preemptlab.sim;

/** How a maintenance window treats the work on its nodes. */
public enum MaintenanceStrategy {
    /** Slurm MAINT: before the window, start only jobs whose estimate ends by its start. */
    DRAIN,
    /** Run normally; checkpoint whatever runs at the start; restart after the window. */
    CHECKPOINT,
    /** Run normally; kill whatever runs at the start (requeued if rerunnable). */
    KILL,
    /** Drain from start − H, then checkpoint what still runs at the start. */
    DRAIN_THEN_CHECKPOINT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static MaintenanceStrategy parse(String text) {
        for (MaintenanceStrategy s : values()) if (s.label().equals(text)) return s;
        throw new IllegalArgumentException("\"" + text + "\" is not a maintenance strategy; use drain, checkpoint, kill or drain-then-checkpoint");
    }
}
