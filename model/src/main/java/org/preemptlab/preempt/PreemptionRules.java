package org.preemptlab.preempt;

import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.mechanism.PreemptMechanism;

import java.util.List;
import java.util.Map;

/**
 * Who may preempt whom (as Slurm's PreemptType), separate from how (the mechanisms).
 *
 * <p>Who-may-preempt-whom is a strict order on each pool, so that no preemption can be undone by
 * another ({@link #mayPreempt}). Slurm has one PreemptType (preempt/partition_prio or preempt/qos),
 * never both, and refuses a QOS Preempt list that closes a loop ("QOS Preemption loop detected");
 * under preempt/qos a suspending preemptor must be in a partition of higher or equal PriorityTier:
 * the partition ranks first. Here, with both rules on, a job's rank on a pool is (owns the pool,
 * QOS tier) compared in that order: an owner's job reclaims its pool from any borrower whatever
 * the borrower's tier, a borrower never preempts the owner's jobs on the owner's pool, and between
 * two owners' jobs or two non-owners' jobs the higher tier preempts the lower. A scenario file whose
 * tiers contradict the owner rule (a borrower's QOS above an owner's QOS on the owner's pool) is
 * refused when it is read, as Slurm refuses the loop ({@code ScenarioRules#preemption}).
 *
 * @param ownerPreemption  a job of a pool's owner group may preempt borrowers running on that pool
 * @param qosPreemption    a job may preempt jobs of a strictly lower QOS tier
 * @param tiers            QOS → priority tier (higher first in the queue; default 0); e.g. owner 2, normal 1, scavenger 0
 * @param victimOrder      in which order victims are taken
 * @param exemptSeconds    PreemptExemptTime: a job that has run less than this may not be preempted
 * @param chains           QOS of the victim → escalation chain, e.g. [suspend, checkpoint, requeue, kill]
 * @param defaultChain     chain for QOS classes not listed
 * @param slurm            a version-2 site's {@code PreemptType} ({@link SlurmPreemption}); when set it alone decides
 *                         who may preempt whom and how (Slurm has one PreemptType); null: the rules above
 */
public record PreemptionRules(
        boolean ownerPreemption,
        boolean qosPreemption,
        Map<String, Integer> tiers,
        VictimOrder victimOrder,
        long exemptSeconds,
        Map<String, List<PreemptMechanism>> chains,
        List<PreemptMechanism> defaultChain,
        SlurmPreemption slurm) {

    /** Owner / QOS-tier rules without a Slurm site's PreemptType. */
    public PreemptionRules(boolean ownerPreemption, boolean qosPreemption, Map<String, Integer> tiers,
            VictimOrder victimOrder, long exemptSeconds, Map<String, List<PreemptMechanism>> chains,
            List<PreemptMechanism> defaultChain) {
        this(ownerPreemption, qosPreemption, tiers, victimOrder, exemptSeconds, chains, defaultChain, null);
    }

    public PreemptionRules {
        tiers = tiers == null ? Map.of() : Map.copyOf(tiers);
        chains = chains == null ? Map.of() : Map.copyOf(chains);
        defaultChain = defaultChain == null || defaultChain.isEmpty() ? List.of(PreemptMechanism.REQUEUE, PreemptMechanism.KILL)
                : List.copyOf(defaultChain);
        victimOrder = victimOrder == null ? VictimOrder.YOUNGEST_FIRST : victimOrder;
        if (exemptSeconds < 0) throw new IllegalArgumentException("exemptSeconds is " + exemptSeconds + "; must be ≥ 0");
    }

    /** No preemption at all (the null object). */
    public static final PreemptionRules NONE = new PreemptionRules(false, false, Map.of(), VictimOrder.YOUNGEST_FIRST, 0,
            Map.of(), List.of());

    public boolean enabled() {
        return ownerPreemption || qosPreemption || slurm != null;
    }

    /** These rules with a Slurm site's PreemptType deciding instead (null: without). */
    public PreemptionRules withSlurm(SlurmPreemption s) {
        return new PreemptionRules(ownerPreemption, qosPreemption, tiers, victimOrder, exemptSeconds, chains, defaultChain, s);
    }

    /** As {@link #mayPreempt(JobSpec, JobSpec, NodePool)} for a running or suspended job as the snapshot shows it. */
    public boolean mayPreempt(JobSpec preemptor, JobView victim, NodePool pool) {
        if (slurm != null) return slurm.mayPreempt(preemptor, victim, pool);
        return mayPreempt(preemptor, victim.spec(), pool);
    }

    /** PreemptExemptTime for this victim: its QOS's with a Slurm site (unset: {@link #exemptSeconds()}). */
    public long exemptSeconds(JobSpec victim) {
        return slurm == null ? exemptSeconds : slurm.exemptSeconds(victim, exemptSeconds);
    }

    /** True if some victim may be exempt from preemption for a while. */
    public boolean anyExempt() {
        return exemptSeconds > 0 || slurm != null && slurm.anyExempt();
    }

    /** GraceTime for this victim: its QOS's or partition's with a Slurm site ({@link SlurmPreemption}), else the engine's {@code settingsGrace}. */
    public long graceSeconds(JobView victim, long settingsGrace) {
        return slurm == null ? settingsGrace : slurm.graceSeconds(victim);
    }

    /** The victim's escalation chain: its PreemptMode's with a Slurm site, else its QOS's chain. */
    public List<PreemptMechanism> chainFor(JobView victim) {
        return slurm != null ? slurm.chainFor(victim) : chainFor(victim.spec().qos());
    }

    public int tierOf(String qos) {
        return tiers.getOrDefault(qos, 0);
    }

    /**
     * True if a waiting {@code preemptor} may preempt {@code victim}, which runs (or is suspended) on
     * {@code pool} ({@code null} on a processor machine: no owners there). A strict order on the pool:
     * irreflexive, and never both {@code mayPreempt(a, b, p)} and {@code mayPreempt(b, a, p)}.
     */
    public boolean mayPreempt(JobSpec preemptor, JobSpec victim, NodePool pool) {
        boolean owners = ownerPreemption && pool != null;
        boolean preemptorOwns = owners && pool.isOwnedBy(preemptor) && pool.admits(preemptor);
        boolean victimOwns = owners && pool.isOwnedBy(victim);
        if (preemptorOwns != victimOwns) return preemptorOwns; // the owner rule ranks first
        return qosPreemption && tierOf(preemptor.qos()) > tierOf(victim.qos());
    }

    /** True if {@code preemptor} may preempt {@code victim} on {@code pool} because it owns the pool (and the victim does not). */
    public boolean reclaims(JobSpec preemptor, JobSpec victim, NodePool pool) {
        return slurm == null && ownerPreemption && pool != null && pool.isOwnedBy(preemptor) && pool.admits(preemptor)
                && !pool.isOwnedBy(victim);
    }

    public List<PreemptMechanism> chainFor(String qos) {
        return chains.getOrDefault(qos, defaultChain);
    }
}
