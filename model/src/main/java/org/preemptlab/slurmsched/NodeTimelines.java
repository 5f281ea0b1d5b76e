package org.preemptlab.slurmsched;

import java.util.Arrays;

/**
 * The backfill cycle's free room kept per node ({@link TresStepProfile}): each node has only its own
 * breakpoints, the instants at which ITS free CPUs, memory or GRES change (a running job's end on it,
 * a booking's start or end on it), so a search looks at the changes of the nodes it considers, not at
 * every node in every step of the whole profile.
 *
 * <p>Node {@code n}'s segment {@code s} is {@code [at[n][s], at[n][s + 1])} (the last one is open) with
 * the free room {@code room[n][s·w .. s·w + w)}: CPUs, MB, then GRES by key, as a step of
 * {@link TresStepProfile}. Every segment start is a breakpoint of the whole profile (a release or a
 * booking's bound), so a start found here is one the step search would try.
 *
 * <p>A search asks, node by node, {@link #nextFit}: the earliest start ≥ t at which the node holds a need
 * for a duration d, i.e. t in a "start range" {@code [a, b − d]} of a maximal run {@code [a, b)} of
 * segments that fit. The node's scratch slot remembers its current range and the segment to continue
 * from, so within a search (starts only grow) each segment of a node is read at most once.
 */
final class NodeTimelines {

    /** {@link #nextFit}'s answer when the node never holds the need again. */
    static final long NEVER = Long.MAX_VALUE;
    private static final long NO_RANGE = Long.MIN_VALUE;

    private final int w;
    private final int g;
    private final long[][] at;
    private final long[][] room;
    private final int[] segs;
    /**
     * Per node: its room never shrinks from the profile's start on (it changed by releases and by takes from its first
     * breakpoint only: the running jobs' ends and the jobs started at the profile's start). Then the segments that fit a
     * need are all those from the first that fits: a node holds the need from there for any duration.
     */
    private final boolean[] rising;
    /** How many nodes are not {@link #rising}. */
    private int falling;
    /**
     * The timelines of the reset before the last ({@link #reset}), each node's as it was at its end (its bookings
     * included): the arrays swap at each reset, so {@link #settle} compares a node's new timeline with its last one.
     */
    private long[][] oldAt;
    private long[][] oldRoom;
    private int[] oldSegs;
    /** How many resets this object had (its generation); a node's {@link #changedAt} is the last in which it changed. */
    private int generation;
    /**
     * Per node, the last generation in which its timeline differed from the one before (other than in its first instant,
     * the profile's start), or had a take: an answer about the node made in an earlier generation holds while this is
     * not later (see {@link #unchangedSince}).
     */
    private final int[] changedAt;
    /** The generation {@link #settle} was last called in: until it is called in the current one, no node counts as unchanged. */
    private int settled;
    /** For tests: no node counts as {@link #rising} (the walks as without the monotone shortcuts). */
    private boolean noShortcut;
    // per-search scratch by slot (stamped: a slot's state holds for the search of its stamp only)
    private int[] stamp = new int[0];
    private int[] cur = new int[0];
    private long[] rs = new long[0];
    private long[] re = new long[0];
    private int search;

    /** Every node with one segment from {@code from}: the room {@code current[node·w ..]}. */
    NodeTimelines(long from, long[] current, int nodes, int w, int g) {
        this.w = w;
        this.g = g;
        at = new long[nodes][];
        room = new long[nodes][];
        segs = new int[nodes];
        rising = new boolean[nodes];
        oldAt = new long[nodes][];
        oldRoom = new long[nodes][];
        oldSegs = new int[nodes]; // 0: no earlier timeline (a node has ≥ 1 segment): every node changed in the first
        changedAt = new int[nodes];
        for (int n = 0; n < nodes; n++) {
            at[n] = new long[4];
            room[n] = new long[4 * w];
            oldAt[n] = new long[4];
            oldRoom[n] = new long[4 * w];
        }
        reset(from, current);
    }

