package org.preemptlab.app.gui.scenario;

import java.util.List;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioProblem;
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
        return toConfig(draft, draft.scheduler().kind());
    }

    /** The draft run with another scheduler (compare variants); the preemption rules stay the draft's. */
    public static SimulationConfig toConfig(ScenarioDraft draft, SchedulerKind choice) throws ScenarioException {
        return toConfig(draft, ScenarioValidator.toScenario(draft), choice);
    }

    /**
     * The configuration of a draft already judged: {@code scenario} is
     * {@code ScenarioValidator.toScenario(draft)} (the editor keeps it, so a run does not judge a
     * big draft again).
     */
    public static SimulationConfig toConfig(ScenarioDraft draft, Scenario scenario, SchedulerKind choice) throws ScenarioException {
        try {
            return scenario.withScheduler(draft.scheduler().withKind(choice)).toConfig(true);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(draft.name(), List.of(new ScenarioProblem("policy", e.getMessage())));
        }
    }
}
