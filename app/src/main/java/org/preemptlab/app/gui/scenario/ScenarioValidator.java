package org.preemptlab.app.gui.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;

/**
 * Names every problem of a draft next to its field, with the scenario file's JSON paths
 * ({@code cluster.pools[1].nodes}, {@code jobs[4].estimate}), so that the editor's messages and
 * the file reader's messages point at the same fields. Fast enough to run after every edit; the
 * reader's own cross-checks run through {@link ScenarioMapping#deepCheck} before a run or save.
 */
public final class ScenarioValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ScenarioValidator() {}

    public static String poolPath(int i, String field) {
        return "cluster.pools[" + i + "]." + field;
    }

    public static String jobPath(int i, String field) {
        return "jobs[" + i + "]." + field;
    }

    public static List<ValidationIssue> validate(ScenarioDraft draft) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (draft.name().isBlank()) issues.add(new ValidationIssue("name", "a scenario needs a name"));
        List<NodePool> pools = draft.isProcessorMachine() ? List.of() : validatePools(draft.pools(), issues);
        validateJobs(draft, pools, issues);
        validateMaintenance(draft, issues);
        return issues;
    }

    private static List<NodePool> validatePools(List<PoolDraft> drafts, List<ValidationIssue> issues) {
        if (drafts.isEmpty()) issues.add(new ValidationIssue("cluster.pools", "a cluster needs at least one pool"));
        Set<String> names = duplicates(drafts.stream().map(PoolDraft::name).toList());
        List<NodePool> pools = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PoolDraft p = drafts.get(i);
            int before = issues.size();
            if (p.name().isBlank()) issues.add(new ValidationIssue(poolPath(i, "name"), "a pool needs a name"));
            else if (!NAME.matcher(p.name()).matches()) {
                issues.add(new ValidationIssue(poolPath(i, "name"), "\"" + p.name()
                        + "\" may use only letters, digits, '_', '.' and '-' (and not start with '.' or '-')"));
            } else if (names.contains(p.name())) {
                issues.add(new ValidationIssue(poolPath(i, "name"), "\"" + p.name() + "\" is already the name of another pool"));
            }
            if (p.nodes() < 1) issues.add(new ValidationIssue(poolPath(i, "nodes"), p.nodes() + "; must be ≥ 1"));
            if (p.coresPerNode() < 1) issues.add(new ValidationIssue(poolPath(i, "coresPerNode"), p.coresPerNode() + "; must be ≥ 1"));
            if (p.memoryPerNodeMb() < 0) issues.add(new ValidationIssue(poolPath(i, "memoryPerNodeMb"), p.memoryPerNodeMb() + "; must be ≥ 0"));
            if (!(p.bandwidthMBps() > 0)) {
                issues.add(new ValidationIssue(poolPath(i, "checkpointBandwidthMBps"), p.bandwidthMBps() + "; must be > 0"));
            }
            if (issues.size() == before) pools.add(ScenarioMapping.toPool(p));
        }
        return pools;
    }

    private static void validateJobs(ScenarioDraft draft, List<NodePool> pools, List<ValidationIssue> issues) {
        List<JobDraft> jobs = draft.jobs();
        Set<String> names = duplicates(jobs.stream().map(JobDraft::name).toList());
        Set<String> poolNames = new HashSet<>();
        for (PoolDraft p : draft.pools()) poolNames.add(p.name());
        for (int i = 0; i < jobs.size(); i++) {
            JobDraft j = jobs.get(i);
            int before = issues.size();
            if (j.name().isBlank()) issues.add(new ValidationIssue(jobPath(i, "name"), "a job needs a name"));
            else if (names.contains(j.name())) issues.add(new ValidationIssue(jobPath(i, "name"), "\"" + j.name() + "\" is already the name of another job"));
            if (j.submit() < 0) issues.add(new ValidationIssue(jobPath(i, "submit"), j.submit() + "; must be ≥ 0"));
            if (j.nodes() < 1) issues.add(new ValidationIssue(jobPath(i, "nodes"), j.nodes() + "; must be ≥ 1"));
            if (j.coresPerNode() < 1) issues.add(new ValidationIssue(jobPath(i, "coresPerNode"), j.coresPerNode() + "; must be ≥ 1"));
            if (j.estimate() < 1) issues.add(new ValidationIssue(jobPath(i, "estimate"), j.estimate() + "; must be ≥ 1"));
            if (j.runtime() < 0) issues.add(new ValidationIssue(jobPath(i, "runtime"), j.runtime() + "; must be ≥ 0"));
            if (j.memoryPerNodeMb() < 0) issues.add(new ValidationIssue(jobPath(i, "memoryPerNodeMb"), j.memoryPerNodeMb() + "; must be ≥ 0"));
            if (j.imageMbPerNode() < 0) issues.add(new ValidationIssue(jobPath(i, "imageMbPerNode"), j.imageMbPerNode() + "; must be ≥ 0"));
            for (String p : j.pools()) {
                if (!draft.isProcessorMachine() && !poolNames.contains(p)) {
                    issues.add(new ValidationIssue(jobPath(i, "pools"), "\"" + p + "\" is not a pool of this scenario"));
                }
            }
            if (issues.size() > before) continue;
            if (draft.isProcessorMachine()) {
                if ((long) j.nodes() * j.coresPerNode() > draft.processors()) {
                    issues.add(new ValidationIssue(jobPath(i, "nodes"), j.nodes() * j.coresPerNode()
                            + " processors; the machine has " + draft.processors()));
                }
            } else if (!pools.isEmpty()) {
                checkFits(ScenarioMapping.toSpec(j, i), pools, i, issues);
            }
        }
    }

    /** Names used more than once (every holder of such a name is flagged). */
    private static Set<String> duplicates(List<String> names) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new HashSet<>();
        for (String n : names) if (!seen.add(n)) twice.add(n);
        return twice;
    }

    private static void checkFits(JobSpec spec, List<NodePool> pools, int i, List<ValidationIssue> issues) {
        boolean admitted = false;
        for (NodePool p : pools) {
            if (!p.admits(spec)) continue;
            admitted = true;
            boolean memoryFits = p.memoryPerNodeMb() == 0 || spec.memoryPerNodeMb() <= p.memoryPerNodeMb();
            if (spec.nodes() <= p.nodes() && spec.coresPerNode() <= p.coresPerNode() && memoryFits) return;
        }
        if (!admitted) {
            issues.add(new ValidationIssue(jobPath(i, "qos"), "no pool admits QOS \"" + spec.qos() + "\""
                    + (spec.group().isEmpty() ? "" : " of group \"" + spec.group() + "\"") + "; the job could never start"));
            return;
        }
        NodePool largest = pools.stream().filter(p -> p.admits(spec))
                .max((a, b) -> Long.compare((long) a.nodes() * a.coresPerNode(), (long) b.nodes() * b.coresPerNode()))
                .orElseThrow();
        String field = spec.nodes() > largest.nodes() ? "nodes"
                : spec.coresPerNode() > largest.coresPerNode() ? "coresPerNode" : "memoryPerNodeMb";
        issues.add(new ValidationIssue(jobPath(i, field), spec.nodes() + " nodes × " + spec.coresPerNode() + " cores × "
                + spec.memoryPerNodeMb() + " MB fits no pool it may use (largest: " + largest.name() + ", "
                + largest.nodes() + " nodes × " + largest.coresPerNode() + " cores × " + largest.memoryPerNodeMb() + " MB)"));
    }

    private static void validateMaintenance(ScenarioDraft draft, List<ValidationIssue> issues) {
        for (int i = 0; i < draft.maintenance().size(); i++) {
            MaintenanceDraft m = draft.maintenance().get(i);
            String at = "maintenance[" + i + "].";
            if (!m.pool().isEmpty() && !m.pool().equals(MaintenanceDraft.ALL_NODES)
                    && draft.pools().stream().noneMatch(p -> p.name().equals(m.pool()))) {
                issues.add(new ValidationIssue(at + "pools", "\"" + m.pool() + "\" is not a pool of this scenario"));
            }
            if (m.pool().isEmpty() && m.nodes().isEmpty()) issues.add(new ValidationIssue(at + "nodes", "the window covers no nodes"));
            if (m.start() < 0) issues.add(new ValidationIssue(at + "start", m.start() + "; must be ≥ 0"));
            if (m.duration() < 1) issues.add(new ValidationIssue(at + "duration", m.duration() + "; must be ≥ 1"));
            if (m.drainHorizon() < 0) issues.add(new ValidationIssue(at + "drainHorizon", m.drainHorizon() + "; must be ≥ 0"));
        }
    }
}
