package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;

/**
 * The general availability profile (node pools): free resources over future time as a step function: from each breakpoint until the next, the
 * capacity stored at that breakpoint is free. Bookings take a placement out of every step they
 * cover; the earliest-fit search finds the first start at which one placement fits in every step
 * of the job's duration.
 */
final class StepProfile implements AvailabilityProfile {

    private final TreeMap<Long, Capacity> steps = new TreeMap<>();
    /** Step capacities combined by the searches around windows (for the tests: their work). */
    private long stepsMet;

    /** A profile that is {@code free} from {@code from} on, forever. */
    StepProfile(long from, Capacity free) {
        steps.put(from, free);
    }

    /** See {@link AvailabilityProfile#ofReleases}. */
    static StepProfile ofReleases(long from, Capacity free, long[] times, Placement[] placements) {
        Integer[] order = new Integer[times.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
        StepProfile p = new StepProfile(from, free);
        Capacity current = free;
        int i = 0;
        while (i < order.length) {
            long t = Math.max(from, times[order[i]]);
            current = current.copy();
            while (i < order.length && Math.max(from, times[order[i]]) == t) current.release(placements[order[i++]]);
            p.steps.put(t, current);
        }
        return p;
    }

    /** Forgets everything before {@code now} (the step covering {@code now} starts at {@code now}). */
    @Override
    public void advanceTo(long now) {
        Map.Entry<Long, Capacity> floor = steps.floorEntry(now);
        if (floor == null || floor.getKey() == now) return;
        Capacity current = floor.getValue();
        steps.headMap(now, false).clear();
        steps.put(now, current);
    }

    private void splitAt(long t) {
        if (t == Long.MAX_VALUE || steps.containsKey(t)) return;
        Map.Entry<Long, Capacity> floor = steps.floorEntry(t);
        if (floor == null) throw new IllegalArgumentException("time " + t + " lies before the profile starts at " + steps.firstKey());
        steps.put(t, floor.getValue().copy());
    }

    /** Takes the placement out of every step in [from, to). */
    @Override
    public void book(Placement placement, long from, long to) {
        splitAt(from);
        splitAt(to);
        for (Capacity c : steps.subMap(from, true, to, false).values()) c.take(placement);
    }

    /** Gives the placement back to every step in [from, to). */
    @Override
    public void unbook(Placement placement, long from, long to) {
        if (to <= from) return;
        from = Math.max(from, steps.firstKey());
        splitAt(from);
        splitAt(to);
        for (Capacity c : steps.subMap(from, true, to, false).values()) c.release(placement);
    }

    /** Earliest start ≥ {@code from} with a placement free over the whole [start, start + duration). */
    @Override
    public Slot earliestFit(JobSpec job, long from, long duration, List<Reservation> windows) {
        return windows.isEmpty() ? earliestFit(job, from, duration) : earliestFitAvoiding(job, from, duration, windows);
    }

    private Slot earliestFit(JobSpec job, long from, long duration) {
        List<Long> times = new ArrayList<>(steps.tailMap(steps.floorKey(from), true).keySet());
        List<Capacity> caps = new ArrayList<>(times.size());
        for (Long t : times) caps.add(steps.get(t));
        int i = 0;
        while (i < times.size()) {
            long start = Math.max(from, times.get(i));
            long end = start + duration;
            Capacity acc = caps.get(i);
            int j = i;
            boolean failed = false;
            while (true) {
                if (acc.place(job) == null) {
                    failed = true;
                    break;
                }
                long stepEnd = j + 1 < times.size() ? times.get(j + 1) : Long.MAX_VALUE;
                if (stepEnd >= end) break;
                j++;
                acc = acc.meet(caps.get(j));
            }
            if (!failed) return new Slot(start, acc.place(job));
            // if step j alone cannot hold the job, no window containing it can: skip past it
            i = caps.get(j).place(job) == null ? j + 1 : i + 1;
        }
        return null;
    }

    /** The same search where windows take their nodes away; window boundaries are candidate starts too. */
    private Slot earliestFitAvoiding(JobSpec job, long from, long duration, List<Reservation> windows) {
        java.util.TreeSet<Long> candidates = new java.util.TreeSet<>(steps.tailMap(steps.floorKey(from), true).keySet());
        for (Reservation r : windows) {
            candidates.add(r.start());
            candidates.add(r.end());
        }
        long skipUntil = Long.MIN_VALUE; // no start before this fits (a step on the way cannot hold the job)
        for (long c : candidates) {
            long start = Math.max(from, c);
            if (c < from && candidates.higher(c) != null && candidates.higher(c) <= from) continue;
            if (start < skipUntil) continue;
            long end = start + duration;
            if (cannotHold(job, start, end, windows)) continue;
            Capacity acc = null;
            boolean failed = false;
            for (var e : steps.tailMap(steps.floorKey(start), true).entrySet()) {
                if (e.getKey() >= end) break;
                acc = acc == null ? e.getValue().copy() : acc.meet(e.getValue());
                stepsMet++;
                if (acc.place(job) == null) {
                    // the windows below only take more away: no fit here. As in the search without
                    // windows: if this step alone cannot hold the job, no start before its end can
                    failed = true;
                    if (e.getValue().place(job) == null) {
                        Long next = steps.higherKey(e.getKey());
                        skipUntil = next == null ? Long.MAX_VALUE : next;
                    }
                    break;
                }
            }
            if (failed || acc == null) continue;
            if (Reservations.confinedTo(windows, job, start) != null) {
                Reservation home = null;
                for (Reservation r : windows) {
                    if (!r.flex() && r.admits(job) && r.contains(start, end)) {
                        home = r;
                        break;
                    }
                }
                if (home == null) continue; // a member runs only inside an occurrence of its reservation
                java.util.BitSet mine = new java.util.BitSet();
                for (int node : home.nodes()) mine.set(node);
                for (int node = 0, n = Reservations.nodeCount(acc); node < n; node++) if (!mine.get(node)) acc.seize(node);
            }
            for (Reservation r : windows) {
                if (AvailabilityProfile.masks(r, job, start, end)) for (int node : r.nodes()) acc.seize(node);
            }
            Placement p = acc.place(job);
            if (p != null) return new Slot(start, p);
        }
        return null;
    }

    /** Step capacities the searches around windows combined since this profile was made. */
    long stepsMet() {
        return stepsMet;
    }

    /**
     * A cheap test that the search above cannot place the job at [start, end): the step at the start,
     * with the windows' nodes taken, cannot hold it. What the search tests is less (the meet of every
     * step over [start, end), then the same nodes taken), so it fails too: placing is monotone, as the
     * search without windows assumes as well. Spares the meets of a start that lies before a repair the
     * job needs (a reservation planned again while nodes are down tried each such start in full).
     * Not for a job confined to a reservation (its nodes are restricted further, another way).
     */
    private boolean cannotHold(JobSpec job, long start, long end, List<Reservation> windows) {
        Capacity first = null;
        for (Reservation r : windows) {
            if (!AvailabilityProfile.masks(r, job, start, end)) continue;
            if (first == null) {
                if (Reservations.confinedTo(windows, job, start) != null) return false;
                first = steps.floorEntry(start).getValue().copy();
            }
            for (int node : r.nodes()) first.seize(node);
        }
        return first != null && first.place(job) == null;
    }
}
