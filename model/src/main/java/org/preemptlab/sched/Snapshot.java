package org.preemptlab.sched;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptionSettings;

/** The read-only state a policy decides from. Nothing here changes while the policy runs. */
public interface Snapshot {

    long now();

    Cluster cluster();

    /** Waiting jobs in queue order (tier, then queue position). */
    Collection<? extends JobView> queue();

    /**
     * The waiting jobs grouped by shape (processors, requested wall time), for scans that skip the
     * jobs that cannot fit; null if this snapshot does not keep them (then scan {@link #queue()}).
     */
    default QueueShapes queueShapes() {
        return null;
    }

    /** Jobs holding cores (running, checkpointing, stopping), by estimated end, then id. */
    Collection<? extends JobView> running();

    /**
     * A count that grows with every change to {@link #running()} that was not one of the policy's own
     * {@link Decision.Start}s carried out as decided: a job that ends, is preempted, stopped, resumed or
     * started by the engine itself, a running job whose estimated end or placement changes, and a start
     * the policy decided that the engine did not carry out. Equal at two passes: between them the
     * running set changed only by the jobs the policy started, each where it said. -1 if this
     * snapshot does not keep the count (then walk {@link #running()}).
     */
    default long unplannedRunningChanges() {
        return -1;
    }

    /**
     * A count that grows with every job that leaves {@link #queue()} other than by one of the policy's own
     * {@link Decision.Start}s carried out (an engine's own start, a kill, a cancel); -1 if this snapshot
     * does not keep it. With {@link #queueJoined()}: what changed in the queue since the last pass,
     * without walking it.
     */
    default long unplannedQueueLeaves() {
        return -1;
    }

    /**
     * How many jobs joined {@link #queue()} since the run began before the first of {@link #queueJoined()};
     * -1 if this snapshot does not keep the journal.
     */
    default long queueJoinedBefore() {
        return -1;
    }

    /**
     * The jobs that joined {@link #queue()} (arrivals, requeues) since the last pass was decided, in the
     * order they joined (a job may have left again since); null if this snapshot does not keep them.
     */
    default List<? extends JobView> queueJoined() {
        return null;
    }

    /** The waiting job of that index, or null if it is not waiting (or this snapshot does not look jobs up). */
    default JobView waiting(int index) {
        return null;
    }

    /**
     * On a Slurm run with QOS / association limits: whether the waiting {@code job} would still pass them had the jobs
     * {@code startedInPass} (starts the policy decided in the pass it is making, not yet carried out) started too —
     * Slurm's {@code acct_policy_job_runnable_pre_select} within a pass, whose counters move with every start. Read-only
     * for the run. True when the snapshot keeps no limits.
     */
    default boolean limitsAllow(JobView job, List<? extends JobView> startedInPass) {
        return true;
    }

    /** Suspended jobs (holding memory, not cores), in the order they were suspended. */
    Collection<? extends JobView> suspended();

    /**
     * A scratch copy of the free resources now. The cores of suspended jobs are not free: they are
     * held for their resume (a preemptor may take them: see {@link #heldCores}).
     */
    Capacity freeCapacity();

    /**
     * The cores a suspended job's resume holds on its nodes (those not taken by anyone else), as a
     * placement without memory; null if none.
     */
    default org.preemptlab.job.Placement heldCores(JobView suspended) {
        return null;
    }

    /**
     * Queued jobs room is being made for ({@link Decision.Promise}), by job index in the order they
     * were promised → the placement each is to get once its victims have left. A promise lasts until
     * the job starts.
     */
    default Map<Integer, org.preemptlab.job.Placement> promised() {
        return Map.of();
    }

    /**
     * The job a suspended job is held for (it was suspended for it, {@link Decision.Preempt}, or held
     * for it since, {@link Decision.Hold}): it does not take its cores back before that job has
     * started. Null if none.
     */
    default JobView heldFor(JobView suspended) {
        return null;
    }

    /** How the engine carries out preemptions (grace time, checkpoint costs). */
    PreemptionSettings preemptionSettings();

    /** Maintenance windows and reservations the policy must respect. */
    List<Reservation> reservations();

    /**
     * The nodes (processors of a processor machine) down for a failure, each as a window over it from
     * its failure to its repair (its name says which node failed), in node order; empty when none is.
     * Maintenance windows are in {@link #reservations()} instead. A policy that plans ahead plans
     * these nodes back only from their repair.
     */
    default List<Reservation> failedNodes() {
        return List.of();
    }
}
