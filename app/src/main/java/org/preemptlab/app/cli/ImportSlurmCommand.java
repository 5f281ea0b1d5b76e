package org.preemptlab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.SlurmCluster;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.preemptlab.backend.slurm.SlurmConf;
import org.preemptlab.backend.slurm.SlurmImport;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.io.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.io.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.InitialRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * "What if, from now": writes a scenario file from a live Slurm cluster ({@code sinfo --json} and
 * {@code squeue --json}) or, with {@code --from-conf}, from the NodeName/PartitionName lines of a
 * {@code slurm.conf}.
 *
 * <p>Live import: time 0 of the scenario is the moment of the snapshot (written in the
 * description, UTC and local). Pools come from the partitions and nodes; pending jobs queue in
 * Slurm's priority order, all submitted at 0. Running jobs are written as already running
 * ({@code runningFor} = their elapsed time, {@code onNodes} = their nodes): estimate = their
 * time limit, runtime = elapsed + the rest of the limit (Slurm does not know when a job will
 * really end; {@code --runtime-share} scales the rest). A running job that cannot be placed as
 * Slurm reports it (a node sinfo does not show, nodes of several pools, more cores on a node than
 * it has), every running job with {@code --running-as-queued}, and suspended jobs are modelled
 * as jobs at the head of the queue at t=0 instead: submit 0, estimate = runtime = the rest of the
 * limit, nodes not pinned. The description lists each group with its elapsed time.
 *
 * <p>{@code --from-conf}: the file has pools only, but a scenario needs at least one job (the
 * reader rejects {@code "jobs": []}), so ONE placeholder job is written (1 node × 1 core, 1 h
 * estimate, 30 min runtime, in the default partition) and the description says so: replace it
 * with real jobs, or import a live queue instead.
 *
 * <p>The written file is read back with the scenario reader before the command reports success.
 */
@Command(name = "import-slurm", mixinStandardHelpOptions = true,
        description = {"Write a scenario from a live Slurm cluster (sinfo --json, squeue --json): pools from its partitions "
                + "and nodes, its running, suspended and pending jobs, time 0 = now.",
                "With --from-conf: pools from slurm.conf NodeName/PartitionName lines and one placeholder job."})
final class ImportSlurmCommand implements Callable<Integer> {

    static final String PLACEHOLDER_JOB = "placeholder";

    @Option(names = "--out", required = true, paramLabel = "SCENARIO.json", description = "the scenario file to write")
    Path out;

    @Option(names = "--slurm-conf", paramLabel = "PATH",
            description = "live import: the cluster's slurm.conf for the Slurm commands (default: $PREEMPTLAB_SLURM_DIR/slurm.conf, $SLURM_CONF, Slurm's own)")
    Path slurmConf;

    @Option(names = "--from-conf", paramLabel = "slurm.conf",
            description = "no cluster needed: pools from this file's NodeName/PartitionName lines, one placeholder job")
    Path fromConf;

    @Option(names = "--policy", defaultValue = "easy",
            description = "scheduler of the scenario: fcfs, easy, conservative, aggressive-checkpoint, preemption-backfill (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--name", description = "scenario name (default: slurm-now-<UTC time>, or slurm-conf-<file>)")
    String name;

    @Option(names = "--runtime-share", defaultValue = "1.0",
            description = "live import: runtime = rest of the time limit × this, in (0, 1] (default: ${DEFAULT-VALUE}: jobs use their whole limit)")
    double runtimeShare;

    @Option(names = "--no-limit", defaultValue = "86400",
            description = "live import: estimate, in seconds, of jobs without a time limit (default: ${DEFAULT-VALUE})")
    long noLimitSeconds;

    @Option(names = "--running-as-queued",
            description = "live import: model running jobs as jobs at the head of the queue at t=0 (rest of their limit), not as already running on their nodes")
    boolean runningAsQueued;

    @Option(names = "--checkpointable", description = "mark imported jobs checkpointable (default: not, as Slurm cannot tell)")
    boolean checkpointable;

