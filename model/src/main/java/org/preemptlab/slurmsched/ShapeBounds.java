package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * One shape's bounds: the recorded durations ascending, each with its bound (non-decreasing in the duration), in
     * primitive arrays — what a {@code TreeMap<Long, Long>} held, without a boxed key and value and an entry per
     * answer and a tail view per record.
     */
    static final class Durations {
        private long[] duration = new long[4];
        private long[] bound = new long[4];
        private int size;

        /** The index of the greatest recorded duration ≤ d, or -1. */
        private int floor(long d) {
            int lo = 0, hi = size; // the first index with duration > d
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (duration[mid] <= d) lo = mid + 1;
                else hi = mid;
            }
            return lo - 1;
        }

        long bound(long d) {
            int i = floor(d);
            return i < 0 ? Long.MIN_VALUE : bound[i];
        }

        void record(long d, long start) {
            int i = floor(d);
            if (i >= 0 && duration[i] == d) {
                if (bound[i] < start) bound[i] = start;
            } else {
                i++; // d goes at i, after the durations < d
                if (size == duration.length) {
                    duration = Arrays.copyOf(duration, 2 * size);
                    bound = Arrays.copyOf(bound, 2 * size);
                }
                System.arraycopy(duration, i, duration, i + 1, size - i);
                System.arraycopy(bound, i, bound, i + 1, size - i);
                duration[i] = d;
                bound[i] = start;
                size++;
            }
            for (int j = i + 1; j < size; j++) {
                if (bound[j] >= start) break; // non-decreasing: every later value is ≥ this one
                bound[j] = start;
            }
        }
    }

    private final Map<Key, Durations> byShape = new HashMap<>();
    /** The key {@link #bound} looked up last and what it found (null: none yet): a search's record follows its look-up. */
    private Key lastKey;
    private Durations lastFound;

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
        Durations m = byShape.get(key);
        lastKey = key;
        lastFound = m;
        return m == null ? Long.MIN_VALUE : m.bound(duration);
    }

    /** Records a search's answer ({@code start}, MAX_VALUE for none) and raises the bounds of longer durations to it. */
    void record(Key key, long duration, long start) {
        Durations m = key == lastKey && lastFound != null ? lastFound : byShape.computeIfAbsent(key, k -> new Durations());
        lastKey = key;
        lastFound = m;
        m.record(duration, start);
    }
}
