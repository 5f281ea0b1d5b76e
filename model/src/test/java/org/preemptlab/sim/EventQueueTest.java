package org.preemptlab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The event heap hands events out in (time, kind, insertion) order, whatever the order of adds and polls. */
class EventQueueTest {

    private record Added(SimEvent event, long seq) {}

    private static final Comparator<Added> ORDER = Comparator.comparingLong((Added a) -> a.event().time())
            .thenComparingInt(a -> a.event().kind().ordinal()).thenComparingLong(Added::seq);

    @Test
    void pollsInTimeKindInsertionOrderUnderRandomAddsAndPolls() {
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            EventQueue queue = new EventQueue();
            List<Added> model = new ArrayList<>();
            long seq = 0;
            for (int step = 0; step < 2_000; step++) {
                if (model.isEmpty() || random.nextInt(3) > 0) {
                    long t = random.nextInt(40); // few distinct times: many ties on time and kind
                    SimEvent e = switch (random.nextInt(4)) {
                        case 0 -> new SimEvent.JobEnd(t, random.nextInt(100), 0);
                        case 1 -> new SimEvent.Wakeup(t);
                        case 2 -> new SimEvent.NodeFail(t, random.nextInt(8));
                        default -> new SimEvent.JobSubmit(t, random.nextInt(100));
                    };
                    queue.add(e);
                    model.add(new Added(e, seq++));
                } else {
                    Added first = model.stream().min(ORDER).orElseThrow();
                    model.remove(first);
                    assertEquals(first.event().time(), queue.peekTime(), "seed " + seed);
                    assertEquals(first.event().kind().ordinal(), queue.peekKindOrdinal(), "seed " + seed);
                    assertSame(first.event(), queue.poll(), "seed " + seed + " step " + step);
                }
                assertEquals(model.size(), queue.size());
            }
            model.sort(ORDER);
            for (Added a : model) assertSame(a.event(), queue.poll());
            assertTrue(queue.isEmpty());
            assertNull(queue.poll());
        }
    }
}
