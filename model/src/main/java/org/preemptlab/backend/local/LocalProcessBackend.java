package org.preemptlab.backend.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.preemptlab.job.Placement;
import org.preemptlab.backend.BackendEvents;
import org.preemptlab.job.JobView;
import org.preemptlab.live.AbstractLiveBackend;
import org.preemptlab.live.BackendThreads;
import org.preemptlab.live.Observation;
import org.preemptlab.live.ObservedKind;
import org.preemptlab.live.RunWatchdog;
import org.preemptlab.live.StateFile;

/**
 * Runs each job as real processes on this machine, in its own process group
 * ({@code setsid bash -c <command>}; setsid does not fork, so the pid is the pgid and this JVM
 * stays the parent):
 * <ul>
 *   <li>suspend = freeze the job's cgroup where a writable cgroup freezer exists (v1
 *       {@code freezer.state} FROZEN, else v2 {@code cgroup.freeze} 1), resume = thaw it; otherwise
 *       (or when {@link LocalBackendConfig#suspendMethod()} says so) {@code kill -STOP -- -pgid} and
 *       {@code kill -CONT -- -pgid}. Each launch joins its own cgroup before it runs anything
 *       (a wrapper writes its pid to {@code cgroup.procs} and execs the command; the backend checks
 *       and writes it again right after the start). {@link #suspendMethod()} and the run's
 *       {@code run.log} tell which method is used and why;</li>
 *   <li>kill = {@code kill -TERM -- -pgid}, then {@code -KILL} after the grace time;</li>
 *   <li>checkpoint = SIGUSR1, then the state file must change (new inode or mtime) within the
 *       timeout; the backend then keeps a committed copy and stops the group (SIGSTOP) for the
 *       engine's modelled checkpoint I/O: no work happens meanwhile, as the engine assumes;</li>
 *   <li>restart = relaunch with the state file (by default restored to the last committed
 *       checkpoint, so that work since then is lost exactly as the engine counts it).</li>
 * </ul>
 * Liveness comes from {@code /proc/<pid>/stat} (zombies do not count). Every launch is recorded
 * in the run directory (pid, pgid, start time). {@link #close()} and a JVM shutdown hook (SIGTERM,
 * SIGINT) end every group; a {@link LocalWatchdog} outside the JVM ends them when the JVM dies
 * without either (SIGKILL, a crash): it thaws the run's cgroups, ends its groups and removes the
 * run. A later start still reaps what nothing ended ({@link #reapOrphans(Path)}: the watchdog was
 * killed too).
 *
 * <p>Threads: the engine's methods ({@code start}, {@code suspend} …) and {@link #deliver} run on
 * the driver's thread; process exits and file watches run on the backend's own threads, which only
 * add {@link Observation}s to {@link #observations()}. {@link BackendEvents#workDone} is called only
 * from {@link #deliver} and {@link #resume}, i.e. on the driver's thread.
 */
public final class LocalProcessBackend extends AbstractLiveBackend<LocalProcessBackend.LocalJob> {

    private static final long WATCH_PERIOD_MILLIS = 20;
    private static final long SIGNAL_CONFIRM_MILLIS = 5_000;

    private final LocalBackendConfig config;
    private final RunDirectory run;
    private final Path jobScript;
    private final BackendThreads threads;
    private final AtomicInteger launches = new AtomicInteger();
    /** The run's freezer, or null: SIGSTOP/SIGCONT. */
    private final CgroupFreezer freezer;
    private final String suspendReason;
    private final RunDirectory.ReapReport reapedAtStart;
    /** Ends the run if this JVM dies without closing it; null if it could not be started (noted in run.log). */
    private final RunWatchdog watchdog;

    /** One job's launches; every field is guarded by the object's monitor. */
    static final class LocalJob extends Job {
        Launch launch;

        LocalJob(JobView job) {
            super(job);
        }
    }

