package org.preemptlab.io.swf;

/**
 * The anomaly rules of the SWF reader. Each rule either drops a job line, fixes a value, or
 * reorders jobs; every application is counted in the {@link AnomalyReport} (with the first
 * {@value AnomalyReport#MAX_EXAMPLES} examples), so nothing is changed or dropped silently.
 *
 * <p>Rules are checked per job line in the order of the constants below. A line is counted under at
 * most one dropping rule (the first that matches) and under every fixing rule checked before it was
 * dropped or kept ({@link #FRACTIONAL_TIME} is checked before the dropping rules, because rounding
 * can make a run time 0).
 * The rules reproduce the cleaning of the reference inputs ({@code shared/reference/README.md}), so
 * on those cleaned traces no rule fires, and on the raw archive traces the counts equal the ones the
 * reference cleaner wrote into its {@code ; Note: cleaned by ...} header line.
 */
public enum SwfAnomaly {

    /**
     * Status field 11 is 2, 3 or 4: the line is one partial execution of a checkpointed or swapped
     * job (2 = to be continued, 3 = last part, completed, 4 = last part, failed). SWF logs such a job
     * as one summary line (status 0, 1 or 5, whole-job wait and run time) plus one line per part, all
     * with the same job number. The summary line is simulated; the partial lines are skipped, so the
     * job is not simulated twice. They are not counted as duplicates.
     */
    PARTIAL_EXECUTION_RECORD(Action.SKIPPED,
            "status 2/3/4 partial-execution line skipped; the job's summary line is simulated"),

    /**
     * A job number that was already seen on an earlier (non-partial) line. The first line is kept;
     * later lines with that number are dropped. The job number stays the job's id because it is the
     * key that joins our output with the input and with other tools' outputs; renumbering would break
     * that join silently.
     */
    DUPLICATE_JOB_NUMBER(Action.DROPPED, "job number already used by an earlier line; the later line is dropped"),

    /**
     * A time field (2 submit, 3 wait, 4 run, 9 requested time) has a non-zero fraction: it is
     * rounded to the nearest second, halves up ({@code Math.round}), matching SWF's own convention
     * that a run time of 0 means "less than 0.5 s" (reference cleaning rule 4: times are integers).
     * Fractions in the measured fields 6, 7, 10 and 18 are rounded too but are not a rule: they are
     * only counted in {@link AnomalyReport#roundedMeasurements()}.
     */
    FRACTIONAL_TIME(Action.FIXED, "time value with a fraction of a second; rounded to whole seconds"),

    /** Submit time (field 2) is negative (-1 = missing): the job cannot be placed in time; dropped. */
    NEGATIVE_SUBMIT(Action.DROPPED, "submit time missing or negative; job dropped"),

    /**
     * Run time (field 4) is missing (-1) or ≤ 0 (after rounding to whole seconds): the job does no
     * work; dropped (reference cleaning rule 1).
     */
    ZERO_OR_MISSING_RUNTIME(Action.DROPPED, "run time missing or ≤ 0; job dropped"),

    /**
     * Processors p = requested processors (field 8) when &gt; 0, else allocated processors (field 5).
     * When both are ≤ 0 (or missing) the job is dropped (reference cleaning rule 2).
     */
    MISSING_PROCESSORS(Action.DROPPED, "requested and allocated processors both missing or ≤ 0; job dropped"),

    /**
     * Processors p are larger than the machine size (the {@code --procs} option, else header
     * {@code MaxProcs}, else {@code MaxNodes}); dropped (reference cleaning rule 2). Never fires
     * when the machine size is inferred from the largest job.
     */
    OVERSIZED_PROCESSORS(Action.DROPPED, "more processors than the machine has; job dropped"),

    /**
     * Requested time (field 9, the user's estimate) is missing or ≤ 0: estimate := run time
     * (reference cleaning rule 3). The job is kept.
     */
    MISSING_ESTIMATE(Action.FIXED, "requested time missing; estimate := run time"),

    /**
     * Run time is larger than the requested time: estimate := run time, so that
     * 1 ≤ run ≤ estimate always holds (reference cleaning rule 3). The job is kept.
     */
    RUN_EXCEEDS_ESTIMATE(Action.FIXED, "run time exceeds requested time; estimate := run time"),

    /**
     * A kept job whose (submit time, job number) is smaller than that of the kept job before it in
     * the file. {@link SwfReader#read} stably sorts all jobs by (submit, job number), as the
     * reference does (cleaning rule 5); the count is the number of lines that were out of order.
     * The streaming variant {@link SwfReader#stream} cannot reorder: it delivers jobs in file order
     * and only counts them.
     */
    UNSORTED_SUBMIT(Action.REORDERED, "line out of (submit time, job number) order; jobs sorted"),

    /**
     * A partial-execution line (status 2, 3 or 4) whose job has no summary line in the file (or in
     * the selected range): the job cannot be simulated and is lost. Counted once per job number, at
     * the end of the file.
     */
    ORPHAN_PARTIAL_EXECUTION(Action.DROPPED, "partial-execution lines without a summary line; job dropped");

    /** What a rule does to the job it fires on. */
    public enum Action {
        /** The job line is not simulated. */
        DROPPED,
        /** The line is not a job of its own (it is part of another job's record). */
        SKIPPED,
        /** The job is kept with a corrected value. */
        FIXED,
        /** The job is kept, its position in the job list changes. */
        REORDERED
    }

    private final Action action;
    private final String description;

    SwfAnomaly(Action action, String description) {
        this.action = action;
        this.description = description;
    }

    /** What the rule does to the job. */
    public Action action() {
        return action;
    }

    /** True when the rule removes the job (or line) from the simulation. */
    public boolean removesJob() {
        return action == Action.DROPPED || action == Action.SKIPPED;
    }

    /** One line for users, e.g. {@code run time missing or ≤ 0; job dropped}. */
    public String description() {
        return description;
    }
}
