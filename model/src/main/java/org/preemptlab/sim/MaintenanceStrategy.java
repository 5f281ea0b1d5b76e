package org.preemptlab.sim;

/** How a maintenance window treats the work on its nodes. */
public enum MaintenanceStrategy {
    /** Slurm MAINT: before the window, start only jobs whose estimate ends by its start. */
    DRAIN,
    /** Run normally; checkpoint whatever runs at the start T (written inside the window); restart after it. */
    CHECKPOINT,
    /**
     * Run normally; start each job's checkpoint early enough that every image is written by T, given the
     * images and the shared storage bandwidth (planned backwards from T, {@code CheckpointBeforePlan});
     * restart after the window.
     */
    CHECKPOINT_BEFORE,
    /** Run normally; kill whatever runs at the start (requeued if rerunnable). */
    KILL,
    /** Drain from start − H, then checkpoint what still runs at the start. */
    DRAIN_THEN_CHECKPOINT;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** True for the strategies that checkpoint what runs on the window's nodes. */
    public boolean checkpoints() {
        return this != DRAIN && this != KILL;
    }

    /** The label with when the checkpoint is written, for people: "checkpoint (at T)", "checkpoint-before (T)". */
    public String describe() {
        return switch (this) {
            case CHECKPOINT -> "checkpoint (at T)";
            case CHECKPOINT_BEFORE -> "checkpoint-before (T)";
            default -> label();
        };
    }

    public static MaintenanceStrategy parse(String text) {
        for (MaintenanceStrategy s : values()) if (s.label().equals(text)) return s;
        throw new IllegalArgumentException("\"" + text + "\" is not a maintenance strategy; use drain, checkpoint (at T), checkpoint-before (T), kill or drain-then-checkpoint");
    }
}
