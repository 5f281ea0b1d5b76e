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

    /** One or two of 8 nodes (the partition holds nodes 0–3). */
    private static Placement onNodes(Random rnd) {
        int a = rnd.nextInt(8);
        int b = rnd.nextInt(8);
        int[] nodes = a == b || rnd.nextBoolean() ? new int[] {a} : new int[] {Math.min(a, b), Math.max(a, b)};
        return new Placement(0, nodes.length, nodes, 1, 0);
    }
}
