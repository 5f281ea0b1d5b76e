package org.preemptlab.sched;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.ProcessorCapacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * The EASY reservation of the first waiting job: the shadow time (the earliest instant at which,
 * by the running jobs' estimated ends and the maintenance windows' ends, the head fits on nodes no
 * window blocks while it would run) and the extra resources (what is still free at the shadow time
 * once the head has taken its share).
 *
 * @param shadow time of the reservation ({@link Long#MAX_VALUE} if the head never fits)
 * @param extra  free resources at the shadow time beyond the head's needs (null if it never fits)
 */
public record HeadReservation(long shadow, Capacity extra) {

    /** A job started during the current pass: its estimated end and where it runs. */
    public record Started(long estimatedEnd, Placement placement) {}

    // BY_END and NONE are classes, not lambdas: a one-shot run links no lambda (docs/performance.md, "Cold runs")
    private static final Comparator<Started> BY_END = new Comparator<>() {
        @Override
        public int compare(Started a, Started b) {
            return Long.compare(a.estimatedEnd(), b.estimatedEnd());
        }
    };

    /**
     * Walks the estimated ends of running jobs (and of those started earlier in this pass), releasing
     * all ends of one instant together, until the head fits.
     *
     * @param free      free resources now (after this pass's starts)
     * @param startedNow jobs started in this pass, any order (sorted here)
     */
    public static HeadReservation of(Snapshot s, Capacity free, List<Started> startedNow, JobView head) {
        return of(s, free, startedNow, head, NONE);
    }

    /** No running job is preemptable (plain EASY): the walk then tests none of them. */
    private static final java.util.function.Predicate<JobView> NONE = new java.util.function.Predicate<>() {
        @Override
        public boolean test(JobView job) {
            return false;
        }
    };

    private static final long[] NO_WINDOWS = new long[0];

    /**
     * As {@link #of(Snapshot, Capacity, List, JobView)}, counting the running jobs that
     * {@code preemptable} accepts as gone already (they will be preempted if they are in the way).
     */
    public static HeadReservation of(Snapshot s, Capacity free, List<Started> startedNow, JobView head,
            java.util.function.Predicate<JobView> preemptable) {
        if (preemptable == NONE && s.reservations().isEmpty() && free instanceof ProcessorCapacity count) {
            return counted(s, count, startedNow, head);
        }
        return walk(s, free, startedNow, head, preemptable);
    }

    /**
     * The walk of {@link #of} over scratch capacities and placements: a method of its own, so that a plain EASY
     * run (which only counts) has C1 compile the short test above and not this walk with it.
     */
    private static HeadReservation walk(Snapshot s, Capacity free, List<Started> startedNow, JobView head,
            java.util.function.Predicate<JobView> preemptable) {
        long now = s.now();
        List<Reservation> windows = s.reservations();
        boolean anyPreemptable = preemptable != NONE;
        long walltime = head.requestedWalltime();
        Capacity scratch = free.copy();
        if (anyPreemptable) for (JobView r : s.running()) if (preemptable.test(r)) scratch.release(r.placement());
        Placement fit = fit(scratch, windows, now, walltime, head);
        if (fit != null) {
            scratch.take(fit);
            return new HeadReservation(now, scratch);
        }
        startedNow.sort(BY_END);
        long[] windowEnds = windowEnds(windows, now, head);
        int nextWindow = 0;
        Iterator<? extends JobView> running = s.running().iterator();
        JobView nextRunning = running.hasNext() ? running.next() : null;
        int nextStarted = 0;
        while (nextRunning != null || nextStarted < startedNow.size() || nextWindow < windowEnds.length) {
            long tRun = nextRunning == null ? Long.MAX_VALUE : Math.max(now, nextRunning.estimatedEnd());
            long tNew = nextStarted < startedNow.size() ? startedNow.get(nextStarted).estimatedEnd() : Long.MAX_VALUE;
            long tWin = nextWindow < windowEnds.length ? windowEnds[nextWindow] : Long.MAX_VALUE;
            long t = Math.min(tWin, Math.min(tRun, tNew));
            while (nextRunning != null && Math.max(now, nextRunning.estimatedEnd()) == t) {
                if (!anyPreemptable || !preemptable.test(nextRunning)) scratch.release(nextRunning.placement());
                nextRunning = running.hasNext() ? running.next() : null;
            }
            while (nextStarted < startedNow.size() && startedNow.get(nextStarted).estimatedEnd() == t) {
                scratch.release(startedNow.get(nextStarted++).placement());
            }
            while (nextWindow < windowEnds.length && windowEnds[nextWindow] == t) nextWindow++;
            fit = fit(scratch, windows, t, walltime, head);
            if (fit != null) {
                scratch.take(fit);
                return new HeadReservation(t, scratch);
            }
        }
        return new HeadReservation(Long.MAX_VALUE, null);
    }

    /**
     * {@link #of} on a processor machine with no window and nothing preemptable, by counting: the head
     * fits at the first instant (now, or an estimated end) by which enough processors are free; the same
     * walk, without a scratch capacity or a placement per instant.
     */
    private static HeadReservation counted(Snapshot s, ProcessorCapacity free, List<Started> startedNow, JobView head) {
        long now = s.now();
        int need = head.spec().procs();
        int total = free.total();
        long avail = free.free();
        if (avail >= need) return new HeadReservation(now, ProcessorCapacity.counting(total, (int) (avail - need)));
        if (startedNow.size() > 1) startedNow.sort(BY_END);
        Iterator<? extends JobView> running = s.running().iterator();
        JobView nextRunning = running.hasNext() ? running.next() : null;
        int nextStarted = 0;
        while (nextRunning != null || nextStarted < startedNow.size()) {
            long tRun = nextRunning == null ? Long.MAX_VALUE : Math.max(now, nextRunning.estimatedEnd());
            long tNew = nextStarted < startedNow.size() ? startedNow.get(nextStarted).estimatedEnd() : Long.MAX_VALUE;
            long t = Math.min(tRun, tNew);
            while (nextRunning != null && Math.max(now, nextRunning.estimatedEnd()) == t) {
                avail += nextRunning.placement().procs();
                nextRunning = running.hasNext() ? running.next() : null;
            }
            while (nextStarted < startedNow.size() && startedNow.get(nextStarted).estimatedEnd() == t) {
                avail += startedNow.get(nextStarted++).placement().procs();
            }
            if (avail >= need) return new HeadReservation(t, ProcessorCapacity.counting(total, (int) (avail - need)));
        }
        return new HeadReservation(Long.MAX_VALUE, null);
    }

    /**
     * Where the head would go if it started at {@code t}: not on nodes a maintenance window blocks
     * while it would run (a drain window the head cannot finish before moves its reservation past
     * the window's end).
     */
    private static Placement fit(Capacity scratch, List<Reservation> windows, long t, long walltime, JobView head) {
        return Reservations.usable(scratch, windows, head.spec(), t, t + walltime).place(head.spec());
    }

    /**
     * The ends of the windows still to come or going on, sorted: the head may fit once one is over;
     * for a head that names a reservation, also the starts of its occurrences (it may fit once one begins).
     */
    private static long[] windowEnds(List<Reservation> windows, long now, JobView head) {
        if (windows.isEmpty()) return NO_WINDOWS;
        java.util.stream.LongStream times = windows.stream().mapToLong(Reservation::end);
        if (Reservations.confinedTo(windows, head.spec(), now) != null) {
            times = java.util.stream.LongStream.concat(times, windows.stream().filter(r -> r.admits(head.spec()))
                    .mapToLong(Reservation::start));
        }
        return times.filter(e -> e > now).sorted().distinct().toArray();
    }

    /**
     * Where a backfill candidate running over [now, end) may go without delaying the head: anywhere
     * free if it ends by the shadow time, else only on resources free now and still spare at the shadow time.
     */
    public Placement backfillPlacement(Capacity usableNow, JobView job, long end) {
        if (end <= shadow) return usableNow.place(job.spec());
        if (extra == null) return null;
        return usableNow.meet(extra).place(job.spec());
    }
}
