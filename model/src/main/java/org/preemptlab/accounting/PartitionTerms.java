package org.preemptlab.accounting;

import java.util.Objects;
import org.preemptlab.tres.Tres;

/**
 * What the accounting policy and the priority plugin need of a partition.
 *
 * @param name              {@code PartitionName}
 * @param maxTimeSeconds    {@code MaxTime}, s; -1 for UNLIMITED
 * @param maxNodes          {@code MaxNodes} per job; -1 for UNLIMITED
 * @param priorityJobFactor {@code PriorityJobFactor} (the partition factor, normalised to the highest of all partitions)
 * @param billingWeights    {@code TRESBillingWeights}
 * @param totalTres         the TRES of the partition's nodes (the TRES factor's normaliser)
 */
public record PartitionTerms(String name, long maxTimeSeconds, long maxNodes, int priorityJobFactor,
                             BillingWeights billingWeights, Tres totalTres) {

    public PartitionTerms {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(billingWeights, "billingWeights");
        Objects.requireNonNull(totalTres, "totalTres");
        if (maxTimeSeconds < -1 || maxTimeSeconds == 0) throw new IllegalArgumentException("partitions[" + name + "].maxTime: " + maxTimeSeconds + "; must be ≥ 1 (or -1 for UNLIMITED)");
        if (maxNodes < -1) throw new IllegalArgumentException("partitions[" + name + "].maxNodes: " + maxNodes + "; must be ≥ 0 (or -1 for UNLIMITED)");
        if (priorityJobFactor < 0) throw new IllegalArgumentException("partitions[" + name + "].priorityJobFactor: " + priorityJobFactor + "; must be ≥ 0");
    }

    /** A partition of {@code totalTres} with no limits, factor 1 and no billing weights. */
    public static PartitionTerms of(String name, Tres totalTres) {
        return new PartitionTerms(name, -1, -1, 1, BillingWeights.NONE, totalTres);
    }

    public PartitionTerms withMaxTime(long s) {
        return new PartitionTerms(name, s, maxNodes, priorityJobFactor, billingWeights, totalTres);
    }

    public PartitionTerms withMaxNodes(long n) {
        return new PartitionTerms(name, maxTimeSeconds, n, priorityJobFactor, billingWeights, totalTres);
    }

    public PartitionTerms withPriorityJobFactor(int f) {
        return new PartitionTerms(name, maxTimeSeconds, maxNodes, f, billingWeights, totalTres);
    }

    public PartitionTerms withBillingWeights(BillingWeights w) {
        return new PartitionTerms(name, maxTimeSeconds, maxNodes, priorityJobFactor, w, totalTres);
    }
}
