package org.preemptlab.sim;

import static org.preemptlab.job.JobState.CHECKPOINTING;
import static org.preemptlab.job.JobState.PENDING;
import static org.preemptlab.job.JobState.QUEUED;
import static org.preemptlab.job.JobState.RUNNING;
import static org.preemptlab.job.JobState.STOPPING;
import static org.preemptlab.job.JobState.SUSPENDED;

import java.util.Arrays;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * The engine's record of one job. Policies only ever see it as a {@link JobView}. Its state changes
 * only through the transition methods below, named after the change; each checks the state it
 * comes from (an {@link IllegalStateException} names the job and both states) and sets every field
 * the change touches together. The engine (this package) calls them and keeps the rest of the
 * books: the queue and running sets, capacity, the timeline, the backend.
 *
 * <p>The engine's sets order jobs by {@link #estimatedEnd()} and queue key: it takes a job out of
 * them before a transition that changes those and puts it back after.
 */
public final class JobRun implements JobView {

    private static final JobState[] HOLDING_NODES = {RUNNING, CHECKPOINTING, STOPPING, SUSPENDED};

    private final JobSpec spec;
    private final int index;
    private final int tier;
    private JobState state = PENDING;
    private long queueKey;
    private int segment;
    /**
     * While PENDING or QUEUED: when it was queued (-1 before its submission); in every other state: the start of
     * its last running segment ({@link #segmentStart()}, which is -1 while it waits). One field for both: a
     * job's queue time is read only while it waits, its segment start only after it started (a million-job
     * trace keeps every job to the end of the run: 8 bytes a job).
     */
    private long since = -1;
    /** Time from which useful work accrues in the current running segment (after restart I/O). */
    private long progressFrom;
    private Placement placement;
    private long workDone;
    private long estimatedEnd;
    private long firstStart = -1;
    private long end = -1;
    private long totalWait;
    /**
     * What preemption, checkpoints and holds leave behind, made on the first of them: most jobs of a
     * trace never have any, and the engine keeps every job to the end of the run (a 200,000-job trace
     * holds them all), so a job without it is 104 bytes instead of 192. The time its state began (read only in
     * SUSPENDED, CHECKPOINTING and STOPPING) and the end of a restart's I/O are kept here too.
     */
    private Preempted p;

    /** The books of a job that has been preempted, checkpointed, held or requeued. */
    private static final class Preempted {
        long savedWork;
        long restartCost;
        int timesPreempted;
        int timesCheckpointed;
        long lostWork;
        long checkpointSeconds;
        long restartSeconds;
        int ioVersion;
        boolean requeueAfterIo;
        /** While suspended: the job (index) it is held for, which it must not take its cores back from before that job starts; -1 for none. */
        int heldFor = -1;
        /** When the current SUSPENDED, CHECKPOINTING or STOPPING state began. */
        long stateSince;
        /** End of the restart I/O of the current running segment (its start when there is none). */
        long restartEnd;
        final int[] preemptionsBy = new int[PreemptMechanism.values().length];
    }

    /** The preemption books, made on first use. */
    private Preempted p() {
        if (p == null) p = new Preempted();
        return p;
    }

    JobRun(JobSpec spec, int index, int tier) {
        this.spec = spec;
        this.index = index;
        this.tier = tier;
    }

    // ---------------------------------------------------------------- transitions

    /** PENDING → QUEUED: submitted, at queue position {@code key}. */
    void submit(long now, long key) {
        require("be submitted", QUEUED, PENDING);
        state = QUEUED;
        queueKey = key;
        since = now;
        estimatedEnd = restartCost() + remainingEstimate();
    }

    /** A new queue position (a Slurm run orders its queue by priority): only while out of the engine's queue. */
    void rekey(long key) {
        queueKey = key;
    }

    /** QUEUED → FAILED: a job that can never start (a Slurm limit or dependency) ends without running. */
    void abandon(long now) {
        require("be given up", JobState.FAILED, QUEUED);
        state = JobState.FAILED;
        since = -1; // it never ran since it was queued: no segment start
        end = now;
    }

    /** A queued job that was running before the scenario began has {@code work} seconds of its work done. */
    void alreadyDone(long work) {
        require("have run before the scenario", QUEUED, QUEUED);
        if (firstStart >= 0) throw new IllegalStateException("job " + spec.name() + " has run in this scenario already");
        workDone = work;
    }

    /**
     * QUEUED → RUNNING on {@code where} (a new segment; the restart I/O its checkpoint needs comes
     * first).
     *
     * @return the seconds of restart I/O this start pays
     */
    long start(long now, Placement where) {
        require("start", RUNNING, QUEUED);
        totalWait += now - since;
        placement = where;
        state = RUNNING;
        long restart = 0;
        if (p != null) {
            restart = p.restartCost;
            p.restartSeconds += restart;
            p.restartCost = 0;
        }
        if (firstStart < 0) firstStart = now;
        runFrom(now, restart);
        return restart;
    }

