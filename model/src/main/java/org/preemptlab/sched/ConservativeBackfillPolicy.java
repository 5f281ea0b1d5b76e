package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobView;

/**
 * Conservative backfilling (Mu'alem &amp; Feitelson): every waiting job holds a reservation in an
 * availability profile, made at its earliest fit when it arrives; a job may start early only if it
 * delays no earlier reservation. When a job ends before its estimate, the profile frees the rest of
 * its time and the schedule is compressed: in order of their reserved starts, each reservation is
 * taken out and put back at its earliest fit — never later than before, since its old slot is free.
 * The profile is kept between passes and changed incrementally, not rebuilt.
 */
public final class ConservativeBackfillPolicy implements SchedulingPolicy {

    private AvailabilityProfile profile;
    /** The profile when it counts processors (a processor machine): searched and changed by count. */
    private CountProfile counts;
    // Bookings by job index, in parallel arrays (a booking is there if its placement is not null):
    // the placement booked, over [from, to), and whether the job was running when booked.
    private Placement[] bookedPlace = new Placement[1024];
    private long[] bookedFrom = new long[1024];
    private long[] bookedTo = new long[1024];
    private boolean[] bookedRunning = new boolean[1024];
    /** Indices of jobs with a booking (unordered), and each booked job's place in it. */
    private int[] booked = new int[1024];
    private int bookedCount;
    private int[] bookedAt = new int[1024];
    /** Indices of jobs with a running booking (unordered), and each one's place in it. */
    private int[] runningBooked = new int[1024];
    private int runningCount;
    private int[] runningAt = new int[1024];
    /*
     * The waiting bookings by reserved start, for the passes that do not walk the queue: a binary min-heap of
     * keys (start << 24 | job index), lazily cleaned — a key is current while its job's booking is waiting and
     * begins there; moved, started and dropped bookings leave stale keys, skipped when met and dropped when the
     * heap is rebuilt from the bookings (once it holds twice as many keys as there are waiting bookings).
     * Off (every pass walks the queue) once a start or an index does not fit the key.
     */
    private long[] heap = new long[64];
    private int heapSize;
    private boolean heapOff;
    private static final int INDEX_BITS = 24;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;
    /** Pass in which each job was taken from the heap as due (a key may be in it twice). */
    private long[] dueMark = new long[1024];
    /*
     * Skipping the walk of the queue. The walk finds the waiting jobs without a booking (to reserve), those
     * whose booking begins now (to start), the next reserved start, and marks the queued jobs so that the
     * bookings of jobs that left are found. At the end of every pass each queued job that did not start holds
     * a waiting booking (unless one found no fit: unbookedLeft). The next pass then needs the walk only if
     * the queue changed otherwise than by this policy's starts and by joins: the engine's journal lists the
     * joins since the last pass (queueJoined), the snapshot looks a waiting job up by index, and the queue's
     * size says whether any job left besides the starts (each of which must have left it: looked up). Then
     * the waiting bookings are exactly the queued jobs but the joins, the joins are reserved in queue order,
     * and the due jobs and the next start come from the heap. Anything unknown or different: the walk runs.
     */
    private final boolean skipUnchangedQueue;
    private long lastJoinsSeen = -1;
    private long lastLeaves = -1;
    private int lastQueueSize;
    private int[] lastStarted = new int[16];
    private int lastStartedCount;
    private boolean unbookedLeft = true;
    /** Passes that did not walk the queue at all (for the tests). */
    private long queueWalksSkipped;
    /** Pass number in which each job was last seen running or waiting. */
    private long[] seen = new long[1024];
    /** Pass number in which each job was last seen holding resources. */
    private long[] runningSeen = new long[1024];
    private long pass;
    /** Maintenance windows and reservations: no reservation is planned on their nodes while they are down. */
    private List<Reservation> windows = List.of();
    /** The first reservation each job got (the guarantee conservative backfilling keeps), or -1. */
    private long[] firstReservation = new long[0];
    /** Scratch of one pass: the waiting jobs in queue order (emptied before the pass returns). */
    private JobView[] queue = new JobView[64];
    /** Their job indices, read once by the walk (later steps need no call on the view). */
    private int[] queueIndex = new int[64];
    private int queued;
    /** Scratch of one compression: sort keys (reserved start, queue position). */
    private long[] keys = new long[64];
    /**
     * Scratch of one pass, found by its walk of the queue and kept up to date by the changes after
     * it, so that no later step walks the queue again: the queue positions of jobs without a waiting
     * booking (to reserve), of jobs whose booking begins now (to start), and the earliest reserved
     * start after now. Void (a full walk instead) when every waiting booking was dropped.
     */
    private int[] unbooked = new int[64];
    private int unbookedCount;
    private int[] due = new int[64];
    private int dueCount;
    private long nextStart;
    /*
     * Skipping the walk of the running jobs. That walk finds the running jobs whose booking is missing or
     * out of date and, with the queue's, the bookings of jobs that left; it finds nothing when the running
     * set changed only by this policy's own starts, each carried out as booked, and no running booking's
     * end has been reached. The snapshot's count of unplanned running-set changes says the first, the
     * checks of the last pass's starts the second, and the earliest end of a running booking the third;
     * then the walk is skipped (about half of the passes: those of submissions and reservation starts).
     * What is kept here is no copy of the engine's state: a number read from the snapshot and facts about
     * this policy's own bookings; if the engine's count is unknown (-1) or anything differs, the walk runs.
     */
    private final boolean skipUnchangedRunning;
    /** The snapshot's count of unplanned running-set changes at the last pass, or -1. */
    private long lastUnplanned = -1;
    /** Every start of the last pass was decided at its booking's place, ending where its booking ends. */
    private boolean startsAsBooked;
    /** No running job's booking ends before this (a lower bound: the earliest end found by the last walk and the starts since). */
    private long runningBookedUntil;
    /** Passes that skipped the walk of the running jobs (for the tests). */
    private long runningWalksSkipped;
    /** Reservations that could not start when due and were planned again (for the tests). */
    private long replans;

