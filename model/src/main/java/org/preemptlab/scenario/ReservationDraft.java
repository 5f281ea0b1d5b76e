package org.preemptlab.scenario;

import java.util.List;
import org.preemptlab.reservation.ReservationSpec;

/**
 * An advance reservation of the editor's draft: the reservation (its nodes as node indices of the
 * draft's cluster) and the names of the jobs that name it (kept by name, so editing the job table
 * keeps them; a job removed or renamed leaves it).
 */
public record ReservationDraft(ReservationSpec spec, List<String> jobs) {

    public ReservationDraft {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }

    /** The same reservation from another start (drawn or dragged on the Gantt). */
    public ReservationDraft withStart(long start) {
        return new ReservationDraft(spec.withStart(start), jobs);
    }
}
