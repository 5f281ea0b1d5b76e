package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import java.util.List;
import java.util.Map;

/**
 * Who may preempt whom (as Slurm's PreemptType), separate from how (the mechanisms).
 *
 * @param ownerPreemption  a job of a pool's owner group may preempt borrowers running on that pool
 * @param qosPreemption    a job may preempt jobs of a strictly lower QOS tier
 * @param tiers            QOS → priority tier (higher first in the queue; default 0); e.g. owner 2, normal 1, scavenger 0
 * @param victimOrder      in which order victims are taken
 * @param exemptSeconds    PreemptExemptTime: a job that has run less than this may not be preempted
 * @param chains           QOS of the victim → escalation chain, e.g. [suspend, checkpoint, requeue, kill]
 * @param defaultChain     chain for QOS classes not listed
 */
public record PreemptionRules(
        boolean ownerPreemption,
        boolean qosPreemption,
        Map<String, Integer> tiers,
        VictimOrder victimOrder,
        long exemptSeconds,
        Map<String, List<PreemptMechanism>> chains,
        List<PreemptMechanism> defaultChain) {

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
        return ownerPreemption || qosPreemption;
    }

    public int tierOf(String qos) {
        return tiers.getOrDefault(qos, 0);
    }

    public List<PreemptMechanism> chainFor(String qos) {
        return chains.getOrDefault(qos, defaultChain);
    }
}
