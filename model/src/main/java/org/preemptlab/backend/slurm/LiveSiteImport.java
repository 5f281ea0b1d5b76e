package org.preemptlab.backend.slurm;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Constraint;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.site.Site;
import org.preemptlab.slurmconf.HostList;
import org.preemptlab.slurmconf.LiveSite;
import org.preemptlab.slurmconf.ScontrolText;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmconf.SlurmTime;

/**
 * "What if, from now" on the site model: a version-2 scenario of a running cluster, as
 * {@code import-slurm --from-conf … --out} makes one of a site's files, from what the cluster's
 * commands print ({@link SlurmCommands.SiteTexts}): the site (node groups, partitions, priority,
 * preemption; accounts and QOS when accounting answers) through {@link LiveSite} and
 * {@link SiteMapping}, and the jobs of {@code scontrol show job}. Time 0 is the snapshot.
 *
 * <p>Each job is named by its Slurm job id ({@code 9}; an array's pending tasks form the array
 * {@code 12}, task {@code 12_3}), so {@code --dependency} terms keep their targets.
 * <ul>
 * <li>pending jobs keep their user, account, QOS, partition list, node count (min-max), CPUs per
 *     node (NumCPUs / nodes), memory ({@code MinMemoryNode}, {@code MinMemoryCPU} × CPUs; 0: the
 *     whole node), GRES ({@code TresPerNode}; {@code TresPerJob} GPUs as {@code --gpus}), feature
 *     constraint, {@code --exclusive} ({@code OverSubscribe=NO}), nice, begin time (a future
 *     {@code EligibleTime}), array throttle ({@code ArrayTaskThrottle}) and dependencies whose
 *     targets are in the snapshot; submitted at 0, in Slurm's priority order (the model then
 *     computes its own multifactor priority: fair-share usage before now is not known);</li>
 * <li>running jobs run on their nodes ({@code onNodes}) with their elapsed time done
 *     ({@code runningFor}), in the partition they run in: time limit = theirs, run time = elapsed +
 *     the rest of the limit × {@code runtimeShare}. One that cannot be placed as Slurm shows it,
 *     every running one with {@code runningAsQueued}, and suspended ones go to the head of the
 *     queue with the rest of their limit;</li>
 * <li>left out, and counted in the description: finished and completing jobs, held jobs (they run
 *     only when released), jobs whose association or QOS the site lacks.</li>
 * </ul>
 * Every simplification is a line of the description and a warning of the report.
 */
public final class LiveSiteImport {

    /** The scenario and the site read (its report holds every setting not modelled, and the import's warnings). */
    public record Result(Scenario scenario, SlurmSite site, List<String> notes) {}

    private LiveSiteImport() {}

    /** One job record of {@code scontrol show job}, as the import needs it. */
    private record Job(String id, String arrayJobId, String arrayTasks, int throttle, String user, String account, String qos,
            String state, String reason, long priority, List<String> partitions, int minNodes, int maxNodes, int cpusPerNode,
            long memPerNodeMb, boolean wholeMem, List<Gres> gresPerNode, long gpusPerJob, String gpuType, String features,
            boolean exclusive, long nice, long limitSeconds, long runSeconds, List<String> hosts, long eligibleEpoch,
            String dependency, int line) {

        boolean arrayMeta() {
            return !arrayJobId.isEmpty() && !arrayTasks.isEmpty() && !arrayTasks.matches("\\d+");
        }

        String name() {
            return !arrayJobId.isEmpty() && arrayTasks.matches("\\d+") ? arrayJobId + "_" + arrayTasks : arrayMeta() ? arrayJobId : id;
        }
    }

