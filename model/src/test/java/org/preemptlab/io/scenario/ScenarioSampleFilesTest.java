package org.preemptlab.io.scenario;

import org.preemptlab.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in {@code sample-clusters/} loads, teaches something, survives a save and runs to the end. */
class ScenarioSampleFilesTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(ScenarioTestSupport.repoRoot().resolve("sample-clusters"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void loadsAndRoundTrips(Path file) throws Exception {
        Scenario s = ScenarioReader.read(file);
        assertThat(s.description()).as("what the sample teaches").isNotBlank();
        assertThat(s.jobs()).isNotEmpty();
        // inline samples stay small enough to read (the real-trace slice has a few hundred jobs)
        if (s.trace() == null) assertThat(s.jobs()).hasSizeLessThanOrEqualTo(400);
        assertThat(ScenarioReader.read(ScenarioWriter.toJson(s, file.getParent()), file.getFileName().toString(),
                file.getParent())).isEqualTo(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void runsToTheEnd(Path file) throws Exception {
        Scenario s = ScenarioReader.read(file);
        SimulationResult r = new Simulation(s.toConfig(true)).run();
        assertThat(r.jobs()).hasSize(s.jobs().size());
        for (JobRun j : r.jobs()) {
            assertThat(j.state().isTerminal()).as("%s: job %s ends (state %s)", file.getFileName(), j.spec().name(), j.state())
                    .isTrue();
        }
        assertThat(MetricsCalculator.of(r).completedJobs()).as("completed jobs of %s", file.getFileName()).isPositive();
    }

    @Test
    void theTeachingSamplesArePresent() throws Exception {
        List<String> names = samples().map(p -> p.getFileName().toString()).toList();
        assertThat(names).contains("easy-vs-conservative.json", "owner-pools.json", "suspend-vs-memory.json",
                "checkpoint-contention.json", "maintenance-drain.json", "maintenance-checkpoint.json",
                "niu-aggressive.json", "cac-preempt-qos.json", "maintenance-drain-vs-checkpoint.json",
                "aggressive-checkpoint-backfill.json", "t3e-full-machine-nights.json", "owner-pools-university.json");
    }

    @Test
    void theMaintenanceSamplesDifferOnlyInTheirStrategy() throws Exception {
        Path dir = ScenarioTestSupport.repoRoot().resolve("sample-clusters");
        Scenario drain = ScenarioReader.read(dir.resolve("maintenance-drain.json"));
        Scenario checkpoint = ScenarioReader.read(dir.resolve("maintenance-checkpoint.json"));
        assertThat(drain.jobs()).isEqualTo(checkpoint.jobs());
        assertThat(drain.cluster()).isEqualTo(checkpoint.cluster());
        assertThat(drain.maintenance().get(0).start()).isEqualTo(checkpoint.maintenance().get(0).start());
        assertThat(drain.maintenance().get(0).strategy()).isNotEqualTo(checkpoint.maintenance().get(0).strategy());
    }
}
