package org.preemptlab.cluster;

/**
 * The machine being scheduled: either a flat machine of P processors (SWF traces) or node pools.
 */
public sealed interface Cluster permits ProcessorMachine, NodeCluster {

    /**
     * The largest processor machine read from a file or an option (an SWF header's MaxProcs/MaxNodes,
     * {@code --procs}, a scenario's {@code processors}): processor numbers are kept as runs, so the cost
     * does not grow with the size (docs/performance.md). A cluster of pools has its own, lower limit,
     * {@link NodeCluster#MAX_NODES}; the planner's Gantt draws at most {@code GanttIndex.MAX_ROWS} rows.
     */
    int MAX_PROCESSORS = Integer.MAX_VALUE;

    /** Rows of the Gantt: processors or nodes. */
    int nodeCount();

    /** The name of node (or processor) {@code index}. */
    String nodeName(int index);

    /** Total cores. */
    long totalCores();
}
