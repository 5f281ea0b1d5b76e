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
                        p.borrowers(), p.checkpointBandwidthMBps()));
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
                    j.checkpointInterval()));
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
        return new ScenarioDraft(s.name(), s.description(), processors, pools, jobs, s.scheduler(), s.rules(),
                s.settings(), windows, s.failures(), s.seed(), s.horizon(), s.trace(), running, s.gang(), reservations);
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
