package org.preemptlab.slurmsched;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.preemptlab.slurmconf.SchedulerParameters;

/**
 * The parameters of Slurm's loop, in seconds, read from {@code SchedulerParameters} with Slurm's
 * defaults. {@code phaseSeconds} places the periodic passes: the main scheduler's full passes at
 * phase + k·sched_interval, backfill cycles at bfPhase + k·bf_interval ({@code bfPhaseSeconds}; the same phase
 * unless set apart by {@link #withPhases}) (in Slurm they are timed
 * from slurmctld's start, which a history does not record).
 *
 * @param unmodelled every option of the line that the model does not carry out, as {@code name=value: why}
 * @param bfMaxJobArrayResv {@code bf_max_job_array_resv}: at most this many tasks of a pending array get a planned start
 *                          per backfill cycle (Slurm's default 20)
 * @param bfPhaseSeconds    the backfill cycles' phase: cycles at bfPhase + k·bf_interval
 * @param bfPhases          the backfill cycles' phase piece by piece (a drifting backfill timer, {@link #withBackfillPhases});
 *                          null: {@code bfPhaseSeconds} for all time
 */
public record SlurmSchedulerConfig(long schedIntervalSeconds, long defaultQueueDepth, long bfIntervalSeconds,
        long bfWindowSeconds, long bfResolutionSeconds, long bfMaxJobTest, long bfMaxJobUser, long bfMaxJobPart,
        long bfMaxJobStart, long bfMinPrioReserve, boolean bfContinue, long phaseSeconds, long batchSchedDelaySeconds,
        List<String> unmodelled, long bfMaxJobArrayResv, long bfPhaseSeconds, BackfillPhases bfPhases) {

    /** The options carried out (bf_continue is accepted: a simulated cycle takes no time, so nothing interrupts it). */
    public static final Set<String> MODELLED = Set.of("sched_interval", "default_queue_depth", "bf_interval", "bf_window",
            "bf_resolution", "bf_max_job_test", "bf_max_job_user", "bf_max_job_part", "bf_max_job_start",
            "bf_min_prio_reserve", "bf_continue", "batch_sched_delay", "bf_max_job_array_resv");

    /** Slurm's default {@code bf_max_job_array_resv}: planned starts per pending job array and cycle. */
    public static final long BF_MAX_JOB_ARRAY_RESV_DEFAULT = 20;

    /** Slurm's default {@code batch_sched_delay}, seconds. */
    public static final long BATCH_SCHED_DELAY_DEFAULT = 3;

    public SlurmSchedulerConfig {
        check("sched_interval", schedIntervalSeconds, 1);
        check("default_queue_depth", defaultQueueDepth, 1);
        check("bf_interval", bfIntervalSeconds, 1);
        check("bf_window", bfWindowSeconds, 1);
        check("bf_resolution", bfResolutionSeconds, 1);
        check("bf_max_job_test", bfMaxJobTest, 1);
        check("bf_max_job_user", bfMaxJobUser, 0);
        check("bf_max_job_part", bfMaxJobPart, 0);
        check("bf_max_job_start", bfMaxJobStart, 0);
        check("bf_min_prio_reserve", bfMinPrioReserve, 0);
        check("phaseSeconds", phaseSeconds, 0);
        check("batch_sched_delay", batchSchedDelaySeconds, 0);
        check("bf_max_job_array_resv", bfMaxJobArrayResv, 0);
        check("bfPhaseSeconds", bfPhaseSeconds, 0);
        if (bfPhases != null) bfPhases.checkInterval(bfIntervalSeconds);
        unmodelled = List.copyOf(unmodelled);
    }

    private static void check(String name, long v, long min) {
        if (v < min) throw new IllegalArgumentException("SchedulerParameters " + name + ": " + v + "; must be ≥ " + min);
    }

    /** Slurm's defaults (sched_interval 60 s, depth 100, bf_interval 30 s, window 1 day, resolution 60 s, test 500). */
    public static SlurmSchedulerConfig defaults() {
        return of(SchedulerParameters.NONE);
    }

    /** @throws IllegalArgumentException naming the option whose value is not a number or out of range */
    public static SlurmSchedulerConfig of(SchedulerParameters p) {
        List<String> unmodelled = new ArrayList<>();
        p.options().forEach((k, v) -> {
            if (!MODELLED.contains(k)) unmodelled.add(k + (v.isEmpty() ? "" : "=" + v) + ": not modelled");
        });
        try {
            return new SlurmSchedulerConfig(p.schedIntervalSeconds(), p.defaultQueueDepth(), p.bfIntervalSeconds(),
                    p.bfWindowSeconds(), p.bfResolutionSeconds(), p.bfMaxJobTest(), p.bfMaxJobUser(), p.bfMaxJobPart(),
                    p.bfMaxJobStart(), p.number("bf_min_prio_reserve", 0), p.bfContinue(), 0,
                    p.number("batch_sched_delay", BATCH_SCHED_DELAY_DEFAULT), unmodelled,
                    p.number("bf_max_job_array_resv", BF_MAX_JOB_ARRAY_RESV_DEFAULT), 0, null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SchedulerParameters: a value is not a whole number (" + e.getMessage() + ")", e);
        }
    }

    /** The main passes and the backfill cycles at the same phase. */
    public SlurmSchedulerConfig withPhase(long phase) {
        return withPhases(phase, phase);
    }

    /** The main scheduler's full passes at {@code mainPhase} + k·sched_interval, the backfill cycles at {@code bfPhase} + k·bf_interval. */
    public SlurmSchedulerConfig withPhases(long mainPhase, long bfPhase) {
        return new SlurmSchedulerConfig(schedIntervalSeconds, defaultQueueDepth, bfIntervalSeconds, bfWindowSeconds,
                bfResolutionSeconds, bfMaxJobTest, bfMaxJobUser, bfMaxJobPart, bfMaxJobStart, bfMinPrioReserve, bfContinue,
                mainPhase, batchSchedDelaySeconds, unmodelled, bfMaxJobArrayResv, bfPhase, null);
    }

    /**
     * The main passes at {@code mainPhase} + k·sched_interval, the backfill cycles piece by piece ({@code bfPhases}: a
     * drifting backfill timer; {@link #bfPhaseSeconds} becomes its first piece's phase).
     */
    public SlurmSchedulerConfig withBackfillPhases(long mainPhase, BackfillPhases bfPhases) {
        return new SlurmSchedulerConfig(schedIntervalSeconds, defaultQueueDepth, bfIntervalSeconds, bfWindowSeconds,
                bfResolutionSeconds, bfMaxJobTest, bfMaxJobUser, bfMaxJobPart, bfMaxJobStart, bfMinPrioReserve, bfContinue,
                mainPhase, batchSchedDelaySeconds, unmodelled, bfMaxJobArrayResv, bfPhases.phases()[0], bfPhases);
    }
}
