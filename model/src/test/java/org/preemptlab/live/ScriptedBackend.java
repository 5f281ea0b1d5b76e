package org.preemptlab.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;

/**
 * A live backend without processes, on a {@link ManualWallClock}: a launch "runs" for its restart
 * I/O and work left at the clock's scale and then exits (0, or a set exit code), a suspend or a
 * checkpoint holds it (it keeps its remaining time), a resume lets it go on, a kill ends it with
 * 143. It goes through {@link AbstractLiveBackend} like the real backends, so the driver and the
 * shared bookkeeping are tested deterministically. {@code launchLatencyNanos} delays every start,
 * as a fork/exec does on a busy machine.
 */
final class ScriptedBackend extends AbstractLiveBackend<ScriptedBackend.Run> {

    static final class Run extends AbstractLiveBackend.Job {
        int launch;
        /** The pending exit, or null while held or ended. */
        Object exitTimer;
        long exitAt;
        /** Real nanoseconds still to run while held. */
        long remainingNanos;

        Run(JobView job) {
            super(job);
        }
    }

    private final ManualWallClock wall;
    private final long launchLatencyNanos;
    private final Set<String> failingJobs;
    /** What the engine asked, in order: {@code start A}, {@code suspend B} … */
    final List<String> enacted = new ArrayList<>();
    boolean closed;

    ScriptedBackend(ManualWallClock wall, long launchLatencyNanos, Set<String> failingJobs) {
        this.wall = wall;
        this.launchLatencyNanos = launchLatencyNanos;
        this.failingJobs = failingJobs;
    }

    ScriptedBackend(ManualWallClock wall) {
        this(wall, 0, Set.of());
    }

    @Override
    public void start(JobView job, Placement placement, long now, int segment, long restartCost, long workLeft) {
        Run j = jobFor(job, Run::new);
        synchronized (j) {
            if (j.exitTimer != null) wall.cancel(j.exitTimer);
            j.launch++;
            j.started(segment, now + restartCost + workLeft);
            enacted.add("start " + j.name());
            int launch = j.launch;
            long startedAt = wall.nanoTime() + launchLatencyNanos;
            wall.schedule(startedAt, () -> observe(new Observation(startedAt, j.index(), launch, ObservedKind.STARTED, 0, "scripted")));
            scheduleExit(j, startedAt + realNanos(restartCost + workLeft));
        }
    }

    private long realNanos(long simSeconds) {
        return Math.round(simSeconds * 1e9 / scale());
    }

    private void scheduleExit(Run j, long at) {
        int launch = j.launch;
        int code = failingJobs.contains(j.name()) ? 3 : 0;
        j.exitAt = at;
        j.exitTimer = wall.schedule(at, () -> {
            synchronized (j) {
                if (j.launch == launch) j.exitTimer = null;
            }
            observe(new Observation(at, j.index(), launch, ObservedKind.EXITED, code, "scripted exit " + code));
        });
    }

    private void hold(Run j) {
        if (j.exitTimer == null) return;
        wall.cancel(j.exitTimer);
        j.exitTimer = null;
        j.remainingNanos = Math.max(0, j.exitAt - wall.nanoTime());
    }

    @Override
    protected void enactSuspend(Run j) {
        enacted.add("suspend " + j.name());
        hold(j);
        observe(new Observation(wall.nanoTime(), j.index(), j.launch, ObservedKind.STOPPED, 0, "scripted"));
    }

    @Override
    protected void enactResume(Run j) {
        enacted.add("resume " + j.name());
        if (j.exitTimer == null) scheduleExit(j, wall.nanoTime() + j.remainingNanos);
        observe(new Observation(wall.nanoTime(), j.index(), j.launch, ObservedKind.CONTINUED, 0, "scripted"));
    }

    @Override
    protected void enactCheckpoint(Run j) {
        enacted.add("checkpoint " + j.name());
        hold(j);
        observe(new Observation(wall.nanoTime(), j.index(), j.launch, ObservedKind.CHECKPOINT_WRITTEN, 0, "scripted"));
    }

    @Override
    protected void enactKill(Run j) {
        enacted.add("kill " + j.name());
        if (j.exitTimer != null) wall.cancel(j.exitTimer);
        j.exitTimer = null;
        observe(new Observation(wall.nanoTime(), j.index(), j.launch, ObservedKind.SIGNALLED, 0, "scripted SIGTERM"));
        observe(new Observation(wall.nanoTime(), j.index(), j.launch, ObservedKind.EXITED, 143, "scripted exit 143"));
    }

    @Override
    protected boolean isUnplannedExit(Run j, int launch) {
        return launch == j.launch;
    }

    @Override
    protected void endEverything() {
        closed = true;
        for (Run j : jobs()) {
            synchronized (j) {
                if (j.exitTimer != null) wall.cancel(j.exitTimer);
                j.exitTimer = null;
            }
        }
    }

    /** Jobs whose exit is still pending (a "process" still alive). */
    long pendingExits() {
        return jobs().stream().filter(j -> {
            synchronized (j) {
                return j.exitTimer != null;
            }
        }).count();
    }

    @Override
    public String name() {
        return "scripted";
    }
}
