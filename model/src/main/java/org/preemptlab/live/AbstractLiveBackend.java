package org.preemptlab.live;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.preemptlab.backend.BackendEvents;
import org.preemptlab.job.JobView;

/**
 * What every {@link LiveBackend} does alike: the observations queue, the clock, each job's
 * bookkeeping (what the engine last asked of it, its segment, work done while it was held), the
 * delivery of exits to the engine and the shutdown hook. A subclass enacts the decisions
 * ({@code enact*}, called under the job's monitor after its mode is set) and says which exits are
 * news to the engine ({@link #isUnplannedExit}).
 *
 * <p>Threads: the engine's methods and {@link #deliver} run on the driver's thread;
 * {@link BackendEvents#workDone} is called only from {@link #deliver} and {@link #resume}.
 *
 * @param <J> the backend's per-job record
 */
public abstract class AbstractLiveBackend<J extends AbstractLiveBackend.Job> implements LiveBackend {

    private final BlockingQueue<Observation> observations = new LinkedBlockingQueue<>();
    private final Map<Integer, J> jobs = new ConcurrentHashMap<>();
    private volatile BackendEvents events;
    private volatile LiveClock clock;
    private volatile boolean closed;
    private volatile Thread shutdownHook;

    /** What the engine last asked of a job. */
    protected enum Mode { RUNNING, SUSPENDED, CHECKPOINTING, KILLED }

    /** One engine job; every field (a subclass's too) is guarded by the object's monitor. */
    protected abstract static class Job {
        private final int index;
        private final String name;
        private final String key;
        private final String jobClass;
        private final long work;
        private Mode mode = Mode.RUNNING;
        private int segment;
        /** The job's work was done while the engine had it suspended or checkpointing. */
        private boolean doneWhileHeld;
        private CompletableFuture<Boolean> checkpointWatch;
        /** Simulated time the current run is due to end by the engine's books, or {@link Long#MIN_VALUE}. */
        private long dueEnd = Long.MIN_VALUE;

        protected Job(JobView job) {
            this.index = job.index();
            this.name = job.name();
            this.key = AbstractLiveBackend.key(job);
            this.jobClass = job.spec().qos();
            this.work = job.spec().runtime();
        }

        public final int index() {
            return index;
        }

        public final String name() {
            return name;
        }

        /** The job's name for file names: {@code <index>-<name>}. */
        public final String key() {
            return key;
        }

        /** The job's class (its QOS), which picks its command. */
        public final String jobClass() {
            return jobClass;
        }

        /** The job's total work, simulated seconds. */
        public final long work() {
            return work;
        }

        public final Mode mode() {
            return mode;
        }

        /** The checkpoint being written, or null. */
        public final CompletableFuture<Boolean> checkpointWatch() {
            return checkpointWatch;
        }

        /** A new checkpoint to watch for; completes with true once the state file is committed. */
        public final CompletableFuture<Boolean> newCheckpointWatch() {
            checkpointWatch = new CompletableFuture<>();
            return checkpointWatch;
        }

        /**
         * A new launch runs segment {@code segment}; by the engine's books it ends at simulated time
         * {@code dueEnd} (start + restart I/O + work left).
         */
        public final void started(int segment, long dueEnd) {
            this.mode = Mode.RUNNING;
            this.segment = segment;
            this.doneWhileHeld = false;
            this.checkpointWatch = null;
            this.dueEnd = dueEnd;
        }

        void ask(Mode mode) {
            this.mode = mode;
            this.dueEnd = Long.MIN_VALUE;
        }

        /** Runs again as segment {@code segment}, due to end at {@code dueEnd}; true if its work was done while it was held (reported now). */
        boolean resumed(int segment, long dueEnd) {
            this.mode = Mode.RUNNING;
            this.segment = segment;
            this.dueEnd = dueEnd;
            boolean done = doneWhileHeld;
            doneWhileHeld = false;
            return done;
        }

        int segment() {
            return segment;
        }

        long dueEnd() {
            return dueEnd;
        }

        /** Its launch exited 0 while it was held: the engine learns it when it resumes the job. */
        void doneWhileHeld() {
            doneWhileHeld = true;
        }
    }

