package org.preemptlab.alloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The array-backed runs answer every operation as the TreeMap they replace ({@link FreeRunsReference}). */
class FreeRunsTest {

    @Test
    void randomOperationsGiveTheSameAnswersAsTheTreeMapRuns() {
        for (int seed = 0; seed < 60; seed++) {
            Random rnd = new Random(seed);
            int machine = 1 + rnd.nextInt(seed % 3 == 0 ? 20 : 400);
            FreeRuns a = new FreeRuns();
            FreeRunsReference b = new FreeRunsReference();
            for (int op = 0; op < 600; op++) {
                int from = rnd.nextInt(machine + 2) - 1;
                int to = from + rnd.nextInt(Math.max(1, machine / 4 + 2));
                String where = "seed " + seed + " op " + op + " [" + from + ", " + to + ") on " + a;
                switch (rnd.nextInt(5)) {
                    case 0, 1 -> {
                        a.add(from, to);
                        b.add(from, to);
                    }
                    case 2 -> {
                        boolean all = b.containsAll(from, to);
                        assertThat(a.containsAll(from, to)).as(where).isEqualTo(all);
                        assertThat(a.firstBusy(from, to)).as(where).isEqualTo(b.firstBusy(from, to));
                        if (all) {
                            a.remove(from, to);
                            b.remove(from, to);
                        } else if (from < to) {
                            assertThatThrownBy(() -> a.remove(from, to)).as(where).isInstanceOf(IllegalStateException.class);
                        }
                    }
                    case 3 -> {
                        int free = 0;
                        for (int x = -1; x <= 2 * machine + 4; x++) if (b.containsAll(x, x + 1)) free++;
                        int count = free == 0 ? 0 : 1 + rnd.nextInt(free);
                        assertThat(a.takeLowest(count)).as(where).containsExactly(b.takeLowest(count));
                    }
                    default -> assertThat(a.firstBusy(from, to)).as(where).isEqualTo(b.firstBusy(from, to));
                }
                assertThat(a.toString()).as(where).isEqualTo(b.toString());
                assertThat(a.size()).as(where).isEqualTo(b.size());
            }
        }
    }

    @Test
    void takingMoreThanIsFreeIsRefused() {
        FreeRuns a = new FreeRuns();
        a.add(0, 3);
        a.add(5, 6);
        assertThatThrownBy(() -> a.takeLowest(5)).hasMessageContaining("cannot take 5 numbers: 4 free");
    }
}
