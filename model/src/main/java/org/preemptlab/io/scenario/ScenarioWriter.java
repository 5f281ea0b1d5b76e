package org.preemptlab.io.scenario;

import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.time.Durations;
import org.preemptlab.scenario.TraceReference;

import org.preemptlab.scenario.SchedulerSpec;

import org.preemptlab.scenario.Scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gang.GangSettings;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * Writes a {@link Scenario} as a scenario file that {@link ScenarioReader} reads back to an equal
 * scenario, in the layout people write by hand: fields in a fixed order, two-space indentation,
 * short objects (a pool, a job, a window) on one line, fields at their default value left out,
 * times and durations that are whole minutes as text ({@code "1h30m"}, {@code "2d"}) and other
 * values as integer seconds, fields named {@code …Seconds} always as integers, a multi-line
 * description as a list of lines, a trace path relative to the file's directory.
 *
 * <p>Inline jobs are written in id order, which is the order the reader numbers them in; a
 * scenario whose ids are not 1…n is renumbered. Jobs that came from a trace are not written: the
 * trace reference is.
 */
public final class ScenarioWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int WIDTH = 120;

    private ScenarioWriter() {
    }

    /**
     * Writes the scenario to {@code file} atomically: to a temporary file in the same directory,
     * forced to disk, then moved over the target, so a crash never leaves a half-written file.
     */
    public static void write(Scenario scenario, Path file) throws IOException {
        // a trace path is relative to where the file really lives (the end of a symbolic link)
        Path real = AtomicFiles.isStdout(file) ? Path.of("").toAbsolutePath().resolve("stdout") : AtomicFiles.followLinks(file);
        String json = toJson(scenario, real.getParent());
        AtomicFiles.write(file, w -> w.write(json));
    }

    /**
     * The scenario as scenario-file text (ends with a newline).
     *
     * @param baseDir the directory the file will live in, for a relative trace path; null: absolute path
     * @throws IllegalArgumentException when the scenario cannot be expressed in the format (e.g. a
     *                                  job with several cores per node on a processor machine)
     */
    public static String toJson(Scenario s, Path baseDir) {
        ObjectNode root = NODES.objectNode();
        org.preemptlab.site.Site site = s.cluster() instanceof NodeCluster nc ? nc.site() : null;
        root.put("formatVersion", site == null ? ScenarioReader.FORMAT_VERSION : ScenarioReader.FORMAT_VERSION_SLURM);
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            if (s.description().indexOf('\n') >= 0) {
                ArrayNode lines = root.putArray("description");
                for (String line : s.description().split("\n", -1)) lines.add(line);
            } else {
                root.put("description", s.description());
            }
        }
        root.put("seed", s.seed());
        if (s.horizon() != null) root.set("horizon", time(s.horizon()));
        if (site != null) {
            root.set("cluster", SlurmWriter.cluster((NodeCluster) s.cluster()));
            SlurmWriter.sections(root, site);
        } else if (!clusterFollowsFromTrace(s)) {
            root.set("cluster", cluster(s.cluster(), s.gang()));
        }
        root.set("policy", policy(s.scheduler()));
        if (s.gang().timeSliceSeconds() != GangSettings.DEFAULT_TIME_SLICE) {
            ((ObjectNode) root.get("policy")).put("timeSliceSeconds", s.gang().timeSliceSeconds());
        }
        if (!s.rules().equals(PreemptionRules.NONE) || !s.settings().equals(PreemptionSettings.defaults())) {
            root.set("preemption", preemption(s.rules(), s.settings()));
        }
        if (site != null) {
            java.util.Map<Integer, InitialRun> running = new java.util.HashMap<>();
            for (InitialRun r : s.initialRuns()) running.put(r.jobId(), r);
            ArrayNode jobs = SlurmWriter.jobs(s.jobs().stream().sorted(Comparator.comparingInt(JobSpec::id)).toList(), running,
                    (NodeCluster) s.cluster());
            root.set("jobs", jobs);
            // a job (an array: its tasks) that names a reservation, by the name the file gives it
            java.util.Map<String, String> named = new java.util.HashMap<>();
            java.util.Map<Integer, JobSpec> byId = new java.util.HashMap<>();
            for (JobSpec j : s.jobs()) byId.put(j.id(), j);
            for (var r : s.reservations()) {
                for (int id : r.jobs()) {
                    JobSpec j = byId.get(id);
                    if (j != null) named.put(j.slurm() != null && j.slurm().inArray() ? j.slurm().arrayName() : j.name(), r.name());
                }
            }
            for (var o : jobs) {
                String resv = named.get(o.path("name").asText());
                if (resv != null) ((ObjectNode) o).put("reservation", resv);
            }
        } else if (s.trace() != null) {
            root.set("trace", trace(s.trace(), baseDir));
        } else {
            boolean processors = s.cluster() instanceof ProcessorMachine;
            ArrayNode jobs = root.putArray("jobs");
            java.util.Map<Integer, InitialRun> running = new java.util.HashMap<>();
            for (InitialRun r : s.initialRuns()) running.put(r.jobId(), r);
            java.util.Map<Integer, String> named = new java.util.HashMap<>();
            for (var r : s.reservations()) for (int id : r.jobs()) named.put(id, r.name());
            s.jobs().stream().sorted(Comparator.comparingInt(JobSpec::id)).forEach(j -> {
                ObjectNode o = job(j, processors, running.get(j.id()), s.cluster());
                if (named.containsKey(j.id())) o.put("reservation", named.get(j.id()));
                jobs.add(o);
            });
        }
        if (!s.maintenance().isEmpty()) {
            ArrayNode windows = root.putArray("maintenance");
            for (MaintenanceWindow w : s.maintenance()) windows.add(window(w, s.cluster()));
        }
        if (!s.failures().equals(FailureModel.NONE)) root.set("failures", failures(s.failures()));
        if (!s.reservations().isEmpty()) {
            ArrayNode list = root.putArray("reservations");
            for (var r : s.reservations()) list.add(reservation(r, s.cluster()));
        }
        StringBuilder out = new StringBuilder();
        print(root, 0, out);
        return out.append('\n').toString();
    }

    private static boolean clusterFollowsFromTrace(Scenario s) {
        return s.trace() != null && s.trace().procs() == 0 && ScenarioReader.machineFromTrace(s.traceReport())
                && s.cluster() instanceof ProcessorMachine m && m.procs() == s.traceReport().machineProcs();
    }

    // ---------------------------------------------------------------------- values

    /** Whole minutes as text ("1h30m", "2d"), anything else as integer seconds. */
    static JsonNode time(long seconds) {
        return seconds > 0 && seconds % 60 == 0 ? NODES.textNode(Durations.format(seconds)) : NODES.numberNode(seconds);
    }

    private static JsonNode number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? NODES.numberNode((long) d) : NODES.numberNode(d);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static ArrayNode chain(List<PreemptMechanism> chain) {
        return strings(chain.stream().map(PreemptMechanism::label).toList());
    }

    // ---------------------------------------------------------------------- sections

    private static ObjectNode cluster(Cluster cluster, GangSettings gang) {
        ObjectNode c = NODES.objectNode();
        if (cluster instanceof ProcessorMachine m) {
            c.put("processors", m.procs());
            return c;
        }
        ArrayNode pools = c.putArray("pools");
        for (NodePool p : ((NodeCluster) cluster).pools()) {
            ObjectNode o = pools.addObject();
            o.put("name", p.name());
            o.put("nodes", p.nodes());
            o.put("coresPerNode", p.coresPerNode());
            if (p.memoryPerNodeMb() != 0) o.put("memoryPerNodeMb", p.memoryPerNodeMb());
            if (!p.owner().isEmpty()) o.put("owner", p.owner());
            if (!p.borrowers().isEmpty()) o.set("borrowers", strings(p.borrowers()));
            if (p.checkpointBandwidthMBps() != NodePool.DEFAULT_BANDWIDTH_MBPS) {
                o.set("checkpointBandwidthMBps", number(p.checkpointBandwidthMBps()));
            }
            OverSubscribe share = gang.pools().get(p.name());
            if (share != null) {
                ObjectNode os = o.putObject("overSubscribe");
                os.put("mode", share.mode().name());
                os.put("jobs", share.jobs());
            }
        }
        return c;
    }

    private static ObjectNode job(JobSpec j, boolean processors, InitialRun running, Cluster cluster) {
        ObjectNode o = NODES.objectNode();
        o.put("name", j.name());
        o.set("submit", time(j.submit()));
        if (running != null) {
            o.set("runningFor", time(running.elapsedSeconds()));
            if (!processors) {
                ArrayNode on = o.putArray("onNodes");
                for (int n : running.nodes()) on.add(cluster.nodeName(n));
            }
        }
        if (processors) {
            if (j.coresPerNode() != 1 || j.memoryPerNodeMb() != 0 || !j.pools().isEmpty()) {
                throw new IllegalArgumentException("job " + j.name() + " asks for cores per node, memory or pools,"
                        + " which a processor machine does not have; it cannot be written");
            }
            o.put("procs", j.nodes());
        } else {
            o.put("nodes", j.nodes());
            if (j.coresPerNode() != 1) o.put("coresPerNode", j.coresPerNode());
            if (j.memoryPerNodeMb() != 0) o.put("memoryPerNodeMb", j.memoryPerNodeMb());
        }
        o.set("estimate", time(j.estimate()));
        o.set("runtime", time(j.runtime()));
        if (!j.qos().equals(JobSpec.DEFAULT_QOS)) o.put("qos", j.qos());
        if (!j.group().isEmpty()) o.put("group", j.group());
        if (!j.pools().isEmpty()) o.set("pools", strings(j.pools()));
        if (!j.rerunnable()) o.put("rerunnable", false);
        if (!j.checkpointable()) o.put("checkpointable", false);
        if (j.imageMbPerNode() != 0) o.put("imageMbPerNode", j.imageMbPerNode());
        if (j.checkpointInterval() != 0) o.set("checkpointInterval", time(j.checkpointInterval()));
        return o;
    }

    private static ObjectNode trace(TraceReference t, Path baseDir) {
        ObjectNode o = NODES.objectNode();
        o.put("path", relative(t.path(), baseDir));
        SwfReadOptions d = SwfReadOptions.defaults();
        if (t.firstJob() != d.firstJob()) o.put("firstJob", t.firstJob());
        if (t.lastJob() != d.lastJob()) o.put("lastJob", t.lastJob());
        if (t.fromSubmit() != d.submitFrom()) o.set("fromSubmit", time(t.fromSubmit()));
        if (t.toSubmit() != d.submitTo()) o.set("toSubmit", time(t.toSubmit()));
        if (t.maxJobs() != d.maxJobs()) o.put("maxJobs", t.maxJobs());
        if (t.procs() != 0) o.put("procs", t.procs());
        return o;
    }

    /** The path relative to {@code baseDir} with forward slashes, or absolute when that is impossible. */
    static String relative(Path path, Path baseDir) {
        Path abs = path.toAbsolutePath().normalize();
        if (baseDir == null) return abs.toString();
        try {
            Path rel = baseDir.toAbsolutePath().normalize().relativize(abs);
            return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
        } catch (IllegalArgumentException e) { // another root (Windows drive)
            return abs.toString();
        }
    }

    private static ObjectNode policy(SchedulerSpec spec) {
        ObjectNode o = NODES.objectNode();
        o.put("scheduler", spec.name());
        if (!spec.slurmParameters().isEmpty()) o.put("schedulerParameters", spec.slurmParameters());
        // the default (Slurm's whole-node plans) is left out, as a file without the field reads it
        if (spec.backfillPlans() != BackfillPlans.DEFAULT) o.put("backfillPlans", spec.backfillPlans().label());
        if (spec.hasParameters()) {
            o.set("p", number(spec.p()));
            o.put("thresholdSeconds", spec.thresholdSeconds());
            o.put("extendSeconds", spec.extendSeconds());
            o.put("killInstead", spec.killInstead());
        }
        return o;
    }

    private static ObjectNode preemption(PreemptionRules r, PreemptionSettings s) {
        ObjectNode o = NODES.objectNode();
        o.put("owner", r.ownerPreemption());
        o.put("qos", r.qosPreemption());
        if (!r.tiers().isEmpty()) {
            ObjectNode tiers = o.putObject("tiers");
            r.tiers().entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> tiers.put(e.getKey(), e.getValue()));
        }
        o.put("victimOrder", r.victimOrder().label());
        o.put("exemptSeconds", r.exemptSeconds());
        o.put("graceSeconds", s.graceSeconds());
        o.put("requeue", s.requeueAtHead() ? "head" : "priority");
        if (!r.chains().isEmpty()) {
            ObjectNode chains = o.putObject("chains");
            r.chains().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> chains.set(e.getKey(), chain(e.getValue())));
        }
        o.set("defaultChain", chain(r.defaultChain()));
        ObjectNode c = o.putObject("checkpoint");
        CheckpointCost cost = s.cost();
        c.put("model", cost.imageModel() ? "image" : "fixed");
        if (!cost.imageModel()) {
            c.put("checkpointSeconds", cost.checkpointSeconds());
            c.put("restartSeconds", cost.restartSeconds());
        }
        c.set("storageMBps", number(s.storageMBps()));
        return o;
    }

    private static ObjectNode reservation(org.preemptlab.reservation.ReservationSpec r, Cluster cluster) {
        ObjectNode o = NODES.objectNode();
        o.put("name", r.name());
        if (r.nodeCount() > 0) {
            o.put("nodeCount", r.nodeCount());
            if (!r.pool().isEmpty()) o.put("pool", r.pool());
        } else {
            ArrayNode nodes = o.putArray("nodes");
            for (int n : r.nodes()) nodes.add(cluster.nodeName(n));
        }
        if (!r.users().isEmpty()) o.set("users", strings(r.users()));
        if (!r.accounts().isEmpty()) o.set("accounts", strings(r.accounts()));
        o.set("start", time(r.start()));
        o.set("duration", time(r.duration()));
        if (!r.flagText().isEmpty()) o.set("flags", strings(List.of(r.flagText().split(","))));
        if (r.has(org.preemptlab.reservation.ReservationFlag.PURGE_COMP)
                && r.purgeAfter() != org.preemptlab.reservation.ReservationSpec.DEFAULT_PURGE_AFTER) {
            o.set("purgeAfter", time(r.purgeAfter()));
        }
        return o;
    }

    private static ObjectNode window(MaintenanceWindow w, Cluster cluster) {
        ObjectNode o = NODES.objectNode();
        o.put("name", w.name());
        o.set("start", time(w.start()));
        o.set("duration", time(w.duration()));
        int[] nodes = w.nodes().clone();
        Arrays.sort(nodes);
        boolean all = nodes.length == cluster.nodeCount();
        for (int i = 0; all && i < nodes.length; i++) all = nodes[i] == i;
        if (all) {
            o.put("nodes", "all");
        } else if (cluster instanceof NodeCluster nc) {
            List<String> pools = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean[] in = new boolean[nc.nodeCount()];
            for (int n : nodes) in[n] = true;
            for (int p = 0; p < nc.pools().size(); p++) {
                int first = nc.firstNode(p);
                int size = nc.pools().get(p).nodes();
                boolean whole = true;
                for (int k = 0; whole && k < size; k++) whole = in[first + k];
                if (whole) {
                    pools.add(nc.pools().get(p).name());
                } else {
                    for (int k = 0; k < size; k++) if (in[first + k]) names.add(nc.nodeName(first + k));
                }
            }
            if (!names.isEmpty()) o.set("nodes", strings(names));
            if (!pools.isEmpty()) o.set("pools", strings(pools));
        } else {
            o.set("nodes", strings(Arrays.stream(nodes).mapToObj(cluster::nodeName).toList()));
        }
        o.put("strategy", w.strategy().label());
        if (w.strategy() == MaintenanceStrategy.DRAIN_THEN_CHECKPOINT) o.set("drainHorizon", time(w.drainHorizon()));
        return o;
    }

    private static ObjectNode failures(FailureModel f) {
        ObjectNode o = NODES.objectNode();
        double mtbf = f.nodeMtbfSeconds();
        o.set("nodeMtbf", mtbf == Math.rint(mtbf) && mtbf < 9e15 ? time((long) mtbf) : NODES.numberNode(mtbf));
        o.set("repair", time(f.repairSeconds()));
        o.put("seed", f.seed());
        if (f.periodic() != org.preemptlab.preempt.CheckpointPeriod.NONE) o.put("checkpoints", f.periodic().label());
        return o;
    }

    // ---------------------------------------------------------------------- layout

    /**
     * Pretty-prints: a container goes on one line when that line fits in {@value #WIDTH} columns,
     * except a list of objects (jobs, pools, windows), which always has one element per line.
     */
    private static void print(JsonNode node, int indent, StringBuilder out) {
        if (!node.isContainerNode() || node.isEmpty()) {
            out.append(inline(node));
            return;
        }
        String oneLine = inline(node);
        int column = out.length() - out.lastIndexOf("\n") - 1;
        boolean listOfObjects = node.isArray() && node.get(0).isObject(); // jobs, pools, windows: one per line
        if (indent > 0 && !listOfObjects && column + oneLine.length() <= WIDTH) {
            out.append(oneLine);
            return;
        }
        String pad = "  ".repeat(indent + 1);
        out.append(node.isArray() ? '[' : '{').append('\n');
        boolean first = true;
        if (node.isArray()) {
            for (JsonNode e : node) {
                if (!first) out.append(",\n");
                first = false;
                out.append(pad);
                print(e, indent + 1, out);
            }
        } else {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) out.append(",\n");
                first = false;
                out.append(pad).append(NODES.textNode(e.getKey())).append(": ");
                print(e.getValue(), indent + 1, out);
            }
        }
        out.append('\n').append("  ".repeat(indent)).append(node.isArray() ? ']' : '}');
    }

    private static String inline(JsonNode node) {
        if (!node.isContainerNode()) return node.toString();
        StringBuilder sb = new StringBuilder();
        sb.append(node.isArray() ? '[' : '{');
        boolean first = true;
        if (node.isArray()) {
            for (JsonNode e : node) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(inline(e));
            }
        } else {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) sb.append(", ");
                first = false;
                sb.append(NODES.textNode(e.getKey())).append(": ").append(inline(e.getValue()));
            }
        }
        return sb.append(node.isArray() ? ']' : '}').toString();
    }
}
