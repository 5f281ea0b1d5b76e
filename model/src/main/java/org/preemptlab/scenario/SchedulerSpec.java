package org.preemptlab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.slurmsched.BackfillPlans;

/**
 * The scheduling policy a scenario asks for, with its parameters. A factory turns it (and the
 * scenario's preemption rules) into a policy object.
 *
 * <p>{@code p}, {@code thresholdSeconds}, {@code extendSeconds} and {@code killInstead} belong to
 * Niu et al.'s {@link SchedulerKind#AGGRESSIVE_CHECKPOINT} policy; a spec of any other scheduler
 * holds their defaults, and the constructor refuses other values rather than dropping them.
 *
 * @param kind             which scheduler
 * @param p                predicted run time = estimate × p for jobs with estimate ≥ the threshold, 0 &lt; p ≤ 1
 * @param thresholdSeconds t_thr: jobs with a shorter estimate are predicted at their estimate
 * @param extendSeconds    T_extend added to the predicted run time of checkpointed jobs (T_chk + T_restart)
 * @param killInstead      the kill variant ({@value SchedulerKind#KILL_INSTEAD}): preempted jobs are killed (work
 *                         lost) instead of checkpointed
 * @param slurmParameters  {@link SchedulerKind#SLURM} only: its {@code SchedulerParameters} line
 *                         ({@code bf_interval=30,bf_window=1440}); {@code ""}: Slurm's defaults
 * @param backfillPlans    {@link SchedulerKind#SLURM} only (any other scheduler holds the default): how its backfill plans
 *                         the jobs it cannot start now; null: {@link BackfillPlans#DEFAULT}, Slurm's own plans on whole
 *                         nodes where they apply (a Slurm site; no maintenance windows or advance reservations), as in the history replay
 */
public record SchedulerSpec(SchedulerKind kind, double p, long thresholdSeconds, long extendSeconds,
        boolean killInstead, String slurmParameters, BackfillPlans backfillPlans) {

    public static final double DEFAULT_P = 0.2;
    public static final long DEFAULT_THRESHOLD_SECONDS = 1800;
    /** Niu et al.'s T_extend = T_chk + T_restart = 2 × 215 s. */
    public static final long DEFAULT_EXTEND_SECONDS = 430;

    public SchedulerSpec(SchedulerKind kind, double p, long thresholdSeconds, long extendSeconds, boolean killInstead) {
        this(kind, p, thresholdSeconds, extendSeconds, killInstead, "");
    }

    public SchedulerSpec(SchedulerKind kind, double p, long thresholdSeconds, long extendSeconds, boolean killInstead,
            String slurmParameters) {
        this(kind, p, thresholdSeconds, extendSeconds, killInstead, slurmParameters, BackfillPlans.DEFAULT);
    }

    public SchedulerSpec {
        Objects.requireNonNull(kind, "kind");
        slurmParameters = slurmParameters == null ? "" : slurmParameters.strip();
        if (backfillPlans == null) backfillPlans = BackfillPlans.DEFAULT;
        if (!slurmParameters.isEmpty() && kind != SchedulerKind.SLURM) {
            throw new IllegalArgumentException(kind.id() + " takes no schedulerParameters (\"" + slurmParameters + "\"); only "
                    + SchedulerKind.SLURM.id() + " does");
        }
        if (backfillPlans != BackfillPlans.DEFAULT && kind != SchedulerKind.SLURM) {
            throw new IllegalArgumentException(kind.id() + " takes no backfillPlans (\"" + backfillPlans + "\"); only "
                    + SchedulerKind.SLURM.id() + " does");
        }
        if (!kind.hasParameters()) {
            List<String> given = new ArrayList<>();
            if (p != DEFAULT_P) given.add("p = " + p);
            if (thresholdSeconds != DEFAULT_THRESHOLD_SECONDS) given.add("thresholdSeconds = " + thresholdSeconds);
            if (extendSeconds != DEFAULT_EXTEND_SECONDS) given.add("extendSeconds = " + extendSeconds);
            if (killInstead) given.add("killInstead = true");
            if (!given.isEmpty()) {
                throw new IllegalArgumentException(kind.id() + " takes no parameters (" + String.join(", ", given)
                        + "); only " + SchedulerKind.AGGRESSIVE_CHECKPOINT.id() + " does");
            }
        }
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("p is " + p + "; must be > 0 and ≤ 1");
        if (thresholdSeconds < 0) throw new IllegalArgumentException("thresholdSeconds is " + thresholdSeconds + "; must be ≥ 0");
        if (extendSeconds < 0) throw new IllegalArgumentException("extendSeconds is " + extendSeconds + "; must be ≥ 0");
    }

    /** The scheduler with default parameters. */
    public static SchedulerSpec of(SchedulerKind kind) {
        return new SchedulerSpec(kind, DEFAULT_P, DEFAULT_THRESHOLD_SECONDS, DEFAULT_EXTEND_SECONDS, false);
    }

    /** The named scheduler ({@link SchedulerKind#parse}) with default parameters. */
    public static SchedulerSpec of(String id) {
        return of(SchedulerKind.parse(id));
    }

    /** Niu et al.'s aggressive backfill with checkpoint-based preemption. */
    public static SchedulerSpec aggressiveCheckpoint(double p, long thresholdSeconds, long extendSeconds,
            boolean killInstead) {
        return new SchedulerSpec(SchedulerKind.AGGRESSIVE_CHECKPOINT, p, thresholdSeconds, extendSeconds, killInstead);
    }

    /** Slurm's loop with this {@code SchedulerParameters} line ({@code ""}: Slurm's defaults). */
    public static SchedulerSpec slurm(String schedulerParameters) {
        return new SchedulerSpec(SchedulerKind.SLURM, DEFAULT_P, DEFAULT_THRESHOLD_SECONDS, DEFAULT_EXTEND_SECONDS, false,
                schedulerParameters);
    }

    /** Slurm's loop with this {@code SchedulerParameters} line and these backfill plans (null: the default). */
    public static SchedulerSpec slurm(String schedulerParameters, BackfillPlans plans) {
        return slurm(schedulerParameters).withBackfillPlans(plans);
    }

    /**
     * This spec with other backfill plans (null: {@link BackfillPlans#DEFAULT}).
     *
     * @throws IllegalArgumentException for plans other than the default on a scheduler other than slurm
     */
    public SchedulerSpec withBackfillPlans(BackfillPlans plans) {
        return new SchedulerSpec(kind, p, thresholdSeconds, extendSeconds, killInstead, slurmParameters, plans);
    }

    /**
     * This spec with another {@code SchedulerParameters} line.
     *
     * @throws IllegalArgumentException for a non-blank line on a scheduler other than slurm
     */
    public SchedulerSpec withSlurmParameters(String line) {
        return new SchedulerSpec(kind, p, thresholdSeconds, extendSeconds, killInstead, line, backfillPlans);
    }

    /** The scheduler's name in files and on the command line, e.g. {@code easy}. */
    public String name() {
        return kind.id();
    }

    /** True for the schedulers that take {@code p}, {@code thresholdSeconds}, {@code extendSeconds}, {@code killInstead}. */
    public boolean hasParameters() {
        return kind.hasParameters();
    }

    /** This spec when it is of the given scheduler, else that scheduler with default parameters. */
    public SchedulerSpec withKind(SchedulerKind other) {
        return other == kind ? this : of(other);
    }
}
