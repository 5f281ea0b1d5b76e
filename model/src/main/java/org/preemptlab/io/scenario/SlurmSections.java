package org.preemptlab.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AccountTreeException;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.accounting.BillingWeights;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.io.scenario.JsonFields.Problems;
import org.preemptlab.job.Constraint;
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
import org.preemptlab.qos.QosTable;
import org.preemptlab.qos.QosTableException;
import org.preemptlab.site.PreemptType;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;
import org.preemptlab.scenario.SlurmRules;
import org.preemptlab.slurmconf.HostList;
import org.preemptlab.tres.Tres;

/**
 * The sections of a version-2 scenario (docs/scenario-format.md, "Version 2: a Slurm cluster"):
 * node groups, partitions, accounts, QOS, priority and preemption settings, and jobs with Slurm's
 * options. Every problem names its JSON path, as the version-1 sections do.
 */
final class SlurmSections {

    static final List<String> NODE_FIELDS = List.of("name", "count", "hostNames", "cpus", "sockets", "coresPerSocket",
            "threadsPerCore", "realMemory", "gres", "features", "checkpointBandwidthMBps");
    static final List<String> PARTITION_FIELDS = List.of("name", "nodes", "default", "priorityTier", "priorityJobFactor",
            "maxTime", "defaultTime", "maxNodes", "allowAccounts", "denyAccounts", "allowQos", "overSubscribe", "state",
            "preemptMode", "billingWeights", "graceTime");
    static final List<String> ACCOUNT_FIELDS = List.of("name", "parent", "shares", "priority", "defaultQos", "qos",
            "limits", "users");
    static final List<String> USER_FIELDS = List.of("name", "shares", "priority", "defaultQos", "qos", "limits");
    static final List<String> QOS_FIELDS = List.of("name", "priority", "preempt", "preemptMode", "graceTime",
            "preemptExemptTime", "usageFactor", "limits");
    static final List<String> LIMIT_FIELDS = List.of("maxWall", "maxTresPerJob", "maxTresPerUser", "maxJobsPerUser",
            "maxSubmitJobsPerUser", "grpTres", "grpJobs", "grpSubmitJobs");
    static final List<String> PRIORITY_FIELDS = List.of("type", "weights", "maxAge", "decayHalfLife", "calcPeriod",
            "favorSmall", "fairShare", "flags", "usageResetPeriod", "dampeningFactor");
    static final List<String> WEIGHT_FIELDS = List.of("age", "fairshare", "jobSize", "partition", "qos", "assoc", "tres");
    static final List<String> SLURM_PREEMPT_FIELDS = List.of("type", "mode", "exemptTime");
    static final List<String> JOB_FIELDS = List.of("name", "submit", "user", "account", "partition", "qos", "nodes",
            "ntasks", "cpusPerTask", "cpusPerNode", "mem", "memPerCpu", "gres", "gpus", "constraint", "exclusive", "array",
            "dependency", "nice", "begin", "estimate", "runtime", "rerunnable", "checkpointable", "imageMbPerNode",
            "checkpointInterval", "runningFor", "onNodes", "reservation");
    /** The root fields only a version-2 file may have. */
    static final List<String> ROOT_FIELDS = List.of("partitions", "accounts", "qos", "priority", "slurmPreempt");
    static final List<String> PREEMPT_MODES = List.of("off", "cancel", "requeue", "suspend", "checkpoint");

    /** The most array tasks one job line may make. */
    static final int MAX_ARRAY_TASKS = 100_000;

    private final Problems problems;
    /** The rules a draft in the editor is judged by too. */
    private final SlurmRules rules;

    SlurmSections(Problems problems) {
        this.problems = problems;
        this.rules = new SlurmRules(p -> problems.add(p.path(), p.message()));
    }

    // ------------------------------------------------------------------ nodes

