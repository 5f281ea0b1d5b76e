package org.preemptlab.io.swf;

/**
 * What to read from a trace and on which machine. Immutable; start from {@link #defaults()}.
 *
 * @param procs      machine size override in processors ({@code --procs}); 0 = take it from the
 *                   header (MaxProcs, else MaxNodes) or infer it from the largest job
 * @param firstJob   smallest job number (field 1) to read, inclusive
 * @param lastJob    largest job number to read, inclusive
 * @param submitFrom earliest submit time (field 2) to read, inclusive, s
 * @param submitTo   submit times must be smaller than this, exclusive, s
 * @param maxJobs    stop reading after this many jobs were kept (in file order)
 * @param keepFields keep each job's 18 original fields ({@code JobSpec.swf()}, 160 bytes a job) for
 *                   writing the schedule back as SWF; without them the writer derives the fields
 */
public record SwfReadOptions(int procs, long firstJob, long lastJob, long submitFrom, long submitTo, long maxJobs,
        boolean keepFields) {

    private static final SwfReadOptions DEFAULTS =
            new SwfReadOptions(0, 0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, true);

    public SwfReadOptions(int procs, long firstJob, long lastJob, long submitFrom, long submitTo, long maxJobs) {
        this(procs, firstJob, lastJob, submitFrom, submitTo, maxJobs, true);
    }

    public SwfReadOptions {
        if (procs < 0) {
            throw new IllegalArgumentException("procs is " + procs + "; must be ≥ 1 (or 0 for the trace's own size)");
        }
        if (firstJob > lastJob) {
            throw new IllegalArgumentException("job range " + firstJob + ".." + lastJob + " is empty; first must be ≤ last");
        }
        if (submitFrom >= submitTo) {
            throw new IllegalArgumentException("submit window [" + submitFrom + ", " + submitTo
                    + ") is empty; from must be < to");
        }
        if (maxJobs < 1) {
            throw new IllegalArgumentException("maxJobs is " + maxJobs + "; must be ≥ 1");
        }
    }

    /** Everything, on the trace's own machine size. */
    public static SwfReadOptions defaults() {
        return DEFAULTS;
    }

    /** Machine size override in processors ({@code --procs}). */
    public SwfReadOptions withProcs(int newProcs) {
        return new SwfReadOptions(newProcs, firstJob, lastJob, submitFrom, submitTo, maxJobs, keepFields);
    }

    /** Only job numbers {@code first..last} (both inclusive). */
    public SwfReadOptions withJobRange(long first, long last) {
        return new SwfReadOptions(procs, first, last, submitFrom, submitTo, maxJobs, keepFields);
    }

    /** Only jobs submitted in {@code [from, to)}. */
    public SwfReadOptions withSubmitWindow(long from, long to) {
        return new SwfReadOptions(procs, firstJob, lastJob, from, to, maxJobs, keepFields);
    }

    /** Stop after this many jobs were kept. */
    public SwfReadOptions withMaxJobs(long max) {
        return new SwfReadOptions(procs, firstJob, lastJob, submitFrom, submitTo, max, keepFields);
    }

    /** Without the original fields: for runs that do not write the schedule as SWF (less memory, less copying). */
    public SwfReadOptions withoutFields() {
        return new SwfReadOptions(procs, firstJob, lastJob, submitFrom, submitTo, maxJobs, false);
    }

    boolean hasJobRange() {
        return firstJob != DEFAULTS.firstJob || lastJob != DEFAULTS.lastJob;
    }

    boolean hasSubmitWindow() {
        return submitFrom != DEFAULTS.submitFrom || submitTo != DEFAULTS.submitTo;
    }
}
