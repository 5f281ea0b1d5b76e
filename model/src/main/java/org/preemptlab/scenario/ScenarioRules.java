package org.preemptlab.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.time.Durations;

/**
 * The rules a scenario's values must follow, written once, for every source of a scenario: the
 * scenario file reader (which has already checked the JSON's syntax, field names and types) and
 * the editor's {@link ScenarioDraft} (which may hold any value). Each rule names the file's JSON
 * path ({@code cluster.pools[1].nodes}) and the value as the source shows it ({@code -2},
 * {@code "2h"}).
 *
 * <p>A judge is used once, in file order: the scenario's name, the machine ({@link #machine} or
 * {@link #pool} for each pool, then {@link #endPools}), the {@link #horizon}, each {@link #job},
 * each {@link #window}. It remembers what it has seen (pool and job names, the cluster once every
 * pool is valid) for the cross-field rules: a job must fit a pool it may use, a maintenance window
 * must name nodes of the cluster, a running job must run on nodes of the cluster. Fields a source
 * could not read at all (named in {@code unread}) are not judged again.
 *
 * <p>{@link ScenarioValidator} applies it to a whole draft.
 */
public final class ScenarioRules {

    /** How a source shows the value at a path in a message: as its file wrote it, or the value itself. */
    @FunctionalInterface
    public interface Shown {
        String show(String path, Object value);
    }

    /** The values themselves: {@code -2}, {@code "gpu"}, {@code ["a", "b"]}. */
    public static final Shown VALUES = (path, value) -> format(value);

    /** Pool names become node names ({@code <pool>-<k>}) and appear space-separated in the events CSV. */
    private static final Pattern POOL_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private final Shown shown;
    private final Consumer<ScenarioProblem> sink;
    private int count;

    private boolean processorMode;
    private Cluster cluster;
    private final List<String> poolNames = new ArrayList<>();
    private final Map<String, Integer> poolSeen = new HashMap<>();
    private final List<NodePool> pools = new ArrayList<>();
    private boolean poolsValid = true;
    private Long horizon;
    private final Map<String, Integer> jobSeen = new HashMap<>();
    private final List<InitialRun> initialRuns = new ArrayList<>();

    public ScenarioRules(Shown shown, Consumer<ScenarioProblem> sink) {
        this.shown = shown;
        this.sink = sink;
    }

    /** Problems reported by this judge so far. */
    public int count() {
        return count;
    }

    private void problem(String path, String message) {
        count++;
        sink.accept(new ScenarioProblem(path, message));
    }

    /** A problem with the value at {@code path}: {@code path: <value>; message}. */
    private void value(String path, Object value, String message) {
        problem(path, shown.show(path, value) + "; " + message);
    }

    // ------------------------------------------------------------------ scenario

    public void name(String name) {
        if (name != null && name.isBlank()) value("name", name, "must not be empty");
    }

    public void horizon(Long seconds) {
        horizon = seconds;
    }

    public Long horizon() {
        return horizon;
    }

    // ------------------------------------------------------------------ cluster

    /** The cluster is a machine of processors (its size already checked), or unknown yet (null). */
    public void machine(ProcessorMachine machine) {
        processorMode = true;
        if (machine != null) cluster = machine;
    }

    public boolean processorMode() {
        return processorMode;
    }

    /** The cluster, once known and valid; null before or after a problem. */
    public Cluster cluster() {
        return cluster;
    }

    /** The names of the pools seen so far (also of invalid pools, so that references to them are not reported too). */
    public List<String> poolNames() {
        return List.copyOf(poolNames);
    }

    /**
     * One pool, at {@code cluster.pools[index]}.
     *
     * @param unread fields the source could not read (already reported)
     * @return true when the pool is valid
     */
    private long totalPoolNodes;
    private long totalPoolCores;

