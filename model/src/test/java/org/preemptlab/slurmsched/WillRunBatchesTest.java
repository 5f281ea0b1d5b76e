package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.Placement;

/**
 * The cycle's batches of running jobs' ends ({@link WillRunBatches}) give {@link SlurmSchedulerPolicy#willRunStart}'s
 * answer for every fit, on the ends of the jobs with a node in the partition, also after jobs start in the cycle.
 */
class WillRunBatchesTest {

    @Test
    void theBatchesLastEndsGiveWillRunStartForEveryFit() {
        Random rnd = new Random(7);
        for (int round = 0; round < 2000; round++) {
            int n = rnd.nextInt(40);
            long[] ends = new long[n];
            long base = rnd.nextInt(1000);
            for (int k = 0; k < n; k++) ends[k] = base + (rnd.nextInt(4) == 0 ? rnd.nextInt(40) : rnd.nextInt(rnd.nextBoolean() ? 300 : 20000));
            long[] sorted = ends.clone();
            Arrays.sort(sorted);
            long[] lasts = WillRunBatches.batchLasts(sorted);
            for (int q = 0; q < 30; q++) {
                long fit = base + rnd.nextInt(21000) - 50;
                if (q < n) fit = ends[q] + rnd.nextInt(3) - 1; // at, just before and just after an end
                assertEquals(SlurmSchedulerPolicy.willRunStart(fit, ends.clone()), WillRunBatches.firstAtLeast(lasts, fit),
                        "fit " + fit + " ends " + Arrays.toString(ends));
            }
        }
    }

