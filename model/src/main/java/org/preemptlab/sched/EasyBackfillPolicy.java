package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Collections;
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

    /** Starts only: never preempts, holds or promises. */
    @Override
    public boolean startsOnly() {
        return true;
    }

    @Override
    public String name() {
        return SchedulerKind.EASY.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        // the lists are made when the first job starts: most passes start none (a job ended, the head still
        // does not fit), and a pass then allocates no list, no list array and no iterator for the engine
        List<Decision> decisions = NONE;
        Capacity free = s.freeCapacity();
        long now = s.now();
        List<Reservation> reservations = s.reservations();
        List<HeadReservation.Started> started = NONE_STARTED;
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
            if (started == NONE_STARTED) started = new ArrayList<>(4);
            started.add(new HeadReservation.Started(end, p));
            if (decisions == NONE) decisions = new ArrayList<>(4);
            decisions.add(new Decision.Start(job, p, new StartReason.InOrder(job.spec(), freeCores)));
        }
        // with no core free nothing can be backfilled (every job needs one): the reservation would go unused
        if (head == null || !it.hasNext() || free.freeCores() == 0) return decisions;
        // A job needs at least its cores free (now, and at the shadow time if it runs past it): most of
        // a long queue fails these counts, and is passed over without placing it (a shape group at a
        // time when the engine groups the queue by shape; the same jobs are tried, in the same order).
        QueueShapes shapes = s.queue().size() >= SHAPE_SCAN_FROM ? s.queueShapes() : null;
        if (shapes != null) {
            HeadReservation reservation = HeadReservation.of(s, free, started, head);
            Backfill b = new Backfill(decisions, free, reservations, reservation, head, now);
            ShapeScan scan = new ShapeScan(shapes, head, now, reservation.shadow(), b.freeNow, b.extraCores);
            for (JobView job; b.freeNow > 0 && (job = scan.next(b.freeNow, b.extraCores)) != null; ) b.tryStart(job);
            return b.decisions;
        }
        // the reservation is worked out when the first job passes the count of free cores — nothing has
        // started since the head loop, so it is the one an eager computation finds; a pass in which no
        // waiting job has its cores free (most passes of a short queue on a busy machine) needs none
        long freeNow = free.freeCores();
        Backfill b = null;
        while (it.hasNext() && freeNow > 0) {
            JobView job = it.next();
            long cores = job.spec().procs();
            if (cores > freeNow) continue;
            if (b == null) b = new Backfill(decisions, free, reservations, HeadReservation.of(s, free, started, head), head, now);
            long end = now + job.requestedWalltime();
            if (end > b.reservation.shadow() && cores > b.extraCores) continue;
            b.tryStart(job);
            freeNow = b.freeNow;
        }
        return b == null ? decisions : b.decisions;
    }

    /** No decision: returned as it is (empty, read-only) by a pass that starts nothing. */
    private static final List<Decision> NONE = Collections.emptyList();
    /** No job started by the head loop (read-only; its sort, when the walk asks for it, does nothing). */
    private static final List<HeadReservation.Started> NONE_STARTED = Collections.emptyList();

    /**
     * Below this many waiting jobs the scan goes through the queue one by one (cheaper than merging
     * shape groups); either way the same jobs are tried in the same order.
     */
    static final int SHAPE_SCAN_FROM = 64;

    /** The backfill scan's state: what is free now and at the shadow time. */
    private static final class Backfill {
        /** The pass's decisions: the head loop's list, or a new one at the first backfilled start. */
        private List<Decision> decisions;
        private final Capacity free;
        private final List<Reservation> reservations;
        private final HeadReservation reservation;
        private final JobView head;
        private final long now;
        long freeNow;
        long extraCores;

        Backfill(List<Decision> decisions, Capacity free, List<Reservation> reservations, HeadReservation reservation,
                JobView head, long now) {
            this.decisions = decisions;
            this.free = free;
            this.reservations = reservations;
            this.reservation = reservation;
            this.head = head;
            this.now = now;
            this.freeNow = free.freeCores();
            this.extraCores = reservation.extra() == null ? 0 : reservation.extra().freeCores();
        }

        /** Starts a job that passed the counting tests if it fits without delaying the head. */
        void tryStart(JobView job) {
            long end = now + job.requestedWalltime();
            Capacity usable = Reservations.usable(free, reservations, job.spec(), now, end);
            Placement p = reservation.backfillPlacement(usable, job, end);
            if (p == null) return;
            free.take(p);
            freeNow = free.freeCores();
            Reason why;
            if (end <= reservation.shadow()) {
                why = new StartReason.EndsBeforeShadow(job.spec(), end, head.spec(), reservation.shadow());
            } else {
                reservation.extra().take(p);
                extraCores = reservation.extra().freeCores();
                why = new StartReason.UsesExtra(job.spec(), head.spec(), reservation.shadow());
            }
            if (decisions == NONE) decisions = new ArrayList<>(4);
            decisions.add(new Decision.Start(job, p, why));
        }
    }
}