    public ConservativeBackfillPolicy() {
        this(true, true);
    }

    /** With {@code skipUnchangedRunning} false, every pass walks the running jobs (the tests' reference). */
    ConservativeBackfillPolicy(boolean skipUnchangedRunning) {
        this(skipUnchangedRunning, true);
    }

    /** With {@code skipUnchangedQueue} false, every pass walks the queue (the tests' reference). */
    ConservativeBackfillPolicy(boolean skipUnchangedRunning, boolean skipUnchangedQueue) {
        this.skipUnchangedRunning = skipUnchangedRunning;
        this.skipUnchangedQueue = skipUnchangedQueue;
    }

    /** Passes that did not walk the queue since this policy was made. */
    long queueWalksSkipped() {
        return queueWalksSkipped;
    }

    /** Passes that did not walk the running jobs since this policy was made. */
    long runningWalksSkipped() {
        return runningWalksSkipped;
    }

    /** Reservations planned again because they could not start when due, since this policy was made. */
    long replans() {
        return replans;
    }

    /** Step capacities the profile's searches around windows combined since this policy was made (0 by counts). */
    long stepsMet() {
        return profile instanceof StepProfile p ? p.stepsMet() : 0;
    }

    /** Starts only: never preempts, holds or promises. */
    @Override
    public boolean startsOnly() {
        return true;
    }

