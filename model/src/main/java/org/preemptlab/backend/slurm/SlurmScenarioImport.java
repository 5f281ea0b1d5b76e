package org.preemptlab.backend.slurm;

import org.preemptlab.sched.SchedulerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.InitialRun;

/**
 * "What if, from now": a {@link Scenario} from a live Slurm cluster ({@code sinfo --json} and
 * {@code squeue --json} through {@link SlurmCommands}) or from the NodeName/PartitionName lines of
 * a {@code slurm.conf}. Used by the {@code import-slurm} command and the planner's File ▸ Import
 * from Slurm.
 *
 * <p>Live import: time 0 of the scenario is the moment of the snapshot (written in the
 * description, UTC and local). Pools come from the partitions and nodes; pending jobs queue in
 * Slurm's priority order, all submitted at 0. Running jobs are already running
 * ({@link InitialRun}: their elapsed time done, on their nodes): estimate = their time limit,
 * runtime = elapsed + the rest of the limit (Slurm does not know when a job will really end;
 * {@link Options#runtimeShare()} scales the rest). A running job that cannot be placed as Slurm
 * reports it (a node sinfo does not show, nodes of several pools, more cores on a node than it
 * has), every running job with {@link Options#runningAsQueued()}, and suspended jobs are modelled
 * as jobs at the head of the queue at t=0 instead: submit 0, estimate = runtime = the rest of the
 * limit, nodes not pinned. The description lists each group with its elapsed time.
 *
 * <p>slurm.conf: the file has pools only, but a scenario needs at least one job (the reader
 * rejects {@code "jobs": []}), so ONE placeholder job is added (1 node × 1 core, 1 h estimate,
 * 30 min runtime, in the default partition) and the description says so. An empty live queue
 * gets the same placeholder.
 */
public final class SlurmScenarioImport {

    /** The name of the job added when there is no job to import. */
    public static final String PLACEHOLDER_JOB = "placeholder";

    /**
     * How to import.
     *
     * @param scheduler       the scenario's scheduler
     * @param name            the scenario name, or null: {@code slurm-now-<UTC time>} / {@code slurm-conf-<file>}
     * @param runtimeShare    live: runtime = rest of the time limit × this, in (0, 1]
     * @param noLimitSeconds  live: estimate of jobs without a time limit
     * @param runningAsQueued live: running jobs go to the head of the queue instead of running on their nodes
     * @param checkpointable  mark imported jobs checkpointable
     */
    public record Options(SchedulerSpec scheduler, String name, double runtimeShare, long noLimitSeconds,
            boolean runningAsQueued, boolean checkpointable) {

        public Options {
            Objects.requireNonNull(scheduler, "scheduler");
            if (name != null && name.isBlank()) name = null;
            new SlurmImport.Options(runtimeShare, noLimitSeconds, checkpointable); // the same checks
        }

        /** EASY, default name, whole limits, 1 day for jobs without a limit, running jobs on their nodes. */
        public static Options defaults() {
            return new Options(SchedulerSpec.of(SchedulerKind.EASY), null, 1.0, 86_400, false, false);
        }

        public Options withScheduler(SchedulerSpec s) {
            return new Options(s, name, runtimeShare, noLimitSeconds, runningAsQueued, checkpointable);
        }

        public Options withName(String n) {
            return new Options(scheduler, n, runtimeShare, noLimitSeconds, runningAsQueued, checkpointable);
        }
    }

    private SlurmScenarioImport() {}

    // ---------------------------------------------------------------- live cluster

