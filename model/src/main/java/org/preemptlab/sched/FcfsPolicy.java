package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;

/**
 * First come, first served: start jobs in queue order until one does not fit; nothing jumps ahead
 * of it. With node pools the blocking is per pool, as in Slurm's main scheduler per partition: a
 * job that does not fit blocks the later jobs that could use one of its pools, not jobs that run
 * elsewhere.
 */
public final class FcfsPolicy implements SchedulingPolicy {

    /** Starts only: never preempts, holds or promises. */
    @Override
    public boolean startsOnly() {
        return true;
    }

    @Override
    public String name() {
        return SchedulerKind.FCFS.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        long now = s.now();
        NodeCluster pools = s.cluster() instanceof NodeCluster nc ? nc : null;
        BitSet blocked = new BitSet();
        // a job that waits for its reservation blocks only the later jobs of that reservation (as Slurm
        // keeps a list of failed reservations beside the failed partitions); others are not held up by it
        boolean members = Reservations.anyMembers(s.reservations());
        java.util.Set<String> blockedReservations = members ? new java.util.HashSet<>() : java.util.Set.of();
        boolean allBlocked = false;
        for (JobView job : s.queue()) {
            String home = members ? Reservations.confinedTo(s.reservations(), job.spec(), now) : null;
            if (home != null) {
                if (blockedReservations.contains(home)) continue;
            } else {
                if (allBlocked) continue;
                if (pools != null && poolsOf(pools, job.spec()).intersects(blocked)) continue;
            }
            Capacity usable = Reservations.usable(free, s.reservations(), job.spec(), now, now + job.requestedWalltime());
            Placement p = usable.place(job.spec());
            if (p == null) {
                if (home != null) {
                    blockedReservations.add(home);
                    continue;
                }
                if (pools == null) {
                    if (!members) break;
                    allBlocked = true;
                    continue;
                }
                blocked.or(poolsOf(pools, job.spec()));
                continue;
            }
            long freeCores = free.freeCores();
            free.take(p);
            decisions.add(new Decision.Start(job, p, new StartReason.InOrder(job.spec(), freeCores)));
        }
        return decisions;
    }

    private static BitSet poolsOf(NodeCluster cluster, JobSpec job) {
        BitSet set = new BitSet();
        for (int p = 0; p < cluster.pools().size(); p++) if (cluster.pools().get(p).admits(job)) set.set(p);
        return set;
    }
}
