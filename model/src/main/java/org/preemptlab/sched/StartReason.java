package org.preemptlab.sched;

import static org.preemptlab.time.SimTime.format;

import org.preemptlab.job.JobSpec;
import org.preemptlab.units.Units;

/**
 * Why a job was started; formatted only when shown. The jobs are held as their specs, not their names:
 * a trace's job is named by its number, whose text is made only when the reason is shown (a million-job
 * run that records nothing makes none).
 */
public sealed interface StartReason extends Reason {

    /** Started in queue order: it was first in line and fit. */
    record InOrder(JobSpec job, long freeCores) implements StartReason {
        public String text() {
            return Reason.job(job.name()) + " started in queue order: it fit in the " + Units.count(freeCores, "free core");
        }
    }

    /** Backfilled: by its estimate it ends before the head job's reservation. */
    record EndsBeforeShadow(JobSpec job, long estimatedEnd, JobSpec head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job.name()) + " backfilled: its estimate ends at " + format(estimatedEnd) + ", before head "
                    + Reason.job(head.name()) + "'s reservation at " + format(shadow);
        }
    }

    /** Backfilled on resources the head job's reservation does not need. */
    record UsesExtra(JobSpec job, JobSpec head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job.name()) + " backfilled on cores that head " + Reason.job(head.name()) + " does not need at its reservation ("
                    + format(shadow) + ")";
        }
    }

    /** Conservative backfilling: its reservation came due (possibly early, delaying no earlier reservation). */
    record ReservationDue(JobSpec job, long reservedAt) implements StartReason {
        public String text() {
            return Reason.job(job.name()) + " started at its reservation (" + format(reservedAt)
                    + "): it delays no earlier job's reservation";
        }
    }

    /** Started by the aggressive backfill with a predicted run time. */
    record Predicted(JobSpec job, long predicted, JobSpec head, long shadow) implements StartReason {
        public String text() {
            return Reason.job(job.name()) + " backfilled aggressively: predicted to run " + Units.duration(predicted)
                    + ", before head " + Reason.job(head.name()) + "'s reservation at " + format(shadow)
                    + " (preempted if it is still running then)";
        }
    }
}
