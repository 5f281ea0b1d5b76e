package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;

class SweepReaderTest {

    @TempDir
    Path dir;

    private SweepSpec read(String json) throws IOException {
        return SweepReader.read(SweepFixtures.write(dir, "sweep.json", json));
    }

    private String error(String json) throws IOException {
        Path f = SweepFixtures.write(dir, "sweep.json", json);
        try {
            SweepReader.read(f);
        } catch (SweepException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + json);
    }

    @Test
    void readsATraceInputAndEveryAxis() throws IOException {
        Files.copy(SweepFixtures.samples().resolve("checkpoint-contention.json"), dir.resolve("c.json"));
        SweepSpec s = read("""
                {"formatVersion": 1, "name": "all", "description": "d",
                 "inputs": [{"scenario": "c.json"}],
                 "axes": {"policy": ["easy", "aggressive-checkpoint"], "mechanism": ["suspend", "kill"],
                          "bandwidth": [100, 2500.5], "alpha": ["original", 0.5], "p": [0.1]}}""");
        assertThat(s.name()).isEqualTo("all");
        assertThat(s.inputs()).hasSize(1);
        assertThat(s.inputs().get(0).name()).isEqualTo("c");
        assertThat(s.axes().mechanisms()).containsExactly(PreemptMechanism.SUSPEND, PreemptMechanism.KILL);
        assertThat(s.axes().bandwidthsMBps()).containsExactly(100.0, 2500.5);
        assertThat(s.axes().accuracies()).containsExactly(EstimateAccuracy.ORIGINAL, EstimateAccuracy.of(0.5));
        assertThat(s.variants()).hasSize(2 * 2 * 2 * 2); // p only multiplies aggressive-checkpoint, by one value
    }

    @Test
    void traceInputTakesTheSimulateOptions() throws IOException {
        SweepSpec s = read(SweepFixtures.traceSweep(200, "{}").replace("\"maxJobs\": 200",
                "\"maxJobs\": 200, \"procs\": 128, \"checkpointSeconds\": 60"));
        var in = s.inputs().get(0);
        assertThat(in.name()).isEqualTo("kth");
        assertThat(in.scenario().jobs()).hasSize(200);
        assertThat(in.scenario().cluster()).isEqualTo(new ProcessorMachine(128));
        assertThat(in.scenario().settings().cost()).isEqualTo(CheckpointCost.fixed(60, 60));
        assertThat(in.scenario().scheduler().name()).isEqualTo("easy");
        assertThat(s.variants()).hasSize(1);
    }

    @Test
    void negativeBandwidthNamesFileFieldAndIndex() throws IOException {
        assertThat(error(SweepFixtures.traceSweep(10, "{\"bandwidth\": [100, 200, -5]}")))
                .isEqualTo("sweep.json: axes.bandwidth[2]: -5; must be positive (MB/s)");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        String m = error("""
                {"formatVersion": 1, "inputs": [{"scenario": "nope.json"}, {"trace": "x.swf", "procs": 0}, 7],
                 "axes": {"policy": ["easy", "eazy"], "alpha": [0, "original", "original"], "p": [2], "colour": [1],
                          "maintenanceStart": ["soon"]}}""");
        assertThat(m.lines()).contains(
                "sweep.json: axes.colour: unknown field; the fields here are policy, mechanism, bandwidth, alpha, maintenanceStart, p, load, nodes",
                "sweep.json: axes.policy[1]: \"eazy\"; unknown scheduler; use fcfs, easy, conservative, aggressive-checkpoint, preemption-backfill, slurm (did you mean \"easy\"?)",
                "sweep.json: axes.alpha[0]: 0; must be > 0 and ≤ 1 (runtime / estimate)",
                "sweep.json: axes.alpha[2]: \"original\"; repeats axes.alpha[1]",
                "sweep.json: axes.p[0]: 2; must be > 0 and ≤ 1",
                "sweep.json: inputs[1].procs: 0; must be ≥ 1",
                "sweep.json: inputs[2]: 7; must be an object {\"scenario\": …} or {\"trace\": …}");
        assertThat(m).contains("sweep.json: inputs[0].scenario: nope.json: file not found")
                .contains("sweep.json: axes.maintenanceStart[0]: \"soon\"; not a duration");
    }

    @Test
    void fileLevelProblems() throws IOException {
        assertThat(error("{\"formatVersion\": 2, \"inputs\": []}")).isEqualTo(
                "sweep.json: formatVersion: 2; this PreemptLab reads sweep files of version 1");
        assertThat(error("{\"formatVersion\": 1,\n \"inputs\": [}")).startsWith("sweep.json:2:");
        assertThat(error("{\"formatVersion\": 1, \"inputs\": []}")).isEqualTo(
                "sweep.json: inputs: []; must be a non-empty list of inputs [{…}, …]");
        assertThat(error("{\"formatVersion\": 1}")).contains("sweep.json: inputs: missing");
        assertThatThrownBy(() -> SweepReader.read(dir.resolve("absent.json"))).hasMessageStartingWith(
                "absent.json: file not found");
    }

    @Test
    void aBrokenScenarioInputIsReportedWithItsOwnMessage() throws IOException {
        SweepFixtures.write(dir, "bad.json", "{\"formatVersion\": 1, \"name\": \"b\", \"cluster\": {\"processors\": -2}, "
                + "\"jobs\": [], \"policy\": {\"scheduler\": \"easy\"}}");
        assertThat(error("{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \"bad.json\"}]}"))
                .startsWith("sweep.json: inputs[0].scenario: bad.json: cluster.processors: -2");
    }

    @Test
    void axesMustMakeSenseForEveryInput() throws IOException {
        String m = error(SweepFixtures.traceSweep(10,
                "{\"policy\": [\"easy\"], \"mechanism\": [\"kill\"], \"bandwidth\": [10], \"maintenanceStart\": [0], \"p\": [0.5]}"));
        assertThat(m.lines()).containsExactly(
                "sweep.json: axes.mechanism: inputs[0] (kth) has no preemption rules (\"preemption\" with owner or qos preemption); the mechanism axis changes the rules' escalation chains",
                "sweep.json: axes.bandwidth: inputs[0] (kth) uses fixed checkpoint and restart times; the bandwidth only matters with the image model (\"checkpoint\": {\"model\": \"image\"})",
                "sweep.json: axes.maintenanceStart: inputs[0] (kth) has no maintenance window to move",
                "sweep.json: axes.p: no variant uses aggressive-checkpoint, the only scheduler with p; add it to axes.policy");
    }

    @Test
    void inputNamesMustDiffer() throws IOException {
        String t = SweepFixtures.kthSlice().toString();
        assertThat(error("{\"formatVersion\": 1, \"inputs\": [{\"trace\": \"" + t + "\"}, {\"trace\": \"" + t + "\"}]}"))
                .isEqualTo("sweep.json: inputs[1].name: \"KTH-SP2-1996-2.1-cln-first1000\" is already the name of inputs[0]; "
                        + "give each input its own \"name\"");
    }

    @Test
    void everySampleSweepParses() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SweepFixtures.samples().resolve("sweeps"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Path f : files) {
            SweepSpec spec = SweepReader.read(f);
            assertThat(spec.variants()).as(f.toString()).isNotEmpty();
        }
        assertThat(SweepReader.read(SweepFixtures.samples().resolve("sweeps/kth-slice-policies.json")).variants())
                .hasSize(28);
        assertThat(SweepReader.read(SweepFixtures.samples().resolve("sweeps/checkpoint-contention-mechanisms.json"))
                .variants()).hasSize(24);
    }
}
