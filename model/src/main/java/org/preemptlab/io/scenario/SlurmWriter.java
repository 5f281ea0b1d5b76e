package org.preemptlab.io.scenario;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.priority.PriorityConfig;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.priority.ResetPeriod;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.Qos;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/** Writes the sections of a version-2 scenario, as {@link SlurmSections} reads them. */
final class SlurmWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SlurmWriter() {}

    static ObjectNode cluster(NodeCluster c) {
        ObjectNode o = NODES.objectNode();
        ArrayNode nodes = o.putArray("nodes");
        for (NodePool p : c.pools()) {
            ObjectNode n = nodes.addObject();
            n.put("name", p.name());
            if (p.hostNames().isEmpty()) n.put("count", p.nodes());
            else n.set("hostNames", strings(p.hostNames()));
            n.put("cpus", p.coresPerNode());
            if (p.threadsPerCore() != 1) n.put("threadsPerCore", p.threadsPerCore());
            n.put("realMemory", p.memoryPerNodeMb());
            if (!p.gres().isEmpty()) n.put("gres", Gres.format(p.gres()));
            if (!p.features().isEmpty()) n.set("features", strings(p.features()));
            if (p.checkpointBandwidthMBps() != NodePool.DEFAULT_BANDWIDTH_MBPS) n.put("checkpointBandwidthMBps", p.checkpointBandwidthMBps());
        }
        Site site = c.site();
        if (site.select() != SelectType.CONS_TRES) o.put("select", site.select().label());
        if (site.defMemPerCpuMb() != 0) o.put("defMemPerCpu", site.defMemPerCpuMb());
        return o;
    }

    /** The root sections: partitions, accounts, qos, priority, slurmPreempt. */
    static void sections(ObjectNode root, Site site) {
        ArrayNode parts = root.putArray("partitions");
        for (Partition p : site.partitions()) {
            ObjectNode o = parts.addObject();
            o.put("name", p.name());
            o.set("nodes", strings(p.groups()));
            if (p.isDefault()) o.put("default", true);
            if (p.priorityTier() != 1) o.put("priorityTier", p.priorityTier());
            if (p.priorityJobFactor() != 1) o.put("priorityJobFactor", p.priorityJobFactor());
            if (p.maxTimeSeconds() > 0) o.set("maxTime", ScenarioWriter.time(p.maxTimeSeconds()));
            if (p.defaultTimeSeconds() > 0) o.set("defaultTime", ScenarioWriter.time(p.defaultTimeSeconds()));
            if (p.maxNodes() >= 0) o.put("maxNodes", p.maxNodes());
            if (!p.allowAccounts().isEmpty()) o.set("allowAccounts", strings(p.allowAccounts()));
            if (!p.denyAccounts().isEmpty()) o.set("denyAccounts", strings(p.denyAccounts()));
            if (!p.allowQos().isEmpty()) o.set("allowQos", strings(p.allowQos()));
            if (p.overSubscribe() != OverSubscribe.NO) o.put("overSubscribe", p.overSubscribeText());
            if (p.state() != PartitionState.UP) o.put("state", p.state().name());
            if (p.preemptMode() != null) o.put("preemptMode", p.preemptMode().label());
            if (!p.billingWeights().isEmpty()) o.put("billingWeights", p.billingWeights().text());
            if (p.graceSeconds() > 0) o.set("graceTime", ScenarioWriter.time(p.graceSeconds()));
        }
        AccountTree tree = site.accounts();
        ArrayNode accounts = NODES.arrayNode();
        for (AssocKey k : tree.keys()) {
            if (k.isRoot() || k.isUser()) continue;
            Association a = tree.get(k);
            ObjectNode o = accounts.addObject();
            o.put("name", k.account());
            if (a.parent() != null && !a.parent().equals(AssocKey.ROOT_NAME)) o.put("parent", a.parent());
            association(o, a);
            ArrayNode users = NODES.arrayNode();
            for (AssocKey c : tree.children(k)) {
                if (!c.isUser()) continue;
                ObjectNode u = users.addObject();
                u.put("name", c.user());
                association(u, tree.get(c));
            }
            if (!users.isEmpty()) o.set("users", users);
        }
        if (!accounts.isEmpty()) root.set("accounts", accounts);
        ArrayNode qos = root.putArray("qos");
        for (Qos q : site.qos().all()) {
            ObjectNode o = qos.addObject();
            o.put("name", q.name());
            if (q.priority() != 0) o.put("priority", q.priority());
            if (!q.preempt().isEmpty()) o.set("preempt", strings(new ArrayList<>(q.preempt())));
            if (q.preemptMode() != PreemptMode.CLUSTER) o.put("preemptMode", q.preemptMode().label());
            if (q.graceSeconds() != 0) o.set("graceTime", ScenarioWriter.time(q.graceSeconds()));
            if (q.exemptSeconds() >= 0) o.set("preemptExemptTime", ScenarioWriter.time(q.exemptSeconds()));
            if (q.usageFactor() != 1.0) o.put("usageFactor", q.usageFactor());
            if (!q.limits().isEmpty()) o.set("limits", limits(q.limits()));
        }
        PriorityConfig c = site.priority();
        if (site.multifactor() || !c.equals(PriorityConfig.DEFAULTS)) {
            ObjectNode p = root.putObject("priority");
            p.put("type", site.multifactor() ? "multifactor" : "basic");
            ObjectNode w = p.putObject("weights");
            if (c.weightAge() != 0) w.put("age", c.weightAge());
            if (c.weightFairshare() != 0) w.put("fairshare", c.weightFairshare());
            if (c.weightJobSize() != 0) w.put("jobSize", c.weightJobSize());
            if (c.weightPartition() != 0) w.put("partition", c.weightPartition());
            if (c.weightQos() != 0) w.put("qos", c.weightQos());
            if (c.weightAssoc() != 0) w.put("assoc", c.weightAssoc());
            if (!c.weightTres().isEmpty()) {
                List<String> t = new ArrayList<>();
                c.weightTres().forEach((k, v) -> t.add(k + "=" + v));
                w.put("tres", String.join(",", t));
            }
            p.set("maxAge", ScenarioWriter.time(c.maxAgeSeconds()));
            p.set("decayHalfLife", ScenarioWriter.time(c.halfLifeSeconds()));
            p.set("calcPeriod", ScenarioWriter.time(c.calcPeriodSeconds()));
            if (c.favorSmall()) p.put("favorSmall", true);
            p.put("fairShare", c.has(PriorityFlag.NO_FAIR_TREE) ? "classic" : "fair-tree");
            List<String> flags = new ArrayList<>();
            for (PriorityFlag f : c.flags()) if (f != PriorityFlag.NO_FAIR_TREE) flags.add(f.name());
            flags.sort(null);
            if (!flags.isEmpty()) p.set("flags", strings(flags));
            if (c.resetPeriod() != ResetPeriod.NONE) p.put("usageResetPeriod", c.resetPeriod().name());
            if (c.dampeningFactor() != 1) p.put("dampeningFactor", c.dampeningFactor());
        }
        if (site.preemptType() != PreemptType.NONE) {
            ObjectNode p = root.putObject("slurmPreempt");
            p.put("type", site.preemptType().label());
            p.put("mode", site.preemptMode().label());
            if (site.preemptExemptSeconds() > 0) p.set("exemptTime", ScenarioWriter.time(site.preemptExemptSeconds()));
        }
    }

    private static void association(ObjectNode o, Association a) {
        if (a.shares() != 1) o.put("shares", a.shares());
        if (a.priority() >= 0) o.put("priority", a.priority());
        if (a.defaultQos() != null) o.put("defaultQos", a.defaultQos());
        if (!a.allowedQos().isEmpty()) o.set("qos", strings(new ArrayList<>(a.allowedQos())));
        if (!a.limits().isEmpty()) o.set("limits", limits(a.limits()));
    }

    private static ObjectNode limits(LimitSet l) {
        ObjectNode o = NODES.objectNode();
        if (l.maxWallSeconds() != LimitSet.UNSET) o.set("maxWall", ScenarioWriter.time(l.maxWallSeconds()));
        if (!l.maxTresPerJob().isEmpty()) o.put("maxTresPerJob", l.maxTresPerJob().toString());
        if (!l.maxTresPerUser().isEmpty()) o.put("maxTresPerUser", l.maxTresPerUser().toString());
        if (l.maxJobsPerUser() != LimitSet.UNSET) o.put("maxJobsPerUser", l.maxJobsPerUser());
        if (l.maxSubmitJobsPerUser() != LimitSet.UNSET) o.put("maxSubmitJobsPerUser", l.maxSubmitJobsPerUser());
        if (!l.grpTres().isEmpty()) o.put("grpTres", l.grpTres().toString());
        if (l.grpJobs() != LimitSet.UNSET) o.put("grpJobs", l.grpJobs());
        if (l.grpSubmitJobs() != LimitSet.UNSET) o.put("grpSubmitJobs", l.grpSubmitJobs());
        return o;
    }

    /** The jobs, array tasks gathered back into one entry each. */
    static ArrayNode jobs(List<JobSpec> jobs) {
        return jobs(jobs, java.util.Map.of(), null);
    }

    /** The jobs, those already running at 0 with {@code runningFor} and {@code onNodes} (names of {@code cluster}'s nodes). */
    static ArrayNode jobs(List<JobSpec> jobs, java.util.Map<Integer, org.preemptlab.sim.InitialRun> running,
            org.preemptlab.cluster.NodeCluster cluster) {
        ArrayNode out = NODES.arrayNode();
        for (int i = 0; i < jobs.size(); ) {
            JobSpec j = jobs.get(i);
            SlurmRequest r = j.slurm();
            int end = i + 1;
            if (r != null && r.inArray()) {
                while (end < jobs.size() && jobs.get(end).slurm() != null
                        && jobs.get(end).slurm().arrayName().equals(r.arrayName())) end++;
            }
            ObjectNode o = job(j, r);
            org.preemptlab.sim.InitialRun run = running.get(j.id());
            if (run != null && cluster != null && (r == null || !r.inArray())) {
                o.set("runningFor", ScenarioWriter.time(run.elapsedSeconds()));
                ArrayNode on = o.putArray("onNodes");
                for (int n : run.nodes()) on.add(cluster.nodeName(n));
            }
            if (r != null && r.inArray()) {
                List<Integer> tasks = new ArrayList<>();
                for (int k = i; k < end; k++) tasks.add(jobs.get(k).slurm().arrayTask());
                o.put("array", ranges(tasks) + (r.arrayThrottle() > 0 ? "%" + r.arrayThrottle() : ""));
            }
            out.add(o);
            i = end;
        }
        return out;
    }

    private static ObjectNode job(JobSpec j, SlurmRequest r) {
        ObjectNode o = NODES.objectNode();
        o.put("name", r != null && r.inArray() ? r.arrayName() : j.name());
        o.set("submit", ScenarioWriter.time(j.submit()));
        if (r != null) {
            o.put("user", r.user());
            o.put("account", r.account());
            if (!r.partitions().isEmpty()) o.put("partition", String.join(",", r.partitions()));
        }
        o.put("qos", j.qos());
        o.put("nodes", r != null && r.maxNodes() > j.nodes() ? j.nodes() + "-" + r.maxNodes() : Integer.toString(j.nodes()));
        o.put("cpusPerNode", j.coresPerNode());
        if (r == null || !r.wholeNodeMemory()) o.put("mem", j.memoryPerNodeMb());
        if (r != null) {
            if (!r.gresPerNode().isEmpty()) o.put("gres", Gres.format(r.gresPerNode()));
            if (r.gpusPerJob() > 0) {
                if (r.gpuType().isEmpty()) o.put("gpus", r.gpusPerJob()); // the reader takes a bare count as a number
                else o.put("gpus", r.gpuType() + ":" + r.gpusPerJob());
            }
            if (!r.constraint().isNone()) o.put("constraint", r.constraint().toString());
            if (r.exclusive()) o.put("exclusive", true);
            if (r.nice() != 0) o.put("nice", r.nice());
            if (r.beginTime() >= 0) o.set("begin", ScenarioWriter.time(r.beginTime()));
            if (!r.dependencies().isEmpty()) {
                o.put("dependency", String.join(",", r.dependencies().stream().map(Dependency::toString).toList()));
            }
        }
        o.set("estimate", ScenarioWriter.time(j.estimate()));
        o.set("runtime", ScenarioWriter.time(j.runtime()));
        if (!j.rerunnable()) o.put("rerunnable", false);
        if (!j.checkpointable()) o.put("checkpointable", false);
        if (j.imageMbPerNode() != 0) o.put("imageMbPerNode", j.imageMbPerNode());
        if (j.checkpointInterval() != 0) o.set("checkpointInterval", ScenarioWriter.time(j.checkpointInterval()));
        return o;
    }

    /** 0,1,2,3,5 → "0-3,5". */
    static String ranges(List<Integer> tasks) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < tasks.size(); ) {
            int j = i;
            while (j + 1 < tasks.size() && tasks.get(j + 1) == tasks.get(j) + 1) j++;
            if (b.length() > 0) b.append(',');
            b.append(tasks.get(i));
            if (j > i) b.append('-').append(tasks.get(j));
            i = j + 1;
        }
        return b.toString();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
