package org.preemptlab.backend.slurm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.preemptlab.job.Placement;
import org.preemptlab.backend.local.CommandTemplate;
import org.preemptlab.backend.local.RunDirectory;
import org.preemptlab.backend.local.SampleJob;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobView;
import org.preemptlab.live.AbstractLiveBackend;
import org.preemptlab.live.BackendThreads;
import org.preemptlab.live.Observation;
import org.preemptlab.live.ObservedKind;
import org.preemptlab.live.RunWatchdog;
import org.preemptlab.live.StateFile;

/**
 * Enacts the engine's decisions on a real Slurm cluster; the engine stays the scheduler:
 * <ul>
 *   <li>start = {@code sbatch --hold} (first time), {@code scontrol update NodeList=… StartTime=now},
 *       {@code scontrol release};</li>
 *   <li>suspend / resume = {@code scontrol suspend / resume} (a job Slurm has not started yet is
 *       held / released instead);</li>
 *   <li>checkpoint = {@code scancel --signal=USR1 --batch}, then the state file must change; the job is
 *       then suspended for the engine's modelled checkpoint I/O;</li>
 *   <li>kill = {@code scontrol requeuehold} for rerunnable jobs (SIGTERM, then SIGKILL after
 *       Slurm's KillWait; the job stays known and held for its restart), {@code scancel} otherwise;</li>
 *   <li>restart = {@code scontrol update NodeList=… StartTime=now} + {@code release} of the held job,
 *       with its state file restored to the last committed checkpoint.</li>
 * </ul>
 * State comes from polling {@code squeue --json}; changes become {@link Observation}s that the
 * driver delivers on its thread ({@link #deliver}). All Slurm commands go through {@link SlurmCommands}.
 *
 * <p>No job outlives its run: {@link #close()} and a JVM shutdown hook (SIGTERM, SIGINT) cancel
 * every job the run submitted; with the command-line tools ({@link SlurmCli}) a {@link SlurmWatchdog}
 * outside the JVM cancels them if the JVM dies without either (SIGKILL, a crash); and a new backend
 * first cancels what earlier runs in the same job directory left ({@link #cancelLeftovers}). The
 * run's job directory ({@code <jobDir>/<run id>}, or a temporary directory when
 * {@link SlurmBackendConfig#jobDir()} is null, removed at the end) records the owner JVM
 * ({@code owner}) and the submitted jobs ({@code slurm-jobs}).
 */
public final class SlurmBackend extends AbstractLiveBackend<SlurmBackend.SJob> {

    private static final long WATCH_PERIOD_MILLIS = 50;

    private final SlurmCommands slurm;
    private final SlurmBackendConfig config;
    private final Path runDir;
    private final Path jobScript;
    private final BackendThreads threads;
    /** The run made its job directory itself (a temporary one): removed at the end. */
    private final boolean ownsRunDir;
    /** Cancels the run's jobs if this JVM dies without closing the run; null without the command-line tools. */
    private final RunWatchdog watchdog;
    private final List<Long> leftoversCancelled;

    /** One engine job and its Slurm job; guarded by its monitor (the poller reads under it too). */
    static final class SJob extends Job {
        final long estimate;
        final boolean rerunnable;
        long slurmId = -1;
        int launch;
        /** Held by us while pending (suspended before Slurm started it). */
        boolean heldByUs;
        boolean expectEnd;
        boolean endReported;
        String lastState = "";

        SJob(JobView job) {
            super(job);
            this.estimate = job.spec().estimate();
            this.rerunnable = job.spec().rerunnable();
        }
    }

    public SlurmBackend(SlurmCommands slurm, SlurmBackendConfig config) {
        this.slurm = Objects.requireNonNull(slurm, "slurm");
        this.config = Objects.requireNonNull(config, "config");
        String id = freshRunId();
        this.ownsRunDir = config.jobDir() == null;
        this.leftoversCancelled = ownsRunDir ? List.of() : cancelLeftovers(slurm, config.jobDir().toAbsolutePath());
        try {
            if (ownsRunDir) {
                this.runDir = Files.createTempDirectory("preemptlab-slurm-jobs").toAbsolutePath();
            } else {
                this.runDir = config.jobDir().toAbsolutePath().resolve(id);
                Files.createDirectories(runDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the job directory " + (config.jobDir() == null ? "(a temporary one)"
                    : config.jobDir().toAbsolutePath().resolve(id)) + ": " + e.getMessage(), e);
        }
        RunDirectory.recordProcess(runDir, RunDirectory.OWNER, ProcessHandle.current().pid());
        this.watchdog = startWatchdog(slurm, runDir, ownsRunDir);
        try {
            this.jobScript = config.jobScript() != null ? config.jobScript().toAbsolutePath() : SampleJob.locate(runDir.resolve("bin"));
        } catch (RuntimeException e) {
            endRunDir();
            throw e;
        }
        this.threads = new BackendThreads("preemptlab-slurm-backend");
        threads.every(config.pollInterval().toMillis(), this::poll);
        addShutdownHook("preemptlab-slurm-backend-shutdown");
    }

