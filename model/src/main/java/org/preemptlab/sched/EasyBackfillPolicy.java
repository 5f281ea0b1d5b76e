package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * EASY backfilling (Lifka; Mu'alem &amp; Feitelson), with the exact pass semantics of the pyss 2024
 * reference: start jobs from the head while they fit; then give the first job that does not fit a
 * reservation at the shadow time; scan the rest of the queue once, in order, and start every job
 * that fits now and either ends (by its estimate) by the shadow time or uses only the extra
 * resources (which it then consumes). The shadow time is not recomputed during the scan and the
 * head is not retried; the reservation is not kept between passes.
 */
public final class EasyBackfillPolicy implements SchedulingPolicy {

    @Override
    public String name() {
        return SchedulerKind.EASY.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        long now = s.now();
        List<Reservation> reservations = s.reservations();
        List<HeadReservation.Started> started = new ArrayList<>();
        Iterator<? extends JobView> it = s.queue().iterator();
        JobView head = null;
        while (it.hasNext()) {
            JobView job = it.next();
            long end = now + job.requestedWalltime();
            Placement p = Reservations.usable(free, reservations, job.spec(), now, end).place(job.spec());
            if (p == null) {
                head = job;
                break;
            }
            long freeCores = free.freeCores();
            free.take(p);
            started.add(new HeadReservation.Started(end, p));
            decisions.add(new Decision.Start(job, p, new StartReason.InOrder(job.name(), freeCores)));
        }
        if (head == null || !it.hasNext()) return decisions;
        HeadReservation reservation = HeadReservation.of(s, free, started, head);
        // A job needs at least its cores free (now, and at the shadow time if it runs past it): most of
        // a long queue fails these counts, and is passed over without placing it.
        long freeNow = free.freeCores();
        long extraCores = reservation.extra() == null ? 0 : reservation.extra().freeCores();
        while (it.hasNext() && freeNow > 0) {
            JobView job = it.next();
            long cores = job.spec().procs();
            if (cores > freeNow) continue;
            long end = now + job.requestedWalltime();
            if (end > reservation.shadow() && cores > extraCores) continue;
            Capacity usable = Reservations.usable(free, reservations, job.spec(), now, end);
            Placement p = reservation.backfillPlacement(usable, job, end);
            if (p == null) continue;
            free.take(p);
            freeNow = free.freeCores();
            Reason why;
            if (end <= reservation.shadow()) {
                why = new StartReason.EndsBeforeShadow(job.name(), end, head.name(), reservation.shadow());
            } else {
                reservation.extra().take(p);
                extraCores = reservation.extra().freeCores();
                why = new StartReason.UsesExtra(job.name(), head.name(), reservation.shadow());
            }
            decisions.add(new Decision.Start(job, p, why));
        }
        return decisions;
    }
}
