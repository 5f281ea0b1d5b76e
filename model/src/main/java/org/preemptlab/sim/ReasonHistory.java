package org.preemptlab.sim;

import java.util.Arrays;
import org.preemptlab.limits.PendingReason;

/**
 * Each job's Slurm pending reason over time (a Slurm run): the changes only, as the engine set them
 * after each scheduling pass, when a job was held by a limit and when it started ({@link PendingReason#NONE}).
 * {@link #at} answers "why does job j wait at time t" exactly as {@code squeue} would have said
 * after the last pass at or before t.
 */
public final class ReasonHistory {

    private final long[][] times;
    private final byte[][] reasons;
    private final int[] sizes;

    ReasonHistory(int jobs) {
        times = new long[jobs][];
        reasons = new byte[jobs][];
        sizes = new int[jobs];
    }

    /** Notes the job's reason from {@code time} on, if it differs from its last one. */
    void note(int job, long time, PendingReason reason) {
        int n = sizes[job];
        if (n == 0 ? reason == PendingReason.NONE : reasons[job][n - 1] == reason.ordinal()) return;
        if (times[job] == null) {
            times[job] = new long[4];
            reasons[job] = new byte[4];
        } else if (n == times[job].length) {
            times[job] = Arrays.copyOf(times[job], n * 2);
            reasons[job] = Arrays.copyOf(reasons[job], n * 2);
        }
        if (n > 0 && times[job][n - 1] == time) {
            reasons[job][n - 1] = (byte) reason.ordinal(); // a later change at the same instant wins
            sizes[job] = n;
            return;
        }
        times[job][n] = time;
        reasons[job][n] = (byte) reason.ordinal();
        sizes[job] = n + 1;
    }

    /** The job's reason at {@code time} ({@link PendingReason#NONE} before its first reason or while it runs). */
    public PendingReason at(int job, long time) {
        if (job < 0 || job >= sizes.length) return PendingReason.NONE;
        int lo = 0, hi = sizes[job] - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (times[job][mid] <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? PendingReason.NONE : PendingReason.values()[reasons[job][found]];
    }

    /** When the job's {@code i}-th noted change happened ({@code 0 ≤ i < changes(job)}). */
    public long changeTime(int job, int i) {
        if (i < 0 || i >= changes(job)) throw new IndexOutOfBoundsException("change " + i + " of job " + job + "; it has " + changes(job));
        return times[job][i];
    }

    /** The job's reason from its {@code i}-th noted change on. */
    public PendingReason changeReason(int job, int i) {
        if (i < 0 || i >= changes(job)) throw new IndexOutOfBoundsException("change " + i + " of job " + job + "; it has " + changes(job));
        return PendingReason.values()[reasons[job][i]];
    }

    /** How many changes were noted for the job. */
    public int changes(int job) {
        return job < 0 || job >= sizes.length ? 0 : sizes[job];
    }
}
