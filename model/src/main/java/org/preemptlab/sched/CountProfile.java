package org.preemptlab.sched;

import java.util.Arrays;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;

/**
 * The availability profile of a machine of identical processors: free processor counts as a step
 * function in two primitive arrays (breakpoint times, free counts). Equal neighbouring steps are
 * merged so the profile stays as short as the schedule. Searches walk the steps, but skip whole
 * blocks of {@value #BLOCK} steps by the least and most free count in each block; the block
 * summaries are rebuilt lazily, only from the first step a change touched and only as far as a
 * search reads, so a search costs the blocks and edge steps it passes, not every step.
 */
final class CountProfile implements AvailabilityProfile {

    private long[] times = new long[64];
    private int[] free = new int[64];
    private int size;
    /**
     * The steps are [head, size): those before head have passed ({@link #advanceTo} moves head on rather
     * than moving the steps down, so the block summaries stay valid; the passed steps are dropped once they
     * are as many as the live ones).
     */
    private int head;
    /**
     * The most processors the profile has free once every booking it was built with has ended: those of
     * the machine that are up ({@link AvailabilityProfile#ofReleases} passes the free ones and the running
     * jobs' ones; a processor down for a failure is not among them, as DOWN nodes are not in Slurm's
     * backfill's avail bitmap). Windows take their processors out of it.
     */
    private final int total;

    private static final int SHIFT = 3;
    private static final int BLOCK = 1 << SHIFT;
    /** Least and most free count of steps [b·BLOCK, (b+1)·BLOCK), valid for full blocks b < blockValid. */
    private int[] blockMin = new int[8];
    private int[] blockMax = new int[8];
    private int blockValid;
    /**
     * Steps [0, scanned) have been read by {@link #noneAtLeastBefore} since the last change, and the
     * most free among them is scannedMax: searches between two changes (a compression asks for every
     * waiting job in order of reserved start; most find nothing) each read on from there.
     */
    private int scanned;
    private int scannedMax = Integer.MIN_VALUE;

    CountProfile(long from, int freeProcs) {
        this(from, freeProcs, freeProcs);
    }

    /** Free {@code freeProcs} from {@code from}, of {@code upProcs} that running jobs will give back to. */
    CountProfile(long from, int freeProcs, int upProcs) {
        if (upProcs < freeProcs) throw new IllegalArgumentException("upProcs: " + upProcs + "; must be ≥ freeProcs " + freeProcs);
        total = upProcs;
        times[0] = from;
        free[0] = freeProcs;
        size = 1;
    }

    /** Index of the step containing {@code t} (t ≥ times[head]). */
    private int stepOf(long t) {
        int i = Arrays.binarySearch(times, head, size, t);
        return i >= 0 ? i : -i - 2;
    }

    @Override
    public void advanceTo(long now) {
        forgetScan();
        int i = stepOf(now);
        if (i <= head) {
            if (times[head] < now) times[head] = now;
            return;
        }
        head = i;
        times[head] = now;
        if (head >= 64 && head >= size - head) compact();
        scanned = head;
    }

    /** Drops the passed steps: the live ones moved to the start of the arrays (the summaries are made again). */
    private void compact() {
        blockValid = 0;
        System.arraycopy(times, head, times, 0, size - head);
        System.arraycopy(free, head, free, 0, size - head);
        size -= head;
        head = 0;
        forgetScan();
    }

    /** Makes {@code t} a breakpoint; returns its index. */
    private int split(long t) {
        int i = stepOf(t);
        if (times[i] == t) return i;
        insert(i + 1, t, free[i]);
        return i + 1;
    }

