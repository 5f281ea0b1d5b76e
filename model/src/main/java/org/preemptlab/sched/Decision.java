package org.preemptlab.sched;

import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;

/** What a policy asks the engine to do. Decisions are applied in the order returned. */
public sealed interface Decision permits Decision.Start, Decision.Preempt, Decision.CallAt {

    Reason reason();

    /** Start a queued job on this placement now. */
    record Start(JobView job, Placement placement, Reason reason) implements Decision {}

    /** Preempt a running job with this mechanism (to make room for {@code forJob}, or null). */
    record Preempt(JobView victim, PreemptMechanism mechanism, JobView forJob, Reason reason) implements Decision {}

    /** Run a scheduling pass again at this time even if nothing else happens. */
    record CallAt(long time, Reason reason) implements Decision {}
}
