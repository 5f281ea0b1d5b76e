package org.preemptlab.app.cli;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.slurmsched.BackfillPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.LiveSiteImport;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.preemptlab.backend.slurm.SlurmScenarioImport;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.slurmconf.SlurmConfException;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * "What if, from now": writes a scenario file of a live Slurm cluster, or, with {@code --from-conf},
 * of a site's files.
 *
 * <p>Live import (default): a version-2 scenario on the site model ({@link LiveSiteImport}: scontrol
 * show config/partition/node/job, sacctmgr dump and show qos when accounting answers) and its import
 * report, printed and with {@code --report} written. With {@code --pools}, or a connection that
 * cannot run scontrol, the version-1 scenario of pools described below ({@code sinfo --json} and
 * {@code squeue --json}, built by {@link SlurmScenarioImport}).
 *
 * <p>Version-1 live import ({@code --pools}): time 0 of the scenario is the moment of the snapshot (written in the
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
 *
 * <p>{@code --report R.txt} (with {@code --from-conf}): reads the site's files as Slurm does
 * ({@link SlurmSite}: the {@code slurm.conf} and its includes, and {@code --gres-conf},
 * {@code --sacctmgr-dump}, {@code --sacctmgr-qos} if given) and writes and prints the import
 * report: what was read, every setting that is not modelled with its value and {@code file:line},
 * and the warnings. A file Slurm would refuse is one line per problem ({@code file:line: key=value:
 * why}) and exit code 2. The scenario of these files needs scenario format 2 (not yet): with
 * {@code --out} as well, the scenario is still the pools-and-placeholder one described above.
 */
@Command(name = "import-slurm", mixinStandardHelpOptions = true,
        description = {"Write a scenario from a live Slurm cluster, time 0 = now: a version-2 scenario on the site model (scontrol show "
                + "config/partition/node/job, sacctmgr dump and show qos when accounting answers; pending jobs keep accounts, partitions, "
                + "QOS, GRES, memory, array throttles, dependencies; running jobs their nodes and elapsed time) and its import report "
                + "(--report R.txt to keep it). With --pools, or when scontrol cannot be run: pools from sinfo --json / squeue --json "
                + "(version 1).",
                "With --from-conf: pools from slurm.conf NodeName/PartitionName lines and one placeholder job.",
                "With --from-conf and --report R.txt: the import report of the site's files (slurm.conf, --gres-conf, --sacctmgr-dump, "
                        + "--sacctmgr-qos): every setting read but not modelled, with its value and file:line."})
final class ImportSlurmCommand implements Callable<Integer> {

    static final String PLACEHOLDER_JOB = SlurmScenarioImport.PLACEHOLDER_JOB;

    @Option(names = "--out", paramLabel = "SCENARIO.json", description = "the scenario file to write (required unless --report is given)")
    Path out;

    @Option(names = "--report", paramLabel = "R.txt",
            description = "with --from-conf: write (and print) the import report: what was read, every setting not modelled with its value and file:line, warnings")
    Path report;

    @Option(names = "--gres-conf", paramLabel = "gres.conf", description = "with --from-conf --report: the site's gres.conf")
    Path gresConf;

    @Option(names = "--sacctmgr-dump", paramLabel = "FILE", description = "with --from-conf --report: a `sacctmgr dump CLUSTER` file (accounts, users, QOS)")
    Path sacctmgrDump;

    @Option(names = "--sacctmgr-qos", paramLabel = "FILE", description = "with --from-conf --report: the output of `sacctmgr -P show qos`")
    Path sacctmgrQos;

    @Spec
    CommandSpec spec;

    @Option(names = "--slurm-conf", paramLabel = "PATH",
            description = "live import: the cluster's slurm.conf for the Slurm commands (default: $PREEMPTLAB_SLURM_DIR/slurm.conf, $SLURM_CONF, Slurm's own)")
    Path slurmConf;

    @Option(names = "--from-conf", paramLabel = "slurm.conf",
            description = "no cluster needed: pools from this file's NodeName/PartitionName lines, one placeholder job")
    Path fromConf;

    @Option(names = "--policy", defaultValue = "easy",
            description = "scheduler of the scenario: fcfs, easy, conservative, aggressive-checkpoint, preemption-backfill, slurm (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--backfill-plans", paramLabel = "PLANS",
            description = "with --policy slurm: its backfill plans, whole-nodes (Slurm's, the default) or own-resources (each plan holds only its job's CPUs, memory and GRES)")
    String backfillPlans;

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

    @Option(names = "--pools",
            description = "live import: pools from sinfo --json / squeue --json (a version-1 scenario) instead of the site model"
                    + " (scontrol show config/partition/node/job, sacctmgr dump: version 2)")
    boolean pools;

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
        boolean siteFiles = gresConf != null || sacctmgrDump != null || sacctmgrQos != null;
        if (siteFiles && fromConf == null) {
            throw new IllegalArgumentException("--gres-conf, --sacctmgr-dump and --sacctmgr-qos read a site's files: they need --from-conf slurm.conf");
        }
        if (report != null && fromConf == null && (pools || out == null)) {
            throw new IllegalArgumentException("--report reads a site: the site's files need --from-conf slurm.conf; a live import on the "
                    + "site model writes its report with --out (and without --pools)");
        }
        if (out == null && report == null) {
            throw new IllegalArgumentException("--out SCENARIO.json is required (with --from-conf, --report R.txt may be given instead)");
        }
        SchedulerSpec scheduler = scheduler();
        if (fromConf != null) return fromSiteFiles(scheduler);
        OutputTargets.create().input("--slurm-conf", slurmConf).input("--from-conf", fromConf).output("--out", out).check();
        SlurmScenarioImport.Options options = new SlurmScenarioImport.Options(scheduler, name, runtimeShare, noLimitSeconds,
                runningAsQueued, checkpointable);
        Scenario scenario;
        if (fromConf != null) {
            if (!Files.isRegularFile(fromConf)) throw new IllegalArgumentException("--from-conf " + fromConf + ": no such file");
            scenario = SlurmScenarioImport.fromConf(fromConf, options);
        } else {
            SlurmCommands slurm = connect.apply(slurmConf);
            snapshotAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            SlurmCommands.SiteTexts texts = null;
            if (!pools) {
                try {
                    texts = slurm.siteTexts();
                } catch (UnsupportedOperationException e) {
                    texts = null; // a connection without scontrol (e.g. a REST adapter): the pools of sinfo/squeue, version 1
                }
            }
            if (texts != null) return liveSite(texts, options);
            scenario = SlurmScenarioImport.fromCluster(slurm, snapshotAt, options);
        }
        // the file must load as written: read back from the text before it is written (the target may be a pipe)
        Path real = AtomicFiles.isStdout(out) ? Path.of("").toAbsolutePath().resolve("stdout.json") : AtomicFiles.followLinks(out);
        String json = ScenarioWriter.toJson(scenario, real.getParent());
        Scenario back = ScenarioReader.read(json, String.valueOf(out.getFileName()), real.getParent());
        AtomicFiles.write(out, w -> w.write(json));
        SummaryOut.stream(out).println(summary(back));
        return 0;
    }

    /**
     * Live import on the site model: the version-2 scenario of {@link LiveSiteImport} written to
     * {@code --out}, the import report (every setting the cluster runs with but the model has not,
     * with its value, and the import's simplifications) printed and written to {@code --report}.
     */
    private int liveSite(SlurmCommands.SiteTexts texts, SlurmScenarioImport.Options options) throws Exception {
        LiveSiteImport.Result result;
        try {
            result = LiveSiteImport.build(texts, snapshotAt, options);
        } catch (SlurmConfException e) {
            for (String problem : e.problems()) stderr().println("preemptlab: " + problem);
            stderr().flush();
            return 2;
        }
        Path real = AtomicFiles.isStdout(out) ? Path.of("").toAbsolutePath().resolve("stdout.json") : AtomicFiles.followLinks(out);
        String json = ScenarioWriter.toJson(result.scenario(), real.getParent());
        Scenario back = ScenarioReader.read(json, String.valueOf(out.getFileName()), real.getParent());
        SlurmSite site = result.site();
        printReport("Slurm import report (live cluster)", site, AtomicFiles.isStdout(out) ? stderr() : stdout());
        AtomicFiles.write(out, w -> w.write(json));
        SummaryOut.stream(out).println(summary(back) + ", " + back.initialRuns().size() + " already running (version 2, site model)");
        return 0;
    }

    private java.io.PrintWriter stdout() {
        return spec != null ? spec.commandLine().getOut() : new java.io.PrintWriter(System.out, true);
    }

    private java.io.PrintWriter stderr() {
        return spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
    }

    /** The import report printed to {@code to}, and written whole to {@code --report} when given. */
    private void printReport(String title, SlurmSite site, java.io.PrintWriter to) throws java.io.IOException {
        String text = title + "\n" + site.summary() + site.report().render();
        if (report != null) AtomicFiles.write(report, w -> w.write(text));
        to.print(text);
        if (report != null) {
            to.println("wrote " + report + ": " + Units.count(site.report().ignored().size(), "ignored setting") + ", "
                    + Units.count(site.report().warnings().size(), "warning"));
        }
        to.flush();
    }

    /**
     * {@code --from-conf}: the site's files read as Slurm does, mapped to a version-2 scenario
     * (node groups, partitions, accounts, QOS, priority; one placeholder job) written to
     * {@code --out}, and the import report (every setting not modelled, with its value and
     * {@code file:line}, and the mapping's warnings) written to {@code --report} and printed
     * (to stderr when the scenario goes to stdout).
     */
    /** The scenario's scheduler: {@code --policy}, with {@code --backfill-plans} for slurm (refused for another). */
    private SchedulerSpec scheduler() {
        SchedulerSpec scheduler = SchedulerSpec.of(policy);
        if (backfillPlans == null) return scheduler;
        BackfillPlans plans = BackfillPlans.find(backfillPlans).orElseThrow(() -> new IllegalArgumentException(
                "--backfill-plans " + backfillPlans + ": must be " + String.join(" or ", BackfillPlans.labels())));
        if (scheduler.kind() != SchedulerKind.SLURM) {
            throw new IllegalArgumentException("--backfill-plans " + backfillPlans + " belongs to --policy " + SchedulerKind.SLURM.id()
                    + "; " + scheduler.name() + " has no backfill plans");
        }
        return scheduler.withBackfillPlans(plans);
    }

    private int fromSiteFiles(SchedulerSpec scheduler) throws Exception {
        for (Path f : new Path[] {fromConf, gresConf, sacctmgrDump, sacctmgrQos}) {
            if (f != null && !Files.isRegularFile(f)) throw new IllegalArgumentException(f + ": no such file");
        }
        OutputTargets.create().input("--from-conf", fromConf).input("--gres-conf", gresConf).input("--sacctmgr-dump", sacctmgrDump)
                .input("--sacctmgr-qos", sacctmgrQos).output("--report", report).output("--out", out).check();
        java.io.PrintWriter stdout = spec != null ? spec.commandLine().getOut() : new java.io.PrintWriter(System.out, true);
        java.io.PrintWriter stderr = spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
        SlurmSite site;
        try {
            site = SlurmSite.read(new SlurmSite.Files(fromConf, gresConf, sacctmgrDump, sacctmgrQos));
        } catch (SlurmConfException e) {
            for (String problem : e.problems()) stderr.println("preemptlab: " + problem);
            stderr.flush();
            return 2;
        }
        Scenario scenario = null;
        Scenario back = null;
        String json = null;
        Path real = null;
        if (out != null) {
            SlurmScenarioImport.Options options = new SlurmScenarioImport.Options(scheduler, name, runtimeShare, noLimitSeconds,
                    runningAsQueued, checkpointable);
            scenario = SlurmScenarioImport.fromSite(site, fromConf.toAbsolutePath().toString(), fromConf.getFileName().toString(), options);
            real = AtomicFiles.isStdout(out) ? Path.of("").toAbsolutePath().resolve("stdout.json") : AtomicFiles.followLinks(out);
            json = ScenarioWriter.toJson(scenario, real.getParent());
            back = ScenarioReader.read(json, String.valueOf(out.getFileName()), real.getParent());
        }
        printReport("Slurm import report", site, out != null && AtomicFiles.isStdout(out) ? stderr : stdout);
        if (out != null) {
            String written = json;
            AtomicFiles.write(out, w -> w.write(written));
            SummaryOut.stream(out).println(summary(back));
        }
        return 0;
    }

    private String summary(Scenario s) {
        long nodes = s.cluster() instanceof NodeCluster nc ? nc.pools().stream().mapToLong(NodePool::nodes).sum() : 0;
        int poolCount = s.cluster() instanceof NodeCluster nc ? nc.pools().size() : 0;
        boolean placeholder = SlurmScenarioImport.isPlaceholderOnly(s);
        return "wrote " + out + ": scenario " + s.name() + ", " + Units.count(poolCount, "pool") + ", " + Units.count(nodes, "node") + ", "
                + (placeholder ? "1 placeholder job (replace it)" : Units.count(s.jobs().size(), "job")) + ", policy " + s.scheduler().name()
                + (snapshotAt == null ? "" : "; time 0 = " + DateTimeFormatter.ISO_INSTANT.format(snapshotAt));
    }
}
