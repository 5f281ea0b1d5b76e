package org.preemptlab.app.gui.scenario;

import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;

/** A scenario imported "from now" keeps its running jobs through the editor (open → save). */
class RunningJobsDraftTest {

    @Test
    void runningJobsSurviveTheDraft(@TempDir Path dir) throws Exception {
        Scenario s = ScenarioReader.read("""
                {"formatVersion": 1, "name": "from now",
                 "cluster": {"pools": [{"name": "n", "nodes": 4, "coresPerNode": 2}]},
                 "policy": {"scheduler": "easy"},
                 "jobs": [
                  {"name": "old", "submit": 0, "nodes": 2, "coresPerNode": 2, "estimate": "2h", "runtime": "1h", "runningFor": "40m", "onNodes": ["n-3", "n-4"]},
                  {"name": "new", "submit": 0, "nodes": 4, "coresPerNode": 2, "estimate": "1h", "runtime": "30m"}
                ]}""", "now.json", dir);
        ScenarioDraft draft = ScenarioValidator.toDraft(s);
        assertThat(draft.running()).containsExactly(new ScenarioDraft.RunningJob("old", java.util.List.of("n-3", "n-4"), 2400));
        Scenario back = ScenarioValidator.toScenario(draft.withName("renamed"));
        assertThat(back.initialRuns()).isEqualTo(s.initialRuns());
        // removing the running job drops its run; nothing else breaks
        Scenario without = ScenarioValidator.toScenario(draft.withJobs(java.util.List.of(draft.jobs().get(1))));
        assertThat(without.initialRuns()).isEmpty();
    }
}