    public boolean pool(int index, PoolDraft p, Set<String> unread) {
        String path = "cluster.pools[" + index + "].";
        int before = count;
        String name = p.name();
        if (!unread.contains("name")) {
            if (name.isBlank()) {
                value(path + "name", name, "must not be empty");
            } else if (!POOL_NAME.matcher(name).matches()) {
                value(path + "name", name, "a pool name may hold only letters, digits, \"_\", \".\" and \"-\" (its nodes"
                        + " are named " + name.strip().replace(' ', '_') + "-1, …)");
            }
        }
        if (atLeast(path + "nodes", unread, "nodes", p.nodes(), 1)) {
            if (p.nodes() > NodeCluster.MAX_NODES) {
                value(path + "nodes", p.nodes(), "must be ≤ " + NodeCluster.MAX_NODES + " (a cluster of pools keeps each node's"
                        + " free cores and memory; for a larger machine of identical processors use \"cluster\": {\"processors\": N})");
            } else if ((long) totalPoolNodes + p.nodes() > NodeCluster.MAX_NODES) {
                value(path + "nodes", p.nodes(), "the pools have more than " + NodeCluster.MAX_NODES + " nodes in all (a cluster"
                        + " of pools keeps each node's free cores and memory; for a larger machine of identical processors use"
                        + " \"cluster\": {\"processors\": N})");
            }
            totalPoolNodes += Math.min(p.nodes(), NodeCluster.MAX_NODES + 1);
        }
        if (atLeast(path + "coresPerNode", unread, "coresPerNode", p.coresPerNode(), 1) && count == before) {
            // the machine's processors are an int (an SWF export's MaxProcs, the processor counts): two nodes of
            // 2,147,483,647 cores each ran, and the schedule's export failed with "header MaxProcs is \"4294967326\""
            totalPoolCores += (long) p.nodes() * p.coresPerNode();
            if (totalPoolCores > org.preemptlab.cluster.Cluster.MAX_PROCESSORS) {
                value(path + "coresPerNode", p.coresPerNode(), "the pools have more than "
                        + org.preemptlab.cluster.Cluster.MAX_PROCESSORS + " cores in all (" + totalPoolCores
                        + " with this pool's " + p.nodes() + " nodes)");
                totalPoolCores = Long.MIN_VALUE / 2; // said once
            }
        }
        atLeast(path + "memoryPerNodeMb", unread, "memoryPerNodeMb", p.memoryPerNodeMb(), 0);
        if (!unread.contains("checkpointBandwidthMBps")
                && (!(p.bandwidthMBps() > 0) || Double.isInfinite(p.bandwidthMBps()))) {
            value(path + "checkpointBandwidthMBps", p.bandwidthMBps(), "must be > 0");
        }
        boolean valid = count == before && unread.isEmpty();
        if (!unread.contains("name")) {
            Integer first = poolSeen.putIfAbsent(name, index);
            if (first != null) {
                value(path + "name", name, "duplicate: cluster.pools[" + first + "] has the same name");
                poolsValid = false;
                return false;
            }
            poolNames.add(name);
        }
        if (valid) {
            pools.add(toPool(p));
        } else {
            poolsValid = false;
        }
        return valid;
    }

    /**
     * The node groups of a version-2 (Slurm) cluster, already checked by its reader: maintenance
     * windows and failures are then judged against them as against pools.
     */
    public void slurmCluster(NodeCluster slurm) {
        processorMode = false;
        cluster = slurm;
        pools.clear();
        pools.addAll(slurm.pools());
        poolNames.clear();
        for (NodePool p : slurm.pools()) poolNames.add(p.name());
    }

    /** A cluster without pools. */
    public void noPools() {
        value("cluster.pools", List.of(), "needs at least one pool");
        poolsValid = false;
    }

    /** After the last pool: the cluster exists when every pool is valid and the source found no other problem. */
    public void endPools(boolean sourceValid) {
        if (sourceValid && poolsValid && !pools.isEmpty()) cluster = new NodeCluster(pools);
    }

