package org.preemptlab.maintenance;

/** Which maintenance strategy costs fewer node-hours in a break-even cell. */
public enum Winner {
    DRAIN, CHECKPOINT, TIE;

    /** Node-hour differences smaller than this are a tie (sums of whole seconds / 3600 differ by more). */
    public static final double TOLERANCE_NODE_HOURS = 1e-9;

    /** From drain cost − checkpoint cost, node-hours. */
    public static Winner of(double drainMinusCheckpoint) {
        if (drainMinusCheckpoint > TOLERANCE_NODE_HOURS) return CHECKPOINT;
        if (drainMinusCheckpoint < -TOLERANCE_NODE_HOURS) return DRAIN;
        return TIE;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
