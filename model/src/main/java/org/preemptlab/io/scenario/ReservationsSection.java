package org.preemptlab.io.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.reservation.Recurrence;
import org.preemptlab.reservation.ReservationFlag;
import org.preemptlab.reservation.ReservationPlan;
import org.preemptlab.reservation.ReservationSpec;
import org.preemptlab.scenario.ScenarioRules;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.time.Durations;

/**
 * The optional {@code reservations} list of a scenario file and the jobs' {@code reservation}
 * field: reads, judges (every problem named by its path, {@code reservations[2].start: …}) and
 * resolves node counts to nodes. See docs/reservations.md.
 */
final class ReservationsSection {

    static final List<String> FIELDS = List.of("name", "nodes", "nodeCount", "pool", "users", "accounts", "start",
            "duration", "flags", "purgeAfter");
    /** Flags a file may give: the modelled ones and the recurrences. */
    static final List<String> FLAG_NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (ReservationFlag f : ReservationFlag.values()) names.add(f.name());
        for (Recurrence r : Recurrence.values()) if (r.flag() != null) names.add(r.flag());
        FLAG_NAMES = List.copyOf(names);
    }

    /**
     * A job that names a reservation.
     *
     * @param path  where the file names it ({@code jobs[4].reservation})
     * @param jobId the job's {@link JobSpec#id}
     * @param name  the reservation it names
     */
    record Binding(String path, int jobId, String name) {}

    private final JsonFields.Problems problems;
    private final ScenarioRules rules;

    ReservationsSection(JsonFields.Problems problems, ScenarioRules rules) {
        this.problems = problems;
        this.rules = rules;
    }

    /**
     * The reservations of the file with their jobs bound.
     *
     * @param node         the {@code reservations} value
     * @param jobs         the jobs read (ids index + 1)
     * @param named the jobs that name a reservation ({@code jobs[k].reservation})
     */
    List<ReservationSpec> read(JsonNode node, List<JobSpec> jobs, List<Binding> named,
            List<MaintenanceWindow> maintenance) {
        if (node == null) {
            for (Binding b : named) problems.add(b.path(), ScenarioRules.format(b.name()) + "; the file has no \"reservations\"");
            return List.of();
        }
        if (!node.isArray()) {
            problems.add("reservations", JsonFields.show(node) + "; must be a list of reservations [{…}, …]");
            return List.of();
        }
        if (rules.processorMode() || !(rules.cluster() instanceof NodeCluster) && rules.cluster() != null) {
            problems.add("reservations", "a processor machine has no nodes to reserve; reservations need \"pools\"");
            return List.of();
        }
        long until = ReservationPlan.until(jobs == null ? List.of() : jobs);
        List<ReservationSpec> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            ReservationSpec r = one(node.get(i), i, seen, out, maintenance, until);
            if (r != null) out.add(r);
        }
        return bind(out, jobs, named);
    }

    private ReservationSpec one(JsonNode node, int index, Map<String, Integer> seen, List<ReservationSpec> earlier,
            List<MaintenanceWindow> maintenance, long until) {
        String path = JsonFields.element("reservations", index);
        JsonFields f = JsonFields.open(node, path, problems, FIELDS);
        if (f == null) return null;
        int before = problems.count();
        String name = f.string("name", null, true);
        if (name != null) {
            Integer first = seen.putIfAbsent(name, index);
            if (first != null) f.problem("name", "duplicate: reservations[" + first
                    + "] has the same name");
        }
        Long start = f.duration("start", null, 0);
        Long duration = f.duration("duration", null, 1);
        if (rules.horizon() != null && start != null && start >= rules.horizon()) {
            f.problem("start", "starts at or after the horizon ("
                    + Durations.format(rules.horizon()) + ")");
        }
        List<String> flagTexts = f.strings("flags", List.of());
        Set<ReservationFlag> flags = EnumSet.noneOf(ReservationFlag.class);
        Recurrence recurrence = Recurrence.ONCE;
        if (flagTexts != null) {
            for (int k = 0; k < flagTexts.size(); k++) {
                String t = flagTexts.get(k);
                ReservationFlag flag = ReservationFlag.parse(t);
                Recurrence rec = Recurrence.ofFlag(t);
                String at = JsonFields.element(f.at("flags"), k);
                if (flag != null) {
                    flags.add(flag);
                } else if (rec != null) {
                    if (recurrence != Recurrence.ONCE) {
                        problems.add(at, ScenarioRules.format(t) + "; the reservation already repeats " + recurrence.name());
                    }
                    recurrence = rec;
                } else {
                    problems.add(at, ScenarioRules.format(t) + "; " + ScenarioRules.notOneOf(t, FLAG_NAMES, "flag"));
                }
            }
        }
        if (duration != null && recurrence != Recurrence.ONCE && duration > recurrence.period()) {
            f.problem("duration", "longer than its " + recurrence.name() + " period ("
                    + Durations.format(recurrence.period()) + ")");
        }
        long purgeAfter = ReservationSpec.DEFAULT_PURGE_AFTER;
        if (f.has("purgeAfter")) {
            Long p = f.duration("purgeAfter", null, 1);
            if (p != null) purgeAfter = p;
            if (!flags.contains(ReservationFlag.PURGE_COMP)) f.problem("purgeAfter", "only PURGE_COMP uses it");
        }
        List<String> users = f.strings("users", List.of());
        List<String> accounts = f.strings("accounts", List.of());
        mixed(f, "users", users);
        mixed(f, "accounts", accounts);
        NodeCluster cluster = rules.cluster() instanceof NodeCluster nc ? nc : null;
        int[] nodes = null;
        int count = 0;
        int pool = -1;
        if (f.has("nodes") == f.has("nodeCount")) {
            problems.add(path, "give \"nodes\" (node names) or \"nodeCount\" (Slurm's NodeCnt), one of them");
        } else if (f.has("nodes")) {
            if (f.has("pool")) f.problem("pool", "only with \"nodeCount\" (named nodes say where they are)");
            if (flags.contains(ReservationFlag.REPLACE)) {
                problems.add(f.at("flags"), "REPLACE keeps the size of a node-count reservation; these nodes are named"
                        + " (use \"nodeCount\")");
            }
            List<String> names = f.strings("nodes", null);
            if (names != null && cluster != null) {
                TreeSet<Integer> set = new TreeSet<>();
                for (int k = 0; k < names.size(); k++) {
                    int n = rules.nodeIndex(names.get(k));
                    if (n < 0) problems.add(JsonFields.element(f.at("nodes"), k), ScenarioRules.format(names.get(k))
                            + "; not a node of this cluster");
                    else set.add(n);
                }
                if (names.isEmpty()) f.problem("nodes", "reserves no node");
                nodes = set.stream().mapToInt(Integer::intValue).toArray();
            }
        } else {
            Long c = f.integer("nodeCount", null, 1, Integer.MAX_VALUE);
            count = c == null ? 0 : c.intValue();
            String poolName = f.string("pool", "", false);
            if (poolName != null && !poolName.isEmpty() && cluster != null) {
                pool = rules.poolNames().indexOf(poolName);
                if (pool < 0) f.problem("pool", ScenarioRules.notOneOf(poolName, rules.poolNames(), "pool"));
            }
        }
        if (problems.count() > before || cluster == null || name == null || start == null || duration == null) return null;
        Set<ReservationFlag> fl = flags;
        Recurrence rec = recurrence;
        long purge = purgeAfter;
        java.util.function.Function<int[], ReservationSpec> make = ns -> new ReservationSpec(name, ns,
                f.has("nodeCount") ? ns.length : 0, f.has("nodeCount") ? (String) poolNameOf(f) : "", users, accounts,
                start, duration, rec, fl, purge, Set.of());
        boolean ignoreJobs = flags.contains(ReservationFlag.IGNORE_JOBS);
        if (nodes == null) {
            ReservationSpec probe = make.apply(new int[0]);
            BitSet unavailable = new BitSet();
            for (ReservationSpec e : earlier) {
                if (ReservationPlan.overlapInTime(probe, e, until)) for (int n : e.nodes()) unavailable.set(n);
            }
            for (MaintenanceWindow w : maintenance) {
                if (ReservationPlan.overlapsInterval(probe, w.start(), w.end(), until)) for (int n : w.nodes()) unavailable.set(n);
            }
            if (!ignoreJobs) for (int n : busyNodes(probe, until)) unavailable.set(n);
            nodes = ReservationPlan.chooseNodes(cluster, pool, count, unavailable::get);
            if (nodes == null) {
                f.problem("nodeCount", "only " + (countNodes(cluster, pool) - countBlocked(cluster, pool, unavailable))
                        + " nodes" + (pool >= 0 ? " of pool " + rules.poolNames().get(pool) : "") + " are free of other"
                        + " reservations" + (ignoreJobs ? "" : " and of running jobs") + " over it");
                return null;
            }
        } else if (!ignoreJobs) {
            ReservationSpec probe = make.apply(nodes);
            for (InitialRun run : rules.initialRuns()) {
                for (int n : run.nodes()) {
                    if (java.util.Arrays.binarySearch(probe.nodes(), n) >= 0 && overlapsRun(probe, run, until)) {
                        f.problem("nodes", "node " + cluster.nodeName(n) + " is busy with job " + run.jobId()
                                + " (running when the scenario begins) over the reservation; add the flag IGNORE_JOBS to"
                                + " reserve it anyway (the job keeps running into it), as Slurm asks");
                        return null;
                    }
                }
            }
        }
        ReservationSpec r = make.apply(nodes);
        for (int k = 0; k < earlier.size(); k++) {
            ReservationSpec e = earlier.get(k);
            if (r.has(ReservationFlag.MAINT) || e.has(ReservationFlag.MAINT)) continue;
            if (!shareNode(r.nodes(), e.nodes()) || !ReservationPlan.overlapInTime(r, e, until)) continue;
            problems.add(path, "overlaps reservation " + e.name() + " on the same nodes at the same time; only a MAINT"
                    + " reservation may overlap another");
            return null;
        }
        return r;
    }

    /** Slurm: a list either admits names or (all of them preceded by "-") denies them, not both. */
    private void mixed(JsonFields f, String key, List<String> names) {
        if (names == null || names.isEmpty()) return;
        boolean deny = ReservationSpec.denies(names);
        for (int k = 0; k < names.size(); k++) {
            String n = names.get(k);
            if (n.startsWith("-") != deny || n.equals("-") || n.isBlank()) {
                problems.add(JsonFields.element(f.at(key), k), ScenarioRules.format(n) + "; " + (n.equals("-") || n.isBlank()
                        ? "not a name" : "the list " + (deny ? "denies names (\"-name\"): every name must be denied"
                        : "admits names: a denied one (\"-name\") cannot be mixed in") + " (as in Slurm)"));
            }
        }
    }

    private static String poolNameOf(JsonFields f) {
        String p = f.string("pool", "", false);
        return p == null ? "" : p;
    }

    /** Nodes of jobs already running at t = 0 whose time limit reaches into an occurrence. */
    private List<Integer> busyNodes(ReservationSpec probe, long until) {
        List<Integer> out = new ArrayList<>();
        for (InitialRun run : rules.initialRuns()) {
            if (overlapsRun(probe, run, until)) for (int n : run.nodes()) out.add(n);
        }
        return out;
    }

    private Map<Integer, Long> initialEnds = Map.of();

    private boolean overlapsRun(ReservationSpec probe, InitialRun run, long until) {
        Long end = initialEnds.get(run.jobId());
        return ReservationPlan.overlapsInterval(probe, 0, end == null ? Long.MAX_VALUE / 4 : Math.max(1, end), until);
    }

    /** The estimated end of each job running at t = 0 (its estimate less what it has run). */
    void jobs(List<JobSpec> jobs) {
        Map<Integer, Long> ends = new HashMap<>();
        if (jobs != null) {
            Map<Integer, JobSpec> byId = new HashMap<>();
            for (JobSpec j : jobs) byId.put(j.id(), j);
            for (InitialRun run : rules.initialRuns()) {
                JobSpec j = byId.get(run.jobId());
                if (j != null) ends.put(run.jobId(), j.estimate() - run.elapsedSeconds());
            }
        }
        initialEnds = ends;
    }

    private static boolean shareNode(int[] a, int[] b) {
        for (int n : a) if (java.util.Arrays.binarySearch(b, n) >= 0) return true;
        return false;
    }

    private static int countNodes(NodeCluster cluster, int pool) {
        int c = 0;
        for (int n = 0; n < cluster.nodeCount(); n++) if (pool < 0 || cluster.poolOf(n) == pool) c++;
        return c;
    }

    private static int countBlocked(NodeCluster cluster, int pool, BitSet unavailable) {
        int c = 0;
        for (int n = unavailable.nextSetBit(0); n >= 0 && n < cluster.nodeCount(); n = unavailable.nextSetBit(n + 1)) {
            if (pool < 0 || cluster.poolOf(n) == pool) c++;
        }
        return c;
    }

    /** Binds each job to the reservation it names, judging that it may and can run in it. */
    private List<ReservationSpec> bind(List<ReservationSpec> specs, List<JobSpec> jobs, List<Binding> named) {
        Map<String, ReservationSpec> byName = new LinkedHashMap<>();
        for (ReservationSpec r : specs) byName.put(r.name(), r);
        Map<String, Set<Integer>> members = new HashMap<>();
        Map<Integer, JobSpec> byId = new HashMap<>();
        if (jobs != null) for (JobSpec j : jobs) byId.put(j.id(), j);
        NodeCluster cluster = rules.cluster() instanceof NodeCluster nc ? nc : null;
        for (Binding b : named) {
            String path = b.path();
            String name = b.name();
            ReservationSpec r = byName.get(name);
            if (r == null) {
                problems.add(path, ScenarioRules.format(name) + "; "
                        + ScenarioRules.notOneOf(name, new ArrayList<>(byName.keySet()), "reservation"));
                continue;
            }
            JobSpec j = byId.get(b.jobId());
            if (j == null) continue; // an invalid job: already reported
            // a version-1 job has an account (its group) but no user; a version-2 job has both
            String refused = j.slurm() == null ? r.refuses(null, j.group()) : r.refuses(j.slurm().user(), j.slurm().account());
            if (refused != null) {
                problems.add(path, ScenarioRules.format(name) + "; the job may not use it: " + refused);
                continue;
            }
            if (!r.has(ReservationFlag.FLEX)) {
                if (j.estimate() > r.duration()) {
                    problems.add(path, ScenarioRules.format(name) + "; the job's estimate (" + Durations.format(j.estimate())
                            + ") is longer than the reservation (" + Durations.format(r.duration()) + "): it could never"
                            + " run inside it (add FLEX to let it run past it)");
                    continue;
                }
                if (cluster != null && !fitsOn(cluster, r.nodes(), j)) {
                    problems.add(path, ScenarioRules.format(name) + "; the job (" + j.nodes() + " nodes × "
                            + j.coresPerNode() + " cores) does not fit on its " + r.nodes().length + " nodes");
                    continue;
                }
            }
            members.computeIfAbsent(name, k -> new HashSet<>()).add(j.id());
        }
        List<ReservationSpec> out = new ArrayList<>();
        for (ReservationSpec r : specs) out.add(r.withJobs(members.getOrDefault(r.name(), Set.of())));
        return out;
    }

    /** True if the job fits on the nodes (all in one pool that admits it), cores and memory. */
    static boolean fitsOn(NodeCluster cluster, int[] nodes, JobSpec j) {
        Map<Integer, Integer> perPool = new HashMap<>();
        for (int n : nodes) {
            int p = cluster.poolOf(n);
            var pool = cluster.pools().get(p);
            if (!pool.admits(j) || pool.coresPerNode() < j.coresPerNode()
                    || pool.memoryPerNodeMb() > 0 && pool.memoryPerNodeMb() < j.memoryPerNodeMb()) continue;
            perPool.merge(p, 1, Integer::sum);
        }
        for (int c : perPool.values()) if (c >= j.nodes()) return true;
        return false;
    }
}
