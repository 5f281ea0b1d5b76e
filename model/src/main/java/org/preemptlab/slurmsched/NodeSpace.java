package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Slurm 22.05's backfill map of planned nodes ({@code node_space} in {@code _attempt_backfill}, plugins/sched/backfill/
 * backfill.c): a chain of time records, each with the nodes no planned job holds in it. The cycle starts with one record
 * from its start rounded down to {@code bf_resolution} to its start + {@code bf_window} rounded down, holding every node;
 * a planned job takes its <b>whole</b> nodes out of the records over its planned start and end, both rounded down to the
 * resolution ({@link #reserve}, Slurm's {@code _add_reservation}). A later job of the cycle may use only the nodes free
 * in every record that overlaps its test window ({@link #availFor}); running jobs are not in the map (cons_tres's will-run
 * test sees them).
 *
 * <p>A record's nodes are {@link #words()} words of 64 nodes (node n: bit n % 64 of word n / 64) in one array, record
 * {@code j} from word {@code j * words()}: the tests of a cycle ({@link #availFor(long[], long, long, long[])},
 * {@link #overlaps(long[], long, long)}) read them without allocating (issue 12, session 14; the cluster has a few hundred
 * nodes at most, so a node set is a few words).
 */
final class NodeSpace {

    /** {@link Avail#laterStart()} when no later start is worth a new test. */
    static final long NONE = Long.MIN_VALUE;

    private long[] begin = new long[8];
    private long[] end = new long[8];
    /** Record j's free nodes: words j * w .. j * w + w - 1. */
    private long[] avail;
    private int[] next = new int[8];
    private int recs;
    private final long resolution;
    /** Words per node set. */
    private final int w;

    /**
     * The nodes a job may use for a test from {@code startRes} to its end ({@code avail_bitmap}), and {@code later_start}:
     * the end of the first record after which more of its partition's nodes are free ({@link #NONE}: none).
     */
    record Avail(BitSet nodes, long laterStart) {}

    /** The map of a cycle at {@code now}: one record [now, now + window), both rounded down, with {@code nodes}. */
    NodeSpace(long now, long windowSeconds, long resolution, BitSet nodes) {
        this.resolution = resolution;
        long[] init = nodes.toLongArray();
        this.w = Math.max(1, init.length);
        avail = new long[8 * w];
        System.arraycopy(init, 0, avail, 0, init.length);
        begin[0] = down(now);
        end[0] = down(now + windowSeconds);
        next[0] = 0;
        recs = 1;
    }

    /** Words of 64 nodes per node set of this map (the nodes it was made with; none lies beyond them). */
    int words() {
        return w;
    }

    long down(long t) {
        return Math.floorDiv(t, resolution) * resolution;
    }

    private int newRecord() {
        if (recs == begin.length) {
            int cap = recs * 2;
            begin = Arrays.copyOf(begin, cap);
            end = Arrays.copyOf(end, cap);
            avail = Arrays.copyOf(avail, cap * w);
            next = Arrays.copyOf(next, cap);
        }
        return recs++;
    }

    /**
     * The nodes of {@code partition} free in every record that ends after {@code startRes} and begins at or before
     * {@code endTime}, and the later start to try (the loop over {@code node_space} before {@code _try_sched}): the end
     * of the first record ending after {@code startRes} whose successor frees a partition node the test so far lacks.
     */
    Avail availFor(BitSet partition, long startRes, long endTime) {
        long[] nodes = new long[w];
        long later = availFor(words(partition, "partition"), startRes, endTime, nodes);
        return new Avail(BitSet.valueOf(nodes), later);
    }

    /**
     * {@link #availFor(BitSet, long, long)} on words: the nodes into {@code nodes} (its first {@link #words()} words), the
     * later start returned; {@code partition} has at least {@link #words()} words (those beyond are not read).
     */
    long availFor(long[] partition, long startRes, long endTime, long[] nodes) {
        final int w = this.w;
        final long[] avail = this.avail;
        System.arraycopy(partition, 0, nodes, 0, w);
        long later = NONE;
        for (int j = 0; ; ) {
            long e = end[j];
            if (e > startRes) {
                int bj = j * w;
                int nj = next[j];
                if (nj != 0 && later == NONE) { // bit_super_set(partition & next, nodes & current) is false
                    int bn = nj * w;
                    for (int i = 0; i < w; i++) {
                        if ((partition[i] & avail[bn + i] & ~(nodes[i] & avail[bj + i])) != 0) {
                            later = e;
                            break;
                        }
                    }
                }
                if (begin[j] <= endTime) {
                    for (int i = 0; i < w; i++) nodes[i] &= avail[bj + i];
                } else {
                    break;
                }
            }
            if ((j = next[j]) == 0) break;
        }
        return later;
    }

    /**
     * Whether a record overlapping [start, endReserve) (both rounded down) lacks one of {@code use}: the job would run
     * beside an earlier plan on its nodes ({@code _test_resv_overlap}).
     */
    boolean overlaps(BitSet use, long start, long endReserve) {
        return overlaps(words(use, "nodes"), start, endReserve);
    }

    /** {@link #overlaps(BitSet, long, long)} on words ({@code use}: at least {@link #words()} of them). */
    boolean overlaps(long[] use, long start, long endReserve) {
        final int w = this.w;
        final long[] avail = this.avail;
        for (int j = 0; ; ) {
            if (end[j] > start && begin[j] < endReserve) {
                int bj = j * w;
                for (int i = 0; i < w; i++) if ((use[i] & ~avail[bj + i]) != 0) return true;
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
        reserve(start, endReserve, words(use, "nodes"));
    }

    /** {@link #reserve(long, long, BitSet)} on words ({@code use}: at least {@link #words()} of them). */
    void reserve(long start, long endReserve, long[] use) {
        final int w = this.w;
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
                System.arraycopy(avail, j * w, avail, i * w, w);
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
                System.arraycopy(avail, j * w, avail, i * w, w);
                next[i] = next[j];
                next[j] = i;
            }
            int bj = j * w;
            for (int x = 0; x < w; x++) avail[bj + x] &= ~use[x];
            if (endReserve == end[j]) {
                if (next[j] != 0) oneAfter = next[j];
                break;
            }
        }
        for (int i = oneBefore; i != oneAfter; ) { // drop one record equal to the one before it
            int k = next[i];
            if (k == 0) break;
            if (!Arrays.equals(avail, i * w, i * w + w, avail, k * w, k * w + w)) {
                i = k;
                continue;
            }
            end[i] = end[k];
            next[i] = next[k];
            break;
        }
    }

    /**
     * {@code nodes} as {@link #words()} words; a node beyond the map's (a node the cluster does not have) is refused,
     * naming it and {@code what}.
     */
    long[] words(BitSet nodes, String what) {
        long[] b = nodes.toLongArray();
        if (b.length > w) {
            throw new IllegalArgumentException(what + " node " + nodes.nextSetBit(w * 64) + " lies beyond the " + (w * 64) + " nodes of the map");
        }
        return b.length == w ? b : Arrays.copyOf(b, w);
    }

    /** The records in time order as {@code [begin, end) nodes} (for tests and messages). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; ; ) {
            if (b.length() > 0) b.append(", ");
            b.append('[').append(begin[j]).append(", ").append(end[j]).append(") ")
                    .append(BitSet.valueOf(Arrays.copyOfRange(avail, j * w, j * w + w)));
            if ((j = next[j]) == 0) break;
        }
        return b.toString();
    }
}
