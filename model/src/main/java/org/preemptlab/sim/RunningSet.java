package org.preemptlab.sim;

import java.util.Comparator;

/**
 * The engine's set of jobs holding cores, by estimated end, that counts its changes: every job that
 * joins or leaves it counts one (a running job whose estimated end changes is taken out and put
 * back: two). The engine changes it only through {@link #add}, {@link #remove} and {@link #clear};
 * the bulk ways of removing (and an iterator's {@code remove}) are refused. Its iterator is the
 * set's own (the engine and the policies only read through it; a wrapper would cost every pass's walk a
 * call per job). The snapshot's {@link org.preemptlab.sched.Snapshot#unplannedRunningChanges()} is
 * made from the count.
 */
final class RunningSet extends EngineJobSet {

    private long changes;

    RunningSet(Comparator<JobRun> order) {
        super(order, "running");
    }

    /** How many times a job joined or left the set since the run began. */
    long changes() {
        return changes;
    }

    @Override
    public boolean add(JobRun r) {
        if (!super.add(r)) return false;
        changes++;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!super.remove(o)) return false;
        changes++;
        return true;
    }

    @Override
    public void clear() {
        changes += size();
        super.clear();
    }
}
