package org.preemptlab.partition;

import java.util.Locale;

/** A partition's {@code State=}: only {@code UP} starts jobs; {@code DRAIN} and {@code DOWN} keep them pending. */
public enum PartitionState {
    /** Jobs are accepted and started. */
    UP,
    /** Jobs are accepted but not started (reason {@code PartitionDown}). */
    DOWN,
    /** No new jobs are accepted; the model keeps them pending ({@code PartitionDown}), a simplification. */
    DRAIN,
    /** Neither accepted nor started ({@code PartitionInactive}). */
    INACTIVE;

    /** {@code UP}, {@code down}, …; null if not a state. */
    public static PartitionState parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
