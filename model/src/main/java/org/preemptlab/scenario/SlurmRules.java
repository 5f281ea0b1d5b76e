package org.preemptlab.scenario;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.Qos;
import org.preemptlab.site.Site;
import org.preemptlab.time.Durations;

/**
 * The rules of a version-2 (Slurm) scenario's values that hold whatever their source, written once:
 * the scenario file reader ({@code SlurmSections}, which first reads the JSON's syntax, types and
 * units) and the editor's {@link ScenarioDraft} (judged by {@link ScenarioValidator}) both apply
 * them, with the same JSON paths ({@code jobs[3].qos}) and the same messages. The version-1 rules
 * are {@link ScenarioRules}.
 */
public final class SlurmRules {

    private final Consumer<ScenarioProblem> sink;
    private int count;

    public SlurmRules(Consumer<ScenarioProblem> sink) {
        this.sink = sink;
    }

    /** Problems reported by these rules so far. */
    public int count() {
        return count;
    }

    private void problem(String path, String message) {
        count++;
        sink.accept(new ScenarioProblem(path, message));
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    // ------------------------------------------------------------------ node groups

    /** A node group's name: letters, digits, "_", "." and "-", unique; {@code seen} collects the names. */
    public boolean nodeGroupName(String path, String name, Set<String> seen) {
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            problem(path + ".name", quoted(name) + "; a node group name may hold only letters, digits, \"_\", \".\" and \"-\"");
            return false;
        }
        if (!seen.add(name)) {
            problem(path + ".name", quoted(name) + "; duplicate node group name");
            return false;
        }
        return true;
    }

    /** Slurm counts CPUs as threads: a node's CPUs must be a multiple of its threads per core. */
    public boolean threads(String path, long cpus, long threadsPerCore) {
        if (cpus % threadsPerCore == 0) return true;
        problem(path + ".cpus", cpus + "; not a multiple of threadsPerCore " + threadsPerCore + " (Slurm counts CPUs as threads)");
        return false;
    }

    /**
     * One node group of an edited draft, at {@code cluster.nodes[index]}: the rules above and the
     * ranges the file reader applies while reading the values.
     */
    public boolean nodeGroup(int index, PoolDraft p, Set<String> seen) {
        String path = "cluster.nodes[" + index + "]";
        int before = count;
        nodeGroupName(path, p.name(), seen);
        if (p.nodes() < 1) problem(path + ".count", p.nodes() + "; must be ≥ 1");
        if (p.nodes() > NodeCluster.MAX_NODES) problem(path + ".count", p.nodes() + "; must be ≤ " + NodeCluster.MAX_NODES);
        if (!p.hostNames().isEmpty() && p.hostNames().size() != p.nodes()) {
            problem(path + ".count", p.nodes() + "; hostNames name " + p.hostNames().size() + " nodes");
        }
        if (p.threadsPerCore() < 1) problem(path + ".threadsPerCore", p.threadsPerCore() + "; must be ≥ 1");
        if (p.coresPerNode() < 1) problem(path + ".cpus", p.coresPerNode() + "; must be ≥ 1");
        else if (p.threadsPerCore() >= 1) threads(path, p.coresPerNode(), p.threadsPerCore());
        if (p.memoryPerNodeMb() < 0) problem(path + ".realMemory", p.memoryPerNodeMb() + "; must be ≥ 0");
        if (!(p.bandwidthMBps() > 0) || Double.isInfinite(p.bandwidthMBps())) {
            problem(path + ".checkpointBandwidthMBps", ScenarioRules.format(p.bandwidthMBps()) + "; must be > 0");
        }
        for (Gres g : p.gres()) {
            if (g.count() < 0) problem(path + ".gres", quoted(Gres.format(p.gres())) + "; a count must be ≥ 0");
        }
        return count == before;
    }

    // ------------------------------------------------------------------ the site

    /** A partition's node groups must be groups of the cluster, at {@code partitions[i].nodes[k]}. */
    public boolean partitionGroups(int index, List<String> groups, List<String> groupNames) {
        boolean ok = true;
        for (int k = 0; k < groups.size(); k++) {
            String g = groups.get(k);
            if (!groupNames.contains(g)) {
                problem("partitions[" + index + "].nodes[" + k + "]", quoted(g) + "; " + ScenarioRules.notOneOf(g, groupNames, "node group"));
                ok = false;
            }
        }
        return ok;
    }