    private final Function<Path, SlurmCommands> connect;
    private final Clock clock;
    /** The instant time 0 stands for (live import). */
    private Instant snapshotAt;

    /** The real cluster through the Slurm command-line tools. */
    ImportSlurmCommand() {
        this(conf -> conf != null ? new SlurmCli(conf) : SlurmCli.fromEnvironment(), Clock.systemUTC());
    }

    /** Tests: a fake cluster and a fixed "now". */
    ImportSlurmCommand(Function<Path, SlurmCommands> connect, Clock clock) {
        this.connect = connect;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        if (fromConf != null && slurmConf != null) {
            throw new IllegalArgumentException("--from-conf and --slurm-conf exclude each other: --from-conf reads a slurm.conf "
                    + "without a cluster, --slurm-conf names the live cluster to query.");
        }
        SchedulerSpec scheduler = SchedulerSpec.of(policy);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out " + out + ": the directory " + parent + " does not exist.");
        }
        Scenario scenario = fromConf != null ? fromConf(scheduler) : fromCluster(scheduler);
        ScenarioWriter.write(scenario, out);
        Scenario back = ScenarioReader.read(out); // the file must load as written
        System.out.println(summary(back));
        return 0;
    }

    // ---------------------------------------------------------------- live cluster

    private Scenario fromCluster(SchedulerSpec scheduler) {
        SlurmCommands slurm = connect.apply(slurmConf);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        snapshotAt = now;
        String sinfo = slurm.sinfoJson();
        String squeue = slurm.squeueJson();
        SlurmImport.Snapshot snap = SlurmImport.fromJson(sinfo, squeue, now,
                new SlurmImport.Options(runtimeShare, noLimitSeconds, checkpointable));
        if (snap.cluster().pools().isEmpty()) {
            throw new IllegalStateException("sinfo --json shows no nodes: nothing to import.\nMaybe check --slurm-conf / SLURM_CONF.");
        }
        List<String> lines = new ArrayList<>();
        lines.add("What if, from now: imported from a live Slurm cluster (sinfo --json, squeue --json) at "
                + DateTimeFormatter.ISO_INSTANT.format(now) + " (" + local(now) + "). Time 0 of this scenario is that instant.");
        lines.add("Pools: " + pools(snap.cluster()) + ".");
        List<SlurmImport.ImportedJob> suspended = snap.jobs().stream().filter(j -> j.status() == SlurmImport.Status.SUSPENDED).toList();
        List<SlurmImport.ImportedJob> pending = snap.jobs().stream().filter(j -> j.status() == SlurmImport.Status.PENDING).toList();
        NodeCluster nodes = snap.cluster().toNodeCluster();
        Placed placed = place(snap, nodes);
        if (!placed.running().isEmpty()) {
            lines.add("already running: " + describe(placed.running())
                    + " - placed on their nodes at t=0 with their elapsed time done (runningFor, onNodes); estimate = their time limit,"
                    + " runtime = elapsed + the rest of the limit" + (runtimeShare < 1 ? " × " + runtimeShare : "") + ".");
        }
        if (!placed.queued().isEmpty()) {
            lines.add("running, modelled as queued: " + describe(placed.queued())
                    + " - modelled as jobs at the head of the queue at t=0 (submit 0, estimate = runtime = the rest of their time limit"
                    + (runtimeShare < 1 ? " × " + runtimeShare + " for the runtime" : "") + "; their nodes are not pinned): "
                    + String.join("; ", placed.why()) + ".");
        }
        if (!suspended.isEmpty()) {
            lines.add("suspended: " + describe(suspended) + " - modelled like the running ones, after them, with their run time before the suspension counted as done.");
        }
        lines.add(pending.isEmpty() ? "pending: none."
                : "pending: " + pending.size() + " job(s) in Slurm's priority order, all submitted at t=0"
                        + " (estimate = runtime = the time limit" + (runtimeShare < 1 ? ", runtime × " + runtimeShare : "") + ").");
        if (snap.jobs().isEmpty()) {
            // the reader needs a job: the queue is empty, so the placeholder is the only honest choice
            lines.add("The queue was empty: one placeholder job (" + PLACEHOLDER_JOB + ") was added because a scenario needs at least one job; replace it.");
        }
        lines.add("No preemption rules and no maintenance were imported: add a \"preemption\" or \"maintenance\" section for the what-if.");
        for (String w : snap.warnings()) lines.add("note: " + w);
        List<JobSpec> jobs = snap.jobs().isEmpty() ? List.of(placeholder(snap.cluster())) : placed.specs();
        String scenarioName = name != null ? name : "slurm-now-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneId.of("UTC")).format(now);
        return new Scenario(scenarioName, String.join("\n", lines), Scenario.DEFAULT_SEED, nodes, jobs,
                scheduler, null, null, null, null, null, null, null, placed.initialRuns());
    }

    /** The jobs in queue order, running ones already running where they fit. */
    private record Placed(List<JobSpec> specs, List<InitialRun> initialRuns, List<SlurmImport.ImportedJob> running,
            List<SlurmImport.ImportedJob> queued, List<String> why) {}

    /**
     * Running jobs become already-running jobs on their Slurm nodes when every node is known,
     * all are in one pool and have the cores left; the others stay queued at the head.
     */
    private Placed place(SlurmImport.Snapshot snap, NodeCluster nodes) {
        List<String> slurmNames = snap.cluster().slurmNodeNames();
        int[] freeCores = new int[slurmNames.size()];
        for (int i = 0; i < freeCores.length; i++) freeCores[i] = nodes.pools().get(nodes.poolOf(i)).coresPerNode();
        List<JobSpec> specs = new ArrayList<>();
        List<InitialRun> initial = new ArrayList<>();
        List<SlurmImport.ImportedJob> running = new ArrayList<>(), queued = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (SlurmImport.ImportedJob j : snap.jobs()) {
            JobSpec s = j.spec();
            if (j.status() != SlurmImport.Status.RUNNING) {
                specs.add(s);
                continue;
            }
            String problem = runningAsQueued ? "--running-as-queued" : null;
            int[] idx = new int[j.nodes().size()];
            for (int i = 0; problem == null && i < idx.length; i++) {
                idx[i] = slurmNames.indexOf(j.nodes().get(i));
                if (idx[i] < 0) problem = s.name() + " runs on " + j.nodes().get(i) + ", which sinfo does not show";
            }
            if (problem == null && idx.length != s.nodes()) problem = s.name() + " runs on " + idx.length + " node(s) for " + s.nodes();
            for (int i = 0; problem == null && i < idx.length; i++) {
                if (nodes.poolOf(idx[i]) != nodes.poolOf(idx[0])) problem = s.name() + " spans several pools";
                else if (freeCores[idx[i]] < s.coresPerNode()) problem = s.name() + " needs " + s.coresPerNode() + " cores on "
                        + j.nodes().get(i) + ", which other running jobs already use";
            }
            if (problem != null) {
                if (!runningAsQueued) why.add(problem);
                specs.add(s);
                queued.add(j);
                continue;
            }
            for (int i : idx) freeCores[i] -= s.coresPerNode();
            long elapsed = j.elapsedSeconds();
            specs.add(new JobSpec(s.id(), s.name(), 0, s.nodes(), s.coresPerNode(), s.memoryPerNodeMb(), s.estimate() + elapsed,
                    s.runtime() + elapsed, s.qos(), s.group(), s.pools(), s.rerunnable(), s.checkpointable(), s.imageMbPerNode(),
                    s.checkpointInterval(), null));
            initial.add(new InitialRun(s.id(), idx, elapsed));
            running.add(j);
        }
        if (runningAsQueued && !queued.isEmpty()) why.add("asked for with --running-as-queued");
        return new Placed(specs, initial, running, queued, why);
    }

    private static String describe(List<SlurmImport.ImportedJob> jobs) {
        List<String> parts = new ArrayList<>();
        for (SlurmImport.ImportedJob j : jobs) {
            JobSpec s = j.spec();
            parts.add(s.name() + " (partition " + j.partition() + ", " + s.nodes() + " node(s) × " + s.coresPerNode() + " cores"
                    + (j.nodes().isEmpty() ? "" : " on " + String.join(",", j.nodes())) + ", elapsed " + hms(j.elapsedSeconds())
                    + ", " + hms(s.estimate()) + " of its limit left)");
        }
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- slurm.conf

    private Scenario fromConf(SchedulerSpec scheduler) {
        if (!Files.isRegularFile(fromConf)) throw new IllegalArgumentException("--from-conf " + fromConf + ": no such file");
        SlurmCluster cluster = SlurmConf.read(fromConf);
        List<String> lines = new ArrayList<>();
        lines.add("Pools imported from " + fromConf.toAbsolutePath() + " (NodeName/PartitionName lines): " + pools(cluster) + ".");
        lines.add("slurm.conf has no jobs, and a scenario needs at least one: ONE placeholder job (" + PLACEHOLDER_JOB
                + ", 1 node × 1 core, 1 h estimate, 30 min runtime, submitted at 0) was added. Replace it with your jobs, "
                + "or use import-slurm without --from-conf on the live cluster to import its queue.");
        for (SlurmCluster.Partition p : cluster.partitions()) {
            lines.add("partition " + p.name() + (p.isDefault() ? " (default)" : "") + ": PriorityTier " + p.priorityTier()
                    + ", " + p.nodes().size() + " node(s), pools " + String.join(", ", p.pools()));
        }
        for (String w : cluster.warnings()) lines.add("note: " + w);
        String scenarioName = name != null ? name : "slurm-conf-" + fromConf.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return new Scenario(scenarioName, String.join("\n", lines), Scenario.DEFAULT_SEED, cluster.toNodeCluster(),
                List.of(placeholder(cluster)), scheduler, null, null, null, null, null, null, null);
    }

    /** 1 node × 1 core in the default partition's pools: fits any pool. */
    static JobSpec placeholder(SlurmCluster cluster) {
        SlurmCluster.Partition p = cluster.defaultPartition();
        List<String> pools = p == null ? List.of() : p.pools();
        return new JobSpec(1, PLACEHOLDER_JOB, 0, 1, 1, 0, 3_600, 1_800, JobSpec.DEFAULT_QOS, "", pools, true, true, 0, 0, null);
    }

    // ---------------------------------------------------------------- text

    private static String pools(SlurmCluster cluster) {
        List<String> parts = new ArrayList<>();
        for (NodePool p : cluster.pools()) {
            parts.add(p.name() + " = " + p.nodes() + " node(s) × " + p.coresPerNode() + " cores"
                    + (p.memoryPerNodeMb() > 0 ? ", " + p.memoryPerNodeMb() + " MB" : ""));
        }
        return String.join("; ", parts);
    }

    private static String local(Instant now) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").format(ZonedDateTime.ofInstant(now, ZoneId.systemDefault()));
    }

    static String hms(long seconds) {
        long h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
        if (seconds == 0) return "0s";
        return (h > 0 ? h + "h" : "") + (m > 0 ? m + "m" : "") + (s > 0 ? s + "s" : "");
    }

    private String summary(Scenario s) {
        long nodes = s.cluster() instanceof org.preemptlab.cluster.NodeCluster nc ? nc.pools().stream().mapToLong(NodePool::nodes).sum() : 0;
        int poolCount = s.cluster() instanceof org.preemptlab.cluster.NodeCluster nc ? nc.pools().size() : 0;
        boolean placeholder = s.jobs().size() == 1 && s.jobs().get(0).name().equals(PLACEHOLDER_JOB);
        return "wrote " + out + ": scenario " + s.name() + ", " + poolCount + " pool(s), " + nodes + " node(s), "
                + (placeholder ? "1 placeholder job (replace it)" : s.jobs().size() + " job(s)") + ", policy " + s.scheduler().name()
                + (snapshotAt == null ? "" : "; time 0 = " + DateTimeFormatter.ISO_INSTANT.format(snapshotAt));
    }
}
