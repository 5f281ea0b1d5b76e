package org.preemptlab.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.CheckpointPeriod;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.workload.WorkloadGenerator;

/**
 * The event log (the events CSV: times, kinds, jobs, node or processor names, reasons) of fixed
 * inputs is exactly what it was when the digests were taken: a change to how the engine keeps
 * its state (capacities, processor numbers, outages) must not change a single line. The digests
 * were computed before the machine-size work (processor ranges, sparse outages), and again when
 * the reasons' wording changed (human units, "job1" instead of "job job1") with the decisions
 * checked equal to the earlier build's; if an intended change of behaviour alters a log, regenerate
 * them with {@code -Ddigests.write=true} and say why in the commit.
 */
class EventLogDigestTest {

    private static final String RESOURCE = "event-log-digests.txt";

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("sample-clusters not found above " + Path.of("").toAbsolutePath());
        return dir;
    }

    /** Every case: a name and how to make its run's configuration (recording on). */
    private static Map<String, Supplier<SimulationConfig>> cases() throws IOException {
        Map<String, Supplier<SimulationConfig>> cases = new LinkedHashMap<>();
        Path root = repoRoot();
        List<Path> samples;
        try (Stream<Path> files = Files.list(root.resolve("sample-clusters"))) {
            samples = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path sample : samples) {
            cases.put("sample " + sample.getFileName(), () -> {
                try {
                    return ScenarioReader.read(sample).toConfig(true);
                } catch (Exception e) {
                    throw new IllegalStateException(sample + ": " + e.getMessage(), e);
                }
            });
        }
        List<JobSpec> kth = SwfReader.read(root.resolve("sample-clusters/traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz")).jobs();
        for (SchedulerKind kind : SchedulerKind.values()) {
            // slurm (issue 12's loop) has no digest here: on this long processor trace its backfill cycle every 30 s takes minutes
            if (kind == SchedulerKind.SLURM) continue;
            cases.put("KTH first 1000, 100 procs, " + kind, () -> SimulationConfig.of(new ProcessorMachine(100), kth,
                    PolicyFactory.create(kind, 0.5, 3600, 600, false, PreemptionRules.NONE), true)
                    .withPreemption(PreemptionSettings.defaults()));
        }
        List<JobSpec> synthetic = WorkloadGenerator.loaded(3000, 5000, 0.9, 11).generate();
        for (SchedulerKind kind : List.of(SchedulerKind.FCFS, SchedulerKind.EASY, SchedulerKind.CONSERVATIVE)) {
            cases.put("synthetic 3000 jobs, 5000 procs, " + kind, () -> SimulationConfig.of(new ProcessorMachine(5000), synthetic,
                    PolicyFactory.create(kind, 0.5, 3600, 600, false, PreemptionRules.NONE), true));
        }
        List<JobSpec> small = WorkloadGenerator.loaded(400, 64, 0.9, 5).generate().stream()
                .map(j -> new JobSpec(j.id(), j.name(), j.submit(), j.procs(), 1, 0, j.estimate(), j.runtime(), "normal", "",
                        List.of(), true, true, 100, 0, null)).toList();
        cases.put("synthetic 400 jobs, 64 procs, failures", () -> SimulationConfig.of(new ProcessorMachine(64), small,
                new EasyBackfillPolicy(), true).withFailures(new FailureModel(20 * 86_400, 1800, 3))
                .withPreemption(PreemptionSettings.defaults()));
        List<JobSpec> nodeJobs = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            nodeJobs.add(new JobSpec(i, "j" + i, i * 500L, 1 + i % 5, 8, 0, 40_000, 20_000 + 300L * i, "normal", "", List.of(),
                    true, true, 4000, 0, null));
        }
        Cluster nodes = new NodeCluster(List.of(new NodePool("c", 16, 8, 0, "", List.of(), 100)));
        cases.put("16 nodes, failures, Daly", () -> SimulationConfig.of(nodes, nodeJobs, new EasyBackfillPolicy(), true)
                .withFailures(new FailureModel(3 * 86_400, 1800, 42).withPeriodic(CheckpointPeriod.DALY))
                .withPreemption(PreemptionSettings.defaults()));
        return cases;
    }

    /**
     * "D W N": D the digest of the decisions (each line's time, event, job and nodes: the reason cut
     * off), W the digest of the whole CSV, N its line count. A change of a reason's wording changes W
     * only; a changed decision changes D.
     */
    private static String digest(SimulationConfig config) throws IOException, NoSuchAlgorithmException {
        StringWriter out = new StringWriter();
        EventsCsvWriter.write(out, new Simulation(config).run());
        String csv = out.toString();
        StringBuilder decisions = new StringBuilder();
        csv.lines().forEach(line -> decisions.append(withoutReason(line)).append('\n'));
        return sha(decisions.toString()) + " " + sha(csv) + " " + csv.lines().count();
    }

    /** The line up to its fourth comma (time,event,job,nodes). */
    private static String withoutReason(String line) {
        int at = -1;
        for (int k = 0; k < 4; k++) {
            at = line.indexOf(',', at + 1);
            if (at < 0) return line;
        }
        return line.substring(0, at);
    }

    private static String sha(String text) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    private static Map<String, String> expected() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (InputStream in = EventLogDigestTest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return expected;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int tab = line.indexOf('\t');
                expected.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return expected;
    }

    @Test
    void theEventLogsOfFixedInputsAreUnchanged() throws Exception {
        Map<String, String> actual = new TreeMap<>();
        for (Map.Entry<String, Supplier<SimulationConfig>> c : cases().entrySet()) actual.put(c.getKey(), digest(c.getValue().get()));
        if (Boolean.getBoolean("digests.write")) {
            StringBuilder b = new StringBuilder("# name<TAB>first 128 bits of the SHA-256 of the decisions (time,event,job,nodes), of the whole events CSV, its line count\n");
            actual.forEach((k, v) -> b.append(k).append('\t').append(v).append('\n'));
            Path out = repoRoot().resolve("model/src/test/resources/org/preemptlab/io/report/" + RESOURCE);
            Files.writeString(out, b.toString());
        }
        Map<String, String> expected = expected();
        assertThat(actual.size()).isGreaterThanOrEqualTo(20);
        assertThat(decisionsOf(actual)).as("the decisions (time, event, job, nodes) of every case").isEqualTo(decisionsOf(expected));
        assertThat(actual).as("the whole events CSV, reasons' wording included").isEqualTo(expected);
    }

    private static Map<String, String> decisionsOf(Map<String, String> digests) {
        Map<String, String> d = new TreeMap<>();
        digests.forEach((k, v) -> d.put(k, v.substring(0, v.indexOf(' '))));
        return d;
    }
}
