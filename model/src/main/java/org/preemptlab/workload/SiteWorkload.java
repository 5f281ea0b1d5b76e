package org.preemptlab.workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.preemptlab.account.AssocKey;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.Partition;
import org.preemptlab.site.Site;

/**
 * A processor workload (the Lublin–Feitelson model, a trace) as the jobs of a Slurm site (a
 * version-2 scenario's cluster), with GPU and memory requests drawn from a {@link ResourceMix}.
 *
 * <p>Per job, in order: the GPU entry and the memory entry are drawn (separate streams split from the
 * seed). A GPU job goes to the first partition (file order) with nodes that have its GPUs (for
 * {@code /node} entries, at least COUNT of the type on one node); any other job to the default
 * partition. Its processors become nodes × CPUs per node on the smallest such node (a job that fits
 * one node stays on one; a wider one takes whole nodes, at most as many as the partition has); a
 * {@code /job} GPU count is spread over enough nodes. Memory: the entry's size (per CPU × CPUs, or
 * per node), at most the smallest such node's memory; a job without an entry gets the site's
 * {@code DefMemPerCPU} × CPUs, or the whole node's memory when the site has none. Time limits above
 * the partition's {@code MaxTime} are cut to it (and run times to the limit). User and account: drawn
 * uniformly from the site's user associations, else {@code user}/{@code default}. The job keeps its
 * id, submit time and name.
 */
public final class SiteWorkload {

    private final NodeCluster cluster;
    private final Site site;
    private final ResourceMix mix;
    private final Map<ResourceMix.Gpu, Target> gpuTargets = new LinkedHashMap<>();
    private final Target cpuTarget;
    private final List<AssocKey> users;

    /** Where a job of one kind goes: a partition and the pools of it that can hold the job's GPUs. */
    private record Target(Partition partition, List<NodePool> pools, int coresPerNode, long memoryMb, int nodes,
                          long gpusPerNode) {}

    /**
     * @throws IllegalArgumentException if the cluster has no site, or no partition has the GPUs of an entry
     */
    public SiteWorkload(NodeCluster cluster, ResourceMix mix) {
        if (cluster.site() == null) {
            throw new IllegalArgumentException("cluster: GPU and memory mixes need a Slurm site (a version-2 scenario's cluster)");
        }
        this.cluster = cluster;
        this.site = cluster.site();
        this.mix = mix;
        this.cpuTarget = target(site.defaultPartition(), null);
        for (ResourceMix.Gpu g : mix.gpus()) {
            Target t = null;
            for (Partition p : site.partitions()) {
                t = target(p, g);
                if (t != null) break;
            }
            if (t == null) {
                throw new IllegalArgumentException("GPU entry \"" + g + "\": no partition has nodes with "
                        + (g.perJob() ? "a GPU" : g.count() + " GPUs") + (g.type().isEmpty() ? "" : " of type " + g.type()));
            }
            gpuTargets.put(g, t);
        }
        this.users = site.accounts().userAssociations();
    }

    private Target target(Partition p, ResourceMix.Gpu gpu) {
        List<NodePool> pools = new ArrayList<>();
        long gpusPerNode = Long.MAX_VALUE;
        for (String name : p.groups()) {
            NodePool pool = cluster.pools().get(cluster.poolIndex(name));
            if (gpu != null) {
                long have = pool.gresCount(new Gres("gpu", gpu.type(), 1));
                if (have < (gpu.perJob() ? 1 : gpu.count())) continue;
                gpusPerNode = Math.min(gpusPerNode, have);
            }
            pools.add(pool);
        }
        if (pools.isEmpty()) {
            if (gpu == null) throw new IllegalArgumentException("partition " + p.name() + " has no nodes");
            return null;
        }
        int cores = pools.stream().mapToInt(NodePool::coresPerNode).min().orElseThrow();
        long memory = pools.stream().mapToLong(NodePool::memoryPerNodeMb).min().orElseThrow();
        int nodes = pools.stream().mapToInt(NodePool::nodes).max().orElseThrow();
        return new Target(p, pools, cores, memory, nodes, gpusPerNode);
    }