    /** {@code cluster.nodes}: node groups, or null after a problem. */
    List<NodePool> nodes(JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add("cluster.nodes", JsonFields.show(node) + "; must be a non-empty list of node groups [{…}, …]");
            return null;
        }
        int before = problems.count();
        List<NodePool> pools = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        long total = 0;
        for (int i = 0; i < node.size(); i++) {
            String path = JsonFields.element("cluster.nodes", i);
            JsonFields f = JsonFields.open(node.get(i), path, problems, NODE_FIELDS);
            if (f == null) continue;
            String name = f.string("name", null, true);
            if (name != null) rules.nodeGroupName(path, name, names);
            List<String> hostNames = List.of();
            Long count;
            if (f.has("hostNames")) {
                hostNames = hostNames(f);
                count = hostNames == null ? null : (long) hostNames.size();
                if (f.has("count") && count != null) {
                    Long c = f.integer("count", null, 1, NodeCluster.MAX_NODES);
                    if (c != null && c.longValue() != count) f.problem("count", "hostNames name " + count + " nodes");
                }
                if (hostNames != null) {
                    for (String h : hostNames) if (!hosts.add(h)) problems.add(f.at("hostNames"), "\"" + h + "\" is named twice");
                }
            } else {
                count = f.integer("count", 1L, 1, NodeCluster.MAX_NODES);
            }
            Long sockets = f.integer("sockets", 1L, 1, 4096);
            Long cores = f.integer("coresPerSocket", 1L, 1, 1 << 20);
            Long threads = f.integer("threadsPerCore", 1L, 1, 256);
            Long cpus;
            if (f.has("cpus")) {
                cpus = f.integer("cpus", null, 1, Integer.MAX_VALUE);
            } else {
                cpus = sockets == null || cores == null || threads == null ? null : sockets * cores * threads;
                if (!f.has("sockets") && !f.has("coresPerSocket")) {
                    problems.add(f.at("cpus"), "missing; give \"cpus\" or \"sockets\" × \"coresPerSocket\" × \"threadsPerCore\"");
                    cpus = null;
                }
            }
            Long mem = memory(f, "realMemory", 1L);
            List<Gres> gres = gres(f, "gres");
            List<String> features = f.strings("features", List.of());
            Double bandwidth = f.positive("checkpointBandwidthMBps", NodePool.DEFAULT_BANDWIDTH_MBPS);
            if (count != null) total += count;
            if (total > NodeCluster.MAX_NODES) {
                problems.add(f.at("count"), count + "; the node groups have more than " + NodeCluster.MAX_NODES + " nodes in all");
            }
            if (name == null || count == null || cpus == null || mem == null || gres == null || features == null
                    || threads == null || bandwidth == null || hostNames == null || problems.count() > before) {
                continue;
            }
            if (!rules.threads(path, cpus, threads)) continue;
            pools.add(new NodePool(name, count.intValue(), cpus.intValue(), mem, "", List.of(), bandwidth, threads.intValue(),
                    gres, features, hostNames));
        }
        return problems.count() > before ? null : pools;
    }

    private List<String> hostNames(JsonFields f) {
        JsonNode v = f.get("hostNames");
        if (v.isTextual()) {
            try {
                List<String> hosts = HostList.expand(v.asText());
                if (hosts.isEmpty()) f.problem("hostNames", "names no host");
                return hosts.isEmpty() ? null : hosts;
            } catch (IllegalArgumentException e) {
                f.problem("hostNames", e.getMessage());
                return null;
            }
        }
        return f.strings("hostNames", null);
    }

    /** Memory in MB: a number (MB) or a string with K, M, G, T. */
    private Long memory(JsonFields f, String key, Long def) {
        if (!f.has(key)) return def;
        JsonNode v = f.get(key);
        if (v.isTextual()) {
            try {
                return Tres.parseMemMb(v.asText());
            } catch (IllegalArgumentException e) {
                f.problem(key, "not a memory size; give MB or e.g. \"16G\"");
                return null;
            }
        }
        return f.integer(key, def, 0, Long.MAX_VALUE / 4);
    }

    private List<Gres> gres(JsonFields f, String key) {
        if (!f.has(key)) return List.of();
        JsonNode v = f.get(key);
        String text;
        if (v.isTextual()) {
            text = v.asText();
        } else {
            List<String> items = f.strings(key, null);
            if (items == null) return null;
            text = String.join(",", items);
        }
        try {
            return Gres.parseList(text);
        } catch (IllegalArgumentException e) {
            f.problem(key, e.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------ partitions

    List<Partition> partitions(JsonNode node, List<NodePool> groups) {
        List<String> groupNames = groups == null ? null : groups.stream().map(NodePool::name).toList();
        if (node == null) {
            if (groupNames == null) return null;
            return List.of(Partition.of("main", groupNames).toBuilder().isDefault(true).build());
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("partitions", JsonFields.show(node) + "; must be a non-empty list of partitions [{…}, …]");
            return null;
        }
        int before = problems.count();
        List<Partition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String path = JsonFields.element("partitions", i);
            JsonFields f = JsonFields.open(node.get(i), path, problems, PARTITION_FIELDS);
            if (f == null) continue;
            String name = f.string("name", null, true);
            if (name != null && !names.add(name)) f.problem("name", "duplicate partition name");
            List<String> nodes;
            if (f.has("nodes") && f.get("nodes").isTextual() && f.get("nodes").asText().equalsIgnoreCase("ALL")) {
                nodes = groupNames;
            } else {
                nodes = f.strings("nodes", null);
                if (nodes != null && groupNames != null) rules.partitionGroups(i, nodes, groupNames);
            }
            Boolean def = f.bool("default", false);
            Long tier = f.integer("priorityTier", 1L, 0, 65533);
            Long factor = f.integer("priorityJobFactor", 1L, 0, 65533);
            Long maxTime = unlimitedDuration(f, "maxTime");
            Long defaultTime = unlimitedDuration(f, "defaultTime");
            Long maxNodes = f.has("maxNodes") && isUnlimited(f.get("maxNodes")) ? Long.valueOf(-1)
                    : f.integer("maxNodes", -1L, 1, Integer.MAX_VALUE);
            List<String> allowAccounts = allList(f, "allowAccounts");
            List<String> denyAccounts = f.strings("denyAccounts", List.of());
            List<String> allowQos = allList(f, "allowQos");
            OverSubscribe over = OverSubscribe.NO;
            int overJobs = 0;
            if (f.has("overSubscribe")) {
                String s = f.string("overSubscribe", null, true);
                over = s == null ? null : OverSubscribe.parse(s);
                if (s != null && over == null) f.problem("overSubscribe", "use NO, EXCLUSIVE, YES[:N] or FORCE[:N]");
                if (over != null) {
                    overJobs = OverSubscribe.jobsOf(s);
                    boolean shares = over == OverSubscribe.YES || over == OverSubscribe.FORCE;
                    if (overJobs != 0 && !shares) {
                        f.problem("overSubscribe", "a count (" + s + ") is given only with YES or FORCE");
                        overJobs = 0;
                    } else if (overJobs < 0 || overJobs > Partition.MAX_SHARE_JOBS) {
                        f.problem("overSubscribe", "the count of " + s + " must be ≥ 1 and ≤ " + Partition.MAX_SHARE_JOBS);
                        overJobs = 0;
                    }
                }
            }
            PartitionState state = PartitionState.UP;
            if (f.has("state")) {
                String s = f.string("state", null, true);
                state = s == null ? null : PartitionState.parse(s);
                if (s != null && state == null) f.problem("state", "use UP, DOWN, DRAIN or INACTIVE");
            }
            PreemptMode mode = null;
            if (f.has("preemptMode")) mode = preemptMode(f, "preemptMode");
            BillingWeights weights = BillingWeights.NONE;
            if (f.has("billingWeights")) {
                String s = f.string("billingWeights", null, false);
                try {
                    weights = s == null ? null : BillingWeights.parse(s);
                } catch (IllegalArgumentException e) {
                    f.problem("billingWeights", e.getMessage());
                    weights = null;
                }
            }
            Long grace = f.duration("graceTime", 0L, 0);
            if (defaultTime != null && maxTime != null && defaultTime > 0 && maxTime > 0 && defaultTime > maxTime) {
                f.problem("defaultTime", "longer than maxTime");
            }
            if (problems.count() > before) continue;
            out.add(new Partition(name, nodes, def, tier.intValue(), factor.intValue(), maxTime, defaultTime, maxNodes,
                    allowAccounts, denyAccounts, allowQos, over, state, mode, weights, grace, overJobs));
        }
        return problems.count() > before ? null : out;
    }

    private static boolean isUnlimited(JsonNode v) {
        return v.isTextual() && (v.asText().equalsIgnoreCase("UNLIMITED") || v.asText().equalsIgnoreCase("INFINITE"));
    }

    /** A duration ≥ 1 s, or "UNLIMITED" (-1); -1 when absent. */
    private static Long unlimitedDuration(JsonFields f, String key) {
        if (f.has(key) && isUnlimited(f.get(key))) return -1L;
        return f.duration(key, -1L, 1);
    }

    private static List<String> allList(JsonFields f, String key) {
        if (f.has(key) && f.get(key).isTextual() && f.get(key).asText().equalsIgnoreCase("ALL")) return List.of();
        return f.strings(key, List.of());
    }

    private PreemptMode preemptMode(JsonFields f, String key) {
        String s = f.string(key, null, true);
        if (s == null) return null;
        try {
            return PreemptMode.parse(s);
        } catch (IllegalArgumentException e) {
            f.problem(key, "use " + String.join(", ", PREEMPT_MODES) + " (or cluster)");
            return null;
        }
    }

    // ------------------------------------------------------------------ QOS

    QosTable qos(JsonNode node) {
        if (node == null) return QosTable.defaultTable();
        if (!node.isArray() || node.isEmpty()) {
            problems.add("qos", JsonFields.show(node) + "; must be a non-empty list of QOS [{…}, …]");
            return null;
        }
        int before = problems.count();
        QosTable.Builder b = QosTable.builder();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonFields f = JsonFields.open(node.get(i), JsonFields.element("qos", i), problems, QOS_FIELDS);
            if (f == null) continue;
            String name = f.string("name", null, true);
            if (name != null && !names.add(name)) f.problem("name", "duplicate QOS name");
            Long prio = f.integer("priority", 0L, 0, Integer.MAX_VALUE);
            List<String> preempt = f.strings("preempt", List.of());
            PreemptMode mode = f.has("preemptMode") ? preemptMode(f, "preemptMode") : PreemptMode.CLUSTER;
            Long grace = f.duration("graceTime", 0L, 0);
            Long exempt = f.has("preemptExemptTime") ? f.duration("preemptExemptTime", null, 0) : Long.valueOf(-1);
            Double usage = f.number("usageFactor", 1.0);
            if (usage != null && !(usage >= 0)) f.problem("usageFactor", "must be ≥ 0");
            LimitSet limits = f.has("limits") ? limits(f.get("limits"), f.at("limits")) : LimitSet.NONE;
            if (problems.count() > before) continue;
            b.add(new Qos(name, prio.intValue(), new LinkedHashSet<>(preempt), mode, grace, exempt, usage, limits));
        }
        if (problems.count() > before) return null;
        try {
            return b.build();
        } catch (QosTableException e) {
            for (String p : e.problems()) problems.add(pathOf(p), messageOf(p));
            return null;
        }
    }

    /** The domain packages report {@code path: message}; split at the first ": ". */
    private static String pathOf(String problem) {
        int i = problem.indexOf(": ");
        return i < 0 ? "" : problem.substring(0, i);
    }

    private static String messageOf(String problem) {
        int i = problem.indexOf(": ");
        return i < 0 ? problem : problem.substring(i + 2);
    }

    LimitSet limits(JsonNode node, String path) {
        JsonFields f = JsonFields.open(node, path, problems, LIMIT_FIELDS);
        if (f == null) return LimitSet.NONE;
        LimitSet.Builder b = LimitSet.builder();
        Long wall = f.has("maxWall") ? f.duration("maxWall", null, 1) : null;
        if (wall != null) b.maxWall(wall);
        Tres t = tres(f, "maxTresPerJob");
        if (t != null) b.maxTresPerJob(t);
        t = tres(f, "maxTresPerUser");
        if (t != null) b.maxTresPerUser(t);
        t = tres(f, "grpTres");
        if (t != null) b.grpTres(t);
        Long n = f.integer("maxJobsPerUser", LimitSet.UNSET, 0, Integer.MAX_VALUE);
        if (n != null) b.maxJobsPerUser(n);
        n = f.integer("maxSubmitJobsPerUser", LimitSet.UNSET, 0, Integer.MAX_VALUE);
        if (n != null) b.maxSubmitJobsPerUser(n);
        n = f.integer("grpJobs", LimitSet.UNSET, 0, Integer.MAX_VALUE);
        if (n != null) b.grpJobs(n);
        n = f.integer("grpSubmitJobs", LimitSet.UNSET, 0, Integer.MAX_VALUE);
        if (n != null) b.grpSubmitJobs(n);
        return b.build();
    }

    private static Tres tres(JsonFields f, String key) {
        if (!f.has(key)) return null;
        String s = f.string(key, null, false);
        if (s == null) return null;
        try {
            return Tres.parse(s);
        } catch (IllegalArgumentException e) {
            f.problem(key, e.getMessage());
            return null;
        }
    }

    // ------------------------------------------------------------------ accounts

    /** {@code accounts}, or null when absent (the tree is then made from the jobs' accounts and users). */
    AccountTree accounts(JsonNode node) {
        if (!node.isArray()) {
            problems.add("accounts", JsonFields.show(node) + "; must be a list of accounts [{…}, …]");
            return null;
        }
        int before = problems.count();
        AccountTree.Builder b = AccountTree.builder();
        for (int i = 0; i < node.size(); i++) {
            JsonFields f = JsonFields.open(node.get(i), JsonFields.element("accounts", i), problems, ACCOUNT_FIELDS);
            if (f == null) continue;
            String name = f.string("name", null, true);
            String parent = f.string("parent", AssocKey.ROOT_NAME, true);
            Association a = association(f, name == null ? null : AssocKey.account(name), parent);
            if (a != null) b.add(a);
            if (f.has("users")) {
                JsonNode users = f.get("users");
                if (!users.isArray()) {
                    f.problem("users", "must be a list of users [{…}, …]");
                    continue;
                }
                for (int u = 0; u < users.size(); u++) {
                    JsonFields uf = JsonFields.open(users.get(u), JsonFields.element(f.at("users"), u), problems, USER_FIELDS);
                    if (uf == null) continue;
                    String user = uf.string("name", null, true);
                    Association ua = association(uf, user == null || name == null ? null : AssocKey.user(user, name), name);
                    if (ua != null) b.add(ua);
                }
            }
        }
        if (problems.count() > before) return null;
        try {
            return b.build();
        } catch (AccountTreeException e) {
            for (String p : e.problems()) problems.add(pathOf(p), messageOf(p));
            return null;
        }
    }

    private Association association(JsonFields f, AssocKey key, String parent) {
        int before = problems.count();
        Long shares = f.integer("shares", 1L, 1, Integer.MAX_VALUE);
        Long prio = f.integer("priority", -1L, 0, Integer.MAX_VALUE); // absent: inherited
        String defaultQos = f.string("defaultQos", "", false);
        List<String> qos = f.strings("qos", List.of());
        LimitSet limits = f.has("limits") ? limits(f.get("limits"), f.at("limits")) : LimitSet.NONE;
        if (key == null || problems.count() > before) return null;
        return new Association(key, key.isUser() ? key.account() : parent, shares.intValue(), prio.intValue(),
                defaultQos.isBlank() ? null : defaultQos, new LinkedHashSet<>(qos), limits);
    }

    // ------------------------------------------------------------------ priority and preemption

    record PrioritySection(PriorityConfig config, boolean multifactor) {}

    PrioritySection priority(JsonNode node) {
        if (node == null) return new PrioritySection(PriorityConfig.DEFAULTS, false);
        JsonFields f = JsonFields.open(node, "priority", problems, PRIORITY_FIELDS);
        if (f == null) return null;
        int before = problems.count();
        String type = f.choice("type", "multifactor", List.of("multifactor", "basic"), "priority type");
        PriorityConfig.Builder b = PriorityConfig.builder();
        if (f.has("weights")) {
            JsonFields w = JsonFields.open(f.get("weights"), "priority.weights", problems, WEIGHT_FIELDS);
            if (w != null) {
                long max = PriorityConfig.MAX_WEIGHT;
                Long v;
                if ((v = w.integer("age", 0L, 0, max)) != null) b.weightAge(v);
                if ((v = w.integer("fairshare", 0L, 0, max)) != null) b.weightFairshare(v);
                if ((v = w.integer("jobSize", 0L, 0, max)) != null) b.weightJobSize(v);
                if ((v = w.integer("partition", 0L, 0, max)) != null) b.weightPartition(v);
                if ((v = w.integer("qos", 0L, 0, max)) != null) b.weightQos(v);
                if ((v = w.integer("assoc", 0L, 0, max)) != null) b.weightAssoc(v);
                if (w.has("tres")) {
                    String s = w.string("tres", null, false);
                    if (s != null) {
                        for (String item : s.split(",")) {
                            if (item.isBlank()) continue;
                            String[] kv = item.split("=");
                            try {
                                if (kv.length != 2) throw new NumberFormatException();
                                b.weightTres(kv[0].strip(), Double.parseDouble(kv[1].strip()));
                            } catch (NumberFormatException e) {
                                w.problem("tres", "\"" + item.strip() + "\" is not NAME=WEIGHT");
                            }
                        }
                    }
                }
            }
        }
        Long v;
        if ((v = f.duration("maxAge", 7 * 86400L, 1)) != null) b.maxAge(v);
        if ((v = f.duration("decayHalfLife", 7 * 86400L, 0)) != null) b.halfLife(v);
        if ((v = f.duration("calcPeriod", 300L, 1)) != null) b.calcPeriod(v);
        Boolean small = f.bool("favorSmall", false);
        if (small != null) b.favorSmall(small);
        String fs = f.choice("fairShare", "fair-tree", List.of("fair-tree", "classic"), "fair-share algorithm");
        if ("classic".equals(fs)) b.flag(PriorityFlag.NO_FAIR_TREE);
        List<String> flags = f.strings("flags", List.of());
        if (flags != null) {
            for (int i = 0; i < flags.size(); i++) {
                try {
                    b.flag(PriorityFlag.parse(flags.get(i)));
                } catch (IllegalArgumentException e) {
                    problems.add(JsonFields.element("priority.flags", i), e.getMessage());
                }
            }
        }
        if (f.has("usageResetPeriod")) {
            String s = f.string("usageResetPeriod", null, true);
            try {
                if (s != null) b.resetPeriod(ResetPeriod.parse(s));
            } catch (IllegalArgumentException e) {
                f.problem("usageResetPeriod", e.getMessage());
            }
        }
        if ((v = f.integer("dampeningFactor", 1L, 1, Integer.MAX_VALUE)) != null) b.dampeningFactor(v.intValue());
        if (problems.count() > before) return null;
        try {
            return new PrioritySection(b.build(), "multifactor".equals(type));
        } catch (IllegalArgumentException e) {
            for (String p : e.getMessage().split("\n")) problems.add("priority." + pathOf(p), messageOf(p));
            return null;
        }
    }

    /** @param exemptSeconds the cluster's PreemptExemptTime, s (0 none) */
    record PreemptSection(PreemptType type, PreemptMode mode, long exemptSeconds) {}

    PreemptSection preempt(JsonNode node) {
        if (node == null) return new PreemptSection(PreemptType.NONE, PreemptMode.OFF, 0);
        JsonFields f = JsonFields.open(node, "slurmPreempt", problems, SLURM_PREEMPT_FIELDS);
        if (f == null) return null;
        String t = f.choice("type", "none", List.of("none", "qos", "partition_prio"), "preemption type");
        PreemptMode mode = f.has("mode") ? preemptMode(f, "mode") : PreemptMode.REQUEUE;
        Long exempt = f.duration("exemptTime", 0L, 0);
        if (t == null || mode == null || exempt == null) return null;
        return new PreemptSection(PreemptType.parse(t), mode == PreemptMode.CLUSTER ? PreemptMode.REQUEUE : mode, exempt);
    }

    static SelectType select(JsonFields f) {
        if (!f.has("select")) return SelectType.CONS_TRES;
        String s = f.choice("select", "cons_tres", List.of("cons_tres", "linear"), "node selection");
        return s == null ? null : SelectType.parse(s);
    }

    // ------------------------------------------------------------------ jobs

    /** One file job before ids and dependencies are settled: its specs (one, or one per array task) and its path. */
    private record Read(List<JobSpec> specs, String path, List<Dependency> dependencies, String name, Running running,
            String reservation) {}

    /** A job already running when the scenario begins ({@code runningFor}, {@code onNodes}): its node indices and elapsed time. */
    private record Running(int[] nodes, long elapsed) {}

    /**
     * {@code jobs} of a version-2 scenario: arrays expanded (task {@code i} of job {@code name} is
     * {@code name_i}), ids 1, 2, … in that order, dependencies checked against the jobs' names.
     *
     * @param accountsGiven whether the file has an {@code accounts} section; without one, the jobs'
     *                      accounts and users are made into a flat tree (shares 1)
     * @return the jobs and the (possibly completed) site, or null after a problem
     */
    Jobs jobs(JsonNode node, NodeCluster cluster, boolean accountsGiven) {
        if (!node.isArray() || node.isEmpty()) {
            problems.add("jobs", JsonFields.show(node) + "; must be a non-empty list of jobs [{…}, …]");
            return null;
        }
        Site site = cluster.site();
        int before = problems.count();
        if (!accountsGiven) site = site.toBuilder().accounts(flatTree(node)).build();
        NodeCluster full = cluster.withSite(site);
        TresCapacity empty = new TresCapacity(full);
        List<Read> reads = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            Read r = job(node.get(i), i, full, empty);
            if (r == null) continue;
            Integer first = seen.putIfAbsent(r.name, i);
            if (first != null) {
                problems.add(JsonFields.element("jobs", i) + ".name", "\"" + r.name + "\"; duplicate: jobs[" + first + "] has the same name");
                continue;
            }
            reads.add(r);
        }
        Set<String> names = new HashSet<>(seen.keySet());
        for (Read r : reads) for (JobSpec s : r.specs) names.add(s.name());
        for (Read r : reads) rules.dependencies(r.path, r.name, r.dependencies, names, seen.keySet());
        if (problems.count() > before) return null;
        List<JobSpec> jobs = new ArrayList<>();
        List<org.preemptlab.sim.InitialRun> running = new ArrayList<>();
        List<ReservationsSection.Binding> named = new ArrayList<>();
        TresCapacity busy = new TresCapacity(full);
        int id = 1;
        for (Read r : reads) {
            for (JobSpec s : r.specs) {
                if (r.reservation != null) named.add(new ReservationsSection.Binding(r.path + ".reservation", id, r.reservation));
                JobSpec spec = s.toBuilder().id(id++).build();
                jobs.add(spec);
                if (r.running() == null) continue;
                org.preemptlab.job.Placement p = busy.placeOn(spec, r.running().nodes());
                try {
                    if (p == null) throw new IllegalStateException("none of its partitions holds these nodes, or a node is too small for it");
                    busy.take(p);
                    running.add(new org.preemptlab.sim.InitialRun(spec.id(), r.running().nodes(), r.running().elapsed()));
                } catch (IllegalStateException e) {
                    problems.add(r.path() + ".onNodes", "the job cannot be running there: " + e.getMessage());
                }
            }
        }
        if (problems.count() > before) return null;
        return new Jobs(jobs, full, running, named);
    }

    /**
     * @param running the jobs already running when the scenario begins
     * @param named   the jobs (every task of an array) that name a reservation
     */
    record Jobs(List<JobSpec> jobs, NodeCluster cluster, List<org.preemptlab.sim.InitialRun> running,
            List<ReservationsSection.Binding> named) {}

    /** Accounts and users named by the jobs, flat under root, shares 1 (a file without {@code accounts}). */
    private static AccountTree flatTree(JsonNode jobs) {
        AccountTree.Builder b = AccountTree.builder();
        Set<String> accounts = new LinkedHashSet<>();
        Set<AssocKey> users = new LinkedHashSet<>();
        for (JsonNode j : jobs) {
            if (!j.isObject()) continue;
            String account = j.path("account").isTextual() && !j.path("account").asText().isBlank() ? j.path("account").asText() : "default";
            String user = j.path("user").isTextual() && !j.path("user").asText().isBlank() ? j.path("user").asText() : "user";
            accounts.add(account);
            users.add(AssocKey.user(user, account));
        }
        for (String a : accounts) b.account(a, AssocKey.ROOT_NAME, 1);
        for (AssocKey u : users) b.user(u.user(), u.account(), 1);
        try {
            return b.build();
        } catch (AccountTreeException e) {
            return AccountTree.rootOnly();
        }
    }

    private Read job(JsonNode node, int index, NodeCluster cluster, TresCapacity empty) {
        String path = JsonFields.element("jobs", index);
        JsonFields f = JsonFields.open(node, path, problems, JOB_FIELDS);
        if (f == null) return null;
        Site site = cluster.site();
        int before = problems.count();
        String name = f.string("name", null, true);
        Long submit = f.duration("submit", null, 0);
        String user = f.string("user", "user", true);
        String account = f.has("account") ? f.string("account", null, true) : null;
        AccountTree tree = site.accounts();
        if (user != null && account == null) {
            for (AssocKey k : tree.userAssociations()) if (k.user().equals(user) && account == null) account = k.account();
            if (account == null) account = "default";
        }
        if (user != null && account != null) rules.association(path, f.has("account"), user, account, tree);
        List<String> partitions = stringOrList(f, "partition");
        if (partitions != null) rules.partitions(path, partitions, site);
        String qos = f.has("qos") ? f.string("qos", null, true) : null;
        if (qos == null && !f.has("qos") && user != null && account != null && tree.contains(AssocKey.user(user, account))) {
            qos = tree.defaultQos(AssocKey.user(user, account));
        }
        if (qos == null && !f.has("qos")) qos = site.qos().contains(JobSpec.DEFAULT_QOS) ? JobSpec.DEFAULT_QOS : site.qos().names().iterator().next();
        if (qos != null) rules.qos(path, qos, site);
        int[] nodes = nodeRange(f);
        Long ntasks = f.integer("ntasks", 0L, 1, Integer.MAX_VALUE);
        Long cpt = f.integer("cpusPerTask", 1L, 1, Integer.MAX_VALUE);
        Long cpn = f.integer("cpusPerNode", 0L, 0, Integer.MAX_VALUE);
        if (f.has("cpusPerNode") && (f.has("ntasks") || f.has("cpusPerTask"))) {
            f.problem("cpusPerNode", "give either \"cpusPerNode\" or \"ntasks\"/\"cpusPerTask\", not both");
        }
        Long mem = memory(f, "mem", -1L);
        Long memPerCpu = memory(f, "memPerCpu", -1L);
        if (f.has("mem") && f.has("memPerCpu")) f.problem("memPerCpu", "give either \"mem\" (per node) or \"memPerCpu\", not both");
        List<Gres> gres = gres(f, "gres");
        long gpus = 0;
        String gpuType = "";
        if (f.has("gpus")) {
            JsonNode g = f.get("gpus");
            if (g.isTextual() && g.asText().contains(":")) {
                String[] parts = g.asText().split(":");
                gpuType = parts[0].strip();
                try {
                    gpus = Long.parseLong(parts[parts.length - 1].strip());
                } catch (NumberFormatException e) {
                    f.problem("gpus", "give a count or \"type:count\", e.g. \"a100:2\"");
                }
            } else {
                Long n = f.integer("gpus", 0L, 1, Integer.MAX_VALUE);
                gpus = n == null ? 0 : n;
            }
        }
        Constraint constraint = Constraint.NONE;
        if (f.has("constraint")) {
            String c = f.string("constraint", null, false);
            try {
                constraint = c == null ? null : Constraint.parse(c);
            } catch (IllegalArgumentException e) {
                f.problem("constraint", e.getMessage());
            }
        }
        Boolean exclusive = f.bool("exclusive", false);
        Long nice = f.integer("nice", 0L, -2147483645L, 2147483645L);
        Long begin = f.duration("begin", -1L, 0);
        List<Dependency> deps = List.of();
        if (f.has("dependency")) {
            String d = f.string("dependency", null, true);
            try {
                deps = d == null ? List.of() : Dependency.parseList(d);
            } catch (IllegalArgumentException e) {
                f.problem("dependency", e.getMessage());
            }
        }
        int[] array = null;
        int throttle = 0;
        if (f.has("array")) {
            String a = f.string("array", null, true);
            if (a != null) {
                try {
                    int pct = a.indexOf('%');
                    if (pct >= 0) {
                        throttle = Integer.parseInt(a.substring(pct + 1).strip());
                        if (throttle < 1) throw new NumberFormatException();
                        a = a.substring(0, pct);
                    }
                    array = arrayIndices(a);
                } catch (IllegalArgumentException e) {
                    f.problem("array", "write indices like \"0-99\", \"1,3,5\", \"0-15:4\", with an optional throttle \"%4\""
                            + (e.getMessage() == null || e instanceof NumberFormatException ? "" : " (" + e.getMessage() + ")"));
                }
            }
        }
        Long runtime = f.duration("runtime", null, 0);
        Long estimate = f.has("estimate") ? f.duration("estimate", null, 1) : null;
        Boolean rerunnable = f.bool("rerunnable", true);
        Boolean checkpointable = f.bool("checkpointable", true);
        Long image = f.integer("imageMbPerNode", 0L, 0, Long.MAX_VALUE);
        Long interval = f.duration("checkpointInterval", 0L, 0);
        if (problems.count() > before || nodes == null || ntasks == null || cpt == null || cpn == null || mem == null
                || memPerCpu == null || gres == null || constraint == null || exclusive == null || nice == null
                || begin == null || runtime == null || rerunnable == null || checkpointable == null || image == null
                || interval == null || partitions == null || submit == null) {
            return null;
        }
        // the job's time limit: its own, else its first partition's DefaultTime (or MaxTime)
        Partition first = partitions.isEmpty() ? site.defaultPartition() : site.partition(partitions.get(0));
        if (estimate == null) {
            long limit = first.defaultLimit();
            if (limit <= 0) {
                problems.add(f.at("estimate"), "missing; partition " + first.name() + " has no defaultTime or maxTime to take");
                return null;
            }
            estimate = limit;
        }
        if (!rules.runtime(path, JsonFields.show(f.get("runtime")), runtime, estimate)) return null;
        int minNodes = nodes[0];
        long cpusPerNode;
        if (cpn > 0) {
            cpusPerNode = cpn;
        } else {
            long tasks = ntasks > 0 ? ntasks : minNodes;
            cpusPerNode = (tasks + minNodes - 1) / minNodes * cpt;
        }
        if (cpusPerNode > Integer.MAX_VALUE) {
            f.problem("ntasks", "asks for " + cpusPerNode + " CPUs per node");
            return null;
        }
        boolean wholeMem = false;
        long memPerNode;
        if (mem >= 0) {
            memPerNode = mem;
        } else if (memPerCpu >= 0) {
            memPerNode = memPerCpu * cpusPerNode;
        } else if (site.defMemPerCpuMb() > 0) {
            memPerNode = site.defMemPerCpuMb() * cpusPerNode;
        } else {
            memPerNode = 0;
            wholeMem = true;
        }
        SlurmRequest request = new SlurmRequest(user, account, partitions, nodes[1], gres, gpus, gpuType, constraint,
                exclusive, wholeMem, nice, begin, "", -1, throttle, deps);
        JobSpec spec = new JobSpec(index + 1, name, submit, minNodes, (int) cpusPerNode, memPerNode, estimate, runtime,
                qos, account, List.of(), rerunnable, checkpointable, image, interval, null, request);
        if (!rules.fits(path, spec, site, empty)) return null;
        Running running = null;
        if (f.has("runningFor") || f.has("onNodes")) {
            running = running(f, cluster, minNodes, runtime, array != null);
            if (running == null) return null;
        }
        String reservation = f.has("reservation") ? f.string("reservation", null, true) : null;
        if (array == null) return new Read(List.of(spec), path, deps, name, running, reservation);
        List<JobSpec> tasks = new ArrayList<>(array.length);
        for (int t : array) {
            tasks.add(spec.toBuilder().name(name + "_" + t)
                    .slurm(request.toBuilder().arrayName(name).arrayTask(t).build()).build());
        }
        return new Read(tasks, path, deps, name, null, reservation);
    }

    /** {@code runningFor} and {@code onNodes} of a job already running at 0; null after a problem. */
    private Running running(JsonFields f, NodeCluster cluster, int nodes, long runtime, boolean array) {
        if (array) {
            f.problem("runningFor", "an array cannot be running as a whole; give its running tasks as jobs of their own");
            return null;
        }
        if (!f.has("runningFor")) {
            f.problem("onNodes", "only for a job that is already running (\"runningFor\")");
            return null;
        }
        Long elapsed = f.duration("runningFor", null, 0);
        List<String> on = f.strings("onNodes", null);
        if (elapsed == null) return null;
        if (on == null || on.size() != nodes) {
            f.problem("onNodes", (on == null ? "missing" : org.preemptlab.units.Units.count(on.size(), "node")) + "; a running job names the " + org.preemptlab.units.Units.count(nodes, "node") + " it runs on");
            return null;
        }
        if (elapsed >= runtime) {
            f.problem("runningFor", org.preemptlab.time.Durations.format(elapsed) + "; not less than its runtime ("
                    + org.preemptlab.time.Durations.format(runtime) + "): it would have ended");
            return null;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int n = 0; n < cluster.nodeCount(); n++) index.put(cluster.nodeName(n), n);
        int[] idx = new int[on.size()];
        for (int i = 0; i < idx.length; i++) {
            Integer n = index.get(on.get(i));
            if (n == null) {
                problems.add(f.at("onNodes") + "[" + i + "]", "\"" + on.get(i) + "\"; not a node of this cluster");
                return null;
            }
            idx[i] = n;
        }
        return new Running(idx, elapsed);
    }

    private static List<String> stringOrList(JsonFields f, String key) {
        if (!f.has(key)) return List.of();
        JsonNode v = f.get(key);
        if (v.isTextual()) {
            List<String> out = new ArrayList<>();
            for (String s : v.asText().split(",")) if (!s.isBlank()) out.add(s.strip());
            return out;
        }
        return f.strings(key, null);
    }

    /** {@code nodes}: a count or "min-max"; {min, max}. */
    private int[] nodeRange(JsonFields f) {
        if (!f.has("nodes")) return new int[] {1, 1};
        JsonNode v = f.get("nodes");
        if (v.isTextual()) {
            String[] parts = v.asText().split("-");
            try {
                int min = Integer.parseInt(parts[0].strip());
                int max = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : min;
                if (parts.length > 2 || min < 1 || max < min) throw new NumberFormatException();
                return new int[] {min, max};
            } catch (NumberFormatException e) {
                f.problem("nodes", "give a count ≥ 1 or \"min-max\", e.g. \"2-4\"");
                return null;
            }
        }
        Long n = f.integer("nodes", null, 1, NodeCluster.MAX_NODES);
        return n == null ? null : new int[] {n.intValue(), n.intValue()};
    }

    /** Array indices as sbatch reads them: {@code 0-99}, {@code 1,3,5}, {@code 0-15:4}. */
    static int[] arrayIndices(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            int step = 1;
            int colon = p.indexOf(':');
            if (colon >= 0) {
                step = Integer.parseInt(p.substring(colon + 1).strip());
                p = p.substring(0, colon);
                if (step < 1) throw new IllegalArgumentException("step " + step);
            }
            int dash = p.indexOf('-');
            int lo = Integer.parseInt((dash < 0 ? p : p.substring(0, dash)).strip());
            int hi = dash < 0 ? lo : Integer.parseInt(p.substring(dash + 1).strip());
            if (lo < 0 || hi < lo) throw new IllegalArgumentException(lo + "-" + hi);
            for (long i = lo; i <= hi; i += step) {
                out.add((int) i);
                if (out.size() > MAX_ARRAY_TASKS) throw new IllegalArgumentException("more than " + MAX_ARRAY_TASKS + " tasks");
            }
        }
        return out.stream().distinct().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ the site

    /** Checks that every QOS a partition, an association or a default names exists. */
    void crossCheck(Site site) {
        rules.site(site);
    }
}
