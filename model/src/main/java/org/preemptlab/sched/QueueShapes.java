package org.preemptlab.sched;

import java.util.Comparator;
import java.util.NavigableSet;
import java.util.function.ToLongFunction;
import org.preemptlab.job.JobView;

/**
 * The waiting jobs by shape: by processors ({@code spec().procs()}), each count's jobs in queue order
 * with the wall time they ask for if started now ({@link JobView#requestedWalltime()}) or another wall time
 * ({@link #by}). A read-only
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

    /** The wall time {@link #firstAfter} tests a job by: the one it asks for if started now, unless {@link #by} says otherwise. */
    default long walltime(JobView job) {
        return job.requestedWalltime();
    }

    /**
     * The same waiting jobs, with {@link #firstAfter} and {@link #walltime} by {@code walltime}'s value instead of
     * the requested wall time (a preemptive backfill tests its jobs by a predicted run time); null if these shapes
     * keep no other index (then scan the queue). The function is one object kept for the whole run (each one asked
     * for costs an index kept up to date), and its value for a job must not change while the job waits.
     */
    default QueueShapes by(ToLongFunction<JobView> walltime) {
        return null;
    }
}
