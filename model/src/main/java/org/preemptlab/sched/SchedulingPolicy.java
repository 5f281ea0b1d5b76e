package org.preemptlab.sched;

import java.util.List;
import org.preemptlab.job.JobSpec;

/** A scheduler: looks at a snapshot, returns decisions with their reasons. Never changes state itself. */
public interface SchedulingPolicy {

    /** Short name used in files and the CLI, e.g. {@code easy}. */
    String name();

    List<Decision> schedule(Snapshot snapshot);

    /** The queue tier of a job (higher tiers wait ahead of lower ones); 0 unless QOS tiers are set. */
    default int tierOf(JobSpec job) {
        return 0;
    }

    /**
     * True if the policy only starts jobs (and asks to be called again): it never preempts, holds or
     * promises, so where on the machine a job runs never matters to it. A run that records nothing
     * then only counts a processor machine's free processors instead of numbering them.
     */
    default boolean startsOnly() {
        return false;
    }

    /**
     * The engine has a periodic tick due in second {@code now} (a Slurm cluster's PriorityCalcPeriod recomputation) and
     * asks whether some of the policy's passes of that second came before it (a log replay: slurmctld's passes recorded
     * at an earlier millisecond than the tick's). If so the policy answers true and the engine calls {@link #schedule}
     * twice at {@code now}: first before the tick, where the policy runs only those passes, then after it, the rest.
     * False (the default): the tick comes first, one call.
     */
    default boolean passesBeforeTick(long now) {
        return false;
    }
}
