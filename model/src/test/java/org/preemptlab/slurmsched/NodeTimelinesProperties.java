package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link NodeTimelines#nextFit} against a scan of the node's room: within one search (starts not decreasing, each call
 * with its own limit ≥ its start), an answer at or below the call's limit is the node's earliest start ≥ t that holds
 * the need for the duration, and an answer above it lies in (limit, that earliest start] — the walk may stop anywhere
 * past the limit ({@link NodeTimelines#NEVER} when the node never holds the need again). The contract the class search's
 * jumps and the later start's continuation rely on; it also guarded the ninth round's limit cut (docs/performance.md).
 */
class NodeTimelinesProperties {

    private static final int G = 1;
    private static final int W = 2 + G;

    /** One operation on a node: its room changes by {@code delta} over [from, to). */
    private record Change(long from, long to, long[] delta) {}

    @Property(tries = 400)
    void nextFitIsExactUpToItsLimitAndALowerBoundAbove(@ForAll long seed) {
        Random rnd = new Random(seed);
        int nodes = 1 + rnd.nextInt(3);
        long start = rnd.nextInt(50);
        long[] current = new long[nodes * W];
        for (int n = 0; n < nodes; n++) {
            current[n * W] = rnd.nextInt(9);
            current[n * W + 1] = rnd.nextInt(9);
            current[n * W + 2] = rnd.nextInt(3);
        }
        NodeTimelines tl = new NodeTimelines(start, current, nodes, W, G);
        List<List<Change>> changes = new ArrayList<>();
        for (int n = 0; n < nodes; n++) changes.add(new ArrayList<>());
        // releases (the running jobs' ends, in time order per node), then bookings
        for (int n = 0; n < nodes; n++) {
            long t = start;
            int releases = rnd.nextInt(12);
            for (int r = 0; r < releases; r++) {
                t += rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(30);
                long[] d = {rnd.nextInt(5), rnd.nextInt(5), rnd.nextInt(2)};
                tl.release(n, t, d[0], d[1], new long[] {d[2]});
                changes.get(n).add(new Change(t, Long.MAX_VALUE, d));
            }
        }
        int bookings = rnd.nextInt(10);
        for (int b = 0; b < bookings; b++) {
            int n = rnd.nextInt(nodes);
            long from = start + rnd.nextInt(300);
            long to = rnd.nextInt(6) == 0 ? Long.MAX_VALUE : from + 1 + rnd.nextInt(100);
            long[] d = {rnd.nextInt(4), rnd.nextInt(4), rnd.nextInt(2)};
            if (tl.take(n, from, to, d[0], d[1], new long[] {d[2]})) changes.get(n).add(new Change(from, to, new long[] {-d[0], -d[1], -d[2]}));
        }
        int searches = 1 + rnd.nextInt(6);
        for (int s = 0; s < searches; s++) {
            tl.newSearch(nodes);
            long cpus = rnd.nextInt(12);
            long mem = rnd.nextInt(12);
            long[] need = {cpus, mem, 0, rnd.nextInt(3)};
            long d = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 200);
            long[] t = new long[nodes];
            java.util.Arrays.fill(t, start + rnd.nextInt(40));
            int calls = 1 + rnd.nextInt(8);
            for (int c = 0; c < calls; c++) {
                int n = rnd.nextInt(nodes); // slot n is node n; each slot's starts do not decrease
                t[n] += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(60);
                long limit = t[n] + (rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 10 : 300));
                long got = tl.nextFit(n, n, t[n], limit, cpus, mem, need, d);
                long want = earliest(changes.get(n), current, n, t[n], cpus, mem, need[3], d);
                if (want <= limit) {
                    assertThat(got).as("seed %d, node %d, t %d, limit %d", seed, n, t[n], limit).isEqualTo(want);
                } else {
                    assertThat(got).as("seed %d, node %d, t %d, limit %d (earliest %d)", seed, n, t[n], limit, want)
                            .isGreaterThan(limit).isLessThanOrEqualTo(want);
                }
            }
        }
    }

    /** The room of node n at instant x by the scan of its changes. */
    private static long[] roomAt(List<Change> changes, long[] current, int n, long x) {
        long[] r = {current[n * W], current[n * W + 1], current[n * W + 2]};
        for (Change c : changes) {
            if (c.from() <= x && x < c.to()) for (int k = 0; k < 3; k++) r[k] += c.delta()[k];
        }
        return r;
    }

    /** The earliest start ≥ t holding the need over [start, start + d): t or some change's instant after it, else NEVER. */
    private static long earliest(List<Change> changes, long[] current, int n, long t, long cpus, long mem, long gres, long d) {
        java.util.TreeSet<Long> instants = new java.util.TreeSet<>();
        instants.add(t);
        for (Change c : changes) {
            if (c.from() > t) instants.add(c.from());
            if (c.to() != Long.MAX_VALUE && c.to() > t) instants.add(c.to());
        }
        for (long s : instants) {
            boolean ok = true;
            for (long x : instants) {
                if (x < s || x >= s + d) continue;
                long[] r = roomAt(changes, current, n, x);
                if (r[0] < cpus || r[1] < mem || r[2] < gres) {
                    ok = false;
                    break;
                }
            }
            if (ok) return s;
        }
        return NodeTimelines.NEVER;
    }
}
