package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ShapeBounds}' per-shape bounds in primitive arrays, and its record after a look-up of the same key, answer as the
 * {@code TreeMap<Long, Long>} per shape they replaced (the reference below, the code as it was): random look-ups and
 * records on a few shapes, with repeated, shorter and longer durations, answers later and earlier than the bounds, and
 * "none fits" (MAX_VALUE); keys made afresh for every call (as the searches make them) or reused.
 */
class ShapeBoundsProperties {

    /** The replaced implementation, as it was. */
    static final class Reference {
        private final Map<List<Long>, TreeMap<Long, Long>> byShape = new HashMap<>();

        long bound(List<Long> key, long duration) {
            TreeMap<Long, Long> m = byShape.get(key);
            if (m == null) return Long.MIN_VALUE;
            Map.Entry<Long, Long> e = m.floorEntry(duration);
            return e == null ? Long.MIN_VALUE : e.getValue();
        }

        void record(List<Long> key, long duration, long start) {
            TreeMap<Long, Long> m = byShape.computeIfAbsent(key, k -> new TreeMap<>());
            Long old = m.get(duration);
            if (old == null || old < start) m.put(duration, start);
            for (Map.Entry<Long, Long> e : m.tailMap(duration, false).entrySet()) {
                if (e.getValue() >= start) break;
                e.setValue(start);
            }
        }
    }

    @Property(tries = 300, seed = "20261207")
    void boundsAnswerAsTheTreeMapsDid(@ForAll long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ShapeBounds bounds = new ShapeBounds();
        Reference ref = new Reference();
        int shapes = 1 + rnd.nextInt(4);
        ShapeBounds.Key[] kept = new ShapeBounds.Key[shapes];
        for (int s = 0; s < shapes; s++) kept[s] = ShapeBounds.key(1 + s, 100, List.of());
        int ops = 1 + rnd.nextInt(300);
        for (int op = 0; op < ops; op++) {
            int s = rnd.nextInt(shapes);
            ShapeBounds.Key key = rnd.nextBoolean() ? kept[s] : ShapeBounds.key(1 + s, 100, List.of());
            List<Long> refKey = List.of((long) s);
            long duration = rnd.nextInt(3) == 0 ? 60 * (1 + rnd.nextInt(4)) : 1 + rnd.nextInt(5000);
            long got = bounds.bound(key, duration);
            assertThat(got).as("op %d bound(%d, %d)", op, s, duration).isEqualTo(ref.bound(refKey, duration));
            if (rnd.nextInt(4) != 0) { // a search's record follows its look-up, mostly with the same key
                ShapeBounds.Key recordKey = rnd.nextInt(5) == 0 ? ShapeBounds.key(1 + rnd.nextInt(shapes), 100, List.of()) : key;
                long recordDuration = rnd.nextInt(5) == 0 ? 1 + rnd.nextInt(5000) : duration;
                long start = rnd.nextInt(10) == 0 ? Long.MAX_VALUE : 100 + rnd.nextInt(20_000);
                long recordShape = recordKey == key ? s : -1;
                if (recordShape < 0) {
                    // which shape the fresh key stands for: its node count − 1
                    for (int t = 0; t < shapes; t++) if (recordKey.equals(ShapeBounds.key(1 + t, 100, List.of()))) recordShape = t;
                }
                bounds.record(recordKey, recordDuration, start);
                ref.record(List.of(recordShape), recordDuration, start);
            }
        }
        for (int s = 0; s < shapes; s++) {
            for (long d = 0; d <= 5001; d += 97) {
                assertThat(bounds.bound(ShapeBounds.key(1 + s, 100, List.of()), d)).isEqualTo(ref.bound(List.of((long) s), d));
            }
        }
    }
}