    /** A running job is preempted by {@code mechanism} (counted; what follows is another transition). */
    void preempted(PreemptMechanism mechanism) {
        require("be preempted", state, RUNNING, SUSPENDED);
        Preempted b = p();
        b.timesPreempted++;
        b.preemptionsBy[mechanism.ordinal()]++;
    }

    /** RUNNING → SUSPENDED, held for job {@code forJob} (index, -1 for none) until that one has started. */
    void suspend(long now, int forJob) {
        require("be suspended", SUSPENDED, RUNNING);
        state = SUSPENDED;
        segment++;
        Preempted b = p();
        b.stateSince = now;
        b.heldFor = forJob;
    }

    /** A suspended job's cores stay held for job {@code forJob} (index) until that one has started. */
    void holdFor(int forJob) {
        require("be held for another job", SUSPENDED, SUSPENDED);
        p().heldFor = forJob;
    }

    /** The job it was held for has started (or is gone): a suspended job may take its cores back. */
    void releaseHold() {
        if (p != null) p.heldFor = -1;
    }

    /** SUSPENDED → RUNNING on the same nodes (a new segment, no restart cost). */
    void resume(long now) {
        require("resume", RUNNING, SUSPENDED);
        state = RUNNING;
        if (p != null) p.heldFor = -1;
        runFrom(now, 0);
    }

    /**
     * RUNNING → CHECKPOINTING: it writes its image, expected to take {@code estimateSeconds}; then
     * it leaves its nodes for the queue ({@code thenRequeue}) or goes back to work.
     */
    void beginCheckpoint(long now, boolean thenRequeue, long estimateSeconds) {
        require("begin a checkpoint", CHECKPOINTING, RUNNING);
        state = CHECKPOINTING;
        segment++;
        Preempted b = p();
        b.stateSince = now;
        b.requeueAfterIo = thenRequeue;
        estimatedEnd = now + estimateSeconds;
    }

    /** The checkpoint being written is complete: its work so far is saved (the state stays CHECKPOINTING). */
    void checkpointWritten(long now) {
        require("finish a checkpoint", CHECKPOINTING, CHECKPOINTING);
        Preempted b = p();
        b.checkpointSeconds += now - b.stateSince;
        b.savedWork = workDone;
        b.timesCheckpointed++;
    }

    /** The checkpoint being written is lost (its node failed): the time spent writing counts, nothing is saved. */
    void checkpointAborted(long now) {
        require("abort a checkpoint", CHECKPOINTING, CHECKPOINTING);
        Preempted b = p();
        b.checkpointSeconds += now - b.stateSince;
    }

    /** CHECKPOINTING → RUNNING on the same nodes after a periodic checkpoint (a new segment). */
    void continueAfterCheckpoint(long now) {
        require("continue after its checkpoint", RUNNING, CHECKPOINTING);
        state = RUNNING;
        runFrom(now, 0);
    }

    /** A suspended job's frozen memory image is saved as its checkpoint (no work lost). */
    void frozenImageSaved() {
        require("save its frozen image", SUSPENDED, SUSPENDED);
        Preempted b = p();
        b.savedWork = workDone;
        b.timesCheckpointed++;
    }

    /** RUNNING → STOPPING: signalled to stop, it has {@code graceSeconds} to leave (a new segment). */
    void beginStop(long now, long graceSeconds) {
        require("begin to stop", STOPPING, RUNNING);
        state = STOPPING;
        segment++;
        p().stateSince = now;
        estimatedEnd = now + graceSeconds;
    }

    /** The current segment ends without a transition of its own (events scheduled for it become stale). */
    void endSegment() {
        require("leave its nodes", state, HOLDING_NODES);
        segment++;
    }

    /**
     * The work since its last checkpoint is lost (a kill or a failure).
     *
     * @return the seconds of work lost (0 if none)
     */
    long loseUnsavedWork() {
        require("lose its work", state, HOLDING_NODES);
        Preempted b = p();
        long lost = workDone - b.savedWork;
        b.lostWork += Math.max(0, lost);
        workDone = b.savedWork;
        return lost;
    }

    /**
     * → QUEUED at queue position {@code key} from wherever it held nodes; its next start first reads
     * {@code restartCost} seconds of checkpoint image. It no longer has a placement.
     */
    void requeue(long now, long key, long restartCost) {
        require("be requeued", QUEUED, HOLDING_NODES);
        state = QUEUED;
        since = now;
        queueKey = key;
        Preempted b = p();
        b.heldFor = -1;
        b.restartCost = restartCost;
        estimatedEnd = restartCost + remainingEstimate();
        placement = null;
    }

    /** A live backend reported the job's processes done: that is its work. */
    void workReportedDone() {
        require("report its work done", RUNNING, RUNNING);
        workDone = spec.runtime();
    }

