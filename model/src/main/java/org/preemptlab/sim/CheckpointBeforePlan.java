package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.preemptlab.job.JobState;
import org.preemptlab.mechanism.CheckpointCost;

/**
 * When each job on a {@link MaintenanceStrategy#CHECKPOINT_BEFORE} window's nodes starts writing its
 * checkpoint so that every image is written by the window's start T.
 *
 * <p>The algorithm (docs/maintenance.md#checkpoint-before-t): the jobs to save are those running on
 * the window's nodes whose estimate ends after T (and that can be checkpointed). Each pool's storage
 * is one channel of bandwidth B shared by every writer ({@link StorageChannels}), so the writes of a
 * pool are planned <em>backwards from T, one after another</em>: the last job writes over
 * [T − d<sub>n</sub>, T), the one before it over [T − d<sub>n</sub> − d<sub>n−1</sub>, T − d<sub>n</sub>), …,
 * d = ⌈image MB per node × nodes / B⌉. Written alone, each gets the whole bandwidth and ends exactly
 * when the next one begins, so the last byte is written at T and the total bytes fit iff
 * Σ d ≤ T − now. The order is Smith's rule for the node-time stopped before T (Σ nodes × (T − start)):
 * the smallest image per node writes last (closest to T); ties by job index. Writes already on the
 * channel (this plan's, periodic or preemption checkpoints) are counted: the first planned write
 * begins no earlier than the channel has drained them ({@code channelFreeAt}). When the plan cannot
 * fit (it would have to begin before that), the whole sequence is shifted later, in the same order,
 * and every write of it misses T by the shift; the report ({@code MaintenanceCost#checkpointMisses})
 * gives each write's miss. With a fixed checkpoint cost (no image model) writes do not contend and
 * every job starts at T − cost.
 *
 * <p>The plan is recomputed at every instant from {@link #evaluateFrom()} to T (jobs start and end),
 * so a job that starts on the window's nodes late joins it; once the first write begins, the window
 * drains (no new job that would run past T starts on its nodes).
 */
final class CheckpointBeforePlan {

    private final MaintenanceWindow window;
    private final int windowIndex;
    private final boolean[] onWindow;
    private final long evaluateFrom;
    private long queuedWakeup = Long.MIN_VALUE;
    private boolean writing;

    CheckpointBeforePlan(MaintenanceWindow window, int windowIndex, int nodeCount, long evaluateFrom) {
        this.window = window;
        this.windowIndex = windowIndex;
        this.onWindow = new boolean[nodeCount];
        for (int n : window.nodes()) onWindow[n] = true;
        this.evaluateFrom = evaluateFrom;
    }

    int windowIndex() {
        return windowIndex;
    }

    /** Before this time no plan can need to start (bound: every node holding the largest image). */
    long evaluateFrom() {
        return evaluateFrom;
    }

    boolean active(long now) {
        return now >= evaluateFrom && now < window.start();
    }

    /** True once the first write of the plan began (the window drains from then on). */
    boolean writing() {
        return writing;
    }

    void markWriting() {
        writing = true;
    }

    /** Remembers a wake-up queued at {@code time}; false if one is queued for it already. */
    boolean queueWakeup(long time) {
        if (time == queuedWakeup) return false;
        queuedWakeup = time;
        return true;
    }

    /** One planned write. */
    record Write(JobRun job, long start, long seconds) {}

    /**
     * The plan at {@code now}: for each pool channel, the writes of the jobs to save, backwards from T
     * (see the class comment). Writes whose start is ≤ now are due.
     */
    List<Write> plan(long now, Collection<JobRun> running, StorageChannels storage, CheckpointCost cost) {
        List<JobRun> toSave = new ArrayList<>();
        for (JobRun r : running) {
            if (r.state() != JobState.RUNNING || !r.spec().checkpointable() || r.estimatedEnd() <= window.start()) continue;
            if (usesWindow(r)) toSave.add(r);
        }
        List<Write> writes = new ArrayList<>();
        if (toSave.isEmpty()) return writes;
        long t = window.start();
        if (!cost.imageModel()) {
            for (JobRun r : toSave) writes.add(new Write(r, Math.max(now, t - cost.checkpointSeconds()), cost.checkpointSeconds()));
            return writes;
        }
        toSave.sort(Comparator.comparingInt((JobRun r) -> storage.poolOf(r))
                .thenComparing(Comparator.comparingLong((JobRun r) -> r.spec().imageMbPerNode()).reversed())
                .thenComparingInt(JobRun::index));
        int from = 0;
        while (from < toSave.size()) {
            int pool = storage.poolOf(toSave.get(from));
            int to = from;
            while (to < toSave.size() && storage.poolOf(toSave.get(to)) == pool) to++;
            List<JobRun> group = toSave.subList(from, to);
            double bandwidth = storage.bandwidthOf(group.get(0));
            long[] seconds = new long[group.size()];
            for (int k = 0; k < seconds.length; k++) {
                JobRun r = group.get(k);
                seconds[k] = writeSeconds((double) r.spec().imageMbPerNode() * r.placement().nodeCount(), bandwidth);
            }
            long channelFreeAt = now + writeSeconds(storage.pendingMb(group.get(0), now), bandwidth);
            long[] starts = backwards(t, channelFreeAt, seconds);
            for (int k = 0; k < starts.length; k++) writes.add(new Write(group.get(k), starts[k], seconds[k]));
            from = to;
        }
        return writes;
    }

    private boolean usesWindow(JobRun r) {
        for (int n : r.placement().nodes()) if (n < onWindow.length && onWindow[n]) return true;
        return false;
    }

    /** Seconds to write {@code mb} alone at {@code bandwidth} MB/s, as {@link StorageChannels} times it. */
    static long writeSeconds(double mb, double bandwidth) {
        return mb <= 0 ? 0 : (long) Math.ceil(mb / bandwidth - 1e-9);
    }

    /**
     * Start times of writes done one after another, in the given order, the last ending at {@code t};
     * if the first would begin before {@code earliest}, all are shifted later by the difference.
     */
    static long[] backwards(long t, long earliest, long[] seconds) {
        long[] starts = new long[seconds.length];
        long s = t;
        for (int k = seconds.length - 1; k >= 0; k--) {
            s -= seconds[k];
            starts[k] = s;
        }
        long shift = seconds.length == 0 ? 0 : Math.max(0, earliest - starts[0]);
        for (int k = 0; k < starts.length; k++) starts[k] += shift;
        return starts;
    }
}
