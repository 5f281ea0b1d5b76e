package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.job.Placement;

/**
 * The whole-node planner's will-run batches ({@link WillRunPlanner#batchesOn}: the running jobs sorted once per cycle,
 * a started job inserted in place, batches kept per node set until a job starts) are those computed from scratch for
 * every test ({@link WillRunBatches#sortedWithFlags} then {@link WillRunBatches#batches}), through a cycle of starts,
 * with many equal ends (ties in index order) and node sets asked again.
 */
class WillRunPlannerProperties {

    @Property(tries = 500)
    void batchesKeptAcrossTestsAreThoseComputedAfresh(@ForAll long seed) {
        check(seed, 80, 5);
    }

    /**
     * The same with many node sets between starts (hundreds asked, a start now and then): the planner's table of batches
     * by node words grows, and is emptied when a job starts, also after it grew (session 14).
     */
    @Property(tries = 100)
    void batchesOfManyNodeSetsBetweenStartsAreThoseComputedAfresh(@ForAll long seed) {
        check(seed, 400, 150);
    }

    /**
     * The planner's lazy walk ({@link WillRunPlanner#startAfter}: batches made only up to the first that starts after the
     * fit, the walk kept per node set and resumed by a later fit, also after a smaller one; session 14) answers as
     * {@link WillRunBatches#startAfter} on the batches computed from scratch, for fits before, among, on and after the
     * ends; now and then the whole list is asked ({@link WillRunPlanner#batchesOn}) in between.
     */
    @Property(tries = 400)
    void lazyStartAfterIsThatOfTheBatchesComputedAfresh(@ForAll long seed) {
        Random rnd = new Random(seed);
        int nodeCount = 1 + rnd.nextInt(150);
        long now = rnd.nextInt(100_000);
        long epoch = rnd.nextBoolean() ? 0 : 1_600_000_000L + rnd.nextInt(30);
        int spread = rnd.nextBoolean() ? 20 : 5000;
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        int running = rnd.nextInt(80);
        for (int k = 0; k < running; k++) {
            ends.add(now + 1 + rnd.nextInt(spread));
            held.add(placement(rnd, nodeCount));
        }
        WillRunPlanner planner = new WillRunPlanner(now, 86_400, 60, null, toLongs(ends), held.toArray(new Placement[0]), nodeCount, epoch);
        List<BitSet> asked = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            if (rnd.nextInt(60) == 0) {
                long end = now + 1 + rnd.nextInt(spread);
                Placement p = placement(rnd, nodeCount);
                planner.started(p, end);
                ends.add(end);
                held.add(p);
                continue;
            }
            BitSet nodes;
            if (!asked.isEmpty() && rnd.nextInt(4) != 0) {
                nodes = (BitSet) asked.get(rnd.nextInt(asked.size())).clone();
            } else {
                nodes = new BitSet();
                int density = 1 + rnd.nextInt(8);
                for (int n = 0; n < nodeCount; n++) if (rnd.nextInt(16) < density) nodes.set(n);
                asked.add((BitSet) nodes.clone());
            }
            int n = ends.size();
            long[] sorted = new long[n];
            boolean[] on = new boolean[n];
            WillRunBatches.sortedWithFlags(toLongs(ends), held.toArray(new Placement[0]), n, nodes, sorted, on);
            long[][] want = WillRunBatches.batches(sorted, on, epoch);
            int batches = want[1].length;
            long fit = switch (rnd.nextInt(5)) {
                case 4 -> batches == 0 ? now + 1 : want[rnd.nextInt(2)][rnd.nextInt(batches)]; // a batch's first or last end
                case 0 -> n == 0 ? now + 1 : sorted[rnd.nextInt(n)]; // on an end
                case 1 -> n == 0 ? now + 1 : sorted[rnd.nextInt(n)] + rnd.nextInt(61) - 30; // near one
                case 2 -> now + 1 + rnd.nextInt(spread + 100); // anywhere, past the last end too
                default -> rnd.nextBoolean() ? now + 1 : Long.MAX_VALUE - rnd.nextInt(3); // the extremes
            };
            if (rnd.nextInt(10) == 0) {
                assertThat(planner.batchesOn(nodes)).as("seed %d, step %d", seed, step).isDeepEqualTo(want);
            }
            assertThat(planner.startAfter(nodes, fit)).as("seed %d, step %d, %d running, fit %d, nodes %s", seed, step, n, fit, nodes)
                    .isEqualTo(WillRunBatches.startAfter(want, fit));
        }
    }

    private static void check(long seed, int steps, int startOneIn) {
        Random rnd = new Random(seed);
        int nodeCount = 1 + rnd.nextInt(200);
        long now = rnd.nextInt(100_000);
        long epoch = rnd.nextBoolean() ? 0 : 1_600_000_000L + rnd.nextInt(30);
        int spread = rnd.nextBoolean() ? 20 : 5000; // small: many equal ends
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        int running = rnd.nextInt(60);
        for (int k = 0; k < running; k++) {
            ends.add(now + 1 + rnd.nextInt(spread));
            held.add(placement(rnd, nodeCount));
        }
        WillRunPlanner planner = new WillRunPlanner(now, 86_400, 60, null, toLongs(ends), held.toArray(new Placement[0]), nodeCount, epoch);
        List<BitSet> asked = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            if (rnd.nextInt(startOneIn) == 0) {
                long end = now + 1 + rnd.nextInt(spread);
                Placement p = placement(rnd, nodeCount);
                planner.started(p, end);
                ends.add(end);
                held.add(p);
                continue;
            }
            BitSet nodes;
            if (!asked.isEmpty() && rnd.nextInt(3) == 0) {
                nodes = (BitSet) asked.get(rnd.nextInt(asked.size())).clone();
            } else {
                nodes = new BitSet();
                int density = 1 + rnd.nextInt(8);
                for (int n = 0; n < nodeCount; n++) if (rnd.nextInt(8) < density) nodes.set(n);
                asked.add((BitSet) nodes.clone());
            }
            int n = ends.size();
            long[] sorted = new long[n];
            boolean[] on = new boolean[n];
            WillRunBatches.sortedWithFlags(toLongs(ends), held.toArray(new Placement[0]), n, nodes, sorted, on);
            long[][] want = WillRunBatches.batches(sorted, on, epoch);
            long[][] got = planner.batchesOn(nodes);
            assertThat(got).as("seed %d, step %d, %d running, nodes %s", seed, step, n, nodes).isDeepEqualTo(want);
            nodes.clear(); // the planner keeps its own copy of the key
        }
    }

    /** 1 to 4 runs of nodes, or a node list in any order. */
    private static Placement placement(Random rnd, int nodeCount) {
        int count = 1 + rnd.nextInt(Math.min(6, nodeCount));
        int[] nodes = new int[count];
        int base = rnd.nextInt(nodeCount);
        for (int i = 0; i < count; i++) nodes[i] = rnd.nextBoolean() ? (base + i) % nodeCount : rnd.nextInt(nodeCount);
        return new Placement(0, count, java.util.Arrays.stream(nodes).distinct().toArray(), 1, 0);
    }

    private static long[] toLongs(List<Long> l) {
        return l.stream().mapToLong(Long::longValue).toArray();
    }
}