    /** Inserts a breakpoint at index k (times[k - 1] < t < times[k]) with {@code count} free. */
    private void insert(int k, long t, int count) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            free = Arrays.copyOf(free, size * 2);
        }
        System.arraycopy(times, k, times, k + 1, size - k);
        System.arraycopy(free, k, free, k + 1, size - k);
        times[k] = t;
        free[k] = count;
        size++;
    }

    private void add(int procs, long from, long to) {
        if (to <= from) return;
        from = Math.max(from, times[head]);
        if (to <= from) return;
        forgetScan();
        int a = split(from);
        // steps before a keep their counts
        blockValid = Math.min(blockValid, a >> SHIFT);
        // the steps inside are walked anyway: the end is found by the walk, not by a second binary search
        int b = a;
        while (b < size && times[b] < to) free[b++] += procs;
        if (to != Long.MAX_VALUE && (b == size || times[b] != to)) insert(b, to, free[b - 1] - procs); // the step went on past to
        // the profile had no equal neighbours, and the steps in [a, b) all moved by the same count:
        // only the edges can have become equal to their neighbours (b first: removing it keeps a)
        if (b < size && free[b] == free[b - 1]) remove(b);
        if (a > head && free[a] == free[a - 1]) remove(a);
    }

    private void forgetScan() {
        scanned = head;
        scannedMax = Integer.MIN_VALUE;
    }

    /**
     * True if no step that begins before {@code before} has x free or more. Exact when it says so;
     * false may also mean only that a step read for an earlier, later bound had x free (then the
     * caller searches). Reads on from the steps read since the last change.
     */
    private boolean noneAtLeastBefore(int x, long before) {
        if (scannedMax >= x) return false;
        int q = scanned;
        int max = scannedMax;
        while (q < size && times[q] < before) {
            max = Math.max(max, free[q]);
            q++;
            if (max >= x) break;
        }
        scanned = q;
        scannedMax = max;
        return max < x;
    }

    /** Removes breakpoint k (k > head): step k - 1 extends over it. */
    private void remove(int k) {
        System.arraycopy(times, k + 1, times, k, size - k - 1);
        System.arraycopy(free, k + 1, free, k, size - k - 1);
        size--;
    }

    /** Makes the summaries of blocks up to b (a full block) valid. */
    private void summarize(int b) {
        if (b < blockValid) return;
        if (blockMin.length <= b) {
            int n = Math.max(b + 1, blockMin.length * 2);
            blockMin = Arrays.copyOf(blockMin, n);
            blockMax = Arrays.copyOf(blockMax, n);
        }
        for (int c = blockValid; c <= b; c++) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int q = c << SHIFT, end = q + BLOCK; q < end; q++) {
                lo = Math.min(lo, free[q]);
                hi = Math.max(hi, free[q]);
            }
            blockMin[c] = lo;
            blockMax[c] = hi;
        }
        blockValid = b + 1;
    }

    /**
     * The first step q ≥ k that begins before {@code before} and has at least x free; if none, the
     * first step that begins at or after {@code before} (or size). Bounded by time, so no search for
     * the bound's index is needed: a block is skipped whole when its last step begins before the bound.
     */
    private int nextAtLeast(int k, long before, int x) {
        int q = k;
        while (q < size && times[q] < before) {
            if ((q & (BLOCK - 1)) == 0 && q + BLOCK <= size && times[q + BLOCK - 1] < before) {
                int b = q >> SHIFT;
                summarize(b);
                if (blockMax[b] < x) {
                    q += BLOCK;
                    continue;
                }
            }
            if (free[q] >= x) return q;
            q++;
        }
        return q;
    }

    /** As {@link #nextAtLeast}, for the first step with fewer than x free. */
    private int nextBelow(int k, long before, int x) {
        int q = k;
        while (q < size && times[q] < before) {
            if ((q & (BLOCK - 1)) == 0 && q + BLOCK <= size && times[q + BLOCK - 1] < before) {
                int b = q >> SHIFT;
                summarize(b);
                if (blockMin[b] >= x) {
                    q += BLOCK;
                    continue;
                }
            }
            if (free[q] < x) return q;
            q++;
        }
        return q;
    }

    /** True if step q exists and begins before {@code before}: a hit of {@link #nextAtLeast}/{@link #nextBelow}. */
    private boolean startsBefore(int q, long before) {
        return q < size && times[q] < before;
    }

    /** Takes {@code procs} processors over [from, to): {@link #book} by count. */
    void take(int procs, long from, long to) {
        add(-procs, from, to);
    }

    /** Gives {@code procs} processors back over [from, to): {@link #unbook} by count. */
    void giveBack(int procs, long from, long to) {
        add(procs, from, to);
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
        long candidate = Math.max(from, times[head]);
        if (windows.isEmpty()) return fit(p, candidate, duration);
        search:
        while (candidate != Long.MAX_VALUE) {
            int blocked = 0;
            long jump = candidate;
            for (Reservation r : windows) {
                if (AvailabilityProfile.masks(r, job, candidate, candidate + duration)) {
                    blocked += r.nodes().length;
                    jump = Math.max(jump, r.end());
                }
            }
            // only a window that masks the candidate can move it on without reading the steps: it masks
            // only a start before its end, so jump > candidate and the search advances. With no window in
            // the way the steps decide (total is no bound on them: a profile built from the processors free
            // now, ofReleases, rises above it as running jobs end); they always advance or answer.
            if (blocked > 0 && total - blocked < p) {
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

    /**
     * {@link #earliestFit} without windows, as {@link #earlierStart} searches: the first step from the
     * candidate's with p free (blocks of steps skipped by their most free count); the steps the candidate's
     * duration spans found by a galloping search, and the last of them with fewer than p free found walking
     * back from the far end; none: it fits; else the next candidate is the end of that step (no start before
     * it can hold the job: its window would hold that step), and the steps after it up to the far end are
     * known to have p free. The answers of a walk of every step, which moves the candidate to the end of each
     * step with fewer than p free and answers at the first step with p free that reaches the candidate's end;
     * a window's short runs of p free before its last blocking step are never read.
     */
    private Slot fit(int p, long candidate, long duration) {
        int k = stepOf(candidate);
        int good = k; // steps [k, good) are known to have p free
        while (true) {
            if (good <= k) {
                k = nextAtLeast(k, Long.MAX_VALUE, p);
                if (k >= size) return null; // the last step, for ever, has fewer than p free
                good = k + 1;
            }
            candidate = Math.max(candidate, times[k]);
            long reach = duration > Long.MAX_VALUE - candidate ? Long.MAX_VALUE : candidate + duration;
            int end = firstAtOrAfter(good, reach); // the window's steps: [k, end)
            int bad = lastBelow(good, end, p);
            if (bad < 0) return new Slot(candidate, Placement.ofCount(p));
            k = bad + 1;
            if (k >= size) return null;
            good = end;
        }
    }

    /** {@link #earlierStart}'s answer when there is no earlier start. */
    static final long NONE = Long.MIN_VALUE;

    @Override
    public Slot earlierFit(JobSpec job, long from, Placement own, long ownFrom, long ownTo,
            java.util.List<Reservation> windows) {
        if (!windows.isEmpty()) return AvailabilityProfile.super.earlierFit(job, from, own, ownFrom, ownTo, windows);
        int p = job.procs();
        long start = earlierStart(p, from, own.procs(), ownFrom, ownTo);
        return start == NONE ? null : new Slot(start, Placement.ofCount(p));
    }

    /**
     * {@link #earlierFit} without maintenance windows, by counts: the earliest start before
     * {@code ownFrom} (at or after {@code from}) at which {@code p} processors are free for the
     * booking's duration, the booking's own {@code ownProcs} over [ownFrom, ownTo) counting as free;
     * {@link #NONE} if there is none. Nothing is allocated.
     */
    long earlierStart(int p, long from, int ownProcs, long ownFrom, long ownTo) {
        long duration = ownTo - ownFrom;
        from = Math.max(from, times[head]);
        if (from >= ownFrom) return NONE;
        if (noneAtLeastBefore(p, ownFrom)) return NONE; // most searches of a compression end here
        // before ownFrom the job's own booking is not in the way: a start there needs p free up to
        // ownFrom (inside the booking its own processors count as free). The window of a candidate is
        // checked from its far end: the last step with fewer than p free in it is found walking back, and
        // the next candidate lies after that step, so the short runs of p free before it (they cannot
        // hold the job) are never read. Steps [k, good) are known to have p free.
        long candidate = from;
        int k = from == times[head] ? head : stepOf(from);
        int good = k;
        while (true) {
            if (good <= k) {
                k = nextAtLeast(k, ownFrom, p);
                if (!startsBefore(k, ownFrom)) return NONE;
                good = k + 1;
            }
            candidate = Math.max(candidate, times[k]); // from, or the end of the step that did not fit
            long reach = candidate + duration;
            int end = firstAtOrAfter(good, Math.min(reach, ownFrom)); // the window's steps before ownFrom: [k, end)
            int bad = lastBelow(good, end, p);
            if (bad >= 0) {
                k = bad + 1; // [bad + 1, end) have p free
                good = end;
                continue;
            }
            if (reach <= ownFrom) return candidate;
            // the rest, [ownFrom, reach), lies inside the own booking (it ends before ownTo, as
            // candidate < ownFrom), where the own processors count as free; the steps from end on begin
            // at or after ownFrom (the one before it, which may reach past ownFrom, has p free)
            return startsBefore(nextBelow(end, reach, p - ownProcs), reach) ? NONE : candidate;
        }
    }

    /**
     * The first step index q ≥ k with {@code times[q] ≥ t} (size if none), for a k whose step begins
     * before t (or k = size): galloping from k, then a binary search, so a window costs the log of the
     * steps it spans, not the steps.
     */
    int firstAtOrAfter(int k, long t) {
        if (k >= size || times[k] >= t) return k;
        // times[lo] < t; find hi with times[hi] ≥ t (or size)
        int lo = k;
        int step = 1;
        int hi = k + 1;
        while (hi < size && times[hi] < t) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        if (hi > size) hi = size;
        // times[lo] < t ≤ times[hi] (hi = size counts as past the end)
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < t) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    /** The last step q in [lo, hi) with fewer than x free, or -1: read from hi - 1 backwards. */
    int lastBelow(int lo, int hi, int x) {
        for (int q = hi - 1; q >= lo; q--) {
            if (free[q] < x) return q;
        }
        return -1;
    }

    /** The number of steps (for tests). */
    int steps() {
        return size - head;
    }

    /** Where step q (from 0, the step that holds the profile's start) begins (for tests). */
    long stepTime(int q) {
        return times[head + q];
    }

    /** The free count of step q (from 0) (for tests). */
    int stepFree(int q) {
        return free[head + q];
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int k = head; k < size; k++) sb.append(times[k]).append(':').append(free[k]).append(' ');
        return sb.toString();
    }
}
