package org.preemptlab.preempt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.Snapshot;

/**
 * One pass's answer to "whom may this waiting job preempt?", shared by every waiting job of the same
 * class (issue 16: the pass asked it of every running job for every waiting job that did not fit,
 * queue × running rule checks per pass).
 *
 * <p>{@link PreemptionRules#mayPreempt} depends on the preemptor only through its QOS tier and, with
 * owner preemption, the pools it owns and may use: that pair is the class. Within a pass the
 * snapshot does not change, so each class's candidates — in victim order — are found once; the
 * victims taken so far in the pass are filtered out on each use, which keeps the order (the victim
 * order is a total order). Same candidates in the same order as asking job by job.
 */
final class PreemptorClasses {

    private final Snapshot s;
    private final PreemptionRules rules;
    private final VictimPlanner planner;
    private final List<NodePool> pools; // null on a processor machine
    private final Map<Long, List<JobView>> ordered = new HashMap<>();
    private final Map<Long, List<JobView>> exempt = new HashMap<>();

    PreemptorClasses(Snapshot s, PreemptionRules rules, VictimPlanner planner) {
        this.s = s;
        this.rules = rules;
        this.planner = planner;
        this.pools = s.cluster() instanceof NodeCluster nc ? nc.pools() : null;
    }

    /**
     * True if {@code waiting} may preempt no running or suspended job, not even once PreemptExemptTime is
     * over: the pass has nothing to do for it (most waiting jobs of the lowest tier, or borrowers).
     */
    boolean preemptsNobody(JobView waiting) {
        Set<Integer> none = Set.of();
        return orderedCandidates(waiting, none).isEmpty()
                && (!rules.anyExempt() || exemptCandidates(waiting, none).isEmpty());
    }

    /** The running and suspended jobs {@code waiting} may preempt now, not in {@code taken}, in victim order. */
    List<JobView> orderedCandidates(JobView waiting, Set<Integer> taken) {
        Long key = classOf(waiting.spec());
        List<JobView> all = key == null ? null : ordered.get(key);
        if (all == null) {
            all = planner.order(mayBePreempted(waiting.spec()), s.now());
            if (key != null) ordered.put(key, all);
        }
        return without(all, taken);
    }

    /** The running jobs {@code waiting} could preempt but for PreemptExemptTime, not in {@code taken}. */
    List<JobView> exemptCandidates(JobView waiting, Set<Integer> taken) {
        Long key = classOf(waiting.spec());
        List<JobView> all = key == null ? null : exempt.get(key);
        if (all == null) {
            all = new ArrayList<>();
            for (JobView r : s.running()) {
                if (r.state() != JobState.RUNNING) continue;
                if (r.segmentStart() + rules.exemptSeconds(r.spec()) <= s.now()) continue;
                if (rules.mayPreempt(waiting.spec(), r, poolOf(r))) all.add(r);
            }
            if (key != null) exempt.put(key, all);
        }
        return without(all, taken);
    }

    private List<JobView> mayBePreempted(JobSpec waiting) {
        List<JobView> out = new ArrayList<>();
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING) continue;
            if (s.now() - r.segmentStart() < rules.exemptSeconds(r.spec())) continue;
            if (rules.mayPreempt(waiting, r, poolOf(r))) out.add(r);
        }
        for (JobView r : s.suspended()) {
            if (rules.mayPreempt(waiting, r, poolOf(r))) out.add(r);
        }
        return out;
    }

    private static List<JobView> without(List<JobView> all, Set<Integer> taken) {
        if (taken.isEmpty() || all.isEmpty()) return all;
        List<JobView> out = null;
        for (int i = 0; i < all.size(); i++) {
            JobView j = all.get(i);
            if (taken.contains(j.index())) {
                if (out == null) out = new ArrayList<>(all.subList(0, i));
            } else if (out != null) {
                out.add(j);
            }
        }
        return out == null ? all : out;
    }

    /**
     * What {@link PreemptionRules#mayPreempt} reads of a preemptor: its tier (high half) and, with owner
     * preemption on pools, which of the first 32 pools it owns and may use (low half); more pools: null (no class, asked job by job).
     */
    private Long classOf(JobSpec job) {
        if (rules.slurm() != null) return null; // a Slurm site's rule reads the job's QOS name or partitions: job by job
        long tier = rules.tierOf(job.qos());
        if (!rules.ownerPreemption() || pools == null) return tier << 32;
        if (pools.size() > 32) return null;
        long mask = 0;
        for (int p = 0; p < pools.size(); p++) {
            NodePool pool = pools.get(p);
            if (pool.isOwnedBy(job) && pool.admits(job)) mask |= 1L << p;
        }
        return (tier << 32) | mask;
    }

    private NodePool poolOf(JobView job) {
        if (pools == null || job.placement() == null || job.placement().pool() < 0) return null;
        return pools.get(job.placement().pool());
    }
}
