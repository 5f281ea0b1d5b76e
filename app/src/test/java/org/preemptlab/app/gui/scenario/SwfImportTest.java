package org.preemptlab.app.gui.scenario;

import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioValidator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.app.gui.run.ScenarioRunner;
import org.preemptlab.io.swf.SwfReader;

class SwfImportTest {

    @TempDir
    Path dir;

    @Test
    void a_trace_becomes_a_processor_machine_scenario_that_runs() throws Exception {
        Path swf = dir.resolve("tiny.swf");
        Files.writeString(swf, """
                ; MaxProcs: 8
                1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 1 -1 -1 -1
                2 10 -1 50 8 -1 -1 8 100 -1 1 1 1 -1 1 -1 -1 -1
                3 20 -1 30 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
                """);
        ScenarioDraft draft = SwfImport.toDraft(swf, SwfReader.read(swf, SwfImport.options(2)), 2);
        assertThat(draft.processors()).isEqualTo(8);
        assertThat(draft.jobs()).hasSize(2);
        assertThat(draft.trace().maxJobs()).isEqualTo(2);
        assertThat(ScenarioValidator.validate(draft)).isEmpty();
        var run = ScenarioRunner.simulate("tiny", ScenarioConverter.toConfig(draft), ProgressSink.NONE);
        assertThat(run.jobs()).allSatisfy(j -> assertThat(j.end()).isPositive());
    }
}
