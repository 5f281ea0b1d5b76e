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
        return new JobDraft(v, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withSubmit(long v) {
        return new JobDraft(name, v, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withQos(String v) {
        return new JobDraft(name, submit, v, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withGroup(String v) {
        return new JobDraft(name, submit, qos, v, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withNodes(int v) {
        return new JobDraft(name, submit, qos, group, v, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withCoresPerNode(int v) {
        return new JobDraft(name, submit, qos, group, nodes, v, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withEstimate(long v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, v, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withRuntime(long v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, v, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withMemoryPerNodeMb(long v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, v, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withRerunnable(boolean v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, v, checkpointable, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withCheckpointable(boolean v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, v, imageMbPerNode, pools, checkpointInterval, slurm);
    }

    public JobDraft withImageMbPerNode(long v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, v, pools, checkpointInterval, slurm);
    }

    public JobDraft withPools(List<String> v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, v, checkpointInterval, slurm);
    }

    public JobDraft withCheckpointInterval(long v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, v, slurm);
    }

    public JobDraft withSlurm(SlurmRequest v) {
        return new JobDraft(name, submit, qos, group, nodes, coresPerNode, estimate, runtime, memoryPerNodeMb, rerunnable, checkpointable, imageMbPerNode, pools, checkpointInterval, v);
    }

    public boolean isSlurm() {
        return slurm != null;
    }
}
