package org.preemptlab.sched;

import java.util.Arrays;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;

/**
 * The availability profile of a machine of identical processors: free processor counts as a step
 * function in two primitive arrays (breakpoint times, free counts). Searches are linear scans over
 * the steps; equal neighbouring steps are merged so the profile stays as short as the schedule.
 */
final class CountProfile implements AvailabilityProfile {

    private long[] times = new long[64];
    private int[] free = new int[64];
    private int size;
    private final int total;

    CountProfile(long from, int freeProcs) {
        total = freeProcs;
        times[0] = from;
        free[0] = freeProcs;
        size = 1;
    }

    /** Index of the step containing {@code t} (t ≥ times[0]). */
    private int stepOf(long t) {
        int i = Arrays.binarySearch(times, 0, size, t);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public void advanceTo(long now) {
        int i = stepOf(now);
        if (i <= 0) {
            if (times[0] < now) times[0] = now;
            return;
        }
        System.arraycopy(times, i, times, 0, size - i);
        System.arraycopy(free, i, free, 0, size - i);
        size -= i;
        times[0] = now;
    }

    /** Makes {@code t} a breakpoint; returns its index. */
    private int split(long t) {
        int i = stepOf(t);
        if (times[i] == t) return i;
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            free = Arrays.copyOf(free, size * 2);
        }
        System.arraycopy(times, i + 1, times, i + 2, size - i - 1);
        System.arraycopy(free, i + 1, free, i + 2, size - i - 1);
        times[i + 1] = t;
        free[i + 1] = free[i];
        size++;
        return i + 1;
    }

    private void add(int procs, long from, long to) {
        if (to <= from) return;
        from = Math.max(from, times[0]);
        if (to <= from) return;
        int a = split(from);
        int b = to == Long.MAX_VALUE ? size : split(to);
        for (int k = a; k < b; k++) free[k] += procs;
        merge(Math.max(0, a - 1), Math.min(size - 1, b));
    }

    /** Merges equal neighbouring steps in [lo, hi]. */
    private void merge(int lo, int hi) {
        int w = lo;
        for (int r = lo + 1; r <= hi; r++) {
            if (free[r] == free[w]) continue;
            w++;
            times[w] = times[r];
            free[w] = free[r];
        }
        int removed = hi - w;
        if (removed > 0) {
            System.arraycopy(times, hi + 1, times, w + 1, size - hi - 1);
            System.arraycopy(free, hi + 1, free, w + 1, size - hi - 1);
            size -= removed;
        }
    }

    @Override
    public void book(Placement placement, long from, long to) {
        add(-placement.procs(), from, to);
    }

    @Override
    public void unbook(Placement placement, long from, long to) {
        add(placement.procs(), from, to);
    }

    @Override
    public Slot earliestFit(JobSpec job, long from, long duration, java.util.List<Reservation> windows) {
        int p = job.procs();
        long candidate = Math.max(from, times[0]);
        search:
        while (candidate != Long.MAX_VALUE) {
            int blocked = 0;
            long jump = candidate;
            for (Reservation r : windows) {
                if (AvailabilityProfile.masks(r, candidate, candidate + duration)) {
                    blocked += r.nodes().length;
                    jump = Math.max(jump, r.end());
                }
            }
            if (total - blocked < p) {
                candidate = jump;
                continue;
            }
            for (int k = stepOf(candidate); k < size; k++) {
                long stepEnd = k + 1 < size ? times[k + 1] : Long.MAX_VALUE;
                if (free[k] < p) {
                    candidate = stepEnd;
                    if (windows.isEmpty()) continue;
                    continue search; // the windows that apply depend on the candidate
                }
                if (stepEnd == Long.MAX_VALUE || stepEnd - candidate >= duration) return new Slot(candidate, Placement.ofCount(p));
            }
            return null;
        }
        return null;
    }

    @Override
    public Slot earlierFit(JobSpec job, long from, Placement own, long ownFrom, long ownTo,
            java.util.List<Reservation> windows) {
        if (!windows.isEmpty()) return AvailabilityProfile.super.earlierFit(job, from, own, ownFrom, ownTo, windows);
        int p = job.procs();
        long duration = ownTo - ownFrom;
        from = Math.max(from, times[0]);
        long candidate = from;
        int k = stepOf(from);
        long segStart = from;
        while (k < size && candidate < ownFrom) {
            long stepEnd = k + 1 < size ? times[k + 1] : Long.MAX_VALUE;
            // the part of step k from segStart that is uniformly inside or outside [ownFrom, ownTo)
            boolean inside = segStart >= ownFrom && segStart < ownTo;
            long segEnd = Math.min(stepEnd, inside ? ownTo : (segStart < ownFrom ? ownFrom : stepEnd));
            int avail = free[k] + (inside ? own.procs() : 0);
            if (avail < p) {
                candidate = segEnd;
            } else if (segEnd == Long.MAX_VALUE || segEnd - candidate >= duration) {
                return candidate < ownFrom ? new Slot(candidate, Placement.ofCount(p)) : null;
            }
            segStart = segEnd;
            if (segEnd == stepEnd) k++;
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < size; k++) sb.append(times[k]).append(':').append(free[k]).append(' ');
        return sb.toString();
    }
}
