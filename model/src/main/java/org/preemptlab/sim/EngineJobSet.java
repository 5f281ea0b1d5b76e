package org.preemptlab.sim;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * A sorted set of the engine's jobs ({@link WaitingQueue}, {@link RunningSet}) that changes only through
 * {@link #add}, {@link #remove} and {@link #clear} — the ways a subclass keeps its own bookkeeping in step
 * with — so the bulk and poll ways of removing (and an iterator's {@code remove}) are refused, and
 * {@link #addAll} adds one by one.
 *
 * <p>The jobs are kept in one array, sorted by the set's order, between {@code head} and {@code tail}: a
 * job that sorts after all the others (most arrivals in a queue ordered by arrival) is appended without a
 * search, the first one (most starts) is taken out by moving {@code head}, any other is found by binary
 * search and the shorter side of the array moved by one. A walk in order reads the array (no tree node
 * to follow per job: the queue and running-set walks of every pass were ≈ 12 % of a cold EASY run's CPU
 * as {@code TreeMap} walks). Same set, same order, same answers as a {@code TreeSet} with the same
 * comparator (property test {@code EngineJobSetProperties}).
 */
abstract class EngineJobSet extends AbstractSet<JobRun> {

    /** What the set holds, for the refusals' message: "running", "waiting". */
    private final String holds;
    private final Comparator<JobRun> order;
    private JobRun[] jobs = new JobRun[16];
    /** The jobs are jobs[head .. tail), in order. */
    private int head;
    private int tail;
    /** Changes, for the iterators' fail-fast check. */
    private int modCount;

    EngineJobSet(Comparator<JobRun> order, String holds) {
        this.order = order;
        this.holds = holds;
    }

    private UnsupportedOperationException refused() {
        return new UnsupportedOperationException("remove " + holds + " jobs with remove(job)");
    }

    @Override
    public int size() {
        return tail - head;
    }

    @Override
    public boolean isEmpty() {
        return tail == head;
    }

    /** The first job in the set's order. */
    public final JobRun first() {
        if (tail == head) throw new NoSuchElementException();
        return jobs[head];
    }

    /** The position of r in jobs[head .. tail), or -(insertion point) - 1. */
    private int find(JobRun r) {
        int lo = head;
        int hi = tail - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = order.compare(jobs[mid], r);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    @Override
    public boolean contains(Object o) {
        return tail != head && find((JobRun) o) >= 0;
    }

    @Override
    public boolean add(JobRun r) {
        if (tail == head || order.compare(jobs[tail - 1], r) < 0) {
            if (tail == jobs.length) makeRoom();
            jobs[tail++] = r;
        } else {
            int at = find(r);
            if (at >= 0) return false;
            at = -(at + 1);
            if (head > 0 && at - head < tail - at) {
                // move the shorter front part one place towards the start
                System.arraycopy(jobs, head, jobs, head - 1, at - head);
                head--;
                jobs[at - 1] = r;
            } else {
                if (tail == jobs.length) {
                    int shift = head;
                    makeRoom();
                    at -= shift;
                }
                System.arraycopy(jobs, at, jobs, at + 1, tail - at);
                tail++;
                jobs[at] = r;
            }
        }
        modCount++;
        return true;
    }

    /** Room at the end: the jobs moved to the start of the array, or the array doubled when more than half full. */
    private void makeRoom() {
        int n = tail - head;
        JobRun[] to = n > jobs.length / 2 ? new JobRun[jobs.length * 2] : jobs;
        System.arraycopy(jobs, head, to, 0, n);
        if (to == jobs) Arrays.fill(jobs, n, tail, null);
        jobs = to;
        head = 0;
        tail = n;
    }

    @Override
    public boolean remove(Object o) {
        if (tail == head) return false;
        int at;
        if (o == jobs[head]) at = head;
        else if (o == jobs[tail - 1]) at = tail - 1;
        else {
            at = find((JobRun) o);
            if (at < 0) return false;
        }
        if (at - head < tail - 1 - at) {
            System.arraycopy(jobs, head, jobs, head + 1, at - head);
            jobs[head++] = null;
        } else {
            System.arraycopy(jobs, at + 1, jobs, at, tail - 1 - at);
            jobs[--tail] = null;
        }
        if (head == tail) head = tail = 0;
        modCount++;
        return true;
    }

    @Override
    public void clear() {
        Arrays.fill(jobs, head, tail, null);
        head = tail = 0;
        modCount++;
    }

    /** The jobs in order; fail-fast; no {@code remove} (the set changes only through its own methods). */
    @Override
    public Iterator<JobRun> iterator() {
        return new InOrder();
    }

    private final class InOrder implements Iterator<JobRun> {
        private int next = head;
        private final int expected = modCount;

        @Override
        public boolean hasNext() {
            return next < tail;
        }

        @Override
        public JobRun next() {
            if (modCount != expected) throw new ConcurrentModificationException();
            if (next >= tail) throw new NoSuchElementException();
            return jobs[next++];
        }
    }

    @Override
    public final boolean addAll(Collection<? extends JobRun> c) {
        boolean changed = false;
        for (JobRun r : c) changed |= add(r);
        return changed;
    }

    @Override
    public final boolean removeIf(Predicate<? super JobRun> filter) {
        throw refused();
    }

    @Override
    public final boolean removeAll(Collection<?> c) {
        throw refused();
    }

    @Override
    public final boolean retainAll(Collection<?> c) {
        throw refused();
    }
}
