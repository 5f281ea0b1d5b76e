package org.preemptlab.history;

/**
 * What a replay does with one sacct row. Every row gets exactly one rule, and the reader counts them.
 */
public enum SacctRule {
    /**
     * Started and ended (COMPLETED, FAILED, TIMEOUT, CANCELLED after it started, NODE_FAIL,
     * OUT_OF_MEMORY, PREEMPTED, DEADLINE, BOOT_FAIL with a start): replayed with its real Elapsed as
     * run time and its Timelimit as estimate. A component of a heterogeneous job ({@code 123+1}) is
     * replayed as a job of its own.
     */
    REPLAYED("replayed: started and ended"),
    /**
     * REQUEUED with a start and an end: {@code -X} shows only the latest attempt, so the attempt
     * shown is replayed as a job submitted at the job's Submit; earlier attempts are not in the table.
     */
    REPLAYED_REQUEUED("replayed: the last attempt of a requeued job"),
    /**
     * Never started (Start is Unknown/None: CANCELLED before it started, array tasks still
     * {@code 123_[5-9]}, a DEADLINE or BOOT_FAIL before starting): left out. Such a job waited in
     * the queue and may have held others back in Slurm; the replay does not see it.
     */
    NEVER_STARTED("left out: never started"),
    /** Still PENDING, RUNNING, SUSPENDED or REQUEUED without an end when sacct ran: left out. */
    UNFINISHED("left out: not finished when sacct ran"),
    /** A job step ({@code 123.batch}, {@code 123.0}), only present without {@code -X}: left out. */
    STEP("left out: a job step, not a job");

    private final String text;

    SacctRule(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean replayed() {
        return this == REPLAYED || this == REPLAYED_REQUEUED;
    }
}