    @Override
    public String name() {
        return SchedulerKind.CONSERVATIVE.id();
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        pass++;
        if (profile == null) {
            profile = AvailabilityProfile.of(now, org.preemptlab.alloc.Capacity.of(s.cluster()).copy());
            counts = profile instanceof CountProfile c ? c : null;
        }
        profile.advanceTo(now);
        windows = s.reservations();
        List<Reservation> failed = s.failedNodes();
        if (!failed.isEmpty()) planAroundFailures(failed, now);
        long unplanned = s.unplannedRunningChanges();
        boolean runningAsBooked = skipUnchangedRunning && unplanned >= 0 && unplanned == lastUnplanned
                && startsAsBooked && now < runningBookedUntil;
        lastUnplanned = unplanned;
        startsAsBooked = true;
        Collection<? extends JobView> waiting = s.queue();
        int waitingSize = waiting.size();
        List<? extends JobView> joins = joinedOnly(s, now, waitingSize);
        unbookedLeft = false;
        lastStartedCount = 0;
        if (queue.length < waitingSize) {
            queue = new JobView[Math.max(waitingSize, queue.length * 2)];
            queueIndex = new int[queue.length];
        }
        queued = 0;
        if (unbooked.length < waitingSize) {
            unbooked = new int[queue.length];
            due = new int[queue.length];
        }
        unbookedCount = 0;
        dueCount = 0;
        nextStart = Long.MAX_VALUE;
        // bookings dropDeparted would keep: waiting ones of queued jobs, any of running jobs
        boolean walked = joins == null;
        int kept;
        if (walked) {
            kept = walkQueue(waiting, now);
        } else {
            kept = bookedCount - runningCount; // every waiting booking is a queued job's (see the fields)
        }
        List<JobView> changed = null;
        boolean foreign = false;
        int runningBooked = runningAsBooked ? runningCount : 0;
        if (runningAsBooked && kept + runningBooked == bookedCount) {
            // the running jobs are those of the last pass and its starts, each with its booking (see the
            // fields above): the walk below would count them all kept and change nothing; nothing departed
            runningWalksSkipped++;
            kept += runningBooked;
        } else {
            // one walk of the running jobs: marks them and finds those whose booking is missing or out of
            // date (dropDeparted, next, leaves their bookings alone: they are running now)
            long until = Long.MAX_VALUE;
            for (JobView r : s.running()) {
                int i = r.index();
                markSeen(i);
                runningSeen[i] = pass;
                long end = Math.max(r.estimatedEnd(), now + 1);
                until = Math.min(until, end); // every running booking ends at its job's end after this pass
                boolean has = hasBooking(i);
                if (has) kept++;
                if (has && bookedRunning[i] && bookedTo[i] == end && samePlace(bookedPlace[i], r.placement())) continue;
                if (changed == null) changed = new ArrayList<>();
                changed.add(r);
                foreign |= !has || !bookedRunning[i] || !samePlace(bookedPlace[i], r.placement()) || end > bookedTo[i];
            }
            runningBookedUntil = until;
        }
        if (!walked && foreign) {
            // every waiting booking is dropped below and made again in queue order: the walk is needed
            kept += walkQueue(waiting, now) - (bookedCount - runningCount);
            walked = true;
        }
        try {
            // first: a preemptor may now hold its victim's nodes; nothing departed if every booking is kept
            boolean released = kept != bookedCount && (walked ? dropDeparted(now) : dropDepartedRunning(now));
            if (changed != null) released |= syncRunning(changed, foreign, now);
            if (foreign) walkAgain(now); // every waiting booking was dropped
            if (released && !walked) {
                // the compression needs the queue's positions; the waiting bookings are as the pass found them
                walkQueue(waiting, now);
                walked = true;
            }
            if (released) compress(now);
            if (!walked && !reserveJoined(s, joins, now)) {
                walkQueue(waiting, now); // a due job the snapshot did not find: walk (the joins are booked now)
                walked = true;
            }
            if (walked) {
                for (int u = 0; u < unbookedCount; u++) {
                    int q = unbooked[u];
                    if (hasBooking(queueIndex[q])) continue;
                    reserve(queue[q], now, now);
                    if (!hasBooking(queueIndex[q])) unbookedLeft = true;
                    noteStart(q, now);
                }
            }
            if (!walked) queueWalksSkipped++;
            List<Decision> decisions = new ArrayList<>();
            long next = startDue(s, now, decisions);
            if (next != Long.MAX_VALUE) {
                decisions.add(new Decision.CallAt(next, Reason.of("the next reservation begins")));
            }
            return decisions;
        } finally {
            Arrays.fill(queue, 0, queued, null); // no engine view is kept between passes
            queued = 0;
        }
    }

