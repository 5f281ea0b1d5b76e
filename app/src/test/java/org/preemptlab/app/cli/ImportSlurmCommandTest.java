package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.backend.slurm.SlurmCommandException;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.job.JobSpec;
import picocli.CommandLine;

/**
 * {@code import-slurm}: a live cluster (the captured Slurm 22.05 {@code sinfo --json} /
 * {@code squeue --json} of the 4-node sandbox, through a fake {@link SlurmCommands}) and a
 * slurm.conf become scenario files that the reader loads and {@code run} runs.
 */
class ImportSlurmCommandTest {

    /** The captured fixtures live with the model's Slurm tests. */
    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "org", "preemptlab", "backend", "slurm");
    /** squeue's start_time of sim_a (job 4) and urgent (job 6); "now" is 5 minutes later. */
    private static final long START = 1_795_307_821L;
    private static final Instant NOW = Instant.ofEpochSecond(START + 300);

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    /** A fake cluster: only the two JSON queries answer. */
    private static SlurmCommands fakeCluster(String sinfo, String squeue) {
        return (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(), new Class<?>[] {SlurmCommands.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sinfoJson" -> sinfo;
                    case "squeueJson" -> squeue;
                    case "toString" -> "fake Slurm";
                    default -> throw new UnsupportedOperationException("import-slurm must not call " + method.getName());
                });
    }

    private Outcome importLive(SlurmCommands slurm, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new ImportSlurmCommand(conf -> slurm, Clock.fixed(NOW, ZoneOffset.UTC)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("preemptlab: " + CliErrors.message(e));
            return 2;
        });
        return new Outcome(cl.execute(args), out.toString(), err.toString());
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = PreemptLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static SlurmCommands capturedCluster() throws IOException {
        return fakeCluster(Files.readString(FIXTURES.resolve("sinfo-22.05.json")), Files.readString(FIXTURES.resolve("squeue-22.05.json")));
    }

    @Test
    void aLiveClusterBecomesAScenarioStartingNowWithItsRunningJobsAlreadyRunningOnTheirNodes() throws Exception {
        Path file = dir.resolve("now.json");
        long t0 = System.nanoTime();
        Outcome o = importLive(capturedCluster(), "--out", file.toString(), "--policy", "easy");
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(o.code()).as(o.err()).isZero();

        Scenario s = ScenarioReader.read(file);
        assertThat(s.scheduler().name()).isEqualTo("easy");
        assertThat(s.name()).isEqualTo("slurm-now-" + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(NOW));
        // the 4 fake nodes, 2 CPUs each, in partitions low and high
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.pools().stream().mapToInt(NodePool::nodes).sum()).isEqualTo(4);
        assertThat(cluster.pools()).allSatisfy(p -> assertThat(p.coresPerNode()).isEqualTo(2));
        // finished jobs (1 cancelled, 2 failed, 3 completed) are left out; running first, then suspended, then pending
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly("sim_a#4", "urgent#6", "big#7", "sim_b#5", "held#8");
        assertThat(s.jobs()).allSatisfy(j -> assertThat(j.submit()).as(j.name()).isZero());
        JobSpec simA = s.jobs().get(0);
        assertThat(simA.estimate()).as("its 30 min limit").isEqualTo(30 * 60);
        assertThat(simA.runtime()).as("elapsed + the rest of the limit").isEqualTo(30 * 60);
        JobSpec big = s.jobs().get(2);
        assertThat(big.nodes()).isEqualTo(2);
        assertThat(big.estimate()).isEqualTo(120 * 60);
        // running jobs run on their Slurm nodes (n1…n4 = low-1…low-4) with their elapsed time done
        assertThat(s.initialRuns()).hasSize(3);
        assertThat(s.initialRuns().get(0)).isEqualTo(new org.preemptlab.sim.InitialRun(1, new int[] {1}, 300));
        assertThat(s.initialRuns().get(1)).isEqualTo(new org.preemptlab.sim.InitialRun(2, new int[] {0}, 300));
        assertThat(s.initialRuns().get(2)).isEqualTo(new org.preemptlab.sim.InitialRun(3, new int[] {2, 3}, 297));
        JobSpec simB = s.jobs().get(3);
        assertThat(simB.estimate()).as("suspended: queued with the rest of its limit").isEqualTo(60 * 60 - 3);
        JobSpec held = s.jobs().get(4);
        assertThat(held.estimate()).as("no time limit: --no-limit default").isEqualTo(86_400);

        assertThat(s.description())
                .contains("at " + NOW + " (")
                .contains("Time 0 of this scenario is that instant")
                .contains("already running: sim_a#4 (partition low, 1 node × 2 cores on n2, elapsed 5 min, 25 min of its limit left)")
                .contains("placed on their nodes at t=0 with their elapsed time done")
                .doesNotContain("modelled as queued")
                .contains("suspended: sim_b#5")
                .contains("pending: 1 job in Slurm's priority order");
        assertThat(Files.readString(file)).contains("\"description\": [").contains("\"runningFor\": \"5m\"").contains("\"onNodes\": [\"low-2\"]");

        // and it runs: sim_a ends 25 min in, as its limit says
        Outcome run = cli("run", file.toString(), "--events-csv", dir.resolve("events.csv").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("events.csv"))).anySatisfy(l -> assertThat(l).startsWith("1500,").contains("sim_a#4"));
        System.out.printf("[import-slurm] captured cluster → %d jobs, %d pools in %.3f s%n", s.jobs().size(), cluster.pools().size(), seconds);
    }

    @Test
    void runningJobsCanBeModelledAsQueuedAndAreWhenTheyCannotBePlaced() throws Exception {
        Path file = dir.resolve("queued.json");
        Outcome o = importLive(capturedCluster(), "--out", file.toString(), "--running-as-queued");
        assertThat(o.code()).as(o.err()).isZero();
        Scenario s = ScenarioReader.read(file);
        assertThat(s.initialRuns()).isEmpty();
        assertThat(s.jobs().get(0).estimate()).as("the rest of sim_a's limit").isEqualTo(25 * 60);
        assertThat(s.jobs().get(0).runtime()).isEqualTo(25 * 60);
        assertThat(s.description()).contains("running, modelled as queued: sim_a#4")
                .contains("modelled as jobs at the head of the queue at t=0").contains("asked for with --running-as-queued");
        assertThat(cli("run", file.toString()).code()).isZero();

        // urgent#6 reported on n2 too: n2's 2 cores are sim_a's, so urgent is queued and said why
        String squeue = Files.readString(FIXTURES.resolve("squeue-22.05.json"));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(squeue);
        for (com.fasterxml.jackson.databind.JsonNode job : root.get("jobs")) {
            if (job.get("job_id").asLong() == 6) ((com.fasterxml.jackson.databind.node.ObjectNode) job).put("nodes", "n2");
        }
        Path clash = dir.resolve("clash.json");
        Outcome c = importLive(fakeCluster(Files.readString(FIXTURES.resolve("sinfo-22.05.json")), json.writeValueAsString(root)),
                "--out", clash.toString());
        assertThat(c.code()).as(c.err()).isZero();
        Scenario cs = ScenarioReader.read(clash);
        assertThat(cs.initialRuns()).hasSize(2);
        assertThat(cs.description()).contains("running, modelled as queued: urgent#6")
                .contains("urgent#6 needs 2 cores on n2, which other running jobs already use");
        assertThat(cli("run", clash.toString()).code()).isZero();
    }

    @Test
    void theRuntimeShareAndCheckpointableOptionsApplyToImportedJobs() throws Exception {
        Path file = dir.resolve("half.json");
        Outcome o = importLive(capturedCluster(), "--out", file.toString(), "--runtime-share", "0.5", "--checkpointable",
                "--name", "half", "--policy", "conservative");
        assertThat(o.code()).as(o.err()).isZero();
        Scenario s = ScenarioReader.read(file);
        assertThat(s.name()).isEqualTo("half");
        JobSpec simA = s.jobs().get(0);
        assertThat(simA.runtime()).as("5 min elapsed + half of the 25 min left").isEqualTo(300 + 1500 / 2);
        assertThat(s.jobs()).allSatisfy(j -> assertThat(j.checkpointable()).isTrue());
    }

    @Test
    void anEmptyQueueGivesThePoolsAndOnePlaceholderJobSaidInTheDescription() throws Exception {
        Path file = dir.resolve("empty.json");
        SlurmCommands slurm = fakeCluster(Files.readString(FIXTURES.resolve("sinfo-22.05.json")), "{\"jobs\": []}");
        Outcome o = importLive(slurm, "--out", file.toString());
        assertThat(o.code()).as(o.err()).isZero();
        Scenario s = ScenarioReader.read(file);
        assertThat(s.jobs()).extracting(JobSpec::name).containsExactly(ImportSlurmCommand.PLACEHOLDER_JOB);
        assertThat(s.description()).contains("The queue was empty: one placeholder job");
    }

    /**
     * {@code import-slurm --from-conf} of a slurm.conf with {@code OverSubscribe=FORCE:2},
     * {@code PreemptMode=GANG} and {@code SchedulerTimeSlice=30}: the scenario file keeps both, and
     * two 4-CPU jobs on the one 4-CPU node take turns every 30 s (GangScheduleTest's hand-worked times).
     */
    @Test
    void aSlurmConfWithForce2AndGangImportsAScenarioThatTimeSlices() throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, """
                ClusterName=gang
                PreemptMode=GANG
                SchedulerTimeSlice=30
                NodeName=cn1 CPUs=4 RealMemory=16384
                PartitionName=batch Nodes=cn1 Default=YES OverSubscribe=FORCE:2 MaxTime=INFINITE
                """);
        Path file = dir.resolve("gang.json");
        Outcome o = cli("import-slurm", "--from-conf", conf.toString(), "--out", file.toString(), "--policy", "easy");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).doesNotContain("SchedulerTimeSlice").doesNotContain("run as NO");
        String json = Files.readString(file);
        assertThat(json).contains("\"FORCE:2\"");
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(json);
        root.set("jobs", om.readTree("["
                + "{\"name\": \"A\", \"submit\": 0, \"user\": \"user\", \"account\": \"default\", \"ntasks\": 4, \"mem\": \"4G\","
                + " \"estimate\": 200, \"runtime\": 100},"
                + "{\"name\": \"B\", \"submit\": 10, \"user\": \"user\", \"account\": \"default\", \"ntasks\": 4, \"mem\": \"4G\","
                + " \"estimate\": 100, \"runtime\": 50}]"));
        Path two = dir.resolve("gang-two.json");
        Files.writeString(two, om.writeValueAsString(root));
        Scenario s = ScenarioReader.read(two);
        assertThat(s.gang().timeSliceSeconds()).isEqualTo(30);
        org.preemptlab.sim.SimulationResult r = new org.preemptlab.sim.Simulation(s.toConfig(true)).run();
        List<String> got = new java.util.ArrayList<>();
        for (org.preemptlab.sim.LogEntry e : r.timeline().log()) {
            if (e.kind() != org.preemptlab.sim.LogKind.SUBMIT) got.add(e.time() + " " + e.kind() + " " + r.job(e.job()).name());
        }
        assertThat(got).containsExactly("0 START A", "10 START B", "10 SUSPEND B", "30 SUSPEND A", "30 RESUME B",
                "60 SUSPEND B", "60 RESUME A", "90 SUSPEND A", "90 RESUME B", "110 END B", "110 RESUME A", "150 END A");
    }

    @Test
    void aSlurmConfBecomesPoolsWithOnePlaceholderJobAndRuns() throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, """
                ClusterName=sandbox
                SlurmctldHost=localhost
                # two kinds of nodes
                NodeName=DEFAULT RealMemory=4000 State=UNKNOWN
                NodeName=n[1-4] NodeHostname=localhost Port=[17001-17004] CPUs=2
                NodeName=big[1-2] Sockets=2 CoresPerSocket=8 ThreadsPerCore=1 RealMemory=64000
                PartitionName=low Nodes=n[1-4] Default=YES PriorityTier=1 MaxTime=INFINITE State=UP
                PartitionName=high Nodes=n[1-4],big[1-2] PriorityTier=10 \\
                    OverSubscribe=FORCE:1 State=UP
                """);
        Path file = dir.resolve("from-conf.json");
        Outcome o = cli("import-slurm", "--from-conf", conf.toString(), "--out", file.toString(), "--policy", "conservative");
        assertThat(o.code()).as(o.err()).isZero();

        Scenario s = ScenarioReader.read(file);
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.site()).as("a version-2 (Slurm) scenario").isNotNull();
        assertThat(cluster.pools()).extracting(NodePool::nodes).containsExactly(4, 2);
        assertThat(cluster.pools()).extracting(NodePool::coresPerNode).containsExactly(2, 16);
        assertThat(cluster.pools()).extracting(NodePool::memoryPerNodeMb).containsExactly(4000L, 64000L);
        assertThat(cluster.nodeName(0)).isEqualTo("n1");
        assertThat(cluster.site().partitions()).extracting(p -> p.name() + " " + p.groups() + " tier " + p.priorityTier())
                .containsExactly("low [n] tier 1", "high [n, big] tier 10");
        assertThat(s.name()).isEqualTo("slurm-conf-slurm.conf");
        assertThat(s.scheduler().name()).isEqualTo("conservative");
        assertThat(s.jobs()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo(ImportSlurmCommand.PLACEHOLDER_JOB);
            assertThat(j.nodes()).isEqualTo(1);
            assertThat(j.slurm().partitions()).as("the default partition").isEmpty();
        });
        assertThat(s.description()).contains("ONE placeholder job (placeholder").contains("Replace it with your jobs")
                .contains("partition high: PriorityTier 10, 6 nodes");
        // FORCE:1 keeps its count: one job per core, so nothing is time-sliced and nothing to warn about
        assertThat(o.out()).contains("Slurm import report").doesNotContain("run as NO");
        org.preemptlab.partition.Partition high = ((NodeCluster) s.cluster()).site().partition("high");
        assertThat(high.overSubscribeText()).isEqualTo("FORCE:1");
        assertThat(high.shareJobs()).isEqualTo(1);

        Outcome run = cli("run", file.toString());
        assertThat(run.code()).as(run.err()).isZero();

        // the slurm scheduler plans whole nodes unless told otherwise (--backfill-plans)
        Path slurmFile = dir.resolve("slurm.json");
        Outcome slurm = cli("import-slurm", "--from-conf", conf.toString(), "--out", slurmFile.toString(), "--policy", "slurm");
        assertThat(slurm.code()).as(slurm.err()).isZero();
        assertThat(ScenarioReader.read(slurmFile).scheduler().backfillPlans()).isEqualTo(org.preemptlab.slurmsched.BackfillPlans.WHOLE_NODES);
        Outcome own = cli("import-slurm", "--from-conf", conf.toString(), "--out", slurmFile.toString(), "--policy", "slurm",
                "--backfill-plans", "own-resources");
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(Files.readString(slurmFile)).contains("\"backfillPlans\": \"own-resources\"");
        assertThat(ScenarioReader.read(slurmFile).scheduler().backfillPlans()).isEqualTo(org.preemptlab.slurmsched.BackfillPlans.OWN_RESOURCES);
    }

    @Test
    void conflictingSourcesBadPoliciesAndSlurmFailuresAreOneClearLine() throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, "NodeName=n1 CPUs=2\n");
        Path file = dir.resolve("x.json");

        Outcome both = cli("import-slurm", "--from-conf", conf.toString(), "--slurm-conf", conf.toString(), "--out", file.toString());
        assertOneClearLine(both, "--from-conf and --slurm-conf exclude each other");

        Outcome policy = cli("import-slurm", "--from-conf", conf.toString(), "--out", file.toString(), "--policy", "sjf");
        assertOneClearLine(policy, "\"sjf\" is not a scheduler");

        Outcome plans = cli("import-slurm", "--from-conf", conf.toString(), "--out", file.toString(), "--policy", "slurm",
                "--backfill-plans", "nodes");
        assertOneClearLine(plans, "--backfill-plans nodes: must be whole-nodes or own-resources");
        Outcome easyPlans = cli("import-slurm", "--from-conf", conf.toString(), "--out", file.toString(), "--backfill-plans",
                "own-resources");
        assertOneClearLine(easyPlans, "--backfill-plans own-resources belongs to --policy slurm; easy has no backfill plans");

        Outcome noOut = cli("import-slurm", "--from-conf", conf.toString());
        assertThat(noOut.code()).isNotZero();
        assertThat(noOut.err()).contains("--out");

        SlurmCommands down = (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(),
                new Class<?>[] {SlurmCommands.class}, (proxy, method, args) -> {
                    throw new SlurmCommandException("The Slurm command `sinfo --json` failed (exit code 1): slurm_load_partitions: "
                            + "Unable to contact slurm controller (connect failure)");
                });
        Outcome failed = importLive(down, "--out", file.toString());
        assertOneClearLine(failed, "Unable to contact slurm controller");
        assertThat(file).doesNotExist();
    }

    @Test
    void theSitesFilesGiveAnImportReportOfEveryIgnoredSetting() throws Exception {
        Path site = Path.of("..", "sample-clusters", "slurm-site");
        Path report = dir.resolve("R.txt");
        Outcome o = cli("import-slurm", "--from-conf", site.resolve("slurm.conf").toString(), "--gres-conf", site.resolve("gres.conf").toString(),
                "--sacctmgr-dump", site.resolve("tundra.cfg").toString(), "--sacctmgr-qos", site.resolve("qos.txt").toString(),
                "--report", report.toString());
        assertThat(o.code()).as(o.err()).isZero();
        String text = Files.readString(report);
        assertThat(text).startsWith("Slurm import report\nslurm.conf: cluster tundra: 52 nodes, 16 GPUs, 5 partitions, "
                + "priority/multifactor, preempt/qos, select/cons_tres\n")
                .contains("sacctmgr dump: cluster tundra: 5 accounts, 7 user associations, 5 QOS\n")
                .contains("Ignored settings (read, not modelled): 33\n")
                .contains("  slurm.conf:4: SlurmctldHost=ctl1 — ignored (not modelled)\n")
                .contains("  nodes.conf:4: NodeName=cn[001-048] TmpDisk=400000 — ignored (not modelled)\n")
                .contains("  qos.txt:3: QOS high MaxTRESMins=cpu=100000 — ignored (not modelled)\n")
                .contains("Warnings: 0\n");
        assertThat(o.out()).startsWith(text).contains("wrote " + report + ": 33 ignored settings, 0 warnings");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }

    @Test
    void theTundraSiteImportsToAVersionTwoScenarioThatRunsWithSlurmColumns() throws Exception {
        Path site = Path.of("..", "sample-clusters", "slurm-site");
        Path scenario = dir.resolve("tundra.json");
        Outcome o = cli("import-slurm", "--from-conf", site.resolve("slurm.conf").toString(), "--gres-conf", site.resolve("gres.conf").toString(),
                "--sacctmgr-dump", site.resolve("tundra.cfg").toString(), "--sacctmgr-qos", site.resolve("qos.txt").toString(),
                "--out", scenario.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("Slurm import report").contains("Ignored settings (read, not modelled): 33");
        Scenario s = ScenarioReader.read(scenario);
        NodeCluster cluster = (NodeCluster) s.cluster();
        assertThat(cluster.nodeCount()).isEqualTo(52);
        assertThat(cluster.site().partitions()).hasSize(5);
        assertThat(cluster.pools().stream().mapToLong(p -> p.nodes() * p.gresCount(new org.preemptlab.gres.Gres("gpu", "", 1))).sum())
                .as("GPUs").isEqualTo(16);
        assertThat(cluster.site().accounts().userAssociations()).extracting(Object::toString)
                .containsExactlyInAnyOrder("alice@chem", "carol@chem", "eve@guests", "dave@ml", "alice@physics", "bob@physics");
        assertThat(cluster.site().qos().names()).hasSize(5);
        assertThat(Files.readString(scenario)).contains("\"formatVersion\": 2");

        Path events = dir.resolve("E.csv");
        Outcome run = cli("run", scenario.toString(), "--events-csv", events.toString());
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(events);
        assertThat(lines.get(0)).isEqualTo("time,event,job,nodes,reason,account,partition,qos,reason");
        assertThat(lines).anyMatch(l -> l.startsWith("0,start,placeholder,") && l.split(",").length >= 8);
    }

    @Test
    void aFileSlurmWouldRefuseIsOneLinePerProblem() throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, "NodeName=n1 CPUs=x\nPartitionName=gpu Nodes=n1 MaxTime=1-xx:00\n");
        Path report = dir.resolve("R.txt");
        Outcome o = cli("import-slurm", "--from-conf", conf.toString(), "--report", report.toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err().lines()).containsExactly(
                "preemptlab: slurm.conf:1: NodeName=n1 CPUs=x: not a whole number",
                "preemptlab: slurm.conf:2: PartitionName=gpu MaxTime=1-xx:00: not a Slurm time (days-hours:minutes:seconds)");
        assertThat(report).doesNotExist();

        assertOneClearLine(cli("import-slurm", "--report", report.toString()), "need --from-conf");
        assertOneClearLine(cli("import-slurm", "--pools", "--report", report.toString(), "--out", dir.resolve("p.json").toString()),
                "need --from-conf");
        assertOneClearLine(cli("import-slurm", "--from-conf", conf.toString(), "--report", conf.toString()), "--report");
        assertThat(Files.readString(conf)).startsWith("NodeName=n1 CPUs=x"); // an input is never overwritten by the report
    }

    /** A cluster whose scontrol and sacctmgr answer with the texts captured from the slurm-local sandbox (Slurm 22.05.8). */
    private static SlurmCommands siteCluster() throws IOException {
        Path d = FIXTURES.resolve("live-site");
        SlurmCommands.SiteTexts texts = new SlurmCommands.SiteTexts(Files.readString(d.resolve("scontrol-show-config.txt")),
                Files.readString(d.resolve("scontrol-show-partition.txt")), Files.readString(d.resolve("scontrol-show-node.txt")),
                Files.readString(d.resolve("scontrol-show-job.txt")), Files.readString(d.resolve("sacctmgr-dump.txt")),
                Files.readString(d.resolve("sacctmgr-qos.txt")));
        return (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(), new Class<?>[] {SlurmCommands.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "siteTexts" -> texts;
                    case "toString" -> "fake Slurm with scontrol";
                    default -> throw new UnsupportedOperationException("import-slurm must not call " + method.getName());
                });
    }

    @Test
    void aLiveClusterWithScontrolBecomesAVersionTwoScenarioWithItsReport() throws Exception {
        Path file = dir.resolve("now.json");
        Path report = dir.resolve("R.txt");
        java.time.Instant captured = java.time.LocalDateTime.parse(Files.readString(FIXTURES.resolve("live-site/captured-at.txt")).strip())
                .atZone(java.time.ZoneId.systemDefault()).toInstant();
        StringWriter out = new StringWriter(), err = new StringWriter();
        SlurmCommands slurm = siteCluster();
        CommandLine cl = new CommandLine(new ImportSlurmCommand(conf -> slurm, Clock.fixed(captured, ZoneOffset.UTC)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--out", file.toString(), "--report", report.toString());
        assertThat(code).as(err.toString()).isZero();
        String text = Files.readString(report);
        assertThat(text).startsWith("Slurm import report (live cluster)\nslurm.conf: cluster plabsite: 8 nodes, 6 GPUs, 3 partitions")
                .contains("sacctmgr dump: cluster plabsite").contains("SlurmctldPort=26917 — ignored (not modelled)");
        assertThat(out.toString()).startsWith(text).contains("wrote " + report + ": ");
        Scenario s = ScenarioReader.read(file);
        assertThat(((NodeCluster) s.cluster()).site()).isNotNull();
        assertThat(s.initialRuns()).hasSize(9);
        assertThat(s.jobs()).hasSize(20); // 9 running, 5 pending jobs and the 6 pending tasks of array 12
        assertThat(Files.readString(file)).contains("\"formatVersion\": 2").contains("\"account\": \"phys\"");

        // --pools: the version-1 path (here the connection has no sinfo: that path asks for it)
        Outcome v1 = importLive(slurm, "--pools", "--out", dir.resolve("v1.json").toString());
        assertThat(v1.code()).isNotZero();
        assertThat(v1.err()).contains("sinfoJson");
    }

    private static void assertOneClearLine(Outcome o, String expected) {
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains(expected).doesNotContain("\tat ");
        assertThat(o.err().strip().lines().count()).as(o.err()).isEqualTo(1);
    }

}
