package org.preemptlab.preempt;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
    private final JobRanks ranks;
    private final List<NodePool> pools; // null on a processor machine
    // the classes met in this pass (few: tiers × pool masks), with their candidates; found by a linear scan
    private long[] keys = new long[4];
    private List<JobView>[] ordered = newLists(4);
    private List<JobView>[] exempt = newLists(4);
    private int classes;
    // what the running and suspended jobs are, as far as any preemptor could care, each made on first use: the
    // lowest tier among them (known once the rules' lowest is met), and the pools that hold one of them that does
    // not own the pool (known once every owned pool is met)
    private boolean tierKnown;
    private int lowestTier;
    private boolean borrowedKnown;
    private long borrowedPools;
    /** The waiting jobs that may start on an own pool or preempt someone, in queue order (made on first use). */
    private List<JobView> contenders;

    PreemptorClasses(Snapshot s, PreemptionRules rules, VictimPlanner planner, JobRanks ranks) {
        this.s = s;
        this.rules = rules;
        this.planner = planner;
        this.ranks = ranks;
        ranks.use(s.cluster());
        this.pools = ranks.pools();
    }

    @SuppressWarnings("unchecked")
    private static List<JobView>[] newLists(int n) {
        return (List<JobView>[]) new List<?>[n];
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

    /**
     * The waiting jobs this pass has anything to do for, in queue order: with owner preemption, every job
     * that owns a pool it may use (it may start there ahead of the others); and every job that may preempt
     * some running or suspended job, now or once PreemptExemptTime is over ({@link #mayPreemptAnyone}).
     * One walk of the queue per pass, stopped where the rest of the queue can be neither: the queue is in
     * tier order ({@link Snapshot#queue()}, the tiers being {@link JobRanks#tierOf(JobSpec)}'s), a job
     * preempts by tier only jobs of a lower tier, and below the lowest tier of an owner group's jobs no
     * job owns a pool.
     */
    List<JobView> contenders() {
        if (contenders != null) return contenders;
        if (rules.slurm() != null || !ranks.classified()) {
            contenders = new ArrayList<>(s.queue()); // asked job by job: every waiting job
            return contenders;
        }
        boolean owners = rules.ownerPreemption() && pools != null;
        boolean byTier = rules.qosPreemption();
        contenders = new ArrayList<>();
        if (!owners && !byTier) return contenders; // owner preemption without pools: nobody preempts anybody
        int ownersFrom = owners ? ranks.lowestOwnerTier() : Integer.MAX_VALUE; // below it, nobody owns a pool
        for (JobView w : s.queue()) {
            int tier = w.tier();
            if (tier < ownersFrom && (!byTier || tier <= lowestTier())) break; // so is every later job: its tier is ≤
            if (owners && ranks.ownsUsable(w) != 0 || byTier && ranks.tier(w) > lowestTier()) contenders.add(w);
        }
        return contenders;
    }

    /**
     * False if {@code waiting} may preempt nobody now nor once PreemptExemptTime is over, told from the
     * summary of the running and suspended jobs: a job of a class preempts a job of a lower tier, or a
     * borrower on a pool it owns ({@link #mayPreempt}). True may still find nobody.
     */
    boolean mayPreemptAnyone(JobView waiting) {
        if (rules.slurm() != null || !ranks.classified()) return true;
        if (rules.ownerPreemption() && pools != null) {
            long mine = ranks.ownsUsable(waiting);
            if (mine != 0 && (mine & borrowedPools()) != 0) return true;
        }
        return rules.qosPreemption() && ranks.tier(waiting) > lowestTier();
    }

    /**
     * The lowest tier among the running (state running) and suspended jobs, or a tier at or below it: the walk
     * stops at a job of the rules' lowest tier ({@link Integer#MAX_VALUE} if there is no such job).
     */
    private int lowestTier() {
        if (tierKnown) return lowestTier;
        tierKnown = true;
        int floor = ranks.lowestTier();
        int low = Integer.MAX_VALUE;
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING) continue;
            low = Math.min(low, ranks.tier(r));
            if (low <= floor) break;
        }
        if (low > floor) for (JobView r : s.suspended()) low = Math.min(low, ranks.tier(r));
        return lowestTier = low;
    }

    /**
     * Bit p: pool p holds a running (state running) or suspended job that does not own it; the walk stops once
     * every pool with an owner has its bit (only those bits are asked for).
     */
    private long borrowedPools() {
        if (borrowedKnown) return borrowedPools;
        borrowedKnown = true;
        long owned = 0;
        for (int p = 0; p < pools.size(); p++) if (!pools.get(p).isPublic()) owned |= 1L << p;
        long lent = 0;
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING) continue;
            lent |= borrowed(r);
            if ((lent & owned) == owned) return borrowedPools = lent;
        }
        for (JobView r : s.suspended()) lent |= borrowed(r);
        return borrowedPools = lent;
    }

    /** The bit of the victim's pool if the victim does not own it, else 0. */
    private long borrowed(JobView victim) {
        if (victim.placement() == null || victim.placement().pool() < 0) return 0;
        int p = victim.placement().pool();
        return (ranks.owns(victim) >>> p & 1) == 0 ? 1L << p : 0;
    }

    /** The running and suspended jobs {@code waiting} may preempt now, not in {@code taken}, in victim order. */
    List<JobView> orderedCandidates(JobView waiting, Set<Integer> taken) {
        int c = classOf(waiting);
        List<JobView> all = c < 0 ? null : ordered[c];
        if (all == null) {
            all = planner.order(mayBePreempted(waiting), s.now());
            if (c >= 0) ordered[c] = all;
        }
        return without(all, taken);
    }

    /** The running jobs {@code waiting} could preempt but for PreemptExemptTime, not in {@code taken}. */
    List<JobView> exemptCandidates(JobView waiting, Set<Integer> taken) {
        int c = classOf(waiting);
        List<JobView> all = c < 0 ? null : exempt[c];
        if (all == null) {
            all = new ArrayList<>();
            for (JobView r : s.running()) {
                if (r.state() != JobState.RUNNING) continue;
                if (r.segmentStart() + rules.exemptSeconds(r.spec()) <= s.now()) continue;
                if (mayPreempt(waiting, c >= 0, r)) all.add(r);
            }
            if (c >= 0) exempt[c] = all;
        }
        return without(all, taken);
    }

    private List<JobView> mayBePreempted(JobView waiting) {
        boolean classed = classOf(waiting) >= 0;
        List<JobView> out = new ArrayList<>();
        for (JobView r : s.running()) {
            if (r.state() != JobState.RUNNING) continue;
            if (s.now() - r.segmentStart() < rules.exemptSeconds(r.spec())) continue;
            if (mayPreempt(waiting, classed, r)) out.add(r);
        }
        for (JobView r : s.suspended()) {
            if (mayPreempt(waiting, classed, r)) out.add(r);
        }
        return out;
    }

    /**
     * {@link PreemptionRules#mayPreempt(JobSpec, JobView, NodePool)}; for a job of a class (no Slurm
     * site's rule, at most {@value JobRanks#MAX_POOLS} pools) from the tiers and pool masks resolved
     * once per job, the same rule: on a pool, owning it ranks first, then the QOS tier.
     */
    private boolean mayPreempt(JobView waiting, boolean classed, JobView victim) {
        NodePool pool = poolOf(victim);
        if (!classed) return rules.mayPreempt(waiting.spec(), victim, pool);
        if (rules.ownerPreemption() && pool != null) {
            int p = victim.placement().pool();
            boolean preemptorOwns = (ranks.ownsUsable(waiting) >>> p & 1) != 0;
            boolean victimOwns = (ranks.owns(victim) >>> p & 1) != 0;
            if (preemptorOwns != victimOwns) return preemptorOwns; // the owner rule ranks first
        }
        return rules.qosPreemption() && ranks.tier(waiting) > ranks.tier(victim);
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
     * The slot of the job's class in this pass, or -1 if it has none (asked job by job). What
     * {@link PreemptionRules#mayPreempt} reads of a preemptor: its tier (high half) and, with owner
     * preemption on pools, which of the first 32 pools it owns and may use (low half); more pools, or a
     * Slurm site's rule (which reads the job's QOS name or partitions): no class.
     */
    private int classOf(JobView job) {
        if (rules.slurm() != null || !ranks.classified()) return -1;
        long key = (long) ranks.tier(job) << 32;
        if (rules.ownerPreemption() && pools != null) key |= ranks.ownsUsable(job);
        for (int c = 0; c < classes; c++) if (keys[c] == key) return c;
        if (classes == keys.length) {
            keys = java.util.Arrays.copyOf(keys, classes * 2);
            ordered = java.util.Arrays.copyOf(ordered, classes * 2);
            exempt = java.util.Arrays.copyOf(exempt, classes * 2);
        }
        keys[classes] = key;
        return classes++;
    }

    private NodePool poolOf(JobView job) {
        if (pools == null || job.placement() == null || job.placement().pool() < 0) return null;
        return pools.get(job.placement().pool());
    }
}
