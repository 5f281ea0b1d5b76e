package org.preemptlab.partition;

import java.util.Locale;

/**
 * A partition's {@code OverSubscribe=}. {@code EXCLUSIVE} allocates whole nodes to every job;
 * {@code NO} shares a node's free cores, memory and GRES among jobs (cons_tres). {@code YES} and
 * {@code FORCE} let several jobs be allocated the same cores (the count is the partition's
 * {@link Partition#shareJobs()}), time-sliced by the gang scheduler; memory and GRES are not
 * oversubscribed (docs/slurm-model.md, "Gang scheduling").
 */
public enum OverSubscribe {
    NO, EXCLUSIVE, YES, FORCE;

    /** {@code NO}, {@code exclusive}, {@code FORCE:4} (the count is read by {@link #jobsOf}); null if not one of them. */
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

    /**
     * The count of {@code FORCE:N} / {@code YES:N}: N; 0 when no count is given (Slurm's default then);
     * -1 when the count is not a whole number ≥ 1.
     */
    public static int jobsOf(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        if (colon < 0) return 0;
        try {
            int n = Integer.parseInt(t.substring(colon + 1).strip());
            return n >= 1 ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
