package org.preemptlab.io.scenario;

import org.preemptlab.scenario.TraceReference;

import org.preemptlab.scenario.ScenarioProblem;

import org.preemptlab.scenario.ScenarioException;

import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
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
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.time.SimTime;

/**
 * Reads scenario files (JSON, {@code "formatVersion": 1}) into {@link Scenario}s.
 *
 * <p>Every problem of a file is collected, then thrown together as one {@link ScenarioException}:
 * malformed JSON (with line and column), unknown fields (with a "did you mean"), wrong types and
 * out-of-range values (naming the JSON path and quoting the value), and what cannot work as a
 * whole: a job larger than every pool it may use, a job naming an unknown pool, a maintenance
 * window longer than the horizon, unknown node names, duplicate names. The format is described in
 * the {@linkplain org.preemptlab.io.scenario package documentation}.
 */
public final class ScenarioReader {

    /** The format version this reader reads. */
    public static final int FORMAT_VERSION = 1;

    static final List<String> ROOT_FIELDS = List.of("formatVersion", "name", "description", "seed", "cluster", "jobs",
            "trace", "policy", "preemption", "maintenance", "failures", "horizon");
    static final List<String> CLUSTER_FIELDS = List.of("pools", "processors");
    static final List<String> POOL_FIELDS = List.of("name", "nodes", "coresPerNode", "memoryPerNodeMb", "owner",
            "borrowers", "checkpointBandwidthMBps");
    static final List<String> JOB_FIELDS = List.of("name", "submit", "runningFor", "onNodes", "nodes", "procs", "coresPerNode", "memoryPerNodeMb",
            "estimate", "runtime", "qos", "group", "pools", "rerunnable", "checkpointable", "imageMbPerNode",
            "checkpointInterval");
    static final List<String> TRACE_FIELDS = List.of("path", "firstJob", "lastJob", "fromSubmit", "toSubmit", "maxJobs",
            "procs");
    static final List<String> POLICY_FIELDS = List.of("scheduler", "p", "thresholdSeconds", "extendSeconds",
            "killInstead");
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