    /**
     * The scenario of the cluster as {@code slurm} shows it at {@code now} (truncated to seconds):
     * the instant time 0 stands for.
     *
     * @throws SlurmCommandException if a Slurm command fails
     * @throws IllegalArgumentException if sinfo shows no node in any partition
     */
    public static Scenario fromCluster(SlurmCommands slurm, Instant now, Options options) {
        now = now.truncatedTo(ChronoUnit.SECONDS);
        String sinfo = slurm.sinfoJson();
        String squeue = slurm.squeueJson();
        SlurmImport.Snapshot snap = SlurmImport.fromJson(sinfo, squeue, now,
                new SlurmImport.Options(options.runtimeShare(), options.noLimitSeconds(), options.checkpointable()));
        if (snap.cluster().pools().isEmpty()) {
            throw new IllegalStateException("sinfo --json shows no nodes: nothing to import.\nMaybe check --slurm-conf / SLURM_CONF.");
        }
        double share = options.runtimeShare();
        List<String> lines = new ArrayList<>();
        lines.add("What if, from now: imported from a live Slurm cluster (sinfo --json, squeue --json) at "
                + DateTimeFormatter.ISO_INSTANT.format(now) + " (" + local(now) + "). Time 0 of this scenario is that instant.");
        lines.add("Pools: " + pools(snap.cluster()) + ".");
        List<SlurmImport.ImportedJob> suspended = snap.jobs().stream().filter(j -> j.status() == SlurmImport.Status.SUSPENDED).toList();
        List<SlurmImport.ImportedJob> pending = snap.jobs().stream().filter(j -> j.status() == SlurmImport.Status.PENDING).toList();
        NodeCluster nodes = snap.cluster().toNodeCluster();
        Placed placed = place(snap, nodes, options.runningAsQueued());
        if (!placed.running().isEmpty()) {
            lines.add("already running: " + describe(placed.running())
                    + " - placed on their nodes at t=0 with their elapsed time done (runningFor, onNodes); estimate = their time limit,"
                    + " runtime = elapsed + the rest of the limit" + (share < 1 ? " × " + share : "") + ".");
        }
        if (!placed.queued().isEmpty()) {
            lines.add("running, modelled as queued: " + describe(placed.queued())
                    + " - modelled as jobs at the head of the queue at t=0 (submit 0, estimate = runtime = the rest of their time limit"
                    + (share < 1 ? " × " + share + " for the runtime" : "") + "; their nodes are not pinned): "
                    + String.join("; ", placed.why()) + ".");
        }
        if (!suspended.isEmpty()) {
            lines.add("suspended: " + describe(suspended) + " - modelled like the running ones, after them, with their run time before the suspension counted as done.");
        }
        lines.add(pending.isEmpty() ? "pending: none."
                : "pending: " + org.preemptlab.units.Units.count(pending.size(), "job") + " in Slurm's priority order, all submitted at t=0"
                        + " (estimate = runtime = the time limit" + (share < 1 ? ", runtime × " + share : "") + ").");
        if (snap.jobs().isEmpty()) {
            // the reader needs a job: the queue is empty, so the placeholder is the only honest choice
            lines.add("The queue was empty: one placeholder job (" + PLACEHOLDER_JOB + ") was added because a scenario needs at least one job; replace it.");
        }
        lines.add("No preemption rules and no maintenance were imported: add a \"preemption\" or \"maintenance\" section for the what-if.");
        for (String w : snap.warnings()) lines.add("note: " + w);
        List<JobSpec> jobs = snap.jobs().isEmpty() ? List.of(placeholder(snap.cluster())) : placed.specs();
        String scenarioName = options.name() != null ? options.name()
                : "slurm-now-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneId.of("UTC")).format(now);
        return new Scenario(scenarioName, String.join("\n", lines), Scenario.DEFAULT_SEED, nodes, jobs,
                options.scheduler(), null, null, null, null, null, null, null, placed.initialRuns());
    }

    /**
     * The cluster at {@code now} on the site model when the connection can show it
     * ({@link SlurmCommands#siteTexts()}: a version-2 scenario by {@link LiveSiteImport}), else the
     * pools of {@code sinfo --json} / {@code squeue --json} ({@link #fromCluster}, version 1; the
     * description says why).
     */
    public static Scenario fromLiveCluster(SlurmCommands slurm, Instant now, Options options) {
        return importLive(slurm, now, options).scenario();
    }

    /**
     * A live import: the scenario, and the site read when it is on the site model (its {@code report()}:
     * every setting the cluster runs with that the model has not, and the import's warnings — what
     * {@code import-slurm} prints), else null (the pools of sinfo / squeue).
     */
    public record LiveImport(Scenario scenario, org.preemptlab.slurmconf.SlurmSite site) {}

    /** As {@link #fromLiveCluster}, with the site read (and its import report) when on the site model. */
    public static LiveImport importLive(SlurmCommands slurm, Instant now, Options options) {
        String why;
        try {
            LiveSiteImport.Result r = LiveSiteImport.build(slurm.siteTexts(), now, options);
            return new LiveImport(r.scenario(), r.site());
        } catch (UnsupportedOperationException | SlurmCommandException e) {
            why = e.getMessage();
        }
        Scenario v1 = fromCluster(slurm, now, options);
        return new LiveImport(v1.toBuilder().description(v1.description() + "\nnote: pools, not the site model: " + why).build(), null);
    }

    /** The jobs in queue order, running ones already running where they fit. */
    private record Placed(List<JobSpec> specs, List<InitialRun> initialRuns, List<SlurmImport.ImportedJob> running,
            List<SlurmImport.ImportedJob> queued, List<String> why) {}

