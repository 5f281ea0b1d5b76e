package org.preemptlab.sched;

import java.util.Set;
import org.preemptlab.job.JobSpec;

/**
 * Nodes set aside over [start, end): a maintenance window, or one occurrence of an advance
 * reservation (Slurm's {@code scontrol create reservation}). Every scheduler sees the same list in
 * its snapshot and treats each entry the same way ({@link Reservations#usable}):
 * <ul>
 * <li>a job that is not a member may not use these nodes if it would (by its estimate) still run at
 * {@code start} and it starts at or after {@code drainFrom} (before {@code drainFrom} anything may
 * start: a maintenance window checkpoints or kills it at {@code start} instead; for an advance
 * reservation {@code drainFrom} is {@link Long#MIN_VALUE});</li>
 * <li>a member (a job that names the reservation) runs only inside one occurrence of it, on its
 * nodes — unless the reservation is {@code flex}, when it may also use other nodes and run before and
 * after it.</li>
 * </ul>
 *
 * @param members ids ({@link JobSpec#id}) of the jobs that name this reservation (none for a maintenance window)
 * @param flex    Slurm's FLEX flag: members are not confined to it
 */
public record Reservation(String name, long start, long end, int[] nodes, long drainFrom, Set<Integer> members,
        boolean flex) {

    /** A maintenance window (or a full-machine reservation no job belongs to). */
    public Reservation(String name, long start, long end, int[] nodes, long drainFrom) {
        this(name, start, end, nodes, drainFrom, Set.of(), false);
    }

    public Reservation {
        members = members == null ? Set.of() : members;
    }

    /** True if a job starting at {@code from} and ending by estimate at {@code to} must avoid these nodes. */
    public boolean blocks(long from, long to) {
        return from < end && to > start && from >= drainFrom;
    }

    /** True if the job names this reservation (it may use its nodes while it lasts). */
    public boolean admits(JobSpec job) {
        return !members.isEmpty() && members.contains(job.id());
    }

    /** As {@link #blocks(long, long)} for this job: never for a member. */
    public boolean blocks(JobSpec job, long from, long to) {
        return blocks(from, to) && !admits(job);
    }

    /** True if [from, to) lies inside this occurrence. */
    public boolean contains(long from, long to) {
        return from >= start && to <= end;
    }

    /** The same occurrence over other nodes (REPLACE), or ending earlier (PURGE_COMP). */
    public Reservation with(int[] newNodes, long newEnd) {
        return new Reservation(name, start, newEnd, newNodes, drainFrom, members, flex);
    }
}
