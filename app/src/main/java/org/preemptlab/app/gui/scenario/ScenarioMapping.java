package org.preemptlab.app.gui.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioProblem;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * Converts between the editor's {@link ScenarioDraft} and the model's {@link Scenario} (what
 * scenario files hold), so the editor reads and writes exactly the files the command line runs.
 */
public final class ScenarioMapping {

    private ScenarioMapping() {}

    static NodePool toPool(PoolDraft p) {
        return new NodePool(p.name(), p.nodes(), p.coresPerNode(), p.memoryPerNodeMb(), p.owner().trim(),
                p.borrowers(), p.bandwidthMBps());
    }

    /** The job with id index + 1 (the id the scenario reader gives the (index+1)-th job). */
    static JobSpec toSpec(JobDraft j, int index) {
        return new JobSpec(index + 1, j.name(), j.submit(), j.nodes(), j.coresPerNode(), j.memoryPerNodeMb(),
                j.estimate(), j.runtime(), j.qos().trim(), j.group().trim(), j.pools(), j.rerunnable(),
                j.checkpointable(), j.imageMbPerNode(), j.checkpointInterval(), null);
    }

    /** The model scenario of a draft that {@link ScenarioValidator} accepts. */
    public static Scenario toScenario(ScenarioDraft draft) throws ScenarioException {
        List<ValidationIssue> issues = ScenarioValidator.validate(draft);
        if (!issues.isEmpty()) throw new ScenarioException(issues);
        try {
            Cluster cluster = draft.isProcessorMachine() ? new ProcessorMachine(draft.processors())
                    : new NodeCluster(draft.pools().stream().map(ScenarioMapping::toPool).toList());
            List<JobSpec> jobs = new ArrayList<>();
            for (int i = 0; i < draft.jobs().size(); i++) jobs.add(toSpec(draft.jobs().get(i), i));
            List<MaintenanceWindow> windows = new ArrayList<>();
            for (MaintenanceDraft m : draft.maintenance()) {
                windows.add(new MaintenanceWindow(m.name(), m.start(), m.duration(), nodesOf(m, cluster), m.strategy(),
                        m.drainHorizon()));
            }
            return new Scenario(draft.name(), draft.description(), draft.seed(), cluster, jobs, draft.scheduler(),
                    draft.rules(), draft.settings(), windows, draft.failures(), draft.horizon(), draft.trace(), null,
                    initialRuns(draft, jobs, cluster));
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(List.of(new ValidationIssue("scenario", e.getMessage())));
        }
    }

    /** The draft's running jobs whose job (by name) and nodes still exist. */
    private static List<org.preemptlab.sim.InitialRun> initialRuns(ScenarioDraft draft, List<JobSpec> jobs, Cluster cluster) {
        Map<String, Integer> nodeIndex = new HashMap<>();
        for (int i = 0; i < cluster.nodeCount(); i++) nodeIndex.put(cluster.nodeName(i), i);
        List<org.preemptlab.sim.InitialRun> runs = new ArrayList<>();
        for (ScenarioDraft.RunningJob r : draft.running()) {
            JobSpec job = jobs.stream().filter(j -> j.name().equals(r.job())).findFirst().orElse(null);
            if (job == null || r.runningFor() >= job.runtime()) continue;
            if (!r.nodes().stream().allMatch(nodeIndex::containsKey)) continue;
            int[] nodes = r.nodes().stream().mapToInt(nodeIndex::get).toArray();
            runs.add(new org.preemptlab.sim.InitialRun(job.id(), nodes, r.runningFor()));
        }
        return runs;
    }

    private static int[] nodesOf(MaintenanceDraft m, Cluster cluster) {
        int n = cluster.nodeCount();
        if (m.pool().equals(MaintenanceDraft.ALL_NODES)) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        if (!m.pool().isEmpty() && cluster instanceof NodeCluster nc) {
            int p = nc.poolIndex(m.pool());
            int[] nodes = new int[nc.pools().get(p).nodes()];
            for (int i = 0; i < nodes.length; i++) nodes[i] = nc.firstNode(p) + i;
            return nodes;
        }
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < n; i++) byName.put(cluster.nodeName(i), i);
        return m.nodes().stream().filter(byName::containsKey).mapToInt(byName::get).toArray();
    }

    /** The editable draft of a scenario read from a file. */
    public static ScenarioDraft fromScenario(Scenario s) {
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
        for (MaintenanceWindow w : s.maintenance()) windows.add(fromWindow(w, s.cluster()));
        List<ScenarioDraft.RunningJob> running = new ArrayList<>();
        for (org.preemptlab.sim.InitialRun r : s.initialRuns()) {
            String name = s.jobs().stream().filter(j -> j.id() == r.jobId()).map(JobSpec::name).findFirst().orElse(null);
            if (name == null) continue;
            List<String> nodes = new ArrayList<>();
            for (int n : r.nodes()) nodes.add(s.cluster().nodeName(n));
            running.add(new ScenarioDraft.RunningJob(name, nodes, r.elapsedSeconds()));
        }
        return new ScenarioDraft(s.name(), s.description(), processors, pools, jobs, s.scheduler(), s.rules(),
                s.settings(), windows, s.failures(), s.seed(), s.horizon(), s.trace(), running);
    }

    private static MaintenanceDraft fromWindow(MaintenanceWindow w, Cluster cluster) {
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

    /**
     * The scenario reader's own checks (cross-field rules, horizon, …) on a draft, by writing it
     * as a file would be written and reading it back. Skipped for trace-based drafts (it would
     * re-read the trace). Problems keep the reader's JSON paths, which are the editor's field names.
     */
    public static List<ValidationIssue> deepCheck(ScenarioDraft draft, Path baseDir) {
        if (draft.trace() != null) return List.of();
        try {
            Scenario s = toScenario(draft);
            ScenarioReader.read(ScenarioWriter.toJson(s, baseDir), draft.name(), baseDir);
            return List.of();
        } catch (ScenarioException e) {
            return e.issues();
        } catch (org.preemptlab.scenario.ScenarioException e) {
            List<ValidationIssue> issues = new ArrayList<>();
            for (ScenarioProblem p : e.problems()) issues.add(new ValidationIssue(p.path().isEmpty() ? "scenario" : p.path(), p.message()));
            return issues;
        } catch (IllegalArgumentException e) {
            return List.of(new ValidationIssue("scenario", e.getMessage()));
        }
    }
}
