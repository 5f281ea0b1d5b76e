package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.alloc.TresCapacity;

/**
 * Lower bounds on the earliest start of a job shape in one backfill cycle's profile, from the
 * answers of earlier searches of the same shape ({@link TresStepProfile}).
 *
 * <p>A shape is what the search depends on besides the duration: the node count, the search's
 * start {@code from}, and the candidates in order (node range and per-node need of each). Why an
 * earlier answer bounds a later search of the same shape with a duration at least as long:
 * <ol>
 *   <li>Within a cycle the profile only loses capacity: a booking takes a placement out of steps, a
 *       split copies a step without changing any capacity. So a start at which a window of the
 *       shape does not fit now did not fit before either.</li>
 *   <li>A window [t, t + d') with d' ≥ d contains [t, t + d): a start that fits for d' fits for d.</li>
 *   <li>Hence no start in [from, s) fits the later search, where s is the earlier answer (the
 *       earliest fitting start of the earlier search); with no answer (s = +∞) there is none.</li>
 *   <li>The search evaluates the start {@code from} and every breakpoint after it, in order, and
 *       returns the first that fits. s is {@code from} or a breakpoint, and breakpoints are never
 *       removed, so searching from s evaluates the same starts ≥ s as searching from {@code from},
 *       and the starts before s, which it skips, do not fit (3): the same answer, start and
 *       placement (the placement depends on the start's window and the candidates only).</li>
 * </ol>
 * Per shape the bounds are kept by duration, non-decreasing in it (an answer for d bounds every
 * d' ≥ d); the bound of a duration is the value at the greatest recorded duration ≤ it. Bounds live
 * as long as their profile (one cycle): nothing is carried between cycles.
 */
final class ShapeBounds {

    /** A shape: node count, search start and the candidates' node ranges and needs, flattened. */
    static final class Key {
        private final long[] data;
        private final int hash;

        private Key(long[] data) {
            this.data = data;
            this.hash = Arrays.hashCode(data);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.data, data);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final Map<Key, TreeMap<Long, Long>> byShape = new HashMap<>();

    static Key key(int nodes, long from, List<TresCapacity.Candidate> cands) {
        int n = 2;
        for (TresCapacity.Candidate c : cands) n += 2 + c.need().length;
        long[] data = new long[n];
        data[0] = nodes;
        data[1] = from;
        int k = 2;
        for (TresCapacity.Candidate c : cands) {
            data[k++] = c.firstNode();
            data[k++] = ((long) c.endNode() << 32) | c.need().length;
            System.arraycopy(c.need(), 0, data, k, c.need().length);
            k += c.need().length;
        }
        return new Key(data);
    }

    /** The earliest start a search of the shape for {@code duration} can answer (Long.MIN_VALUE: no bound; MAX_VALUE: none fits). */
    long bound(Key key, long duration) {
        TreeMap<Long, Long> m = byShape.get(key);
        if (m == null) return Long.MIN_VALUE;
        Map.Entry<Long, Long> e = m.floorEntry(duration);
        return e == null ? Long.MIN_VALUE : e.getValue();
    }

    /** Records a search's answer ({@code start}, MAX_VALUE for none) and raises the bounds of longer durations to it. */
    void record(Key key, long duration, long start) {
        TreeMap<Long, Long> m = byShape.computeIfAbsent(key, k -> new TreeMap<>());
        Long old = m.get(duration);
        if (old == null || old < start) m.put(duration, start);
        for (Map.Entry<Long, Long> e : m.tailMap(duration, false).entrySet()) {
            if (e.getValue() >= start) break; // non-decreasing: every later value is ≥ this one
            e.setValue(start);
        }
    }
}
