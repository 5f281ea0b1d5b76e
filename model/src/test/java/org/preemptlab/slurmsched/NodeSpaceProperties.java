package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The map of planned nodes on 64-node words ({@link NodeSpace}, session 14) gives what the map of {@code BitSet} records it
 * replaced gives ({@link RefSpace}, that code as it was): the same records after any sequence of plans, the same nodes and
 * later start for any test window, the same overlaps, on 1 to 200 nodes (one to four words, a partial last word), with
 * plans from before the map, past its end, of zero length and on equal neighbours (records merged).
 */
class NodeSpaceProperties {

    @Property(tries = 400)
    void wordsGiveTheBitSetMapsAnswers(@ForAll long seed) {
        Random rnd = new Random(seed);
        int nodeCount = 1 + rnd.nextInt(200);
        long resolution = 1 + rnd.nextInt(120);
        long now = rnd.nextInt(100_000) - 50_000;
        long window = 1 + rnd.nextInt(20_000);
        BitSet all = new BitSet();
        all.set(0, nodeCount);
        NodeSpace space = new NodeSpace(now, window, resolution, all);
        RefSpace ref = new RefSpace(now, window, resolution, all);
        int w = space.words();
        for (int step = 0; step < 120; step++) {
            String at = "seed " + seed + ", step " + step + ", " + nodeCount + " nodes, map " + ref;
            int kind = rnd.nextInt(4);
            long start = now - 2 * resolution + rnd.nextInt((int) window + 4 * (int) resolution);
            long end = start + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt((int) window));
            if (kind == 0) {
                BitSet use = randomNodes(rnd, nodeCount, ref);
                ref.reserve(space.down(start), space.down(end), use);
                space.reserve(space.down(start), space.down(end), use);
                assertThat(space.toString()).as(at).isEqualTo(ref.toString());
            } else if (kind == 1) {
                BitSet use = randomNodes(rnd, nodeCount, ref);
                assertThat(space.overlaps(use, space.down(start), space.down(end))).as(at + ", use " + use)
                        .isEqualTo(ref.overlaps(use, space.down(start), space.down(end)));
            } else {
                BitSet part = randomNodes(rnd, nodeCount, ref);
                NodeSpace.Avail want = ref.availFor(part, start, end);
                NodeSpace.Avail got = space.availFor(part, start, end);
                assertThat(got).as(at + ", partition " + part + " from " + start + " to " + end).isEqualTo(want);
                long[] words = Arrays.copyOf(part.toLongArray(), w); // the word form the planner uses, into a reused array
                long[] into = new long[w];
                Arrays.fill(into, -1L);
                assertThat(space.availFor(words, start, end, into)).as(at).isEqualTo(want.laterStart());
                assertThat(BitSet.valueOf(into)).as(at).isEqualTo(want.nodes());
            }
        }
    }

    /** Every node, none, one run, or a random set; sometimes a set the map holds (to merge equal records). */
    private static BitSet randomNodes(Random rnd, int nodeCount, RefSpace ref) {
        BitSet b = new BitSet();
        switch (rnd.nextInt(5)) {
            case 0 -> b.set(0, nodeCount);
            case 1 -> { }
            case 2 -> {
                int from = rnd.nextInt(nodeCount);
                b.set(from, Math.min(nodeCount, from + 1 + rnd.nextInt(70)));
            }
            default -> {
                int density = 1 + rnd.nextInt(8);
                for (int n = 0; n < nodeCount; n++) if (rnd.nextInt(8) < density) b.set(n);
            }
        }
        return b;
    }

    /** The map as it was before session 14: each record's nodes a {@code BitSet} (the reference). */
    private static final class RefSpace {


        /** {@link Avail#laterStart()} when no later start is worth a new test. */
        static final long NONE = NodeSpace.NONE;

        private long[] begin = new long[8];
        private long[] end = new long[8];
        private BitSet[] avail = new BitSet[8];
        private int[] next = new int[8];
        private int recs;
        private final long resolution;
        /** {@link #availFor}'s and {@link #overlaps}' working sets (never handed out). */
        private final BitSet scratchNext = new BitSet();
        private final BitSet scratchCurrent = new BitSet();

        /** The map of a cycle at {@code now}: one record [now, now + window), both rounded down, with {@code nodes}. */
        RefSpace(long now, long windowSeconds, long resolution, BitSet nodes) {
            this.resolution = resolution;
            begin[0] = down(now);
            end[0] = down(now + windowSeconds);
            avail[0] = (BitSet) nodes.clone();
            next[0] = 0;
            recs = 1;
        }

        long down(long t) {
            return Math.floorDiv(t, resolution) * resolution;
        }

        private int newRecord() {
            if (recs == begin.length) {
                int cap = recs * 2;
                begin = Arrays.copyOf(begin, cap);
                end = Arrays.copyOf(end, cap);
                avail = Arrays.copyOf(avail, cap);
                next = Arrays.copyOf(next, cap);
            }
            return recs++;
        }

        /**
         * The nodes of {@code partition} free in every record that ends after {@code startRes} and begins at or before
         * {@code endTime}, and the later start to try (the loop over {@code node_space} before {@code _try_sched}): the end
         * of the first record ending after {@code startRes} whose successor frees a partition node the test so far lacks.
         */
        NodeSpace.Avail availFor(BitSet partition, long startRes, long endTime) {
            BitSet nodes = (BitSet) partition.clone();
            long later = NONE;
            for (int j = 0; ; ) {
                if (end[j] > startRes && next[j] != 0 && later == NONE) {
                    BitSet nextNodes = scratchNext;
                    nextNodes.clear();
                    nextNodes.or(partition);
                    nextNodes.and(avail[next[j]]);
                    BitSet current = scratchCurrent;
                    current.clear();
                    current.or(nodes);
                    current.and(avail[j]);
                    nextNodes.andNot(current);
                    if (!nextNodes.isEmpty()) later = end[j]; // bit_super_set(next, current) is false
                }
                if (end[j] <= startRes) {
                    // before the test
                } else if (begin[j] <= endTime) {
                    nodes.and(avail[j]);
                } else {
                    break;
                }
                if ((j = next[j]) == 0) break;
            }
            return new NodeSpace.Avail(nodes, later);
        }

        /**
         * Whether a record overlapping [start, endReserve) (both rounded down) lacks one of {@code use}: the job would run
         * beside an earlier plan on its nodes ({@code _test_resv_overlap}).
         */
        boolean overlaps(BitSet use, long start, long endReserve) {
            for (int j = 0; ; ) {
                if (end[j] > start && begin[j] < endReserve) {
                    BitSet missing = scratchNext;
                    missing.clear();
                    missing.or(use);
                    missing.andNot(avail[j]);
                    if (!missing.isEmpty()) return true;
                }
                if ((j = next[j]) == 0) break;
            }
            return false;
        }

        /**
         * Takes the nodes {@code use} out of the records over [start, endReserve) (rounded down by the caller; at least one
         * resolution long, not before the map): {@code _add_reservation}, including its dropping of one record that has
         * become equal to its predecessor.
         */
        void reserve(long start, long endReserve, BitSet use) {
            start = Math.max(start, begin[0]);
            if (endReserve < start + resolution) endReserve = start + resolution;
            boolean placed = false;
            int j = 0;
            int oneBefore = 0;
            int oneAfter = -1;
            while (true) {
                if (end[j] > start) { // a record starting at start
                    int i = newRecord();
                    begin[i] = start;
                    end[i] = end[j];
                    end[j] = start;
                    avail[i] = (BitSet) avail[j].clone();
                    next[i] = next[j];
                    next[j] = i;
                    placed = true;
                    break;
                }
                if (end[j] == start) {
                    placed = true;
                    break;
                }
                oneBefore = j;
                if ((j = next[j]) == 0) break;
            }
            while (placed && (j = next[j]) != 0) {
                if (endReserve < end[j]) { // a record starting at endReserve
                    int i = newRecord();
                    begin[i] = endReserve;
                    end[i] = end[j];
                    end[j] = endReserve;
                    avail[i] = (BitSet) avail[j].clone();
                    next[i] = next[j];
                    next[j] = i;
                }
                avail[j].andNot(use);
                if (endReserve == end[j]) {
                    if (next[j] != 0) oneAfter = next[j];
                    break;
                }
            }
            for (int i = oneBefore; i != oneAfter; ) { // drop one record equal to the one before it
                int k = next[i];
                if (k == 0) break;
                if (!avail[i].equals(avail[k])) {
                    i = k;
                    continue;
                }
                end[i] = end[k];
                next[i] = next[k];
                avail[k] = null;
                break;
            }
        }

        /** The records in time order as {@code [begin, end) nodes} (for tests and messages). */
        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            for (int j = 0; ; ) {
                if (b.length() > 0) b.append(", ");
                b.append('[').append(begin[j]).append(", ").append(end[j]).append(") ").append(avail[j]);
                if ((j = next[j]) == 0) break;
            }
            return b.toString();
        }
}
}
