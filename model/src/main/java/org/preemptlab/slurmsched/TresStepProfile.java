package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.List;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.AvailabilityProfile;

/**
 * The backfill cycle's availability profile on a Slurm (cons_tres) cluster without reservations:
 * the same step function as the general profile ({@code sched.StepProfile}: the same breakpoints,
 * the same capacity in each step, the same bookings) and the same answers, found faster.
 *
 * <p>The general search builds, for every candidate start, the elementwise minimum ("meet") of the
 * steps the job would cover, one copy per step, and places the job on it. Here a node fits a
 * window of steps iff it fits in every one of them (a node's need is a threshold per resource, so
 * fitting the minimum is fitting each), and each node keeps the run of steps it is known to fit in
 * and the step where it was found not to: a step of a node is looked at most once per search, no
 * capacity is copied, and the placement is the first nodes of the first (partition, group) in
 * {@link TresCapacity#place}'s order that fit the whole window: what {@code place} gives on the
 * meet. Steps are kept in arrays (a breakpoint is inserted where a booking starts or ends).
 */
final class TresStepProfile {

    private long[] times;
    private TresCapacity[] caps;
    private int size;
    // per-search scratch, grown as needed
    private int[] runEnd = new int[0];
    private int[] badAt = new int[0];
    private int[] chosen = new int[0];
    private int[] later = new int[0];

    private TresStepProfile(int capacity) {
        times = new long[Math.max(4, capacity)];
        caps = new TresCapacity[times.length];
    }

    /**
     * {@code free} from {@code from} on, to which each {@code placements[i]} returns at
     * {@code times[i]} (> from) and stays: as {@code AvailabilityProfile.ofReleases}.
     */
    static TresStepProfile ofReleases(long from, TresCapacity free, long[] releaseTimes, Placement[] placements) {
        Integer[] order = new Integer[releaseTimes.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(releaseTimes[a], releaseTimes[b]));
        TresStepProfile p = new TresStepProfile(releaseTimes.length + 1 + 64);
        p.times[0] = from;
        p.caps[0] = free;
        p.size = 1;
        TresCapacity current = free;
        int i = 0;
        while (i < order.length) {
            long t = Math.max(from, releaseTimes[order[i]]);
            current = current.copy();
            while (i < order.length && Math.max(from, releaseTimes[order[i]]) == t) current.release(placements[order[i++]]);
            if (t == p.times[p.size - 1]) {
                p.caps[p.size - 1] = current; // as a map's put on an existing key (only if a release is at from)
            } else {
                p.append(t, current);
            }
        }
        return p;
    }

    private void append(long t, TresCapacity c) {
        ensure(size + 1);
        times[size] = t;
        caps[size++] = c;
    }

    private void ensure(int n) {
        if (n <= times.length) return;
        int cap = Math.max(n, times.length * 2);
        times = Arrays.copyOf(times, cap);
        caps = Arrays.copyOf(caps, cap);
    }

    /** The index of the last breakpoint ≤ t, or −1. */
    private int floorIndex(long t) {
        int k = Arrays.binarySearch(times, 0, size, t);
        return k >= 0 ? k : -k - 2;
    }

    /** Makes t a breakpoint (a copy of the step covering it); returns its index. */
    private int splitAt(long t) {
        int k = Arrays.binarySearch(times, 0, size, t);
        if (k >= 0) return k;
        int at = -k - 1;
        if (at == 0) throw new IllegalArgumentException("time " + t + " lies before the profile starts at " + times[0]);
        ensure(size + 1);
        System.arraycopy(times, at, times, at + 1, size - at);
        System.arraycopy(caps, at, caps, at + 1, size - at);
        times[at] = t;
        caps[at] = caps[at - 1].copy();
        size++;
        return at;
    }

    /** Takes the placement out of every step in [from, to). */
    void book(Placement placement, long from, long to) {
        int a = splitAt(from);
        int b = to == Long.MAX_VALUE ? size : splitAt(to);
        for (int k = a; k < b; k++) caps[k].take(placement);
    }

    /** The number of breakpoints (for tests). */
    int steps() {
        return size;
    }

    /**
     * Earliest start ≥ {@code from} (at or after the profile's start) with a placement free over
     * [start, start + duration), or null: the general profile's answer without reservations.
     */
    AvailabilityProfile.Slot earliestFit(JobSpec job, long from, long duration) {
        List<TresCapacity.Candidate> cands = caps[0].candidates(job);
        if (cands.isEmpty()) return null;
        int nodesNeeded = job.nodes();
        int i0 = floorIndex(from);
        if (i0 < 0) throw new IllegalArgumentException("time " + from + " lies before the profile starts at " + times[0]);
        int nc = cands.size();
        int[] base = new int[nc + 1];
        for (int c = 0; c < nc; c++) base[c + 1] = base[c] + cands.get(c).endNode() - cands.get(c).firstNode();
        int total = base[nc];
        if (runEnd.length < total) {
            runEnd = new int[total];
            badAt = new int[total];
        }
        Arrays.fill(runEnd, 0, total, -1);
        Arrays.fill(badAt, 0, total, -1);
        if (chosen.length < nodesNeeded) chosen = new int[nodesNeeded];
        if (later.length < total) later = new int[total];
        int j = i0;
        int i = i0;
        while (i < size) {
            long start = Math.max(from, times[i]);
            long end = start + duration;
            if (j < i) j = i;
            while (j + 1 < size && times[j + 1] < end) j++;
            int next = Integer.MAX_VALUE; // no candidate can fit before this start index (see below)
            for (int c = 0; c < nc; c++) {
                TresCapacity.Candidate cand = cands.get(c);
                long[] need = cand.need();
                int k = 0;
                int failed = 0;
                for (int node = cand.firstNode(), slot = base[c]; node < cand.endNode() && k < nodesNeeded; node++, slot++) {
                    if (i <= badAt[slot]) { // a step of [i, j] it does not fit in (j only grows)
                        later[failed++] = badAt[slot] + 1;
                        continue;
                    }
                    int e = runEnd[slot];
                    if (e < i) e = i - 1; // it fits in every step of [i, e]
                    while (e < j) {
                        if (caps[e + 1].fitsOn(node, need)) {
                            e++;
                        } else {
                            badAt[slot] = e + 1;
                            break;
                        }
                    }
                    runEnd[slot] = e;
                    if (e >= j) chosen[k++] = node;
                    else later[failed++] = badAt[slot] + 1;
                }
                if (k == nodesNeeded) return new AvailabilityProfile.Slot(start, caps[i].placement(cand, Arrays.copyOf(chosen, k)));
                // a node that does not fit now fits no window containing its bad step: before the (needed − k)-th
                // smallest "bad step + 1", fewer than needed nodes can fit, so no start index before it can
                int r = nodesNeeded - k;
                if (r <= failed) {
                    int at;
                    if (r == 1) {
                        at = Integer.MAX_VALUE;
                        for (int f = 0; f < failed; f++) at = Math.min(at, later[f]);
                    } else {
                        Arrays.sort(later, 0, failed);
                        at = later[r - 1];
                    }
                    next = Math.min(next, at);
                }
            }
            if (next == Integer.MAX_VALUE) return null;
            i = Math.max(i + 1, next);
        }
        return null;
    }
}