    /**
     * Running jobs become already-running jobs on their Slurm nodes when every node is known,
     * all are in one pool and have the cores left; the others stay queued at the head.
     */
    private static Placed place(SlurmImport.Snapshot snap, NodeCluster nodes, boolean runningAsQueued) {
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
            if (problem == null && idx.length != s.nodes()) problem = s.name() + " runs on " + org.preemptlab.units.Units.count(idx.length, "node") + " for " + s.nodes();
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
            specs.add(s.toBuilder().submit(0).estimate(s.estimate() + elapsed).runtime(s.runtime() + elapsed).swf(null)
                    .build());
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
            parts.add(s.name() + " (partition " + j.partition() + ", " + org.preemptlab.units.Units.count(s.nodes(), "node") + " × " + s.coresPerNode() + " cores"
                    + (j.nodes().isEmpty() ? "" : " on " + String.join(",", j.nodes())) + ", elapsed " + org.preemptlab.units.Units.duration(j.elapsedSeconds())
                    + ", " + org.preemptlab.units.Units.duration(s.estimate()) + " of its limit left)");
        }
        return String.join("; ", parts);
    }

    // ---------------------------------------------------------------- slurm.conf

    /**
     * Pools from a slurm.conf file and one placeholder job.
     *
     * @throws IllegalArgumentException if the file does not exist
     */
    public static Scenario fromConf(Path file, Options options) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("slurm.conf " + file + ": no such file");
        return fromConf(SlurmConf.read(file), file.toAbsolutePath().toString(), file.getFileName().toString(), options);
    }

    /**
     * Pools from slurm.conf text and one placeholder job.
     *
     * @throws IllegalArgumentException if the text has no NodeName line
     *
     * @param source where the text comes from, for the description and the default name (e.g. the file name)
     */
    public static Scenario fromConfText(String text, String source, Options options) {
        String label = source == null || source.isBlank() ? "slurm.conf" : source;
        String base = label.replaceAll(".*[/\\\\]", "");
        return fromConf(SlurmConf.parse(text), label, base.isEmpty() ? "slurm.conf" : base, options);
    }

    private static Scenario fromConf(SlurmCluster cluster, String source, String baseName, Options options) {
        List<String> lines = new ArrayList<>();
        lines.add("Pools imported from " + source + " (NodeName/PartitionName lines): " + pools(cluster) + ".");
        lines.add("slurm.conf has no jobs, and a scenario needs at least one: ONE placeholder job (" + PLACEHOLDER_JOB
                + ", 1 node × 1 core, 1 h estimate, 30 min runtime, submitted at 0) was added. Replace it with your jobs, "
                + "or use import-slurm without --from-conf on the live cluster to import its queue.");
        for (SlurmCluster.Partition p : cluster.partitions()) {
            lines.add("partition " + p.name() + (p.isDefault() ? " (default)" : "") + ": PriorityTier " + p.priorityTier()
                    + ", " + org.preemptlab.units.Units.count(p.nodes().size(), "node") + ", pools " + String.join(", ", p.pools()));
        }
        for (String w : cluster.warnings()) lines.add("note: " + w);
        String scenarioName = options.name() != null ? options.name()
                : "slurm-conf-" + baseName.replaceAll("[^A-Za-z0-9._-]", "_");
        return new Scenario(scenarioName, String.join("\n", lines), Scenario.DEFAULT_SEED, cluster.toNodeCluster(),
                List.of(placeholder(cluster)), options.scheduler(), null, null, null, null, null, null, null);
    }

    /**
     * A version-2 scenario of a site's files ({@code slurm.conf} and, if read, {@code gres.conf},
     * {@code sacctmgr dump}, {@code sacctmgr show qos}): node groups, partitions, accounts, QOS,
     * priority and preemption settings through {@link org.preemptlab.slurmconf.SiteMapping} (its
     * warnings go to the site's import report), and ONE placeholder job (1 CPU on 1 node of the
     * default partition, 1 h limit or the partition's default, 30 min run) of the first user
     * association (or user "user" in account "default" when no dump was read).
     */
    public static Scenario fromSite(org.preemptlab.slurmconf.SlurmSite site, String source, String baseName, Options options) {
        NodeCluster cluster = org.preemptlab.slurmconf.SiteMapping.cluster(site);
        org.preemptlab.site.Site s = cluster.site();
        org.preemptlab.account.AccountTree tree = s.accounts();
        List<org.preemptlab.account.AssocKey> users = tree.userAssociations();
        org.preemptlab.account.AssocKey who;
        if (users.isEmpty()) {
            tree = org.preemptlab.account.AccountTree.builder().account("default", org.preemptlab.account.AssocKey.ROOT_NAME, 1)
                    .user("user", "default", 1).build();
            cluster = cluster.withSite(s.toBuilder().accounts(tree).build());
            s = cluster.site();
            who = org.preemptlab.account.AssocKey.user("user", "default");
        } else {
            who = users.get(0);
        }
        org.preemptlab.partition.Partition part = s.defaultPartition();
        long limit = part.defaultLimit() > 0 ? Math.min(part.defaultLimit(), 3_600) : 3_600;
        String qos = tree.defaultQos(who);
        if (qos == null || !s.qos().contains(qos)) qos = s.qos().contains(JobSpec.DEFAULT_QOS) ? JobSpec.DEFAULT_QOS : s.qos().names().iterator().next();
        int threads = 1;
        for (NodePool p : cluster.pools()) if (part.groups().contains(p.name())) { threads = p.threadsPerCore(); break; }
        org.preemptlab.job.SlurmRequest request = org.preemptlab.job.SlurmRequest.of(who.user(), who.account()).toBuilder()
                .wholeNodeMemory(s.defMemPerCpuMb() == 0).build();
        JobSpec job = new JobSpec(1, PLACEHOLDER_JOB, 0, 1, threads, s.defMemPerCpuMb() * threads, limit, Math.min(1_800, limit), qos,
                who.account(), List.of(), true, true, 0, 0, null, request);
        List<String> lines = new ArrayList<>();
        lines.add("Slurm cluster imported from " + source + ": " + groups(cluster) + ".");
        lines.add("The files have no jobs, and a scenario needs at least one: ONE placeholder job (" + PLACEHOLDER_JOB
                + ", " + threads + " CPU(s) on 1 node of partition " + part.name() + ", user " + who.user() + ", account "
                + who.account() + ", submitted at 0) was added. Replace it with your jobs.");
        for (org.preemptlab.partition.Partition p : s.partitions()) {
            long nodes = cluster.pools().stream().filter(g -> p.groups().contains(g.name())).mapToLong(NodePool::nodes).sum();
            lines.add("partition " + p.name() + (p.isDefault() ? " (default)" : "") + ": PriorityTier " + p.priorityTier()
                    + ", " + org.preemptlab.units.Units.count(nodes, "node") + ", node groups " + String.join(", ", p.groups()));
        }
        String scenarioName = options.name() != null ? options.name()
                : "slurm-conf-" + baseName.replaceAll("[^A-Za-z0-9._-]", "_");
        long slice = org.preemptlab.slurmconf.SiteMapping.timeSliceSeconds(site);
        boolean shares = s.partitions().stream().anyMatch(p -> p.shareJobs() > 1);
        if (shares) {
            lines.add("Gang scheduling: partitions with OverSubscribe=FORCE:N / YES:N time-slice their jobs every "
                    + slice + " s (SchedulerTimeSlice).");
        }
        return new Scenario(scenarioName, String.join("\n", lines), Scenario.DEFAULT_SEED, cluster, List.of(job),
                options.scheduler(), null, null, null, null, null, null, null, List.of(),
                org.preemptlab.gang.GangSettings.NONE.withTimeSlice(slice));
    }

    private static String groups(NodeCluster cluster) {
        List<String> parts = new ArrayList<>();
        for (NodePool p : cluster.pools()) {
            parts.add(p.name() + " = " + org.preemptlab.units.Units.count(p.nodes(), "node") + " × " + p.coresPerNode() + " CPUs, " + p.memoryPerNodeMb() + " MB"
                    + (p.gres().isEmpty() ? "" : ", " + org.preemptlab.gres.Gres.format(p.gres())));
        }
        return String.join("; ", parts);
    }

    /** 1 node × 1 core in the default partition's pools: fits any pool. */
    public static JobSpec placeholder(SlurmCluster cluster) {
        SlurmCluster.Partition p = cluster.defaultPartition();
        List<String> pools = p == null ? List.of() : p.pools();
        return new JobSpec(1, PLACEHOLDER_JOB, 0, 1, 1, 0, 3_600, 1_800, JobSpec.DEFAULT_QOS, "", pools, true, true, 0, 0, null);
    }

    /** True when {@code s} holds only the placeholder job. */
    public static boolean isPlaceholderOnly(Scenario s) {
        return s.jobs().size() == 1 && s.jobs().get(0).name().equals(PLACEHOLDER_JOB);
    }

    // ---------------------------------------------------------------- text

    private static String pools(SlurmCluster cluster) {
        List<String> parts = new ArrayList<>();
        for (NodePool p : cluster.pools()) {
            parts.add(p.name() + " = " + org.preemptlab.units.Units.count(p.nodes(), "node") + " × " + p.coresPerNode() + " cores"
                    + (p.memoryPerNodeMb() > 0 ? ", " + p.memoryPerNodeMb() + " MB" : ""));
        }
        return String.join("; ", parts);
    }

    private static String local(Instant now) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").format(ZonedDateTime.ofInstant(now, ZoneId.systemDefault()));
    }
}
