package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The will-run walk that jumps over a batch's middle ({@link WillRunBatches.Walk}: a galloping search for the first job
 * after the window, usable jobs asked only at the batch's edges; session 17) makes the batches of cons_tres's walk of
 * every job of the list one by one ({@link #stepByStep}, the walk before, kept here as the reference): on sorted ends
 * with runs of equal ends, gaps and spreads from seconds to years, any usable flags (none, all, a few), any epoch; whole
 * and resumed from fits in between.
 */
class WalkBatchesProperties {

    @Property(tries = 2000)
    void theJumpingWalkMakesTheBatchesOfTheStepByStepWalk(@ForAll long seed) {
        Random rnd = new Random(seed);
        int n = rnd.nextInt(4) == 0 ? rnd.nextInt(5) : rnd.nextInt(300);
        long[] ends = new long[n];
        long t = rnd.nextInt(100_000);
        int spread = switch (rnd.nextInt(4)) {
            case 0 -> 3;
            case 1 -> 40;
            case 2 -> 2000;
            default -> 50_000_000;
        };
        for (int k = 0; k < n; k++) {
            if (rnd.nextInt(3) != 0) t += rnd.nextInt(spread); // else equal to the one before
            ends[k] = t;
        }
        boolean[] on = new boolean[n];
        int density = rnd.nextInt(9); // 0: none usable, 8: all
        for (int k = 0; k < n; k++) on[k] = rnd.nextInt(8) < density;
        long epoch = rnd.nextBoolean() ? 0 : 1_600_000_000L + rnd.nextInt(30);
        long[][] want = stepByStep(ends, on, epoch);
        String what = "seed " + seed + ": ends " + Arrays.toString(ends) + ", usable " + Arrays.toString(on);
        assertThat(WillRunBatches.batches(ends, on, epoch)).as(what).isDeepEqualTo(want);
        // resumed: extended past increasing fits, answering startAfter as on the whole batches
        WillRunBatches.Walk w = new WillRunBatches.Walk(ends, n, k -> on[k], epoch);
        long fit = n == 0 ? 0 : ends[0] - 5;
        for (int q = 0; q < 20; q++) {
            fit += rnd.nextInt(rnd.nextBoolean() ? 60 : spread + 1);
            w.extendPast(fit);
            assertThat(w.startAfter(fit)).as(what + ", fit " + fit).isEqualTo(WillRunBatches.startAfter(want, fit));
        }
    }

    /** cons_tres's walk as the planner made it before session 17: every job of the list in turn. */
    static long[][] stepByStep(long[] ends, boolean[] on, long epoch) {
        int n = ends.length;
        long[] firsts = new long[n];
        long[] lasts = new long[n];
        int count = 0;
        int i = 0;
        long window = 30;
        long barrier = 0;
        boolean first = true;
        boolean more = true;
        while (more) {
            boolean any = false;
            long last = 0, firstEnd = 0;
            while (true) {
                if (i >= n) {
                    more = false;
                    break;
                }
                int k = i++;
                if (!on[k]) continue;
                if (first) {
                    barrier = ends[k] + (30 - Math.floorMod(ends[k] + epoch, 30));
                    first = false;
                }
                if (!any) firstEnd = ends[k];
                any = true;
                last = ends[k];
                if (i >= n) {
                    more = false;
                    break;
                }
                if (ends[i] - barrier > window) break;
            }
            if (!any) break;
            do {
                window = window >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : window * 2;
            } while (i < n && ends[i] - barrier > window);
            firsts[count] = firstEnd;
            lasts[count++] = last;
        }
        return new long[][] {Arrays.copyOf(firsts, count), Arrays.copyOf(lasts, count)};
    }
}
