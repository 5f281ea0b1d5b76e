package org.preemptlab.preempt;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.mechanism.PreemptMechanism;

import org.preemptlab.job.JobView;

/**
 * Niu, Zhai, Ma, Liu, Zhai, Chen, Zheng (JSSPP 2012): aggressive backfilling with checkpoint-based
 * preemption. Backfill decisions use a predicted run time: the estimate if it is below t_thr
 * (1800 s); for a job already checkpointed, its remaining estimate + T_extend; otherwise
 * estimate × p. Jobs backfilled on such a prediction are checkpointed (or, in the kill variant,
 * killed) largest first when the head job's reservation comes.
 */
public final class AggressiveCheckpointBackfillPolicy extends AbstractPreemptiveBackfill {

    private final double p;
    private final long thresholdSeconds;
    private final long extendSeconds;
    private final boolean killInstead;

    /**
     * @param p                fraction of the estimate predicted for long jobs, 0 &lt; p ≤ 1
     * @param thresholdSeconds t_thr: estimates below it are trusted
     * @param extendSeconds    T_extend = T_chk + T_restart, added to a checkpointed job's prediction
     * @param killInstead      the kill variant: preempted jobs lose their work instead of checkpointing
     */
    public AggressiveCheckpointBackfillPolicy(double p, long thresholdSeconds, long extendSeconds, boolean killInstead) {
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("p is " + p + "; must be in (0, 1]");
        if (thresholdSeconds < 0) throw new IllegalArgumentException("thresholdSeconds is " + thresholdSeconds + "; must be ≥ 0");
        if (extendSeconds < 0) throw new IllegalArgumentException("extendSeconds is " + extendSeconds + "; must be ≥ 0");
        this.p = p;
        this.thresholdSeconds = thresholdSeconds;
        this.extendSeconds = extendSeconds;
        this.killInstead = killInstead;
    }

    @Override
    public String name() {
        return SchedulerKind.AGGRESSIVE_CHECKPOINT.id() + (killInstead ? " " + SchedulerKind.KILL_INSTEAD : "");
    }

    @Override
    protected long predictedRuntime(JobView job) {
        long estimate = job.spec().estimate();
        if (job.timesPreempted() > 0) return job.requestedWalltime() + (job.timesCheckpointed() > 0 ? extendSeconds : 0);
        if (estimate < thresholdSeconds) return estimate;
        return Math.max(1, (long) Math.ceil(estimate * p));
    }

    @Override
    protected PreemptMechanism mechanismFor(JobView victim) {
        return killInstead || !victim.spec().checkpointable() ? PreemptMechanism.KILL : PreemptMechanism.CHECKPOINT;
    }
}
