package org.preemptlab.app.gui.scenario;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.MaintenanceDraft;

import java.util.List;
import java.util.Map;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.sim.MaintenanceStrategy;

/**
 * The scenario the app opens with when no file is given: a public pool and a private pool owned
 * by group {@code chem} that QOS {@code preempt} may borrow, about 40 generated jobs (fixed seed),
 * EASY backfilling with owner preemption (borrowers are suspended, else checkpointed, else
 * requeued), and a maintenance window on the private pool that checkpoints what runs there.
 */
public final class DefaultScenario {

    public static final long SEED = 20_240_601L;

    private DefaultScenario() {}

    public static ScenarioDraft create() {
        List<PoolDraft> pools = List.of(
                new PoolDraft("public", 4, 8, 65_536, "", List.of(), 100),
                new PoolDraft("private", 4, 8, 65_536, "chem", List.of("preempt"), 25));
        PreemptionRules rules = new PreemptionRules(true, false, Map.of("owner", 2, "normal", 1, "preempt", 0),
                VictimOrder.YOUNGEST_FIRST, 0,
                Map.of("preempt", List.of(PreemptMechanism.SUSPEND, PreemptMechanism.CHECKPOINT, PreemptMechanism.REQUEUE,
                        PreemptMechanism.KILL)),
                List.of(PreemptMechanism.CHECKPOINT, PreemptMechanism.REQUEUE, PreemptMechanism.KILL));
        return new ScenarioDraft("Owner pools with borrowing", 
                "A public pool and a private pool owned by group chem; jobs of QOS preempt may borrow the private\n"
                        + "nodes and are suspended, checkpointed or requeued when an owner job needs them. A maintenance\n"
                        + "window on the private pool at 5:00 checkpoints whatever runs there.",
                0, pools, jobs(), SchedulerSpec.of(SchedulerKind.EASY), rules, PreemptionSettings.defaults(),
                List.of(MaintenanceDraft.onPool("private-maint", "private", 5 * 3600, 3600, MaintenanceStrategy.CHECKPOINT)),
                null, SEED, null, null);
    }

    public static JobMix mix() {
        return new JobMix(40, 6, SizeDistribution.POWERS_OF_TWO, 4, 8, RuntimeDistribution.LOG_UNIFORM, 900,
                3 * 3600, 2.5, 16_384, 0.6, 8_000,
                List.of(new JobClass("normal", "", 0.45), new JobClass("owner", "chem", 0.25),
                        new JobClass("preempt", "", 0.30)),
                SEED);
    }

    public static List<JobDraft> jobs() {
        return JobMixGenerator.generate(mix(), "job", 1);
    }
}
