package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.preemptlab.job.Placement;

/**
 * The cycle's batches of running jobs' ends ({@link WillRunBatches}) give {@link SlurmSchedulerPolicy#willRunStart}'s
 * answer for every fit when every job is usable, and cons_tres's loop over every running job (those without a node in the
 * partition skipped, {@link #cLoop}) for a partition, also after jobs start in the cycle.
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
                // every running job in order of its end (ties: as listed), and whether it has a node in the partition
                Integer[] order = new Integer[ends.size()];
                for (int k = 0; k < order.length; k++) order[k] = k;
                Arrays.sort(order, (x, y) -> ends.get(x).equals(ends.get(y)) ? Integer.compare(x, y) : Long.compare(ends.get(x), ends.get(y)));
                long[] sorted = new long[order.length];
                boolean[] on = new boolean[order.length];
                for (int r = 0; r < order.length; r++) {
                    sorted[r] = ends.get(order[r]);
                    on[r] = Arrays.stream(held.get(order[r]).nodes()).anyMatch(part::get);
                }
                long[] all = ends.stream().mapToLong(Long::longValue).toArray();
                assertEquals(cLoop(sorted, on, 0, fit), b.start(fit, List.of("p"), pools -> part));
                assertEquals(SlurmSchedulerPolicy.willRunStart(fit, all), b.start(fit, List.of(), pools -> null));
            }
        }
    }

    // run 4 (fixture full-log-run4): t = seconds after the first submit, 2026-12-07 08:48:06 UTC
    private static final long RUN4_EPOCH = 1796633286L;
    private static final String[] RUN4_NODES = {"c1", "c2", "c3", "c4", "c5", "g1", "g2", "g3"};

    private static Placement at(String nodes) {
        int[] at = Arrays.stream(nodes.split(",")).mapToInt(n -> Arrays.asList(RUN4_NODES).indexOf(n)).toArray();
        return new Placement(0, at.length, at, 1, 0);
    }

    /**
     * Hand-worked from slurmctld's log of run 4: the backfill cycle of 08:50:10.160 (t = 124) planned job 50 (cpu, 2 × 2
     * CPUs, 3 min) "to start at 08:53:01" (t 295) on c[1-2], though c1 and c2 are free from t 234 (44 and 46 end there)
     * and the batches of the ends of the jobs on partition cpu's nodes alone end at 284. cons_tres walks every running
     * job in order of its end (start + limit; sacct): 44, 46 (c1,c2, 234), 30 (g3, 238), 27 (g1, 246), 35 (g1,g2, 268),
     * 34 (c4, 272), 40_0 (c3, 284), 40_1 (c4, 284), 22 (g3, 292), 33 (c3, 295), 13_2 (c5,g1,g2, 299), 24 (g1, 324), 43
     * (c5, 355). The barrier is 234 rounded up, strictly, to a multiple of 30 s of the wall clock (08:52:30 = t 264), the
     * first window ends at 294; after 40_1 the next job of the list is 22 (292, within it, on g3 only), so the batch goes
     * on, skips 22 and takes 33 (295) out without looking at its end; then 13_2 (299) closes it: the start is 33's end.
     */
    @Test
    void run4Job50At124TheJobAfterASkippedOneJoinsTheBatch() {
        String[][] running = {{"c1,c2", "234"}, {"c1,c2", "234"}, {"g3", "238"}, {"g1", "246"}, {"g1,g2", "268"}, {"c4", "272"},
            {"c3", "284"}, {"c4", "284"}, {"g3", "292"}, {"c3", "295"}, {"c5,g1,g2", "299"}, {"g1", "324"}, {"c5", "355"}};
        long[] ends = Arrays.stream(running).mapToLong(r -> Long.parseLong(r[1])).toArray();
        Placement[] held = Arrays.stream(running).map(r -> at(r[0])).toArray(Placement[]::new);
        BitSet cpu = new BitSet();
        cpu.set(0, 5);
        WillRunBatches b = new WillRunBatches(ends, held, RUN4_EPOCH);
        assertEquals(295, b.start(234, List.of("c"), pools -> cpu)); // the model before: 284 (the cpu nodes' ends alone)
        // the same list with 22 ended (the cycle of 08:50:25, t 139, which planned 20 on c[1-2] "to start at 08:52:50"):
        // after 40_1 the next job is 33 itself (295 > 294): the batch closes at 284, as Slurm planned 20
        String[][] at139 = {{"c1,c2", "234"}, {"c1,c2", "234"}, {"g3", "238"}, {"g1", "246"}, {"c4", "272"}, {"c3", "284"},
            {"c4", "284"}, {"c3", "295"}, {"c5,g1,g2", "299"}, {"g2", "312"}, {"g1", "324"}, {"c5", "355"}};
        WillRunBatches b139 = new WillRunBatches(Arrays.stream(at139).mapToLong(r -> Long.parseLong(r[1])).toArray(),
                Arrays.stream(at139).map(r -> at(r[0])).toArray(Placement[]::new), RUN4_EPOCH);
        assertEquals(284, b139.start(234, List.of("c"), pools -> cpu));
    }

    /** The batches' rule on every running job's list, against a direct transcription of the C loop. */
    @Test
    void theBatchesOfTheWholeListFollowTheCLoop() {
        Random rnd = new Random(5);
        for (int round = 0; round < 3000; round++) {
            int n = rnd.nextInt(25);
            long[] ends = new long[n];
            boolean[] on = new boolean[n];
            for (int k = 0; k < n; k++) {
                ends[k] = 100 + rnd.nextInt(rnd.nextBoolean() ? 120 : 2000);
                on[k] = rnd.nextInt(3) > 0;
            }
            Arrays.sort(ends);
            long epoch = rnd.nextInt(30);
            long[][] batches = WillRunBatches.batches(ends, on, epoch);
            for (long step = 90; step < 2200; step += 1 + rnd.nextInt(40)) {
                long fit = rnd.nextBoolean() && n > 0 ? ends[rnd.nextInt(n)] : step; // at an end: ties may split between batches
                assertEquals(cLoop(ends, on, epoch, fit), WillRunBatches.startAfter(batches, fit),
                        "fit " + fit + " ends " + Arrays.toString(ends) + " on " + Arrays.toString(on));
            }
        }
    }

    /**
     * job_test.c's loop as written (22.05), for a job that fits once every usable job ending at or before {@code fit} is
     * out: the start is the last removed job's end after the first batch that takes them all; {@code fit} if none is left.
     */
    private static long cLoop(long[] ends, boolean[] on, long epoch, long fit) {
        int it = 0;
        long endTime = 0;
        int window = 30;
        boolean more = true;
        boolean[] removed = new boolean[ends.length];
        while (more) {
            int last = -1;
            int next = -1;
            while (true) {
                if (it >= ends.length) {
                    more = false;
                    break;
                }
                int tmp = it++;
                if (!on[tmp]) continue;
                if (endTime == 0) endTime = ends[tmp] + (30 - Math.floorMod(ends[tmp] + epoch, 30));
                last = tmp;
                removed[tmp] = true;
                next = it < ends.length ? it : -1;
                if (next < 0) {
                    more = false;
                    break;
                } else if (ends[next] > endTime + window) {
                    break;
                }
            }
            if (last < 0) break;
            do {
                window *= 2;
            } while (next >= 0 && ends[next] > endTime + window);
            // the model's fit: the job fits no earlier than fit (the profile's earliest fit, which may be a plan's end)
            boolean fits = ends[last] >= fit;
            for (int k = 0; k < ends.length; k++) fits &= !(on[k] && ends[k] <= fit && !removed[k]);
            if (fits) return ends[last];
        }
        return fit;
    }

    /** One or two of 8 nodes (the partition holds nodes 0–3). */
    private static Placement onNodes(Random rnd) {
        int a = rnd.nextInt(8);
        int b = rnd.nextInt(8);
        int[] nodes = a == b || rnd.nextBoolean() ? new int[] {a} : new int[] {Math.min(a, b), Math.max(a, b)};
        return new Placement(0, nodes.length, nodes, 1, 0);
    }

    /**
     * The cycle's order by end ({@link TresStepProfile#byTime}, given to the batches) is {@link WillRunBatches#sortedOrder}'s
     * (ties in index order), for small and huge spans and negative ends (the packed and the boxed sorts of both).
     */
    @Test
    void byTimeIsTheBatchesOrder() {
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
            assertEquals(Arrays.toString(WillRunBatches.sortedOrder(times, n)), Arrays.toString(TresStepProfile.byTime(times)),
                    Arrays.toString(times));
        }
    }

    /** The batches given the cycle's order answer as those that sort the jobs themselves, also after starts in the cycle. */
    @Test
    void theBatchesGivenTheOrderAnswerAsThoseThatSort() {
        Random rnd = new Random(17);
        for (int round = 0; round < 300; round++) {
            int n = rnd.nextInt(30);
            long[] ends = new long[n];
            Placement[] held = new Placement[n];
            for (int k = 0; k < n; k++) {
                ends[k] = 100L + rnd.nextInt(rnd.nextBoolean() ? 60 : 5000);
                held[k] = onNodes(rnd);
            }
            WillRunBatches sorting = new WillRunBatches(ends, held, 17);
            WillRunBatches given = new WillRunBatches(ends, held, 17, TresStepProfile.byTime(ends));
            BitSet part = new BitSet();
            part.set(0, 4);
            for (int q = 0; q < 20; q++) {
                if (rnd.nextInt(4) == 0) {
                    long e = 100L + rnd.nextInt(5000);
                    Placement p = onNodes(rnd);
                    sorting.add(e, p);
                    given.add(e, p);
                }
                long fit = 50L + rnd.nextInt(5200);
                assertEquals(sorting.start(fit, List.of("p"), pools -> part), given.start(fit, List.of("p"), pools -> part));
                assertEquals(sorting.start(fit, List.of(), pools -> null), given.start(fit, List.of(), pools -> null));
            }
        }
    }

    /**
     * Ends spread over the whole range of a long (one per doubling, up to Long.MAX_VALUE − 1): the window doubles past
     * 2^62 without overflowing, so the walk ends (it looped for ever once barrier + window overflowed) and the last batch
     * ends at the largest end.
     */
    @Test
    @Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void windowsThatWouldOverflowALongStillEndTheWalk() {
        int n = 64;
        long[] ends = new long[n];
        for (int k = 0; k < n - 1; k++) ends[k] = 40L << Math.min(k, 57);
        for (int k = 58; k < n - 1; k++) ends[k] = ends[k - 1] + (Long.MAX_VALUE - ends[k - 1]) / 2;
        ends[n - 1] = Long.MAX_VALUE - 1;
        boolean[] on = new boolean[n];
        Arrays.fill(on, true);
        long[][] b = WillRunBatches.batches(ends, on, 0);
        long[] lasts = b[1];
        assertEquals(Long.MAX_VALUE - 1, lasts[lasts.length - 1], "the last batch ends at the largest end");
        for (int k = 1; k < lasts.length; k++) assertEquals(true, lasts[k] > lasts[k - 1], "batch " + k + " after batch " + (k - 1));
        assertEquals(true, lasts.length > 50, "one batch per doubling: " + lasts.length);
    }
}
