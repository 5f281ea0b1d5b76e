package org.preemptlab.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.InitialRun;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * Judges a whole {@link ScenarioDraft} by the {@link ScenarioRules} (the rules the scenario file
 * reader applies too) and turns a valid draft into a {@link Scenario}; turns a scenario back into
 * an editable draft.
 */
public final class ScenarioValidator {

    private ScenarioValidator() {
    }

    /** The JSON path of a pool's field, e.g. {@code cluster.pools[1].nodes}. */
    public static String poolPath(int i, String field) {
        return "cluster.pools[" + i + "]." + field;
    }

    /** The JSON path of a job's field, e.g. {@code jobs[4].estimate}. */
    public static String jobPath(int i, String field) {
        return "jobs[" + i + "]." + field;
    }

    /**
     * The JSON path of each row of the draft's job table: {@code jobs[i]} in a version-1 draft; in a
     * version-2 draft the tasks of one array (consecutive rows) share their file entry's path.
     */
    public static List<String> jobPaths(ScenarioDraft draft) {
        List<String> paths = new ArrayList<>(draft.jobs().size());
        int fileIndex = -1;
        String array = null;
        for (JobDraft j : draft.jobs()) {
            org.preemptlab.job.SlurmRequest r = draft.isSlurm() ? j.slurm() : null;
            boolean task = r != null && r.inArray();
            if (!task || !r.arrayName().equals(array)) fileIndex++;
            array = task ? r.arrayName() : null;
            paths.add("jobs[" + fileIndex + "]");
        }
        return paths;
    }

    /** Every problem of the draft, in file order; empty when it is a valid scenario. */
    public static List<ScenarioProblem> validate(ScenarioDraft draft) {
        List<ScenarioProblem> problems = new ArrayList<>();
        judge(draft, problems);
        return problems;
    }

    /**
     * The scenario of a valid draft.
     *
     * @throws ScenarioException listing every problem, with the draft's name as the source
     */
    public static Scenario toScenario(ScenarioDraft draft) throws ScenarioException {
        List<ScenarioProblem> problems = new ArrayList<>();
        Scenario scenario = judge(draft, problems);
        if (!problems.isEmpty()) throw new ScenarioException(source(draft), problems);
        return scenario;
    }

    private static String source(ScenarioDraft draft) {
        return draft.name().isBlank() ? "scenario" : draft.name();
    }

    /** Judges the draft in file order; the scenario when nothing was found, else null. */
    private static Scenario judge(ScenarioDraft draft, List<ScenarioProblem> problems) {
        ScenarioRules rules = new ScenarioRules(ScenarioRules.VALUES, problems::add);
        rules.name(draft.name());
        if (draft.isSlurm()) return judgeSlurm(draft, rules, problems);
        if (draft.isProcessorMachine()) {
            rules.machine(new ProcessorMachine(draft.processors()));
        } else {
            if (draft.pools().isEmpty()) rules.noPools();
            for (int i = 0; i < draft.pools().size(); i++) rules.pool(i, draft.pools().get(i), Set.of());
            rules.endPools(true);
        }
        rules.horizon(draft.horizon());
        if (draft.jobs().isEmpty() && draft.trace() == null) rules.noJobs();
        List<JobSpec> jobs = new ArrayList<>(draft.jobs().size());
        java.util.Map<String, ScenarioDraft.RunningJob> runningByName = new java.util.HashMap<>();
        for (ScenarioDraft.RunningJob r : draft.running()) runningByName.putIfAbsent(r.job(), r); // the first of a name
        for (int i = 0; i < draft.jobs().size(); i++) {
            JobDraft j = draft.jobs().get(i);
            ScenarioDraft.RunningJob running = runningByName.isEmpty() ? null : runningByName.get(j.name());
            JobSpec spec = rules.job(i, j, running, Set.of());
            if (spec != null) jobs.add(spec);
        }
        rules.preemption(draft.rules(), jobs);
        return finish(draft, rules, problems, jobs);
    }