    /**
     * Nodes down for a failure come back at their repair: no reservation is planned on them before.
     * On nodes they are windows, as maintenance is; on a processor machine (bookings by count) each
     * failed processor is taken out of the counts until its repair, once per failure. Without this
     * the profile counted them free, a reservation made there could not start when due, and it was
     * made again one second later, pass after pass, until the repair (thousands of passes).
     */
    private void planAroundFailures(List<Reservation> failed, long now) {
        if (counts == null) {
            List<Reservation> all = new ArrayList<>(windows.size() + failed.size());
            all.addAll(windows);
            all.addAll(failed);
            windows = all;
            return;
        }
        for (Reservation r : failed) {
            int node = r.nodes()[0];
            Long until = failedUntil.get(node);
            if (until != null && until == r.end()) continue;
            failedUntil.put(node, r.end());
            counts.take(1, now, r.end());
        }
        failedUntil.values().removeIf(until -> until <= now);
    }

    /** On a processor machine: the failed processors taken out of the counts, until their repair. */
    private final java.util.Map<Integer, Long> failedUntil = new java.util.HashMap<>();

    /**
     * The walk of the queue: marks the queued jobs, notes those to reserve and to start now and the next
     * reserved start, and copies the views for the pass; returns the waiting bookings of queued jobs.
     */
    private int walkQueue(Collection<? extends JobView> waiting, long now) {
        queued = 0;
        unbookedCount = 0;
        dueCount = 0;
        nextStart = Long.MAX_VALUE;
        int kept = 0;
        for (JobView j : waiting) {
            int i = j.index();
            markSeen(i);
            if (hasBooking(i) && !bookedRunning[i]) {
                kept++;
                long from = bookedFrom[i];
                if (from == now) due[dueCount++] = queued;
                else if (from > now) nextStart = Math.min(nextStart, from);
            } else {
                unbooked[unbookedCount++] = queued; // a running booking of a queued job is dropped below
            }
            queueIndex[queued] = i;
            queue[queued++] = j;
        }
        return kept;
    }

    /**
     * The jobs that joined the queue since the last pass, if the queue changed only by them and by this
     * policy's starts (see the fields); null if the queue must be walked. Records what the next pass checks.
     */
    private List<? extends JobView> joinedOnly(Snapshot s, long now, int waitingSize) {
        long before = s.queueJoinedBefore();
        List<? extends JobView> joins = before < 0 ? null : s.queueJoined();
        long leaves = s.unplannedQueueLeaves();
        boolean ok = skipUnchangedQueue && !heapOff && !unbookedLeft && joins != null && leaves >= 0
                && before == lastJoinsSeen && leaves == lastLeaves && s.queueShapes() != null
                && waitingSize == lastQueueSize - lastStartedCount + joins.size();
        lastJoinsSeen = joins == null ? -1 : before + joins.size();
        lastLeaves = leaves;
        lastQueueSize = waitingSize;
        if (!ok) return null;
        // every start of the last pass left the queue (a refused one would still wait, with a running booking)
        for (int k = 0; k < lastStartedCount; k++) if (s.waiting(lastStarted[k]) != null) return null;
        for (JobView j : joins) if (hasBooking(j.index())) return null; // requeued after running here: walk
        if (heapTopBefore(now)) return null;
        return joins;
    }

