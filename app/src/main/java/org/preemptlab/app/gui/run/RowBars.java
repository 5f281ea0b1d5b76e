package org.preemptlab.app.gui.run;

import java.util.Arrays;

/**
 * The bars of one Gantt row (one node), sorted by start, with a lane per bar so that bars that
 * overlap in time (jobs sharing a node, a suspended job under its preemptor) sit side by side.
 * A prefix maximum of the ends makes "the first bar that may be visible after t" a binary search,
 * so drawing a time window costs O(log n + bars in the window).
 */
public final class RowBars {

    /** Most lanes a row is split into; further overlaps share the lane that frees first. */
    public static final int MAX_LANES = 8;

    private long[] start;
    private long[] end;
    private int[] job;
    private byte[] kind;
    private byte[] lane;
    /** The whole block the bar belongs to (the job's run of adjacent units): [blockLo, blockHi). */
    private int[] blockLo;
    private int[] blockHi;
    private long[] maxEnd;
    private int size;
    private int lanes = 1;
    private BarLevel[] levels = new BarLevel[0];

    /** Rows with fewer bars are drawn from their bars directly. */
    static final int LEVELS_FROM = 256;

    RowBars(int capacity) {
        int c = Math.max(2, capacity);
        start = new long[c];
        end = new long[c];
        job = new int[c];
        kind = new byte[c];
        lane = new byte[c];
        blockLo = new int[c];
        blockHi = new int[c];
    }

    /**
     * Bars counted so far by {@link #count()}, before {@link #allocate()} sizes the row exactly (no
     * doubling and trimming: a 200k-job trace's rows hold millions of bars).
     */
    private int counted;

    /** A row to be sized by counting: {@link #count()} per bar to come, then {@link #allocate()}. */
    RowBars() {
        start = new long[0];
        end = new long[0];
        job = new int[0];
        kind = new byte[0];
        lane = new byte[0];
        blockLo = new int[0];
        blockHi = new int[0];
    }

    /** Counts one bar that {@link #add} will add after {@link #allocate()}. */
    void count() {
        counted++;
    }

    /** Sizes the row for the bars counted (at least the capacity it has), so that adding them copies nothing. */
    void allocate() {
        int c = size + counted;
        counted = 0;
        if (c > start.length) resize(c);
    }

    /** Every column copied to capacity {@code c}. */
    private void resize(int c) {
        start = Arrays.copyOf(start, c);
        end = Arrays.copyOf(end, c);
        job = Arrays.copyOf(job, c);
        kind = Arrays.copyOf(kind, c);
        lane = Arrays.copyOf(lane, c);
        blockLo = Arrays.copyOf(blockLo, c);
        blockHi = Arrays.copyOf(blockHi, c);
    }

    /** Adds a bar, a block of its own; bars must come in start order. */
    void add(long s, long e, int j, int k) {
        add(s, e, j, k, -1, -1);
    }

    /**
     * Adds a bar that is part of a block over units [bl, bh) (a multi-node job's adjacent nodes, or a
     * run of processors); bars must come in start order.
     */
    void add(long s, long e, int j, int k, int bl, int bh) {
        if (size == start.length) resize(Math.max(2, size * 2));
        start[size] = s;
        end[size] = e;
        job[size] = j;
        kind[size] = (byte) k;
        blockLo[size] = bl;
        blockHi[size] = bh;
        size++;
    }