    /**
     * The scenario of the cluster at {@code now}.
     *
     * @throws org.preemptlab.slurmconf.SlurmConfException if the scontrol texts cannot be read as a slurm.conf
     * @throws IllegalStateException if the cluster shows no node
     */
    public static Result build(SlurmCommands.SiteTexts texts, Instant now, SlurmScenarioImport.Options options) {
        now = now.truncatedTo(ChronoUnit.SECONDS);
        SlurmSite files = LiveSite.read(new LiveSite.Texts(texts.showConfig(), texts.showPartition(), texts.showNode(), texts.dump(),
                texts.qos()));
        NodeCluster built = SiteMapping.cluster(files);
        if (built.pools().isEmpty()) throw new IllegalStateException("scontrol show node shows no nodes: nothing to import");
        List<String> notes = new ArrayList<>();
        Site site = built.site();
        Map<String, Integer> counts = new TreeMap<>();
        List<Job> jobs = new ArrayList<>();
        for (ScontrolText.Record r : ScontrolText.parse(texts.showJob())) {
            if (r.value("JobId") == null) continue;
            try {
                Job j = job(r, site);
                if (j != null) jobs.add(j);
                else counts.merge("finished or completing (left out)", 1, Integer::sum);
            } catch (IllegalArgumentException e) {
                notes.add("job " + r.get("JobId") + " (scontrol show job, line " + r.line() + "): " + e.getMessage() + "; left out");
            }
        }
        // held jobs run only when released: not part of "from now"
        List<Job> kept = new ArrayList<>();
        for (Job j : jobs) {
            if (j.state().equals("PENDING") && (j.priority() == 0 || j.reason().startsWith("JobHeld"))) {
                counts.merge("held (" + j.reason() + "; left out: they run only when released)", 1, Integer::sum);
            } else {
                kept.add(j);
            }
        }
        jobs = kept;

        // accounts and QOS: the dump's and the table's when accounting answered, else made from the jobs
        if (files.dump().isEmpty()) {
            AccountTree.Builder b = AccountTree.builder();
            Set<String> accounts = new LinkedHashSet<>();
            Set<AssocKey> users = new LinkedHashSet<>();
            for (Job j : jobs) {
                accounts.add(j.account());
                users.add(AssocKey.user(j.user(), j.account()));
            }
            if (accounts.isEmpty()) accounts.add("default");
            for (String a : accounts) b.account(a, AssocKey.ROOT_NAME, 1);
            for (AssocKey u : users) b.user(u.user(), u.account(), 1);
            site = site.toBuilder().accounts(b.build()).build();
            notes.add("accounting did not answer (no sacctmgr dump): every (user, account) of the jobs is an association of 1 share"
                    + " under root, without limits");
        }
        if (files.qosTable().isEmpty() && files.dump().map(d -> d.qos().isEmpty()).orElse(true)) {
            Set<String> named = new LinkedHashSet<>(site.qos().names());
            QosTable.Builder q = QosTable.builder();
            for (String n : site.qos().names()) q.add(site.qos().get(n));
            Set<String> added = new LinkedHashSet<>();
            for (Job j : jobs) if (named.add(j.qos())) added.add(j.qos());
            for (String n : added) q.add(Qos.of(n, 0));
            site = site.toBuilder().qos(q.build()).build();
            if (!added.isEmpty()) {
                notes.add("no QOS table (sacctmgr -P show qos): QOS " + String.join(", ", added)
                        + " of the jobs made with priority 0 and no limits");
            }
        }
        NodeCluster cluster = new NodeCluster(built.pools(), site);

        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int n = 0; n < cluster.nodeCount(); n++) nodeIndex.put(cluster.nodeName(n), n);
        TresCapacity busy = new TresCapacity(cluster);
        List<JobSpec> specs = new ArrayList<>();
        List<InitialRun> initial = new ArrayList<>();
        List<String> runningText = new ArrayList<>(), queuedText = new ArrayList<>(), suspendedText = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Job j : jobs) {
            names.add(j.name());
            if (j.arrayMeta()) names.add(j.arrayJobId());
        }
        double share = options.runtimeShare();
        // running first, then suspended, then pending in Slurm's priority order
        List<Job> running = jobs.stream().filter(j -> j.state().equals("RUNNING")).toList();
        List<Job> suspended = jobs.stream().filter(j -> j.state().equals("SUSPENDED")).toList();
        List<Job> pending = new ArrayList<>(jobs.stream().filter(j -> j.state().equals("PENDING")).toList());
        pending.sort(Comparator.comparingLong(Job::priority).reversed().thenComparingLong(j -> idNumber(j.id())));
        int droppedDeps = 0, noAssoc = 0;
        List<Job> ordered = new ArrayList<>(running);
        ordered.addAll(suspended);
        ordered.addAll(pending);
        for (Job j : ordered) {
            AssocKey assoc = AssocKey.user(j.user(), j.account());
            if (!site.accounts().contains(assoc) || !site.qos().contains(j.qos())) {
                noAssoc++;
                continue;
            }
            List<Dependency> deps = new ArrayList<>();
            if (j.dependency() != null) {
                try {
                    for (Dependency d : Dependency.parseList(j.dependency())) {
                        List<String> targets = new ArrayList<>();
                        for (String t : d.jobs()) {
                            String n = t.endsWith("_*") ? t.substring(0, t.length() - 2) : t;
                            if (names.contains(n)) targets.add(n);
                            else droppedDeps++;
                        }
                        if (d.type() == Dependency.Type.SINGLETON || !targets.isEmpty()) deps.add(new Dependency(d.type(), targets));
                    }
                } catch (IllegalArgumentException e) {
                    notes.add("job " + j.name() + " Dependency=" + j.dependency() + ": " + e.getMessage() + " (dependency left out)");
                    deps.clear();
                }
            }
            long limit = j.limitSeconds();
            long elapsed = j.runSeconds();
            long rest = Math.max(1, limit - elapsed);
            long restWork = Math.max(1, (long) Math.ceil(rest * share));
            SlurmRequest.Builder req = SlurmRequest.of(j.user(), j.account()).toBuilder().partitions(j.partitions())
                    .maxNodes(j.maxNodes() > j.minNodes() ? j.maxNodes() : 0).gresPerNode(j.gresPerNode()).gpusPerJob(j.gpusPerJob())
                    .gpuType(j.gpuType()).constraint(j.features() == null ? Constraint.NONE : Constraint.parse(j.features()))
                    .exclusive(j.exclusive()).wholeNodeMemory(j.wholeMem()).nice(j.nice()).dependencies(deps);
            long mem = j.wholeMem() ? 0 : j.memPerNodeMb();
            if (j.state().equals("PENDING")) {
                long begin = j.eligibleEpoch() > now.getEpochSecond() ? j.eligibleEpoch() - now.getEpochSecond() : -1;
                req.beginTime(begin);
                long work = Math.max(1, (long) Math.ceil(limit * share));
                if (j.arrayMeta()) {
                    req.arrayName(j.arrayJobId()).arrayThrottle(j.throttle());
                    for (int t : tasks(j.arrayTasks())) {
                        specs.add(spec(specs.size() + 1, j.arrayJobId() + "_" + t, j, mem, limit, work, options,
                                req.arrayTask(t).build()));
                    }
                } else {
                    specs.add(spec(specs.size() + 1, j.name(), j, mem, limit, work, options, req.build()));
                }
                continue;
            }
            if (j.state().equals("RUNNING") && !options.runningAsQueued()) {
                int[] idx = new int[j.hosts().size()];
                String problem = null;
                for (int i = 0; i < idx.length && problem == null; i++) {
                    Integer n = nodeIndex.get(j.hosts().get(i));
                    if (n == null) problem = "runs on " + j.hosts().get(i) + ", which scontrol show node does not show";
                    else idx[i] = n;
                }
                if (problem == null && idx.length != j.minNodes()) problem = "runs on " + org.preemptlab.units.Units.count(idx.length, "node") + " for " + j.minNodes();
                JobSpec s = spec(specs.size() + 1, j.name(), j, mem, limit, Math.max(elapsed + 1, elapsed + restWork), options,
                        req.build());
                if (problem == null) {
                    Placement p = busy.placeOn(s, idx);
                    if (p == null) {
                        problem = "its partition " + String.join(",", j.partitions()) + " does not hold all of " + String.join(",", j.hosts());
                    } else {
                        try {
                            busy.take(p);
                        } catch (IllegalStateException e) {
                            problem = "does not fit beside the other running jobs (" + e.getMessage() + ")";
                        }
                    }
                }
                if (problem == null) {
                    specs.add(s);
                    initial.add(new InitialRun(s.id(), idx, elapsed));
                    runningText.add(j.name() + " on " + String.join(",", j.hosts()) + " (" + org.preemptlab.units.Units.duration(elapsed) + " done, " + org.preemptlab.units.Units.duration(rest)
                            + " of its limit left)");
                    continue;
                }
                queuedText.add(j.name() + ": " + problem);
            } else if (j.state().equals("RUNNING")) {
                queuedText.add(j.name() + ": --running-as-queued");
            } else {
                suspendedText.add(j.name() + " (" + org.preemptlab.units.Units.duration(elapsed) + " done before its suspension)");
            }
            // at the head of the queue with the rest of its limit, nodes not pinned
            specs.add(spec(specs.size() + 1, j.name(), j, mem, rest, restWork, options, req.build()));
        }
        if (droppedDeps > 0) notes.add(org.preemptlab.units.Units.count(droppedDeps, "dependency target") + " not in the snapshot (finished jobs): left out of the dependencies");
        if (noAssoc > 0) notes.add(org.preemptlab.units.Units.count(noAssoc, "job") + " whose (user, account) association or QOS the site does not have: left out");
        counts.forEach((what, n) -> notes.add(org.preemptlab.units.Units.count(n, "job") + " " + what));
        if (!files.qosTable().isPresent() && files.dump().isPresent()) {
            notes.add("QOS from the sacctmgr dump only (sacctmgr -P show qos did not answer): their limits as the dump gives them");
        }
        List<String> lines = new ArrayList<>();
        lines.add("What if, from now: imported from a running Slurm cluster (scontrol show config/partition/node/job"
                + (files.dump().isPresent() ? ", sacctmgr dump" : "") + (files.qosTable().isPresent() ? ", sacctmgr show qos" : "")
                + ") at " + DateTimeFormatter.ISO_INSTANT.format(now) + ". Time 0 of this scenario is that instant.");
        lines.add("Node groups: " + groups(cluster) + ".");
        if (!runningText.isEmpty()) {
            lines.add("already running (on their nodes, elapsed time done; run time = elapsed + the rest of the limit"
                    + (share < 1 ? " × " + share : "") + "): " + String.join("; ", runningText) + ".");
        }
        if (!queuedText.isEmpty()) {
            lines.add("running, modelled as queued at the head (the rest of their limit, nodes not pinned): " + String.join("; ", queuedText) + ".");
        }
        if (!suspendedText.isEmpty()) lines.add("suspended, modelled as queued at the head: " + String.join("; ", suspendedText) + ".");
        lines.add("pending: " + org.preemptlab.units.Units.count(pending.size(), "job record") + ", submitted at 0 in Slurm's priority order, with their accounts, partitions,"
                + " QOS, GRES, memory, array throttles and dependencies; the model computes its own priority (fair-share usage before"
                + " now is not known).");
        if (specs.isEmpty()) {
            lines.add("The queue was empty: one placeholder job (" + SlurmScenarioImport.PLACEHOLDER_JOB + ") was added because a scenario"
                    + " needs at least one job; replace it.");
            Scenario placeholder = SlurmScenarioImport.fromSite(files, "the cluster", "cluster", options);
            specs.add(placeholder.jobs().get(0));
            cluster = (NodeCluster) placeholder.cluster();
        }
        for (String n : notes) lines.add("note: " + n);
        for (String n : notes) files.report().addWarning("live import: " + n);
        String name = options.name() != null ? options.name()
                : "slurm-now-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneId.of("UTC")).format(now);
        Scenario scenario = new Scenario(name, String.join("\n", lines), Scenario.DEFAULT_SEED, cluster, specs, options.scheduler(),
                null, null, null, null, null, null, null, initial);
        return new Result(scenario, files, List.copyOf(notes));
    }

    private static JobSpec spec(int id, String name, Job j, long mem, long estimate, long runtime, SlurmScenarioImport.Options o,
            SlurmRequest request) {
        return new JobSpec(id, name, 0, j.minNodes(), j.cpusPerNode(), mem, Math.max(1, estimate), Math.min(Math.max(1, estimate),
                Math.max(0, runtime)), j.qos(), j.account(), List.of(), true, o.checkpointable(), 0, 0, null, request);
    }

    /** One record, or null for a job that is no longer pending, running or suspended. */
    private static Job job(ScontrolText.Record r, Site site) {
        String state = r.get("JobState").toUpperCase(Locale.ROOT);
        int plus = state.indexOf('+');
        if (plus > 0) state = state.substring(0, plus);
        switch (state) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED" -> state = "PENDING";
            case "RUNNING", "CONFIGURING" -> state = "RUNNING";
            case "SUSPENDED", "PREEMPTED" -> state = state.equals("PREEMPTED") ? null : "SUSPENDED";
            default -> state = null;
        }
        if (state == null) return null;
        String user = r.get("UserId");
        if (user.indexOf('(') > 0) user = user.substring(0, user.indexOf('('));
        if (user.isBlank()) user = "user";
        String account = ScontrolText.isNothing(r.get("Account")) ? "default" : r.get("Account");
        String qos = ScontrolText.isNothing(r.get("QOS")) ? JobSpec.DEFAULT_QOS : r.get("QOS");
        List<String> partitions = new ArrayList<>();
        for (String p : r.get("Partition").split(",")) {
            if (p.isBlank()) continue;
            if (site.partitionIndex(p.strip()) < 0) throw new IllegalArgumentException("partition " + p.strip() + " is not in scontrol show partition");
            partitions.add(p.strip());
        }
        String nn = r.get("NumNodes");
        int minNodes = 1, maxNodes = 0;
        if (!nn.isBlank()) {
            String[] parts = nn.split("-");
            minNodes = Math.max(1, Integer.parseInt(parts[0].strip()));
            maxNodes = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : minNodes;
        }
        long cpus = number(r.get("NumCPUs"), 1);
        int cpn = (int) Math.max(1, Math.max(number(r.get("MinCPUsNode"), 1), (cpus + minNodes - 1) / minNodes));
        long mem = 0;
        boolean whole = false;
        String perNode = r.value("MinMemoryNode"), perCpu = r.value("MinMemoryCPU");
        if (perCpu != null) mem = megabytes(perCpu) * cpn;
        else if (perNode != null && megabytes(perNode) > 0) mem = megabytes(perNode);
        else whole = true; // MinMemoryNode=0: the whole memory of each node
        List<Gres> gres = new ArrayList<>();
        String tpn = r.value("TresPerNode");
        if (tpn != null) for (String g : tpn.split(",")) gres.addAll(Gres.parseList(gresText(g)));
        long gpus = 0;
        String gpuType = "";
        String tpj = r.value("TresPerJob");
        if (tpj != null) {
            for (String g : tpj.split(",")) {
                for (Gres x : Gres.parseList(gresText(g))) {
                    if (!x.name().equals("gpu")) throw new IllegalArgumentException("TresPerJob=" + tpj + ": only GPUs per job are modelled");
                    gpus += x.count();
                    gpuType = x.type();
                }
            }
        }
        for (String k : List.of("TresPerSocket", "TresPerTask")) {
            if (r.value(k) != null && !r.value(k).startsWith("cpu")) {
                throw new IllegalArgumentException(k + "=" + r.value(k) + " is not modelled");
            }
        }
        String features = r.value("Features");
        String over = r.get("OverSubscribe").toUpperCase(Locale.ROOT);
        boolean exclusive = over.equals("NO") || over.equals("USER") || over.equals("MCS");
        long limit = -1;
        String tl = r.get("TimeLimit");
        if (!tl.isBlank() && !tl.equalsIgnoreCase("Partition_Limit")) {
            long s = SlurmTime.parseSeconds(tl);
            limit = s == SlurmTime.UNLIMITED ? -1 : s;
        }
        if (limit <= 0) {
            Partition p = partitions.isEmpty() ? site.defaultPartition() : site.partition(partitions.get(0));
            limit = p.defaultLimit() > 0 ? p.defaultLimit() : 86_400;
        }
        long run = ScontrolText.isNothing(r.get("RunTime")) ? 0 : SlurmTime.parseSeconds(r.get("RunTime"));
        List<String> hosts = state.equals("PENDING") || ScontrolText.isNothing(r.get("NodeList")) ? List.of() : HostList.expand(r.get("NodeList"));
        String dep = r.value("Dependency");
        if (dep != null) dep = dep.replaceAll("\\([^)]*\\)", "");
        long eligible = epoch(r.value("EligibleTime"));
        int throttle = (int) number(r.get("ArrayTaskThrottle"), 0);
        return new Job(r.get("JobId"), r.get("ArrayJobId"), r.get("ArrayTaskId"), throttle, user, account, qos, state, r.get("Reason"),
                number(r.get("Priority"), 1), partitions, minNodes, maxNodes, cpn, mem, whole, gres, gpus, gpuType, features, exclusive,
                number(r.get("Nice"), 0), limit, run, hosts, eligible, dep == null || dep.isBlank() ? null : dep, r.line());
    }

    /** {@code gres:gpu:t4:2}, {@code gres/gpu:t4=2}, {@code gres/gpu=2} → {@code gpu:t4:2}. */
    private static String gresText(String g) {
        String t = g.strip();
        if (t.startsWith("gres:") || t.startsWith("gres/")) t = t.substring(5);
        return t.replace('=', ':');
    }

    /** The task indices of {@code 0-5%2}, {@code 1,3,7-9}, {@code 0-15:4%3}. */
    static List<Integer> tasks(String text) {
        String t = text;
        int pct = t.indexOf('%');
        if (pct >= 0) t = t.substring(0, pct);
        List<Integer> out = new ArrayList<>();
        for (String part : t.split(",")) {
            if (part.isBlank()) continue;
            int step = 1;
            int colon = part.indexOf(':');
            if (colon >= 0) {
                step = Integer.parseInt(part.substring(colon + 1).strip());
                part = part.substring(0, colon);
            }
            String[] ab = part.split("-");
            int a = Integer.parseInt(ab[0].strip()), b = ab.length > 1 ? Integer.parseInt(ab[1].strip()) : a;
            if (b - a > 1_000_000) throw new IllegalArgumentException("array " + text + " is too large");
            for (int i = a; i <= b; i += Math.max(1, step)) out.add(i);
        }
        return out;
    }

    /** {@code 6000M}, {@code 2G}, {@code 1.5T}, {@code 500} (MB) → MB. */
    static long megabytes(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        double factor = 1;
        char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
        switch (last) {
            case 'K' -> factor = 1.0 / 1024;
            case 'M' -> factor = 1;
            case 'G' -> factor = 1024;
            case 'T' -> factor = 1024 * 1024;
            default -> last = ' ';
        }
        if (last != ' ') t = t.substring(0, t.length() - 1);
        return (long) Math.ceil(Double.parseDouble(t) * factor);
    }

    private static long number(String text, long otherwise) {
        if (text == null || text.isBlank()) return otherwise;
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static long idNumber(String id) {
        return number(id.replaceAll("\\D.*", ""), Long.MAX_VALUE);
    }

    /** scontrol's local time ({@code 2026-12-06T14:10:39}) as epoch seconds in the JVM's zone; -1 when none. */
    private static long epoch(String text) {
        if (text == null) return -1;
        try {
            return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toEpochSecond();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String groups(NodeCluster cluster) {
        List<String> parts = new ArrayList<>();
        for (NodePool p : cluster.pools()) {
            parts.add(p.name() + " = " + org.preemptlab.units.Units.count(p.nodes(), "node") + " × " + p.coresPerNode() + " CPUs, " + p.memoryPerNodeMb() + " MB"
                    + (p.gres().isEmpty() ? "" : ", " + Gres.format(p.gres())));
        }
        return String.join("; ", parts);
    }

}