    /** Every QOS a partition, an association or a QOS's preempt list names must exist. */
    public void site(Site site) {
        Set<String> qos = site.qos().names();
        List<String> qosList = List.copyOf(qos);
        for (int i = 0; i < site.partitions().size(); i++) {
            for (String q : site.partitions().get(i).allowQos()) {
                if (!qos.contains(q)) problem("partitions[" + i + "].allowQos", quoted(q) + "; " + ScenarioRules.notOneOf(q, qosList, "QOS"));
            }
        }
        for (var e : site.accounts().qosReferences().entrySet()) {
            if (!qos.contains(e.getKey())) {
                problem("accounts", quoted(e.getKey()) + " (named by " + String.join(", ", e.getValue()) + "); "
                        + ScenarioRules.notOneOf(e.getKey(), qosList, "QOS"));
            }
        }
        for (Qos q : site.qos().all()) {
            for (String p : q.preempt()) {
                if (!qos.contains(p)) problem("qos", quoted(p) + " (in the preempt list of " + q.name() + "); " + ScenarioRules.notOneOf(p, qosList, "QOS"));
            }
        }
    }

    // ------------------------------------------------------------------ jobs

    /**
     * The job's user must have an association in its account.
     *
     * @param path         the job's path, e.g. {@code jobs[3]}
     * @param accountGiven whether the source names the account (else the problem is the user's)
     */
    public boolean association(String path, boolean accountGiven, String user, String account, AccountTree tree) {
        if (tree.contains(AssocKey.user(user, account))) return true;
        problem(path + "." + (accountGiven ? "account" : "user"), quoted(accountGiven ? account : user)
                + "; no association of user " + user + " in account " + account + " in \"accounts\"");
        return false;
    }

    /** Each partition the job names must be a partition of the site. */
    public boolean partitions(String path, List<String> partitions, Site site) {
        List<String> names = site.partitions().stream().map(Partition::name).toList();
        boolean ok = true;
        for (String p : partitions) {
            if (!names.contains(p)) {
                problem(path + ".partition", quoted(p) + "; " + ScenarioRules.notOneOf(p, names, "partition"));
                ok = false;
            }
        }
        return ok;
    }

    /** The job's QOS must be in the site's QOS table. */
    public boolean qos(String path, String qos, Site site) {
        if (site.qos().contains(qos)) return true;
        problem(path + ".qos", quoted(qos) + "; " + ScenarioRules.notOneOf(qos, List.copyOf(site.qos().names()), "QOS"));
        return false;
    }

    /**
     * The run time may not exceed the time limit.
     *
     * @param shown the run time as the source shows it ({@code "2h"}, {@code 7200})
     */
    public boolean runtime(String path, String shown, long runtime, long estimate) {
        if (runtime <= estimate) return true;
        problem(path + ".runtime", shown + "; longer than the time limit (estimate " + Durations.format(estimate)
                + "); Slurm ends a job at its time limit, so make the estimate at least the run time");
        return false;
    }

    /**
     * The job must fit, on an empty cluster, the nodes of at least one partition it may use.
     *
     * @param empty the site's cluster with nothing running
     */
    public boolean fits(String path, JobSpec spec, Site site, TresCapacity empty) {
        int[] tried = empty.partitionsOf(spec);
        for (int pi : tried) if (empty.couldEverRun(pi, spec)) return true;
        SlurmRequest request = spec.slurm();
        boolean noGres = request.gresPerNode().isEmpty() && request.gpusPerJob() == 0;
        problem(path, "fits no node of partition" + (tried.length > 1 ? "s " : " ") + String.join(", ", tried.length == 0 ? List.of("?")
                : Arrays.stream(tried).mapToObj(i -> site.partitions().get(i).name()).toList())
                + ": it asks for " + org.preemptlab.units.Units.count(spec.nodes(), "node") + " with " + spec.coresPerNode() + " CPUs"
                + (request.wholeNodeMemory() ? "" : ", " + spec.memoryPerNodeMb() + " MB") + (noGres ? "" : ", GRES "
                + Gres.format(request.gresOnEachNode(spec.nodes())))
                + (request.constraint().isNone() ? "" : ", features " + request.constraint()) + " each");
        return false;
    }

    /**
     * Every job a dependency names must exist, and not be the job itself.
     *
     * @param names     every job name (file jobs and array tasks) a dependency may name
     * @param suggested the names offered when one is unknown (the file's jobs)
     */
    public void dependencies(String path, String name, List<Dependency> dependencies, Set<String> names,
            Collection<String> suggested) {
        for (Dependency d : dependencies) {
            for (String target : d.jobs()) {
                if (!names.contains(target)) {
                    problem(path + ".dependency", quoted(target) + "; " + ScenarioRules.notOneOf(target, List.copyOf(suggested), "job"));
                } else if (target.equals(name)) {
                    problem(path + ".dependency", quoted(target) + "; a job cannot depend on itself");
                }
            }
        }
    }
}
