package org.preemptlab.scenario;

import java.util.List;
import java.util.Objects;

/**
 * The scheduling policy a scenario asks for, by name, with its parameters. A factory in the
 * application turns it (and the scenario's preemption rules) into a policy object.
 *
 * <p>{@code p}, {@code thresholdSeconds}, {@code extendSeconds} and {@code killInstead} belong to
 * Niu et al.'s {@value #AGGRESSIVE_CHECKPOINT} policy; for every other scheduler they are kept at
 * their defaults (the constructor resets them), so that a spec always equals what its file reads
 * back as.
 *
 * @param name             one of {@link #NAMES}
 * @param p                predicted run time = estimate × p for jobs with estimate ≥ the threshold, 0 &lt; p ≤ 1
 * @param thresholdSeconds t_thr: jobs with a shorter estimate are predicted at their estimate
 * @param extendSeconds    T_extend added to the predicted run time of checkpointed jobs (T_chk + T_restart)
 * @param killInstead      the kill variant: preempted jobs are killed (work lost) instead of checkpointed
 */
public record SchedulerSpec(String name, double p, long thresholdSeconds, long extendSeconds, boolean killInstead) {

    public static final String FCFS = "fcfs";
    public static final String EASY = "easy";
    public static final String CONSERVATIVE = "conservative";
    public static final String AGGRESSIVE_CHECKPOINT = "aggressive-checkpoint";
    public static final String PREEMPTION_BACKFILL = "preemption-backfill";

    /** Every scheduler name a scenario may use, in the order users are told about them. */
    public static final List<String> NAMES = List.of(FCFS, EASY, CONSERVATIVE, AGGRESSIVE_CHECKPOINT, PREEMPTION_BACKFILL);

    public static final double DEFAULT_P = 0.2;
    public static final long DEFAULT_THRESHOLD_SECONDS = 1800;
    /** Niu et al.'s T_extend = T_chk + T_restart = 2 × 215 s. */
    public static final long DEFAULT_EXTEND_SECONDS = 430;

    public SchedulerSpec {
        Objects.requireNonNull(name, "name");
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a scheduler; use " + String.join(", ", NAMES));
        }
        if (!name.equals(AGGRESSIVE_CHECKPOINT)) {
            p = DEFAULT_P;
            thresholdSeconds = DEFAULT_THRESHOLD_SECONDS;
            extendSeconds = DEFAULT_EXTEND_SECONDS;
            killInstead = false;
        }
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("p is " + p + "; must be > 0 and ≤ 1");
        if (thresholdSeconds < 0) throw new IllegalArgumentException("thresholdSeconds is " + thresholdSeconds + "; must be ≥ 0");
        if (extendSeconds < 0) throw new IllegalArgumentException("extendSeconds is " + extendSeconds + "; must be ≥ 0");
    }

    /** The named scheduler with default parameters. */
    public static SchedulerSpec of(String name) {
        return new SchedulerSpec(name, DEFAULT_P, DEFAULT_THRESHOLD_SECONDS, DEFAULT_EXTEND_SECONDS, false);
    }

    /** Niu et al.'s aggressive backfill with checkpoint-based preemption. */
    public static SchedulerSpec aggressiveCheckpoint(double p, long thresholdSeconds, long extendSeconds,
            boolean killInstead) {
        return new SchedulerSpec(AGGRESSIVE_CHECKPOINT, p, thresholdSeconds, extendSeconds, killInstead);
    }

    /** True for the schedulers that take {@code p}, {@code thresholdSeconds}, {@code extendSeconds}, {@code killInstead}. */
    public boolean hasParameters() {
        return name.equals(AGGRESSIVE_CHECKPOINT);
    }
}
