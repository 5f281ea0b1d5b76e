package org.preemptlab.slurmconf;

import java.util.Locale;

/**
 * A partition's {@code State=} (default {@link #UP}). {@link #DOWN}: jobs queue but do not start;
 * {@link #DRAIN}: queued jobs start, new ones are refused; {@link #INACTIVE}: neither.
 */
public enum PartitionState {
    UP, DOWN, DRAIN, INACTIVE;

    public boolean acceptsJobs() {
        return this == UP || this == DOWN;
    }

    public boolean startsJobs() {
        return this == UP || this == DRAIN;
    }

    static PartitionState parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a partition state (UP, DOWN, DRAIN, INACTIVE)", e);
        }
    }
}
