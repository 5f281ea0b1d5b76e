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
 */
final class NodeSpace {

    /** {@link Avail#laterStart()} when no later start is worth a new test. */
    static final long NONE = Long.MIN_VALUE;

    private long[] begin = new long[8];
    private long[] end = new long[8];
    private BitSet[] avail = new BitSet[8];
    private int[] next = new int[8];
    private int recs;
    private final long resolution;
    /** {@link #availFor}'s and {@link #overlaps}' working sets (never handed out). */
    private final BitSet scratchNext = new BitSet();
    private final BitSet scratchCurrent = new BitSet();

    /**
     * The nodes a job may use for a test from {@code startRes} to its end ({@code avail_bitmap}), and {@code later_start}:
     * the end of the first record after which more of its partition's nodes are free ({@link #NONE}: none).
     */
    record Avail(BitSet nodes, long laterStart) {}

    /** The map of a cycle at {@code now}: one record [now, now + window), both rounded down, with {@code nodes}. */
    NodeSpace(long now, long windowSeconds, long resolution, BitSet nodes) {
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
    Avail availFor(BitSet partition, long startRes, long endTime) {
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
        return new Avail(nodes, later);
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
