package org.preemptlab.preempt;

import org.preemptlab.sched.ConservativeBackfillPolicy;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.PolicyNames;
import org.preemptlab.sched.SchedulingPolicy;

/** Builds the scheduling policy a scenario or the command line names. */
public final class PolicyFactory {

    private PolicyFactory() {}

    /**
     * @param name      fcfs, easy, conservative, aggressive-checkpoint or preemption-backfill
     * @param p         aggressive-checkpoint: the fraction of long estimates predicted
     * @param threshold aggressive-checkpoint: t_thr, s
     * @param extend    aggressive-checkpoint: T_extend = T_chk + T_restart, s
     * @param kill      aggressive-checkpoint: the kill variant
     * @param rules     owner / QOS preemption on top of fcfs, easy or conservative (NONE for none)
     */
    public static SchedulingPolicy create(String name, double p, long threshold, long extend, boolean kill,
            PreemptionRules rules) {
        SchedulingPolicy base = switch (name) {
            case "fcfs" -> new FcfsPolicy();
            case "easy" -> new EasyBackfillPolicy();
            case "conservative" -> new ConservativeBackfillPolicy();
            case "aggressive-checkpoint" -> new AggressiveCheckpointBackfillPolicy(p, threshold, extend, kill);
            case "preemption-backfill" -> new PreemptionBasedBackfillPolicy();
            default -> throw new IllegalArgumentException("\"" + name + "\" is not a scheduler; use one of "
                    + String.join(", ", PolicyNames.ALL));
        };
        return rules != null && rules.enabled() ? new PreemptingScheduler(base, rules) : base;
    }

    /** True if the scheduler preempts by itself and wants preempted jobs requeued at the head. */
    public static boolean requeuesAtHead(String name) {
        return name.equals("aggressive-checkpoint") || name.equals("preemption-backfill");
    }
}
