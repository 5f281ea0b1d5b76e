package org.preemptlab.scenario;

import java.util.List;
import org.preemptlab.job.SlurmRequest;

/**
 * One job of the editor's job table. Times in seconds.
 *
 * @param qos   priority class / QOS, e.g. {@code normal}, {@code owner}, {@code preempt}
 * @param group owner group (account), or empty
 * @param pools pools the job may use; empty: any pool that admits it
 * @param checkpointInterval periodic checkpoint interval of useful work, s (0: none)
 * @param slurm what a job of a version-2 (Slurm) scenario asks beyond the counts (user, account, partitions,
 *              GRES, array task, dependencies…), or null (version 1); {@code group} is then its account and
 *              {@code coresPerNode} its CPUs per node
 */
public record JobDraft(String name, long submit, String qos, String group, int nodes, int coresPerNode,
        long estimate, long runtime, long memoryPerNodeMb, boolean rerunnable, boolean checkpointable,
        long imageMbPerNode, List<String> pools, long checkpointInterval, SlurmRequest slurm) {

    /** A version-1 job: no Slurm options. */
    public JobDraft(String name, long submit, String qos, String group, int nodes, int coresPerNode, long estimate,
            long runtime, long memoryPerNodeMb, boolean rerunnable, boolean checkpointable, long imageMbPerNode,
            List<String> pools, long checkpointInterval) {
        this(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable,
                checkpointable, imageMbPerNode, pools, checkpointInterval, null);
    }

    public JobDraft {
        name = name == null ? "" : name;
        qos = qos == null ? "" : qos;
        group = group == null ? "" : group;
        pools = pools == null ? List.of() : List.copyOf(pools);
    }

    public JobDraft(String name, long submit, String qos, String group, int nodes, int coresPerNode, long estimate,
            long runtime, long memoryPerNodeMb, boolean rerunnable, boolean checkpointable, long imageMbPerNode) {
        this(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable,
                checkpointable, imageMbPerNode, List.of(), 0);
    }

    public JobDraft withName(String v) {
        return with(p -> p.name = v);
    }

    public JobDraft withSubmit(long v) {
        return with(p -> p.submit = v);
    }

    public JobDraft withQos(String v) {
        return with(p -> p.qos = v);
    }

    public JobDraft withGroup(String v) {
        return with(p -> p.group = v);
    }

    public JobDraft withNodes(int v) {
        return with(p -> p.nodes = v);
    }

    public JobDraft withCoresPerNode(int v) {
        return with(p -> p.coresPerNode = v);
    }

    public JobDraft withEstimate(long v) {
        return with(p -> p.estimate = v);
    }

    public JobDraft withRuntime(long v) {
        return with(p -> p.runtime = v);
    }

    public JobDraft withMemoryPerNodeMb(long v) {
        return with(p -> p.memoryPerNodeMb = v);
    }

    public JobDraft withRerunnable(boolean v) {
        return with(p -> p.rerunnable = v);
    }

    public JobDraft withCheckpointable(boolean v) {
        return with(p -> p.checkpointable = v);
    }

    public JobDraft withImageMbPerNode(long v) {
        return with(p -> p.imageMbPerNode = v);
    }

    public JobDraft withPools(List<String> v) {
        return with(p -> p.pools = v);
    }

    public JobDraft withCheckpointInterval(long v) {
        return with(p -> p.checkpointInterval = v);
    }

    public JobDraft withSlurm(SlurmRequest v) {
        return with(p -> p.slurm = v);
    }

    public boolean isSlurm() {
        return slurm != null;
    }

    /** The JobDraft with some components changed: every {@code with…} goes through here, so none repeats the record's 15 components. */
    private JobDraft with(java.util.function.Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return p.draft();
    }

    /** A JobDraft's components, to change some and make the new one. */
    private static final class Parts {
        String name;
        long submit;
        String qos;
        String group;
        int nodes;
        int coresPerNode;
        long estimate;
        long runtime;
        long memoryPerNodeMb;
        boolean rerunnable;
        boolean checkpointable;
        long imageMbPerNode;
        List<String> pools;
        long checkpointInterval;
        SlurmRequest slurm;

        Parts(JobDraft d) {
            name = d.name;
            submit = d.submit;
            qos = d.qos;
            group = d.group;
            nodes = d.nodes;
            coresPerNode = d.coresPerNode;
            estimate = d.estimate;
            runtime = d.runtime;
            memoryPerNodeMb = d.memoryPerNodeMb;
            rerunnable = d.rerunnable;
            checkpointable = d.checkpointable;
            imageMbPerNode = d.imageMbPerNode;
            pools = d.pools;
            checkpointInterval = d.checkpointInterval;
            slurm = d.slurm;
        }

        JobDraft draft() {
            return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
        }
    }
}
