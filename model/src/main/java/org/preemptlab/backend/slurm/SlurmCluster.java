package org.preemptlab.backend.slurm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;

/**
 * A Slurm cluster as PreemptLab pools. Each partition becomes a pool of its nodes; a node in
 * several partitions (Slurm allows overlap, PreemptLab pools do not) belongs to the first
 * partition that lists it (the default partition first), and the other partitions' jobs may use
 * that pool. Nodes of one partition with different CPUs or memory make several pools
 * ({@code part}, {@code part_2}, …).
 *
 * @param pools          the pools, in engine order (node indices run pool by pool)
 * @param slurmNodeNames the Slurm name of every engine node, by engine node index
 * @param partitions     every partition with the pools its jobs may use
 * @param warnings       what could not be mapped exactly, in plain words
 */
public record SlurmCluster(List<NodePool> pools, List<String> slurmNodeNames, List<Partition> partitions, List<String> warnings) {

    /**
     * @param priorityTier Slurm's PriorityTier (partition_prio preemption: higher preempts lower)
     * @param pools        the names of the pools holding its nodes
     */
    public record Partition(String name, boolean isDefault, int priorityTier, List<String> nodes, List<String> pools) {}

    public SlurmCluster {
        pools = List.copyOf(pools);
        slurmNodeNames = List.copyOf(slurmNodeNames);
        partitions = List.copyOf(partitions);
        warnings = List.copyOf(warnings);
    }

    public NodeCluster toNodeCluster() {
        return new NodeCluster(pools);
    }

    public Partition partition(String name) {
        for (Partition p : partitions) if (p.name().equals(name)) return p;
        return null;
    }

    /** The default partition, or the first one. */
    public Partition defaultPartition() {
        for (Partition p : partitions) if (p.isDefault()) return p;
        return partitions.isEmpty() ? null : partitions.get(0);
    }

    /** A node's definition for {@link #build}. */
    record NodeDef(String name, int cpus, long memoryMb) {}

    /** A partition's definition for {@link #build}. */
    record PartitionDef(String name, List<String> nodes, boolean isDefault, int priorityTier) {}

    /** Builds the pools from node and partition definitions (shared by the slurm.conf and sinfo readers). */
    static SlurmCluster build(Map<String, NodeDef> nodes, List<PartitionDef> partitionDefs, List<String> warnings) {
        List<String> notes = new ArrayList<>(warnings);
        List<PartitionDef> order = new ArrayList<>();
        for (PartitionDef p : partitionDefs) if (p.isDefault()) order.add(p);
        for (PartitionDef p : partitionDefs) if (!p.isDefault()) order.add(p);
        Map<String, String> poolOfNode = new LinkedHashMap<>();
        List<NodePool> pools = new ArrayList<>();
        List<String> slurmNames = new ArrayList<>();
        for (PartitionDef p : order) {
            // this partition's nodes not yet in a pool, grouped by (cpus, memory)
            Map<String, List<NodeDef>> groups = new LinkedHashMap<>();
            for (String n : p.nodes()) {
                NodeDef def = nodes.get(n);
                if (def == null) {
                    notes.add("partition " + p.name() + " lists node " + n + ", which has no NodeName definition: ignored");
                    continue;
                }
                if (poolOfNode.containsKey(n)) continue;
                groups.computeIfAbsent(def.cpus() + "/" + def.memoryMb(), k -> new ArrayList<>()).add(def);
            }
            int k = 0;
            for (List<NodeDef> g : groups.values()) {
                String poolName = k++ == 0 ? p.name() : p.name() + "_" + k;
                NodeDef first = g.get(0);
                if (first.cpus() < 1) {
                    notes.add("nodes of partition " + p.name() + " report " + first.cpus() + " CPUs: counted as 1");
                }
                pools.add(NodePool.simple(poolName, g.size(), Math.max(1, first.cpus()), Math.max(0, first.memoryMb())));
                for (NodeDef d : g) {
                    poolOfNode.put(d.name(), poolName);
                    slurmNames.add(d.name());
                }
            }
            if (groups.size() > 1) notes.add("partition " + p.name() + " has nodes of " + groups.size() + " kinds: split into " + groups.size() + " pools");
        }
        List<Partition> partitions = new ArrayList<>();
        for (PartitionDef p : partitionDefs) {
            Set<String> poolNames = new LinkedHashSet<>();
            for (String n : p.nodes()) if (poolOfNode.containsKey(n)) poolNames.add(poolOfNode.get(n));
            boolean shares = false;
            for (String n : p.nodes()) if (poolOfNode.containsKey(n) && !poolOfNode.get(n).equals(p.name()) && !poolOfNode.get(n).startsWith(p.name() + "_")) shares = true;
            if (shares) notes.add("partition " + p.name() + " shares nodes with another partition: its jobs use pools " + poolNames);
            partitions.add(new Partition(p.name(), p.isDefault(), p.priorityTier(), p.nodes(), List.copyOf(poolNames)));
        }
        for (String n : nodes.keySet()) {
            if (!poolOfNode.containsKey(n)) notes.add("node " + n + " is in no partition: left out");
        }
        if (pools.isEmpty()) throw new IllegalArgumentException("The Slurm cluster has no node in any partition; nothing to import.");
        return new SlurmCluster(pools, slurmNames, partitions, notes);
    }
}
