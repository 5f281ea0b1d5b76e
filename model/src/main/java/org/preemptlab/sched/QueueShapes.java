package org.preemptlab.sched;

import java.util.Comparator;
import java.util.NavigableSet;
import org.preemptlab.job.JobView;

/**
 * The waiting jobs by shape: by processors ({@code spec().procs()}), each count's jobs in queue order
 * with the wall time they ask for if started now ({@link JobView#requestedWalltime()}). A read-only
 * view of the same jobs as {@link Snapshot#queue()}, kept up to date by the engine, so a backfill scan
 * can pass over the jobs that cannot start without visiting them one by one.
 */
public interface QueueShapes {

    /** The order of {@link Snapshot#queue()}; {@link #firstAfter} follows it. */
    Comparator<? super JobView> order();

    /** The processor counts the waiting jobs ask for, ascending, each once. Read-only (the engine owns it). */
    NavigableSet<Integer> processorCounts();

    /**
     * The first waiting job after {@code after} in queue order (from the first one if it is null) that
     * asks for exactly {@code procs} processors and at most {@code maxWalltime} seconds; null if none.
     * O(log n): the jobs of one processor count are indexed by queue order with their least wall times.
     */
    JobView firstAfter(int procs, JobView after, long maxWalltime);
}
