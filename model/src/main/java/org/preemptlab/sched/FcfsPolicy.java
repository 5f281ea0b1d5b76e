package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.Placement;
import org.preemptlab.job.JobView;

/** First come, first served: start jobs in queue order until one does not fit; nothing jumps ahead. */
public final class FcfsPolicy implements SchedulingPolicy {

    @Override
    public String name() {
        return "fcfs";
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        long now = s.now();
        for (JobView job : s.queue()) {
            Capacity usable = Reservations.usable(free, s.reservations(), now, now + job.requestedWalltime());
            Placement p = usable.place(job.spec());
            if (p == null) break;
            long freeCores = free.freeCores();
            free.take(p);
            decisions.add(new Decision.Start(job, p, new StartReason.InOrder(job.name(), freeCores)));
        }
        return decisions;
    }
}
