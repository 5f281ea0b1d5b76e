package org.preemptlab.preempt;

import java.util.Arrays;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;

/**
 * What {@link PreemptionRules#mayPreempt} reads of a job, resolved once per job rather than per
 * class and pass (issue 16: a running job's tier was looked up in the map of QOS names for every
 * preemptor class in every pass): its QOS tier as an int and, on a cluster of at most
 * {@value #MAX_POOLS} pools, which pools it owns and which of those it may use, as bit masks.
 *
 * <p>All of it is a function of the job's specification (which does not change) and of the cluster's
 * pools, so nothing of the engine's state is kept: an entry is made again when the job at that index
 * has another specification or the snapshot another cluster.
 */
final class JobRanks {

    /** Pools beyond this many: no masks ({@link #classified()} is false; ask the rules job by job). */
    static final int MAX_POOLS = 32;

    private final PreemptionRules rules;
    private Cluster cluster;
    private List<NodePool> pools; // null on a processor machine
    private JobSpec[] specs = new JobSpec[0];
    private int[] tiers = new int[0];
    private long[] owns = new long[0];
    private long[] ownsUsable = new long[0];

    /** Group → the lowest tier of the jobs of that group the engine has queued ({@link #tierOf(JobSpec)}); no empty group. */
    private final java.util.Map<String, Integer> groupTiers = new java.util.HashMap<>();
    private String lastGroup = "";
    private int lastGroupTier;
    /** {@link #lowestOwnerTier()} for {@link #cluster}, or {@code null} when to be worked out again. */
    private Integer ownerTier;
    /** The lowest tier the rules give any QOS (0 for a QOS they do not name). */
    private final int lowestTier;

    JobRanks(PreemptionRules rules) {
        this.rules = rules;
        int low = 0;
        for (int t : rules.tiers().values()) low = Math.min(low, t);
        this.lowestTier = low;
    }

    /**
     * {@code rules.tierOf(job.qos())}, the job's queue tier, for the engine, which asks it of every job before it
     * queues it ({@link org.preemptlab.sched.SchedulingPolicy#tierOf}); noted per group, so that the jobs
     * of a pool's owners are known to have at least {@link #lowestOwnerTier()} (a function of the jobs' specifications).
     */
    int tierOf(JobSpec job) {
        int tier = rules.tierOf(job.qos());
        String group = job.group();
        if (group.isEmpty() || group.equals(lastGroup) && tier >= lastGroupTier) return tier;
        Integer known = groupTiers.get(group);
        if (known == null || tier < known) {
            groupTiers.put(group, tier);
            ownerTier = null;
            known = tier;
        }
        lastGroup = group;
        lastGroupTier = known;
        return tier;
    }

    /** The lowest tier any QOS has under the rules: no job is below it. */
    int lowestTier() {
        return lowestTier;
    }

    /**
     * The lowest tier among the jobs of the groups that own a pool of the cluster ({@link #use}) that were
     * passed to {@link #tierOf(JobSpec)}; {@link Integer#MAX_VALUE} if none (or on a processor machine). A job of
     * a lower tier owns no pool.
     */
    int lowestOwnerTier() {
        if (ownerTier == null) {
            int low = Integer.MAX_VALUE;
            if (pools != null) {
                for (NodePool pool : pools) {
                    if (pool.isPublic()) continue;
                    Integer t = groupTiers.get(pool.owner());
                    if (t != null) low = Math.min(low, t);
                }
            }
            ownerTier = low;
        }
        return ownerTier;
    }

    /** Makes the entries answer for this cluster (forgets them all if it is another one). */
    void use(Cluster c) {
        if (c == cluster) return;
        cluster = c;
        pools = c instanceof NodeCluster nc ? nc.pools() : null;
        Arrays.fill(specs, null);
        ownerTier = null;
    }

    /** The cluster's pools, or null on a processor machine. */
    List<NodePool> pools() {
        return pools;
    }

    /** True if the masks are kept: a processor machine, or at most {@value #MAX_POOLS} pools. */
    boolean classified() {
        return pools == null || pools.size() <= MAX_POOLS;
    }

    /** {@code rules.tierOf(job.qos())}. */
    int tier(JobView job) {
        int i = entry(job); // first: it may grow the arrays (an array access reads the array before its index)
        return tiers[i];
    }

    /** Bit p: pool p is owned by the job's group ({@link NodePool#isOwnedBy}); only when {@link #classified()}. */
    long owns(JobView job) {
        int i = entry(job); // first: it may grow the arrays (an array access reads the array before its index)
        return owns[i];
    }

    /** Bit p: pool p is owned by the job's group and admits it; only when {@link #classified()}. */
    long ownsUsable(JobView job) {
        int i = entry(job); // first: it may grow the arrays (an array access reads the array before its index)
        return ownsUsable[i];
    }

    private int entry(JobView job) {
        int i = job.index();
        JobSpec spec = job.spec();
        if (i >= specs.length) {
            int n = Math.max(i + 1, specs.length * 2);
            specs = Arrays.copyOf(specs, n);
            tiers = Arrays.copyOf(tiers, n);
            owns = Arrays.copyOf(owns, n);
            ownsUsable = Arrays.copyOf(ownsUsable, n);
        }
        if (specs[i] != spec) {
            tiers[i] = rules.tierOf(spec.qos());
            long mine = 0;
            long usable = 0;
            if (pools != null && pools.size() <= MAX_POOLS) {
                for (int p = 0; p < pools.size(); p++) {
                    NodePool pool = pools.get(p);
                    if (!pool.isOwnedBy(spec)) continue;
                    mine |= 1L << p;
                    if (pool.admits(spec)) usable |= 1L << p;
                }
            }
            owns[i] = mine;
            ownsUsable[i] = usable;
            specs[i] = spec;
        }
        return i;
    }
}
