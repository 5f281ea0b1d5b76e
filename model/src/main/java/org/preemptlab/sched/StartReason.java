package org.preemptlab.sched;

import static org.preemptlab.time.SimTime.format;

import org.preemptlab.time.SimTime;

/** Why a job was started; formatted only when shown. */
public sealed interface StartReason extends Reason {

    /** Started in queue order: it was first in line and fit. */
    record InOrder(String job, long freeCores) implements StartReason {
        public String text() {
            return "job " + job + " started in queue order: it fit in the " + freeCores + " free cores";
        }
    }

    /** Backfilled: by its estimate it ends before the head job's reservation. */
    record EndsBeforeShadow(String job, long estimatedEnd, String head, long shadow) implements StartReason {
        public String text() {
            return "job " + job + " backfilled: its estimate ends at " + format(estimatedEnd) + ", before head job "
                    + head + "'s reservation at " + format(shadow);
        }
    }

    /** Backfilled on resources the head job's reservation does not need. */
    record UsesExtra(String job, String head, long shadow) implements StartReason {
        public String text() {
            return "job " + job + " backfilled on cores that head job " + head + " does not need at its reservation ("
                    + format(shadow) + ")";
        }
    }

    /** Conservative backfilling: its reservation came due (possibly early, delaying no earlier reservation). */
    record ReservationDue(String job, long reservedAt) implements StartReason {
        public String text() {
            return "job " + job + " started at its reservation (" + format(reservedAt)
                    + "): it delays no earlier job's reservation";
        }
    }

    /** Started by the aggressive backfill with a predicted run time. */
    record Predicted(String job, long predicted, String head, long shadow) implements StartReason {
        public String text() {
            return "job " + job + " backfilled aggressively: predicted to run " + SimTime.duration(predicted)
                    + ", before head job " + head + "'s reservation at " + format(shadow)
                    + " (preempted if it is still running then)";
        }
    }
}
