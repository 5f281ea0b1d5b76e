package org.preemptlab.partition;

import java.util.Locale;

/**
 * A partition's {@code OverSubscribe=}. {@code EXCLUSIVE} allocates whole nodes to every job;
 * {@code NO} shares a node's free cores, memory and GRES among jobs (cons_tres). {@code YES} and
 * {@code FORCE} (several jobs on the same cores, time-sliced by gang scheduling) are read and run
 * as {@code NO}: a simplification the run warns about.
 */
public enum OverSubscribe {
    NO, EXCLUSIVE, YES, FORCE;

    /** {@code NO}, {@code exclusive}, {@code FORCE:4} (the count is dropped); null if not one of them. */
    public static OverSubscribe parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        int colon = t.indexOf(':');
        if (colon >= 0) t = t.substring(0, colon);
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