    public static NodePool toPool(PoolDraft p) {
        return new NodePool(p.name(), p.nodes(), p.coresPerNode(), p.memoryPerNodeMb(), p.owner().strip(),
                p.borrowers(), p.bandwidthMBps());
    }

    // ------------------------------------------------------------------ preemption

    /**
     * Who may preempt whom must be a strict order (Slurm refuses a QOS Preempt list that closes a loop:
     * "QOS Preemption loop detected"). With owner and QOS preemption both on, an owner's job reclaims
     * its pool from borrowers; a borrower whose QOS tier is above an owner's job's QOS on that pool
     * would, by its tier, preempt the owner's job back: a loop, refused at {@code preemption.tiers.<qos>}.
     * (The engine ranks the owner rule first, {@link PreemptionRules#mayPreempt}, so rules built in
     * code can never loop either.) Judged after the pools and the jobs.
     *
     * @param rules the scenario's preemption rules (null or {@link PreemptionRules#NONE}: none)
     * @param jobs  its valid jobs
     */
    public void preemption(PreemptionRules rules, List<JobSpec> jobs) {
        if (rules == null || !rules.ownerPreemption() || !rules.qosPreemption() || jobs == null) return;
        Set<String> reported = new HashSet<>();
        for (NodePool pool : pools) {
            if (pool.isPublic()) continue;
            JobSpec owner = null; // the owner's job of the lowest tier that may run here
            for (JobSpec j : jobs) {
                if (pool.isOwnedBy(j) && pool.admits(j) && (owner == null || rules.tierOf(j.qos()) < rules.tierOf(owner.qos()))) {
                    owner = j;
                }
            }
            if (owner == null) continue;
            int ownerTier = rules.tierOf(owner.qos());
            for (JobSpec b : jobs) {
                int tier = rules.tierOf(b.qos());
                if (!pool.isBorrowableBy(b) || !pool.admits(b) || tier <= ownerTier) continue;
                if (!reported.add(pool.name() + "\u0000" + b.qos())) continue;
                boolean borrowerListed = rules.tiers().containsKey(b.qos());
                String qos = borrowerListed ? b.qos() : owner.qos();
                value("preemption.tiers." + qos, rules.tierOf(qos), "with \"owner\" and \"qos\" preemption both on this"
                        + " is a preemption loop: on pool " + pool.name() + ", owned by " + pool.owner() + ", the owner's job "
                        + owner.name() + " (QOS " + owner.qos() + ", tier " + ownerTier + ") preempts the borrower "
                        + b.name() + " (QOS " + b.qos() + ", tier " + tier + "), whose higher tier preempts it back"
                        + " (Slurm refuses such a loop: \"QOS Preemption loop detected\"); give QOS " + b.qos()
                        + " a tier ≤ " + ownerTier + ", run " + pool.owner() + "'s jobs in a QOS of tier ≥ " + tier
                        + ", or turn \"owner\" or \"qos\" off");
            }
        }
    }

    // ------------------------------------------------------------------ jobs

    /** A draft scenario without jobs (and without a trace to take them from). */
    public void noJobs() {
        value("jobs", List.of(), "needs at least one job");
    }

