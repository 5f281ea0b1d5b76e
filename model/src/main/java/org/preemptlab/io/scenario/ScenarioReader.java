package org.preemptlab.io.scenario;

import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.time.Durations;
import org.preemptlab.scenario.TraceReference;

import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.ScenarioException;

import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioRules;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.PoolDraft;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gang.GangSettings;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.scenario.JsonFields.Problems;
import org.preemptlab.io.swf.AnomalyReport;
import org.preemptlab.io.swf.MachineSizeSource;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.preempt.VictimOrder;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.time.SimTime;

/**
 * Reads scenario files (JSON, {@code "formatVersion": 1}) into {@link Scenario}s: it checks the JSON (syntax,
 * field names, types) and hands the values to the {@link ScenarioRules} that judge an editor's draft too.
 *
 * <p>Every problem of a file is collected, then thrown together as one {@link ScenarioException}:
 * malformed JSON (with line and column), unknown fields (with a "did you mean"), wrong types and
 * out-of-range values (naming the JSON path and quoting the value), and what cannot work as a
 * whole: a job larger than every pool it may use, a job naming an unknown pool, a maintenance
 * window longer than the horizon, unknown node names, duplicate names. The format is described in
 * the {@linkplain org.preemptlab.io.scenario package documentation}.
 */
public final class ScenarioReader {

    /** The format version of a scenario without Slurm sections (version 1: pools or processors). */
    public static final int FORMAT_VERSION = 1;

    /** The format version of a scenario of a Slurm cluster (node groups, partitions, accounts, QOS, priority). */
    public static final int FORMAT_VERSION_SLURM = 2;

    static final List<String> ROOT_FIELDS = List.of("formatVersion", "name", "description", "seed", "cluster", "jobs",
            "trace", "policy", "preemption", "maintenance", "failures", "horizon", "reservations");
    /** Version 2 adds the Slurm sections. */
    static final List<String> ROOT_FIELDS_SLURM = java.util.stream.Stream.concat(ROOT_FIELDS.stream(),
            SlurmSections.ROOT_FIELDS.stream()).toList();
    static final List<String> CLUSTER_FIELDS = List.of("pools", "processors");
    static final List<String> CLUSTER_FIELDS_SLURM = List.of("nodes", "select", "defMemPerCpu");
    static final List<String> POOL_FIELDS = List.of("name", "nodes", "coresPerNode", "memoryPerNodeMb", "owner",
            "borrowers", "checkpointBandwidthMBps", "overSubscribe");
    static final List<String> OVERSUBSCRIBE_FIELDS = List.of("mode", "jobs");
    static final List<String> OVERSUBSCRIBE_MODES = List.of("NO", "YES", "FORCE");
    static final List<String> JOB_FIELDS = List.of("name", "submit", "runningFor", "onNodes", "nodes", "procs", "coresPerNode", "memoryPerNodeMb",
            "estimate", "runtime", "qos", "group", "pools", "rerunnable", "checkpointable", "imageMbPerNode",
            "checkpointInterval", "reservation");
    static final List<String> TRACE_FIELDS = List.of("path", "firstJob", "lastJob", "fromSubmit", "toSubmit", "maxJobs",
            "procs");
    static final List<String> POLICY_FIELDS = List.of("scheduler", "p", "thresholdSeconds", "extendSeconds",
            "killInstead", "timeSliceSeconds", "schedulerParameters", "backfillPlans");
    static final List<String> PREEMPTION_FIELDS = List.of("owner", "qos", "tiers", "victimOrder", "exemptSeconds",
            "graceSeconds", "requeue", "chains", "defaultChain", "checkpoint");
    static final List<String> CHECKPOINT_FIELDS = List.of("model", "checkpointSeconds", "restartSeconds", "storageMBps");
    static final List<String> MAINTENANCE_FIELDS = List.of("name", "start", "duration", "nodes", "pools", "strategy",
            "drainHorizon");
    static final List<String> FAILURE_FIELDS = List.of("nodeMtbf", "repair", "seed", "checkpoints");

    static final List<String> VICTIM_ORDERS = Arrays.stream(VictimOrder.values()).map(VictimOrder::label).toList();
    static final List<String> STRATEGIES = Arrays.stream(MaintenanceStrategy.values()).map(MaintenanceStrategy::label)
            .toList();
    static final List<String> MECHANISMS = Arrays.stream(PreemptMechanism.values()).map(PreemptMechanism::label)
            .toList();
    static final List<String> REQUEUE_MODES = List.of("priority", "head");
    static final List<String> CHECKPOINT_MODELS = List.of("fixed", "image");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private ScenarioReader() {
    }

