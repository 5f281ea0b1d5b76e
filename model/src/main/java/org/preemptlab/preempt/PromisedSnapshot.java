package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptionSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.Snapshot;

/**
 * The snapshot the base scheduler sees while room is being made for preemptors: the promised jobs
 * are not in its queue, and the resources promised to them (and what this pass already started)
 * are not free — so the victims freed for an owner's job cannot be taken by someone else, least of
 * all by the victims themselves.
 */
final class PromisedSnapshot implements Snapshot {

    private final Snapshot inner;
    private final Capacity free;
    private final List<JobView> queue;
    private final Set<Integer> holdsTaken;

    /** @param holdsTaken suspended jobs whose held cores were given to a job started this pass (no longer theirs) */
    PromisedSnapshot(Snapshot inner, Capacity freeAfterStarts, Set<Integer> hidden, Collection<Placement> held,
            Set<Integer> holdsTaken) {
        this.inner = inner;
        this.holdsTaken = holdsTaken;
        this.free = freeAfterStarts.copy();
        for (Placement p : held) hold(free, p);
        this.queue = new ArrayList<>();
        for (JobView j : inner.queue()) if (!hidden.contains(j.index())) queue.add(j);
    }

    /** Keeps the nodes of a placement (or, in processor mode, as many processors) out of use. */
    static void hold(Capacity c, Placement p) {
        if (p.nodes() != null) {
            for (int node : p.nodes()) c.seize(node);
        } else {
            for (int i = 0; i < p.procs(); i++) c.seize(i);
        }
    }

    @Override
    public long now() {
        return inner.now();
    }

    @Override
    public Cluster cluster() {
        return inner.cluster();
    }

    @Override
    public Collection<? extends JobView> queue() {
        return queue;
    }

    @Override
    public Collection<? extends JobView> running() {
        return inner.running();
    }

    @Override
    public Collection<? extends JobView> suspended() {
        return inner.suspended();
    }

    @Override
    public Capacity freeCapacity() {
        return free.copy();
    }

    @Override
    public Placement heldCores(JobView suspended) {
        return holdsTaken.contains(suspended.index()) ? null : inner.heldCores(suspended);
    }

    @Override
    public java.util.Map<Integer, Placement> promised() {
        return inner.promised();
    }

    @Override
    public JobView heldFor(JobView suspended) {
        return inner.heldFor(suspended);
    }

    @Override
    public PreemptionSettings preemptionSettings() {
        return inner.preemptionSettings();
    }

    @Override
    public List<Reservation> reservations() {
        return inner.reservations();
    }

    @Override
    public List<Reservation> failedNodes() {
        return inner.failedNodes();
    }
}
