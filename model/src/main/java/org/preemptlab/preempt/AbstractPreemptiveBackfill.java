package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.ProcessorCapacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.HeadReservation;
import org.preemptlab.sched.QueueShapes;
import org.preemptlab.sched.Reason;
import org.preemptlab.sched.Reservations;
import org.preemptlab.sched.ShapeScan;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.sched.StartReason;

/**
 * FCFS with one reservation for the first waiting job (as EASY), where backfill decisions use a
 * predicted run time instead of the user's estimate. A job backfilled on a prediction that its
 * estimate would not allow is preemptable: when the head job's reserved time comes and it does not
 * fit, such jobs are preempted, largest first, until it fits; the head then starts as soon as the
 * slowest of them has left its nodes (it is promised the next start), and the preempted jobs wait
 * at the head of the queue (the engine's requeue-at-head setting).
 *
 * <p>Unlike the other policies it keeps state between passes: which running jobs it backfilled on a
 * prediction (the preemptable ones) and which head job it promised the next start. It is not a
 * copy of engine state (the engine does not know why a job was started), but a fresh instance put
 * in mid-run would decide differently.
 */
public abstract class AbstractPreemptiveBackfill implements SchedulingPolicy {

    /*
     * The running jobs backfilled on a prediction: their indices (a bit each, looked up per running job and pass without
     * boxing) and the jobs themselves (walked per pass to drop those no longer running; a handful at a time).
     */
    private final Bits preemptable = new Bits();
    private final List<JobView> preemptableJobs = new ArrayList<>();
    private int promised = -1;
    /**
     * The job {@link #promised} was last set to (its view as that pass saw it): looked up in the queue by its order,
     * O(log n) in the engine's queue, instead of a walk to it — the jobs preempted for it are requeued at the head,
     * ahead of it, and on a long queue (METACENTRUM) thousands of them could wait there.
     */
    private JobView promisedJob;

    /**
     * A set of job indices as bits, like {@link java.util.BitSet} without its {@code recalculateWordsInUse}: clearing the
     * highest bit set there walks down the words to the next one set (a sparse set of a 250 k-job trace's indices:
     * thousands of words, 8 % of a cold SDSC-BLUE preemption-backfill run's samples); here it only clears the bit.
     */
    private static final class Bits {
        private long[] words = new long[64];

        boolean get(int i) {
            int w = i >>> 6;
            return w < words.length && (words[w] & (1L << i)) != 0;
        }

        void set(int i) {
            int w = i >>> 6;
            if (w >= words.length) words = java.util.Arrays.copyOf(words, Math.max(2 * words.length, w + 1));
            words[w] |= 1L << i;
        }

        void clear(int i) {
            int w = i >>> 6;
            if (w < words.length) words[w] &= ~(1L << i);
        }
    }

    /** The run time the backfill decision assumes for a waiting job. */
    protected abstract long predictedRuntime(JobView job);