    /** The jobs as Slurm jobs of the site, with requests drawn with this seed. */
    public List<JobSpec> place(List<JobSpec> jobs, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom gpuStream = root.split();
        SplittableRandom memoryStream = root.split();
        SplittableRandom userStream = root.split();
        List<JobSpec> out = new ArrayList<>(jobs.size());
        for (JobSpec j : jobs) {
            ResourceMix.Gpu gpu = mix.drawGpu(gpuStream);
            ResourceMix.Memory memory = mix.drawMemory(memoryStream);
            AssocKey who = users.isEmpty() ? null : users.get(userStream.nextInt(users.size()));
            out.add(place(j, gpu, memory, who));
        }
        return out;
    }

    private JobSpec place(JobSpec j, ResourceMix.Gpu gpu, ResourceMix.Memory memory, AssocKey who) {
        Target t = gpu == null ? cpuTarget : gpuTargets.get(gpu);
        int procs = Math.max(1, j.procs());
        int cpn = Math.min(procs, t.coresPerNode);
        int nodes = (procs + t.coresPerNode - 1) / t.coresPerNode;
        if (gpu != null && gpu.perJob()) nodes = (int) Math.max(nodes, (gpu.count() + t.gpusPerNode - 1) / t.gpusPerNode);
        nodes = Math.min(nodes, t.nodes);
        if (nodes > 1) cpn = t.coresPerNode;
        boolean wholeMemory = false;
        long memPerNode;
        if (memory != null) memPerNode = Math.min(memory.perNodeMb(cpn), t.memoryMb);
        else if (site.defMemPerCpuMb() > 0) memPerNode = Math.min(site.defMemPerCpuMb() * cpn, t.memoryMb);
        else {
            memPerNode = 0;
            wholeMemory = true;
        }
        long estimate = j.estimate();
        if (t.partition.maxTimeSeconds() > 0) estimate = Math.min(estimate, t.partition.maxTimeSeconds());
        long runtime = Math.min(j.runtime(), estimate);
        String account = who == null ? "default" : who.account();
        SlurmRequest.Builder r = SlurmRequest.of(who == null ? "user" : who.user(), account).toBuilder().wholeNodeMemory(wholeMemory);
        r.maxNodes(nodes);
        if (t != cpuTarget) r.partitions(List.of(t.partition.name()));
        if (gpu != null) {
            if (gpu.perJob()) r.gpusPerJob(gpu.count()).gpuType(gpu.type());
            else r.gresPerNode(List.of(new Gres("gpu", gpu.type(), gpu.count())));
        }
        JobSpec.Builder b = j.toBuilder().name(j.name()).nodes(nodes).coresPerNode(cpn).memoryPerNodeMb(memPerNode)
                .estimate(estimate).runtime(runtime).swf(null).slurm(r.build()).group(account).qos(qosOf(who));
        return b.build();
    }

    /** As the scenario reader: the association's default QOS, else {@code normal} if the site has it, else its first QOS. */
    private String qosOf(AssocKey who) {
        String q = who == null ? null : site.accounts().defaultQos(who);
        if (q != null && !q.isEmpty() && site.qos().contains(q)) return q;
        return site.qos().contains(JobSpec.DEFAULT_QOS) ? JobSpec.DEFAULT_QOS : site.qos().names().iterator().next();
    }

    /** True if every job could run on the empty cluster in one of its partitions (a check for tests and callers). */
    public static boolean allCouldRun(NodeCluster cluster, List<JobSpec> jobs) {
        TresCapacity empty = new TresCapacity(cluster);
        for (JobSpec j : jobs) {
            boolean any = false;
            for (int pi : empty.partitionsOf(j)) any |= empty.couldEverRun(pi, j);
            if (!any) return false;
        }
        return true;
    }
}
