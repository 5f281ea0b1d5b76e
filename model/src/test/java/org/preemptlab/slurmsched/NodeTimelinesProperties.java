package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link NodeTimelines#lowerBound}, the per-node tables a search reads to skip a node without walking it, against a
 * plain scan of the node's segments, through random releases and bookings (the tables are remade after each); and
 * that it bounds {@link NodeTimelines#nextFit} from below for every duration, memory and start.
 */
class NodeTimelinesProperties {

    @Property(tries = 300)
    void theLowerBoundIsEachResourcesFirstSegmentAndBoundsEveryFit(@ForAll long seed) {
        Random rnd = new Random(seed);
        int g = rnd.nextInt(3); // GRES keys
        int w = 2 + g;
        int nodes = 1 + rnd.nextInt(6);
        long from = rnd.nextInt(1000);
        long[] cap = new long[w];
        cap[0] = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 6000 : 64); // sometimes beyond the tables' size
        CAP0[0] = cap[0];
        cap[1] = 1000L * (1 + rnd.nextInt(64));
        for (int k = 0; k < g; k++) cap[2 + k] = rnd.nextInt(9);
        // the room at from: up to all of it; running jobs give the rest back at later instants
        long[] current = new long[nodes * w];
        long[][] held = new long[nodes][w];
        for (int n = 0; n < nodes; n++) {
            for (int k = 0; k < w; k++) {
                held[n][k] = cap[k] == 0 ? 0 : rnd.nextLong(cap[k] + 1);
                current[n * w + k] = cap[k] - held[n][k];
            }
        }
        long[] total = new long[nodes * w];
        for (int n = 0; n < nodes; n++) System.arraycopy(cap, 0, total, n * w, w);
        NodeTimelines tl = new NodeTimelines(from, current, total, nodes, w, g);
        long t = from;
        for (int r = 0; r < 12; r++) { // releases in time order, as ofReleases gives them
            t += rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(500);
            int n = rnd.nextInt(nodes);
            long[] back = new long[w];
            for (int k = 0; k < w; k++) {
                back[k] = held[n][k] == 0 ? 0 : rnd.nextLong(held[n][k] + 1);
                held[n][k] -= back[k];
            }
            tl.release(n, t, back[0], back[1], gresOf(back, g));
        }
        long horizon = t + 600;
        for (int step = 0; step < 40; step++) {
            check(tl, rnd, nodes, g, cap, from, horizon, seed, step);
            // a booking somewhere (refused when it does not fit: nothing changes then)
            int n = rnd.nextInt(nodes);
            long a = from + rnd.nextInt((int) (horizon - from));
            long b = rnd.nextInt(10) == 0 ? Long.MAX_VALUE : a + 1 + rnd.nextInt(800);
            long[] take = new long[w];
            for (int k = 0; k < w; k++) take[k] = cap[k] == 0 || rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(1 + cap[k] / 2);
            tl.take(n, a, b, take[0], take[1], gresOf(take, g));
        }
        check(tl, rnd, nodes, g, cap, from, horizon, seed, 40);
    }

    private static long[] gresOf(long[] amounts, int g) {
        if (g == 0) return null;
        long[] gres = new long[g];
        System.arraycopy(amounts, 2, gres, 0, g);
        return gres;
    }

    private static void check(NodeTimelines tl, Random rnd, int nodes, int g, long[] cap, long from, long horizon, long seed, int step) {
        for (int q = 0; q < 30; q++) {
            int n = rnd.nextInt(nodes);
            long cpus = rnd.nextInt(5) == 0 ? 0 : rnd.nextLong(cap[0] + 2);
            long[] need = new long[3 + g];
            need[0] = cpus;
            need[1] = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(cap[1] + 1);
            for (int k = 0; k < g; k++) need[3 + k] = rnd.nextInt(2) == 0 ? 0 : rnd.nextLong(cap[2 + k] + 2);
            long want = reference(tl, n, cpus, need, g);
            long got = tl.lowerBound(n, cpus, need);
            assertThat(got).as("seed %d step %d: node %d, %d CPUs, need %s", seed, step, n, cpus, java.util.Arrays.toString(need))
                    .isEqualTo(want);
            // a bound of every fit: no start before it holds the job, whatever its memory, duration and search start
            for (int f = 0; f < 4; f++) {
                long start = from + rnd.nextInt((int) (horizon - from + 100));
                long d = 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 3000);
                tl.newSearch(1);
                long fit = tl.nextFit(0, n, start, Long.MAX_VALUE - 1, cpus, need[1], need, d);
                assertThat(fit).as("seed %d step %d: node %d fits %s from %d for %d s at %d, below its bound %d", seed, step, n,
                        java.util.Arrays.toString(need), start, d, fit, got).isGreaterThanOrEqualTo(got);
            }
        }
    }

    /** Per resource needed, the first segment with that much free; the latest of those (MIN_VALUE: nothing needed). */
    private static long reference(NodeTimelines tl, int n, long cpus, long[] need, int g) {
        long bound = Long.MIN_VALUE;
        for (int r = 0; r <= g; r++) {
            long x = r == 0 ? cpus : need[2 + r];
            int k = r == 0 ? 0 : 1 + r;
            if (x <= 0) continue;
            long first = NodeTimelines.NEVER;
            for (int s = 0; s < tl.segments(n); s++) {
                if (tl.segmentRoom(n, s, k) >= x) {
                    first = tl.segmentStart(n, s);
                    break;
                }
            }
            if (r == 0 && cap0TooLarge(tl, n)) continue; // no table for so many CPUs: no bound from them
            bound = Math.max(bound, first);
        }
        return bound;
    }

    private static boolean cap0TooLarge(NodeTimelines tl, int n) {
        return CAP0[0] > NodeTimelines.TABLE_MAX;
    }

    private static final long[] CAP0 = new long[1];
}
