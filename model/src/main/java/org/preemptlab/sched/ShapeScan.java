package org.preemptlab.sched;

import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import org.preemptlab.job.JobView;

/**
 * EASY's backfill scan over {@link QueueShapes}: the waiting jobs after the head, in queue order, that
 * pass the scan's two counting tests under the current bounds — at most {@code freeNow} processors, and
 * either ending (by the request) by the shadow time or at most {@code extraCores} processors. Jobs that
 * fail them are skipped a whole shape group at a time. The bounds only shrink during a scan (the
 * started jobs take cores), so a group that fails once fails for the rest of the scan: the jobs
 * returned are exactly those a one-by-one scan would try, in the same order.
 */
final class ShapeScan {

    /** A group's next job and the rest of the group. */
    private record Cursor(JobView job, Iterator<JobView> rest, int procs, long walltime) {}

    /** Cursors in the queue's order of their next jobs; a class, not a lambda: a one-shot run links no lambda. */
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

    private final PriorityQueue<Cursor> heap;
    private final long now;
    private final long shadow;

    /** The groups that pass the tests under the bounds at the start of the scan, each from its first job after the head. */
    ShapeScan(QueueShapes shapes, JobView head, long now, long shadow, long freeNow, long extraCores) {
        this.now = now;
        this.shadow = shadow;
        @SuppressWarnings("unchecked")
        Comparator<JobView> order = (Comparator<JobView>) shapes.order();
        this.heap = new PriorityQueue<>(new CursorOrder(order));
        int maxProcs = (int) Math.min(Integer.MAX_VALUE, freeNow);
        for (Map.Entry<Integer, NavigableMap<Long, NavigableSet<JobView>>> byProcs
                : shapes.groups().headMap(maxProcs, true).entrySet()) {
            int procs = byProcs.getKey();
            for (Map.Entry<Long, NavigableSet<JobView>> group : byProcs.getValue().entrySet()) {
                long walltime = group.getKey();
                if (now + walltime > shadow && procs > extraCores) break; // ascending wall times: the rest end later still
                NavigableSet<JobView> jobs = group.getValue();
                // in a long queue most groups start after the head: then no sub-set view is needed
                Iterator<JobView> rest = order.compare(jobs.first(), head) > 0 ? jobs.iterator() : jobs.tailSet(head, false).iterator();
                if (rest.hasNext()) heap.add(new Cursor(rest.next(), rest, procs, walltime));
            }
        }
    }

    /** The next job after the last one returned that passes the tests under these bounds; null when none is left. */
    JobView next(long freeNow, long extraCores) {
        while (!heap.isEmpty()) {
            Cursor c = heap.poll();
            if (c.procs > freeNow || (now + c.walltime > shadow && c.procs > extraCores)) continue; // the whole group fails
            if (c.rest.hasNext()) heap.add(new Cursor(c.rest.next(), c.rest, c.procs, c.walltime));
            return c.job;
        }
        return null;
    }
}