    @Test
    void aPartitionSeesTheEndsOfTheJobsOnItsNodesAlsoAfterAStart() {
        Random rnd = new Random(11);
        for (int round = 0; round < 300; round++) {
            int n = 1 + rnd.nextInt(30);
            List<Long> ends = new ArrayList<>();
            List<Placement> held = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                ends.add(100L + rnd.nextInt(5000));
                held.add(onNodes(rnd));
            }
            WillRunBatches b = new WillRunBatches(ends.stream().mapToLong(Long::longValue).toArray(), held.toArray(new Placement[0]));
            BitSet part = new BitSet();
            part.set(0, 4);
            for (int q = 0; q < 20; q++) {
                if (rnd.nextInt(5) == 0) { // a job started in the cycle
                    long e = 100L + rnd.nextInt(5000);
                    Placement p = onNodes(rnd);
                    ends.add(e);
                    held.add(p);
                    b.add(e, p);
                }
                long fit = 50L + rnd.nextInt(5200);
                long[] mine = new long[ends.size()];
                int m = 0;
                for (int k = 0; k < ends.size(); k++) {
                    if (Arrays.stream(held.get(k).nodes()).anyMatch(part::get)) mine[m++] = ends.get(k);
                }
                long[] all = ends.stream().mapToLong(Long::longValue).toArray();
                assertEquals(SlurmSchedulerPolicy.willRunStart(fit, Arrays.copyOf(mine, m)), b.start(fit, List.of("p"), pools -> part));
                assertEquals(SlurmSchedulerPolicy.willRunStart(fit, all), b.start(fit, List.of(), pools -> null));
            }
        }
    }

    /**
     * The partitions' running jobs by their node groups' bits (a cluster of 4 groups of 2 nodes) give the same starts as
     * the node-by-node look-up, for partitions of any groups and every node, also after starts in the cycle, with ends
     * equal, out of order and spread over a wide range.
     */
    @Test
    void thePartitionsJobsByGroupBitsAreThoseFoundNodeByNode() {
        org.preemptlab.cluster.NodeCluster nc = new org.preemptlab.cluster.NodeCluster(List.of(
                org.preemptlab.cluster.NodePool.simple("a", 2, 4, 1024), org.preemptlab.cluster.NodePool.simple("b", 2, 4, 1024),
                org.preemptlab.cluster.NodePool.simple("c", 2, 4, 1024), org.preemptlab.cluster.NodePool.simple("d", 2, 4, 1024)));
        int[] groupOf = WillRunBatches.groupOf(nc);
        assertEquals("[0, 0, 1, 1, 2, 2, 3, 3]", Arrays.toString(groupOf));
        List<List<String>> partitions = List.of(List.of(), List.of("a"), List.of("b", "c"), List.of("d", "a"), List.of("c", "x"),
                List.of("x"), List.of("a", "b", "c", "d"));
        Random rnd = new Random(13);
        for (int round = 0; round < 400; round++) {
            int n = rnd.nextInt(30);
            long base = rnd.nextInt(2000);
            long spread = rnd.nextBoolean() ? 60 : 1L << (10 + rnd.nextInt(40));
            long[] ends = new long[n];
            Placement[] held = new Placement[n];
            for (int k = 0; k < n; k++) {
                ends[k] = base + (long) (rnd.nextDouble() * spread);
                held[k] = onNodes(rnd);
            }
            WillRunBatches byNodes = new WillRunBatches(ends, held, 17);
            WillRunBatches byGroups = new WillRunBatches(ends, held, 17, nc, groupOf, rnd.nextBoolean() ? TresStepProfile.byTime(ends) : null);
            for (int q = 0; q < 25; q++) {
                if (rnd.nextInt(4) == 0) {
                    long e = rnd.nextInt(3) == 0 && n > 0 ? ends[rnd.nextInt(n)] : base + (long) (rnd.nextDouble() * spread);
                    Placement p = onNodes(rnd);
                    byNodes.add(e, p);
                    byGroups.add(e, p);
                }
                List<String> pools = partitions.get(rnd.nextInt(partitions.size()));
                long fit = base + (long) (rnd.nextDouble() * spread * 1.1) - 30;
                BitSet usable = new BitSet();
                for (String pool : pools) {
                    int pi = nc.poolIndex(pool);
                    if (pi >= 0) usable.set(nc.firstNode(pi), nc.firstNode(pi) + 2);
                }
                assertEquals(byNodes.start(fit, pools, x -> pools.isEmpty() ? null : usable),
                        byGroups.start(fit, pools, x -> { throw new AssertionError("the groups' bits need no nodes"); }),
                        "round " + round + " pools " + pools + " fit " + fit);
            }
        }
    }

    /** The order by time is a stable sort's (equal times by index), for small and huge spans (the packed and the boxed sort). */
    @Test
    void byTimeIsAStableSortsOrder() {
        Random rnd = new Random(5);
        for (int round = 0; round < 1000; round++) {
            int n = rnd.nextInt(50);
            long[] times = new long[n];
            int kind = rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                times[k] = switch (kind) {
                    case 0 -> 1000 + rnd.nextInt(5);
                    case 1 -> rnd.nextInt(100_000);
                    case 2 -> rnd.nextBoolean() ? Long.MAX_VALUE - rnd.nextInt(3) : Long.MIN_VALUE + rnd.nextInt(3);
                    default -> (1L << 43) * rnd.nextInt(4) + rnd.nextInt(3);
                };
            }
            Integer[] expected = new Integer[n];
            for (int k = 0; k < n; k++) expected[k] = k;
            Arrays.sort(expected, (a, b) -> Long.compare(times[a], times[b]));
            assertEquals(Arrays.toString(expected), Arrays.toString(TresStepProfile.byTime(times)), Arrays.toString(times));
        }
    }

    /** One or two of 8 nodes (the partition holds nodes 0–3). */
    private static Placement onNodes(Random rnd) {
        int a = rnd.nextInt(8);
        int b = rnd.nextInt(8);
        int[] nodes = a == b || rnd.nextBoolean() ? new int[] {a} : new int[] {Math.min(a, b), Math.max(a, b)};
        return new Placement(0, nodes.length, nodes, 1, 0);
    }
}
