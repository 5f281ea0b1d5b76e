package org.preemptlab.priority;

import java.util.Locale;

/**
 * The {@code PriorityFlags} this model knows. {@code DEPTH_OBLIVIOUS} is not modelled (refused by
 * {@link #parse}); {@code INCR_ONLY} and {@code CALCULATE_RUNNING} are carried for the engine, which
 * decides when priorities are stored and for which jobs.
 */
public enum PriorityFlag {
    /** Age grows from submission even while the job is held or waits on a dependency. */
    ACCRUE_ALWAYS,
    /** Priorities are also recalculated for running and suspended jobs (engine-side). */
    CALCULATE_RUNNING,
    /** A job's priority never decreases (engine-side: keep the larger of old and new). */
    INCR_ONLY,
    /** Billing is the largest weighted TRES instead of the sum. */
    MAX_TRES,
    /** Classic fair-share instead of Fair Tree. */
    NO_FAIR_TREE,
    /** All of NO_NORMAL_ASSOC, NO_NORMAL_PART, NO_NORMAL_QOS, NO_NORMAL_TRES. */
    NO_NORMAL_ALL,
    NO_NORMAL_ASSOC,
    NO_NORMAL_PART,
    NO_NORMAL_QOS,
    NO_NORMAL_TRES,
    /** Job size is CPUs divided by the time limit in minutes, over the cluster's CPUs. */
    SMALL_RELATIVE_TO_TIME;

    /** Case-insensitive. */
    public static PriorityFlag parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (PriorityFlag f : values()) if (f.name().equals(t)) return f;
        if (t.equals("DEPTH_OBLIVIOUS")) {
            throw new IllegalArgumentException("PriorityFlags=DEPTH_OBLIVIOUS is not modelled; use NO_FAIR_TREE (classic) or leave it out (Fair Tree)");
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a PriorityFlags value");
    }
}
