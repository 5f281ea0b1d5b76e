package org.preemptlab.slurmsched;

import static org.preemptlab.time.SimTime.format;

import org.preemptlab.sched.Reason;

/** Why Slurm's loop started a job; formatted only when shown. */
public sealed interface SlurmStartReason extends Reason {

    /** The main scheduler: first of its partition in priority order that fits. */
    record Main(String job, long priority, boolean fullPass) implements SlurmStartReason {
        public String text() {
            return Reason.job(job) + " started by the main scheduler in priority order (priority " + priority + ", "
                    + (fullPass ? "periodic pass over the whole queue" : "pass after a submit or an end") + ")";
        }
    }

    /** The backfill scheduler: fits now without delaying any planned start of a higher-priority job. */
    record Backfill(String job, long priority, int plannedBefore) implements SlurmStartReason {
        public String text() {
            return Reason.job(job) + " started by the backfill scheduler (priority " + priority + "): it fits now without delaying"
                    + " the " + plannedBefore + " planned start" + (plannedBefore == 1 ? "" : "s") + " of higher-priority jobs";
        }
    }

    /** A planned start (not a start): used in {@link SlurmSchedulerPolicy.Cycle} for tests and the Why list. */
    record Planned(String job, long at) implements SlurmStartReason {
        public String text() {
            return Reason.job(job) + " has a planned start at " + format(at);
        }
    }
}