    /**
     * {@code new NodeTimelines(from, current, nodes, w, g)} in {@code reuse}'s arrays when it has the same
     * nodes, w and g (its earlier content is dropped: it must no longer be read through its old profile),
     * else a new one. The arrays a node grew to in an earlier cycle are kept, so a cycle mostly grows none.
     */
    static NodeTimelines of(NodeTimelines reuse, long from, long[] current, int nodes, int w, int g) {
        if (reuse == null || reuse.w != w || reuse.g != g || reuse.segs.length != nodes) return new NodeTimelines(from, current, nodes, w, g);
        reuse.reset(from, current);
        return reuse;
    }

    private void reset(long from, long[] current) {
        boolean lastSettled = settled == generation; // else a node's changes in the last generation are not known
        generation++;
        for (int n = 0; n < segs.length; n++) {
            if (!lastSettled) changedAt[n] = generation;
            long[] a = at[n]; // the last timeline to oldAt (for settle), the one before it is written over
            at[n] = oldAt[n];
            oldAt[n] = a;
            long[] r = room[n];
            room[n] = oldRoom[n];
            oldRoom[n] = r;
            oldSegs[n] = segs[n];
            at[n][0] = from;
            System.arraycopy(current, n * w, room[n], 0, w);
            segs[n] = 1;
        }
        Arrays.fill(rising, !noShortcut);
        falling = noShortcut ? segs.length : 0;
    }

    /**
     * Ends the making of the timelines ({@link #reset} and the {@link #release}s): each node whose timeline is not its
     * last one's (the same breakpoints after the first and the same room in every segment) is marked changed in this
     * generation.
     */
    void settle() {
        for (int n = 0; n < segs.length; n++) {
            int k = segs[n];
            if (k != oldSegs[n] || !Arrays.equals(at[n], 1, k, oldAt[n], 1, k) || !Arrays.equals(room[n], 0, k * w, oldRoom[n], 0, k * w)) {
                changedAt[n] = generation;
            }
        }
        settled = generation;
    }

    /** This object's generation: how many times it was reset ({@link #of}). */
    int generation() {
        return generation;
    }

    /**
     * Whether the node's timeline is the same as at the end of generation {@code g} (≤ the current one) but for its first
     * instant (the profile's start), where {@link #settle} was called in every generation since: no take on it since the
     * start of g + 1 and every later reset gave it the same breakpoints after the first and the same room. A rising node's
     * first fitting segment for any need is then the same segment ({@link #earliestRising}: the same instant, or the
     * profile's start when it is the first).
     */
    boolean unchangedSince(int node, int g) {
        return settled == generation && changedAt[node] <= g;
    }

    /** The node's room grows by the given amounts from t (≥ its last breakpoint) on. */
    void release(int node, long t, long cores, long mem, long[] gres) {
        int s = segs[node];
        if (at[node][s - 1] != t) {
            grow(node, s + 1);
            at[node][s] = t;
            System.arraycopy(room[node], (s - 1) * w, room[node], s * w, w);
            segs[node] = ++s;
        }
        long[] f = room[node];
        int b = (s - 1) * w;
        f[b] += cores;
        f[b + 1] += mem;
        for (int k = 0; k < g; k++) f[b + 2 + k] += gres == null ? 0 : gres[k];
    }

    /**
     * Takes the amounts out of the node's room over [from, to) ({@code to} = {@code Long.MAX_VALUE}: for good);
     * false, and nothing taken, if some instant of it has less free (as {@code TresCapacity.take}'s check).
     */
    boolean take(int node, long from, long to, long cores, long mem, long[] gres) {
        changedAt[node] = generation;
        int a = split(node, from);
        int e = to == Long.MAX_VALUE ? segs[node] : split(node, to);
        long[] f = room[node];
        for (int s = a; s < e; s++) {
            int b = s * w;
            boolean ok = f[b] >= cores && f[b + 1] >= mem;
            for (int k = 0; k < g && ok; k++) ok = f[b + 2 + k] >= (gres == null ? 0 : gres[k]);
            if (!ok) return false;
        }
        if (a > 0 && e > a && rising[node]) { // a take after the start: the room may shrink later on
            rising[node] = false;
            falling++;
        }
        for (int s = a; s < e; s++) {
            int b = s * w;
            f[b] -= cores;
            f[b + 1] -= mem;
            for (int k = 0; k < g; k++) f[b + 2 + k] -= gres == null ? 0 : gres[k];
        }
        return true;
    }