    /** {@code <index>-<name>} with anything but letters, digits, {@code . _ -} replaced by {@code _}. */
    protected static String key(JobView job) {
        return job.index() + "-" + job.name().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A new run id: {@code yyyyMMdd-HHmmss-<pid>-<this backend>}. */
    protected final String freshRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + ProcessHandle.current().pid()
                + "-" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public final void attach(BackendEvents events) {
        this.events = events;
    }

    @Override
    public final void bind(LiveClock clock) {
        this.clock = clock;
    }

    @Override
    public final BlockingQueue<Observation> observations() {
        return observations;
    }

    /** Adds what the backend saw (any thread). */
    protected final void observe(Observation observation) {
        observations.add(observation);
    }

    /** Simulated seconds per real second (1 before the run is bound to a clock). */
    protected final double scale() {
        LiveClock c = clock;
        return c == null ? 1.0 : c.scale();
    }

    /** The job's record, made on its first start. */
    protected final J jobFor(JobView job, Function<JobView, J> create) {
        return jobs.computeIfAbsent(job.index(), i -> create.apply(job));
    }

    /** The job's record, or null if it never started. */
    protected final J job(int index) {
        return jobs.get(index);
    }

    protected final Collection<J> jobs() {
        return jobs.values();
    }

    // ---------------------------------------------------------------- the engine's decisions

    @Override
    public final void suspend(JobView job, long now) {
        J j = jobs.get(job.index());
        if (j == null) return;
        synchronized (j) {
            j.ask(Mode.SUSPENDED);
            enactSuspend(j);
        }
    }

    @Override
    public final void resume(JobView job, long now, int segment, long workLeft) {
        J j = jobs.get(job.index());
        if (j == null) return;
        boolean reportDone;
        synchronized (j) {
            reportDone = j.resumed(segment, now + workLeft);
            if (!reportDone) enactResume(j);
        }
        // its work was done while it was held: the engine learns it now (driver thread)
        if (reportDone) events.workDone(j.index(), segment, now);
    }

    @Override
    public final void checkpoint(JobView job, long now) {
        J j = jobs.get(job.index());
        if (j == null) return;
        synchronized (j) {
            j.ask(Mode.CHECKPOINTING);
            enactCheckpoint(j);
        }
    }

    @Override
    public final void kill(JobView job, long now) {
        J j = jobs.get(job.index());
        if (j == null) return;
        synchronized (j) {
            j.ask(Mode.KILLED);
            enactKill(j);
        }
    }

    /** Stops the job's processes; the caller holds the job's monitor. */
    protected abstract void enactSuspend(J job);

    /** Continues the job's processes (unless its work was done while held); the caller holds the job's monitor. */
    protected abstract void enactResume(J job);

    /** Asks the job to write its checkpoint ({@link Job#newCheckpointWatch()}); the caller holds the job's monitor. */
    protected abstract void enactCheckpoint(J job);

    /** Ends the job's processes; the caller holds the job's monitor. */
    protected abstract void enactKill(J job);

    @Override
    public final long dueEnd(int job) {
        J j = jobs.get(job);
        if (j == null) return Long.MIN_VALUE;
        synchronized (j) {
            return j.mode() == Mode.RUNNING ? j.dueEnd() : Long.MIN_VALUE;
        }
    }

    // ---------------------------------------------------------------- observations, on the driver's thread

    /**
     * True if an exit of launch {@code launch} is news to the engine: it is the job's current
     * launch and the backend did not end it on purpose. The caller holds the job's monitor.
     */
    protected abstract boolean isUnplannedExit(J job, int launch);

    @Override
    public final Delivery deliver(Observation o, long simTime) {
        events.observed(o.job(), simTime, o.kind().label() + (o.kind() == ObservedKind.EXITED ? " " + o.exitCode() : ""),
                o.detail());
        if (o.kind() != ObservedKind.EXITED) return Delivery.NOTED;
        J j = jobs.get(o.job());
        if (j == null) return Delivery.NOTED;
        int segment;
        synchronized (j) {
            if (!isUnplannedExit(j, o.launch()) || j.mode() == Mode.KILLED) return Delivery.NOTED;
            if (o.exitCode() != 0) {
                events.jobFailed(o.job(), j.segment(), simTime, "exit code " + o.exitCode()
                        + (o.detail() == null || o.detail().isBlank() ? "" : " (" + o.detail() + ")"));
                return Delivery.FAILED;
            }
            if (j.mode() != Mode.RUNNING) {
                j.doneWhileHeld();
                return Delivery.NOTED;
            }
            segment = j.segment();
        }
        events.workDone(o.job(), segment, simTime);
        return Delivery.REPORTED;
    }

    /** Waits (at most the timeout + 1 s) for a checkpoint being written, if any; a relaunch then starts from what was committed. */
    protected static void awaitCheckpoint(CompletableFuture<Boolean> watch, Duration timeout) {
        if (watch == null) return;
        try {
            watch.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // go on with whatever was committed
        }
    }

    // ---------------------------------------------------------------- ending everything

    /** Ends everything at JVM exit too, unless {@link #close()} did first; called once the backend is set up. */
    protected final void addShutdownHook(String threadName) {
        Thread hook = new Thread(this::endOnce, threadName);
        Runtime.getRuntime().addShutdownHook(hook);
        shutdownHook = hook;
    }

    protected final boolean isClosed() {
        return closed;
    }

    @Override
    public final void close() {
        if (closed) return;
        endOnce();
        Thread hook = shutdownHook;
        if (hook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or ran
        }
    }

    private synchronized void endOnce() {
        if (closed) return;
        closed = true;
        endEverything();
    }

    /** Ends every process or cluster job this backend started; called once, by {@link #close()} or the shutdown hook. */
    protected abstract void endEverything();
}
