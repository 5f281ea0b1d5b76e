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

    /**
     * The engine has an event of second {@code now} recorded at millisecond {@code millis} of the run's clock (a recorded
     * same-second order, {@code sim.SameSecondOrder}: a submit or an end slurmctld logged) and asks whether some of the
     * policy's passes of that second not yet run came before it. If so the policy answers true and the engine calls
     * {@link #schedule} at {@code now} before it applies the event, where the policy runs only those passes; the event
     * is then applied and the later passes see it. False (the default): the event comes before every pass of its second.
     */
    default boolean passesBefore(long now, long millis) {
        return false;
    }

    /**
     * The millisecond of the run's clock at which the periodic tick of second {@code now} (see {@link #passesBeforeTick})
     * came, if the policy knows it (a log replay), else {@link Long#MIN_VALUE}: the tick then comes before every event
     * and pass of its second.
     */
    default long tickMillis(long now) {
        return Long.MIN_VALUE;
    }

    /**
     * The millisecond of the run's clock of the recorded pass that started {@code job} (a log replay, where the passes run
     * at the instants slurmctld recorded), else {@link Long#MIN_VALUE}. With a recorded same-second order the engine
     * places the job's end at this instant + the job's recorded run ({@code sim.SameSecondOrder#endAt}).
     */
    default long startMillis(org.preemptlab.job.JobView job) {
        return Long.MIN_VALUE;
    }
}