    private void grow(int node, int n) {
        if (n <= at[node].length) return;
        int cap = Math.max(n, at[node].length * 2);
        at[node] = Arrays.copyOf(at[node], cap);
        room[node] = Arrays.copyOf(room[node], cap * w);
    }

    /** Makes t a breakpoint of the node (a copy of the segment covering it); its index. */
    private int split(int node, long t) {
        int n = segs[node];
        int k = Arrays.binarySearch(at[node], 0, n, t);
        if (k >= 0) return k;
        int pos = -k - 1;
        if (pos == 0) throw new IllegalArgumentException("time " + t + " lies before the profile starts at " + at[node][0]);
        grow(node, n + 1);
        long[] times = at[node];
        long[] f = room[node];
        System.arraycopy(times, pos, times, pos + 1, n - pos);
        System.arraycopy(f, pos * w - w, f, pos * w, (n - pos + 1) * w);
        times[pos] = t;
        segs[node] = n + 1;
        return pos;
    }

    /** The index of the node's last breakpoint ≤ t (t at or after the profile's start). */
    private int floor(int node, long t) {
        if (segs[node] == 1 || at[node][1] > t) return 0; // most searches start at the profile's start
        int k = Arrays.binarySearch(at[node], 0, segs[node], t);
        return k >= 0 ? k : -k - 2;
    }

    /** Starts a search over {@code slots} scratch slots. */
    void newSearch(int slots) {
        if (stamp.length < slots) {
            stamp = new int[slots];
            cur = new int[slots];
            rs = new long[slots];
            re = new long[slots];
            search = 0;
        }
        if (++search == 0) { // the stamps wrapped round: forget them all
            Arrays.fill(stamp, 0);
            search = 1;
        }
    }

    /**
     * Forgets the state of slots [from, to) within the current search: their next {@link #nextFit} starts afresh,
     * as in a new search (for a search continued at an earlier instant than these slots were last asked at).
     */
    void forget(int from, int to) {
        for (int s = from; s < to; s++) stamp[s] = search - 1; // ≠ search (stamps are never compared with any other)
    }

    private boolean fits(long[] f, int s, long cpus, long mem, long[] need) {
        int b = s * w;
        if (f[b] < cpus || f[b + 1] < mem) return false;
        for (int r = 0; r < g; r++) if (f[b + 2 + r] < need[3 + r]) return false;
        return true;
    }

    /**
     * The earliest start ≥ t at which the node (scratch slot {@code slot}) has {@code cpus}, {@code mem} and
     * the need's GRES ({@code need[3 ..]}) free over [start, start + d), or {@link #NEVER}; when that start
     * lies beyond {@code limit}, some value > limit that is at most it (the walk stops there). Within one
     * search, calls for a slot must come with t not decreasing and the same need and d.
     */
    long nextFit(int slot, int node, long t, long limit, long cpus, long mem, long[] need, long d) {
        long[] times = at[node];
        long[] f = room[node];
        int n = segs[node];
        if (stamp[slot] != search) {
            stamp[slot] = search;
            cur[slot] = floor(node, t);
            re[slot] = NO_RANGE;
        }
        while (true) {
            if (re[slot] != NO_RANGE) {
                if (re[slot] >= t) return Math.max(rs[slot], t);
                re[slot] = NO_RANGE;
            }
            int c = cur[slot];
            if (c >= n) return NEVER;
            if (c + 1 < n && times[c + 1] <= t) c = floor(node, t); // segments wholly before t decide no start ≥ t
            if (rising[node]) c = firstFit(node, c, cpus, mem, need);
            else while (c < n && !fits(f, c, cpus, mem, need)) c++;
            if (c == n) {
                cur[slot] = n;
                return NEVER;
            }
            long a = Math.max(times[c], t);
            if (a > limit) {
                cur[slot] = c;
                return a;
            }
            int e = c + 1;
            if (rising[node]) e = n; // every later segment fits too
            else while (e < n && fits(f, e, cpus, mem, need)) e++;
            cur[slot] = e;
            if (e == n) {
                rs[slot] = a;
                re[slot] = Long.MAX_VALUE;
            } else if (times[e] - a >= d) {
                rs[slot] = a;
                re[slot] = times[e] - d;
            } // else the run is too short: look further
        }
    }

