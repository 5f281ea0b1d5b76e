package org.preemptlab.sched;

import java.util.Comparator;
import java.util.NavigableMap;
import java.util.NavigableSet;
import org.preemptlab.job.JobView;

/**
 * The waiting jobs grouped by shape: by processors ({@code spec().procs()}), then by the wall time
 * they ask for if started now ({@link JobView#requestedWalltime()}); each group in queue order. A
 * read-only view of the same jobs as {@link Snapshot#queue()}, kept up to date by the engine, so a
 * backfill scan can pass over the jobs that cannot start without visiting them one by one.
 */
public interface QueueShapes {

    /** The order of {@link Snapshot#queue()}; every group is sorted by it. */
    Comparator<? super JobView> order();

    /**
     * Processors → requested wall time (s) → the waiting jobs of that shape, in queue order; no empty
     * group. Read-only: a policy must not change it (the top level refuses changes; the engine owns the rest).
     */
    NavigableMap<Integer, NavigableMap<Long, NavigableSet<JobView>>> groups();

    /**
     * The first waiting job after {@code after} in queue order (from the first one if it is null) that
     * asks for exactly {@code procs} processors and at most {@code maxWalltime} seconds; null if none.
     * O(log n): the jobs of one processor count are indexed by queue order with their least wall times.
     */
    JobView firstAfter(int procs, JobView after, long maxWalltime);
}
