package org.preemptlab.sim;

import java.util.Collection;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A sorted set of the engine's jobs ({@link WaitingQueue}, {@link RunningSet}) that changes only through
 * {@link #add}, {@link #remove} and {@link #clear} — the ways a subclass keeps its own bookkeeping in step
 * with — so the bulk and poll ways of removing are refused, and {@link #addAll} adds one by one.
 */
abstract class EngineJobSet extends TreeSet<JobRun> {

    /** What the set holds, for the refusals' message: "running", "waiting". */
    private final String holds;

    EngineJobSet(Comparator<JobRun> order, String holds) {
        super(order);
        this.holds = holds;
    }

    /** The first job, taken out by the tree alone (no bookkeeping): for a subclass's own {@link #remove}. */
    final JobRun takeFirst() {
        return super.pollFirst();
    }

    private UnsupportedOperationException refused() {
        return new UnsupportedOperationException("remove " + holds + " jobs with remove(job)");
    }

    @Override
    public final boolean addAll(Collection<? extends JobRun> c) {
        boolean changed = false;
        for (JobRun r : c) changed |= add(r);
        return changed;
    }

    @Override
    public final JobRun pollFirst() {
        throw refused();
    }

    @Override
    public final JobRun pollLast() {
        throw refused();
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
