package org.preemptlab.app.gui.scenario;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sim.SimulationConfig;

/** Turns a valid draft into the engine's {@link SimulationConfig} (recording on, emulated backend). */
public final class ScenarioConverter {

    private ScenarioConverter() {}

    public static SimulationConfig toConfig(ScenarioDraft draft) throws ScenarioException {
        return toConfig(draft, draft.scheduler().kind());
    }

    /** The draft run with another scheduler (compare variants); the preemption rules stay the draft's. */
    public static SimulationConfig toConfig(ScenarioDraft draft, SchedulerKind choice) throws ScenarioException {
        Scenario scenario = ScenarioValidator.toScenario(draft);
        SchedulerSpec spec = draft.scheduler().withKind(choice);
        try {
            SchedulingPolicy policy = PolicyFactory.create(spec.kind(), spec.p(), spec.thresholdSeconds(),
                    spec.extendSeconds(), spec.killInstead(), scenario.rules());
            PreemptionSettings settings = spec.kind().requeuesAtHead()
                    ? scenario.settings().withRequeueAtHead(true) : scenario.settings();
            return new SimulationConfig(scenario.cluster(), scenario.jobs(), policy, settings, scenario.maintenance(),
                    scenario.failures(), null, true);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(draft.name(), java.util.List.of(new ScenarioProblem("policy", e.getMessage())));
        }
    }
}
