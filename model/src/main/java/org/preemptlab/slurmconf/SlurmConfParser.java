package org.preemptlab.slurmconf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a {@code slurm.conf} as Slurm does ({@code src/common/read_config.c}): keys are
 * case-insensitive, {@code #} comments, backslash continuations, {@code Include FILE} lines
 * (relative paths are relative to the directory of the main {@code slurm.conf}, {@code %c} is the
 * {@code ClusterName}; an include cycle is refused), {@code NodeName=DEFAULT} and
 * {@code PartitionName=DEFAULT} lines that set values for the lines after them, {@code DownNodes}
 * and {@code NodeSet} lines. A later value of a global key wins, with a warning, as in Slurm.
 *
 * <p>Every key without a place in {@link SlurmConf} goes to the {@link ImportReport} as ignored,
 * with its value and {@code file:line}. All errors of the files are collected, then thrown as one
 * {@link SlurmConfException}.
 */
public final class SlurmConfParser {

    /** Include nesting deeper than this is refused (no real site comes close; a cycle is caught before). */
    static final int MAX_INCLUDE_DEPTH = 16;

    /** Logical lines over all files beyond which reading stops (a guard against include fan-out). */
    static final int MAX_LINES = 1_000_000;

    private static final Set<String> NODE_KEYS = Set.of("nodename", "cpus", "procs", "boards", "sockets", "socketsperboard",
            "corespersocket", "threadspercore", "realmemory", "gres", "feature", "features", "weight", "state");

    private static final Set<String> PARTITION_KEYS = Set.of("partitionname", "nodes", "default", "prioritytier", "priorityjobfactor",
            "priority", "maxtime", "defaulttime", "maxnodes", "minnodes", "allowaccounts", "denyaccounts", "allowqos", "denyqos",
            "oversubscribe", "shared", "exclusive", "state", "preemptmode", "qos", "defmempercpu", "defmempernode", "maxmempercpu",
            "maxmempernode", "gracetime", "tresbillingweights");

    private static final Set<String> GLOBAL_KEYS = Set.of("clustername", "prioritytype", "prioritydecayhalflife", "prioritycalcperiod",
            "prioritymaxage", "priorityusageresetperiod", "priorityfavorsmall", "priorityflags", "priorityweightage",
            "priorityweightfairshare", "priorityweightjobsize", "priorityweightpartition", "priorityweightqos", "priorityweightassoc",
            "priorityweighttres", "preempttype", "preemptmode", "preemptexempttime", "selecttype", "selecttypeparameters",
            "schedulertype", "schedulerparameters", "defmempercpu", "defmempernode", "maxmempercpu", "maxmempernode", "grestypes",
            "schedulertimeslice");

    /** Lines of these kinds describe things the model has no place for; every pair on them is reported. */
    private static final Set<String> IGNORED_LINE_KINDS = Set.of("frontendname", "switchname", "poweraction");

    private static final Set<String> PRIORITY_FLAGS = Set.of("ACCRUE_ALWAYS", "CALCULATE_RUNNING", "DEPTH_OBLIVIOUS", "NO_FAIR_TREE",
            "INCR_ONLY", "MAX_TRES", "MAX_TRES_GRES", "NO_NORMAL_ALL", "NO_NORMAL_ASSOC", "NO_NORMAL_PART", "NO_NORMAL_QOS",
            "NO_NORMAL_TRES", "SMALL_RELATIVE_TO_TIME");

    private static final Set<String> RESET_PERIODS = Set.of("NONE", "NOW", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");

    /** A value with the line it was read on. */
    private record At(KeyValue kv, SourceLine line) {}

    private final ImportReport report;
    private final Path baseDir;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, At> globals = new LinkedHashMap<>();
    private final Map<String, At> nodeDefaults = new LinkedHashMap<>();
    private final Map<String, At> partitionDefaults = new LinkedHashMap<>();
    private final Map<String, NodeDefinition> nodes = new LinkedHashMap<>();
    /** Nodes of lines that had errors (already reported): not reported again where named. */
    private final Set<String> failedNodes = new java.util.HashSet<>();
    private final List<PendingPartition> pendingPartitions = new ArrayList<>();
    private final Map<String, PendingNodeSet> nodeSets = new LinkedHashMap<>();
    private final List<PendingDown> downNodes = new ArrayList<>();
    private final Deque<Path> includeStack = new ArrayDeque<>();
    private final Deque<String> includeNames = new ArrayDeque<>();
    private int lineCount;

    private record PendingPartition(String name, Map<String, At> values, SourceLine line) {}

    private record PendingNodeSet(String name, String nodes, String feature, SourceLine line) {}

    private record PendingDown(String hosts, NodeState state, SourceLine line) {}

    private SlurmConfParser(ImportReport report, Path baseDir) {
        this.report = report;
        this.baseDir = baseDir;
    }

    /**
     * Reads the file and the files it includes.
     *
     * @throws SlurmConfException listing every problem, each with {@code file:line}
     */
    public static SlurmConf read(Path file, ImportReport report) {
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent() == null ? abs : abs.getParent();
        SlurmConfParser p = new SlurmConfParser(report, dir);
        String shown = abs.getFileName().toString();
        p.includeStack.push(realPath(abs));
        p.includeNames.push(shown);
        p.readLines(ConfText.logicalLines(ConfText.read(abs, shown), shown));
        return p.finish(shown);
    }

    /**
     * Reads text as the file {@code shownAs}; {@code Include} paths are relative to {@code baseDir}.
     *
     * @throws SlurmConfException listing every problem
     */
    public static SlurmConf parse(String text, String shownAs, Path baseDir, ImportReport report) {
        SlurmConfParser p = new SlurmConfParser(report, baseDir.toAbsolutePath().normalize());
        p.includeNames.push(shownAs);
        p.readLines(ConfText.logicalLines(text, shownAs));
        return p.finish(shownAs);
    }

    // ------------------------------------------------------------------ reading lines

    private void readLines(List<SourceLine> lines) {
        for (SourceLine line : lines) {
            if (++lineCount > MAX_LINES) {
                problems.add(line.where() + ": more than " + MAX_LINES + " lines over all included files; reading stopped");
                return;
            }
            try {
                if (isInclude(line.text())) {
                    include(line);
                } else {
                    handle(line);
                }
            } catch (SlurmConfException e) {
                problems.addAll(e.problems());
            } catch (IllegalArgumentException e) {
                problems.add(line.where() + ": " + e.getMessage());
            }
        }
    }

    private static boolean isInclude(String text) {
        return text.length() > 7 && text.regionMatches(true, 0, "include", 0, 7) && Character.isWhitespace(text.charAt(7));
    }

    private void include(SourceLine line) {
        String spec = line.text().substring(7).strip().split("\\s+", 2)[0];
        String name = spec;
        if (name.contains("%c")) {
            At cluster = globals.get("clustername");
            if (cluster == null) throw new SlurmConfException(line.where() + ": Include " + spec + ": %c needs a ClusterName line before it");
            name = name.replace("%c", cluster.kv().value());
        }
        if (name.contains("*")) {
            report.warn(line, "Include " + spec + ": Slurm does not expand '*' in Include; the line is skipped, as Slurm does");
            return;
        }
        if (includeStack.size() > MAX_INCLUDE_DEPTH) {
            throw new SlurmConfException(line.where() + ": Include " + spec + ": includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
        Path target = Path.of(name);
        Path resolved = (target.isAbsolute() ? target : baseDir.resolve(target)).normalize();
        if (!Files.isRegularFile(resolved)) {
            throw new SlurmConfException(line.where() + ": Include " + spec + ": no such file (" + resolved + ")");
        }
        Path real = realPath(resolved);
        String shown = shownName(resolved);
        if (includeStack.contains(real)) {
            List<String> chain = new ArrayList<>(includeNames);
            java.util.Collections.reverse(chain);
            chain.add(shown);
            throw new SlurmConfException(line.where() + ": Include " + spec + ": include cycle (" + String.join(" → ", chain) + ")");
        }
        includeStack.push(real);
        includeNames.push(shown);
        try {
            readLines(ConfText.logicalLines(ConfText.read(resolved, shown), shown));
        } finally {
            includeStack.pop();
            includeNames.pop();
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private String shownName(Path p) {
        return p.startsWith(baseDir) ? baseDir.relativize(p).toString() : p.toString();
    }

    private void handle(SourceLine line) {
        List<KeyValue> pairs = KeyValue.parse(line);
        for (int i = 0; i < pairs.size(); i++) {
            KeyValue kv = pairs.get(i);
            String key = kv.lowerKey();
            List<KeyValue> rest = pairs.subList(i, pairs.size());
            switch (key) {
                case "nodename" -> {
                    nodeLine(rest, line);
                    return;
                }
                case "partitionname" -> {
                    partitionLine(rest, line);
                    return;
                }
                case "downnodes" -> {
                    downLine(rest, line);
                    return;
                }
                case "nodeset" -> {
                    nodeSetLine(rest, line);
                    return;
                }
                default -> {
                    if (IGNORED_LINE_KINDS.contains(key)) {
                        for (KeyValue r : rest) report.ignore(line, r.key(), r.value());
                        return;
                    }
                    global(kv, line);
                }
            }
        }
    }

    private void global(KeyValue kv, SourceLine line) {
        String key = kv.lowerKey();
        operatorCheck(kv, line, "");
        if (!GLOBAL_KEYS.contains(key)) {
            report.ignore(line, kv.key(), kv.value());
            return;
        }
        At before = globals.put(key, new At(kv, line));
        if (before != null) {
            report.warn(line, kv.key() + " given again (first at " + before.line().where() + "); the later value is used, as in Slurm");
        }
    }

    private void operatorCheck(KeyValue kv, SourceLine line, String owner) {
        if (!kv.operator().isEmpty()) {
            report.warn(line, owner + kv.key() + kv.operator() + "=" + kv.value() + ": the operator " + kv.operator()
                    + "= is read as =");
        }
    }

    /** The line's pairs after the first, by lower-case key; a repeated key: the later wins, with a warning. */
    private Map<String, At> values(List<KeyValue> pairs, SourceLine line, String owner) {
        Map<String, At> out = new LinkedHashMap<>();
        for (KeyValue kv : pairs.subList(1, pairs.size())) {
            operatorCheck(kv, line, owner);
            At before = out.put(kv.lowerKey(), new At(kv, line));
            if (before != null) report.warn(line, owner + kv.key() + " given twice on the line; the later value is used");
        }
        return out;
    }

    // ------------------------------------------------------------------ nodes

    private void nodeLine(List<KeyValue> pairs, SourceLine line) {
        String expr = pairs.get(0).value();
        String owner = "NodeName=" + expr + " ";
        Map<String, At> own = values(pairs, line, owner);
        for (At at : own.values()) {
            if (!NODE_KEYS.contains(at.kv().lowerKey())) report.ignore(line, owner + at.kv().key(), at.kv().value());
        }
        if (expr.equalsIgnoreCase("DEFAULT")) {
            nodeDefaults.putAll(own);
            return;
        }
        if (expr.equalsIgnoreCase("ALL")) throw new SlurmConfException(line.where() + ": NodeName=ALL: ALL is reserved in Slurm, not a node name");
        Map<String, At> all = new LinkedHashMap<>(nodeDefaults);
        all.putAll(own);
        List<String> names;
        try {
            names = HostList.expand(expr);
        } catch (IllegalArgumentException e) {
            throw new SlurmConfException(line.where() + ": NodeName=" + expr + ": " + hostListProblem(e, expr));
        }
        List<String> errors = new ArrayList<>();
        NodeShape shape = nodeShape(all, expr, line, errors);
        long memory = all.containsKey("realmemory") ? memoryMb(all.get("realmemory"), "NodeName=" + expr, errors) : 1;
        List<GresSpec> gres = List.of();
        if (all.containsKey("gres")) {
            At g = all.get("gres");
            try {
                gres = GresSpec.parseList(g.kv().value());
            } catch (IllegalArgumentException e) {
                errors.add(g.line().where() + ": NodeName=" + expr + " Gres=" + g.kv().value() + ": " + e.getMessage());
            }
        }
        At featureAt = all.containsKey("features") ? all.get("features") : all.get("feature");
        List<String> features = featureAt == null ? List.of() : list(featureAt.kv().value(), false);
        long weight = all.containsKey("weight") ? number(all.get("weight"), "NodeName=" + expr, 0, 4_294_967_295L, errors) : 1;
        NodeState state = NodeState.UNKNOWN;
        if (all.containsKey("state")) {
            At s = all.get("state");
            try {
                state = NodeState.parse(s.kv().value());
            } catch (IllegalArgumentException e) {
                errors.add(s.line().where() + ": NodeName=" + expr + " State=" + s.kv().value() + ": " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            failedNodes.addAll(names);
            throw new SlurmConfException(errors);
        }
        for (String n : names) {
            NodeDefinition before = nodes.get(n);
            if (before != null) {
                report.warn(line, "NodeName=" + expr + ": node " + n + " is already defined at " + before.where()
                        + "; this definition is ignored, as in Slurm");
                continue;
            }
            nodes.put(n, new NodeDefinition(n, shape.cpus, shape.boards, shape.sockets, shape.cores, shape.threads, memory, gres,
                    features, weight, state, line.where()));
        }
    }

    private record NodeShape(int cpus, int boards, int sockets, int cores, int threads) {}

    /** Slurm's rule (read_config.c, _parse_nodename) for boards, sockets, cores, threads and CPUs. */
    private NodeShape nodeShape(Map<String, At> all, String expr, SourceLine line, List<String> errors) {
        String owner = "NodeName=" + expr;
        int boards = (int) uint16(all.get("boards"), owner, 1, errors);
        int cores = (int) uint16(all.get("corespersocket"), owner, 1, errors);
        int threads = (int) uint16(all.get("threadspercore"), owner, 1, errors);
        At cpusAt = all.containsKey("cpus") ? all.get("cpus") : all.get("procs");
        boolean cpusGiven = cpusAt != null;
        int cpus = (int) uint16(cpusAt, owner, 0, errors);
        boolean socketsGiven = all.containsKey("sockets");
        int sockets = (int) uint16(all.get("sockets"), owner, 1, errors);
        boolean spbGiven = all.containsKey("socketsperboard");
        int socketsPerBoard = (int) uint16(all.get("socketsperboard"), owner, 1, errors);
        if (!errors.isEmpty()) return new NodeShape(1, 1, 1, 1, 1);
        if (cores == 0) {
            report.warn(line, owner + ": CoresPerSocket=0 is invalid, reset to 1 (as Slurm does)");
            cores = 1;
        }
        if (cpusGiven && cpus == 0) {
            report.warn(line, owner + ": CPUs=0 is invalid, reset to 1 (as Slurm does)");
            cpus = 1;
        }
        if (threads == 0) {
            report.warn(line, owner + ": ThreadsPerCore=0 is invalid, reset to 1 (as Slurm does)");
            threads = 1;
        }
        if (socketsPerBoard == 0) {
            report.warn(line, owner + ": SocketsPerBoard=0 is invalid, reset to 1 (as Slurm does)");
            socketsPerBoard = 1;
        }
        if (socketsGiven && sockets == 0) {
            report.warn(line, owner + ": Sockets=0 is invalid, reset to 1 (as Slurm does)");
            sockets = 1;
        }
        if (spbGiven && socketsGiven) {
            report.warn(line, owner + ": Sockets and SocketsPerBoard exclude each other; SocketsPerBoard is used (as Slurm does)");
            socketsGiven = false;
        }
        if (boards == 0) {
            report.warn(line, owner + ": Boards=0 is invalid, reset to 1 (as Slurm does)");
            boards = 1;
        }
        if (!socketsGiven) {
            if (spbGiven) {
                sockets = boards * socketsPerBoard;
            } else if (cpusGiven && cpus / (cores * threads) > 0 && cpus % (cores * threads) == 0) {
                sockets = cpus / (cores * threads);
            } else {
                sockets = boards;
            }
        }
        if (!cpusGiven) cpus = sockets * cores * threads;
        if (sockets < boards) {
            report.warn(line, owner + ": Sockets (" + sockets + ") < Boards (" + boards + "); Boards reset to 1 (as Slurm does)");
            boards = 1;
        }
        if (cpus != sockets && cpus != sockets * cores && cpus != sockets * cores * threads) {
            int reset = sockets * cores * threads;
            report.warn(line, owner + ": CPUs=" + cpus + " matches neither Sockets, Sockets×CoresPerSocket nor "
                    + "Sockets×CoresPerSocket×ThreadsPerCore; reset to " + reset + " (as Slurm does)");
            cpus = reset;
        }
        return new NodeShape(cpus, boards, sockets, cores, threads);
    }

    private void downLine(List<KeyValue> pairs, SourceLine line) {
        String hosts = pairs.get(0).value();
        Map<String, At> own = values(pairs, line, "DownNodes=" + hosts + " ");
        NodeState state = NodeState.DOWN;
        for (At at : own.values()) {
            String k = at.kv().lowerKey();
            if (k.equals("state")) {
                try {
                    state = NodeState.parse(at.kv().value());
                } catch (IllegalArgumentException e) {
                    throw new SlurmConfException(line.where() + ": DownNodes=" + hosts + " State=" + at.kv().value() + ": " + e.getMessage());
                }
            } else {
                report.ignore(line, "DownNodes=" + hosts + " " + at.kv().key(), at.kv().value());
            }
        }
        downNodes.add(new PendingDown(hosts, state, line));
    }

    private void nodeSetLine(List<KeyValue> pairs, SourceLine line) {
        String name = pairs.get(0).value();
        Map<String, At> own = values(pairs, line, "NodeSet=" + name + " ");
        String members = null, feature = null;
        for (At at : own.values()) {
            switch (at.kv().lowerKey()) {
                case "nodes" -> members = at.kv().value();
                case "feature" -> feature = at.kv().value();
                default -> report.ignore(line, "NodeSet=" + name + " " + at.kv().key(), at.kv().value());
            }
        }
        nodeSets.put(name, new PendingNodeSet(name, members, feature, line));
    }

    // ------------------------------------------------------------------ partitions

    private void partitionLine(List<KeyValue> pairs, SourceLine line) {
        String name = pairs.get(0).value();
        String owner = "PartitionName=" + name + " ";
        Map<String, At> own = values(pairs, line, owner);
        for (At at : own.values()) {
            String k = at.kv().lowerKey();
            if (!PARTITION_KEYS.contains(k)) {
                report.ignore(line, owner + at.kv().key(), at.kv().value());
            } else if (k.equals("exclusive") && at.kv().value().equalsIgnoreCase("USER")) {
                report.ignore(line, owner + at.kv().key(), at.kv().value());
            }
        }
        if (name.equalsIgnoreCase("DEFAULT")) {
            partitionDefaults.putAll(own);
            return;
        }
        Map<String, At> all = new LinkedHashMap<>(partitionDefaults);
        all.putAll(own);
        pendingPartitions.add(new PendingPartition(name, all, line));
    }

    private PartitionDefinition partition(PendingPartition pp, Map<String, List<String>> sets) {
        String name = pp.name();
        Map<String, At> all = pp.values();
        SourceLine line = pp.line();
        String owner = "PartitionName=" + name;
        List<String> errors = new ArrayList<>();

        List<String> members = List.of();
        At nodesAt = all.get("nodes");
        if (nodesAt != null) members = partitionNodes(nodesAt, owner, sets, errors);
        if (members.isEmpty() && errors.isEmpty()) report.warn(line, owner + ": no nodes; jobs can never start in it");

        boolean isDefault = bool(all.get("default"), owner, false, errors);
        long tier = uint16(all.get("prioritytier"), owner, 1, errors);
        long jobFactor = uint16(all.get("priorityjobfactor"), owner, 1, errors);
        if (all.containsKey("priority")) {
            long both = uint16(all.get("priority"), owner, 1, errors);
            report.warn(all.get("priority").line(), owner + ": Priority= is Slurm's old name; it sets both PriorityTier and PriorityJobFactor to " + both);
            tier = both;
            jobFactor = both;
        }
        for (String k : List.of("prioritytier", "priorityjobfactor", "priority")) {
            At at = all.get(k);
            long v = k.equals("priorityjobfactor") ? jobFactor : tier;
            if (at != null && v > 65_533) {
                errors.add(at.line().where() + ": " + owner + " " + at.kv().key() + "=" + at.kv().value() + ": at most 65533");
            }
        }
        long maxTime = SlurmTime.UNLIMITED;
        if (all.containsKey("maxtime")) maxTime = partitionTime(all.get("maxtime"), owner, errors);
        OptionalLong defaultTime = OptionalLong.empty();
        if (all.containsKey("defaulttime")) {
            long d = partitionTime(all.get("defaulttime"), owner, errors);
            defaultTime = OptionalLong.of(d);
            if (errors.isEmpty() && d != SlurmTime.UNLIMITED && d > maxTime) {
                report.warn(all.get("defaulttime").line(), owner + ": DefaultTime (" + SlurmTime.format(d) + ") is over MaxTime ("
                        + SlurmTime.format(maxTime) + "); Slurm still enforces MaxTime");
            }
        }
        long maxNodes = PartitionDefinition.UNLIMITED_NODES;
        At mn = all.get("maxnodes");
        if (mn != null && !unlimited(mn.kv().value())) maxNodes = number(mn, owner, 0, 4_294_967_294L, errors);
        long minNodes = 0;
        At minAt = all.get("minnodes");
        if (minAt != null && !unlimited(minAt.kv().value())) minNodes = number(minAt, owner, 0, 4_294_967_294L, errors);

        List<String> allowAccounts = allList(all.get("allowaccounts"));
        List<String> denyAccounts = all.containsKey("denyaccounts") ? list(all.get("denyaccounts").kv().value(), true) : List.of();
        if (!allowAccounts.isEmpty() && !denyAccounts.isEmpty()) {
            report.warn(all.get("denyaccounts").line(), owner + ": AllowAccounts and DenyAccounts are both set; DenyAccounts is ignored, as in Slurm");
            denyAccounts = List.of();
        }
        List<String> allowQos = allList(all.get("allowqos"));
        List<String> denyQos = all.containsKey("denyqos") ? list(all.get("denyqos").kv().value(), true) : List.of();
        if (!allowQos.isEmpty() && !denyQos.isEmpty()) {
            report.warn(all.get("denyqos").line(), owner + ": AllowQos and DenyQos are both set; DenyQos is ignored, as in Slurm");
            denyQos = List.of();
        }

        OverSubscribe over = OverSubscribe.NO;
        At overAt = all.containsKey("oversubscribe") ? all.get("oversubscribe") : all.get("shared");
        if (overAt != null) {
            try {
                over = OverSubscribe.parse(overAt.kv().value());
            } catch (IllegalArgumentException e) {
                errors.add(overAt.line().where() + ": " + owner + " " + overAt.kv().key() + "=" + overAt.kv().value() + ": " + e.getMessage());
            }
        }
        At excl = all.get("exclusive");
        if (excl != null) {
            switch (excl.kv().value().toUpperCase(Locale.ROOT)) {
                case "NO", "NONE" -> {
                    if (over.mode() == OverSubscribe.Mode.EXCLUSIVE) over = OverSubscribe.NO;
                }
                case "NODE" -> over = OverSubscribe.EXCLUSIVE;
                case "TOPO" -> {
                    over = OverSubscribe.EXCLUSIVE;
                    report.warn(excl.line(), owner + ": Exclusive=TOPO is modelled as Exclusive=NODE (whole nodes; topology segments are not modelled)");
                }
                case "USER" -> { } // reported as ignored when read
                default -> errors.add(excl.line().where() + ": " + owner + " Exclusive=" + excl.kv().value() + ": not NO, NODE, USER or TOPO");
            }
        }

        PartitionState state = PartitionState.UP;
        At st = all.get("state");
        if (st != null) {
            try {
                state = PartitionState.parse(st.kv().value());
            } catch (IllegalArgumentException e) {
                errors.add(st.line().where() + ": " + owner + " State=" + st.kv().value() + ": " + e.getMessage());
            }
        }
        Optional<PreemptModeSetting> preemptMode = Optional.empty();
        At pm = all.get("preemptmode");
        if (pm != null) {
            try {
                PreemptModeSetting m = PreemptModeSetting.parse(pm.kv().value());
                if (m.gang()) {
                    report.warn(pm.line(), owner + ": PreemptMode GANG is cluster-wide; ignored on the partition, as in Slurm");
                    m = new PreemptModeSetting(m.kind(), false, m.within(), m.priority());
                }
                preemptMode = Optional.of(m);
            } catch (IllegalArgumentException e) {
                errors.add(pm.line().where() + ": " + owner + " PreemptMode=" + pm.kv().value() + ": " + e.getMessage());
            }
        }
        String qos = all.containsKey("qos") ? all.get("qos").kv().value() : "";

        OptionalLong defMemPerNode = optionalMemory(all.get("defmempernode"), owner, errors);
        OptionalLong defMemPerCpu = optionalMemory(all.get("defmempercpu"), owner, errors);
        if (defMemPerNode.isPresent() && defMemPerCpu.isPresent()) {
            report.warn(all.get("defmempercpu").line(), owner + ": DefMemPerCPU ignored, since DefMemPerNode is set (as Slurm does)");
            defMemPerCpu = OptionalLong.empty();
        }
        OptionalLong maxMemPerNode = optionalMemory(all.get("maxmempernode"), owner, errors);
        OptionalLong maxMemPerCpu = optionalMemory(all.get("maxmempercpu"), owner, errors);
        if (maxMemPerNode.isPresent() && maxMemPerCpu.isPresent()) {
            report.warn(all.get("maxmempercpu").line(), owner + ": MaxMemPerCPU ignored, since MaxMemPerNode is set (as Slurm does)");
            maxMemPerCpu = OptionalLong.empty();
        }
        long grace = all.containsKey("gracetime") ? number(all.get("gracetime"), owner, 0, 4_294_967_295L, errors) : 0;
        String billing = all.containsKey("tresbillingweights") ? all.get("tresbillingweights").kv().value() : "";

        if (!errors.isEmpty()) throw new SlurmConfException(errors);
        return new PartitionDefinition(name, members, isDefault, (int) tier, (int) jobFactor, maxTime, defaultTime, maxNodes, minNodes,
                allowAccounts, denyAccounts, allowQos, denyQos, over, state, preemptMode, qos, defMemPerCpu, defMemPerNode, maxMemPerCpu,
                maxMemPerNode, grace, billing, line.where());
    }

    private List<String> partitionNodes(At at, String owner, Map<String, List<String>> sets, List<String> errors) {
        String expr = at.kv().value().strip();
        if (expr.equalsIgnoreCase("ALL")) return new ArrayList<>(nodes.keySet());
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<String> tokens;
        try {
            tokens = HostList.tokens(expr);
        } catch (IllegalArgumentException e) {
            errors.add(at.line().where() + ": " + owner + " Nodes=" + expr + ": " + hostListProblem(e, expr));
            return List.of();
        }
        for (String token : tokens) {
            if (sets.containsKey(token)) {
                out.addAll(sets.get(token));
                continue;
            }
            if (token.startsWith("feature{")) {
                errors.add(at.line().where() + ": " + owner + " Nodes=" + expr + ": " + token + ": feature{…} host lists are not supported; "
                        + "define a NodeSet with Feature= and name it here");
                continue;
            }
            try {
                for (String n : HostList.expand(token)) {
                    if (failedNodes.contains(n)) continue;
                    if (!nodes.containsKey(n)) {
                        errors.add(at.line().where() + ": " + owner + " Nodes=" + expr + ": " + n + " is not a node of any NodeName line");
                        break;
                    }
                    out.add(n);
                }
            } catch (IllegalArgumentException e) {
                errors.add(at.line().where() + ": " + owner + " Nodes=" + expr + ": " + hostListProblem(e, token));
            }
        }
        return new ArrayList<>(out);
    }

    private long partitionTime(At at, String owner, List<String> errors) {
        String v = at.kv().value();
        try {
            long rounded = SlurmTime.parseMinutesRoundedUp(v);
            long exact = SlurmTime.parseSeconds(v);
            if (rounded != exact) {
                report.warn(at.line(), owner + " " + at.kv().key() + "=" + v + ": rounded up to " + SlurmTime.format(rounded)
                        + " (Slurm keeps partition time limits in whole minutes)");
            }
            return rounded;
        } catch (IllegalArgumentException e) {
            errors.add(at.line().where() + ": " + owner + " " + at.kv().key() + "=" + v + ": " + e.getMessage());
            return 0;
        }
    }

    // ------------------------------------------------------------------ finishing

    private SlurmConf finish(String mainFile) {
        Map<String, List<String>> sets = new HashMap<>();
        for (PendingNodeSet s : nodeSets.values()) {
            LinkedHashSet<String> members = new LinkedHashSet<>();
            try {
                if (s.nodes() != null) {
                    for (String n : HostList.expand(s.nodes())) {
                        if (nodes.containsKey(n)) members.add(n);
                        else problems.add(s.line().where() + ": NodeSet=" + s.name() + " Nodes=" + s.nodes() + ": " + n + " is not a node of any NodeName line");
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add(s.line().where() + ": NodeSet=" + s.name() + " Nodes=" + s.nodes() + ": " + hostListProblem(e, s.nodes()));
            }
            if (s.feature() != null) {
                for (NodeDefinition n : nodes.values()) if (n.features().contains(s.feature())) members.add(n.name());
            }
            sets.put(s.name(), new ArrayList<>(members));
        }
        for (PendingDown d : downNodes) {
            try {
                for (String n : HostList.expand(d.hosts())) {
                    NodeDefinition def = nodes.get(n);
                    if (def == null) report.warn(d.line(), "DownNodes=" + d.hosts() + ": " + n + " is not a node of any NodeName line");
                    else nodes.put(n, def.withState(d.state()));
                }
            } catch (IllegalArgumentException e) {
                problems.add(d.line().where() + ": DownNodes=" + d.hosts() + ": " + hostListProblem(e, d.hosts()));
            }
        }
        Map<String, PartitionDefinition> partitions = new LinkedHashMap<>();
        for (PendingPartition pp : pendingPartitions) {
            try {
                PartitionDefinition p = partition(pp, sets);
                PartitionDefinition before = partitions.get(p.name());
                if (before != null) {
                    report.warn(pp.line(), "PartitionName=" + p.name() + " is already defined at " + before.where()
                            + "; this definition is ignored, as in Slurm");
                } else {
                    partitions.put(p.name(), p);
                }
            } catch (SlurmConfException e) {
                problems.addAll(e.problems());
            }
        }
        List<String> errors = new ArrayList<>();
        String clusterName = text("clustername", "");
        PrioritySettings priority = priority(errors);
        PreemptSettings preempt = preempt(errors);
        SelectSettings select = select(errors);
        String schedulerType = text("schedulertype", "sched/backfill");
        SchedulerParameters schedulerParameters = schedulerParameters(errors);
        At sliceAt = globals.get("schedulertimeslice");
        long timeSlice = sliceAt == null ? SlurmConf.DEFAULT_TIME_SLICE : number(sliceAt, "", 5, 65_533, errors); // Slurm's range
        OptionalLong defMemPerNode = optionalMemory(globals.get("defmempernode"), "", errors);
        OptionalLong defMemPerCpu = optionalMemory(globals.get("defmempercpu"), "", errors);
        if (defMemPerNode.isPresent() && defMemPerCpu.isPresent()) {
            report.warn(globals.get("defmempercpu").line(), "DefMemPerCPU ignored, since DefMemPerNode is set (as Slurm does)");
            defMemPerCpu = OptionalLong.empty();
        }
        OptionalLong maxMemPerNode = optionalMemory(globals.get("maxmempernode"), "", errors);
        OptionalLong maxMemPerCpu = optionalMemory(globals.get("maxmempercpu"), "", errors);
        if (maxMemPerNode.isPresent() && maxMemPerCpu.isPresent()) {
            report.warn(globals.get("maxmempercpu").line(), "MaxMemPerCPU ignored, since MaxMemPerNode is set (as Slurm does)");
            maxMemPerCpu = OptionalLong.empty();
        }
        List<String> gresTypes = globals.containsKey("grestypes") ? list(globals.get("grestypes").kv().value(), true) : List.of();
        problems.addAll(errors);
        if (!problems.isEmpty()) throw new SlurmConfException(problems);

        if (nodes.isEmpty()) report.warn(mainFile + ": no NodeName line (if the nodes are in another file, Include it)");
        Set<String> unlisted = new LinkedHashSet<>();
        for (NodeDefinition n : nodes.values()) {
            for (GresSpec g : n.gres()) {
                String name = g.name().toLowerCase(Locale.ROOT);
                if (!gresTypes.contains(name) && unlisted.add(name)) {
                    report.warn(n.where() + ": NodeName " + n.name() + " has Gres " + g + " but GresTypes does not list " + g.name()
                            + " (Slurm refuses that)");
                }
            }
        }
        return new SlurmConf(clusterName, new ArrayList<>(nodes.values()), new ArrayList<>(partitions.values()), priority, preempt, select,
                schedulerType, schedulerParameters, defMemPerCpu, defMemPerNode, maxMemPerCpu, maxMemPerNode, gresTypes, timeSlice);
    }

    private String text(String key, String otherwise) {
        At at = globals.get(key);
        return at == null ? otherwise : at.kv().value();
    }

    private PrioritySettings priority(List<String> errors) {
        PrioritySettings d = PrioritySettings.DEFAULTS;
        String type = text("prioritytype", d.type());
        if (!type.equalsIgnoreCase("priority/multifactor") && !type.equalsIgnoreCase("priority/basic")) {
            At at = globals.get("prioritytype");
            errors.add(at.line().where() + ": PriorityType=" + type + ": not priority/multifactor or priority/basic");
        }
        long halfLife = globalTime("prioritydecayhalflife", d.decayHalfLifeSeconds(), errors);
        long maxAge = globalTime("prioritymaxage", d.maxAgeSeconds(), errors);
        long calc = globalTime("prioritycalcperiod", d.calcPeriodSeconds(), errors);
        String reset = text("priorityusageresetperiod", "NONE").toUpperCase(Locale.ROOT);
        if (!RESET_PERIODS.contains(reset)) {
            At at = globals.get("priorityusageresetperiod");
            errors.add(at.line().where() + ": PriorityUsageResetPeriod=" + at.kv().value() + ": not one of " + String.join(", ", RESET_PERIODS.stream().sorted().toList()));
        }
        boolean favorSmall = bool(globals.get("priorityfavorsmall"), "", false, errors);
        Set<String> flags = new LinkedHashSet<>();
        At flagsAt = globals.get("priorityflags");
        if (flagsAt != null) {
            for (String f : list(flagsAt.kv().value(), false)) {
                String up = f.toUpperCase(Locale.ROOT);
                if (PRIORITY_FLAGS.contains(up)) flags.add(up);
                else report.ignore(flagsAt.line(), "PriorityFlags " + f, null, "unknown flag");
            }
        }
        long age = globalNumber("priorityweightage", errors);
        long fairshare = globalNumber("priorityweightfairshare", errors);
        long jobSize = globalNumber("priorityweightjobsize", errors);
        long partition = globalNumber("priorityweightpartition", errors);
        long qos = globalNumber("priorityweightqos", errors);
        long assoc = globalNumber("priorityweightassoc", errors);
        Map<String, Double> tres = new TreeMap<>();
        At tresAt = globals.get("priorityweighttres");
        if (tresAt != null) {
            for (String entry : list(tresAt.kv().value(), false)) {
                int eq = entry.indexOf('=');
                try {
                    if (eq <= 0) throw new NumberFormatException();
                    tres.put(entry.substring(0, eq).toLowerCase(Locale.ROOT), Double.parseDouble(entry.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    errors.add(tresAt.line().where() + ": PriorityWeightTRES=" + tresAt.kv().value() + ": " + entry + " is not TRES=weight");
                }
            }
        }
        return new PrioritySettings(type.toLowerCase(Locale.ROOT), halfLife, maxAge, calc, reset, favorSmall, flags, age, fairshare,
                jobSize, partition, qos, assoc, tres);
    }

    private PreemptSettings preempt(List<String> errors) {
        String type = text("preempttype", "preempt/none").toLowerCase(Locale.ROOT);
        if (!Set.of("preempt/none", "preempt/qos", "preempt/partition_prio").contains(type)) {
            At at = globals.get("preempttype");
            errors.add(at.line().where() + ": PreemptType=" + at.kv().value() + ": not preempt/none, preempt/qos or preempt/partition_prio");
        }
        PreemptModeSetting mode = PreemptModeSetting.OFF;
        At pm = globals.get("preemptmode");
        if (pm != null) {
            try {
                mode = PreemptModeSetting.parse(pm.kv().value());
            } catch (IllegalArgumentException e) {
                errors.add(pm.line().where() + ": PreemptMode=" + pm.kv().value() + ": " + e.getMessage());
            }
        }
        if (!type.equals("preempt/none") && mode.kind() == PreemptModeSetting.Kind.OFF && errors.isEmpty()) {
            report.warn(pm != null ? pm.line() : globals.get("preempttype").line(),
                    "PreemptType=" + type + " with PreemptMode OFF: Slurm refuses that combination; no job will be preempted");
        }
        long exempt = 0;
        At ex = globals.get("preemptexempttime");
        if (ex != null) {
            try {
                long s = SlurmTime.parseSeconds(ex.kv().value());
                exempt = s == SlurmTime.UNLIMITED ? 0 : s; // -1 disables it, as 0
            } catch (IllegalArgumentException e) {
                errors.add(ex.line().where() + ": PreemptExemptTime=" + ex.kv().value() + ": " + e.getMessage());
            }
        }
        return new PreemptSettings(type, mode, exempt);
    }

    private SelectSettings select(List<String> errors) {
        At typeAt = globals.get("selecttype");
        String type = text("selecttype", "select/cons_tres").toLowerCase(Locale.ROOT);
        if (type.equals("select/cons_res")) {
            report.warn(typeAt.line(), "SelectType=select/cons_res was removed from Slurm (23.11); read as select/cons_tres");
            type = "select/cons_tres";
        }
        if (!type.equals("select/cons_tres") && !type.equals("select/linear")) {
            errors.add(typeAt.line().where() + ": SelectType=" + typeAt.kv().value() + ": not select/cons_tres or select/linear");
            return SelectSettings.DEFAULTS;
        }
        boolean linear = type.equals("select/linear");
        String unit = null;
        boolean memory = false;
        List<String> written = new ArrayList<>();
        At paramsAt = globals.get("selecttypeparameters");
        if (paramsAt != null) {
            for (String p : list(paramsAt.kv().value(), false)) {
                written.add(p);
                String up = p.toUpperCase(Locale.ROOT);
                String u = switch (up) {
                    case "CR_CPU", "CR_CPU_MEMORY" -> "CPU";
                    case "CR_CORE", "CR_CORE_MEMORY" -> "CORE";
                    case "CR_SOCKET", "CR_SOCKET_MEMORY" -> "SOCKET";
                    default -> null;
                };
                if (u != null) {
                    if (unit != null) {
                        errors.add(paramsAt.line().where() + ": SelectTypeParameters=" + paramsAt.kv().value() + ": two of CR_CPU, CR_Core, CR_Socket");
                    }
                    unit = u;
                    memory |= up.endsWith("_MEMORY");
                } else if (up.equals("CR_MEMORY")) {
                    memory = true;
                } else {
                    report.ignore(paramsAt.line(), "SelectTypeParameters " + p, null);
                }
            }
        }
        if (linear) {
            if (unit != null) report.warn(paramsAt.line(), "SelectTypeParameters " + unit + " has no effect with select/linear (whole nodes)");
            return new SelectSettings(type, "NODE", memory, written);
        }
        if (unit == null) { // select/cons_tres without CR_CPU/CR_Core/CR_Socket: Slurm's default CR_Core_Memory
            unit = "CORE";
            memory = true;
        }
        return new SelectSettings(type, unit, memory, written);
    }

    /** The SchedulerParameters that must be at least 1 (as {@code SlurmSchedulerConfig} checks them). */
    private static final Set<String> AT_LEAST_ONE = Set.of("sched_interval", "default_queue_depth", "bf_interval", "bf_window",
            "bf_resolution", "bf_max_job_test");

    private SchedulerParameters schedulerParameters(List<String> errors) {
        At at = globals.get("schedulerparameters");
        if (at == null) return SchedulerParameters.NONE;
        Map<String, String> options = new LinkedHashMap<>();
        for (String entry : list(at.kv().value(), false)) {
            int eq = entry.indexOf('=');
            String key = (eq < 0 ? entry : entry.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : entry.substring(eq + 1);
            if (!SchedulerParameters.MODELLED.contains(key)) {
                report.ignore(at.line(), "SchedulerParameters " + (eq < 0 ? entry : entry.substring(0, eq)), eq < 0 ? null : value);
                continue;
            }
            if (!key.equals("bf_continue")) {
                // intervals, windows, depths and counts of 0 are refused by the scheduler's configuration later, where
                // no file or line was named ("SchedulerParameters bf_interval: 0; must be ≥ 1")
                long min = AT_LEAST_ONE.contains(key) ? 1 : 0;
                try {
                    if (Long.parseLong(value) < min) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    errors.add(at.line().where() + ": SchedulerParameters=" + at.kv().value() + ": " + entry + ": "
                            + key + " takes a whole number ≥ " + min);
                    continue;
                }
            }
            options.put(key, value);
        }
        return new SchedulerParameters(options);
    }

    private long globalTime(String key, long otherwise, List<String> errors) {
        At at = globals.get(key);
        if (at == null) return otherwise;
        try {
            return SlurmTime.parseMinutesRoundedUp(at.kv().value());
        } catch (IllegalArgumentException e) {
            errors.add(at.line().where() + ": " + at.kv().key() + "=" + at.kv().value() + ": " + e.getMessage());
            return otherwise;
        }
    }

    private long globalNumber(String key, List<String> errors) {
        At at = globals.get(key);
        return at == null ? 0 : number(at, "", 0, 4_294_967_295L, errors);
    }

    // ------------------------------------------------------------------ values

    private static String prefix(String owner) {
        return owner.isEmpty() ? "" : owner.strip() + " ";
    }

    private static long number(At at, String owner, long min, long max, List<String> errors) {
        String v = at.kv().value().strip();
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                errors.add(at.line().where() + ": " + prefix(owner) + at.kv().key() + "=" + v + ": must be " + min + " to " + max);
                return min;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.add(at.line().where() + ": " + prefix(owner) + at.kv().key() + "=" + v + ": not a whole number");
            return min;
        }
    }

    private static long uint16(At at, String owner, long otherwise, List<String> errors) {
        return at == null ? otherwise : number(at, owner, 0, 65_535, errors);
    }

    private static boolean bool(At at, String owner, boolean otherwise, List<String> errors) {
        if (at == null) return otherwise;
        String v = at.kv().value().strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "YES", "TRUE", "1" -> true;
            case "NO", "FALSE", "0" -> false;
            default -> {
                errors.add(at.line().where() + ": " + prefix(owner) + at.kv().key() + "=" + at.kv().value() + ": not YES or NO");
                yield otherwise;
            }
        };
    }

    /** Memory in MB as Slurm's uint64 settings take it: a whole number, optionally with {@code K} (× 1024). */
    private static long memoryMb(At at, String owner, List<String> errors) {
        String v = at.kv().value().strip();
        try {
            if (v.endsWith("K") || v.endsWith("k")) return Math.multiplyExact(Long.parseLong(v.substring(0, v.length() - 1)), 1024L);
            long n = Long.parseLong(v);
            if (n < 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(at.line().where() + ": " + prefix(owner) + at.kv().key() + "=" + v
                    + ": not a whole number of MB (slurm.conf takes memory in MB, without a unit)");
            return 0;
        }
    }

    private static OptionalLong optionalMemory(At at, String owner, List<String> errors) {
        if (at == null) return OptionalLong.empty();
        if (unlimited(at.kv().value())) return OptionalLong.empty();
        return OptionalLong.of(memoryMb(at, owner, errors));
    }

    private static boolean unlimited(String v) {
        return v.equalsIgnoreCase("UNLIMITED") || v.equalsIgnoreCase("INFINITE");
    }

    /** A comma-separated list (blanks also separate); {@code ALL} alone means everyone: an empty list. */
    private static List<String> allList(At at) {
        if (at == null) return List.of();
        List<String> l = list(at.kv().value(), true);
        return l.size() == 1 && l.get(0).equals("all") ? List.of() : l;
    }

    static List<String> list(String text, boolean lower) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("[,\\s]+")) {
            String t = s.strip();
            if (!t.isEmpty()) out.add(lower ? t.toLowerCase(Locale.ROOT) : t);
        }
        return out;
    }

    static String hostListProblem(IllegalArgumentException e, String expr) {
        String m = e.getMessage();
        String prefix = "host list " + expr + ": ";
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }
}
