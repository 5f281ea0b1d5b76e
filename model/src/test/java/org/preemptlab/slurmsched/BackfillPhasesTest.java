package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link BackfillPhases}: the backfill's phase piece by piece (a drifting backfill timer). */
class BackfillPhasesTest {

    /** The cycles from {@code from} to {@code to} (each the next one at or after the last + 1). */
    private static List<Long> cycles(BackfillPhases p, long interval, long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long t = p.tickAtOrAfter(from, interval); t <= to; t = p.tickAtOrAfter(t + 1, interval)) out.add(t);
        return out;
    }

    @Test
    void onePieceIsTheOnePhaseGrid() {
        Random rnd = new Random(16);
        for (int round = 0; round < 5_000; round++) {
            long interval = 1 + rnd.nextInt(60), phase = rnd.nextInt((int) interval), t = rnd.nextInt(2_000) - 100;
            assertThat(BackfillPhases.of(phase).tickAtOrAfter(t, interval))
                    .as("phase %d interval %d t %d", phase, interval, t)
                    .isEqualTo(SlurmSchedulerPolicy.tickAtOrAfter(t, phase, interval));
        }
    }

    @Test
    void aDriftOfOneSecondMakesOneGapOfTheIntervalPlusOne() {
        // Slurm sleeps bf_interval after a cycle ends: cycles at 3 + 5k drift to 4 + 5k, one gap of 6 s
        BackfillPhases p = new BackfillPhases(new long[] {0, 101}, new long[] {3, 4});
        assertThat(cycles(p, 5, 80, 125)).containsExactly(83L, 88L, 93L, 98L, 104L, 109L, 114L, 119L, 124L);
        // a change right after a cycle: the new piece's first cycle still bf_interval later at least
        BackfillPhases q = new BackfillPhases(new long[] {0, 99}, new long[] {3, 4});
        assertThat(cycles(q, 5, 90, 110)).containsExactly(93L, 98L, 104L, 109L);
        // a change to an earlier second modulo the interval (an idle re-start): never two cycles closer than the interval
        BackfillPhases back = new BackfillPhases(new long[] {0, 100}, new long[] {4, 1});
        assertThat(cycles(back, 5, 90, 115)).containsExactly(94L, 99L, 106L, 111L);
    }

    @Test
    void aPieceWithNoCycleLeavesThePreviousOnesLastAsTheBound() {
        // 0: phase 3; from 100 phase 4 (no cycle before 102, its piece ends); from 102 phase 0: after 98, the next at 105
        BackfillPhases p = new BackfillPhases(new long[] {0, 100, 102}, new long[] {3, 4, 0});
        assertThat(cycles(p, 5, 90, 112)).containsExactly(93L, 98L, 105L, 110L);
        // every cycle is at least the interval after the one before it, on random pieces
        Random rnd = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            long interval = 2 + rnd.nextInt(30);
            int n = 1 + rnd.nextInt(5);
            long[] from = new long[n], phases = new long[n];
            for (int i = 0; i < n; i++) {
                from[i] = i == 0 ? 0 : from[i - 1] + 1 + rnd.nextInt(100);
                phases[i] = rnd.nextInt((int) interval);
            }
            BackfillPhases b = new BackfillPhases(from, phases);
            List<Long> c = cycles(b, interval, 0, from[n - 1] + 200);
            for (int i = 1; i < c.size(); i++) assertThat(c.get(i) - c.get(i - 1)).as("%s every %d: %s", b, interval, c).isGreaterThanOrEqualTo(interval);
            // within a piece, past its first cycle, the cycles are on its phase
            for (long t : c) {
                int k = 0;
                while (k + 1 < n && from[k + 1] <= t) k++;
                assertThat(Math.floorMod(t - phases[k], interval)).as("%s every %d: cycle %d", b, interval, t).isZero();
            }
        }
    }

    @Test
    void badPiecesAreNamed() {
        assertThatThrownBy(() -> new BackfillPhases(new long[] {0, 50}, new long[] {1})).hasMessageContaining("2 piece starts and 1 phases");
        assertThatThrownBy(() -> new BackfillPhases(new long[] {0, 0}, new long[] {1, 2})).hasMessageContaining("piece 1 starts at 0 s");
        assertThatThrownBy(() -> new BackfillPhases(new long[] {0}, new long[] {-1})).hasMessageContaining("piece 0's phase is -1");
        BackfillPhases p = new BackfillPhases(new long[] {0, 10}, new long[] {1, 7});
        assertThatThrownBy(() -> p.checkInterval(5)).hasMessageContaining("piece 1's phase is 7 s; must be below bf_interval 5 s");
        assertThatThrownBy(() -> SlurmSchedulerConfig.defaults().withPhase(0).withBackfillPhases(0,
                new BackfillPhases(new long[] {0}, new long[] {30}))).hasMessageContaining("below bf_interval 30 s");
        assertThat(p.toString()).isEqualTo("1 s, 7 s from 10 s");
    }
}
