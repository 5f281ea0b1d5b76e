package org.preemptlab.app.gui.scenario;

import java.util.List;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.SimulationConfig;

/**
 * The editor's way to the engine: the draft becomes the model's {@link Scenario} (as its file would
 * be read) and {@link Scenario#toConfig} builds the configuration — the one conversion the command
 * line, sweeps and break-even use too, so jobs already running at t = 0, maintenance windows,
 * failures and the preemption settings reach the engine the same way everywhere.
 */
public final class ScenarioConverter {

    private ScenarioConverter() {}

    public static SimulationConfig toConfig(ScenarioDraft draft) throws ScenarioException {
        return toConfig(draft, draft.policy());
    }

    /** The draft run with another scheduler (compare variants); the preemption rules stay the draft's. */
    public static SimulationConfig toConfig(ScenarioDraft draft, PolicyChoice choice) throws ScenarioException {
        Scenario scenario = ScenarioMapping.toScenario(draft);
        try {
            return scenario.withScheduler(choice.spec(draft.scheduler())).toConfig(true);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(List.of(new ValidationIssue("policy", e.getMessage())));
        }
    }
}
