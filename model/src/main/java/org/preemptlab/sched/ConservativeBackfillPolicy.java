package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * Conservative backfilling (Mu'alem &amp; Feitelson): every waiting job holds a reservation in an
 * availability profile, made at its earliest fit when it arrives; a job may start early only if it
 * delays no earlier reservation. When a job ends before its estimate, the profile frees the rest of
 * its time and the schedule is compressed: in order of their reserved starts, each reservation is
 * taken out and put back at its earliest fit — never later than before, since its old slot is free.
 * The profile is kept between passes and changed incrementally, not rebuilt.
 */
public final class ConservativeBackfillPolicy implements SchedulingPolicy {

    private record Booking(Placement placement, long from, long to, boolean running) {}

    private AvailabilityProfile profile;
    /** Bookings by job index. */
    private Booking[] bookings = new Booking[1024];
    /** Indices of jobs with a booking (unordered). */
    private int[] booked = new int[1024];
    private int bookedCount;
    /** Pass number in which each job was last seen running or waiting. */
    private long[] seen = new long[1024];
    /** Pass number in which each job was last seen holding resources. */
    private long[] runningSeen = new long[1024];
    private long pass;
    /** Maintenance windows and reservations: no reservation is planned on their nodes while they are down. */
    private List<Reservation> windows = List.of();
    /** The first reservation each job got (the guarantee conservative backfilling keeps), or -1. */
    private long[] firstReservation = new long[0];

    @Override
    public String name() {
        return SchedulerKind.CONSERVATIVE.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        pass++;
        if (profile == null) profile = AvailabilityProfile.of(now, org.preemptlab.alloc.Capacity.of(s.cluster()).copy());
        profile.advanceTo(now);
        windows = s.reservations();
        List<JobView> queue = new ArrayList<>(s.queue());
        for (JobView j : queue) markSeen(j.index());
        for (JobView r : s.running()) {
            markSeen(r.index());
            runningSeen[r.index()] = pass;
        }
        boolean released = dropDeparted(now); // first: a preemptor may now hold its victim's nodes
        released |= syncRunning(s, now);
        if (released) compress(queue, now);
        for (JobView j : queue) {
            if (bookingOf(j.index()) == null) reserve(j, now, now);
        }
        List<Decision> decisions = startDue(s, queue, now);
        long next = nextReservedStart(now);
        if (next != Long.MAX_VALUE) {
            decisions.add(new Decision.CallAt(next, Reason.of("the next reservation begins")));
        }
        return decisions;
    }

    /** The earliest reserved start after now (passes run at events; a reservation may fall between them). */
    private long nextReservedStart(long now) {
        long next = Long.MAX_VALUE;
        for (int k = 0; k < bookedCount; k++) {
            Booking b = bookings[booked[k]];
            if (!b.running && b.from > now) next = Math.min(next, b.from);
        }
        return next;
    }

    private Booking bookingOf(int index) {
        return index < bookings.length ? bookings[index] : null;
    }

    private void markSeen(int index) {
        if (index >= seen.length) {
            seen = Arrays.copyOf(seen, Math.max(index + 1, seen.length * 2));
            runningSeen = Arrays.copyOf(runningSeen, seen.length);
        }
        seen[index] = pass;
    }

    private void put(int index, Booking b) {
        if (index >= bookings.length) bookings = Arrays.copyOf(bookings, Math.max(index + 1, bookings.length * 2));
        if (bookings[index] == null) {
            if (bookedCount == booked.length) booked = Arrays.copyOf(booked, booked.length * 2);
            booked[bookedCount++] = index;
        }
        bookings[index] = b;
    }

    private void book(int index, Placement p, long from, long to, boolean running) {
        profile.book(p, from, to);
        put(index, new Booking(p, from, to, running));
    }

    private void unbook(Booking b, long now) {
        if (b.to > now) profile.unbook(b.placement, Math.max(now, b.from), b.to);
    }

    /**
     * Books running jobs whose booking is missing or out of date; true if time was freed. A job this
     * policy did not start (a preemptor, an owner's job, a resumed one) may sit where waiting jobs were
     * promised: then every waiting reservation is dropped and made again, in queue order, afterwards.
     */
    private boolean syncRunning(Snapshot s, long now) {
        boolean released = false;
        List<JobView> changed = new ArrayList<>();
        boolean foreign = false;
        for (JobView r : s.running()) {
            long end = Math.max(r.estimatedEnd(), now + 1);
            Booking b = bookingOf(r.index());
            if (b != null && b.running && b.to == end && samePlace(b.placement, r.placement())) continue;
            changed.add(r);
            foreign |= b == null || !b.running || !samePlace(b.placement, r.placement()) || end > b.to;
        }
        if (foreign) dropWaitingBookings(now);
        for (JobView r : changed) {
            long end = Math.max(r.estimatedEnd(), now + 1);
            Booking b = bookingOf(r.index());
            if (b != null) {
                unbook(b, now);
                released |= b.to > end || !b.running;
            }
            book(r.index(), r.placement(), now, end, true);
        }
        return released;
    }

    private void dropWaitingBookings(long now) {
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            Booking b = bookings[index];
            if (b.running) continue;
            unbook(b, now);
            bookings[index] = null;
            booked[k--] = booked[--bookedCount];
        }
    }

    /** Removes bookings of jobs that are neither running nor waiting any more. */
    private boolean dropDeparted(long now) {
        boolean released = false;
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            Booking b = bookings[index];
            if (seen[index] == pass && (!b.running || runningSeen[index] == pass)) continue; // still there, same role
            if (b.to > now) released = true;
            unbook(b, now);
            bookings[index] = null;
            booked[k--] = booked[--bookedCount];
        }
        return released;
    }

    /** Re-places every waiting reservation, in order of reserved start, at its earliest fit. */
    private void compress(List<JobView> queue, long now) {
        int n = 0;
        long[] keys = new long[queue.size()];
        JobView[] byPosition = queue.toArray(new JobView[0]);
        for (int pos = 0; pos < byPosition.length; pos++) {
            Booking b = bookingOf(byPosition[pos].index());
            if (b != null && !b.running && b.from > now) keys[n++] = (b.from << 22) | pos;
        }
        if (n == 0) return;
        Arrays.sort(keys, 0, n);
        for (int k = 0; k < n; k++) {
            JobView job = byPosition[(int) (keys[k] & ((1 << 22) - 1))];
            Booking old = bookings[job.index()];
            AvailabilityProfile.Slot slot = profile.earlierFit(job.spec(), now, old.placement, old.from, old.to, windows);
            if (slot == null) continue;
            profile.unbook(old.placement, old.from, old.to);
            book(job.index(), slot.placement(), slot.start(), slot.start() + (old.to - old.from), false);
        }
    }

    private void reserve(JobView job, long now, long from) {
        long duration = job.requestedWalltime();
        AvailabilityProfile.Slot slot = profile.earliestFit(job.spec(), from, duration, windows);
        if (slot == null) return; // never fits this cluster: stays unbooked
        book(job.index(), slot.placement(), slot.start(), slot.start() + duration, false);
        int i = job.index();
        if (i >= firstReservation.length) {
            int old = firstReservation.length;
            firstReservation = Arrays.copyOf(firstReservation, Math.max(i + 1, old * 2));
            Arrays.fill(firstReservation, old, firstReservation.length, -1);
        }
        if (firstReservation[i] < 0) firstReservation[i] = slot.start();
    }

    /** The start time first promised to a job (its reservation when it arrived), or -1. */
    public long firstReservation(int jobIndex) {
        return jobIndex < firstReservation.length ? firstReservation[jobIndex] : -1;
    }

    private List<Decision> startDue(Snapshot s, List<JobView> queue, long now) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = null;
        for (JobView j : queue) {
            Booking b = bookingOf(j.index());
            if (b == null || b.from != now) continue;
            if (free == null) free = s.freeCapacity();
            if (!fitsNow(free, b.placement)) {
                // the machine changed under the plan (a failure, a maintenance window): plan again
                unbook(b, now);
                bookings[j.index()] = null;
                removeFromBooked(j.index());
                reserve(j, now, now + 1);
                continue;
            }
            Placement p = free.take(b.placement);
            put(j.index(), new Booking(b.placement, now, b.to, true));
            decisions.add(new Decision.Start(j, p, new StartReason.ReservationDue(j.name(), now)));
        }
        return decisions;
    }

    private void removeFromBooked(int index) {
        for (int k = 0; k < bookedCount; k++) {
            if (booked[k] == index) {
                booked[k] = booked[--bookedCount];
                return;
            }
        }
    }

    /** Processor-mode bookings hold counts; the engine's placements name processors. */
    private static boolean samePlace(Placement booked, Placement actual) {
        if (!booked.isConcrete() || !actual.isConcrete()) return booked.procs() == actual.procs();
        return booked.equals(actual);
    }

    private static boolean fitsNow(Capacity free, Placement p) {
        if (!p.isConcrete()) return p.procs() <= free.freeCores();
        Capacity probe = free.copy();
        try {
            probe.take(p);
            return true;
        } catch (IllegalStateException notFree) {
            return false;
        }
    }

}
