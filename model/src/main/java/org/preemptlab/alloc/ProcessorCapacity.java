package org.preemptlab.alloc;

import org.preemptlab.job.Placement;

import org.preemptlab.job.JobSpec;

/**
 * A count of free processors. The live instance also tracks which processor numbers are free
 * (lowest first), so the Gantt can draw each job on real rows; scratch copies only count. Free
 * numbers are kept as runs of consecutive numbers ({@link FreeRuns}): taking or giving back a job
 * costs the runs it touches, not its processors, and a machine of 10⁸ processors costs what one of
 * 100 does.
 */
public final class ProcessorCapacity implements Capacity {

    private final int total;
    private int free;
    private final FreeRuns freeIds; // null on scratch copies

    private ProcessorCapacity(int total, int free, FreeRuns freeIds) {
        this.total = total;
        this.free = free;
        this.freeIds = freeIds;
    }

    /** A live capacity that assigns processor numbers. */
    public static ProcessorCapacity tracking(int procs) {
        FreeRuns ids = new FreeRuns();
        if (procs > 0) ids.add(0, procs);
        return new ProcessorCapacity(procs, procs, ids);
    }

    /** A counting-only capacity with {@code free} of {@code total} processors free. */
    public static ProcessorCapacity counting(int total, int free) {
        return new ProcessorCapacity(total, free, null);
    }

    public int free() {
        return free;
    }

    public int total() {
        return total;
    }

    /** Runs of free processor numbers of the live capacity (0 for a scratch copy): its size is its cost. */
    public int freeRunCount() {
        return freeIds == null ? 0 : freeIds.size();
    }

    @Override
    public Placement place(JobSpec job) {
        int p = job.procs();
        return p <= free ? Placement.ofCount(p) : null;
    }

    @Override
    public Placement take(Placement placement) {
        int p = placement.procs();
        if (p > free) throw tooMany(p);
        if (freeIds == null) {
            free -= p;
            return placement;
        }
        return takeNumbered(placement, p);
    }

    private IllegalStateException tooMany(int p) {
        return new IllegalStateException("cannot take " + p + " processors: only " + free + " free");
    }

    /**
     * {@link #take} on a machine that numbers its processors: a method of its own, so that a counting run has C1
     * compile only the count above.
     */
    private Placement takeNumbered(Placement placement, int p) {
        if (placement.isConcrete()) {
            int[] runs = placement.runs();
            for (int i = 0; i < runs.length; i += 2) {
                if (!freeIds.containsAll(runs[i], runs[i + 1])) {
                    throw new IllegalStateException("processor " + freeIds.firstBusy(runs[i], runs[i + 1]) + " is not free");
                }
            }
            for (int i = 0; i < runs.length; i += 2) freeIds.remove(runs[i], runs[i + 1]);
            free -= p;
            return placement.coresPerNode() == 1 && placement.pool() == -1 && placement.memoryPerNodeMb() == 0
                    ? placement : new Placement(-1, p, placement.nodes(), 1, 0);
        }
        free -= p;
        // the lowest free numbers, run by run of consecutive free processors
        return Placement.ofRuns(p, freeIds.takeLowest(p));
    }

    @Override
    public void release(Placement placement) {
        free += placement.procs();
        if (free > total) throw new IllegalStateException("released more processors than exist: " + free + " > " + total);
        if (freeIds != null && placement.isConcrete()) {
            int[] runs = placement.runs();
            for (int i = 0; i < runs.length; i += 2) freeIds.add(runs[i], runs[i + 1]);
        }
    }

    @Override
    public void releaseCores(Placement placement) {
        release(placement);
    }

    @Override
    public void releaseMemory(Placement placement) {
        // processors carry no memory
    }

    @Override
    public void takeCores(Placement placement) {
        take(placement);
    }

    @Override
    public boolean coresFree(Placement placement) {
        if (freeIds == null || !placement.isConcrete()) return placement.procs() <= free;
        int[] runs = placement.runs();
        for (int i = 0; i < runs.length; i += 2) if (!freeIds.containsAll(runs[i], runs[i + 1])) return false;
        return true;
    }

    @Override
    public Placement seize(int node) {
        if (freeIds != null) {
            if (!freeIds.containsAll(node, node + 1)) return Placement.ofRuns(0, new int[0]);
            freeIds.remove(node, node + 1);
            free--;
            return Placement.ofRuns(1, new int[] {node, node + 1});
        }
        if (free == 0) return Placement.ofCount(0);
        free--;
        return Placement.ofCount(1);
    }

    @Override
    public ProcessorCapacity copy() {
        return new ProcessorCapacity(total, free, null);
    }

    @Override
    public Capacity meet(Capacity other) {
        return new ProcessorCapacity(total, Math.min(free, ((ProcessorCapacity) other).free), null);
    }

    @Override
    public long freeCores() {
        return free;
    }

    @Override
    public String toString() {
        return free + "/" + total + " procs free";
    }
}
