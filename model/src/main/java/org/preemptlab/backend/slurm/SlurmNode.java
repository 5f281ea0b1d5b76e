package org.preemptlab.backend.slurm;

import java.util.List;

/** One node as {@code sinfo --json} shows it (or as a slurm.conf NodeName line defines it). */
public record SlurmNode(String name, String hostname, String state, int cpus, long realMemoryMb, List<String> partitions) {

    public SlurmNode {
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
    }
}
