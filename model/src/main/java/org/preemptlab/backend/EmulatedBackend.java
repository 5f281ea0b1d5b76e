package org.preemptlab.backend;

import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * The emulator: jobs do exactly their recorded work. A started job reports its end after its
 * restart I/O plus its remaining work; suspend, checkpoint and kill need no action here because
 * the engine cancels the pending end by moving to a new segment.
 */
public final class EmulatedBackend implements NodeBackend {

    private BackendEvents events;

    @Override
    public void attach(BackendEvents events) {
        this.events = events;
    }

    @Override
    public void start(JobView job, Placement placement, long now, int segment, long restartCost, long workLeft) {
        events.workDone(job.index(), segment, now + restartCost + workLeft);
    }

    @Override
    public void suspend(JobView job, long now) {
        // the pending end belongs to the old segment and is ignored by the engine
    }

    @Override
    public void resume(JobView job, long now, int segment, long workLeft) {
        events.workDone(job.index(), segment, now + workLeft);
    }

    @Override
    public void checkpoint(JobView job, long now) {
        // I/O time is modelled by the engine's storage channels
    }

    @Override
    public void kill(JobView job, long now) {
        // nothing to end: the emulated job simply stops accruing work
    }

    @Override
    public String name() {
        return "emulated";
    }

    /** Emulated: the recorded work, exactly. */
    @Override
    public boolean isLive() {
        return false;
    }

}
