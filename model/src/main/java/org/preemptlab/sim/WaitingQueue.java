package org.preemptlab.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.QueueShapes;

/**
 * The engine's queue of waiting jobs, in queue order, that also keeps them grouped by shape
 * (processors, requested wall time) for the policies' backfill scans ({@link QueueShapes}). Every
 * change goes through {@link #add}, {@link #remove} or {@link #clear}; the other ways of removing
 * elements are refused, so the groups never drift from the queue. A job's shape does not change while
 * it waits (its restart cost and saved work are set when it is requeued).
 */
final class WaitingQueue extends TreeSet<JobRun> implements QueueShapes {

    private final Comparator<? super JobView> order;
    private final TreeMap<Integer, NavigableMap<Long, NavigableSet<JobView>>> groups = new TreeMap<>();
    private final NavigableMap<Integer, NavigableMap<Long, NavigableSet<JobView>>> groupsView =
            Collections.unmodifiableNavigableMap(groups);

    WaitingQueue(Comparator<JobRun> order) {
        super(order);
        this.order = (a, b) -> order.compare((JobRun) a, (JobRun) b);
    }

    @Override
    public boolean add(JobRun r) {
        if (!super.add(r)) return false;
        groups.computeIfAbsent(r.spec().procs(), p -> new TreeMap<>())
                .computeIfAbsent(r.requestedWalltime(), w -> new TreeSet<>(order)).add(r);
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!super.remove(o)) return false;
        JobRun r = (JobRun) o;
        NavigableMap<Long, NavigableSet<JobView>> byWalltime = groups.get(r.spec().procs());
        NavigableSet<JobView> group = byWalltime.get(r.requestedWalltime());
        if (group == null || !group.remove(r)) {
            throw new IllegalStateException("job " + r.name() + " changed its shape while waiting");
        }
        if (group.isEmpty()) {
            byWalltime.remove(r.requestedWalltime());
            if (byWalltime.isEmpty()) groups.remove(r.spec().procs());
        }
        return true;
    }

    @Override
    public void clear() {
        super.clear();
        groups.clear();
    }

    @Override
    public boolean addAll(Collection<? extends JobRun> c) {
        boolean changed = false;
        for (JobRun r : c) changed |= add(r);
        return changed;
    }

    @Override
    public JobRun pollFirst() {
        throw new UnsupportedOperationException("remove waiting jobs with remove(job)");
    }

    @Override
    public JobRun pollLast() {
        throw new UnsupportedOperationException("remove waiting jobs with remove(job)");
    }

    @Override
    public boolean removeIf(Predicate<? super JobRun> filter) {
        throw new UnsupportedOperationException("remove waiting jobs with remove(job)");
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        throw new UnsupportedOperationException("remove waiting jobs with remove(job)");
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        throw new UnsupportedOperationException("remove waiting jobs with remove(job)");
    }

    @Override
    public java.util.Iterator<JobRun> iterator() {
        java.util.Iterator<JobRun> it = super.iterator();
        return new java.util.Iterator<>() {
            @Override public boolean hasNext() { return it.hasNext(); }
            @Override public JobRun next() { return it.next(); }
        };
    }

    @Override
    public Comparator<? super JobView> order() {
        return order;
    }

    @Override
    public NavigableMap<Integer, NavigableMap<Long, NavigableSet<JobView>>> groups() {
        return groupsView;
    }
}
