package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

    private AvailabilityProfile profile;
    /** The profile when it counts processors (a processor machine): searched and changed by count. */
    private CountProfile counts;
    // Bookings by job index, in parallel arrays (a booking is there if its placement is not null):
    // the placement booked, over [from, to), and whether the job was running when booked.
    private Placement[] bookedPlace = new Placement[1024];
    private long[] bookedFrom = new long[1024];
    private long[] bookedTo = new long[1024];
    private boolean[] bookedRunning = new boolean[1024];
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
    /** Scratch of one pass: the waiting jobs in queue order (emptied before the pass returns). */
    private JobView[] queue = new JobView[64];
    /** Their job indices, read once by the walk (later steps need no call on the view). */
    private int[] queueIndex = new int[64];
    private int queued;
    /** Scratch of one compression: sort keys (reserved start, queue position). */
    private long[] keys = new long[64];
    /**
     * Scratch of one pass, found by its walk of the queue and kept up to date by the changes after
     * it, so that no later step walks the queue again: the queue positions of jobs without a waiting
     * booking (to reserve), of jobs whose booking begins now (to start), and the earliest reserved
     * start after now. Void (a full walk instead) when every waiting booking was dropped.
     */
    private int[] unbooked = new int[64];
    private int unbookedCount;
    private int[] due = new int[64];
    private int dueCount;
    private long nextStart;
    /*
     * Skipping the walk of the running jobs. That walk finds the running jobs whose booking is missing or
     * out of date and, with the queue's, the bookings of jobs that left; it finds nothing when the running
     * set changed only by this policy's own starts, each carried out as booked, and no running booking's
     * end has been reached. The snapshot's count of unplanned running-set changes says the first, the
     * checks of the last pass's starts the second, and the earliest end of a running booking the third;
     * then the walk is skipped (about half of the passes: those of submissions and reservation starts).
     * What is kept here is no copy of the engine's state: a number read from the snapshot and facts about
     * this policy's own bookings; if the engine's count is unknown (-1) or anything differs, the walk runs.
     */
    private final boolean skipUnchangedRunning;
    /** The snapshot's count of unplanned running-set changes at the last pass, or -1. */
    private long lastUnplanned = -1;
    /** Every start of the last pass was decided at its booking's place, ending where its booking ends. */
    private boolean startsAsBooked;
    /** No running job's booking ends before this (a lower bound: the earliest end found by the last walk and the starts since). */
    private long runningBookedUntil;
    /** Passes that skipped the walk of the running jobs (for the tests). */
    private long runningWalksSkipped;
    /** Reservations that could not start when due and were planned again (for the tests). */
    private long replans;

    public ConservativeBackfillPolicy() {
        this(true);
    }

    /** With {@code skipUnchangedRunning} false, every pass walks the running jobs (the tests' reference). */
    ConservativeBackfillPolicy(boolean skipUnchangedRunning) {
        this.skipUnchangedRunning = skipUnchangedRunning;
    }

    /** Passes that did not walk the running jobs since this policy was made. */
    long runningWalksSkipped() {
        return runningWalksSkipped;
    }

    /** Reservations planned again because they could not start when due, since this policy was made. */
    long replans() {
        return replans;
    }

    /** Step capacities the profile's searches around windows combined since this policy was made (0 by counts). */
    long stepsMet() {
        return profile instanceof StepProfile p ? p.stepsMet() : 0;
    }

    /** Starts only: never preempts, holds or promises. */
    @Override
    public boolean startsOnly() {
        return true;
    }

    @Override
    public String name() {
        return SchedulerKind.CONSERVATIVE.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        pass++;
        if (profile == null) {
            profile = AvailabilityProfile.of(now, org.preemptlab.alloc.Capacity.of(s.cluster()).copy());
            counts = profile instanceof CountProfile c ? c : null;
        }
        profile.advanceTo(now);
        windows = s.reservations();
        List<Reservation> failed = s.failedNodes();
        if (!failed.isEmpty()) planAroundFailures(failed, now);
        long unplanned = s.unplannedRunningChanges();
        boolean runningAsBooked = skipUnchangedRunning && unplanned >= 0 && unplanned == lastUnplanned
                && startsAsBooked && now < runningBookedUntil;
        lastUnplanned = unplanned;
        startsAsBooked = true;
        Collection<? extends JobView> waiting = s.queue();
        if (queue.length < waiting.size()) {
            queue = new JobView[Math.max(waiting.size(), queue.length * 2)];
            queueIndex = new int[queue.length];
        }
        queued = 0;
        if (unbooked.length < waiting.size()) {
            unbooked = new int[queue.length];
            due = new int[queue.length];
        }
        unbookedCount = 0;
        dueCount = 0;
        nextStart = Long.MAX_VALUE;
        int kept = 0; // bookings dropDeparted would keep: waiting ones of queued jobs, any of running jobs
        for (JobView j : waiting) {
            int i = j.index();
            markSeen(i);
            if (hasBooking(i) && !bookedRunning[i]) {
                kept++;
                long from = bookedFrom[i];
                if (from == now) due[dueCount++] = queued;
                else if (from > now) nextStart = Math.min(nextStart, from);
            } else {
                unbooked[unbookedCount++] = queued; // a running booking of a queued job is dropped below
            }
            queueIndex[queued] = i;
            queue[queued++] = j;
        }
        List<JobView> changed = null;
        boolean foreign = false;
        int runningBooked = runningAsBooked ? runningBookings() : 0;
        if (runningAsBooked && kept + runningBooked == bookedCount) {
            // the running jobs are those of the last pass and its starts, each with its booking (see the
            // fields above): the walk below would count them all kept and change nothing; nothing departed
            runningWalksSkipped++;
            kept += runningBooked;
        } else {
            // one walk of the running jobs: marks them and finds those whose booking is missing or out of
            // date (dropDeparted, next, leaves their bookings alone: they are running now)
            long until = Long.MAX_VALUE;
            for (JobView r : s.running()) {
                int i = r.index();
                markSeen(i);
                runningSeen[i] = pass;
                long end = Math.max(r.estimatedEnd(), now + 1);
                until = Math.min(until, end); // every running booking ends at its job's end after this pass
                boolean has = hasBooking(i);
                if (has) kept++;
                if (has && bookedRunning[i] && bookedTo[i] == end && samePlace(bookedPlace[i], r.placement())) continue;
                if (changed == null) changed = new ArrayList<>();
                changed.add(r);
                foreign |= !has || !bookedRunning[i] || !samePlace(bookedPlace[i], r.placement()) || end > bookedTo[i];
            }
            runningBookedUntil = until;
        }
        try {
            // first: a preemptor may now hold its victim's nodes; nothing departed if every booking is kept
            boolean released = kept != bookedCount && dropDeparted(now);
            if (changed != null) released |= syncRunning(changed, foreign, now);
            if (foreign) walkAgain(now); // every waiting booking was dropped
            if (released) compress(now);
            for (int u = 0; u < unbookedCount; u++) {
                int q = unbooked[u];
                if (hasBooking(queueIndex[q])) continue;
                reserve(queue[q], now, now);
                noteStart(q, now);
            }
            List<Decision> decisions = new ArrayList<>();
            long next = startDue(s, now, decisions);
            if (next != Long.MAX_VALUE) {
                decisions.add(new Decision.CallAt(next, Reason.of("the next reservation begins")));
            }
            return decisions;
        } finally {
            Arrays.fill(queue, 0, queued, null); // no engine view is kept between passes
            queued = 0;
        }
    }

    /**
     * Nodes down for a failure come back at their repair: no reservation is planned on them before.
     * On nodes they are windows, as maintenance is; on a processor machine (bookings by count) each
     * failed processor is taken out of the counts until its repair, once per failure. Without this
     * the profile counted them free, a reservation made there could not start when due, and it was
     * made again one second later, pass after pass, until the repair (thousands of passes).
     */
    private void planAroundFailures(List<Reservation> failed, long now) {
        if (counts == null) {
            List<Reservation> all = new ArrayList<>(windows.size() + failed.size());
            all.addAll(windows);
            all.addAll(failed);
            windows = all;
            return;
        }
        for (Reservation r : failed) {
            int node = r.nodes()[0];
            Long until = failedUntil.get(node);
            if (until != null && until == r.end()) continue;
            failedUntil.put(node, r.end());
            counts.take(1, now, r.end());
        }
        failedUntil.values().removeIf(until -> until <= now);
    }

    /** On a processor machine: the failed processors taken out of the counts, until their repair. */
    private final java.util.Map<Integer, Long> failedUntil = new java.util.HashMap<>();

    /** The bookings of running jobs (a walk of this policy's own arrays, not of the engine's set). */
    private int runningBookings() {
        int n = 0;
        for (int k = 0; k < bookedCount; k++) if (bookedRunning[booked[k]]) n++;
        return n;
    }

    /** The pass's queue walk again, after its waiting bookings were dropped: all are unbooked now. */
    private void walkAgain(long now) {
        unbookedCount = 0;
        dueCount = 0;
        nextStart = Long.MAX_VALUE;
        for (int q = 0; q < queued; q++) {
            int i = queueIndex[q];
            if (hasBooking(i) && !bookedRunning[i]) noteStart(q, now);
            else unbooked[unbookedCount++] = q;
        }
    }

    /** Notes where queue position q's booking (if any) begins: now (due) or the next start after now. */
    private void noteStart(int q, long now) {
        int i = queueIndex[q];
        if (!hasBooking(i)) return;
        long from = bookedFrom[i];
        if (from == now) due[dueCount++] = q;
        else if (from > now) nextStart = Math.min(nextStart, from);
    }

    private boolean hasBooking(int index) {
        return index < bookedPlace.length && bookedPlace[index] != null;
    }

    private void markSeen(int index) {
        if (index >= seen.length) {
            seen = Arrays.copyOf(seen, Math.max(index + 1, seen.length * 2));
            runningSeen = Arrays.copyOf(runningSeen, seen.length);
        }
        seen[index] = pass;
    }

    private void put(int index, Placement p, long from, long to, boolean running) {
        if (index >= bookedPlace.length) {
            int n = Math.max(index + 1, bookedPlace.length * 2);
            bookedPlace = Arrays.copyOf(bookedPlace, n);
            bookedFrom = Arrays.copyOf(bookedFrom, n);
            bookedTo = Arrays.copyOf(bookedTo, n);
            bookedRunning = Arrays.copyOf(bookedRunning, n);
        }
        if (bookedPlace[index] == null) {
            if (bookedCount == booked.length) booked = Arrays.copyOf(booked, booked.length * 2);
            booked[bookedCount++] = index;
        }
        bookedPlace[index] = p;
        bookedFrom[index] = from;
        bookedTo[index] = to;
        bookedRunning[index] = running;
    }

    private void book(int index, Placement p, long from, long to, boolean running) {
        profile.book(p, from, to);
        put(index, p, from, to, running);
    }

    /** Gives the rest of job {@code index}'s booking back to the profile (the booking itself stays). */
    private void unbook(int index, long now) {
        if (bookedTo[index] > now) profile.unbook(bookedPlace[index], Math.max(now, bookedFrom[index]), bookedTo[index]);
    }

    /**
     * Books the running jobs whose booking is missing or out of date ({@code changed}); true if time
     * was freed. A job this policy did not start (a preemptor, an owner's job, a resumed one:
     * {@code foreign}) may sit where waiting jobs were promised: then every waiting reservation is
     * dropped and made again, in queue order, afterwards.
     */
    private boolean syncRunning(List<JobView> changed, boolean foreign, long now) {
        boolean released = false;
        if (foreign) dropWaitingBookings(now);
        for (JobView r : changed) {
            long end = Math.max(r.estimatedEnd(), now + 1);
            int i = r.index();
            if (hasBooking(i)) {
                unbook(i, now);
                released |= bookedTo[i] > end || !bookedRunning[i];
            }
            book(i, r.placement(), now, end, true);
        }
        return released;
    }

    private void dropWaitingBookings(long now) {
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            if (bookedRunning[index]) continue;
            unbook(index, now);
            bookedPlace[index] = null;
            booked[k--] = booked[--bookedCount];
        }
    }

    /** Removes bookings of jobs that are neither running nor waiting any more. */
    private boolean dropDeparted(long now) {
        boolean released = false;
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            if (seen[index] == pass && (!bookedRunning[index] || runningSeen[index] == pass)) continue; // still there, same role
            if (bookedTo[index] > now) released = true;
            unbook(index, now);
            bookedPlace[index] = null;
            booked[k--] = booked[--bookedCount];
        }
        return released;
    }

    /** Re-places every waiting reservation, in order of reserved start, at its earliest fit. */
    private void compress(long now) {
        int n = 0;
        if (keys.length < queued) keys = new long[Math.max(queued, keys.length * 2)];
        for (int pos = 0; pos < queued; pos++) {
            int i = queueIndex[pos];
            if (hasBooking(i) && !bookedRunning[i] && bookedFrom[i] > now) keys[n++] = (bookedFrom[i] << 22) | pos;
        }
        if (n == 0) return;
        Arrays.sort(keys, 0, n);
        // every booking that began after now is here: the next start is found again from them
        nextStart = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            int pos = (int) (keys[k] & ((1 << 22) - 1));
            int i = queueIndex[pos];
            Placement own = bookedPlace[i];
            long from = bookedFrom[i];
            long to = bookedTo[i];
            if (counts != null && windows.isEmpty() && !own.isConcrete()) {
                // by count: a waiting booking holds Placement.ofCount(the job's processors) (made by
                // the searches below and in reserve), so the job's processors are the booking's
                long start = counts.earlierStart(own.procs(), now, own.procs(), from, to);
                if (start != CountProfile.NONE) moveByCount(i, own, from, to, start);
            } else {
                AvailabilityProfile.Slot slot = profile.earlierFit(queue[pos].spec(), now, own, from, to, windows);
                if (slot != null) move(i, own, from, to, slot);
            }
            noteStart(pos, now);
        }
    }

    /**
     * Moves job {@code index}'s booking from [from, to) to the earlier slot. Counts (a processor
     * machine) that overlap the old booking change only outside the overlap: [start, from) is taken,
     * [end, to) given back — the same steps as giving all back and taking all again, as the profile
     * keeps no equal neighbours (one step function, one form), with fewer steps walked.
     */
    private void move(int index, Placement own, long from, long to, AvailabilityProfile.Slot slot) {
        long start = slot.start();
        long end = start + (to - from);
        Placement p = slot.placement();
        if (end > from && !own.isConcrete() && !p.isConcrete() && own.procs() == p.procs()) {
            profile.book(p, start, from);
            profile.unbook(own, end, to);
            put(index, p, start, end, false);
        } else {
            profile.unbook(own, from, to);
            book(index, p, start, end, false);
        }
    }

    /** {@link #move} on a processor machine: the booking keeps its count placement, which is the job's. */
    private void moveByCount(int index, Placement own, long from, long to, long start) {
        long end = start + (to - from);
        int p = own.procs();
        if (end > from) {
            counts.take(p, start, from);
            counts.giveBack(p, end, to);
        } else {
            counts.giveBack(p, from, to);
            counts.take(p, start, end);
        }
        put(index, own, start, end, false);
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

    /**
     * Starts the jobs whose reservation begins now; returns the earliest reserved start after now
     * (passes run at events; a reservation may fall between them). Every waiting booking is a queued
     * job's here: the departed ones were dropped, and a booked job that started elsewhere is booked
     * as running by {@link #syncRunning}.
     */
    private long startDue(Snapshot s, long now, List<Decision> decisions) {
        long next = nextStart;
        Capacity free = null;
        if (dueCount > 1) Arrays.sort(due, 0, dueCount); // queue order
        for (int d = 0; d < dueCount; d++) {
            JobView j = queue[due[d]];
            int i = j.index();
            if (free == null) free = s.freeCapacity();
            Placement place = bookedPlace[i];
            if (!fitsNow(free, place)) {
                // the machine changed under the plan (a failure, a maintenance window): plan again
                unbook(i, now);
                bookedPlace[i] = null;
                removeFromBooked(i);
                replans++;
                reserve(j, now, now + 1);
                if (hasBooking(i)) next = Math.min(next, bookedFrom[i]);
                continue;
            }
            Placement p = free.take(place);
            // the next pass may skip its walk of the running jobs if this job runs as booked: at the
            // booking's place, to its end (a waiting job's estimated end is the wall time it asks for)
            startsAsBooked &= bookedTo[i] == now + j.estimatedEnd() && samePlace(place, p);
            runningBookedUntil = Math.min(runningBookedUntil, bookedTo[i]);
            put(i, place, now, bookedTo[i], true);
            decisions.add(new Decision.Start(j, p, new StartReason.ReservationDue(j.spec(), now)));
        }
        return next;
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
