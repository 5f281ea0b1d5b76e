package org.preemptlab.alloc;

import org.preemptlab.job.Placement;

import org.preemptlab.job.JobSpec;

/**
 * Free resources at one instant, and how jobs are placed on them. The engine owns one live
 * capacity; policies work on copies ("scratch" capacities) to plan without changing anything.
 * One abstraction for both allocation models: {@link ProcessorCapacity} (a count of processors)
 * , {@link NodeCapacity} (cores and memory per node, pools, owners and borrowers) and
 * {@link TresCapacity} (Slurm's cons_tres: CPUs, memory and GRES per node, partitions, shared nodes).
 */
public interface Capacity {

    /** A fresh, fully free capacity of the cluster, which the engine allocates from. */
    static Capacity of(org.preemptlab.cluster.Cluster cluster) {
        if (cluster instanceof org.preemptlab.cluster.NodeCluster nodes) {
            return nodes.site() == null ? new NodeCapacity(nodes) : new TresCapacity(nodes);
        }
        return ProcessorCapacity.tracking(((org.preemptlab.cluster.ProcessorMachine) cluster).procs());
    }

    /** Where the job would go now (first fit in placement order), or null if it does not fit. */
    Placement place(JobSpec job);

    /** Takes the placement's cores and memory; returns the concrete placement (processor numbers). */
    Placement take(Placement placement);

    /** Gives back cores and memory. */
    void release(Placement placement);

    /** Gives back only the cores (a suspended job keeps its memory). */
    void releaseCores(Placement placement);

    /** Gives back only the memory (a suspended job leaves its nodes; its cores were already free). */
    void releaseMemory(Placement placement);

    /** Takes back the cores of a suspended job that resumes. */
    void takeCores(Placement placement);

    /** True if the cores of the placement are free again (a suspended job can resume). */
    boolean coresFree(Placement placement);

    /**
     * Takes whatever is free on one node (or processor) to keep it out of use (maintenance,
     * failure, a reservation); returns what was taken (possibly nothing: zero cores).
     */
    Placement seize(int node);

    /** An independent scratch copy. */
    Capacity copy();

    /** The elementwise minimum of this and another capacity of the same cluster. */
    Capacity meet(Capacity other);

    /** Free cores in total. */
    long freeCores();
}