    /**
     * Reads a scenario file; a trace it references is resolved against the file's directory.
     *
     * @throws ScenarioException listing every problem, each prefixed with the file name
     */
    public static Scenario read(Path file) throws ScenarioException {
        Path name = file.getFileName();
        boolean special = Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file); // /dev/null
        String displayName = name == null || special ? file.toString() : name.toString();
        String json;
        try {
            if (Files.isDirectory(file)) throw fail(displayName, "is a directory (" + file.toAbsolutePath() + ")");
            json = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (json.startsWith("\uFEFF")) json = json.substring(1); // a byte-order mark (saved on Windows): refused at 1:1 before
        } catch (NoSuchFileException e) {
            throw fail(displayName, "file not found (" + file.toAbsolutePath() + ")");
        } catch (CharacterCodingException e) {
            throw fail(displayName, "not UTF-8 text; save the scenario as UTF-8");
        } catch (ScenarioException e) {
            throw e;
        } catch (IOException e) {
            throw fail(displayName, "cannot read (" + e.getMessage() + ")");
        }
        Path dir = file.toAbsolutePath().getParent();
        return read(json, displayName, dir);
    }

    /**
     * Reads a scenario from text.
     *
     * @param displayName the name used in messages, e.g. the file name
     * @param baseDir     the directory a relative trace path is resolved against; null: the working directory
     * @throws ScenarioException listing every problem, each prefixed with {@code displayName}
     */
    public static Scenario read(String json, String displayName, Path baseDir) throws ScenarioException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw fail(displayName + JsonFields.syntaxLocation(e), JsonFields.syntaxError(e));
        }
        if (root == null || root.isMissingNode()) throw fail(displayName, "empty file; a scenario is a JSON object {…}");
        Problems problems = new Problems();
        Scenario scenario = new Parse(problems, baseDir == null ? Path.of("") : baseDir).scenario(root);
        if (problems.count() > 0 || scenario == null) {
            throw new ScenarioException(displayName, problems.list());
        }
        return scenario;
    }

    private static ScenarioException fail(String displayName, String message) {
        return new ScenarioException(displayName, List.of(new ScenarioProblem("", message)));
    }

    private record Preemption(PreemptionRules rules, PreemptionSettings settings) {
    }

    /** One read: the problems so far and what has been understood of the file. */
    private static final class Parse {
        private final Problems problems;
        private final Path baseDir;

        private boolean processorMode;
        /** The file's format version (1 or 2). */
        private int version = FORMAT_VERSION;
        /** Version 2: the node groups and the cluster's select settings, once read (null otherwise). */
        private List<NodePool> slurmGroups;
        private org.preemptlab.site.SelectType slurmSelect;
        private long slurmDefMemPerCpu;
        private final SlurmSections slurm;
        /** Pools' OverSubscribe settings, by pool name, in file order; and policy.timeSliceSeconds. */
        private final java.util.Map<String, OverSubscribe> overSubscribe = new LinkedHashMap<>();
        private long timeSlice = GangSettings.DEFAULT_TIME_SLICE;
        private boolean modeKnown = true; // false when the cluster section is too broken to tell
        private CheckpointCost cost = CheckpointCost.imageSize();
        /** Job index → the reservation it names ({@code jobs[k].reservation}). */
        private final java.util.Map<Integer, String> jobReservation = new java.util.TreeMap<>();
        /** Version 2: the jobs that name a reservation. */
        private List<ReservationsSection.Binding> slurmNamed = List.of();
        /** The value rules, with the cluster once known; made when the root object is opened. */
        private ScenarioRules rules;

        Parse(Problems problems, Path baseDir) {
            this.problems = problems;
            this.slurm = new SlurmSections(problems);
            this.baseDir = baseDir;
        }

        Scenario scenario(JsonNode root) {
            if (!root.isObject()) {
                problems.add("", JsonFields.show(root) + "; a scenario is a JSON object {…}");
                return null;
            }
            if (!formatVersion(root)) return null;
            rules = new ScenarioRules((path, value) -> shownAt(root, path, value), p -> problems.add(p.path(), p.message()));
            JsonFields f = JsonFields.open(root, "", problems, version == FORMAT_VERSION_SLURM ? ROOT_FIELDS_SLURM : ROOT_FIELDS);
            String name = f.string("name", null, false);
            rules.name(name);
            String description = description(f);
            Long seed = f.integer("seed", Scenario.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
            Long horizon = f.duration("horizon", -1L, 1);
            if (horizon != null && horizon < 0) horizon = null;
            rules.horizon(horizon);

            boolean hasJobs = f.has("jobs");
            boolean hasTrace = f.has("trace");
            if (version == FORMAT_VERSION) {
                for (String k : SlurmSections.ROOT_FIELDS) {
                    if (f.has(k)) problems.add(k, "a version-2 (Slurm) section; set \"formatVersion\": 2 and give the cluster's \"nodes\"");
                }
            }
            if (f.has("cluster")) {
                cluster(f.get("cluster"), hasTrace);
            } else if (!hasTrace) {
                problems.add("cluster", "missing; required (\"pools\" or \"processors\"; only a trace may leave it out)");
            } else {
                processorMode = true;
                rules.machine(null);
            }

            List<JobSpec> jobs = null;
            TraceReference trace = null;
            AnomalyReport report = null;
            if (hasJobs && hasTrace) {
                problems.add("trace", "given together with \"jobs\"; a scenario takes its jobs from one of them");
            } else if (hasJobs && version == FORMAT_VERSION_SLURM) {
                // the jobs of a Slurm cluster are judged against its node groups; broken groups are reported alone
                if (slurmGroups != null) jobs = slurmJobs(f);
            } else if (hasJobs) {
                jobs = jobs(f.get("jobs"));
            } else if (hasTrace) {
                SwfTrace read = trace(f.get("trace"));
                if (read != null) {
                    jobs = read.jobs();
                    report = read.report();
                    trace = lastTrace;
                }
            } else {
                problems.add("jobs", "missing; a scenario needs \"jobs\" (a list) or \"trace\" (an SWF file)");
            }

            PreemptionRules rules = PreemptionRules.NONE;
            PreemptionSettings settings = PreemptionSettings.defaults();
            if (f.has("preemption")) {
                Preemption both = preemption(f.get("preemption"));
                if (both != null) {
                    rules = both.rules();
                    settings = both.settings();
                }
            }
            this.rules.preemption(rules, jobs);
            SchedulerSpec scheduler = f.has("policy") ? policy(f.get("policy")) : null;
            if (!f.has("policy")) problems.add("policy", "missing; required, e.g. {\"scheduler\": \"easy\"}");

            List<MaintenanceWindow> maintenance = f.has("maintenance") ? maintenance(f.get("maintenance")) : List.of();
            FailureModel failures = FailureModel.NONE;
            if (f.has("failures")) failures = failures(f.get("failures"), seed == null ? Scenario.DEFAULT_SEED : seed, jobs);

            List<org.preemptlab.reservation.ReservationSpec> reservations = List.of();
            if (f.has("reservations") || !jobReservation.isEmpty() || !slurmNamed.isEmpty()) {
                ReservationsSection section = new ReservationsSection(problems, this.rules);
                section.jobs(jobs);
                List<ReservationsSection.Binding> named = new java.util.ArrayList<>(slurmNamed);
                jobReservation.forEach((index, resv) -> named.add(new ReservationsSection.Binding(
                        "jobs[" + index + "].reservation", index + 1, resv)));
                reservations = section.read(f.get("reservations"), jobs, named, maintenance);
            }

            if (problems.count() > 0) return null;
            return new Scenario(name, description, seed, this.rules.cluster(), jobs, scheduler, rules, settings,
                    maintenance, failures, horizon, trace, report, allInitialRuns(),
                    new GangSettings(overSubscribe, timeSlice), reservations);
        }

        /** Version-2 jobs already running at 0 ({@code runningFor}, {@code onNodes}). */
        private List<org.preemptlab.sim.InitialRun> slurmRunning = List.of();

        private List<org.preemptlab.sim.InitialRun> allInitialRuns() {
            if (slurmRunning.isEmpty()) return this.rules.initialRuns();
            List<org.preemptlab.sim.InitialRun> all = new java.util.ArrayList<>(this.rules.initialRuns());
            all.addAll(slurmRunning);
            return all;
        }

        /** Version 2: the site from the root's Slurm sections and the node groups; the jobs; the cluster to the rules. */
        private List<JobSpec> slurmJobs(JsonFields f) {
            List<org.preemptlab.partition.Partition> partitions = slurm.partitions(f.get("partitions"), slurmGroups);
            org.preemptlab.qos.QosTable qos = slurm.qos(f.get("qos"));
            org.preemptlab.account.AccountTree accounts = f.has("accounts") ? slurm.accounts(f.get("accounts")) : null;
            SlurmSections.PrioritySection priority = slurm.priority(f.get("priority"));
            SlurmSections.PreemptSection preempt = slurm.preempt(f.get("slurmPreempt"));
            if (partitions == null || qos == null || (f.has("accounts") && accounts == null) || priority == null
                    || preempt == null || slurmSelect == null) {
                return null;
            }
            org.preemptlab.site.Site site = new org.preemptlab.site.Site(partitions, slurmSelect, slurmDefMemPerCpu,
                    accounts, qos, priority.config(), priority.multifactor(), preempt.type(), preempt.mode(), preempt.exemptSeconds());
            int before = problems.count();
            slurm.crossCheck(site);
            if (problems.count() > before) return null;
            SlurmSections.Jobs read = slurm.jobs(f.get("jobs"), new NodeCluster(slurmGroups, site), f.has("accounts"));
            if (read == null) return null;
            rules.slurmCluster(read.cluster());
            slurmRunning = read.running();
            slurmNamed = read.named();
            return read.jobs();
        }

        private boolean formatVersion(JsonNode root) {
            JsonNode v = root.get("formatVersion");
            String reads = "this PreemptLab reads versions " + FORMAT_VERSION + " and " + FORMAT_VERSION_SLURM;
            if (v == null || v.isNull()) {
                problems.add("formatVersion", "missing; " + reads);
                return true;
            }
            if (!v.isIntegralNumber()) {
                problems.add("formatVersion", JsonFields.show(v) + "; must be " + FORMAT_VERSION + " or " + FORMAT_VERSION_SLURM);
                return true;
            }
            if (v.canConvertToLong() && v.asLong() == FORMAT_VERSION) return true;
            if (v.canConvertToLong() && v.asLong() == FORMAT_VERSION_SLURM) {
                version = FORMAT_VERSION_SLURM;
                return true;
            }
            if (v.asDouble() > FORMAT_VERSION_SLURM) {
                // a newer file: its fields cannot be judged by this version, so this is the only problem
                problems.add("formatVersion", JsonFields.show(v) + "; " + reads
                        + "; open the file with a newer PreemptLab");
                return false;
            }
            problems.add("formatVersion", JsonFields.show(v) + "; must be " + FORMAT_VERSION + " or " + FORMAT_VERSION_SLURM);
            return true;
        }

        private String description(JsonFields f) {
            JsonNode d = f.get("description");
            if (d == null) return "";
            if (d.isTextual()) return d.asText();
            if (d.isArray()) {
                List<String> lines = f.strings("description", List.of());
                return lines == null ? "" : String.join("\n", lines);
            }
            f.problem("description", "must be a string or a list of lines");
            return "";
        }

        // ------------------------------------------------------------------ cluster

        private void cluster(JsonNode node, boolean hasTrace) {
            JsonFields f = JsonFields.open(node, "cluster", problems, version == FORMAT_VERSION_SLURM
                    ? java.util.stream.Stream.concat(CLUSTER_FIELDS.stream(), CLUSTER_FIELDS_SLURM.stream()).toList() : CLUSTER_FIELDS);
            if (f != null && (f.has("nodes") || f.has("select") || f.has("defMemPerCpu"))) {
                slurmCluster(f, hasTrace);
                return;
            }
            if (f == null || f.has("pools") == f.has("processors")) modeKnown = false;
            if (f == null) return;
            if (f.has("pools") && f.has("processors")) {
                problems.add("cluster", "has both \"pools\" and \"processors\"; use one of them");
                return;
            }
            if (f.has("processors")) {
                processorMode = true;
                Long procs = f.integer("processors", null, 1, org.preemptlab.cluster.Cluster.MAX_PROCESSORS);
                rules.machine(procs == null ? null : new ProcessorMachine(procs.intValue()));
                return;
            }
            if (!f.has("pools")) {
                problems.add("cluster", JsonFields.show(node) + "; needs \"pools\" (node pools) or \"processors\" (a machine"
                        + " of P processors, as in SWF traces)");
                return;
            }
            if (hasTrace) {
                problems.add("cluster.pools", "a trace runs on a processor machine; use \"cluster\": {\"processors\": N}"
                        + " or leave \"cluster\" out");
                return;
            }
            JsonNode pools = f.get("pools");
            if (!pools.isArray()) {
                f.problem("pools", "must be a list of pools [{…}, …]");
                return;
            }
            if (pools.isEmpty()) {
                rules.noPools();
                return;
            }
            int before = problems.count();
            for (int i = 0; i < pools.size(); i++) pool(pools.get(i), i);
            rules.endPools(problems.count() == before);
        }

        /** Version 2: {@code cluster.nodes} (node groups), {@code select}, {@code defMemPerCpu}. */
        private void slurmCluster(JsonFields f, boolean hasTrace) {
            if (version != FORMAT_VERSION_SLURM) {
                for (String k : List.of("nodes", "select", "defMemPerCpu")) {
                    if (f.has(k)) problems.add("cluster." + k, "a version-2 (Slurm) field; set \"formatVersion\": 2");
                }
                modeKnown = false;
                return;
            }
            if (f.has("pools") || f.has("processors")) {
                problems.add("cluster", "has \"nodes\" and \"" + (f.has("pools") ? "pools" : "processors") + "\"; a Slurm"
                        + " cluster (version 2) has node groups only");
                modeKnown = false;
                return;
            }
            if (hasTrace) {
                problems.add("cluster.nodes", "a trace runs on a processor machine; use \"cluster\": {\"processors\": N}");
                modeKnown = false;
                return;
            }
            if (!f.has("nodes")) {
                problems.add("cluster.nodes", "missing; a Slurm cluster needs its node groups");
                modeKnown = false;
                return;
            }
            slurmSelect = SlurmSections.select(f);
            Long def = f.integer("defMemPerCpu", 0L, 0, Long.MAX_VALUE / 4);
            slurmDefMemPerCpu = def == null ? 0 : def;
            slurmGroups = slurm.nodes(f.get("nodes"));
            if (slurmGroups != null) rules.slurmCluster(new NodeCluster(slurmGroups));
        }

        private void pool(JsonNode node, int index) {
            JsonFields f = JsonFields.open(node, JsonFields.element("cluster.pools", index), problems, POOL_FIELDS);
            if (f == null) return;
            Set<String> unread = new HashSet<>();
            String name = string(f, "name", null, unread);
            int nodes = whole(f, "nodes", null, unread);
            int cores = whole(f, "coresPerNode", null, unread);
            long memory = orZero(f.integer("memoryPerNodeMb", 0L, Long.MIN_VALUE, Long.MAX_VALUE), "memoryPerNodeMb", unread);
            String owner = string(f, "owner", "", unread);
            List<String> borrowers = strings(f, "borrowers", List.of(), unread);
            Double bandwidth = f.number("checkpointBandwidthMBps", NodePool.DEFAULT_BANDWIDTH_MBPS);
            if (bandwidth == null) unread.add("checkpointBandwidthMBps");
            rules.pool(index, new PoolDraft(name, nodes, cores, memory, owner, borrowers,
                    bandwidth == null ? NodePool.DEFAULT_BANDWIDTH_MBPS : bandwidth), unread);
            if (f.has("overSubscribe")) {
                OverSubscribe o = overSubscribe(f.get("overSubscribe"), JsonFields.element("cluster.pools", index) + ".overSubscribe");
                if (o != null && name != null) overSubscribe.put(name, o);
            }
        }

        /** A pool's {"mode": "FORCE", "jobs": 2} (Slurm's OverSubscribe=FORCE:2); jobs defaults to 4 as in Slurm, 1 for NO. */
        private OverSubscribe overSubscribe(JsonNode node, String path) {
            JsonFields f = JsonFields.open(node, path, problems, OVERSUBSCRIBE_FIELDS);
            if (f == null) return null;
            String mode = f.choice("mode", null, OVERSUBSCRIBE_MODES, "OverSubscribe mode");
            if (mode == null) {
                if (!f.has("mode")) f.problem("mode", "missing; one of NO, YES, FORCE");
                return null;
            }
            OverSubscribe.Mode m = OverSubscribe.Mode.parse(mode);
            long def = m == OverSubscribe.Mode.NO ? 1 : OverSubscribe.DEFAULT_JOBS;
            Long jobs = f.integer("jobs", def, m == OverSubscribe.Mode.NO ? 1 : 2, m == OverSubscribe.Mode.NO ? 1 : OverSubscribe.MAX_JOBS);
            if (jobs == null) return null;
            return new OverSubscribe(m, jobs.intValue());
        }

        // ------------------------------------------------------------------ values a rule judges

        /** A string, blank or not (the rules judge blank ones); unread when missing or not a string. */
        private static String string(JsonFields f, String key, String def, Set<String> unread) {
            String v = f.string(key, def, false);
            if (v == null) unread.add(key);
            return v;
        }

        private static List<String> strings(JsonFields f, String key, List<String> def, Set<String> unread) {
            List<String> v = f.strings(key, def);
            if (v == null) unread.add(key);
            return v == null ? List.of() : v;
        }

        /** A whole number held in an int: any value (the rules judge the range) but one larger than an int. */
        private static int whole(JsonFields f, String key, Long def, Set<String> unread) {
            Long v = f.integer(key, def, Long.MIN_VALUE, Long.MAX_VALUE);
            if (v == null) {
                unread.add(key);
                return 0;
            }
            if (v > Integer.MAX_VALUE) {
                f.problem(key, "must be ≤ " + Integer.MAX_VALUE);
                unread.add(key);
                return 0;
            }
            return (int) Math.max(v, Integer.MIN_VALUE);
        }

        /** A duration or time of any sign (the rules judge the range). */
        private static long duration(JsonFields f, String key, Long def, Set<String> unread) {
            return orZero(f.duration(key, def, Long.MIN_VALUE), key, unread);
        }

        private static long orZero(Long v, String key, Set<String> unread) {
            if (v == null) unread.add(key);
            return v == null ? 0 : v;
        }

        private static boolean bool(JsonFields f, String key, boolean def, Set<String> unread) {
            Boolean v = f.bool(key, def);
            if (v == null) unread.add(key);
            return v == null ? def : v;
        }

        // ------------------------------------------------------------------ jobs

        private List<JobSpec> jobs(JsonNode node) {
            if (!node.isArray()) {
                problems.add("jobs", JsonFields.show(node) + "; must be a list of jobs [{…}, …]");
                return null;
            }
            if (node.isEmpty()) {
                rules.noJobs();
                return null;
            }
            List<JobSpec> jobs = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                JobSpec job = job(node.get(i), i);
                if (job != null) jobs.add(job);
            }
            return jobs;
        }

        private JobSpec job(JsonNode node, int index) {
            JsonFields f = JsonFields.open(node, JsonFields.element("jobs", index), problems, JOB_FIELDS);
            if (f == null) return null;
            Set<String> unread = new HashSet<>();
            String name = string(f, "name", null, unread);
            long submit = duration(f, "submit", null, unread);
            int nodes;
            int cores;
            long memory;
            List<String> pools;
            if (modeKnown ? processorMode : f.has("procs")) {
                nodes = whole(f, "procs", null, unread);
                cores = 1;
                memory = 0;
                pools = List.of();
                for (String k : modeKnown ? List.of("nodes", "coresPerNode") : List.<String>of()) {
                    if (f.has(k)) {
                        f.problem(k, "this cluster is a processor machine; give the job's \"procs\"");
                        unread.add(k);
                    }
                }
                if (f.has("memoryPerNodeMb")) {
                    f.problem("memoryPerNodeMb", "a processor machine does not model memory");
                    unread.add("memoryPerNodeMb");
                }
                if (f.has("pools")) {
                    f.problem("pools", "a processor machine has no pools");
                    unread.add("pools");
                }
            } else {
                if (f.has("procs") && modeKnown) {
                    f.problem("procs", "this cluster has node pools; give \"nodes\" and \"coresPerNode\"");
                    unread.add("procs");
                }
                nodes = whole(f, "nodes", null, unread);
                cores = whole(f, "coresPerNode", 1L, unread);
                memory = orZero(f.integer("memoryPerNodeMb", 0L, Long.MIN_VALUE, Long.MAX_VALUE), "memoryPerNodeMb",
                        unread);
                pools = strings(f, "pools", List.of(), unread);
            }
            long estimate = duration(f, "estimate", null, unread);
            long runtime = duration(f, "runtime", null, unread);
            String qos = string(f, "qos", JobSpec.DEFAULT_QOS, unread);
            String group = string(f, "group", "", unread);
            boolean rerunnable = bool(f, "rerunnable", true, unread);
            boolean checkpointable = bool(f, "checkpointable", true, unread);
            long image = orZero(f.integer("imageMbPerNode", 0L, Long.MIN_VALUE, Long.MAX_VALUE), "imageMbPerNode", unread);
            long interval = duration(f, "checkpointInterval", 0L, unread);
            ScenarioDraft.RunningJob running = null;
            List<String> onNodes = null;
            if (f.has("onNodes")) {
                onNodes = f.strings("onNodes", null);
                if (onNodes == null) unread.add("onNodes");
            }
            if (f.has("runningFor")) {
                running = new ScenarioDraft.RunningJob(name, onNodes, duration(f, "runningFor", null, unread));
            } else if (f.has("onNodes")) {
                f.problem("onNodes", "only for a job that is already running (\"runningFor\")");
                unread.add("onNodes");
            }
            if (f.has("reservation")) {
                String resv = f.string("reservation", null, true);
                if (resv != null) jobReservation.put(index, resv);
            }
            JobDraft draft = new JobDraft(name, submit, qos, group, nodes, cores, estimate, runtime, memory, rerunnable,
                    checkpointable, image, pools, interval);
            return rules.job(index, draft, running, unread);
        }

        // ------------------------------------------------------------------ trace

        private TraceReference lastTrace;

        private SwfTrace trace(JsonNode node) {
            JsonFields f = JsonFields.open(node, "trace", problems, TRACE_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            SwfReadOptions d = SwfReadOptions.defaults();
            String text = f.string("path", null, true);
            Long firstJob = f.integer("firstJob", d.firstJob(), 0, Long.MAX_VALUE);
            Long lastJob = f.integer("lastJob", d.lastJob(), 0, Long.MAX_VALUE);
            if (firstJob != null && lastJob != null && lastJob < firstJob) {
                f.problem("lastJob", "must be ≥ firstJob (" + firstJob + ")");
            }
            Long from = f.duration("fromSubmit", d.submitFrom(), Long.MIN_VALUE);
            Long to = f.duration("toSubmit", d.submitTo(), Long.MIN_VALUE);
            if (from != null && to != null && to <= from) {
                f.problem("toSubmit", "must be later than fromSubmit (" + SimTime.format(from) + ")");
            }
            Long maxJobs = f.integer("maxJobs", d.maxJobs(), 1, Long.MAX_VALUE);
            Long procs = f.integer("procs", 0L, 1, org.preemptlab.cluster.Cluster.MAX_PROCESSORS);
            if (procs != null && procs > 0 && rules.cluster() instanceof ProcessorMachine m && m.procs() != procs) {
                f.problem("procs", "differs from cluster.processors (" + m.procs() + "); give one of them");
            }
            if (problems.count() > before) return null;
            int override = procs.intValue();
            if (override == 0 && rules.cluster() instanceof ProcessorMachine m) override = m.procs();
            Path file = baseDir.resolve(text).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                f.problem("path", "file not found (" + file + ")");
                return null;
            }
            lastTrace = new TraceReference(file, firstJob, lastJob, from, to, maxJobs, procs.intValue());
            SwfTrace trace;
            try {
                trace = SwfReader.read(file, lastTrace.toReadOptions().withProcs(override));
            } catch (IOException e) {
                f.problem("path", e.getMessage());
                return null;
            }
            if (trace.jobs().isEmpty()) {
                problems.add("trace", "no job of " + text + " is left after the selection and the anomaly rules");
                return null;
            }
            if (rules.cluster() == null && !problems.list().stream().anyMatch(p -> p.path().startsWith("cluster"))) {
                rules.machine(new ProcessorMachine(trace.machineProcs()));
            }
            return trace;
        }

        // ------------------------------------------------------------------ policy

        /** Slurm's SchedulerTimeSlice for the pools that share cores (default 30 s). */
        private void timeSlice(JsonFields f) {
            Long t = f.duration("timeSliceSeconds", GangSettings.DEFAULT_TIME_SLICE, 1);
            if (t != null) timeSlice = t;
        }

        private SchedulerSpec policy(JsonNode node) {
            JsonFields f = JsonFields.open(node, "policy", problems, POLICY_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            String name = f.choice("scheduler", null, SchedulerKind.ids(), "scheduler");
            if (name == null) return null;
            SchedulerKind kind = SchedulerKind.parse(name);
            if (kind != SchedulerKind.SLURM && f.has("schedulerParameters")) {
                f.problem("schedulerParameters", "only " + SchedulerKind.SLURM.id() + " uses schedulerParameters");
            }
            if (kind != SchedulerKind.SLURM && f.has("backfillPlans")) {
                f.problem("backfillPlans", "only " + SchedulerKind.SLURM.id() + " uses backfillPlans");
            }
            if (!kind.hasParameters()) {
                for (String k : List.of("p", "thresholdSeconds", "extendSeconds", "killInstead")) {
                    if (f.has(k)) f.problem(k, "only " + SchedulerKind.AGGRESSIVE_CHECKPOINT.id() + " uses " + k);
                }
                timeSlice(f);
                if (kind == SchedulerKind.SLURM) {
                    String line = f.string("schedulerParameters", "", false);
                    String plans = f.choice("backfillPlans", BackfillPlans.DEFAULT.label(), BackfillPlans.labels(), "backfill plans");
                    if (line == null || plans == null || problems.count() > before) return null;
                    try {
                        org.preemptlab.slurmsched.SlurmSchedulerConfig.of(org.preemptlab.slurmconf.SchedulerParameters.parse(line));
                    } catch (IllegalArgumentException e) {
                        f.problem("schedulerParameters", "\"" + line + "\": " + e.getMessage());
                        return null;
                    }
                    return SchedulerSpec.slurm(line, BackfillPlans.parse(plans));
                }
                return problems.count() > before ? null : SchedulerSpec.of(kind);
            }
            timeSlice(f);
            Double p = f.fraction("p", SchedulerSpec.DEFAULT_P);
            Long threshold = f.duration("thresholdSeconds", SchedulerSpec.DEFAULT_THRESHOLD_SECONDS, 0);
            long defaultExtend = cost.imageModel() ? SchedulerSpec.DEFAULT_EXTEND_SECONDS
                    : cost.checkpointSeconds() + cost.restartSeconds();
            Long extend = f.duration("extendSeconds", defaultExtend, 0);
            Boolean kill = f.bool("killInstead", false);
            if (problems.count() > before) return null;
            return SchedulerSpec.aggressiveCheckpoint(p, threshold, extend, kill);
        }

        // ------------------------------------------------------------------ preemption

        private Preemption preemption(JsonNode node) {
            JsonFields f = JsonFields.open(node, "preemption", problems, PREEMPTION_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            Boolean owner = f.bool("owner", true);
            Boolean qos = f.bool("qos", false);
            Map<String, Integer> tiers = tiers(f);
            String order = f.choice("victimOrder", VictimOrder.YOUNGEST_FIRST.label(), VICTIM_ORDERS, "victim order");
            Long exempt = f.duration("exemptSeconds", 0L, 0);
            Long grace = f.duration("graceSeconds", 0L, 0);
            String requeue = f.choice("requeue", "priority", REQUEUE_MODES, "requeue mode");
            Map<String, List<PreemptMechanism>> chains = new LinkedHashMap<>();
            JsonNode chainsNode = f.get("chains");
            if (chainsNode != null) {
                if (!chainsNode.isObject()) {
                    f.problem("chains", "must be an object {\"qos\": [\"suspend\", …], …}");
                } else {
                    for (Map.Entry<String, JsonNode> e : chainsNode.properties()) {
                        List<PreemptMechanism> chain = chain(e.getValue(), f.at("chains") + "." + e.getKey());
                        if (chain != null) chains.put(e.getKey(), chain);
                    }
                }
            }
            List<PreemptMechanism> defaultChain = null;
            if (f.has("defaultChain")) defaultChain = chain(f.get("defaultChain"), f.at("defaultChain"));
            Double storage = PreemptionSettings.defaults().storageMBps();
            JsonNode cp = f.get("checkpoint");
            if (cp != null) {
                JsonFields c = JsonFields.open(cp, f.at("checkpoint"), problems, CHECKPOINT_FIELDS);
                if (c != null) {
                    String model = c.choice("model", c.has("checkpointSeconds") ? "fixed" : "image", CHECKPOINT_MODELS,
                            "checkpoint model");
                    if ("fixed".equals(model)) {
                        Long chk = c.duration("checkpointSeconds", null, 0);
                        Long restart = c.duration("restartSeconds", chk == null ? 0L : chk, 0);
                        if (chk != null && restart != null) cost = CheckpointCost.fixed(chk, restart);
                    } else if ("image".equals(model)) {
                        for (String k : List.of("checkpointSeconds", "restartSeconds")) {
                            if (c.has(k)) {
                                c.problem(k, "the image model computes it from the jobs' imageMbPerNode and the"
                                        + " storage bandwidth; use \"model\": \"fixed\" for a fixed time");
                            }
                        }
                    }
                    storage = c.positive("storageMBps", storage);
                }
            }
            if (problems.count() > before) return null;
            PreemptionRules rules = new PreemptionRules(owner, qos, tiers, VictimOrder.parse(order), exempt, chains,
                    defaultChain);
            PreemptionSettings settings = new PreemptionSettings(grace, requeue.equals("head"), cost, storage);
            return new Preemption(rules, settings);
        }

        private Map<String, Integer> tiers(JsonFields f) {
            JsonNode node = f.get("tiers");
            Map<String, Integer> tiers = new LinkedHashMap<>();
            if (node == null) return tiers;
            if (!node.isObject()) {
                f.problem("tiers", "must be an object {\"owner\": 2, \"normal\": 1, …}");
                return tiers;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                Long tier = JsonFields.integerValue(e.getValue(), f.at("tiers") + "." + e.getKey(), Integer.MIN_VALUE,
                        Integer.MAX_VALUE, problems);
                if (tier != null) tiers.put(e.getKey(), tier.intValue());
            }
            return tiers;
        }

        private List<PreemptMechanism> chain(JsonNode node, String path) {
            if (!node.isArray()) {
                problems.add(path, JsonFields.show(node) + "; must be a list such as [\"suspend\", \"checkpoint\","
                        + " \"requeue\", \"kill\"]");
                return null;
            }
            if (node.isEmpty()) {
                problems.add(path, "[]; needs at least one mechanism: " + String.join(", ", MECHANISMS));
                return null;
            }
            List<PreemptMechanism> chain = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < node.size(); i++) {
                JsonNode e = node.get(i);
                String p = JsonFields.element(path, i);
                String text = e.isTextual() ? e.asText() : null;
                PreemptMechanism m = null;
                if (MECHANISMS.contains(text)) {
                    m = PreemptMechanism.parse(text);
                } else if ("cancel".equals(text)) {
                    m = PreemptMechanism.KILL; // Slurm's and Moab's name for kill
                }
                if (m == null) {
                    problems.add(p, JsonFields.show(e) + "; " + JsonFields.notOneOf(text == null ? "" : text, MECHANISMS,
                            "mechanism"));
                    ok = false;
                } else if (chain.contains(m)) {
                    problems.add(p, JsonFields.show(e) + "; already in the chain");
                    ok = false;
                } else {
                    chain.add(m);
                }
            }
            return ok ? chain : null;
        }

        // ------------------------------------------------------------------ maintenance

        private List<MaintenanceWindow> maintenance(JsonNode node) {
            if (!node.isArray()) {
                problems.add("maintenance", JsonFields.show(node) + "; must be a list of windows [{…}, …]");
                return List.of();
            }
            List<MaintenanceWindow> windows = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                MaintenanceWindow w = window(node.get(i), i);
                if (w != null) windows.add(w);
            }
            return windows;
        }

        private MaintenanceWindow window(JsonNode node, int index) {
            JsonFields f = JsonFields.open(node, JsonFields.element("maintenance", index), problems, MAINTENANCE_FIELDS);
            if (f == null) return null;
            Set<String> unread = new HashSet<>();
            String name = string(f, "name", "maintenance-" + (index + 1), unread);
            long start = duration(f, "start", null, unread);
            long length = duration(f, "duration", null, unread);
            String strategy = f.choice("strategy", null, STRATEGIES, "strategy");
            if (strategy == null) unread.add("strategy");
            long drainHorizon = 0;
            if (MaintenanceStrategy.DRAIN_THEN_CHECKPOINT.label().equals(strategy)) {
                drainHorizon = duration(f, "drainHorizon", null, unread);
            } else if (f.has("drainHorizon") && strategy != null) {
                drainHorizon = duration(f, "drainHorizon", null, unread); // the rules: only drain-then-checkpoint uses it
            }
            boolean all = false;
            List<String> nodes = null;
            JsonNode n = f.get("nodes");
            if (n != null) {
                if (n.isTextual() && n.asText().equals("all")) {
                    all = true;
                } else if (n.isArray()) {
                    nodes = strings(f, "nodes", List.of(), unread);
                } else {
                    f.problem("nodes", "must be \"all\" or a list of node names [\"public-1\", …]");
                    unread.add("nodes");
                }
            }
            List<String> pools = f.has("pools") ? strings(f, "pools", List.of(), unread) : null;
            return rules.window(index, name, start, length, strategy == null ? null : MaintenanceStrategy.parse(strategy),
                    drainHorizon, all, nodes, pools, unread);
        }

        // ------------------------------------------------------------------ failures

        private FailureModel failures(JsonNode node, long scenarioSeed, List<JobSpec> jobs) {
            JsonFields f = JsonFields.open(node, "failures", problems, FAILURE_FIELDS);
            if (f == null) return FailureModel.NONE;
            int before = problems.count();
            Long mtbf = f.duration("nodeMtbf", null, 0);
            Long repair = f.duration("repair", 0L, 0);
            Long seed = f.integer("seed", scenarioSeed, Long.MIN_VALUE, Long.MAX_VALUE);
            String periodic = f.choice("checkpoints", "none", List.of("none", "young", "daly"), "checkpoint period");
            if (problems.count() > before) return FailureModel.NONE;
            FailureModel model = new FailureModel(mtbf, repair, seed, org.preemptlab.preempt.CheckpointPeriod.parse(periodic));
            if (model.enabled() && jobs != null && rules.cluster() != null) bounded(f, model, jobs, rules.cluster().nodeCount());
            return model;
        }

        /**
         * Refuses failure rates that would make a run endless: more than {@link FailureModel#MAX_EXPECTED_FAILURES}
         * expected over the longest failure-free run (the last submit plus every estimate, one after the other),
         * or a rerunnable job without checkpoints expecting more than {@link FailureModel#MAX_FAILURES_PER_RUN}
         * failures in one run.
         */
        private void bounded(JsonFields f, FailureModel model, List<JobSpec> jobs, int nodes) {
            double mtbf = model.nodeMtbfSeconds();
            long lastSubmit = 0;
            double span = 0;
            for (JobSpec j : jobs) {
                lastSubmit = Math.max(lastSubmit, j.submit());
                span += j.estimate();
            }
            span += lastSubmit;
            double expected = nodes * span / mtbf;
            if (expected > FailureModel.MAX_EXPECTED_FAILURES) {
                long least = (long) Math.ceil(nodes * span / FailureModel.MAX_EXPECTED_FAILURES);
                f.problem("nodeMtbf", String.format(java.util.Locale.ROOT, "%d nodes over up to %s of simulated time would"
                        + " fail about %.3g times; at most %d are simulated: make nodeMtbf at least %s", nodes,
                        Durations.format((long) Math.min(span, Long.MAX_VALUE)), expected, FailureModel.MAX_EXPECTED_FAILURES,
                        Durations.format(least)));
                return;
            }
            for (int i = 0; i < jobs.size(); i++) {
                JobSpec j = jobs.get(i);
                // the longest stretch a job must run without a failure: its run, or its own checkpoint interval
                // (periodic Young/Daly checkpoints are not counted: with a zero checkpoint cost they are never taken)
                long stretch = j.checkpointable() && j.checkpointInterval() > 0 ? Math.min(j.runtime(), j.checkpointInterval())
                        : j.runtime();
                double perRun = (double) j.nodes() * stretch / mtbf;
                if (j.rerunnable() && perRun > FailureModel.MAX_FAILURES_PER_RUN) {
                    f.problem("nodeMtbf", String.format(java.util.Locale.ROOT, "job %s (%d nodes for %s%s) would expect"
                            + " %.3g failures in that time and almost never finish (at most %.0f); make nodeMtbf at least %s",
                            j.name(), j.nodes(), Durations.format(stretch), stretch < j.runtime() ? " between checkpoints" : "",
                            perRun, FailureModel.MAX_FAILURES_PER_RUN,
                            Durations.format((long) Math.ceil(j.nodes() * (double) stretch / FailureModel.MAX_FAILURES_PER_RUN))));
                    return;
                }
            }
        }
    }

    /** How the file wrote the value at a JSON path ({@code "2h"}, {@code -100}), or the value itself. */
    private static String shownAt(JsonNode root, String path, Object value) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            int b = part.indexOf('[');
            n = n == null ? null : n.get(b < 0 ? part : part.substring(0, b));
            while (b >= 0 && n != null) {
                int e = part.indexOf(']', b);
                n = n.get(Integer.parseInt(part.substring(b + 1, e)));
                b = part.indexOf('[', e);
            }
        }
        return n == null || n.isNull() ? ScenarioRules.format(value) : JsonFields.show(n);
    }

    /** True when the trace's machine size came from the file itself (no override). */
    static boolean machineFromTrace(AnomalyReport report) {
        return report != null && report.machineSizeSource() != MachineSizeSource.OPTION;
    }
}
