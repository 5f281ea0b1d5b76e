package org.preemptlab.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.scenario.ScenarioTestSupport.problems;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.report.EventsCsvWriter;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.sim.Simulation;

/**
 * A version-2 (Slurm site) scenario survives the editor: read → draft → scenario → write → read
 * gives the scenario first read, and its run's event log is the same line for line. A draft broken
 * as a file is broken gets the file's problems (the same {@code SlurmRules}).
 */
class SlurmDraftRoundTripTest {

    static Path samples() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        return dir.resolve("sample-clusters");
    }

    static Stream<Path> versionTwoSamples() throws IOException {
        List<Path> out = new ArrayList<>();
        try (var files = Files.list(samples())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (Files.readString(p).matches("(?s).*\"formatVersion\"\\s*:\\s*2\\b.*")) out.add(p);
            }
        }
        return out.stream();
    }

    @Test
    void theSamplesHoldFiveVersionTwoFiles() throws IOException {
        assertThat(versionTwoSamples().map(p -> p.getFileName().toString())).contains("gpu-shared-nodes.json",
                "fairshare-catch-up.json", "qos-per-user-limit.json", "array-throttle.json", "slurm-qos-preemption.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versionTwoSamples")
    void openAndSaveKeepsTheWholeScenarioAndItsRun(Path file, @org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Scenario first = ScenarioReader.read(file);
        assertThat(first.cluster()).isInstanceOfSatisfying(NodeCluster.class, c -> assertThat(c.site()).isNotNull());
        ScenarioDraft draft = ScenarioValidator.toDraft(first);
        assertThat(draft.site()).isEqualTo(((NodeCluster) first.cluster()).site());
        assertThat(draft.jobs()).allSatisfy(j -> assertThat(j.slurm()).isNotNull());
        assertThat(ScenarioValidator.validate(draft)).isEmpty();
        Scenario fromDraft = ScenarioValidator.toScenario(draft);
        assertThat(fromDraft).isEqualTo(first);
        Path saved = tmp.resolve(file.getFileName());
        ScenarioWriter.write(fromDraft, saved);
        assertThat(Files.readString(saved)).containsPattern("\"formatVersion\"\\s*:\\s*2");
        Scenario again = ScenarioReader.read(saved);
        assertThat(again).isEqualTo(first);
        assertThat(again.jobs()).extracting(JobSpec::slurm).containsExactlyElementsOf(first.jobs().stream().map(JobSpec::slurm).toList());
        String log = events(first);
        assertThat(log.lines().count()).isGreaterThan(first.jobs().size());
        assertThat(events(again)).isEqualTo(log);
    }

    private static String events(Scenario s) throws IOException {
        StringWriter out = new StringWriter();
        EventsCsvWriter.write(out, new Simulation(s.toConfig(true)).run());
        return out.toString();
    }

    // ------------------------------------------------------------------ one set of rules

    static final String BASE = """
            {"formatVersion": 2, "name": "t", "policy": {"scheduler": "easy"},
             "cluster": {"nodes": [
               {"name": "cpu", "count": 2, "cpus": 8, "realMemory": "64G"},
               {"name": "gpu", "count": 2, "cpus": 16, "realMemory": "128G", "gres": "gpu:a100:4"}]},
             "partitions": [{"name": "main", "nodes": ["cpu"], "default": true}, {"name": "gpu", "nodes": ["gpu"]}],
             "accounts": [{"name": "chem", "users": [{"name": "ana"}]}],
             "qos": [{"name": "normal"}, {"name": "high", "priority": 10}],
             "jobs": [
               {"name": "A", "submit": 0, "user": "ana", "account": "chem", "nodes": 1, "cpusPerNode": 4, "mem": 1024,
                "estimate": 3600, "runtime": 600},
               {"name": "B", "submit": 10, "user": "ana", "account": "chem", "partition": "gpu", "qos": "high", "nodes": 1,
                "cpusPerNode": 4, "mem": 1024, "gpus": "a100:2", "dependency": "afterok:A", "estimate": 600, "runtime": 600}]}
            """;

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unknown QOS", "\"qos\": \"high\", \"nodes\"", "\"qos\": \"hihg\", \"nodes\"",
                        (UnaryOperator<ScenarioDraft>) d -> d.withJob(1, j -> j.withQos("hihg")),
                        List.of("jobs[1].qos: \"hihg\"; unknown QOS; use high, normal (did you mean \"high\"?)")),
                Arguments.of("unknown partition", "\"partition\": \"gpu\"", "\"partition\": \"gpux\"",
                        (UnaryOperator<ScenarioDraft>) d -> d.withJob(1, j -> j.withSlurm(j.slurm().toBuilder()
                                .partitions(List.of("gpux")).build())),
                        List.of("jobs[1].partition: \"gpux\"; unknown partition; use main, gpu (did you mean \"gpu\"?)")),
                Arguments.of("no association", "\"account\": \"chem\", \"partition\"", "\"account\": \"bio\", \"partition\"",
                        (UnaryOperator<ScenarioDraft>) d -> d.withJob(1, j -> j.withSlurm(j.slurm().toBuilder()
                                .account("bio").build()).withGroup("bio")),
                        List.of("jobs[1].account: \"bio\"; no association of user ana in account chem in \"accounts\"")
                                .stream().map(s -> s.replace("account chem", "account bio")).toList()),
                Arguments.of("too many GPUs", "\"gpus\": \"a100:2\"", "\"gpus\": \"a100:5\"",
                        (UnaryOperator<ScenarioDraft>) d -> d.withJob(1, j -> j.withSlurm(j.slurm().toBuilder()
                                .gpusPerJob(5).build())),
                        List.of("jobs[1]: fits no node of partition gpu: it asks for 1 node with 4 CPUs, 1024 MB,"
                                + " GRES gpu:a100:5 each")),
                Arguments.of("unknown dependency", "\"afterok:A\"", "\"afterok:Z\"",
                        (UnaryOperator<ScenarioDraft>) d -> d.withJob(1, j -> j.withSlurm(j.slurm().toBuilder()
                                .dependencies(org.preemptlab.job.Dependency.parseList("afterok:Z")).build())),
                        List.of("jobs[1].dependency: \"Z\"; unknown job; use A, B (did you mean \"A\"?)")),
                Arguments.of("partition over an unknown node group", "\"nodes\": [\"cpu\"]", "\"nodes\": [\"cpux\"]",
                        (UnaryOperator<ScenarioDraft>) d -> d.withSite(d.site().toBuilder().partitions(List.of(
                                d.site().partitions().get(0).toBuilder().groups(List.of("cpux")).build(),
                                d.site().partitions().get(1))).build()),
                        List.of("partitions[0].nodes[0]: \"cpux\"; unknown node group; use cpu, gpu (did you mean \"cpu\"?)")),
                Arguments.of("CPUs not a multiple of threads", "\"cpus\": 8,", "\"cpus\": 9, \"threadsPerCore\": 2,",
                        (UnaryOperator<ScenarioDraft>) d -> d.withPool(0, p -> p.withCoresPerNode(9).withThreadsPerCore(2)),
                        List.of("cluster.nodes[0].cpus: 9; not a multiple of threadsPerCore 2 (Slurm counts CPUs as threads)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void aFileAndADraftBrokenTheSameWayGetTheSameProblems(String what, String from, String to,
            UnaryOperator<ScenarioDraft> edit, List<String> expected) throws Exception {
        assertThat(BASE).contains(from);
        ScenarioDraft valid = ScenarioValidator.toDraft(ScenarioTestSupport.read(BASE));
        assertThat(ScenarioValidator.validate(valid)).isEmpty();
        List<String> fromFile = problems(BASE.replace(from, to));
        List<String> fromDraft = ScenarioValidator.validate(edit.apply(valid)).stream().map(ScenarioProblem::toString).toList();
        assertThat(fromFile).containsExactlyElementsOf(expected);
        assertThat(fromDraft).containsExactlyElementsOf(fromFile);
    }

    @Test
    void aVersionOneDraftHasNoSiteAndItsJobsNoSlurmRequest() throws Exception {
        ScenarioDraft d = ScenarioValidator.toDraft(ScenarioReader.read(samples().resolve("owner-pools.json")));
        assertThat(d.site()).isNull();
        assertThat(d.isSlurm()).isFalse();
        assertThat(d.jobs()).extracting(JobDraft::slurm).containsOnlyNulls();
        assertThat(d.pools()).allSatisfy(p -> assertThat(p.gres()).isEmpty());
    }
}
