package org.preemptlab.preempt;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.mechanism.PreemptMechanism;

import org.preemptlab.job.JobView;

/**
 * Snell, Clement &amp; Jackson (JSSPP 2002), Maui's preemption-based backfill: any waiting job that
 * fits now may backfill, without the walltime guarantee; those that would still run at the head
 * job's reservation are preempted when it comes (checkpointed if they can be, else requeued if
 * rerunnable, else killed).
 */
public final class PreemptionBasedBackfillPolicy extends AbstractPreemptiveBackfill {

    @Override
    public String name() {
        return SchedulerKind.PREEMPTION_BACKFILL.id();
    }

    @Override
    protected long predictedRuntime(JobView job) {
        return job.timesPreempted() > 0 ? job.requestedWalltime() : 0;
    }

    @Override
    protected PreemptMechanism mechanismFor(JobView victim) {
        if (victim.spec().checkpointable()) return PreemptMechanism.CHECKPOINT;
        return victim.spec().rerunnable() ? PreemptMechanism.REQUEUE : PreemptMechanism.KILL;
    }
}