    /**
     * One job, at {@code jobs[index]}, with id {@code index + 1}. On a processor machine its
     * {@code nodes} are the processors it needs (the file's {@code procs}).
     *
     * @param running when the job already runs as the scenario begins, the nodes it runs on (null: not named)
     *                and for how long it has run; null when it does not run yet
     * @param unread  fields the source could not read (already reported)
     * @return the job, or null when it is invalid (it may then still be reported as not fitting)
     */
    public JobSpec job(int index, JobDraft j, ScenarioDraft.RunningJob running, Set<String> unread) {
        String path = "jobs[" + index + "].";
        int before = count;
        if (!unread.contains("name") && j.name().isBlank()) value(path + "name", j.name(), "must not be empty");
        atLeast(path + "submit", unread, "submit", j.submit(), 0);
        String nodesField = processorMode ? "procs" : "nodes";
        atLeast(path + nodesField, unread, nodesField, j.nodes(), 1);
        if (!processorMode) {
            atLeast(path + "coresPerNode", unread, "coresPerNode", j.coresPerNode(), 1);
            atLeast(path + "memoryPerNodeMb", unread, "memoryPerNodeMb", j.memoryPerNodeMb(), 0);
            if (!unread.contains("pools")) {
                for (int i = 0; i < j.pools().size(); i++) {
                    String p = j.pools().get(i);
                    if (!poolNames.contains(p)) value(path + "pools[" + i + "]", p, notOneOf(p, poolNames, "pool"));
                }
            }
        }
        boolean estimateOk = atLeastDuration(path + "estimate", unread, "estimate", j.estimate(), 1);
        boolean runtimeOk = atLeastDuration(path + "runtime", unread, "runtime", j.runtime(), 0);
        if (estimateOk && runtimeOk && j.runtime() > j.estimate()) {
            value(path + "runtime", j.runtime(), "longer than the estimate (" + Durations.format(j.estimate()) + "); a"
                    + " scheduler kills a job at its estimate, so make the estimate at least the run time");
        }
        if (!unread.contains("qos") && j.qos().isBlank()) value(path + "qos", j.qos(), "must not be empty");
        atLeast(path + "imageMbPerNode", unread, "imageMbPerNode", j.imageMbPerNode(), 0);
        atLeastDuration(path + "checkpointInterval", unread, "checkpointInterval", j.checkpointInterval(), 0);
        if (running != null && atLeastDuration(path + "runningFor", unread, "runningFor", running.runningFor(), 0)
                && runtimeOk && running.runningFor() >= j.runtime()) {
            value(path + "runningFor", running.runningFor(), "the job would have ended (run time "
                    + Durations.format(j.runtime()) + ")");
        }
        boolean valid = count == before && unread.isEmpty();
        if (valid && running != null) valid = initialRun(path, index + 1, j.nodes(), running);
        // the name is taken also by an invalid job
        if (!unread.contains("name")) {
            Integer first = jobSeen.putIfAbsent(j.name(), index);
            if (first != null) {
                value(path + "name", j.name(), "duplicate: jobs[" + first + "] has the same name");
                return null;
            }
        }
        if (!valid) return null;
        JobSpec spec = toSpec(j, index);
        fits(spec, "jobs[" + index + "]");
        return spec;
    }

    /** The job with id index + 1 (the id a scenario gives its (index+1)-th job). */
    public static JobSpec toSpec(JobDraft j, int index) {
        return new JobSpec(index + 1, j.name(), j.submit(), j.nodes(), j.coresPerNode(), j.memoryPerNodeMb(),
                j.estimate(), j.runtime(), j.qos().strip(), j.group().strip(), j.pools(), j.rerunnable(),
                j.checkpointable(), j.imageMbPerNode(), j.checkpointInterval(), null);
    }

