package org.preemptlab.sched;

import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;

/** What a policy asks the engine to do. Decisions are applied in the order returned. */
public sealed interface Decision permits Decision.Start, Decision.Preempt, Decision.CallAt, Decision.Promise,
        Decision.Hold {

    Reason reason();

    /** Start a queued job on this placement now. */
    record Start(JobView job, Placement placement, Reason reason) implements Decision {}

    /**
     * Preempt a running job with this mechanism (to make room for {@code forJob}, or null). A job
     * suspended for {@code forJob} keeps its cores held for it until it has started
     * ({@link Snapshot#heldFor}).
     */
    record Preempt(JobView victim, PreemptMechanism mechanism, JobView forJob, Reason reason) implements Decision {}

    /** Run a scheduling pass again at this time even if nothing else happens. */
    record CallAt(long time, Reason reason) implements Decision {}

    /**
     * Room is being made for a queued job (its victims are still checkpointing or in their grace
     * time): the engine records that it is to start on {@code placement} once they have left
     * ({@link Snapshot#promised}) and forgets it when the job starts.
     */
    record Promise(JobView job, Placement placement, Reason reason) implements Decision {}

    /**
     * An already suspended job stays suspended, its cores held for {@code forJob}, until that job
     * has started ({@link Snapshot#heldFor}).
     */
    record Hold(JobView suspended, JobView forJob, Reason reason) implements Decision {}
}
