package org.preemptlab.job;

import java.util.List;
import org.preemptlab.gres.Gres;

/**
 * What a job of a version-2 scenario asks of a Slurm cluster beyond {@link JobSpec}'s counts, as
 * {@code sbatch} options. {@link JobSpec#nodes()} is its minimum node count, {@link JobSpec#coresPerNode()}
 * the CPUs it uses on each node, {@link JobSpec#memoryPerNodeMb()} its memory per node (0 with
 * {@link #wholeNodeMemory}), {@link JobSpec#estimate()} its time limit and {@link JobSpec#qos()}
 * its QOS (resolved from the association's default when the file gives none). Immutable; change
 * it with {@link #toBuilder()}.
 *
 * @param user            the user ({@code --uid}); never empty
 * @param account         the account ({@code --account}); the user's default association when the file gives none
 * @param partitions      {@code --partition} list, in order of preference; empty: the default partition
 * @param maxNodes        the most nodes it accepts ({@code -N min-max}); the model gives it its minimum
 * @param gresPerNode     {@code --gres} per node
 * @param gpusPerJob      {@code --gpus} (over all its nodes, spread evenly, rounded up per node); 0 none
 * @param gpuType         the type of {@code --gpus=type:n}, or {@code ""}
 * @param constraint      {@code --constraint}
 * @param exclusive       {@code --exclusive}: whole nodes
 * @param wholeNodeMemory it gave no memory and the site has no {@code DefMemPerCPU}: it takes each node's
 *                        whole memory (Slurm's {@code DefMemPerNode=UNLIMITED})
 * @param nice            {@code --nice}
 * @param beginTime       {@code --begin}, s; -1 none
 * @param arrayName       the array it is a task of ({@code name} of the file's job), or {@code ""}
 * @param arrayTask       its task index, or -1
 * @param arrayThrottle   the {@code %N} of its array: at most N tasks run at once; 0 none
 * @param dependencies    {@code --dependency} terms (all must hold)
 */
public record SlurmRequest(String user, String account, List<String> partitions, int maxNodes, List<Gres> gresPerNode,
                           long gpusPerJob, String gpuType, Constraint constraint, boolean exclusive,
                           boolean wholeNodeMemory, long nice, long beginTime, String arrayName, int arrayTask,
                           int arrayThrottle, List<Dependency> dependencies) {

    public SlurmRequest {
        user = user == null ? "" : user;
        account = account == null ? "" : account;
        partitions = partitions == null ? List.of() : List.copyOf(partitions);
        gresPerNode = gresPerNode == null ? List.of() : List.copyOf(gresPerNode);
        gpuType = gpuType == null ? "" : gpuType;
        constraint = constraint == null ? Constraint.NONE : constraint;
        arrayName = arrayName == null ? "" : arrayName;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    }

    /** A plain request of {@code user} in {@code account}: default partition, no GRES, no constraint. */
    public static SlurmRequest of(String user, String account) {
        return new SlurmRequest(user, account, List.of(), 0, List.of(), 0, "", Constraint.NONE, false, false, 0, -1, "",
                -1, 0, List.of());
    }

    public boolean inArray() {
        return !arrayName.isEmpty();
    }

    /** GRES wanted on each of {@code nodes} nodes: {@code --gres} plus this node's share of {@code --gpus}. */
    public List<Gres> gresOnEachNode(int nodes) {
        if (gpusPerJob <= 0) return gresPerNode;
        long perNode = (gpusPerJob + nodes - 1) / nodes;
        List<Gres> out = new java.util.ArrayList<>(gresPerNode.size() + 1);
        boolean merged = false;
        for (Gres g : gresPerNode) {
            if (g.name().equals("gpu") && g.type().equals(gpuType)) {
                out.add(new Gres("gpu", gpuType, Math.max(g.count(), perNode)));
                merged = true;
            } else {
                out.add(g);
            }
        }
        if (!merged) out.add(new Gres("gpu", gpuType, perNode));
        return out;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some values changed. */
    public static final class Builder {
        private String user;
        private String account;
        private List<String> partitions;
        private int maxNodes;
        private List<Gres> gresPerNode;
        private long gpusPerJob;
        private String gpuType;
        private Constraint constraint;
        private boolean exclusive;
        private boolean wholeNodeMemory;
        private long nice;
        private long beginTime;
        private String arrayName;
        private int arrayTask;
        private int arrayThrottle;
        private List<Dependency> dependencies;

        private Builder(SlurmRequest r) {
            user = r.user;
            account = r.account;
            partitions = r.partitions;
            maxNodes = r.maxNodes;
            gresPerNode = r.gresPerNode;
            gpusPerJob = r.gpusPerJob;
            gpuType = r.gpuType;
            constraint = r.constraint;
            exclusive = r.exclusive;
            wholeNodeMemory = r.wholeNodeMemory;
            nice = r.nice;
            beginTime = r.beginTime;
            arrayName = r.arrayName;
            arrayTask = r.arrayTask;
            arrayThrottle = r.arrayThrottle;
            dependencies = r.dependencies;
        }

        public Builder user(String v) { user = v; return this; }
        public Builder account(String v) { account = v; return this; }
        public Builder partitions(List<String> v) { partitions = v; return this; }
        public Builder maxNodes(int v) { maxNodes = v; return this; }
        public Builder gresPerNode(List<Gres> v) { gresPerNode = v; return this; }
        public Builder gpusPerJob(long v) { gpusPerJob = v; return this; }
        public Builder gpuType(String v) { gpuType = v; return this; }
        public Builder constraint(Constraint v) { constraint = v; return this; }
        public Builder exclusive(boolean v) { exclusive = v; return this; }
        public Builder wholeNodeMemory(boolean v) { wholeNodeMemory = v; return this; }
        public Builder nice(long v) { nice = v; return this; }
        public Builder beginTime(long v) { beginTime = v; return this; }
        public Builder arrayName(String v) { arrayName = v; return this; }
        public Builder arrayTask(int v) { arrayTask = v; return this; }
        public Builder arrayThrottle(int v) { arrayThrottle = v; return this; }
        public Builder dependencies(List<Dependency> v) { dependencies = v; return this; }

        public SlurmRequest build() {
            return new SlurmRequest(user, account, partitions, maxNodes, gresPerNode, gpusPerJob, gpuType, constraint,
                    exclusive, wholeNodeMemory, nice, beginTime, arrayName, arrayTask, arrayThrottle, dependencies);
        }
    }
}