    /** One process group. {@code exited} is set by the exit watcher. */
    private static final class Launch {
        final int id;
        final Process process;
        final long pgid;
        /** The launch's freezer cgroup, or null: signals. */
        final Path cgroup;
        volatile boolean exited;
        volatile int exitCode;
        /** Exit is expected (killed on purpose): not a failure. */
        volatile boolean expectEnd;

        Launch(int id, Process process, Path cgroup) {
            this.id = id;
            this.process = process;
            this.pgid = process.pid();
            this.cgroup = cgroup;
        }
    }

    /** A backend with a fresh run directory under {@code config.runsDir()}, reaping earlier crashed runs first. */
    public LocalProcessBackend(LocalBackendConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.reapedAtStart = RunDirectory.reapOrphans(config.runsDir(), config.graceTime().toMillis());
        String id = freshRunId();
        CgroupFreezer.Detection detection = CgroupFreezer.open(config.suspendMethod(), id);
        if (config.suspendMethod().isFreezer() && detection.freezer().isEmpty()) {
            throw new IllegalStateException("The suspend method " + config.suspendMethod().label() + " was asked for, but "
                    + detection.reason() + ".\nMaybe use " + SuspendMethod.AUTO.label() + " or " + SuspendMethod.SIGNALS.label()
                    + " (-D" + LocalBackendConfig.SUSPEND_PROPERTY + "=signals), or run where /sys/fs/cgroup is writable.");
        }
        this.freezer = detection.freezer().orElse(null);
        this.suspendReason = detection.reason();
        this.run = RunDirectory.create(config.runsDir().resolve(id));
        if (freezer != null) run.recordCgroup(freezer.runGroup());
        run.note("suspend method: " + suspendMethod().label() + (freezer != null ? " (" + suspendReason + ")"
                : config.suspendMethod() == SuspendMethod.SIGNALS ? " (asked for)" : " (SIGSTOP/SIGCONT; no writable freezer: " + suspendReason + ")"));
        this.watchdog = startWatchdog(run, config, freezer);
        try {
            this.jobScript = config.jobScript() != null ? config.jobScript().toAbsolutePath() : SampleJob.locate(run.path().resolve("bin"));
        } catch (RuntimeException e) {
            if (watchdog != null) watchdog.close(); // nothing was launched: it removes the run
            throw e;
        }
        this.threads = new BackendThreads("preemptlab-local-backend");
        addShutdownHook("preemptlab-local-backend-shutdown");
        warmUp();
    }

    /** The run's watchdog, recorded in the run directory so that a reaper leaves the run to it; null if it cannot start. */
    private static RunWatchdog startWatchdog(RunDirectory run, LocalBackendConfig config, CgroupFreezer freezer) {
        try {
            RunWatchdog w = LocalWatchdog.start(run, config.graceTime().toMillis(), config.keepRunFiles());
            long start = ProcStat.read(w.pid()).map(ProcStat::startTime).orElse(-1L);
            run.recordWatchdog(w.pid(), start);
            run.note("watchdog: pid " + w.pid() + " ends the run's processes" + (freezer != null ? " and cgroups" : "") + " if this JVM (pid "
                    + ProcessHandle.current().pid() + ") dies without closing it");
            return w;
        } catch (IOException | RuntimeException e) {
            run.note("watchdog: cannot start one (" + e.getMessage() + "); if this JVM is killed, the next start reaps its jobs");
            return null;
        }
    }

    /** The pid of the run's watchdog, if it runs. */
    public Optional<Long> watchdogPid() {
        return watchdog == null ? Optional.empty() : Optional.of(watchdog.pid());
    }

