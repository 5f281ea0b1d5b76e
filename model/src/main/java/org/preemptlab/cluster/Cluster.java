package org.preemptlab.cluster;

/**
 * The machine being scheduled: either a flat machine of P processors (SWF traces) or node pools.
 */
public sealed interface Cluster permits ProcessorMachine, NodeCluster {

    /**
     * The largest machine read from a file or an option: nodes of all pools together, or processors
     * of a processor machine (an SWF header's MaxProcs/MaxNodes, {@code --procs}, a scenario's
     * {@code processors}). The engine keeps state per node, so a larger one is refused where it is
     * read (docs/scenario-format.md, docs/swf.md, docs/cli.md) instead of exhausting memory.
     */
    int MAX_NODES = 1_000_000;

    /** Rows of the Gantt: processors or nodes. */
    int nodeCount();

    /** The name of node (or processor) {@code index}. */
    String nodeName(int index);

    /** Total cores. */
    long totalCores();
}
