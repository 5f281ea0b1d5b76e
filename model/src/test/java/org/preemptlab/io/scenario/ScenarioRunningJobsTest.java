package org.preemptlab.io.scenario;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/** "What-if from now": jobs already running when the scenario begins. */
class ScenarioRunningJobsTest {

    static final String HEAD = """
            {"formatVersion": 1, "name": "from now",
             "cluster": {"pools": [{"name": "n", "nodes": 4, "coresPerNode": 2}]},
             "policy": {"scheduler": "easy"},
             "jobs": [
            """;

    @Test
    void runningJobsStartAtOnceOnTheirNodesWithTheirWorkDone(@TempDir Path dir) throws Exception {
        String json = HEAD + """
                  {"name": "old", "submit": 0, "nodes": 2, "coresPerNode": 2, "estimate": "2h", "runtime": "1h", "runningFor": "40m", "onNodes": ["n-3", "n-4"]},
                  {"name": "new", "submit": 0, "nodes": 4, "coresPerNode": 2, "estimate": "1h", "runtime": "30m"}
                ]}""";
        Scenario s = ScenarioReader.read(json, "now.json", dir);
        assertThat(s.initialRuns()).hasSize(1);
        SimulationResult r = new Simulation(s.toConfig(true)).run();
        JobRun old = r.jobs().stream().filter(j -> j.name().equals("old")).findFirst().orElseThrow();
        JobRun fresh = r.jobs().stream().filter(j -> j.name().equals("new")).findFirst().orElseThrow();
        assertThat(old.firstStart()).isZero();
        assertThat(old.end()).isEqualTo(20 * 60); // 20 minutes of work left
        assertThat(fresh.firstStart()).isEqualTo(20 * 60);
        assertThat(r.timeline().log().stream().filter(e -> e.kind() == LogKind.START && e.job() == old.index())
                .findFirst().orElseThrow().nodes()).containsExactly(2, 3);
        // write → read keeps them
        Path file = dir.resolve("copy.json");
        ScenarioWriter.write(s, file);
        assertThat(Files.readString(file)).contains("\"runningFor\"", "\"onNodes\"");
        assertThat(ScenarioReader.read(file)).isEqualTo(s);
    }

    @Test
    void aRunningJobNeedsItsNodesAndCannotHaveFinished(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioReader.read(HEAD + """
                  {"name": "old", "submit": 0, "nodes": 2, "estimate": "2h", "runtime": "1h", "runningFor": "1h", "onNodes": ["n-1"]}
                ]}""", "bad.json", dir)).hasMessageContaining("bad.json: jobs[0].runningFor: \"1h\"; the job would have ended (run time 1h)");
        assertThatThrownBy(() -> ScenarioReader.read(HEAD + """
                  {"name": "old", "submit": 0, "nodes": 2, "estimate": "2h", "runtime": "1h", "runningFor": "10m", "onNodes": ["n-1", "n-9"]}
                ]}""", "bad.json", dir)).hasMessageContaining("jobs[0].onNodes[1]: \"n-9\"; not a node of this cluster");
    }
}
