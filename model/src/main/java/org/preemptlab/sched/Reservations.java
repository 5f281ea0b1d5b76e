package org.preemptlab.sched;

import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.JobSpec;

/**
 * The one rule every scheduler applies to reservations and maintenance windows: what a job may use
 * if it runs over [from, to).
 */
public final class Reservations {

    private Reservations() {}

    /**
     * The capacity a job may use if it runs over [from, to) (ignoring who the reservations are for:
     * as for a job that belongs to none).
     */
    public static Capacity usable(Capacity free, List<Reservation> reservations, long from, long to) {
        return usable(free, reservations, null, from, to);
    }

    /**
     * The capacity {@code job} may use if it runs over [from, to): {@code free} itself when nothing
     * restricts that interval, else a copy with the nodes it may not use seized. A job that is not a
     * member loses the nodes of every reservation that blocks the interval
     * ({@link Reservation#blocks}); a member of a (not FLEX) reservation that still has an
     * occurrence ending after {@code from} may use only the nodes of an occurrence that contains the
     * whole interval, and nothing if none does. Once its reservation is over for good (no occurrence
     * left, or purged) a member is an ordinary job.
     */
    public static Capacity usable(Capacity free, List<Reservation> reservations, JobSpec job, long from, long to) {
        return reservations.isEmpty() ? free : masked(free, reservations, job, from, to);
    }

    /** {@link #usable} when there are reservations: a method of its own, which C1 compiles only for a run that has some. */
    private static Capacity masked(Capacity free, List<Reservation> reservations, JobSpec job, long from, long to) {
        Capacity masked = free;
        Reservation home = null;
        boolean confined = false;
        if (job != null) {
            for (Reservation r : reservations) {
                if (r.flex() || !r.admits(job) || r.end() <= from) continue;
                confined = true;
                if (r.contains(from, to)) {
                    home = r;
                    break;
                }
            }
        }
        if (confined) {
            masked = free.copy();
            if (home == null) {
                for (int node = 0; node < nodeCount(free); node++) masked.seize(node);
                return masked;
            }
            java.util.BitSet mine = new java.util.BitSet();
            for (int node : home.nodes()) mine.set(node);
            int n = nodeCount(free);
            for (int node = 0; node < n; node++) if (!mine.get(node)) masked.seize(node);
        }
        for (Reservation r : reservations) {
            if (r == home) continue;
            if (job == null ? !r.blocks(from, to) : !r.blocks(job, from, to)) continue;
            if (masked == free) masked = free.copy();
            for (int node : r.nodes()) masked.seize(node);
        }
        return masked;
    }

    /**
     * The reservation that keeps {@code job} off {@code nodes} over [from, to), or null if it may
     * use all of them then: the rule of {@link #usable} for nodes that are fixed — a suspended job
     * resumes where it is, so it resumes only where it could start. A member of a (not FLEX)
     * reservation with an occurrence ending after {@code from} needs one occurrence that contains
     * the interval and all the nodes; every other reservation that blocks the interval for the job
     * ({@link Reservation#blocks(JobSpec, long, long)}) must share none of the nodes.
     */
    public static Reservation forbidding(List<Reservation> reservations, JobSpec job, int[] nodes, long from, long to) {
        if (reservations.isEmpty()) return null;
        Reservation home = null;
        Reservation confining = null;
        for (Reservation r : reservations) {
            if (r.flex() || !r.admits(job) || r.end() <= from) continue;
            if (confining == null) confining = r;
            if (r.contains(from, to)) {
                home = r;
                break;
            }
        }
        if (confining != null) {
            if (home == null) return confining;
            for (int node : nodes) if (!holds(home, node)) return home;
        }
        for (Reservation r : reservations) {
            if (r == home || !r.blocks(job, from, to)) continue;
            for (int node : nodes) if (holds(r, node)) return r;
        }
        return null;
    }

    private static boolean holds(Reservation r, int node) {
        for (int n : r.nodes()) if (n == node) return true;
        return false;
    }

    /**
     * The name of the reservation that confines the job at {@code from} (it names one that is not
     * FLEX and has an occurrence ending after {@code from}), or null.
     */
    public static String confinedTo(List<Reservation> reservations, JobSpec job, long from) {
        for (Reservation r : reservations) if (!r.flex() && r.admits(job) && r.end() > from) return r.name();
        return null;
    }

    /** True if some reservation has members (jobs that name it), not only maintenance windows. */
    public static boolean anyMembers(List<Reservation> reservations) {
        for (Reservation r : reservations) if (!r.members().isEmpty()) return true;
        return false;
    }

    /** The number of nodes (processors on a processor machine) of the capacity's cluster. */
    static int nodeCount(Capacity free) {
        if (free instanceof org.preemptlab.alloc.NodeCapacity nc) return nc.cluster().nodeCount();
        if (free instanceof org.preemptlab.alloc.TresCapacity tc) return tc.cluster().nodeCount(); // a Slurm site
        return ((org.preemptlab.alloc.ProcessorCapacity) free).total();
    }
}
