package org.preemptlab.backend.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.InitialRun;

/** {@link SlurmScenarioImport} on the captured Slurm 22.05 sandbox (a fake {@link SlurmCommands}) and on slurm.conf text. */
class SlurmScenarioImportTest {

    /** squeue's start_time of sim_a (job 4) and urgent (job 6); "now" is 5 minutes later. */
    private static final long START = 1_795_307_821L;
    private static final Instant NOW = Instant.ofEpochSecond(START + 300);

    private static String fixture(String name) throws IOException {
        try (InputStream in = SlurmScenarioImportTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Answers only the two JSON queries, and records what was asked. */
    private static SlurmCommands fake(String sinfo, String squeue, List<String> calls) {
        return (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(), new Class<?>[] {SlurmCommands.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "sinfoJson" -> sinfo;
                        case "squeueJson" -> squeue;
                        case "toString" -> "fake Slurm";
                        default -> throw new UnsupportedOperationException("the import must not call " + method.getName());
                    };
                });
    }

    @Test
    void aLiveClusterBecomesAScenarioFromNowWithRunningJobsOnTheirNodes() throws Exception {
        List<String> calls = new ArrayList<>();
        Scenario s = SlurmScenarioImport.fromCluster(fake(fixture("sinfo-22.05.json"), fixture("squeue-22.05.json"), calls),
                NOW.plusMillis(400), SlurmScenarioImport.Options.defaults());
        assertThat(calls).containsExactlyInAnyOrder("sinfoJson", "squeueJson");
        assertThat(s.name()).as("now, truncated to seconds").isEqualTo("slurm-now-"
                + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(java.time.ZoneOffset.UTC).format(NOW));
        assertThat(s.scheduler().name()).isEqualTo("easy");
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.pools().stream().mapToInt(NodePool::nodes).sum()).isEqualTo(4);
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly("sim_a#4", "urgent#6", "big#7", "sim_b#5", "held#8");
        assertThat(s.jobs()).allSatisfy(j -> assertThat(j.submit()).isZero());
        assertThat(s.initialRuns()).containsExactly(new InitialRun(1, new int[] {1}, 300), new InitialRun(2, new int[] {0}, 300),
                new InitialRun(3, new int[] {2, 3}, 297));
        assertThat(s.jobs().get(0).estimate()).isEqualTo(30 * 60);
        assertThat(s.jobs().get(0).runtime()).isEqualTo(30 * 60);
        assertThat(s.jobs().get(3).estimate()).as("suspended: queued with the rest of its limit").isEqualTo(60 * 60 - 3);
        assertThat(s.jobs().get(4).estimate()).as("no time limit").isEqualTo(86_400);
        assertThat(s.description()).contains("at " + NOW + " (").contains("Time 0 of this scenario is that instant")
                .contains("already running: sim_a#4 (partition low, 1 node × 2 cores on n2, elapsed 5 min, 25 min of its limit left)")
                .contains("suspended: sim_b#5").contains("pending: 1 job in Slurm's priority order")
                .doesNotContain("modelled as queued");
        // the scenario survives the file format
        Scenario back = ScenarioReader.read(ScenarioWriter.toJson(s, null), s.name(), null);
        assertThat(back.initialRuns()).hasSize(3);
        assertThat(back.jobs()).hasSize(5);
    }

    @Test
    void optionsApply() throws Exception {
        var options = new SlurmScenarioImport.Options(SchedulerSpec.of("conservative"), "half", 0.5, 3_600, true, true);
        Scenario s = SlurmScenarioImport.fromCluster(fake(fixture("sinfo-22.05.json"), fixture("squeue-22.05.json"), new ArrayList<>()),
                NOW, options);
        assertThat(s.name()).isEqualTo("half");
        assertThat(s.scheduler().name()).isEqualTo("conservative");
        assertThat(s.initialRuns()).as("running as queued").isEmpty();
        assertThat(s.jobs().get(0).estimate()).as("the rest of sim_a's limit").isEqualTo(25 * 60);
        assertThat(s.jobs().get(0).runtime()).isEqualTo(25 * 60 / 2);
        assertThat(s.jobs().get(4).estimate()).isEqualTo(3_600);
        assertThat(s.jobs()).allSatisfy(j -> assertThat(j.checkpointable()).isTrue());
        assertThat(s.description()).contains("running, modelled as queued: sim_a#4").contains("asked for with --running-as-queued");
        assertThatThrownBy(() -> new SlurmScenarioImport.Options(SchedulerSpec.of("easy"), null, 1.5, 3_600, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runtimeShare");
    }

    @Test
    void anEmptyQueueGivesOnePlaceholderAndNoNodesIsAClearError() throws Exception {
        Scenario s = SlurmScenarioImport.fromCluster(fake(fixture("sinfo-22.05.json"), "{\"jobs\": []}", new ArrayList<>()), NOW,
                SlurmScenarioImport.Options.defaults());
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly(SlurmScenarioImport.PLACEHOLDER_JOB);
        assertThat(SlurmScenarioImport.isPlaceholderOnly(s)).isTrue();
        assertThat(s.description()).contains("The queue was empty: one placeholder job");

        assertThatThrownBy(() -> SlurmScenarioImport.fromCluster(fake("{\"nodes\": []}", "{\"jobs\": []}", new ArrayList<>()), NOW,
                SlurmScenarioImport.Options.defaults())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no node");
    }

    @Test
    void slurmConfTextGivesPoolsAndOnePlaceholder() {
        String conf = """
                NodeName=DEFAULT RealMemory=4000
                NodeName=n[1-4] CPUs=2
                NodeName=big[1-2] Sockets=2 CoresPerSocket=8 ThreadsPerCore=1 RealMemory=64000
                PartitionName=low Nodes=n[1-4] Default=YES PriorityTier=1
                PartitionName=high Nodes=n[1-4],big[1-2] PriorityTier=10
                """;
        Scenario s = SlurmScenarioImport.fromConfText(conf, "/etc/slurm/slurm.conf", SlurmScenarioImport.Options.defaults());
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.pools()).extracting(NodePool::nodes).containsExactly(4, 2);
        assertThat(cluster.pools()).extracting(NodePool::coresPerNode).containsExactly(2, 16);
        assertThat(s.name()).isEqualTo("slurm-conf-slurm.conf");
        assertThat(s.jobs()).singleElement().satisfies(j -> assertThat(j.pools()).containsExactly(cluster.pools().get(0).name()));
        assertThat(s.description()).contains("Pools imported from /etc/slurm/slurm.conf").contains("partition high: PriorityTier 10, 6 nodes");
        assertThat(s.initialRuns()).isEmpty();

        assertThatThrownBy(() -> SlurmScenarioImport.fromConfText("# nothing\n", "empty.conf", SlurmScenarioImport.Options.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no NodeName line");
    }
}
