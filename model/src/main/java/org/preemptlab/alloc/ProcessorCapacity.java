package org.preemptlab.alloc;

import org.preemptlab.job.Placement;

import java.util.BitSet;
import org.preemptlab.job.JobSpec;

/**
 * A count of free processors. The live instance also tracks which processor numbers are free
 * (lowest first), so the Gantt can draw each job on real rows; scratch copies only count.
 */
public final class ProcessorCapacity implements Capacity {

    private final int total;
    private int free;
    private final BitSet freeIds; // null on scratch copies

    private ProcessorCapacity(int total, int free, BitSet freeIds) {
        this.total = total;
        this.free = free;
        this.freeIds = freeIds;
    }

    /** A live capacity that assigns processor numbers. */
    public static ProcessorCapacity tracking(int procs) {
        BitSet ids = new BitSet(procs);
        ids.set(0, procs);
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

    @Override
    public Placement place(JobSpec job) {
        int p = job.procs();
        return p <= free ? Placement.ofCount(p) : null;
    }

    @Override
    public Placement take(Placement placement) {
        int p = placement.procs();
        if (p > free) throw new IllegalStateException("cannot take " + p + " processors: only " + free + " free");
        free -= p;
        if (freeIds == null) return placement;
        int[] ids;
        if (placement.nodes() != null) {
            ids = placement.nodes();
            for (int id : ids) {
                if (!freeIds.get(id)) throw new IllegalStateException("processor " + id + " is not free");
                freeIds.clear(id);
            }
        } else {
            // the lowest free numbers, taken run by run of consecutive free processors (word-wide BitSet ops)
            ids = new int[p];
            int i = 0;
            int from = 0;
            while (i < p) {
                int start = freeIds.nextSetBit(from);
                int end = Math.min(freeIds.nextClearBit(start), start + (p - i));
                for (int id = start; id < end; id++) ids[i++] = id;
                freeIds.clear(start, end);
                from = end;
            }
        }
        return new Placement(-1, p, ids, 1, 0);
    }

    @Override
    public void release(Placement placement) {
        free += placement.procs();
        if (free > total) throw new IllegalStateException("released more processors than exist: " + free + " > " + total);
        if (freeIds != null && placement.nodes() != null) {
            int[] ids = placement.nodes();
            for (int i = 0; i < ids.length; ) { // run by run of consecutive numbers
                int j = i + 1;
                while (j < ids.length && ids[j] == ids[j - 1] + 1) j++;
                freeIds.set(ids[i], ids[j - 1] + 1);
                i = j;
            }
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
        if (freeIds == null || placement.nodes() == null) return placement.procs() <= free;
        for (int id : placement.nodes()) if (!freeIds.get(id)) return false;
        return true;
    }

    @Override
    public Placement seize(int node) {
        if (freeIds != null) {
            if (!freeIds.get(node)) return new Placement(-1, 0, new int[0], 1, 0);
            freeIds.clear(node);
            free--;
            return new Placement(-1, 1, new int[] {node}, 1, 0);
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