    /** The maintenance windows and reservations, then the scenario when nothing was found. */
    private static Scenario finish(ScenarioDraft draft, ScenarioRules rules, List<ScenarioProblem> problems,
            List<JobSpec> jobs) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        for (int i = 0; i < draft.maintenance().size(); i++) {
            MaintenanceDraft m = draft.maintenance().get(i);
            boolean all = m.pool().equals(MaintenanceDraft.ALL_NODES);
            List<String> pools = all || m.pool().isEmpty() ? null : List.of(m.pool());
            List<String> nodes = all || !m.pool().isEmpty() ? null : m.nodes();
            MaintenanceWindow w = rules.window(i, m.name(), m.start(), m.duration(), m.strategy(), m.drainHorizon(), all,
                    nodes, pools, Set.of());
            if (w != null) windows.add(w);
        }
        List<org.preemptlab.reservation.ReservationSpec> reservations = reservations(draft, rules, problems);
        if (!problems.isEmpty()) return null;
        try {
            return new Scenario(draft.name(), draft.description(), draft.seed(), rules.cluster(), jobs,
                    draft.scheduler(), draft.rules(), draft.settings(), windows, draft.failures(), draft.horizon(),
                    draft.trace(), null, rules.initialRuns(), draft.gang(), reservations);
        } catch (IllegalArgumentException e) { // a rule of the model not (yet) written here
            problems.add(new ScenarioProblem("", e.getMessage()));
            return null;
        }
    }

    /**
     * A version-2 draft, by the {@link SlurmRules} the file reader applies too, at the file's paths:
     * the node groups ({@code cluster.nodes[i]}), the site's cross references, then each job (array
     * tasks are rows of the draft but one entry {@code jobs[k]} of the file) and its dependencies.
     */
    private static Scenario judgeSlurm(ScenarioDraft draft, ScenarioRules rules, List<ScenarioProblem> problems) {
        SlurmRules slurm = new SlurmRules(problems::add);
        org.preemptlab.site.Site site = draft.site();
        List<NodePool> groups = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        if (draft.pools().isEmpty()) problems.add(new ScenarioProblem("cluster.nodes", "[]; must be a non-empty list of node groups [{…}, …]"));
        for (int i = 0; i < draft.pools().size(); i++) {
            PoolDraft p = draft.pools().get(i);
            if (slurm.nodeGroup(i, p, names)) {
                groups.add(new NodePool(p.name(), p.nodes(), p.coresPerNode(), p.memoryPerNodeMb(), "", List.of(),
                        p.bandwidthMBps(), p.threadsPerCore(), p.gres(), p.features(), p.hostNames()));
            }
        }
        List<String> groupNames = draft.pools().stream().map(PoolDraft::name).toList();
        for (int i = 0; i < site.partitions().size(); i++) slurm.partitionGroups(i, site.partitions().get(i).groups(), groupNames);
        slurm.site(site);
        if (!problems.isEmpty()) return null; // the jobs are judged against a valid cluster
        NodeCluster cluster = new NodeCluster(groups, site);
        rules.slurmCluster(cluster);
        rules.horizon(draft.horizon());
        if (draft.jobs().isEmpty()) rules.noJobs();
        org.preemptlab.alloc.TresCapacity empty = new org.preemptlab.alloc.TresCapacity(cluster);
        List<JobSpec> jobs = new ArrayList<>(draft.jobs().size());
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        Set<String> allNames = new java.util.HashSet<>();
        for (JobDraft j : draft.jobs()) allNames.add(j.name());
        List<String> paths = jobPaths(draft);
        for (int i = 0; i < draft.jobs().size(); i++) {
            JobDraft j = draft.jobs().get(i);
            org.preemptlab.job.SlurmRequest r = j.slurm() != null ? j.slurm()
                    : org.preemptlab.job.SlurmRequest.of("user", j.group().isBlank() ? "default" : j.group());
            String path = paths.get(i);
            int fileIndex = Integer.parseInt(path.substring(5, path.length() - 1));
            String fileName = r.inArray() ? r.arrayName() : j.name();
            if (r.inArray()) allNames.add(r.arrayName());
            int before = problems.size();
            if (j.name().isBlank()) problems.add(new ScenarioProblem(path + ".name", "\"\"; must not be empty"));
            if (j.submit() < 0) problems.add(new ScenarioProblem(path + ".submit", j.submit() + "; must be ≥ 0"));
            if (j.nodes() < 1) problems.add(new ScenarioProblem(path + ".nodes", j.nodes() + "; must be ≥ 1"));
            if (j.coresPerNode() < 1) problems.add(new ScenarioProblem(path + ".cpusPerNode", j.coresPerNode() + "; must be ≥ 1"));
            if (j.memoryPerNodeMb() < 0) problems.add(new ScenarioProblem(path + ".mem", j.memoryPerNodeMb() + "; must be ≥ 0"));
            if (j.estimate() < 1) problems.add(new ScenarioProblem(path + ".estimate", j.estimate() + "; must be ≥ 1s"));
            if (j.runtime() < 0) problems.add(new ScenarioProblem(path + ".runtime", j.runtime() + "; must be ≥ 0"));
            if (j.imageMbPerNode() < 0) problems.add(new ScenarioProblem(path + ".imageMbPerNode", j.imageMbPerNode() + "; must be ≥ 0"));
            if (j.checkpointInterval() < 0) problems.add(new ScenarioProblem(path + ".checkpointInterval", j.checkpointInterval() + "; must be ≥ 0"));
            if (r.gpusPerJob() < 0) problems.add(new ScenarioProblem(path + ".gpus", r.gpusPerJob() + "; must be ≥ 0"));
            for (var g : r.gresPerNode()) {
                if (g.count() < 0) problems.add(new ScenarioProblem(path + ".gres", g.count() + "; a count must be ≥ 0"));
            }
            if (problems.size() == before) {
                slurm.association(path, true, r.user(), r.account(), site.accounts());
                slurm.partitions(path, r.partitions(), site);
                slurm.qos(path, j.qos(), site);
                slurm.runtime(path, String.valueOf(j.runtime()), j.runtime(), j.estimate());
            }
            Integer first = seen.putIfAbsent(fileName, fileIndex);
            if (first != null && first != fileIndex) { // tasks of one array share their file entry
                problems.add(new ScenarioProblem(path + ".name", "\"" + fileName + "\"; duplicate: jobs[" + first
                        + "] has the same name"));
            }
            if (problems.size() > before) continue;
            JobSpec spec = new JobSpec(i + 1, j.name(), j.submit(), j.nodes(), j.coresPerNode(), j.memoryPerNodeMb(),
                    j.estimate(), j.runtime(), j.qos().strip(), r.account(), List.of(), j.rerunnable(), j.checkpointable(),
                    j.imageMbPerNode(), j.checkpointInterval(), null, r);
            if (slurm.fits(path, spec, site, empty)) jobs.add(spec);
        }
        String last = null;
        for (int i = 0; i < draft.jobs().size(); i++) {
            JobDraft j = draft.jobs().get(i);
            if (j.slurm() == null || paths.get(i).equals(last)) continue; // an array's dependencies once
            last = paths.get(i);
            String fileName = j.slurm().inArray() ? j.slurm().arrayName() : j.name();
            slurm.dependencies(paths.get(i), fileName, j.slurm().dependencies(), allNames, seen.keySet());
        }
        return finish(draft, rules, problems, jobs);
    }

    /**
     * The draft's reservations with their jobs bound by name (job ids are positions + 1); nodes must
     * be nodes of the cluster. The file reader judges more (overlaps, accounts, sizes): saving and
     * opening the file applies those rules.
     */
    private static List<org.preemptlab.reservation.ReservationSpec> reservations(ScenarioDraft draft, ScenarioRules rules,
            List<ScenarioProblem> problems) {
        List<org.preemptlab.reservation.ReservationSpec> out = new ArrayList<>();
        int nodeCount = rules.cluster() == null ? 0 : rules.cluster().nodeCount();
        for (int i = 0; i < draft.reservations().size(); i++) {
            ReservationDraft r = draft.reservations().get(i);
            boolean ok = true;
            for (int n : r.spec().nodes()) {
                if (n < 0 || n >= nodeCount) {
                    problems.add(new ScenarioProblem("reservations[" + i + "].nodes", "node " + (n + 1)
                            + " is not a node of this cluster (" + nodeCount + " nodes)"));
                    ok = false;
                    break;
                }
            }
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (String name : r.jobs()) {
                for (int k = 0; k < draft.jobs().size(); k++) if (draft.jobs().get(k).name().equals(name)) ids.add(k + 1);
            }
            if (ok) out.add(r.spec().withJobs(ids));
        }
        return out;
    }

    /** The editable draft of a scenario (read from a file, or built by a program). */
    public static ScenarioDraft toDraft(Scenario s) {
        List<PoolDraft> pools = new ArrayList<>();
        int processors = 0;
        if (s.cluster() instanceof NodeCluster nc) {
            for (NodePool p : nc.pools()) {
                pools.add(new PoolDraft(p.name(), p.nodes(), p.coresPerNode(), p.memoryPerNodeMb(), p.owner(),
                        p.borrowers(), p.checkpointBandwidthMBps(), p.threadsPerCore(), p.gres(), p.features(),
                        p.hostNames()));
            }
        } else if (s.cluster() instanceof ProcessorMachine m) {
            processors = m.procs();
        }
        List<JobSpec> specs = new ArrayList<>(s.jobs());
        specs.sort((a, b) -> Integer.compare(a.id(), b.id())); // file order
        List<JobDraft> jobs = new ArrayList<>(specs.size());
        for (JobSpec j : specs) {
            jobs.add(new JobDraft(j.name(), j.submit(), j.qos(), j.group(), j.nodes(), j.coresPerNode(), j.estimate(),
                    j.runtime(), j.memoryPerNodeMb(), j.rerunnable(), j.checkpointable(), j.imageMbPerNode(), j.pools(),
                    j.checkpointInterval(), j.slurm()));
        }
        List<MaintenanceDraft> windows = new ArrayList<>();
        for (MaintenanceWindow w : s.maintenance()) windows.add(toDraft(w, s.cluster()));
        List<ScenarioDraft.RunningJob> running = new ArrayList<>();
        for (InitialRun r : s.initialRuns()) {
            String name = s.jobs().stream().filter(j -> j.id() == r.jobId()).map(JobSpec::name).findFirst().orElse(null);
            if (name == null) continue;
            List<String> nodes = new ArrayList<>();
            for (int n : r.nodes()) nodes.add(s.cluster().nodeName(n));
            running.add(new ScenarioDraft.RunningJob(name, nodes, r.elapsedSeconds()));
        }
        List<ReservationDraft> reservations = new ArrayList<>();
        for (var r : s.reservations()) {
            List<String> names = specs.stream().filter(j -> r.jobs().contains(j.id())).map(JobSpec::name).toList();
            reservations.add(new ReservationDraft(r, names));
        }
        org.preemptlab.site.Site site = s.cluster() instanceof NodeCluster nc ? nc.site() : null;
        return new ScenarioDraft(s.name(), s.description(), processors, pools, jobs, s.scheduler(), s.rules(),
                s.settings(), windows, s.failures(), s.seed(), s.horizon(), s.trace(), running, s.gang(), reservations,
                site);
    }

    private static MaintenanceDraft toDraft(MaintenanceWindow w, Cluster cluster) {
        int[] nodes = w.nodes().clone();
        Arrays.sort(nodes);
        String pool = "";
        if (nodes.length == cluster.nodeCount()) {
            pool = MaintenanceDraft.ALL_NODES;
        } else if (cluster instanceof NodeCluster nc) {
            for (int p = 0; p < nc.pools().size(); p++) {
                int first = nc.firstNode(p);
                int count = nc.pools().get(p).nodes();
                if (nodes.length == count && nodes[0] == first && nodes[nodes.length - 1] == first + count - 1) {
                    pool = nc.pools().get(p).name();
                }
            }
        }
        List<String> names = pool.isEmpty() ? Arrays.stream(nodes).mapToObj(cluster::nodeName).toList() : List.of();
        return new MaintenanceDraft(w.name(), pool, names, w.start(), w.duration(), w.strategy(), w.drainHorizon());
    }
}
