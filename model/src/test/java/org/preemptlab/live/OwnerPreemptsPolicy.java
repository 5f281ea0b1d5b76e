package org.preemptlab.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;

/**
 * A small test policy: FCFS, and a waiting {@code owner} job that does not fit preempts running
 * non-owner jobs (youngest first, then highest index) with one mechanism until it fits. Enough to
 * drive the live backends through suspend, checkpoint and requeue deterministically.
 */
final class OwnerPreemptsPolicy implements SchedulingPolicy {

    private final PreemptMechanism mechanism;

    OwnerPreemptsPolicy(PreemptMechanism mechanism) {
        this.mechanism = mechanism;
    }

    @Override
    public String name() {
        return "test-owner-" + mechanism.label();
    }

    /** Owner jobs head the queue. */
    @Override
    public int tierOf(JobSpec job) {
        return "owner".equals(job.qos()) ? 1 : 0;
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        for (JobView job : s.queue()) {
            Placement p = free.place(job.spec());
            if (p == null && "owner".equals(job.spec().qos())) {
                p = preemptFor(job, s, free, decisions);
            }
            if (p == null) break;
            free.take(p);
            decisions.add(new Decision.Start(job, p, Reason.of("in order")));
        }
        return decisions;
    }

    /** Preempts victims until the job fits; returns its placement if it can start now. */
    private Placement preemptFor(JobView job, Snapshot s, Capacity free, List<Decision> decisions) {
        // a victim being checkpointed or stopped already frees its nodes soon: wait for it
        for (JobView r : s.running()) if (r.state() != JobState.RUNNING) return null;
        List<JobView> victims = new ArrayList<>();
        for (JobView r : s.running()) if (!"owner".equals(r.spec().qos())) victims.add(r);
        victims.sort(Comparator.comparingLong(JobView::segmentStart).reversed()
                .thenComparing(Comparator.comparingInt(JobView::index).reversed()));
        Capacity after = free.copy();
        List<JobView> chosen = new ArrayList<>();
        for (JobView v : victims) {
            chosen.add(v);
            after.release(v.placement());
            if (after.place(job.spec()) != null) break;
        }
        if (after.place(job.spec()) == null) return null;
        for (JobView v : chosen) {
            decisions.add(new Decision.Preempt(v, mechanism, job, Reason.of("owner job " + job.name() + " needs its node")));
            switch (mechanism) {
                case SUSPEND -> free.releaseCores(v.placement()); // its memory stays held
                case REQUEUE, KILL -> free.release(v.placement());
                case CHECKPOINT -> { } // nodes stay busy while the image is written
            }
        }
        return free.place(job.spec());
    }
}
