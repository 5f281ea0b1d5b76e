package org.preemptlab.sched;

import java.util.Comparator;
import java.util.PriorityQueue;
import org.preemptlab.job.JobView;

/**
 * EASY's backfill scan over {@link QueueShapes}: the waiting jobs after the head, in queue order, that
 * pass the scan's two counting tests under the current bounds — at most {@code freeNow} processors, and
 * either ending (by the request) by the shadow time or at most {@code extraCores} processors. One
 * cursor per processor count, each at the first job of that count after the last one returned that
 * passes the tests ({@link QueueShapes#firstAfter}, O(log n)); the jobs in between are never visited.
 * The bounds only shrink during a scan (the started jobs take cores), so a cursor that fails once is
 * moved on (or dropped) and a job skipped never passes later: the jobs returned are exactly those a
 * one-by-one scan would try, in the same order. The wall time tested is the shapes' ({@link QueueShapes#walltime}):
 * the requested one, or a preemptive backfill's predicted run time ({@link QueueShapes#by}).
 */
public final class ShapeScan {

    /** A processor count's next job. */
    private record Cursor(JobView job, int procs, long walltime) {}

    /** Cursors in the queue's order of their jobs; a class, not a lambda: a one-shot run links no lambda. */
    private static final class CursorOrder implements Comparator<Cursor> {
        private final Comparator<JobView> order;

        CursorOrder(Comparator<JobView> order) {
            this.order = order;
        }

        @Override
        public int compare(Cursor a, Cursor b) {
            return order.compare(a.job, b.job);
        }
    }

    private final QueueShapes shapes;
    private final PriorityQueue<Cursor> heap;
    private final long now;
    private final long shadow;
    /** The longest request that ends by the shadow time ({@code now + w <= shadow}). */
    private final long endsByShadow;

    /**
     * The processor counts that pass the tests under the bounds at the start of the scan, each from its first job
     * after the head ({@code head} null: from the first waiting job).
     */
    public ShapeScan(QueueShapes shapes, JobView head, long now, long shadow, long freeNow, long extraCores) {
        this.shapes = shapes;
        this.now = now;
        this.shadow = shadow;
        this.endsByShadow = now >= 0 || shadow <= Long.MAX_VALUE + now ? shadow - now : Long.MAX_VALUE;
        @SuppressWarnings("unchecked")
        Comparator<JobView> order = (Comparator<JobView>) shapes.order();
        this.heap = new PriorityQueue<>(new CursorOrder(order));
        int maxProcs = (int) Math.min(Integer.MAX_VALUE, freeNow);
        for (Integer procs : shapes.processorCounts().headSet(maxProcs, true)) advance(procs, head, extraCores);
    }

    /** Puts a cursor at the first job of {@code procs} processors after {@code after} that passes the wall-time test. */
    private void advance(int procs, JobView after, long extraCores) {
        JobView job = shapes.firstAfter(procs, after, procs <= extraCores ? Long.MAX_VALUE : endsByShadow);
        if (job != null) heap.add(new Cursor(job, procs, shapes.walltime(job)));
    }

    /** The next job after the last one returned that passes the tests under these bounds; null when none is left. */
    public JobView next(long freeNow, long extraCores) {
        while (!heap.isEmpty()) {
            Cursor c = heap.poll();
            if (c.procs > freeNow) continue; // the whole processor count fails, now and for the rest of the scan
            if (now + c.walltime > shadow && c.procs > extraCores) { // the extra cores shrank: a shorter request of this count
                advance(c.procs, c.job, extraCores);
                continue;
            }
            advance(c.procs, c.job, extraCores);
            return c.job;
        }
        return null;
    }
}