    /** RUNNING → COMPLETED. Its placement is dropped (the timeline keeps where it ran; big runs need the memory). */
    void complete(long now) {
        require("complete", JobState.COMPLETED, RUNNING);
        state = JobState.COMPLETED;
        end = now;
        placement = null;
    }

    /**
     * → {@code terminal} (FAILED, PREEMPTED_KILLED) for good, from wherever it held nodes. Its placement is
     * dropped, as {@link #complete(long)} drops it: a long run with failures keeps every killed job to the end.
     */
    void endFor(JobState terminal, long now) {
        if (!terminal.isTerminal() || terminal == JobState.COMPLETED) {
            throw new IllegalArgumentException("job " + spec.name() + ": cannot end for good as " + terminal);
        }
        require("end for good", terminal, HOLDING_NODES);
        state = terminal;
        if (p != null) p.heldFor = -1;
        end = now;
        placement = null;
    }

    /** Brings {@code workDone} up to {@code now} for a running job. */
    void settle(long now) {
        if (state == RUNNING && now > progressFrom) {
            workDone = Math.min(spec.runtime(), workDone + (now - progressFrom));
            progressFrom = now;
        }
    }

    /** The next write of its checkpoint I/O (earlier completions of the checkpoint are stale). */
    int nextIoVersion() {
        return ++p().ioVersion;
    }

    /** A new running segment from now: useful work accrues after {@code restart} seconds of restart I/O. */
    private void runFrom(long now, long restart) {
        segment++;
        since = now;
        progressFrom = now + restart;
        if (p != null) p.restartEnd = now + restart;
        else if (restart != 0) p().restartEnd = now + restart;
        estimatedEnd = now + restart + remainingEstimateFromWork();
    }

    /*
     * One state, or two: no array per transition (the one-shot commands run C1, which does not take a varargs
     * array off the heap: three arrays a job, 87 MB of garbage for a million jobs).
     */
    private void require(String action, JobState to, JobState from) {
        if (from != state) refuse(action, to, from);
    }

    private void require(String action, JobState to, JobState from, JobState orFrom) {
        if (from != state && orFrom != state) refuse(action, to, from, orFrom);
    }

    private void require(String action, JobState to, JobState[] from) {
        for (JobState f : from) if (f == state) return;
        refuse(action, to, from);
    }

    private void refuse(String action, JobState to, JobState... from) {
        throw new IllegalStateException("job " + spec.name() + " cannot " + action + " (" + state + " → " + to
                + "); only from " + (from.length == 1 ? from[0] : Arrays.toString(from)));
    }

    // ---------------------------------------------------------------- the engine's reads

    long queueKey() {
        return queueKey;
    }

    /** The engine's segment number of its current run (events carry it; a stale one is ignored). */
    int segment() {
        return segment;
    }

    /** When its current SUSPENDED, CHECKPOINTING or STOPPING state began. */
    long stateSince() {
        return p != null && (state == SUSPENDED || state == CHECKPOINTING || state == STOPPING) ? p.stateSince : since;
    }

    /** While waiting: when it was queued. */
    long queuedSince() {
        return since;
    }

    long progressFrom() {
        return progressFrom;
    }

    /** End of the restart I/O of the current running segment (its start when there is none). */
    long restartEnd() {
        return p == null ? since : p.restartEnd;
    }

    int ioVersion() {
        return p == null ? 0 : p.ioVersion;
    }

    boolean requeueAfterIo() {
        return p != null && p.requeueAfterIo;
    }

    /** While suspended: the index of the job it is held for, or -1. */
    int heldFor() {
        return p == null ? -1 : p.heldFor;
    }

    /** By the estimate, the work still ahead from the current progress (at least 1 s). */
    long remainingEstimateFromWork() {
        return Math.max(1, spec.estimate() - workDone);
    }

    // ---------------------------------------------------------------- JobView and results

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
        return state == PENDING || state == QUEUED ? -1 : since;
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
        return p == null ? 0 : p.savedWork;
    }

    @Override
    public long restartCost() {
        return p == null ? 0 : p.restartCost;
    }

    @Override
    public long estimatedEnd() {
        return estimatedEnd;
    }

    @Override
    public int timesPreempted() {
        return p == null ? 0 : p.timesPreempted;
    }

    @Override
    public int timesCheckpointed() {
        return p == null ? 0 : p.timesCheckpointed;
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
        return p == null ? 0 : p.lostWork;
    }

    /** Seconds its nodes spent writing checkpoints. */
    public long checkpointSeconds() {
        return p == null ? 0 : p.checkpointSeconds;
    }

    /** Seconds its nodes spent reading restart images. */
    public long restartSeconds() {
        return p == null ? 0 : p.restartSeconds;
    }

    /** Times preempted by each mechanism, indexed by {@code PreemptMechanism.ordinal()}. */
    public int preemptionsBy(PreemptMechanism m) {
        return p == null ? 0 : p.preemptionsBy[m.ordinal()];
    }

    @Override
    public String toString() {
        return "job " + spec.name() + " (" + state + ")";
    }
}
