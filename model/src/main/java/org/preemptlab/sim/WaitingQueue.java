package org.preemptlab.sim;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.QueueShapes;

/**
 * The engine's queue of waiting jobs, in queue order, that also keeps them by shape for the policies'
 * backfill scans ({@link QueueShapes}): the jobs of each processor count in queue order in a
 * {@link WalltimeIndex}, for {@link #firstAfter} (EASY's scan skips the jobs that ask for too long in
 * O(log n), however many distinct wall times the queue holds). Every change goes through {@link #add},
 * {@link #remove} or {@link #clear}; the other ways of removing elements are refused, so the indexes
 * never drift from the queue. A job's shape does not change while it waits (its restart cost and saved
 * work are set when it is requeued).
 *
 * <p>The indexes are kept only while someone uses them: made from the queue on the first call of
 * {@link #processorCounts()} or {@link #firstAfter}, then kept up to date, and dropped when the queue
 * gets short again (below {@link #DROP_BELOW} jobs; EASY's scan asks for them from 64 waiting jobs on).
 * A short queue — most of the time on most traces — then costs one insertion per job, not two.
 */
final class WaitingQueue extends EngineJobSet implements QueueShapes {

    private final Comparator<? super JobView> order;
    /** The waiting jobs by processors, each count's in queue order with its requested wall times indexed (EASY's scan). */
    private final Shapes byRequest = new Shapes(null);
    /**
     * The same jobs indexed by other wall times ({@link #by}), one set of indexes per function asked for (a
     * preemptive backfill's predicted run time); usually none, so a change costs EASY one empty-array check.
     */
    private Shapes[] byOther = new Shapes[0];

    /** Below this many waiting jobs the groups are dropped (and made again when next asked for). */
    static final int DROP_BELOW = 16;

    WaitingQueue(Comparator<JobRun> order) {
        super(order, "waiting");
        this.order = new ViewOrder(order);
    }

    @Override
    public boolean add(JobRun r) {
        if (!super.add(r)) return false;
        if (byRequest.grouped) byRequest.group(r);
        for (Shapes other : byOther) if (other.grouped) other.group(r);
        if (joinedCount == joined.length) joined = java.util.Arrays.copyOf(joined, joinedCount * 2);
        joined[joinedCount++] = r;
        return true;
    }

    /*
     * The journal of the queue's changes, for a policy that keeps its own plan of the waiting jobs and would
     * otherwise walk the whole queue every pass to find what changed (conservative backfilling): the jobs that
     * joined since the journal was last cleared (in the order they joined), how many joined before them, and
     * how many left in all. The engine clears the list after each pass ({@link #journalRead}).
     */
    private JobRun[] joined = new JobRun[16];
    private int joinedCount;
    private long joinedBefore;
    private long leaves;
    private final List<JobRun> joinedView = new JoinedView();

    /** How many jobs left the queue since the run began (each removal counts one). */
    long leaves() {
        return leaves;
    }

    /** How many jobs joined the queue before the first of {@link #joined()}. */
    long joinedBefore() {
        return joinedBefore;
    }

    /** The jobs that joined since the journal was last cleared, in the order they joined (read-only). */
    List<JobRun> joined() {
        return joinedView;
    }

    /** Clears the journal's list of joins (the count of those before goes on). */
    void journalRead() {
        java.util.Arrays.fill(joined, 0, joinedCount, null);
        joinedBefore += joinedCount;
        joinedCount = 0;
    }

    /** See {@link #joined()}. */
    private final class JoinedView extends java.util.AbstractList<JobRun> implements java.util.RandomAccess {
        @Override public JobRun get(int i) {
            java.util.Objects.checkIndex(i, joinedCount);
            return joined[i];
        }
        @Override public int size() { return joinedCount; }
    }

    /**
     * The waiting jobs by processors, each count's in queue order in a {@link WalltimeIndex} by one wall time:
     * the requested one ({@code walltime} null) or a function's. Made from the queue when first asked for,
     * kept up to date while the queue is long, dropped when it gets short.
     */
    private final class Shapes implements QueueShapes {
        /** Null: {@link JobView#requestedWalltime()} (read directly: EASY's runs call no function). */
        private final ToLongFunction<JobView> walltime;
        private final TreeMap<Integer, WalltimeIndex> indexes = new TreeMap<>();
        private final NavigableSet<Integer> processorCounts = Collections.unmodifiableNavigableSet(indexes.navigableKeySet());
        /** The groups are kept up to date (they have been asked for since the queue was last short). */
        private boolean grouped;

        Shapes(ToLongFunction<JobView> walltime) {
            this.walltime = walltime;
        }

        private void group(JobRun r) {
            // get-then-put, not computeIfAbsent(lambda): a one-shot run links no lambda
            WalltimeIndex index = indexes.get(r.spec().procs());
            if (index == null) {
                index = new WalltimeIndex(order);
                indexes.put(r.spec().procs(), index);
            }
            index.add(r, walltime(r));
        }