    /** Pool names become node names ({@code <pool>-<k>}) and appear space-separated in the events CSV. */
    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

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
        String displayName = name == null ? file.toString() : name.toString();
        String json;
        try {
            if (Files.isDirectory(file)) throw fail(displayName, "is a directory (" + file.toAbsolutePath() + ")");
            json = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
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
            throw fail(displayName, JsonFields.syntaxError(e));
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
        private boolean modeKnown = true; // false when the cluster section is too broken to tell
        private Cluster cluster; // null while unknown or invalid
        private List<String> poolNames = List.of();
        private Long horizon;
        private CheckpointCost cost = CheckpointCost.imageSize();
        private final List<InitialRun> initialRuns = new ArrayList<>();

        Parse(Problems problems, Path baseDir) {
            this.problems = problems;
            this.baseDir = baseDir;
        }

        Scenario scenario(JsonNode root) {
            if (!root.isObject()) {
                problems.add("", JsonFields.show(root) + "; a scenario is a JSON object {…}");
                return null;
            }
            if (!formatVersion(root)) return null;
            JsonFields f = JsonFields.open(root, "", problems, ROOT_FIELDS);
            String name = f.string("name", null, true);
            String description = description(f);
            Long seed = f.integer("seed", Scenario.DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
            horizon = f.duration("horizon", -1L, 1);
            if (horizon != null && horizon < 0) horizon = null;

            boolean hasJobs = f.has("jobs");
            boolean hasTrace = f.has("trace");
            if (f.has("cluster")) {
                cluster(f.get("cluster"), hasTrace);
            } else if (!hasTrace) {
                problems.add("cluster", "missing; required (\"pools\" or \"processors\"; only a trace may leave it out)");
            } else {
                processorMode = true;
            }

            List<JobSpec> jobs = null;
            TraceReference trace = null;
            AnomalyReport report = null;
            if (hasJobs && hasTrace) {
                problems.add("trace", "given together with \"jobs\"; a scenario takes its jobs from one of them");
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
            SchedulerSpec scheduler = f.has("policy") ? policy(f.get("policy")) : null;
            if (!f.has("policy")) problems.add("policy", "missing; required, e.g. {\"scheduler\": \"easy\"}");

            List<MaintenanceWindow> maintenance = f.has("maintenance") ? maintenance(f.get("maintenance")) : List.of();
            FailureModel failures = FailureModel.NONE;
            if (f.has("failures")) failures = failures(f.get("failures"), seed == null ? Scenario.DEFAULT_SEED : seed);

            if (problems.count() > 0) return null;
            return new Scenario(name, description, seed, cluster, jobs, scheduler, rules, settings, maintenance, failures,
                    horizon, trace, report, initialRuns);
        }

        private boolean formatVersion(JsonNode root) {
            JsonNode v = root.get("formatVersion");
            String reads = "this PreemptLab reads version " + FORMAT_VERSION;
            if (v == null || v.isNull()) {
                problems.add("formatVersion", "missing; " + reads);
                return true;
            }
            if (!v.isIntegralNumber()) {
                problems.add("formatVersion", JsonFields.show(v) + "; must be " + FORMAT_VERSION);
                return true;
            }
            if (v.canConvertToLong() && v.asLong() == FORMAT_VERSION) return true;
            if (v.asDouble() > FORMAT_VERSION) {
                // a newer file: its fields cannot be judged by this version, so this is the only problem
                problems.add("formatVersion", JsonFields.show(v) + "; " + reads
                        + "; open the file with a newer PreemptLab");
                return false;
            }
            problems.add("formatVersion", JsonFields.show(v) + "; must be " + FORMAT_VERSION);
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
            JsonFields f = JsonFields.open(node, "cluster", problems, CLUSTER_FIELDS);
            if (f == null || f.has("pools") == f.has("processors")) modeKnown = false;
            if (f == null) return;
            if (f.has("pools") && f.has("processors")) {
                problems.add("cluster", "has both \"pools\" and \"processors\"; use one of them");
                return;
            }
            if (f.has("processors")) {
                processorMode = true;
                Long procs = f.integer("processors", null, 1, Integer.MAX_VALUE);
                if (procs != null) cluster = new ProcessorMachine(procs.intValue());
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
                f.problem("pools", "needs at least one pool");
                return;
            }
            int before = problems.count();
            List<NodePool> list = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < pools.size(); i++) {
                String path = JsonFields.element("cluster.pools", i);
                NodePool pool = pool(pools.get(i), path);
                JsonNode name = pools.get(i).get("name");
                if (name == null || !name.isTextual()) continue;
                // names are kept even for an invalid pool, so references to it are not reported too
                Integer first = seen.putIfAbsent(name.asText(), i);
                if (first != null) {
                    problems.add(path + ".name", "\"" + name.asText() + "\"; duplicate: cluster.pools[" + first
                            + "] has the same name");
                    continue;
                }
                names.add(name.asText());
                if (pool != null) list.add(pool);
            }
            poolNames = names;
            if (problems.count() == before) cluster = new NodeCluster(list);
        }

        private NodePool pool(JsonNode node, String path) {
            JsonFields f = JsonFields.open(node, path, problems, POOL_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            String name = f.string("name", null, true);
            if (name != null && !POOL_NAME.matcher(name).matches()) {
                f.problem("name", "a pool name may hold only letters, digits, \"_\", \".\" and \"-\" (its nodes are"
                        + " named " + name.strip().replace(' ', '_') + "-1, …)");
                name = null;
            }
            Long nodes = f.integer("nodes", null, 1, Integer.MAX_VALUE);
            Long cores = f.integer("coresPerNode", null, 1, Integer.MAX_VALUE);
            Long memory = f.integer("memoryPerNodeMb", 0L, 0, Long.MAX_VALUE);
            String owner = f.string("owner", "", false);
            List<String> borrowers = f.strings("borrowers", List.of());
            Double bandwidth = f.positive("checkpointBandwidthMBps", NodePool.DEFAULT_BANDWIDTH_MBPS);
            if (problems.count() > before) return null;
            return new NodePool(name, nodes.intValue(), cores.intValue(), memory, owner, borrowers, bandwidth);
        }

        // ------------------------------------------------------------------ jobs

        private List<JobSpec> jobs(JsonNode node) {
            if (!node.isArray()) {
                problems.add("jobs", JsonFields.show(node) + "; must be a list of jobs [{…}, …]");
                return null;
            }
            if (node.isEmpty()) {
                problems.add("jobs", "[]; needs at least one job");
                return null;
            }
            List<JobSpec> jobs = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < node.size(); i++) {
                String path = JsonFields.element("jobs", i);
                JobSpec job = job(node.get(i), path, i + 1);
                JsonNode name = node.get(i).get("name");
                if (name != null && name.isTextual()) { // also for an invalid job: its name is taken
                    Integer first = seen.putIfAbsent(name.asText(), i);
                    if (first != null) {
                        problems.add(path + ".name", "\"" + name.asText() + "\"; duplicate: jobs[" + first
                                + "] has the same name");
                        continue;
                    }
                }
                if (job == null) continue;
                fits(job, path);
                jobs.add(job);
            }
            return jobs;
        }

        private JobSpec job(JsonNode node, String path, int id) {
            JsonFields f = JsonFields.open(node, path, problems, JOB_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            String name = f.string("name", null, true);
            Long submit = f.duration("submit", null, 0);
            Long nodes;
            Long cores;
            Long memory;
            List<String> pools;
            if (modeKnown ? processorMode : f.has("procs")) {
                nodes = f.integer("procs", null, 1, Integer.MAX_VALUE);
                cores = 1L;
                memory = 0L;
                pools = List.of();
                for (String k : modeKnown ? List.of("nodes", "coresPerNode") : List.<String>of()) {
                    if (f.has(k)) f.problem(k, "this cluster is a processor machine; give the job's \"procs\"");
                }
                if (f.has("memoryPerNodeMb")) f.problem("memoryPerNodeMb", "a processor machine does not model memory");
                if (f.has("pools")) f.problem("pools", "a processor machine has no pools");
            } else {
                if (f.has("procs") && modeKnown) f.problem("procs", "this cluster has node pools; give \"nodes\" and \"coresPerNode\"");
                nodes = f.integer("nodes", null, 1, Integer.MAX_VALUE);
                cores = f.integer("coresPerNode", 1L, 1, Integer.MAX_VALUE);
                memory = f.integer("memoryPerNodeMb", 0L, 0, Long.MAX_VALUE);
                pools = f.strings("pools", List.of());
                if (pools != null) {
                    for (int i = 0; i < pools.size(); i++) {
                        String p = pools.get(i);
                        if (!poolNames.contains(p)) {
                            problems.add(JsonFields.element(f.at("pools"), i), "\"" + p + "\"; "
                                    + JsonFields.notOneOf(p, poolNames, "pool"));
                        }
                    }
                }
            }
            Long estimate = f.duration("estimate", null, 1);
            Long runtime = f.duration("runtime", null, 0);
            if (estimate != null && runtime != null && runtime > estimate) {
                f.problem("runtime", "longer than the estimate (" + Durations.format(estimate) + "); a scheduler kills a"
                        + " job at its estimate, so make the estimate at least the run time");
            }
            String qos = f.string("qos", JobSpec.DEFAULT_QOS, true);
            String group = f.string("group", "", false);
            Boolean rerunnable = f.bool("rerunnable", true);
            Boolean checkpointable = f.bool("checkpointable", true);
            Long image = f.integer("imageMbPerNode", 0L, 0, Long.MAX_VALUE);
            Long interval = f.duration("checkpointInterval", 0L, 0);
            Long runningFor = f.has("runningFor") ? f.duration("runningFor", null, 0) : null;
            List<String> onNodes = f.has("onNodes") ? f.strings("onNodes", null) : null;
            if (runningFor != null && runtime != null && runningFor >= runtime) {
                f.problem("runningFor", "the job would have ended (run time "
                        + Durations.format(runtime) + ")");
            }
            if (onNodes != null && runningFor == null) f.problem("onNodes", "only for a job that is already running (\"runningFor\")");
            if (problems.count() > before) return null;
            if (runningFor != null) initialRun(f, id, nodes.intValue(), onNodes, runningFor);
            if (problems.count() > before) return null;
            return new JobSpec(id, name, submit, nodes.intValue(), cores.intValue(), memory, estimate, runtime, qos,
                    group, pools, rerunnable, checkpointable, image, interval, null);
        }

        /** A job running when the scenario begins: on named nodes (pools), anywhere free (processors). */
        private void initialRun(JsonFields f, int id, int nodes, List<String> onNodes, long runningFor) {
            if (cluster instanceof NodeCluster) {
                if (onNodes == null || onNodes.size() != nodes) {
                    f.problem("onNodes", (onNodes == null ? "missing" : onNodes.size() + " nodes") + "; a running job names the "
                            + nodes + " node(s) it runs on");
                    return;
                }
                int[] indices = new int[nodes];
                for (int i = 0; i < nodes; i++) {
                    int index = nodeIndex(onNodes.get(i));
                    if (index < 0) {
                        problems.add(JsonFields.element(f.at("onNodes"), i), "\"" + onNodes.get(i) + "\"; not a node of this cluster");
                        return;
                    }
                    indices[i] = index;
                }
                initialRuns.add(new InitialRun(id, indices, runningFor));
            } else {
                initialRuns.add(new InitialRun(id, new int[0], runningFor));
            }
        }

        /** The job must fit in at least one pool it may use (or on the processor machine). */
        private void fits(JobSpec job, String path) {
            if (cluster instanceof ProcessorMachine m) {
                if (job.nodes() > m.procs()) {
                    problems.add(path, "needs " + count(job.nodes(), "processor") + "; the machine has " + m.procs());
                }
                return;
            }
            if (!(cluster instanceof NodeCluster nc)) return;
            List<NodePool> usable = nc.pools().stream().filter(p -> p.admits(job)).toList();
            if (usable.isEmpty()) {
                List<String> why = new ArrayList<>();
                for (NodePool p : nc.pools()) {
                    if (!job.pools().isEmpty() && !job.pools().contains(p.name())) continue;
                    why.add(p.name() + " is owned by \"" + p.owner() + "\" and lends "
                            + (p.borrowers().isEmpty() ? "to nobody" : "to qos " + String.join(", ", p.borrowers())));
                }
                problems.add(path, "no pool admits it (qos \"" + job.qos() + "\", group \"" + job.group() + "\"): "
                        + String.join("; ", why));
                return;
            }
            boolean memory = job.memoryPerNodeMb() > 0;
            for (NodePool p : usable) {
                if (job.nodes() <= p.nodes() && job.coresPerNode() <= p.coresPerNode()
                        && (p.memoryPerNodeMb() == 0 || job.memoryPerNodeMb() <= p.memoryPerNodeMb())) {
                    return;
                }
            }
            List<String> have = new ArrayList<>();
            for (NodePool p : usable) {
                have.add(p.name() + ": " + shape(p.nodes(), p.coresPerNode(), memory ? p.memoryPerNodeMb() : 0));
            }
            problems.add(path, "needs " + shape(job.nodes(), job.coresPerNode(), job.memoryPerNodeMb())
                    + "; no pool it may use has that (" + String.join(", ", have) + ")");
        }

        private static String shape(int nodes, int cores, long memoryMb) {
            return count(nodes, "node") + " × " + count(cores, "core") + (memoryMb > 0 ? " × " + memoryMb + " MB" : "");
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
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
            Long procs = f.integer("procs", 0L, 1, Integer.MAX_VALUE);
            if (procs != null && procs > 0 && cluster instanceof ProcessorMachine m && m.procs() != procs) {
                f.problem("procs", "differs from cluster.processors (" + m.procs() + "); give one of them");
            }
            if (problems.count() > before) return null;
            int override = procs.intValue();
            if (override == 0 && cluster instanceof ProcessorMachine m) override = m.procs();
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
            if (cluster == null && !problems.list().stream().anyMatch(p -> p.path().startsWith("cluster"))) {
                cluster = new ProcessorMachine(trace.machineProcs());
            }
            return trace;
        }

        // ------------------------------------------------------------------ policy

        private SchedulerSpec policy(JsonNode node) {
            JsonFields f = JsonFields.open(node, "policy", problems, POLICY_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            String name = f.choice("scheduler", null, SchedulerSpec.NAMES, "scheduler");
            if (name == null) return null;
            if (!name.equals(SchedulerSpec.AGGRESSIVE_CHECKPOINT)) {
                for (String k : List.of("p", "thresholdSeconds", "extendSeconds", "killInstead")) {
                    if (f.has(k)) f.problem(k, "only " + SchedulerSpec.AGGRESSIVE_CHECKPOINT + " uses " + k);
                }
                return problems.count() > before ? null : SchedulerSpec.of(name);
            }
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
                MaintenanceWindow w = window(node.get(i), JsonFields.element("maintenance", i), i);
                if (w != null) windows.add(w);
            }
            return windows;
        }

        private MaintenanceWindow window(JsonNode node, String path, int index) {
            JsonFields f = JsonFields.open(node, path, problems, MAINTENANCE_FIELDS);
            if (f == null) return null;
            int before = problems.count();
            String name = f.string("name", "maintenance-" + (index + 1), true);
            Long start = f.duration("start", null, 0);
            Long duration = f.duration("duration", null, 1);
            if (horizon != null && start != null && start >= horizon) {
                f.problem("start", "starts at or after the horizon (" + Durations.format(horizon) + ")");
            }
            if (horizon != null && duration != null && duration > horizon) {
                f.problem("duration", "longer than the horizon (" + Durations.format(horizon) + ")");
            }
            String strategy = f.choice("strategy", null, STRATEGIES, "strategy");
            Long drainHorizon = 0L;
            if (MaintenanceStrategy.DRAIN_THEN_CHECKPOINT.label().equals(strategy)) {
                drainHorizon = f.duration("drainHorizon", null, 0);
            } else if (f.has("drainHorizon") && strategy != null) {
                f.problem("drainHorizon", "only " + MaintenanceStrategy.DRAIN_THEN_CHECKPOINT.label() + " uses it");
            }
            TreeSet<Integer> nodes = windowNodes(f);
            if (problems.count() > before || nodes == null || cluster == null) return null;
            return new MaintenanceWindow(name, start, duration, nodes.stream().mapToInt(Integer::intValue).toArray(),
                    MaintenanceStrategy.parse(strategy), drainHorizon);
        }

        /** The union of "nodes" and "pools", or null after a problem. */
        private TreeSet<Integer> windowNodes(JsonFields f) {
            TreeSet<Integer> out = new TreeSet<>();
            boolean ok = true;
            JsonNode nodes = f.get("nodes");
            if (nodes != null) {
                if (nodes.isTextual() && nodes.asText().equals("all")) {
                    if (cluster != null) {
                        for (int i = 0; i < cluster.nodeCount(); i++) out.add(i);
                    }
                } else if (nodes.isArray()) {
                    List<String> names = f.strings("nodes", List.of());
                    if (names == null) return null;
                    for (int i = 0; i < names.size(); i++) {
                        if (cluster == null) continue;
                        int index = nodeIndex(names.get(i));
                        if (index < 0) {
                            problems.add(JsonFields.element(f.at("nodes"), i), "\"" + names.get(i) + "\"; "
                                    + unknownNode(names.get(i)));
                            ok = false;
                        } else {
                            out.add(index);
                        }
                    }
                } else {
                    f.problem("nodes", "must be \"all\" or a list of node names [\"public-1\", …]");
                    ok = false;
                }
            }
            if (f.has("pools")) {
                if (processorMode) {
                    f.problem("pools", "a processor machine has no pools; list the processors in \"nodes\"");
                    return null;
                }
                List<String> pools = f.strings("pools", List.of());
                if (pools == null) return null;
                for (int i = 0; i < pools.size(); i++) {
                    String p = pools.get(i);
                    if (!poolNames.contains(p)) {
                        problems.add(JsonFields.element(f.at("pools"), i), "\"" + p + "\"; "
                                + JsonFields.notOneOf(p, poolNames, "pool"));
                        ok = false;
                    } else if (cluster instanceof NodeCluster nc) {
                        int pi = nc.poolIndex(p);
                        int first = nc.firstNode(pi);
                        for (int k = 0; k < nc.pools().get(pi).nodes(); k++) out.add(first + k);
                    }
                }
            }
            if (!ok) return null;
            if (nodes == null && !f.has("pools") || out.isEmpty() && cluster != null) {
                problems.add(f.path(), "covers no nodes; give \"nodes\" (names or \"all\") or \"pools\"");
                return null;
            }
            return out;
        }

        private int nodeIndex(String name) {
            if (cluster instanceof ProcessorMachine m) {
                if (name.length() > 1 && name.charAt(0) == 'p' && name.substring(1).chars().allMatch(Character::isDigit)
                        && name.length() < 12) {
                    long i = Long.parseLong(name.substring(1));
                    if (i < m.procs() && String.valueOf(i).equals(name.substring(1))) return (int) i;
                }
                return -1;
            }
            NodeCluster nc = (NodeCluster) cluster;
            for (int p = 0; p < nc.pools().size(); p++) {
                NodePool pool = nc.pools().get(p);
                String prefix = pool.name() + "-";
                if (!name.startsWith(prefix)) continue;
                String k = name.substring(prefix.length());
                if (k.isEmpty() || k.length() > 10 || k.charAt(0) == '0' || !k.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long n = Long.parseLong(k);
                if (n >= 1 && n <= pool.nodes()) return nc.firstNode(p) + (int) n - 1;
            }
            return -1;
        }

        private String unknownNode(String name) {
            if (cluster instanceof ProcessorMachine m) {
                return "not a processor of this machine (p0 … p" + (m.procs() - 1) + ")";
            }
            NodeCluster nc = (NodeCluster) cluster;
            List<String> ranges = new ArrayList<>();
            for (NodePool p : nc.pools()) {
                ranges.add(p.nodes() == 1 ? p.name() + "-1" : p.name() + "-1 … " + p.name() + "-" + p.nodes());
            }
            return "not a node of this cluster (" + String.join(", ", ranges) + ")";
        }

        // ------------------------------------------------------------------ failures

        private FailureModel failures(JsonNode node, long scenarioSeed) {
            JsonFields f = JsonFields.open(node, "failures", problems, FAILURE_FIELDS);
            if (f == null) return FailureModel.NONE;
            int before = problems.count();
            Long mtbf = f.duration("nodeMtbf", null, 0);
            Long repair = f.duration("repair", 0L, 0);
            Long seed = f.integer("seed", scenarioSeed, Long.MIN_VALUE, Long.MAX_VALUE);
            String periodic = f.choice("checkpoints", "none", List.of("none", "young", "daly"), "checkpoint period");
            if (problems.count() > before) return FailureModel.NONE;
            return new FailureModel(mtbf, repair, seed, org.preemptlab.preempt.CheckpointPeriod.parse(periodic));
        }
    }

    /** True when the trace's machine size came from the file itself (no override). */
    static boolean machineFromTrace(AnomalyReport report) {
        return report != null && report.machineSizeSource() != MachineSizeSource.OPTION;
    }
}