    /**
     * Without the walk: reserves the joins in queue order, then takes the bookings that begin now from the
     * heap (their views looked up, in queue order, as the pass's queue) and the next reserved start. False
     * if a due job was not found waiting (then its keys are back in the heap and the caller walks).
     */
    private boolean reserveJoined(Snapshot s, List<? extends JobView> joins, long now) {
        java.util.Comparator<? super JobView> order = s.queueShapes().order();
        if (!joins.isEmpty()) {
            JobView[] js = joins.toArray(new JobView[0]);
            if (js.length > 1) Arrays.sort(js, order);
            for (JobView j : js) {
                reserve(j, now, now);
                if (!hasBooking(j.index())) unbookedLeft = true;
            }
        }
        int n = 0;
        while (true) {
            long key = heapPeekCurrent();
            if (key < 0 || (key >>> INDEX_BITS) != now) break;
            heapPop();
            int i = (int) (key & INDEX_MASK);
            if (dueMark[i] == pass) continue; // the same key twice
            dueMark[i] = pass;
            JobView j = s.waiting(i);
            if (j == null) {
                // not expected (every waiting booking is a queued job's): give the keys back, walk instead
                heapPush(key);
                for (int d = 0; d < n; d++) {
                    heapPush((now << INDEX_BITS) | queueIndex[d]);
                    dueMark[queueIndex[d]] = 0;
                }
                dueMark[i] = 0;
                Arrays.fill(queue, 0, n, null);
                return false;
            }
            queue[n] = j;
            queueIndex[n++] = i;
        }
        if (n > 1) {
            // queue order, as the walk would list them
            Integer[] byOrder = new Integer[n];
            for (int d = 0; d < n; d++) byOrder[d] = d;
            JobView[] views = Arrays.copyOf(queue, n);
            Arrays.sort(byOrder, (a, b) -> order.compare(views[a], views[b]));
            int[] idx = Arrays.copyOf(queueIndex, n);
            for (int d = 0; d < n; d++) {
                queue[d] = views[byOrder[d]];
                queueIndex[d] = idx[byOrder[d]];
            }
        }
        queued = n;
        for (int d = 0; d < n; d++) due[d] = d;
        dueCount = n;
        long key = heapPeekCurrent();
        nextStart = key < 0 ? Long.MAX_VALUE : key >>> INDEX_BITS;
        return true;
    }

    /** True if a current key begins before now (a waiting booking no pass started: the walk ignores it, as before). */
    private boolean heapTopBefore(long now) {
        long key = heapPeekCurrent();
        return key >= 0 && (key >>> INDEX_BITS) < now;
    }

    /** The least current key, stale ones above it dropped; -1 if none. */
    private long heapPeekCurrent() {
        while (heapSize > 0) {
            long key = heap[0];
            int i = (int) (key & INDEX_MASK);
            if (hasBooking(i) && !bookedRunning[i] && bookedFrom[i] == (key >>> INDEX_BITS)) return key;
            heapPop();
        }
        return -1;
    }

    private void heapPush(long key) {
        if (heapSize == heap.length) heap = Arrays.copyOf(heap, heapSize * 2);
        int k = heapSize++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (heap[parent] <= key) break;
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = key;
    }

    private void heapPop() {
        long last = heap[--heapSize];
        if (heapSize == 0) return;
        int k = 0;
        int half = heapSize >>> 1;
        while (k < half) {
            int c = 2 * k + 1;
            if (c + 1 < heapSize && heap[c + 1] < heap[c]) c++;
            if (last <= heap[c]) break;
            heap[k] = heap[c];
            k = c;
        }
        heap[k] = last;
    }

    /** Notes a waiting booking of job {@code index} from {@code from} in the heap (or turns the heap off). */
    private void noteWaiting(int index, long from) {
        if (heapOff) return;
        if (from < 0 || from >= (1L << (63 - INDEX_BITS)) || index > INDEX_MASK) {
            heapOff = true;
            heapSize = 0;
            heap = new long[0];
            return;
        }
        if (heapSize >= 2 * (bookedCount - runningCount) + 1024) {
            // rebuild from the bookings (this one is among them): the stale keys go
            heapSize = 0;
            for (int k = 0; k < bookedCount; k++) {
                int i = booked[k];
                if (!bookedRunning[i]) heapPush((bookedFrom[i] << INDEX_BITS) | i);
            }
            return;
        }
        heapPush((from << INDEX_BITS) | index);
    }

