package org.preemptlab.preempt;

import org.preemptlab.sched.ConservativeBackfillPolicy;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.slurmconf.SchedulerParameters;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.slurmsched.SlurmJobAttributes;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;

/** Builds the scheduling policy a scenario or the command line names. */
public final class PolicyFactory {

    private PolicyFactory() {}

    /**
     * @param kind      which scheduler
     * @param p         aggressive-checkpoint: the fraction of long estimates predicted
     * @param threshold aggressive-checkpoint: t_thr, s
     * @param extend    aggressive-checkpoint: T_extend = T_chk + T_restart, s
     * @param kill      aggressive-checkpoint: the kill variant
     * @param rules     owner / QOS preemption on top of fcfs, easy or conservative (NONE for none)
     */
    public static SchedulingPolicy create(SchedulerKind kind, double p, long threshold, long extend, boolean kill,
            PreemptionRules rules) {
        return create(kind, p, threshold, extend, kill, "", rules);
    }

    /**
     * @param slurmParameters slurm: its {@code SchedulerParameters} line ({@code ""}: Slurm's defaults)
     * @throws IllegalArgumentException naming a SchedulerParameters value that is not a number or out of range
     */
    public static SchedulingPolicy create(SchedulerKind kind, double p, long threshold, long extend, boolean kill,
            String slurmParameters, PreemptionRules rules) {
        return create(kind, p, threshold, extend, kill, slurmParameters, BackfillPlans.DEFAULT, rules);
    }

    /**
     * @param slurmParameters slurm: its {@code SchedulerParameters} line ({@code ""}: Slurm's defaults)
     * @param plans           slurm: how its backfill plans (null: {@link BackfillPlans#DEFAULT}, Slurm's whole-node plans
     *                        where they apply)
     * @throws IllegalArgumentException naming a SchedulerParameters value that is not a number or out of range
     */
    public static SchedulingPolicy create(SchedulerKind kind, double p, long threshold, long extend, boolean kill,
            String slurmParameters, BackfillPlans plans, PreemptionRules rules) {
        SchedulingPolicy base = switch (kind) {
            case FCFS -> new FcfsPolicy();
            case EASY -> new EasyBackfillPolicy();
            case CONSERVATIVE -> new ConservativeBackfillPolicy();
            case AGGRESSIVE_CHECKPOINT -> new AggressiveCheckpointBackfillPolicy(p, threshold, extend, kill);
            case PREEMPTION_BACKFILL -> new PreemptionBasedBackfillPolicy();
            case SLURM -> new SlurmSchedulerPolicy(SlurmSchedulerConfig.of(SchedulerParameters.parse(slurmParameters)),
                    SlurmJobAttributes.REQUESTED).withPlans(plans == null ? BackfillPlans.DEFAULT : plans);
        };
        return rules != null && rules.enabled() ? new PreemptingScheduler(base, rules) : base;
    }

}