    /** How a preemptable job is stopped when the reservation comes. */
    protected abstract PreemptMechanism mechanismFor(JobView victim);

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        List<Decision> decisions = new ArrayList<>();
        Capacity free = s.freeCapacity();
        // only running jobs stay preemptable (a job in the RUNNING state is one of the snapshot's running jobs)
        if (!preemptableJobs.isEmpty()) {
            preemptableJobs.removeIf(j -> {
                if (j.state() == JobState.RUNNING) return false;
                preemptable.clear(j.index());
                return true;
            });
        }
        // the queue in order, the promised job first; walked once, not copied
        JobView promoted = promotedJob(s.queue());
        Iterator<JobView> queue = promotedFirst(s.queue(), promoted);
        List<HeadReservation.Started> started = new ArrayList<>();
        JobView head = null;
        while (queue.hasNext()) {
            JobView job = queue.next();
            long end = now + job.requestedWalltime();
            Placement p = Reservations.usable(free, s.reservations(), job.spec(), now, end).place(job.spec());
            if (p == null) {
                head = job;
                break;
            }
            long freeCores = free.freeCores();
            free.take(p);
            started.add(new HeadReservation.Started(end, p));
            if (job.index() == promised) promised = -1;
            decisions.add(new Decision.Start(job, p, new StartReason.InOrder(job.spec(), freeCores)));
        }
        if (head == null) return decisions;
        if (preemptIfDue(s, head, free, decisions)) return decisions;
        // nothing preemptable: EASY's reservation (by counting on a processor machine without windows)
        HeadReservation reservation = preemptableJobs.isEmpty() ? HeadReservation.of(s, free, started, head)
                : HeadReservation.of(s, free, started, head, r -> preemptable.get(r.index()));
        // A long queue is scanned by shape (as EASY's): only the jobs that pass the two counting tests below — by the
        // predicted run time the waiting jobs are indexed by — are visited, the same jobs in the same order as the
        // one-by-one walk (the rest of the queue after the head, without the promoted job, which came first).
        QueueShapes shapes = s.queue().size() >= SHAPE_SCAN_FROM && s.queueShapes() != null
                ? s.queueShapes().by(predictedWalltime) : null;
        if (shapes != null) {
            if (free.freeCores() == 0) return decisions; // every job needs a core
            ShapeScan scan = new ShapeScan(shapes, head == promoted ? null : head, now, reservation.shadow(), free.freeCores(),
                    extraCores(reservation));
            for (JobView job; (job = scan.next(free.freeCores(), extraCores(reservation))) != null; ) {
                if (job != promoted) tryBackfill(s, job, free, reservation, head, decisions);
            }
            return decisions;
        }
        // with no processor free nothing more can start (counted in O(1) on a processor machine only)
        while (queue.hasNext() && !(free instanceof ProcessorCapacity count && count.free() == 0)) {
            tryBackfill(s, queue.next(), free, reservation, head, decisions);
        }
        return decisions;
    }

    /**
     * Below this many waiting jobs the backfill scan walks the queue one by one (as EASY's,
     * {@code EasyBackfillPolicy.SHAPE_SCAN_FROM}); either way the same jobs are tried in the same order.
     */
    static final int SHAPE_SCAN_FROM = 64;

    /** The cores free at the shadow time that a job running past it may use (0 if none). */
    private static long extraCores(HeadReservation reservation) {
        return reservation.extra() == null ? 0 : reservation.extra().freeCores();
    }

    /**
     * The wall time the backfill scan tests a waiting job by: its predicted run time, capped by its request. A
     * function of what does not change while the job waits (its estimate, restart cost, remaining work and
     * preemption counts), so the engine indexes the queue by it ({@link QueueShapes#by}); one object per policy.
     */
    private final ToLongFunction<JobView> predictedWalltime = new PredictedWalltime();

    /** See {@link #predictedWalltime}; a class, not a lambda (a one-shot run links no lambda). */
    private final class PredictedWalltime implements ToLongFunction<JobView> {
        @Override
        public long applyAsLong(JobView job) {
            return Math.min(job.requestedWalltime(), predictedRuntime(job));
        }
    }

    /** Backfills a waiting job after the head if it passes the counting tests and fits without delaying the head. */
    private void tryBackfill(Snapshot s, JobView job, Capacity free, HeadReservation reservation, JobView head,
            List<Decision> decisions) {
        long now = s.now();
        // a job needs at least its cores free now, and free at the shadow time too if it runs past it (as EASY's scan):
        // one that fails the counts is passed over without placing it
        long cores = job.spec().procs();
        if (cores > free.freeCores()) return;
        long estimatedEnd = now + job.requestedWalltime();
        long predictedEnd = now + Math.min(job.requestedWalltime(), predictedRuntime(job));
        if (predictedEnd > reservation.shadow() && (reservation.extra() == null || cores > reservation.extra().freeCores())) {
            return;
        }
        Capacity usable = Reservations.usable(free, s.reservations(), job.spec(), now, estimatedEnd);
        Placement p = reservation.backfillPlacement(usable, job, predictedEnd);
        if (p == null) return;
        free.take(p);
        Reason why;
        if (predictedEnd > reservation.shadow()) {
            reservation.extra().take(p);
            why = new StartReason.UsesExtra(job.spec(), head.spec(), reservation.shadow());
        } else if (estimatedEnd > reservation.shadow()) {
            if (!preemptable.get(job.index())) {
                preemptable.set(job.index());
                preemptableJobs.add(job);
            }
            why = new StartReason.Predicted(job.spec(), predictedEnd - now, head.spec(), reservation.shadow());
        } else {
            why = new StartReason.EndsBeforeShadow(job.spec(), estimatedEnd, head.spec(), reservation.shadow());
        }
        decisions.add(new Decision.Start(job, p, why));
    }

    /**
     * The job promised the next start (its reservation came and room is being made) if it still waits; null if
     * none (a promise for a job no longer waiting is dropped).
     */
    private JobView promotedJob(Collection<? extends JobView> waiting) {
        JobView first = null;
        // the job itself if it still waits (the queue's own view of it: in the engine's queue a job is one object), else
        // a walk for the job of that index (another snapshot's views; or a promise to drop)
        if (promised >= 0 && promisedJob != null && promisedJob.index() == promised && waiting.contains(promisedJob)) {
            return promisedJob;
        }
        if (promised >= 0) {
            for (JobView j : waiting) {
                if (j.index() == promised) {
                    first = j;
                    break;
                }
            }
            if (first == null) promised = -1;
        }
        return first;
    }

    /** The queue in order with {@code first} (the promoted job, or null) first. */
    private static Iterator<JobView> promotedFirst(Collection<? extends JobView> waiting, JobView first) {
        JobView prom = first;
        Iterator<? extends JobView> rest = waiting.iterator();
        return new Iterator<>() {
            private JobView next = prom != null ? prom : advance();

            private JobView advance() {
                while (rest.hasNext()) {
                    JobView j = rest.next();
                    if (j != prom) return j;
                }
                return null;
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public JobView next() {
                if (next == null) throw new java.util.NoSuchElementException();
                JobView j = next;
                next = advance();
                return j;
            }
        };
    }

    /**
     * The running jobs that were leaving (checkpointing or stopping) at the last walk of the running set, in its order,
     * and the snapshot's count of unplanned running-set changes then (-1: none yet); see {@link #preemptIfDue}.
     */
    private final List<JobView> leaving = new ArrayList<>();
    private long leavingAt = -1;

    /** The head is promised the next start (its reservation came and room is being made). */
    private void promise(JobView head) {
        promised = head.index();
        promisedJob = head;
    }

    /**
     * If the head's reservation is due — it would fit now were the preemptable jobs gone, and room
     * is not already being made — preempts them, largest first, until it fits.
     */
    private boolean preemptIfDue(Snapshot s, JobView head, Capacity free, List<Decision> decisions) {
        Capacity soon = null; // free now and what is leaving: a copy only if something is
        boolean anyPreemptable = !preemptableJobs.isEmpty();
        List<JobView> candidates;
        long unplanned = s.unplannedRunningChanges();
        if (unplanned >= 0) {
            // The engine's snapshot: its running jobs are live views. Every job that begins or stops leaving (checkpoint,
            // grace) is taken out of the running set and put back, an unplanned change; so while the count is as at the
            // last walk, the running jobs that are leaving are those that walk found (in the same order), and the others
            // are RUNNING. The preemptable running jobs are then exactly preemptableJobs (kept to the RUNNING ones above).
            if (unplanned != leavingAt) {
                leaving.clear();
                for (JobView r : s.running()) {
                    if (r.state() == JobState.CHECKPOINTING || r.state() == JobState.STOPPING) leaving.add(r);
                }
                leavingAt = unplanned;
            }
            for (int i = 0; i < leaving.size(); i++) {
                if (soon == null) soon = free.copy();
                soon.release(leaving.get(i).placement());
            }
            candidates = anyPreemptable ? new ArrayList<>(preemptableJobs) : List.of();
        } else {
            candidates = new ArrayList<>();
            for (JobView r : s.running()) {
                if (r.state() == JobState.CHECKPOINTING || r.state() == JobState.STOPPING) {
                    if (soon == null) soon = free.copy();
                    soon.release(r.placement());
                } else if (anyPreemptable && preemptable.get(r.index())) {
                    candidates.add(r);
                }
            }
        }
        if (soon == null) soon = free;
        if (soon.place(head.spec()) != null) {
            promise(head);
            return false; // room is being made: wait for the slowest checkpoint
        }
        if (candidates.isEmpty()) return false;
        if (soon instanceof ProcessorCapacity count) {
            // a processor machine places by count: if the head does not fit with every candidate gone, it is not due
            // (what the loop below finds after releasing them all), so neither sort nor copy
            long could = count.freeCores();
            for (int i = 0; i < candidates.size(); i++) could += candidates.get(i).placement().procs();
            if (could < head.spec().procs()) return false;
        }
        candidates.sort(Comparator.comparingInt((JobView r) -> -r.spec().procs()).thenComparingInt(JobView::index));
        Capacity scratch = soon.copy();
        List<JobView> victims = new ArrayList<>();
        for (JobView v : candidates) {
            scratch.release(v.placement());
            victims.add(v);
            if (scratch.place(head.spec()) != null) break;
        }
        if (scratch.place(head.spec()) == null) return false; // not due yet: it also needs non-preemptable jobs to end
        promise(head);
        boolean allImmediate = true;
        for (JobView v : victims) {
            PreemptMechanism m = mechanismFor(v);
            allImmediate &= m != PreemptMechanism.CHECKPOINT && s.preemptionSettings().graceSeconds() == 0;
            if (preemptable.get(v.index())) {
                preemptable.clear(v.index());
                preemptableJobs.remove(v);
            }
            decisions.add(new Decision.Preempt(v, m, head, new PreemptReason.ReservationDue(v.name(), m, head.name(), s.now())));
            if (m != PreemptMechanism.CHECKPOINT && s.preemptionSettings().graceSeconds() == 0) free.release(v.placement());
        }
        if (allImmediate) {
            Placement p = free.place(head.spec());
            if (p != null) {
                free.take(p);
                promised = -1;
                decisions.add(new Decision.Start(head, p, Reason.of(Reason.job(head.name())
                        + " started at its reservation on the resources the preemption freed")));
            }
        }
        return true;
    }
}
