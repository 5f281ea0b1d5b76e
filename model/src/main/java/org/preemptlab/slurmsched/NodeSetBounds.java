package org.preemptlab.slurmsched;

import java.util.HashMap;
import java.util.Map;

/**
 * Lower bounds on the earliest start of a job shape searched on some nodes only ({@link TresStepProfile#earliestFitOn},
 * {@link TresStepProfile#earliestFitOnUpTo}: the whole-node plans' will-run tests) in one backfill cycle's profile, from
 * the answers of earlier searches of the same shape ({@link ShapeBounds#key}) on the same nodes or more.
 *
 * <p>Why an answer on a node set S bounds a later search of the same shape on a set S' ⊆ S for a duration at least as
 * long, in the same profile (with a need of at least one CPU per node, so that {@code ConsTresSelect} never refuses
 * enough nodes and a start fits exactly when enough nodes of one candidate class hold the job over its window):
 * <ol>
 *   <li>The earliest start ≥ {@code from} at which the shape fits is its earliest over every instant, not only the
 *       breakpoints the search tries: a window fitting at t fits at the last breakpoint b ≤ t (or at {@code from}),
 *       as [b, t) has the room at t and [t, b + d) lies within [t, t + d).</li>
 *   <li>Within a cycle the profile only loses room (a booking), so a node holding the window later held it before;
 *       a node of S' is a node of S; a window of d' ≥ d contains one of d. So a start fitting the later search fitted
 *       the earlier one: the later answer is not before the earlier one (none if there was none).</li>
 *   <li>A search up to a limit L that found nothing says that no start in [from, L] fits: a bound of L + 1.</li>
 *   <li>So a search may start at its bound B instead of {@code from}: no start in [from, B) fits, and B fits only if it is
 *       {@code from} or a breakpoint (else the last breakpoint before B would fit, by 1); the starts it tries after B are
 *       the breakpoints the search from {@code from} tries, each class's earliest start and the node choice at it the
 *       same. A search whose bound lies beyond its limit is skipped.</li>
 * </ol>
 * Per shape at most {@link #SETS} node sets are kept (the oldest replaced), each with its
 * bounds by duration ({@link ShapeBounds.Durations}); bounds live as long as their profile (one cycle).
 */
final class NodeSetBounds {

    /** Node sets kept per shape. */
    static final int SETS = 16;

    private static final class Sets {
        final long[][] words = new long[SETS][];
        final ShapeBounds.Durations[] bounds = new ShapeBounds.Durations[SETS];
        int size;
        int next; // the slot replaced when full
    }

    private final Map<ShapeBounds.Key, Sets> byShape = new HashMap<>();

    /** The greatest bound of {@code duration} over the kept node sets containing {@code nodes}; Long.MIN_VALUE: none. */
    long bound(ShapeBounds.Key key, long[] nodes, long duration) {
        Sets s = find(key);
        if (s == null) return Long.MIN_VALUE;
        long best = Long.MIN_VALUE;
        for (int i = 0; i < s.size; i++) {
            if (contains(s.words[i], nodes)) best = Math.max(best, s.bounds[i].bound(duration));
        }
        return best;
    }

    /** Records a search's bound on exactly {@code nodes} (no start before {@code start} fits; MAX_VALUE: none). */
    void record(ShapeBounds.Key key, long[] nodes, long duration, long start) {
        Sets s = find(key);
        if (s == null) {
            s = new Sets();
            byShape.put(key, s);
            lastKey = key;
            lastFound = s;
        }
        for (int i = 0; i < s.size; i++) {
            if (java.util.Arrays.equals(s.words[i], nodes)) {
                s.bounds[i].record(duration, start);
                return;
            }
        }
        int i;
        if (s.size < SETS) {
            i = s.size++;
        } else {
            i = s.next;
            s.next = (s.next + 1) % SETS;
        }
        s.words[i] = nodes;
        s.bounds[i] = new ShapeBounds.Durations();
        s.bounds[i].record(duration, start);
    }

    /** The key looked up last and its sets (null: none): a search's record follows its look-up, a job's rounds repeat it. */
    private ShapeBounds.Key lastKey;
    private Sets lastFound;

    private Sets find(ShapeBounds.Key key) {
        if (key != lastKey) {
            lastFound = byShape.get(key);
            lastKey = key;
        }
        return lastFound;
    }

    /** Whether every node of {@code sub} is in {@code set} (both as {@link java.util.BitSet#toLongArray} words). */
    static boolean contains(long[] set, long[] sub) {
        for (int i = 0; i < sub.length; i++) {
            long w = i < set.length ? set[i] : 0;
            if ((sub[i] & ~w) != 0) return false;
        }
        return true;
    }
}