    /** dropDeparted when every waiting booking is known to be a queued job's: only running bookings can go. */
    private boolean dropDepartedRunning(long now) {
        boolean released = false;
        for (int k = 0; k < runningCount; k++) {
            int index = runningBooked[k];
            if (runningSeen[index] == pass) continue; // still running
            if (bookedTo[index] > now) released = true;
            unbook(index, now);
            drop(index);
            k--;
        }
        return released;
    }

    /** Removes job {@code index}'s booking from the lists (the profile is not touched). */
    private void drop(int index) {
        int k = bookedAt[index];
        int last = booked[--bookedCount];
        booked[k] = last;
        bookedAt[last] = k;
        if (bookedRunning[index]) removeRunning(index);
        bookedPlace[index] = null;
    }

    private void addRunning(int index) {
        if (runningCount == runningBooked.length) runningBooked = Arrays.copyOf(runningBooked, runningCount * 2);
        runningAt[index] = runningCount;
        runningBooked[runningCount++] = index;
    }

    private void removeRunning(int index) {
        int k = runningAt[index];
        int last = runningBooked[--runningCount];
        runningBooked[k] = last;
        runningAt[last] = k;
    }

    /** The pass's queue walk again, after its waiting bookings were dropped: all are unbooked now. */
    private void walkAgain(long now) {
        unbookedCount = 0;
        dueCount = 0;
        nextStart = Long.MAX_VALUE;
        for (int q = 0; q < queued; q++) {
            int i = queueIndex[q];
            if (hasBooking(i) && !bookedRunning[i]) noteStart(q, now);
            else unbooked[unbookedCount++] = q;
        }
    }

    /** Notes where queue position q's booking (if any) begins: now (due) or the next start after now. */
    private void noteStart(int q, long now) {
        int i = queueIndex[q];
        if (!hasBooking(i)) return;
        long from = bookedFrom[i];
        if (from == now) due[dueCount++] = q;
        else if (from > now) nextStart = Math.min(nextStart, from);
    }

    private boolean hasBooking(int index) {
        return index < bookedPlace.length && bookedPlace[index] != null;
    }

    private void markSeen(int index) {
        if (index >= seen.length) markSeenRoom(index);
        seen[index] = pass;
    }

    private void markSeenRoom(int index) {
        seen = Arrays.copyOf(seen, Math.max(index + 1, seen.length * 2));
        runningSeen = Arrays.copyOf(runningSeen, seen.length);
    }

    private void put(int index, Placement p, long from, long to, boolean running) {
        if (index >= bookedPlace.length) {
            int n = Math.max(index + 1, bookedPlace.length * 2);
            bookedPlace = Arrays.copyOf(bookedPlace, n);
            bookedFrom = Arrays.copyOf(bookedFrom, n);
            bookedTo = Arrays.copyOf(bookedTo, n);
            bookedRunning = Arrays.copyOf(bookedRunning, n);
            bookedAt = Arrays.copyOf(bookedAt, n);
            runningAt = Arrays.copyOf(runningAt, n);
            dueMark = Arrays.copyOf(dueMark, n);
        }
        // a job booked by a pass that did not walk the queue may never have been marked: its marks exist
        if (index >= seen.length) markSeenRoom(index);
        if (bookedPlace[index] == null) {
            if (bookedCount == booked.length) booked = Arrays.copyOf(booked, booked.length * 2);
            bookedAt[index] = bookedCount;
            booked[bookedCount++] = index;
            if (running) addRunning(index);
        } else if (bookedRunning[index] != running) {
            if (running) addRunning(index);
            else removeRunning(index);
        }
        bookedPlace[index] = p;
        bookedFrom[index] = from;
        bookedTo[index] = to;
        bookedRunning[index] = running;
        if (!running) noteWaiting(index, from);
    }