    private static RunWatchdog startWatchdog(SlurmCommands slurm, Path runDir, boolean deleteDir) {
        // only the command-line tools can be run by the watchdog; another SlurmCommands (a REST client, a test double) has none
        if (!(slurm instanceof SlurmCli cli)) return null;
        try {
            RunWatchdog w = SlurmWatchdog.start(runDir, deleteDir, cli.slurmConf());
            RunDirectory.recordProcess(runDir, RunDirectory.WATCHDOG, w.pid());
            return w;
        } catch (IOException | RuntimeException e) {
            return null; // the next run in this job directory cancels the leftovers (cancelLeftovers)
        }
    }

    /**
     * Checks, before anything is submitted, that every engine node has a Slurm node with at least
     * its cores: the engine places jobs on its nodes, and each becomes the Slurm node of the same
     * index ({@code slurmCluster.slurmNodeNames()}).
     *
     * @throws IllegalArgumentException naming the first node that does not fit
     */
    public static void requireFits(Cluster engine, SlurmCluster slurmCluster) {
        int slurmNodes = slurmCluster.slurmNodeNames().size();
        if (engine.nodeCount() > slurmNodes) {
            throw new IllegalArgumentException("The scenario has " + engine.nodeCount() + " nodes but the Slurm cluster has only " + slurmNodes + " ("
                    + String.join(",", slurmCluster.slurmNodeNames()) + "): engine nodes " + slurmNodes + ".." + (engine.nodeCount() - 1)
                    + " have no Slurm node.\nMaybe use a scenario with at most " + slurmNodes + " nodes (import one from this Slurm: "
                    + "SlurmImport) or a larger Slurm cluster.");
        }
        if (engine instanceof NodeCluster nodes) {
            NodeCluster slurmNodesCluster = slurmCluster.toNodeCluster();
            for (int n = 0; n < nodes.nodeCount(); n++) {
                int want = nodes.pools().get(nodes.poolOf(n)).coresPerNode();
                int have = slurmNodesCluster.pools().get(slurmNodesCluster.poolOf(n)).coresPerNode();
                if (want > have) {
                    throw new IllegalArgumentException("Engine node " + n + " (" + nodes.nodeName(n) + ") has " + want + " cores, its Slurm node "
                            + slurmCluster.slurmNodeNames().get(n) + " " + have + ".\nMaybe give pool " + nodes.pools().get(nodes.poolOf(n)).name()
                            + " at most " + have + " cores per node, or import the cluster from this Slurm (SlurmImport).");
                }
            }
        }
    }

    /** The Slurm jobs of earlier, dead runs in the same job directory that this backend cancelled when it started. */
    public List<Long> leftoversCancelled() {
        return leftoversCancelled;
    }

    /** The pid of the run's watchdog, if it runs. */
    public Optional<Long> watchdogPid() {
        return watchdog == null ? Optional.empty() : Optional.of(watchdog.pid());
    }

    @Override
    public String name() {
        return "slurm";
    }

    /** This run's directory of state and output files. */
    public Path runDirectory() {
        return runDir;
    }

    public Path stateFile(JobView job) {
        return runDir.resolve(key(job) + ".state");
    }

    public Path logFile(JobView job) {
        return runDir.resolve(key(job) + ".log");
    }

    /** The Slurm job id of an engine job, once submitted. */
    public Optional<Long> slurmJobId(JobView job) {
        SJob j = job(job.index());
        if (j == null) return Optional.empty();
        synchronized (j) {
            return j.slurmId > 0 ? Optional.of(j.slurmId) : Optional.empty();
        }
    }

