package org.preemptlab.reservation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.Reservation;

/**
 * Turns reservations into what the schedulers see: one {@link Reservation} per occurrence, over
 * resolved nodes, with the jobs that name it as members. A recurring reservation is unrolled up to
 * a bound past which no job of the run can still be waiting ({@link #until}), and at most
 * {@link #MAX_OCCURRENCES} times.
 */
public final class ReservationPlan {

    /** At most this many occurrences of one reservation are unrolled (HOURLY over a long trace). */
    public static final int MAX_OCCURRENCES = 5000;

    private ReservationPlan() {}

    /**
     * The time by which every job could have run one after the other: the last submit plus the sum
     * of the estimates (saturating); occurrences that begin later cannot matter (every job can have
     * started by then: a job that names a reservation still waiting then runs as an ordinary job).
     */
    public static long until(List<JobSpec> jobs) {
        long last = 0;
        long sum = 0;
        for (JobSpec j : jobs) {
            last = Math.max(last, j.submit());
            sum = sum > Long.MAX_VALUE / 4 - j.estimate() ? Long.MAX_VALUE / 4 : sum + j.estimate();
        }
        return last + sum;
    }

    /** The starts of one reservation's occurrences before {@code until}. */
    public static List<Long> starts(ReservationSpec r, long until) {
        return r.recurrence().starts(r.start(), until, MAX_OCCURRENCES);
    }

    /** By start; a class, not {@code comparingLong(Reservation::start)}: every run calls {@link #occurrences}, and a one-shot run links no lambda. */
    private static final Comparator<Reservation> BY_START = new Comparator<>() {
        @Override
        public int compare(Reservation a, Reservation b) {
            return Long.compare(a.start(), b.start());
        }
    };

    /** Every occurrence of every reservation that begins before {@code until}, by start (ties: list order). */
    public static List<Reservation> occurrences(List<ReservationSpec> specs, long until) {
        List<Reservation> out = new ArrayList<>();
        for (ReservationSpec r : specs) {
            for (long s : starts(r, until)) {
                out.add(new Reservation(r.name(), s, s + r.duration(), r.nodes(), Long.MIN_VALUE, r.jobs(),
                        r.has(ReservationFlag.FLEX)));
            }
        }
        out.sort(BY_START); // stable: ties keep list order
        return out;
    }

    /** True if an occurrence of {@code a} overlaps one of {@code b} in time (before {@code until}). */
    public static boolean overlapInTime(ReservationSpec a, ReservationSpec b, long until) {
        List<Long> as = starts(a, until);
        List<Long> bs = starts(b, until);
        int i = 0;
        int j = 0;
        while (i < as.size() && j < bs.size()) {
            long a0 = as.get(i);
            long b0 = bs.get(j);
            if (a0 < b0 + b.duration() && b0 < a0 + a.duration()) return true;
            if (a0 + a.duration() <= b0 + b.duration()) i++;
            else j++;
        }
        return false;
    }

    /** True if some occurrence of the reservation overlaps [from, to). */
    public static boolean overlapsInterval(ReservationSpec r, long from, long to, long until) {
        for (long s : starts(r, Math.min(until, to))) if (s < to && s + r.duration() > from) return true;
        return false;
    }

    /**
     * Slurm's choice for {@code NodeCnt=n}: the first {@code count} nodes (in node order, of pool
     * {@code pool}, or of any pool if it is -1) that {@code unavailable} does not exclude; null if
     * there are not enough.
     */
    public static int[] chooseNodes(NodeCluster cluster, int pool, int count, IntPredicate unavailable) {
        int[] out = new int[count];
        int n = 0;
        for (int node = 0; node < cluster.nodeCount() && n < count; node++) {
            if (pool >= 0 && cluster.poolOf(node) != pool) continue;
            if (unavailable.test(node)) continue;
            out[n++] = node;
        }
        return n == count ? out : null;
    }
}
