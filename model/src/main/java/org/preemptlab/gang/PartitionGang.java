package org.preemptlab.gang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.partition.Partition;
import org.preemptlab.site.Site;

/**
 * Gang scheduling on a Slurm (version-2) cluster: which node groups share their cores, from the
 * partitions' {@code OverSubscribe=FORCE:N} / {@code YES:N}. A node group shares its cores N-fold
 * when every partition that holds it shares (N: the smallest of their counts); a group that is also
 * in a partition with {@code NO} or {@code EXCLUSIVE} does not share (it runs as NO). Simplification
 * (docs/slurm-model.md, "Gang scheduling"): Slurm keeps the rows of each partition apart (a job of a
 * FORCE partition shares cores only with jobs of the same partition, and no job of a NO partition is
 * given cores a FORCE job holds); here the sharing is per node group, so jobs of two sharing
 * partitions over the same group may share cores with each other. {@link #notModelled} names those cases.
 */
public final class PartitionGang {

    private PartitionGang() {
    }

    /**
     * The gang settings a run uses: on a version-1 cluster {@code given} as it is; on a Slurm
     * cluster {@code given} (its time slice, {@code SchedulerTimeSlice}) with the node groups of the
     * sharing partitions added.
     */
    public static GangSettings effective(Cluster cluster, GangSettings given) {
        if (!(cluster instanceof NodeCluster nc) || nc.site() == null) return given;
        Map<String, OverSubscribe> pools = new LinkedHashMap<>(given.pools());
        for (NodePool g : nc.pools()) {
            int n = jobsOf(nc.site(), g.name());
            if (n > 1) pools.put(g.name(), OverSubscribe.force(n));
        }
        return new GangSettings(pools, given.timeSliceSeconds());
    }

    /**
     * How many jobs may share each core of the node group: the smallest share count of the
     * partitions holding it; 1 when one of them does not share, or none holds it.
     */
    public static int jobsOf(Site site, String group) {
        int n = Integer.MAX_VALUE;
        for (Partition p : site.partitions()) if (p.groups().contains(group)) n = Math.min(n, p.shareJobs());
        return n == Integer.MAX_VALUE ? 1 : n;
    }

    /** What the run warns about: sharing partitions whose node groups are not shared as Slurm would share them. */
    public static List<String> notModelled(Site site) {
        List<String> out = new ArrayList<>();
        for (Partition p : site.partitions()) {
            if (p.shareJobs() <= 1) continue;
            for (String group : p.groups()) {
                List<String> others = new ArrayList<>();
                boolean mixed = false;
                int n = p.shareJobs();
                for (Partition q : site.partitions()) {
                    if (q == p || !q.groups().contains(group)) continue;
                    others.add(q.name() + " (OverSubscribe=" + q.overSubscribeText() + ")");
                    if (q.shareJobs() <= 1) mixed = true;
                    n = Math.min(n, q.shareJobs());
                }
                if (mixed) {
                    out.add("partition " + p.name() + " OverSubscribe=" + p.overSubscribeText() + ": node group " + group
                            + " is also in " + String.join(", ", others) + ", so it runs as NO there (no time-slicing); Slurm"
                            + " would let the jobs of " + p.name() + " share cores among themselves only");
                } else if (!others.isEmpty()) {
                    out.add("partition " + p.name() + " OverSubscribe=" + p.overSubscribeText() + ": node group " + group
                            + " is also in " + String.join(", ", others) + "; it shares its cores " + n + "-fold among the jobs"
                            + " of all of them (Slurm gang-schedules each partition apart)");
                }
            }
        }
        return out;
    }
}