    /**
     * The first of the node's segments from {@code c} that fits the need, or the segment count when none does; for a
     * {@link #rising} node, where the segments that fit are all those from the first (a binary search).
     */
    private int firstFit(int node, int c, long cpus, long mem, long[] need) {
        long[] f = room[node];
        int lo = c;
        int hi = segs[node]; // every segment from hi fits (or hi is the count); those before lo do not (or lo is c)
        if (lo < hi && fits(f, lo, cpus, mem, need)) return lo; // the common case: it fits where the walk stands
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (fits(f, mid, cpus, mem, need)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /** Whether every node's room never shrinks from the profile's start on ({@link #rising}). */
    boolean rising() {
        return falling == 0;
    }

    /**
     * For a {@link #rising} node: the start of its first segment that holds {@code cpus}, {@code mem} and the need's GRES
     * ({@code need[3 ..]}), or {@link #NEVER}. From any t at or after the profile's start the node holds the need for any
     * duration from the later of t and this, and not before: {@link #nextFit}'s answer for every limit ≥ it.
     */
    long earliestRising(int node, long cpus, long mem, long[] need) {
        if (!rising[node]) throw new IllegalStateException("node " + node + " has a take after the profile's start: its room may shrink");
        int n = segs[node];
        long[] f = room[node];
        if (fits(f, 0, cpus, mem, need)) return at[node][0];
        if (!fits(f, n - 1, cpus, mem, need)) return NEVER;
        // the first segment that fits, by a binary search: each column rises, so the segments that fit are all those from it
        // (a node has few segments: a table per node and room change cost more than it saved; see docs/performance.md)
        int lo = 1;
        int hi = n - 1; // segment hi fits, segment lo − 1 does not
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (fits(f, mid, cpus, mem, need)) hi = mid;
            else lo = mid + 1;
        }
        return at[node][lo];
    }

    /** The node's free CPUs at t (t at or after the profile's start). */
    long cpusAt(int node, long t) {
        return room[node][floor(node, t) * w];
    }

    /** For tests: from the next {@link #of}/reset on, no node counts as rising (the walks without the monotone shortcuts). */
    void withoutShortcuts() {
        noShortcut = true;
        Arrays.fill(rising, false);
        falling = segs.length;
    }

    /** The node's least free CPUs over [t, end) (its segment at t at least). */
    long leastCpus(int node, long t, long end) {
        long[] times = at[node];
        long[] f = room[node];
        int n = segs[node];
        int s = floor(node, t);
        long least = f[s * w];
        if (rising[node]) return least; // no later segment has less
        for (s++; s < n && times[s] < end; s++) least = Math.min(least, f[s * w]);
        return least;
    }

    /** Copies the node's room at t into {@code out[off .. off + w)}. */
    void roomAt(int node, long t, long[] out, int off) {
        System.arraycopy(room[node], floor(node, t) * w, out, off, w);
    }

    /** The node's breakpoints (for tests). */
    int segments(int node) {
        return segs[node];
    }
}
