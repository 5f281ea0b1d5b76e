package org.preemptlab.sched;

import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.alloc.ProcessorCapacity;
import org.preemptlab.job.JobSpec;

/**
 * Free resources over future time, for reservations: bookings take a placement out of an
 * interval; the earliest-fit search finds the first start from which one placement is free over a
 * job's whole duration.
 */
public interface AvailabilityProfile {

    /** A start time and a placement free over the job's whole duration from then. */
    record Slot(long start, Placement placement) {}

    /** A profile that is {@code free} from {@code from} on; the fastest kind for that capacity. */
    static AvailabilityProfile of(long from, Capacity free) {
        return free instanceof ProcessorCapacity pc ? new CountProfile(from, pc.free()) : new StepProfile(from, free);
    }

    /**
     * A profile that is {@code free} from {@code from} on, to which each {@code placements[i]} returns
     * at {@code times[i]} (> from) and stays: the running jobs' ends, built step by step in one sweep
     * (unbooking them one by one would touch every later step for each).
     */
    static AvailabilityProfile ofReleases(long from, Capacity free, long[] times, Placement[] placements) {
        if (free instanceof ProcessorCapacity pc) {
            int up = pc.free();
            for (Placement placement : placements) up += placement.procs();
            AvailabilityProfile p = new CountProfile(from, pc.free(), up);
            for (int i = 0; i < times.length; i++) p.unbook(placements[i], times[i], Long.MAX_VALUE);
            return p;
        }
        return StepProfile.ofReleases(from, free, times, placements);
    }

    /** Forgets everything before {@code now}. */
    void advanceTo(long now);

    /** Takes the placement out of every instant in [from, to). */
    void book(Placement placement, long from, long to);

    /** Gives the placement back over [from, to). */
    void unbook(Placement placement, long from, long to);

    /**
     * Earliest start ≥ {@code from} with a placement free over [start, start + duration), or null.
     * The nodes of a window are out of reach for a start inside the window, and for any interval
     * the window's drain rule blocks ({@link Reservation#blocks}).
     */
    Slot earliestFit(JobSpec job, long from, long duration, java.util.List<Reservation> windows);

    /** True if the window takes its nodes away from a job running over [start, end). */
    static boolean masks(Reservation r, long start, long end) {
        return (start >= r.start() && start < r.end()) || r.blocks(start, end);
    }

    /**
     * As {@link #masks(Reservation, long, long)} for this job: never for a member of the reservation
     * (a confined member is kept to its reservation by {@link Reservations#usable} instead).
     */
    static boolean masks(Reservation r, JobSpec job, long start, long end) {
        return !r.admits(job) && masks(r, start, end);
    }

    /**
     * For a job booked as {@code own} over [ownFrom, ownTo): the earliest slot from {@code from}
     * that starts before {@code ownFrom}, counting its own booking as free; null if there is none.
     * The profile is left unchanged.
     */
    default Slot earlierFit(JobSpec job, long from, Placement own, long ownFrom, long ownTo,
            java.util.List<Reservation> windows) {
        unbook(own, ownFrom, ownTo);
        Slot slot = earliestFit(job, from, ownTo - ownFrom, windows);
        book(own, ownFrom, ownTo);
        return slot != null && slot.start() < ownFrom ? slot : null;
    }
}
