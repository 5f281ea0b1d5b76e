package org.preemptlab.app.gui.scenario;

import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.sim.SegmentKind;

class DefaultScenarioTest {

    @Test
    void the_default_scenario_is_valid_and_runs_to_the_end() throws Exception {
        ScenarioDraft draft = DefaultScenario.create();
        assertThat(ScenarioValidator.validate(draft)).isEmpty();
        assertThat(draft.jobs()).hasSize(40);
        RunRecord run = ScenarioRunner.simulate("default", ScenarioConverter.toConfig(draft), ProgressSink.NONE);
        assertThat(run.jobs()).allSatisfy(j -> assertThat(j.end()).isGreaterThanOrEqualTo(0));
        assertThat(run.segments()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(SegmentKind.CHECKPOINTING));
        assertThat(run.metrics().utilization()).isGreaterThan(0);
    }

    @Test
    void generation_is_reproducible() {
        assertThat(DefaultScenario.jobs()).isEqualTo(DefaultScenario.jobs());
        assertThat(JobMixGenerator.generate(DefaultScenario.mix().withSeed(7), "x", 1))
                .isNotEqualTo(DefaultScenario.jobs());
    }
}
