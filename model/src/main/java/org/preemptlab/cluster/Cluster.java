package org.preemptlab.cluster;

/**
 * The machine being scheduled: either a flat machine of P processors (SWF traces) or node pools.
 */
public sealed interface Cluster permits ProcessorMachine, NodeCluster {

    /** Rows of the Gantt: processors or nodes. */
    int nodeCount();

    /** The name of node (or processor) {@code index}. */
    String nodeName(int index);

    /** Total cores. */
    long totalCores();
}