    /** A job running when the scenario begins: on named nodes (pools), anywhere free (processors). */
    private boolean initialRun(String path, int id, int nodes, ScenarioDraft.RunningJob running) {
        List<String> onNodes = running.nodes();
        if (cluster instanceof NodeCluster) {
            if (onNodes == null || onNodes.size() != nodes) {
                value(path + "onNodes", onNodes, (onNodes == null ? "" : onNodes.size() + " nodes; ")
                        + "a running job names the " + org.preemptlab.units.Units.count(nodes, "node") + " it runs on");
                return false;
            }
            int[] indices = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                int index = nodeIndex(onNodes.get(i));
                if (index < 0) {
                    value(path + "onNodes[" + i + "]", onNodes.get(i), "not a node of this cluster");
                    return false;
                }
                indices[i] = index;
            }
            initialRuns.add(new InitialRun(id, indices, running.runningFor()));
        } else if (cluster != null) {
            initialRuns.add(new InitialRun(id, new int[0], running.runningFor()));
        }
        return true;
    }

    /** The jobs already running when the scenario begins, as judged so far. */
    public List<InitialRun> initialRuns() {
        return List.copyOf(initialRuns);
    }

    /**
     * The job must fit in at least one pool it may use (or on the processor machine): a pool that
     * admits its QOS and group and has enough nodes, cores per node and memory per node.
     */
    private void fits(JobSpec job, String path) {
        if (cluster instanceof ProcessorMachine m) {
            long procs = (long) job.nodes() * job.coresPerNode();
            if (procs > m.procs()) problem(path, "needs " + count(procs, "processor") + "; the machine has " + m.procs());
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
            problem(path, "no pool admits it (qos \"" + job.qos() + "\", group \"" + job.group() + "\"): "
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
        problem(path, "needs " + shape(job.nodes(), job.coresPerNode(), job.memoryPerNodeMb())
                + "; no pool it may use has that (" + String.join(", ", have) + ")");
    }

    private static String shape(int nodes, int cores, long memoryMb) {
        return count(nodes, "node") + " × " + count(cores, "core") + (memoryMb > 0 ? " × " + memoryMb + " MB" : "");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    // ------------------------------------------------------------------ maintenance

    /**
     * One maintenance window, at {@code maintenance[index]}: over the union of {@code nodes}
     * (node names) and every node of {@code pools}, or over every node.
     *
     * @param nodes  node names; null when not given
     * @param pools  pool names; null when not given
     * @param unread fields the source could not read (already reported)
     * @return the window with its nodes resolved, or null when it is invalid or the cluster is unknown
     */
    public MaintenanceWindow window(int index, String name, long start, long duration, MaintenanceStrategy strategy,
            long drainHorizon, boolean allNodes, List<String> nodes, List<String> pools, Set<String> unread) {
        String path = "maintenance[" + index + "]";
        String at = path + ".";
        int before = count;
        if (!unread.contains("name") && name.isBlank()) value(at + "name", name, "must not be empty");
        boolean startOk = atLeastDuration(at + "start", unread, "start", start, 0);
        boolean durationOk = atLeastDuration(at + "duration", unread, "duration", duration, 1);
        if (horizon != null && startOk && start >= horizon) {
            value(at + "start", start, "starts at or after the horizon (" + Durations.format(horizon) + ")");
        }
        if (horizon != null && durationOk && duration > horizon) {
            value(at + "duration", duration, "longer than the horizon (" + Durations.format(horizon) + ")");
        }
        if (strategy == MaintenanceStrategy.DRAIN_THEN_CHECKPOINT) {
            atLeastDuration(at + "drainHorizon", unread, "drainHorizon", drainHorizon, 0);
        } else if (strategy != null && !unread.contains("drainHorizon") && drainHorizon != 0) {
            value(at + "drainHorizon", drainHorizon, "only " + MaintenanceStrategy.DRAIN_THEN_CHECKPOINT.label()
                    + " uses it");
        }
        TreeSet<Integer> covered = windowNodes(path, allNodes, nodes, pools, unread);
        if (count > before || !unread.isEmpty() || covered == null || cluster == null) return null;
        return new MaintenanceWindow(name, start, duration, covered.stream().mapToInt(Integer::intValue).toArray(),
                strategy, drainHorizon);
    }

    /** The union of the named nodes and pools, or null after a problem. */
    private TreeSet<Integer> windowNodes(String path, boolean allNodes, List<String> nodes, List<String> pools,
            Set<String> unread) {
        TreeSet<Integer> out = new TreeSet<>();
        boolean ok = true;
        if (allNodes) {
            if (cluster != null) {
                for (int i = 0; i < cluster.nodeCount(); i++) out.add(i);
            }
        } else if (nodes != null) {
            for (int i = 0; i < nodes.size(); i++) {
                if (cluster == null) continue;
                int index = nodeIndex(nodes.get(i));
                if (index < 0) {
                    value(path + ".nodes[" + i + "]", nodes.get(i), unknownNode());
                    ok = false;
                } else {
                    out.add(index);
                }
            }
        }
        if (pools != null) {
            if (processorMode) {
                value(path + ".pools", pools, "a processor machine has no pools; list the processors in \"nodes\"");
                return null;
            }
            for (int i = 0; i < pools.size(); i++) {
                String p = pools.get(i);
                if (!poolNames.contains(p)) {
                    value(path + ".pools[" + i + "]", p, notOneOf(p, poolNames, "pool"));
                    ok = false;
                } else if (cluster instanceof NodeCluster nc) {
                    int pi = nc.poolIndex(p);
                    int first = nc.firstNode(pi);
                    for (int k = 0; k < nc.pools().get(pi).nodes(); k++) out.add(first + k);
                }
            }
        }
        if (!ok || unread.contains("nodes") || unread.contains("pools")) return null;
        if (!allNodes && nodes == null && pools == null || out.isEmpty() && cluster != null) {
            problem(path, "covers no nodes; give \"nodes\" (names or \"all\") or \"pools\"");
            return null;
        }
        return out;
    }

    /** The index of a node by name ({@code <pool>-<k>}, k from 1; {@code p<i>} on a processor machine), or -1. */
    public int nodeIndex(String name) {
        if (cluster instanceof ProcessorMachine m) {
            if (name.length() > 1 && name.charAt(0) == 'p' && name.substring(1).chars().allMatch(Character::isDigit)
                    && name.length() < 12) {
                long i = Long.parseLong(name.substring(1));
                if (i < m.procs() && String.valueOf(i).equals(name.substring(1))) return (int) i;
            }
            return -1;
        }
        if (!(cluster instanceof NodeCluster nc)) return -1;
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
        // a Slurm site's node groups name their nodes by host name (cn[1-2]: cn1, cn2)
        for (int i = 0; i < nc.nodeCount(); i++) if (nc.nodeName(i).equals(name)) return i;
        return -1;
    }

    private String unknownNode() {
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

    // ------------------------------------------------------------------ values

    private boolean atLeast(String path, Set<String> unread, String field, long value, long min) {
        if (unread.contains(field)) return false;
        if (value >= min) return true;
        value(path, value, "must be ≥ " + min);
        return false;
    }

    /** A duration: the bound is shown as a duration ({@code 1s}). */
    private boolean atLeastDuration(String path, Set<String> unread, String field, long value, long min) {
        if (unread.contains(field)) return false;
        if (value >= min) return true;
        value(path, value, "must be ≥ " + (min == 0 ? "0" : Durations.format(min)));
        return false;
    }

    /** "unknown pool; use a, b (did you mean "a"?)". */
    public static String notOneOf(String value, List<String> allowed, String what) {
        String guess = suggest(value, allowed);
        return "unknown " + what + "; use " + String.join(", ", allowed)
                + (guess != null ? " (did you mean \"" + guess + "\"?)" : "");
    }

    /** The closest candidate by edit distance (case-insensitive), if close enough to be a likely typo. */
    public static String suggest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = word.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(w, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(1, Math.min(3, word.length() / 3));
        return best != null && bestDistance <= limit ? best : null;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** A value as a scenario file would hold it: {@code -2}, {@code 0.5}, {@code "gpu"}, {@code ["a", "b"]}. */
    public static String format(Object value) {
        if (value == null) return "missing";
        if (value instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        if (value instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
                    : String.valueOf(d);
        }
        if (value instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            for (Object o : c) parts.add(format(o));
            String text = "[" + String.join(", ", parts) + "]";
            return text.length() > 40 ? "[…]" : text;
        }
        return String.valueOf(value);
    }
}