        /** Takes a job that left the queue out of its processor count's index (or drops the indexes of a queue grown short). */
        private void ungroup(JobRun r) {
            if (size() < DROP_BELOW) {
                clear();
                return;
            }
            WalltimeIndex index = indexes.get(r.spec().procs());
            if (index == null || !index.remove(r)) throw shapeChanged(r);
            if (index.size() == 0) indexes.remove(r.spec().procs());
        }

        private void clear() {
            indexes.clear();
            grouped = false;
        }

        @Override
        public Comparator<? super JobView> order() {
            return order;
        }

        @Override
        public long walltime(JobView job) {
            return walltime == null ? job.requestedWalltime() : walltime.applyAsLong(job);
        }

        @Override
        public NavigableSet<Integer> processorCounts() {
            if (!grouped) {
                for (JobRun r : WaitingQueue.this) group(r);
                grouped = true;
            }
            return processorCounts;
        }

        @Override
        public JobView firstAfter(int procs, JobView after, long maxWalltime) {
            processorCounts(); // the indexes made (and kept from now on) if they were not
            WalltimeIndex index = indexes.get(procs);
            return index == null ? null : index.firstAfter(after, maxWalltime);
        }

        @Override
        public QueueShapes by(ToLongFunction<JobView> other) {
            return WaitingQueue.this.by(other);
        }
    }

    /** The queue's order over the views it holds (all of them {@link JobRun}s); a class, not a lambda. */
    private static final class ViewOrder implements Comparator<JobView> {
        private final Comparator<JobRun> order;

        ViewOrder(Comparator<JobRun> order) {
            this.order = order;
        }

        @Override
        public int compare(JobView a, JobView b) {
            return order.compare((JobRun) a, (JobRun) b);
        }
    }

    @Override
    public boolean remove(Object o) {
        if (!super.remove(o)) return false;
        leaves++;
        if (byRequest.grouped) byRequest.ungroup((JobRun) o);
        for (Shapes other : byOther) if (other.grouped) other.ungroup((JobRun) o);
        return true;
    }

    private static IllegalStateException shapeChanged(JobRun r) {
        return new IllegalStateException("job " + r.name() + " changed its shape while waiting");
    }

    @Override
    public void clear() {
        leaves += size();
        super.clear();
        byRequest.clear();
        for (Shapes other : byOther) other.clear();
    }

    /**
     * The queue read-only, for the policies' snapshot: its iterator is this queue's own (which has no
     * {@code remove}: {@link EngineJobSet#iterator()}), not {@link Collections#unmodifiableCollection}'s wrapper around it — one object and one
     * call per job fewer on every pass; every change is refused.
     */
    Collection<JobRun> readOnly() {
        return readOnly;
    }

    private final Collection<JobRun> readOnly = new ReadOnly();

    /** See {@link #readOnly()}. */
    private final class ReadOnly extends java.util.AbstractCollection<JobRun> {
        @Override public java.util.Iterator<JobRun> iterator() { return WaitingQueue.this.iterator(); }
        @Override public int size() { return WaitingQueue.this.size(); }
        @Override public boolean isEmpty() { return WaitingQueue.this.isEmpty(); }
        @Override public boolean contains(Object o) { return WaitingQueue.this.contains(o); }
        @Override public boolean add(JobRun e) { throw new UnsupportedOperationException(); }
        @Override public boolean remove(Object o) { throw new UnsupportedOperationException(); }
        @Override public boolean addAll(Collection<? extends JobRun> c) { throw new UnsupportedOperationException(); }
        @Override public boolean removeAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        @Override public boolean retainAll(Collection<?> c) { throw new UnsupportedOperationException(); }
        @Override public boolean removeIf(Predicate<? super JobRun> filter) { throw new UnsupportedOperationException(); }
        @Override public void clear() { throw new UnsupportedOperationException(); }
    }

    @Override
    public Comparator<? super JobView> order() {
        return order;
    }

    @Override
    public NavigableSet<Integer> processorCounts() {
        return byRequest.processorCounts();
    }

    @Override
    public JobView firstAfter(int procs, JobView after, long maxWalltime) {
        return byRequest.firstAfter(procs, after, maxWalltime);
    }

    /**
     * The waiting jobs indexed by {@code walltime} (null: the requested wall time, this queue itself). The same
     * function object gets the same indexes, kept up to date from then on (while the queue is long); its value for
     * a job must not change while the job waits (it is read when the job joins the index).
     */
    @Override
    public QueueShapes by(ToLongFunction<JobView> walltime) {
        if (walltime == null) return this;
        for (Shapes other : byOther) if (other.walltime == walltime) return other;
        Shapes made = new Shapes(walltime);
        byOther = java.util.Arrays.copyOf(byOther, byOther.length + 1);
        byOther[byOther.length - 1] = made;
        return made;
    }
}
