package org.preemptlab.sched;

import static org.preemptlab.time.SimTime.format;

import org.preemptlab.units.Units;

/** Why a job was started; formatted only when shown. */
public sealed interface StartReason extends Reason {

    /** Started in queue order: it was first in line and fit. */
    record InOrder(String job, long freeCores) implements StartReason {
        public String text() {
            return Reason.job(job) + " started in queue order: it fit in the " + Units.count(freeCores, "free core");
        }
    }

    /** Backfilled: by its estimate it ends before the head job's reservation. */
    record EndsBeforeShadow(String job, long estimatedEnd, String head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job) + " backfilled: its estimate ends at " + format(estimatedEnd) + ", before head "
                    + Reason.job(head) + "'s reservation at " + format(shadow);
        }
    }

    /** Backfilled on resources the head job's reservation does not need. */
    record UsesExtra(String job, String head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job) + " backfilled on cores that head " + Reason.job(head) + " does not need at its reservation ("
                    + format(shadow) + ")";
        }
    }

    /** Conservative backfilling: its reservation came due (possibly early, delaying no earlier reservation). */
    record ReservationDue(String job, long reservedAt) implements StartReason {
        public String text() {
            return Reason.job(job) + " started at its reservation (" + format(reservedAt)
                    + "): it delays no earlier job's reservation";
        }
    }

    /** Started by the aggressive backfill with a predicted run time. */
    record Predicted(String job, long predicted, String head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job) + " backfilled aggressively: predicted to run " + Units.duration(predicted)
                    + ", before head " + Reason.job(head) + "'s reservation at " + format(shadow)
                    + " (preempted if it is still running then)";
        }
    }
}
