package org.preemptlab.sim;

import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;

/**
 * The engine's mutable record of one job. Policies only ever see it as a {@link JobView};
 * only the engine (this package) changes it.
 */
public final class JobRun implements JobView {

    final JobSpec spec;
    final int index;
    JobState state = JobState.PENDING;
    int tier;
    long queueKey;
    int segment;
    long segmentStart = -1;
    /** Time from which useful work accrues in the current running segment (after restart I/O). */
    long progressFrom;
    /** End of the restart I/O of the current segment (= its start when there is none). */
    long restartEnd;
    Placement placement;
    long workDone;
    long savedWork;
    long restartCost;
    long estimatedEnd;
    int timesPreempted;
    int timesCheckpointed;
    long firstStart = -1;
    long end = -1;
    long queuedSince;
    long totalWait;
    long lostWork;
    long checkpointSeconds;
    long restartSeconds;
    long lastCheckpointTime = -1;
    long stateSince;
    int ioVersion;
    boolean requeueAfterIo;
    /** While suspended: the job it was suspended for (index), which it must not take its cores back from before that job starts; -1 for none. */
    int suspendedFor = -1;
    private int[] preemptionsBy; // allocated on the first preemption

    JobRun(JobSpec spec, int index) {
        this.spec = spec;
        this.index = index;
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public JobSpec spec() {
        return spec;
    }

    @Override
    public JobState state() {
        return state;
    }

    @Override
    public int tier() {
        return tier;
    }

    @Override
    public long segmentStart() {
        return segmentStart;
    }

    @Override
    public Placement placement() {
        return placement;
    }

    @Override
    public long workDone() {
        return workDone;
    }

    @Override
    public long savedWork() {
        return savedWork;
    }

    @Override
    public long restartCost() {
        return restartCost;
    }

    @Override
    public long estimatedEnd() {
        return estimatedEnd;
    }

    @Override
    public int timesPreempted() {
        return timesPreempted;
    }

    @Override
    public int timesCheckpointed() {
        return timesCheckpointed;
    }

    /** First start, or -1. */
    public long firstStart() {
        return firstStart;
    }

    /** When it ended (completed, killed for good, failed), or -1. */
    public long end() {
        return end;
    }

    /** Total time spent waiting in the queue, all waiting periods together. */
    public long totalWait() {
        return totalWait;
    }

    /** Work lost to kills and failures, s (multiply by procs for proc-seconds). */
    public long lostWork() {
        return lostWork;
    }

    /** Seconds its nodes spent writing checkpoints. */
    public long checkpointSeconds() {
        return checkpointSeconds;
    }

    /** Seconds its nodes spent reading restart images. */
    public long restartSeconds() {
        return restartSeconds;
    }

    /** Times preempted by each mechanism, indexed by {@code PreemptMechanism.ordinal()}. */
    public int preemptionsBy(org.preemptlab.mechanism.PreemptMechanism m) {
        return preemptionsBy == null ? 0 : preemptionsBy[m.ordinal()];
    }

    void countPreemption(org.preemptlab.mechanism.PreemptMechanism m) {
        if (preemptionsBy == null) preemptionsBy = new int[org.preemptlab.mechanism.PreemptMechanism.values().length];
        preemptionsBy[m.ordinal()]++;
    }

    /** By the estimate, the work still ahead from the current progress (at least 1 s). */
    long remainingEstimateFromWork() {
        return Math.max(1, spec.estimate() - workDone);
    }

    /** Brings {@code workDone} up to {@code now} for a running job. */
    void settle(long now) {
        if (state == JobState.RUNNING && now > progressFrom) {
            workDone = Math.min(spec.runtime(), workDone + (now - progressFrom));
            progressFrom = now;
        }
    }

    @Override
    public String toString() {
        return "job " + spec.name() + " (" + state + ")";
    }
}
