package org.preemptlab.slurmconf;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@code slurm.conf} (and the files it includes) says about the cluster, typed. Read with
 * {@link SlurmConfParser}.
 *
 * @param nodes every node, host lists expanded, in file order
 * @param schedulerType {@code SchedulerType} (default {@code sched/backfill})
 * @param defMemPerCpuMb cluster-wide {@code DefMemPerCPU} (MB); partitions may override
 * @param gresTypes {@code GresTypes}, lower case
 * @param schedulerTimeSliceSeconds {@code SchedulerTimeSlice}, s: the gang scheduler's time slice (default 30)
 */
public record SlurmConf(String clusterName, List<NodeDefinition> nodes, List<PartitionDefinition> partitions,
                        PrioritySettings priority, PreemptSettings preempt, SelectSettings select, String schedulerType,
                        SchedulerParameters schedulerParameters, OptionalLong defMemPerCpuMb, OptionalLong defMemPerNodeMb,
                        OptionalLong maxMemPerCpuMb, OptionalLong maxMemPerNodeMb, List<String> gresTypes,
                        long schedulerTimeSliceSeconds) {

    /** Slurm's default {@code SchedulerTimeSlice}, s. */
    public static final long DEFAULT_TIME_SLICE = 30;

    /** With the default {@code SchedulerTimeSlice}. */
    public SlurmConf(String clusterName, List<NodeDefinition> nodes, List<PartitionDefinition> partitions,
                     PrioritySettings priority, PreemptSettings preempt, SelectSettings select, String schedulerType,
                     SchedulerParameters schedulerParameters, OptionalLong defMemPerCpuMb, OptionalLong defMemPerNodeMb,
                     OptionalLong maxMemPerCpuMb, OptionalLong maxMemPerNodeMb, List<String> gresTypes) {
        this(clusterName, nodes, partitions, priority, preempt, select, schedulerType, schedulerParameters, defMemPerCpuMb,
                defMemPerNodeMb, maxMemPerCpuMb, maxMemPerNodeMb, gresTypes, DEFAULT_TIME_SLICE);
    }

    public SlurmConf {
        nodes = List.copyOf(nodes);
        partitions = List.copyOf(partitions);
        gresTypes = List.copyOf(gresTypes);
    }

    public Optional<NodeDefinition> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    public Optional<PartitionDefinition> partition(String name) {
        return partitions.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The {@code Default=YES} partition (the last one so marked, as in Slurm), if any. */
    public Optional<PartitionDefinition> defaultPartition() {
        PartitionDefinition found = null;
        for (PartitionDefinition p : partitions) if (p.isDefault()) found = p;
        return Optional.ofNullable(found);
    }
}