    /** Assigns lanes (greedy by start) and builds the prefix maximum of ends. */
    void seal() {
        if (start.length != size) {
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            job = Arrays.copyOf(job, size);
            kind = Arrays.copyOf(kind, size);
            lane = Arrays.copyOf(lane, size);
            blockLo = Arrays.copyOf(blockLo, size);
            blockHi = Arrays.copyOf(blockHi, size);
        }
        maxEnd = new long[size];
        long[] freeAt = new long[MAX_LANES];
        Arrays.fill(freeAt, Long.MIN_VALUE);
        int used = 1;
        long m = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            int chosen = -1;
            for (int l = 0; l < MAX_LANES; l++) {
                if (freeAt[l] <= start[i]) {
                    chosen = l;
                    break;
                }
            }
            if (chosen < 0) {
                chosen = 0;
                for (int l = 1; l < MAX_LANES; l++) if (freeAt[l] < freeAt[chosen]) chosen = l;
            }
            freeAt[chosen] = Math.max(freeAt[chosen], end[i]);
            lane[i] = (byte) chosen;
            used = Math.max(used, chosen + 1);
            m = Math.max(m, end[i]);
            maxEnd[i] = m;
        }
        lanes = used;
        nextResolution = lanes == 1 && size >= LEVELS_FROM ? 1 : 0;
    }

    /**
     * The resolution of the next level to try, s; 0 when the pyramid is complete (or the row has
     * none). The pyramid is built lazily, only as coarse as the zooms drawn so far need: a 200k-job
     * trace's Gantt opens without merging every row at every resolution.
     */
    private long nextResolution;

    /**
     * Extends the level-of-detail pyramid up to resolution {@code upTo}: resolutions 1, 2, 4, … s; a
     * level is kept only when it has at most ¾ of the intervals of the last kept one, so the pyramid
     * stays small. The levels are the same as when built all at once (each is merged from the last kept).
     */
    private void buildLevels(double upTo) {
        if (nextResolution == 0 || nextResolution > upTo) return;
        java.util.List<BarLevel> kept = new java.util.ArrayList<>(java.util.Arrays.asList(levels));
        int n;
        long[] s, e;
        int[] j, cj, bl, bh;
        byte[] k;
        if (kept.isEmpty()) {
            n = size;
            s = start;
            e = end;
            j = job;
            cj = job.clone();
            k = kind;
            bl = blockLo;
            bh = blockHi;
        } else {
            BarLevel last = kept.get(kept.size() - 1);
            n = last.size();
            s = last.starts();
            e = last.ends();
            j = last.jobs();
            cj = last.colorJobs();
            k = last.kinds();
            bl = last.blockLos();
            bh = last.blockHis();
        }
        long span = Math.max(1, maxEnd[size - 1] - start[0]);
        long res = nextResolution;
        int[] mergeable = null; // of the current source, made when a level is first tried on it
        for (; res <= span && n > 8 && res <= upTo; res *= 2) {
            if (mergeable == null) mergeable = mergeableBelow(n, s, e);
            // most resolutions of a busy row merge too little to be kept: refused without a pass over the intervals
            if (n - mergeable[bitsOf(res - 1)] > n * 3 / 4) continue;
            BarLevel level = BarLevel.mergeIfAtMost(n * 3 / 4, res, n, s, e, j, cj, k, bl, bh);
            if (level != null) {
                mergeable = null;
                kept.add(level);
                n = level.size();
                s = level.starts();
                e = level.ends();
                j = level.jobs();
                cj = level.colorJobs();
                k = level.kinds();
                bl = level.blockLos();
                bh = level.blockHis();
            }
        }
        nextResolution = res <= span && n > 8 ? res : 0;
        levels = kept.toArray(new BarLevel[0]);
    }

    /**
     * An upper bound of the merges at any resolution, from one pass over {@code n} sorted intervals: element
     * {@code k} counts the intervals that may merge into the one before them at a resolution of at most
     * 2<sup>k</sup> s. {@link BarLevel#mergeIfAtMost} merges interval i at resolution r only if its gap to the
     * ends before it is below r and it or its predecessor is shorter than 2r (the interval it joins is at
     * least as long as its predecessor); so a level with more than ¾ of the intervals left even if every
     * such interval merged is refused without its counting pass, and the levels are the same.
     */
    static int[] mergeableBelow(int n, long[] s, long[] e) {
        int[] at = new int[66];
        long ends = e[0];
        for (int i = 1; i < n; i++) {
            long gap = Math.max(0, s[i] - ends);
            long shorter = Math.max(0, Math.min(e[i] - s[i], e[i - 1] - s[i - 1]));
            at[bitsOf(Math.max(gap, shorter >>> 1))]++; // gap < 2^k and shorter < 2^(k+1)
            ends = Math.max(ends, e[i]);
        }
        for (int k = 1; k < at.length; k++) at[k] += at[k - 1];
        return at;
    }

    /** The smallest k with x < 2<sup>k</sup> (x ≥ 0); for r - 1, the smallest k with r ≤ 2<sup>k</sup>. */
    private static int bitsOf(long x) {
        return 64 - Long.numberOfLeadingZeros(x);
    }

    /** The coarsest level whose resolution is at most {@code seconds}, or null to use the bars. */
    synchronized BarLevel levelFor(double seconds) {
        buildLevels(seconds);
        BarLevel best = null;
        for (BarLevel l : levels) {
            if (l.resolution() <= seconds) best = l;
            else break;
        }
        return best;
    }

    /** The number of levels of the whole pyramid (builds it all). */
    synchronized int levelCount() {
        buildLevels(Double.POSITIVE_INFINITY);
        return levels.length;
    }

    public int size() {
        return size;
    }

    public int lanes() {
        return lanes;
    }

    public long start(int i) {
        return start[i];
    }

    public long end(int i) {
        return end[i];
    }

    public int job(int i) {
        return job[i];
    }

    public int kind(int i) {
        return kind[i];
    }

    public int lane(int i) {
        return lane[i];
    }

    /** First unit of the bar's block (its job's run of adjacent nodes or processors). */
    public int blockLo(int i) {
        return blockLo[i];
    }

    /** Unit after the last of the bar's block. */
    public int blockHi(int i) {
        return blockHi[i];
    }

    /**
     * The first bar that can reach past {@code t}: every bar before it ends at or before t. Bars
     * from here on with a start below the window's end are the candidates for drawing.
     */
    public int firstEndingAfter(long t) {
        int lo = 0, hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (maxEnd[mid] > t) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /**
     * The first bar at or after index {@code from} whose start is ≥ t (bars are sorted by start).
     * Exponential search from {@code from}: O(1) when the answer is near, O(log d) at distance d.
     */
    public int firstStartingAtOrAfter(long t, int from) {
        if (from >= size || start[from] >= t) return from;
        int lo = from;
        int step = 1;
        int hi = from + 1;
        while (hi < size && start[hi] < t) {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        hi = Math.min(hi, size);
        while (lo + 1 < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < t) lo = mid;
            else hi = mid;
        }
        return hi;
    }

    void setLane(int i, int l) {
        lane[i] = (byte) l;
        lanes = Math.max(lanes, l + 1);
    }

    /** Index of the bar of {@code j} ending exactly at {@code t}, or -1. */
    int findEndingAt(int j, long t) {
        for (int i = firstEndingAfter(t - 1); i < size && start[i] <= t; i++) {
            if (job[i] == j && end[i] == t) return i;
        }
        return -1;
    }
}