    private void book(int index, Placement p, long from, long to, boolean running) {
        profile.book(p, from, to);
        put(index, p, from, to, running);
    }

    /** Gives the rest of job {@code index}'s booking back to the profile (the booking itself stays). */
    private void unbook(int index, long now) {
        if (bookedTo[index] > now) profile.unbook(bookedPlace[index], Math.max(now, bookedFrom[index]), bookedTo[index]);
    }

    /**
     * Books the running jobs whose booking is missing or out of date ({@code changed}); true if time
     * was freed. A job this policy did not start (a preemptor, an owner's job, a resumed one:
     * {@code foreign}) may sit where waiting jobs were promised: then every waiting reservation is
     * dropped and made again, in queue order, afterwards.
     */
    private boolean syncRunning(List<JobView> changed, boolean foreign, long now) {
        boolean released = false;
        if (foreign) dropWaitingBookings(now);
        for (JobView r : changed) {
            long end = Math.max(r.estimatedEnd(), now + 1);
            int i = r.index();
            if (hasBooking(i)) {
                unbook(i, now);
                released |= bookedTo[i] > end || !bookedRunning[i];
            }
            book(i, r.placement(), now, end, true);
        }
        return released;
    }

    private void dropWaitingBookings(long now) {
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            if (bookedRunning[index]) continue;
            unbook(index, now);
            drop(index);
            k--;
        }
    }

    /** Removes bookings of jobs that are neither running nor waiting any more. */
    private boolean dropDeparted(long now) {
        boolean released = false;
        for (int k = 0; k < bookedCount; k++) {
            int index = booked[k];
            if (seen[index] == pass && (!bookedRunning[index] || runningSeen[index] == pass)) continue; // still there, same role
            if (bookedTo[index] > now) released = true;
            unbook(index, now);
            drop(index);
            k--;
        }
        return released;
    }

    /** Re-places every waiting reservation, in order of reserved start, at its earliest fit. */
    private void compress(long now) {
        int n = 0;
        if (keys.length < queued) keys = new long[Math.max(queued, keys.length * 2)];
        for (int pos = 0; pos < queued; pos++) {
            int i = queueIndex[pos];
            if (hasBooking(i) && !bookedRunning[i] && bookedFrom[i] > now) keys[n++] = (bookedFrom[i] << 22) | pos;
        }
        if (n == 0) return;
        Arrays.sort(keys, 0, n);
        // every booking that began after now is here: the next start is found again from them
        nextStart = Long.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            int pos = (int) (keys[k] & ((1 << 22) - 1));
            int i = queueIndex[pos];
            Placement own = bookedPlace[i];
            long from = bookedFrom[i];
            long to = bookedTo[i];
            if (counts != null && windows.isEmpty() && !own.isConcrete()) {
                // by count: a waiting booking holds Placement.ofCount(the job's processors) (made by
                // the searches below and in reserve), so the job's processors are the booking's
                long start = counts.earlierStart(own.procs(), now, own.procs(), from, to);
                if (start != CountProfile.NONE) moveByCount(i, own, from, to, start);
            } else {
                AvailabilityProfile.Slot slot = profile.earlierFit(queue[pos].spec(), now, own, from, to, windows);
                if (slot != null) move(i, own, from, to, slot);
            }
            noteStart(pos, now);
        }
    }

    /**
     * Moves job {@code index}'s booking from [from, to) to the earlier slot. Counts (a processor
     * machine) that overlap the old booking change only outside the overlap: [start, from) is taken,
     * [end, to) given back — the same steps as giving all back and taking all again, as the profile
     * keeps no equal neighbours (one step function, one form), with fewer steps walked.
     */
    private void move(int index, Placement own, long from, long to, AvailabilityProfile.Slot slot) {
        long start = slot.start();
        long end = start + (to - from);
        Placement p = slot.placement();
        if (end > from && !own.isConcrete() && !p.isConcrete() && own.procs() == p.procs()) {
            profile.book(p, start, from);
            profile.unbook(own, end, to);
            put(index, p, start, end, false);
        } else {
            profile.unbook(own, from, to);
            book(index, p, start, end, false);
        }
    }

    /** {@link #move} on a processor machine: the booking keeps its count placement, which is the job's. */
    private void moveByCount(int index, Placement own, long from, long to, long start) {
        long end = start + (to - from);
        int p = own.procs();
        if (end > from) {
            counts.take(p, start, from);
            counts.giveBack(p, end, to);
        } else {
            counts.giveBack(p, from, to);
            counts.take(p, start, end);
        }
        put(index, own, start, end, false);
    }

    private void reserve(JobView job, long now, long from) {
        long duration = job.requestedWalltime();
        AvailabilityProfile.Slot slot = profile.earliestFit(job.spec(), from, duration, windows);
        if (slot == null) return; // never fits this cluster: stays unbooked
        book(job.index(), slot.placement(), slot.start(), slot.start() + duration, false);
        int i = job.index();
        if (i >= firstReservation.length) {
            int old = firstReservation.length;
            firstReservation = Arrays.copyOf(firstReservation, Math.max(i + 1, old * 2));
            Arrays.fill(firstReservation, old, firstReservation.length, -1);
        }
        if (firstReservation[i] < 0) firstReservation[i] = slot.start();
    }

    /** The start time first promised to a job (its reservation when it arrived), or -1. */
    public long firstReservation(int jobIndex) {
        return jobIndex < firstReservation.length ? firstReservation[jobIndex] : -1;
    }

    /**
     * Starts the jobs whose reservation begins now; returns the earliest reserved start after now
     * (passes run at events; a reservation may fall between them). Every waiting booking is a queued
     * job's here: the departed ones were dropped, and a booked job that started elsewhere is booked
     * as running by {@link #syncRunning}.
     */
    private long startDue(Snapshot s, long now, List<Decision> decisions) {
        long next = nextStart;
        Capacity free = null;
        if (dueCount > 1) Arrays.sort(due, 0, dueCount); // queue order
        for (int d = 0; d < dueCount; d++) {
            JobView j = queue[due[d]];
            int i = j.index();
            if (free == null) free = s.freeCapacity();
            Placement place = bookedPlace[i];
            if (!fitsNow(free, place)) {
                // the machine changed under the plan (a failure, a maintenance window): plan again
                unbook(i, now);
                drop(i);
                replans++;
                reserve(j, now, now + 1);
                if (hasBooking(i)) next = Math.min(next, bookedFrom[i]);
                else unbookedLeft = true;
                continue;
            }
            Placement p = free.take(place);
            // the next pass may skip its walk of the running jobs if this job runs as booked: at the
            // booking's place, to its end (a waiting job's estimated end is the wall time it asks for)
            startsAsBooked &= bookedTo[i] == now + j.estimatedEnd() && samePlace(place, p);
            runningBookedUntil = Math.min(runningBookedUntil, bookedTo[i]);
            put(i, place, now, bookedTo[i], true);
            decisions.add(new Decision.Start(j, p, new StartReason.ReservationDue(j.spec(), now)));
            if (lastStartedCount == lastStarted.length) lastStarted = Arrays.copyOf(lastStarted, lastStartedCount * 2);
            lastStarted[lastStartedCount++] = i;
        }
        return next;
    }


    /** Processor-mode bookings hold counts; the engine's placements name processors. */
    private static boolean samePlace(Placement booked, Placement actual) {
        if (!booked.isConcrete() || !actual.isConcrete()) return booked.procs() == actual.procs();
        return booked.equals(actual);
    }

    private static boolean fitsNow(Capacity free, Placement p) {
        if (!p.isConcrete()) return p.procs() <= free.freeCores();
        Capacity probe = free.copy();
        try {
            probe.take(p);
            return true;
        } catch (IllegalStateException notFree) {
            return false;
        }
    }

}