    /** Every Slurm job this backend submitted. */
    public List<Long> submittedJobIds() {
        List<Long> ids = new ArrayList<>();
        for (SJob j : jobs()) {
            synchronized (j) {
                if (j.slurmId > 0) ids.add(j.slurmId);
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- the engine's decisions

    @Override
    public void start(JobView job, Placement placement, long now, int segment, long restartCost, long workLeft) {
        if (isClosed()) throw new IllegalStateException("The Slurm backend of run " + runDir + " is closed.");
        SJob j = jobFor(job, SJob::new);
        List<String> nodes = new ArrayList<>();
        for (int n : placement.nodes()) {
            if (n >= config.slurmNodes().size()) {
                throw new IllegalArgumentException("Engine node " + n + " has no Slurm node (slurmNodes has " + config.slurmNodes().size()
                        + ").\nMaybe import the cluster from this Slurm (SlurmImport) so that pools and nodes match.");
            }
            nodes.add(config.slurmNodes().get(n));
        }
        CompletableFuture<Boolean> watch;
        synchronized (j) {
            watch = j.checkpointWatch();
        }
        awaitCheckpoint(watch, config.checkpointTimeout());
        synchronized (j) {
            if (j.slurmId > 0) takeBack(j);
            if (config.restoreCheckpointOnKill()) stateOf(j).restoreCommitted(null);
            CommandTemplate.writeRestartFile(restartFileOf(j), restartCost);
            if (j.slurmId <= 0) j.slurmId = submit(j, job, placement, workLeft);
            slurm.setNodes(j.slurmId, nodes, true);
            slurm.release(j.slurmId);
            j.launch++;
            j.started(segment, now + restartCost + workLeft);
            j.heldByUs = false;
            j.expectEnd = false;
            j.endReported = false;
            j.lastState = "PENDING";
            observe(Observation.of(j.index(), j.launch, ObservedKind.PENDING,
                    "slurm job " + j.slurmId + " released on " + String.join(",", nodes)));
        }
    }

    /** A job to run again: make sure its previous run has ended and it is pending and held. */
    private void takeBack(SJob j) {
        SlurmJob sj = find(j.slurmId);
        if (sj == null || sj.isFinished()) {
            j.slurmId = -1; // gone or ended: submit anew
            return;
        }
        j.expectEnd = true;
        if (sj.isRunning() || sj.isSuspended() || "COMPLETING".equals(sj.state())) {
            if (sj.isRunning() || sj.isSuspended()) slurm.requeueHold(j.slurmId);
            SlurmJob after = awaitJob(j.slurmId, x -> x.isPending() || x.isFinished(), 60_000);
            if (after == null || after.isFinished()) {
                j.slurmId = -1;
                return;
            }
        }
        SlurmJob pending = find(j.slurmId);
        if (pending != null && pending.isPending() && !pending.isHeld()) slurm.hold(j.slurmId);
    }

    private long submit(SJob j, JobView job, Placement placement, long workLeft) {
        // the restart cost is read from the restart file at run time: the command is fixed from here on
        CommandTemplate.Values values = new CommandTemplate.Values(j.work(), workLeft, scale(), stateOf(j).path(), 0, restartFileOf(j),
                j.name(), j.index(), runDir, jobScript);
        String command = config.commandFor(j.jobClass()).render(values);
        // real minutes: twice the estimate (restarts, latency) and at least 2
        long minutes = Math.max(2, (long) Math.ceil(2.0 * j.estimate / scale() / 60.0) + 1);
        long id = slurm.submitHeld(new SlurmCommands.Submission(j.name(), config.partitionFor(j.jobClass()), placement.nodeCount(),
                placement.coresPerNode(), minutes, runDir.resolve(j.key() + ".log"), runDir, command));
        append(runDir.resolve("slurm-jobs"), id + " " + j.name() + "\n");
        return id;
    }

    @Override
    protected void enactSuspend(SJob j) {
        SlurmJob sj = unfinished(j);
        if (sj == null) return;
        if (sj.isPending()) {
            // Slurm has not started it yet: keep it from starting until the engine resumes it
            slurm.hold(j.slurmId);
            j.heldByUs = true;
        } else if (!sj.isSuspended()) {
            slurm.suspend(j.slurmId);
        }
    }

    @Override
    protected void enactResume(SJob j) {
        if (j.slurmId <= 0) return;
        if (j.heldByUs) {
            slurm.release(j.slurmId);
            j.heldByUs = false;
        } else {
            SlurmJob sj = find(j.slurmId);
            if (sj != null && sj.isSuspended()) slurm.resume(j.slurmId);
        }
    }

    @Override
    protected void enactCheckpoint(SJob j) {
        CompletableFuture<Boolean> watch = j.newCheckpointWatch();
        StateFile stateFile = stateOf(j);
        Path state = stateFile.path();
        StateFile.Stamp before = stateFile.stamp();
        SlurmJob sj = j.slurmId > 0 ? find(j.slurmId) : null;
        if (sj == null || !sj.isRunning()) {
            watch.complete(false);
            observe(Observation.of(j.index(), j.launch, ObservedKind.CHECKPOINT_TIMEOUT,
                    "slurm job " + j.slurmId + " is " + (sj == null ? "unknown" : sj.state()) + ": no checkpoint signal sent"));
            return;
        }
        slurm.signal(j.slurmId, "USR1", true);
        long sent = System.nanoTime();
        long deadline = sent + config.checkpointTimeout().toNanos();
        int launch = j.launch;
        threads.repeat(WATCH_PERIOD_MILLIS, () -> {
            StateFile.Stamp stamp = stateFile.stamp();
            if (stamp != null && !stamp.equals(before)) {
                try {
                    stateFile.commit();
                } catch (IOException e) {
                    watch.complete(false);
                    return true;
                }
                synchronized (j) {
                    if (j.mode() == Mode.CHECKPOINTING && j.launch == launch) {
                        try {
                            slurm.suspend(j.slurmId); // no progress during the engine's checkpoint I/O
                        } catch (SlurmCommandException e) {
                            // ended meanwhile: the poller reports it
                        }
                    }
                }
                observe(Observation.of(j.index(), launch, ObservedKind.CHECKPOINT_WRITTEN, state.getFileName() + " written "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent) + " ms after SIGUSR1"));
                watch.complete(true);
                return true;
            }
            if (System.nanoTime() > deadline) {
                observe(Observation.of(j.index(), launch, ObservedKind.CHECKPOINT_TIMEOUT,
                        "no state file " + state.getFileName() + " within " + config.checkpointTimeout()));
                watch.complete(false);
                return true;
            }
            return false;
        });
    }

    @Override
    protected void enactKill(SJob j) {
        SlurmJob sj = unfinished(j);
        if (sj == null) return;
        j.expectEnd = true;
        if (j.rerunnable) {
            if (sj.isPending()) slurm.hold(j.slurmId);
            else slurm.requeueHold(j.slurmId);
            observe(Observation.of(j.index(), j.launch, ObservedKind.SIGNALLED, "scontrol requeuehold " + j.slurmId));
        } else {
            slurm.cancel(j.slurmId);
            observe(Observation.of(j.index(), j.launch, ObservedKind.SIGNALLED, "scancel " + j.slurmId));
        }
    }

    // ---------------------------------------------------------------- observations

    @Override
    protected boolean isUnplannedExit(SJob j, int launch) {
        return launch == j.launch && !j.expectEnd;
    }

    /** One {@code squeue --json}: state changes of our jobs become observations. */
    private void poll() {
        if (isClosed()) return;
        List<SlurmJob> queue;
        try {
            queue = slurm.queue();
        } catch (RuntimeException e) {
            return; // a slow or restarting controller: try again at the next poll
        }
        Map<Long, SlurmJob> byId = new HashMap<>();
        for (SlurmJob sj : queue) byId.put(sj.id(), sj);
        for (SJob j : jobs()) {
            synchronized (j) {
                if (j.slurmId <= 0) continue;
                SlurmJob sj = byId.get(j.slurmId);
                if (sj == null) continue;
                String state = sj.state();
                if (state.equals(j.lastState)) continue;
                String before = j.lastState;
                j.lastState = state;
                String where = sj.nodes().isEmpty() ? "" : " on " + String.join(",", sj.nodes());
                if (sj.isRunning()) {
                    observe(Observation.of(j.index(), j.launch, "SUSPENDED".equals(before) ? ObservedKind.CONTINUED : ObservedKind.STARTED,
                            "slurm job " + sj.id() + " RUNNING" + where));
                } else if (sj.isSuspended()) {
                    observe(Observation.of(j.index(), j.launch, ObservedKind.STOPPED, "slurm job " + sj.id() + " SUSPENDED" + where));
                } else if (sj.isPending()) {
                    if (!before.equals("PENDING")) {
                        observe(Observation.of(j.index(), j.launch, ObservedKind.PENDING, "slurm job " + sj.id() + " PENDING ("
                                + sj.stateReason() + ")"));
                    }
                } else if (sj.isFinished() && !j.endReported) {
                    j.endReported = true;
                    int code = "COMPLETED".equals(state) ? sj.exitCode() : sj.exitCode() == 0 ? 1 : sj.exitCode();
                    observe(new Observation(System.nanoTime(), j.index(), j.launch, ObservedKind.EXITED, code,
                            "slurm job " + sj.id() + " " + state + " (exit " + sj.exitCode() + ")"));
                }
            }
        }
    }

    // ---------------------------------------------------------------- state files

    private StateFile stateOf(SJob j) {
        return new StateFile(runDir.resolve(j.key() + ".state"));
    }

    private Path restartFileOf(SJob j) {
        return runDir.resolve(j.key() + ".restart");
    }

    // ---------------------------------------------------------------- ending everything

    /** Cancels every Slurm job this backend submitted that has not ended, and waits (≤ 30 s) until Slurm shows them ended. */
    @Override
    protected void endEverything() {
        threads.shutdownNow();
        List<Long> ids = submittedJobIds();
        for (long id : ids) {
            SlurmJob sj = find(id);
            if (sj != null && !sj.isFinished()) {
                try {
                    slurm.cancel(id);
                } catch (SlurmCommandException e) {
                    // ended meanwhile
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            boolean allEnded = true;
            try {
                for (SlurmJob sj : slurm.queue()) if (ids.contains(sj.id()) && !sj.isFinished()) allEnded = false;
            } catch (RuntimeException e) {
                break;
            }
            if (allEnded) break;
            sleep(200);
        }
        endRunDir();
    }

    /** The run is over: its owner record goes (the watchdog then has nothing to do), or the whole directory if the run made it. */
    private void endRunDir() {
        try {
            if (ownsRunDir) deleteTree(runDir);
            else Files.deleteIfExists(runDir.resolve(RunDirectory.OWNER));
        } catch (IOException | UncheckedIOException e) {
            // the watchdog removes it
        }
        if (watchdog != null) watchdog.close(5_000);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /**
     * Cancels what a crashed run left in Slurm: every job listed in {@code slurm-jobs} files under
     * {@code jobDir} that Slurm still shows (same id and name) and that has not ended. Runs whose
     * owner JVM or watchdog is alive ({@link RunDirectory#isLookedAfter}) are left alone.
     *
     * @return the ids cancelled
     */
    public static List<Long> cancelLeftovers(SlurmCommands slurm, Path jobDir) {
        List<Long> cancelled = new ArrayList<>();
        if (!Files.isDirectory(jobDir)) return cancelled;
        List<Path> lists = new ArrayList<>();
        try (var runs = Files.list(jobDir)) {
            for (Path run : runs.toList()) {
                Path list = run.resolve("slurm-jobs");
                if (Files.isRegularFile(list) && !RunDirectory.isLookedAfter(run)) lists.add(list);
            }
        } catch (IOException e) {
            return cancelled;
        }
        if (lists.isEmpty()) return cancelled;
        Map<Long, SlurmJob> live = new HashMap<>();
        for (SlurmJob sj : slurm.queue()) if (!sj.isFinished()) live.put(sj.id(), sj);
        try {
            for (Path list : lists) {
                for (String line : Files.readAllLines(list)) {
                    String[] f = line.trim().split(" ", 2);
                    if (f.length < 2) continue;
                    long id = Long.parseLong(f[0]);
                    SlurmJob sj = live.get(id);
                    if (sj != null && sj.name().equals(f[1])) {
                        slurm.cancel(id);
                        cancelled.add(id);
                    }
                }
                Files.delete(list);
                Files.deleteIfExists(list.resolveSibling(RunDirectory.OWNER));
            }
        } catch (IOException | NumberFormatException | SlurmCommandException e) {
            // best effort
        }
        return cancelled;
    }

    // ---------------------------------------------------------------- helpers

    private SlurmJob find(long id) {
        for (SlurmJob sj : slurm.queue()) if (sj.id() == id) return sj;
        return null;
    }

    /** The job's Slurm job if it was submitted and has not ended, else null. */
    private SlurmJob unfinished(SJob j) {
        if (j.slurmId <= 0) return null;
        SlurmJob sj = find(j.slurmId);
        return sj == null || sj.isFinished() ? null : sj;
    }

    private SlurmJob awaitJob(long id, Predicate<SlurmJob> condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            SlurmJob sj = find(id);
            if (sj == null || condition.test(sj)) return sj;
            if (System.nanoTime() > deadline) {
                throw new SlurmCommandException("Slurm job " + id + " is still " + sj.state() + " after " + timeoutMillis + " ms.");
            }
            sleep(100);
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
