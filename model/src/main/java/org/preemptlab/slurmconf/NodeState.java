package org.preemptlab.slurmconf;

import java.util.Locale;

/** The {@code State=} of a {@code NodeName} (or {@code DownNodes}) line. Slurm's default is {@link #UNKNOWN}: the node is usable. */
public enum NodeState {
    UNKNOWN, CLOUD, DOWN, DRAIN, FAIL, FAILING, FUTURE;

    /** Whether jobs may be started on the node. */
    public boolean usable() {
        return this == UNKNOWN || this == CLOUD;
    }

    static NodeState parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a node state (UNKNOWN, CLOUD, DOWN, DRAIN, FAIL, FAILING, FUTURE)", e);
        }
    }
}
