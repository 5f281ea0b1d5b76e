package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One {@code PartitionName} line, with {@code PartitionName=DEFAULT} values applied and Slurm's
 * defaults. Times are seconds, rounded up to whole minutes as Slurm keeps them;
 * {@link SlurmTime#UNLIMITED} means no limit. Account and QOS names are lower-cased, as Slurm
 * does; an empty allow list means {@code ALL}.
 *
 * @param nodes the node names, expanded ({@code Nodes=ALL}: every node of the file)
 * @param isDefault {@code Default=YES}
 * @param maxTimeSeconds {@code MaxTime} (default UNLIMITED)
 * @param defaultTimeSeconds {@code DefaultTime}; empty: jobs without a limit get {@code MaxTime}
 * @param maxNodes {@code MaxNodes} per job ({@link #UNLIMITED_NODES} when unlimited, the default)
 * @param preemptMode the partition's {@code PreemptMode}; empty: the cluster's
 * @param qos the partition QOS ({@code QOS=}), {@code ""} when none
 * @param defMemPerCpuMb {@code DefMemPerCPU} (MB), empty when not set here
 * @param graceTimeSeconds {@code GraceTime} (for {@code preempt/partition_prio})
 * @param where the {@code file:line} of its line
 */
public record PartitionDefinition(String name, List<String> nodes, boolean isDefault, int priorityTier, int priorityJobFactor,
                                  long maxTimeSeconds, OptionalLong defaultTimeSeconds, long maxNodes, long minNodes,
                                  List<String> allowAccounts, List<String> denyAccounts, List<String> allowQos, List<String> denyQos,
                                  OverSubscribe overSubscribe, PartitionState state, Optional<PreemptModeSetting> preemptMode, String qos,
                                  OptionalLong defMemPerCpuMb, OptionalLong defMemPerNodeMb, OptionalLong maxMemPerCpuMb,
                                  OptionalLong maxMemPerNodeMb, long graceTimeSeconds, String tresBillingWeights, String where) {

    /** {@code MaxNodes=UNLIMITED}. */
    public static final long UNLIMITED_NODES = Long.MAX_VALUE;

    public PartitionDefinition {
        nodes = List.copyOf(nodes);
        allowAccounts = List.copyOf(allowAccounts);
        denyAccounts = List.copyOf(denyAccounts);
        allowQos = List.copyOf(allowQos);
        denyQos = List.copyOf(denyQos);
    }

    /** Whether jobs of the account may run here (AllowAccounts, else DenyAccounts; sub-accounts are not resolved here). */
    public boolean admitsAccount(String account) {
        String a = account.toLowerCase(java.util.Locale.ROOT);
        if (!allowAccounts.isEmpty()) return allowAccounts.contains(a);
        return !denyAccounts.contains(a);
    }
}