    /** One throw-away launch, so that the first job's start is not delayed by class loading (~50 ms). */
    private static void warmUp() {
        try {
            Process p = new ProcessBuilder("setsid", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.onExit().get(5, TimeUnit.SECONDS);
            ProcessGroups.isAlive(p.pid());
            ProcessGroups.signal(p.pid(), "CONT");
        } catch (IOException | ExecutionException | TimeoutException e) {
            // the first real launch reports any problem
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Ends every process group recorded by crashed runs under {@code runsDir} (their owner JVM is
     * gone), checking each leader's start time so that a recycled pid is never signalled.
     */
    public static RunDirectory.ReapReport reapOrphans(Path runsDir) {
        return RunDirectory.reapOrphans(runsDir, 1_000);
    }

    /**
     * How jobs are suspended and resumed: {@link SuspendMethod#FREEZER_V1}, {@link SuspendMethod#FREEZER_V2}
     * or {@link SuspendMethod#SIGNALS} (never AUTO). A launch whose cgroup could not be set up
     * falls back to signals (noted in {@code run.log}).
     */
    public SuspendMethod suspendMethod() {
        return freezer == null ? SuspendMethod.SIGNALS : freezer.method();
    }

    /** Why {@link #suspendMethod()} is what it is (the cgroup used, or why there is none). */
    public String suspendMethodReason() {
        return suspendReason;
    }

    /** The freezer cgroup of the job's current launch, if it has one. */
    public Optional<Path> cgroup(JobView job) {
        LocalJob j = job(job.index());
        if (j == null) return Optional.empty();
        synchronized (j) {
            return j.launch == null ? Optional.empty() : Optional.ofNullable(j.launch.cgroup);
        }
    }

    /** What was reaped when this backend started. */
    public RunDirectory.ReapReport reapedAtStart() {
        return reapedAtStart;
    }

    /** This run's directory (state files, logs, process records). */
    public Path runDirectory() {
        return run.path();
    }

    /** The state (checkpoint) file of a job. */
    public Path stateFile(JobView job) {
        return run.stateFile(key(job));
    }

    /** The output log of a job. */
    public Path logFile(JobView job) {
        return run.logFile(key(job));
    }

    /** The process group of the job's current launch, if it has one. */
    public Optional<Long> processGroup(JobView job) {
        LocalJob j = job(job.index());
        if (j == null) return Optional.empty();
        synchronized (j) {
            return j.launch == null ? Optional.empty() : Optional.of(j.launch.pgid);
        }
    }

    /** Every process group this backend launched that still has live processes. */
    public List<Long> liveGroups() {
        List<Long> live = new ArrayList<>();
        for (LocalJob j : jobs()) {
            Launch l;
            synchronized (j) {
                l = j.launch;
            }
            if (l != null && ProcessGroups.isAlive(l.pgid)) live.add(l.pgid);
        }
        return live;
    }

    @Override
    public String name() {
        return "local";
    }

    // ---------------------------------------------------------------- the engine's decisions

    @Override
    public void start(JobView job, Placement placement, long now, int segment, long restartCost, long workLeft) {
        ensureOpen();
        LocalJob j = jobFor(job, LocalJob::new);
        endPreviousLaunch(j);
        synchronized (j) {
            StateFile state = stateOf(j);
            if (config.restoreCheckpointOnKill()) state.restoreCommitted(j.name());
            Path restartFile = state.path().resolveSibling(j.key() + ".restart");
            CommandTemplate.writeRestartFile(restartFile, restartCost);
            Map<String, String> values = new CommandTemplate.Values(j.work(), workLeft, scale(), state.path(), restartCost, restartFile,
                    j.name(), j.index(), run.path(), jobScript).asMap();
            String command = config.commandFor(j.jobClass()).render(values);
            Launch launch = launch(j, command, values);
            j.launch = launch;
            j.started(segment, now + restartCost + workLeft);
            observe(Observation.of(j.index(), launch.id, ObservedKind.STARTED, "pid " + launch.pgid + ": " + command));
        }
    }

    @Override
    protected void enactSuspend(LocalJob j) {
        Launch l = j.launch;
        if (l == null || l.exited) return;
        if (hold(l)) {
            confirm(j, l, () -> freezer.isFrozen(l.cgroup), ObservedKind.STOPPED, "freezer: cgroup " + l.cgroup.getFileName() + " FROZEN");
        } else {
            confirm(j, l, () -> ProcessGroups.isStopped(l.pgid), ObservedKind.STOPPED, "SIGSTOP: every process in state T");
        }
    }

    @Override
    protected void enactResume(LocalJob j) {
        Launch l = j.launch;
        if (l == null || l.exited) return;
        boolean wasHeld = isHeld(l);
        release(l);
        if (wasHeld && l.cgroup != null) {
            confirm(j, l, () -> freezer.isThawed(l.cgroup) || l.exited, ObservedKind.CONTINUED, "freezer: cgroup " + l.cgroup.getFileName() + " THAWED");
        } else if (wasHeld) {
            confirm(j, l, () -> ProcessGroups.isRunning(l.pgid) || l.exited, ObservedKind.CONTINUED, "SIGCONT");
        }
    }

    @Override
    protected void enactCheckpoint(LocalJob j) {
        // a stopped or frozen job cannot act on SIGUSR1
        if (j.launch != null && !j.launch.exited && isHeld(j.launch)) release(j.launch);
        requestCheckpoint(j);
    }

    @Override
    protected void enactKill(LocalJob j) {
        Launch l = j.launch;
        if (l == null || l.exited && !ProcessGroups.isAlive(l.pgid)) return;
        l.expectEnd = true;
        thaw(l); // a frozen job acts on no signal until thawed
        ProcessGroups.signal(l.pgid, "TERM");
        ProcessGroups.signal(l.pgid, "CONT"); // a stopped group acts on SIGTERM only once continued
        observe(Observation.of(j.index(), l.id, ObservedKind.SIGNALLED, "SIGTERM to group " + l.pgid));
        // closing: no timers left, end it now
        threads.scheduleOrRunNow(() -> forceEnd(j, l), config.graceTime().toMillis());
    }

    /** After the grace time: SIGKILL whatever is left of the launch. */
    private void forceEnd(LocalJob j, Launch l) {
        thaw(l);
        if (ProcessGroups.isAlive(l.pgid)) {
            ProcessGroups.kill(l.pgid);
            observe(Observation.of(j.index(), l.id, ObservedKind.ENDED, "SIGKILL after the grace time"));
        }
        if (!ProcessGroups.isAlive(l.pgid)) forget(l);
    }

    @Override
    protected boolean isUnplannedExit(LocalJob j, int launch) {
        Launch l = j.launch;
        return l != null && l.id == launch && !l.expectEnd;
    }

    // ---------------------------------------------------------------- launching

    /**
     * Runs {@code command} in a new session; with a freezer, in the launch's cgroup: the wrapper
     * joins it ({@code echo $$ > cgroup.procs}) and execs the command, so that nothing of the job
     * runs outside it. The pid, pgid and the command's own exec semantics stay as without it.
     */
    private static final String JOIN_AND_EXEC = "echo $$ > \"$1\" 2>/dev/null; exec bash -c \"$2\"";

    private Launch launch(LocalJob j, String command, Map<String, String> values) {
        int id = launches.incrementAndGet();
        Path cgroup = null;
        if (freezer != null) {
            try {
                cgroup = freezer.create(id + "-" + j.key());
            } catch (IOException | RuntimeException e) {
                run.note("launch " + id + " of job " + j.name() + ": cannot create its cgroup (" + e.getMessage() + "); signals for it");
            }
        }
        List<String> argv = cgroup == null ? List.of("setsid", "bash", "-c", command)
                : List.of("setsid", "bash", "-c", JOIN_AND_EXEC, "preemptlab-cgroup-join", cgroup.resolve("cgroup.procs").toString(), command);
        ProcessBuilder pb = new ProcessBuilder(argv)
                .directory(run.path().toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.logFile(j.key()).toFile()));
        Map<String, String> env = pb.environment();
        env.put("PREEMPTLAB_JOB_NAME", j.name());
        env.put("PREEMPTLAB_JOB_INDEX", values.get("index"));
        env.put("PREEMPTLAB_WORK", values.get("work"));
        env.put("PREEMPTLAB_WORK_LEFT", values.get("workLeft"));
        env.put("PREEMPTLAB_SCALE", values.get("scale"));
        env.put("PREEMPTLAB_STATE", values.get("state"));
        env.put("PREEMPTLAB_RESTART_COST", values.get("restartCost"));
        env.put("PREEMPTLAB_RUN_DIR", values.get("runDir"));
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            if (cgroup != null) CgroupFreezer.remove(cgroup, 0);
            throw new UncheckedIOException("Cannot launch job " + j.name() + " (setsid bash -c " + command + "): " + e.getMessage()
                    + "\nMaybe setsid (util-linux) or bash is missing.", e);
        }
        cgroup = joinCgroup(j, id, process.pid(), cgroup);
        Launch l = new Launch(id, process, cgroup);
        // record first, so that a crash from here on leaves a trace to reap
        long startTime = ProcStat.read(l.pgid).map(ProcStat::startTime).orElse(-1L);
        run.record(l.id, j.key(), l.pgid, startTime, l.cgroup);
        // setsid runs right after exec: wait until the group exists before anyone signals it
        pollUntil(() -> ProcStat.read(l.pgid).map(s -> s.pgrp() == l.pgid || s.isGone()).orElse(true), 2_000);
        process.onExit().thenAcceptAsync(p -> exited(j, l, p.exitValue()), threads.executor());
        return l;
    }

    /**
     * Right after the start: the pid must be in the launch's cgroup (the wrapper put it there, or
     * this write does). If it cannot be, the launch is stopped with signals instead.
     */
    private Path joinCgroup(LocalJob j, int id, long pid, Path cgroup) {
        if (cgroup == null) return null;
        try {
            if (!CgroupFreezer.contains(cgroup, pid)) CgroupFreezer.join(cgroup, pid);
            return cgroup;
        } catch (IOException | RuntimeException e) {
            if (ProcStat.read(pid).filter(s -> !s.isGone()).isEmpty()) return cgroup; // already ended: nothing to join
            run.note("launch " + id + " of job " + j.name() + ": pid " + pid + " could not join " + cgroup + " (" + e.getMessage()
                    + "); signals for it");
            CgroupFreezer.remove(cgroup, 0);
            return null;
        }
    }

    // ---------------------------------------------------------------- holding: freezer or signals

    /** Freezes the launch's cgroup (true), or SIGSTOPs its group (false). */
    private boolean hold(Launch l) {
        if (l.cgroup != null) {
            try {
                freezer.freeze(l.cgroup);
                return true;
            } catch (IOException e) {
                run.note("launch " + l.id + ": cannot freeze " + l.cgroup + " (" + e.getMessage() + "); SIGSTOP instead");
            }
        }
        ProcessGroups.signal(l.pgid, "STOP");
        return false;
    }

    /**
     * SIGCONTs the launch's group, then thaws its cgroup: the job learns that it was held (a frozen
     * cgroup is invisible to it otherwise), and since the signal is sent while it is still frozen it is
     * pending when the job thaws, so the job sees it before it measures the tick in which it was held
     * (the sample job credits at most one tick then). Sent after the thaw it could arrive once that
     * tick was already counted as work (observed: a suspended job ending 15 simulated s early).
     * A signal-stopped member (no freezer, or a freeze that failed) resumes with it.
     */
    private void release(Launch l) {
        ProcessGroups.signal(l.pgid, "CONT");
        thaw(l);
        if (l.cgroup != null && ProcessGroups.isStopped(l.pgid)) ProcessGroups.signal(l.pgid, "CONT");
    }

    /** Thaws the launch's cgroup if it has one (a frozen v1 task acts on no signal, SIGKILL included). */
    private void thaw(Launch l) {
        if (l.cgroup == null) return;
        try {
            freezer.thaw(l.cgroup);
        } catch (IOException e) {
            // gone with its last process
        }
    }

    /** True if the launch is frozen (or freezing), or every process of its group is stopped. */
    private boolean isHeld(Launch l) {
        if (l.cgroup != null && Files.isDirectory(l.cgroup) && !freezer.isThawed(l.cgroup)) return true;
        return ProcessGroups.isStopped(l.pgid);
    }

    private StateFile stateOf(LocalJob j) {
        return new StateFile(run.stateFile(j.key()));
    }

    /** The launch is over: forget its record and remove its cgroup. */
    private void forget(Launch l) {
        if (l.cgroup != null) {
            CgroupFreezer.killMembers(l.cgroup, 2_000); // only what escaped the process group can be left
            CgroupFreezer.remove(l.cgroup, 1_000);
        }
        run.forget(l.id);
    }

    private void exited(LocalJob j, Launch l, int code) {
        l.exitCode = code;
        l.exited = true;
        String how = code == 0 ? "exit 0" : code > 128 ? "exit " + code + " (signal " + (code - 128) + ")" : "exit " + code;
        observe(Observation.exited(j.index(), l.id, code, how));
        thaw(l);
        // the leader is gone; end whatever it left in its group (background children)
        if (!ProcessGroups.isAlive(l.pgid) || ProcessGroups.terminate(l.pgid, config.graceTime().toMillis())) forget(l);
        synchronized (j) {
            j.notifyAll();
        }
    }

    /**
     * Before a relaunch: the old launch must be gone. A pending checkpoint is awaited first; a
     * launch the engine evicted while suspended (maintenance) is checkpointed for real first.
     */
    private void endPreviousLaunch(LocalJob j) {
        CompletableFuture<Boolean> watch;
        Launch old;
        synchronized (j) {
            old = j.launch;
            if (old == null) return;
            if (j.mode() == Mode.SUSPENDED && !old.exited && ProcessGroups.isAlive(old.pgid)) {
                release(old);
                requestCheckpoint(j);
            }
            watch = j.checkpointWatch();
        }
        awaitCheckpoint(watch, config.checkpointTimeout());
        old.expectEnd = true;
        thaw(old);
        // its checkpoint is committed (or it has none): nothing of it is worth a grace time
        if (ProcessGroups.signal(old.pgid, "KILL")) {
            boolean gone = ProcessGroups.awaitGone(old.pgid, 5_000);
            observe(Observation.of(j.index(), old.id, ObservedKind.ENDED, "SIGKILL before the relaunch"));
            if (gone) forget(old);
        } else {
            forget(old);
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** SIGUSR1, then watch the state file; caller holds the job's monitor. */
    private void requestCheckpoint(LocalJob j) {
        Launch l = j.launch;
        CompletableFuture<Boolean> watch = j.newCheckpointWatch();
        if (l == null) {
            watch.complete(false);
            return;
        }
        StateFile stateFile = stateOf(j);
        Path state = stateFile.path();
        StateFile.Stamp before = stateFile.stamp();
        long deadline = System.nanoTime() + config.checkpointTimeout().toNanos();
        if (!l.exited) ProcessGroups.signal(l.pgid, "USR1");
        long sentNanos = System.nanoTime();
        threads.repeat(WATCH_PERIOD_MILLIS, () -> {
            if (watch.isDone()) return true;
            StateFile.Stamp nowStamp = stateFile.stamp();
            boolean written = nowStamp != null && !nowStamp.equals(before);
            boolean finished = l.exited && nowStamp != null; // its final state is all there is
            if (written || finished) {
                try {
                    stateFile.commit();
                } catch (IOException e) {
                    observe(Observation.of(j.index(), l.id, ObservedKind.CHECKPOINT_TIMEOUT, "cannot commit " + state + ": " + e.getMessage()));
                    watch.complete(false);
                    return true;
                }
                synchronized (j) {
                    // the engine models the checkpoint I/O: the job makes no progress meanwhile
                    if (j.mode() == Mode.CHECKPOINTING && j.launch == l && !l.exited) hold(l);
                }
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentNanos);
                observe(Observation.of(j.index(), l.id, ObservedKind.CHECKPOINT_WRITTEN,
                        state.getFileName() + " " + (written ? "written " + ms + " ms after SIGUSR1" : "final state of an ended job")
                                + ", done " + progressOf(state)));
                watch.complete(true);
                return true;
            }
            if (System.nanoTime() > deadline || l.exited) {
                observe(Observation.of(j.index(), l.id, ObservedKind.CHECKPOINT_TIMEOUT,
                        l.exited ? "the job ended without a state file" : "no state file " + state.getFileName() + " within " + config.checkpointTimeout()));
                watch.complete(false);
                return true;
            }
            return false;
        });
    }

    /** "done_us/total_us" from a sample-job state file, in seconds, for logs. */
    private static String progressOf(Path state) {
        try {
            long done = -1, total = -1;
            for (String line : Files.readAllLines(state)) {
                if (line.startsWith("done_us=")) done = Long.parseLong(line.substring(8).trim());
                if (line.startsWith("total_us=")) total = Long.parseLong(line.substring(9).trim());
            }
            return done < 0 ? "?" : (done / 1_000_000) + "/" + (total / 1_000_000) + " s";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------- ending everything

    /** Ends every group (TERM to all, then KILL what is left after the grace time), then the threads. */
    @Override
    protected void endEverything() {
        List<Launch> live = new ArrayList<>();
        for (LocalJob j : jobs()) {
            synchronized (j) {
                Launch l = j.launch;
                if (l != null && ProcessGroups.isAlive(l.pgid)) {
                    l.expectEnd = true;
                    live.add(l);
                }
            }
        }
        for (Launch l : live) {
            thaw(l);
            ProcessGroups.signal(l.pgid, "TERM");
            ProcessGroups.signal(l.pgid, "CONT");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(config.graceTime().toMillis(), 3_000));
        for (Launch l : live) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            ProcessGroups.awaitGone(l.pgid, Math.max(0, left));
        }
        boolean allGone = true;
        for (Launch l : live) {
            if (ProcessGroups.isAlive(l.pgid)) ProcessGroups.kill(l.pgid);
            if (ProcessGroups.isAlive(l.pgid)) allGone = false;
            else forget(l);
        }
        if (freezer != null) {
            // launches that ended earlier removed their own cgroups; anything left in the run's is ours
            if (CgroupFreezer.killMembers(freezer.runGroup(), 3_000)) CgroupFreezer.remove(freezer.runGroup(), 1_000);
            else allGone = false;
        }
        threads.shutdownNow();
        if (allGone) run.release(!config.keepRunFiles());
        // nothing is left (or the watchdog ends what is): it checks, then exits
        if (watchdog != null) watchdog.close(allGone ? 5_000 : 0);
    }

    private void ensureOpen() {
        if (isClosed()) throw new IllegalStateException("The local backend of run " + run.path() + " is closed.");
    }

    // ---------------------------------------------------------------- helpers

    /** Polls on the backend's threads until {@code condition} holds, then adds the observation (once). */
    private void confirm(LocalJob j, Launch l, BooleanSupplier condition, ObservedKind kind, String detail) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SIGNAL_CONFIRM_MILLIS);
        threads.repeat(5, () -> {
            if (condition.getAsBoolean()) {
                observe(Observation.of(j.index(), l.id, kind, detail));
                return true;
            }
            return System.nanoTime() > deadline || l.exited;
        });
    }

    private static void pollUntil(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            if (!ProcessGroups.sleep(1)) return;
        }
    }
}
