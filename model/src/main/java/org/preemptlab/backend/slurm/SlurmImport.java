package org.preemptlab.backend.slurm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.job.JobSpec;

/**
 * "What if, from now": turns a live cluster's {@code sinfo --json} and {@code squeue --json}
 * (openapi v0.0.38, Slurm 22.05) into pools and jobs of a scenario that starts at the moment of the
 * snapshot (simulated time 0 = {@code now}). Running and suspended jobs keep their elapsed time
 * and ask only for what their time limit still allows; pending jobs queue in Slurm's priority
 * order. Slurm does not know how long a job will really run, so each job's work is its remaining
 * limit times {@link Options#runtimeShare()}. Finished jobs are left out.
 *
 * <p>The output is plain model objects; writing a scenario file is the scenario writer's job.
 */
public final class SlurmImport {

    private SlurmImport() {}

    /**
     * @param runtimeShare        work = remaining time limit × this (0 &lt; share ≤ 1; 1: jobs use their whole limit)
     * @param noLimitSeconds      the estimate of jobs without a time limit
     * @param checkpointable      mark imported jobs checkpointable
     */
    public record Options(double runtimeShare, long noLimitSeconds, boolean checkpointable) {

        public Options {
            if (!(runtimeShare > 0 && runtimeShare <= 1)) {
                throw new IllegalArgumentException("The runtimeShare (" + runtimeShare + ") must be in (0, 1].");
            }
            if (noLimitSeconds < 1) throw new IllegalArgumentException("The noLimitSeconds (" + noLimitSeconds + ") must be ≥ 1.");
        }

        public static Options defaults() {
            return new Options(1.0, 86_400, false);
        }
    }

    /** A job of the snapshot. */
    public enum Status { RUNNING, SUSPENDED, PENDING }

    /**
     * One imported job.
     *
     * @param spec           the scenario job (submit 0 = now; estimate = what its limit still allows; id = its
     *                       place in the queue, 1…n, as a scenario file numbers its jobs)
     * @param elapsedSeconds run time so far (running or suspended jobs), s
     * @param nodes          its Slurm nodes now (running or suspended), else empty
     */
    public record ImportedJob(JobSpec spec, long slurmJobId, Status status, String partition, long elapsedSeconds,
            List<String> nodes, long priority, long submitEpoch, long startEpoch) {}

    /**
     * The snapshot.
     *
     * @param now     the instant that simulated time 0 stands for
     * @param jobs    in queue order: running, then suspended, then pending by priority and submit time
     */
    public record Snapshot(Instant now, SlurmCluster cluster, List<ImportedJob> jobs, List<String> warnings) {

        public List<JobSpec> jobSpecs() {
            return jobs.stream().map(ImportedJob::spec).toList();
        }
    }

    /** Queries the cluster now ({@code sinfo --json}, {@code squeue --json}). */
    public static Snapshot fromCluster(SlurmCommands slurm, Options options) {
        String sinfo = slurm.sinfoJson();
        String squeue = slurm.squeueJson();
        return fromJson(sinfo, squeue, Instant.now(), options);
    }

    /** The pools from {@code sinfo --json} alone. */
    public static SlurmCluster clusterFromSinfo(String sinfoJson) {
        List<SlurmNode> nodes = SlurmJson.parseNodes(sinfoJson);
        Map<String, SlurmCluster.NodeDef> defs = new LinkedHashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (SlurmNode n : nodes) {
            defs.put(n.name(), new SlurmCluster.NodeDef(n.name(), n.cpus(), n.realMemoryMb()));
            for (String p : n.partitions()) members.computeIfAbsent(p, k -> new ArrayList<>()).add(n.name());
            String state = n.state().toLowerCase(java.util.Locale.ROOT);
            if (state.startsWith("down") || state.startsWith("drain") || state.startsWith("fail")) {
                warnings.add("node " + n.name() + " is " + n.state() + " now; imported as available");
            }
        }
        List<SlurmCluster.PartitionDef> partitions = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, List<String>> e : members.entrySet()) {
            partitions.add(new SlurmCluster.PartitionDef(e.getKey(), e.getValue(), first, 1));
            first = false;
        }
        if (partitions.size() > 1) {
            warnings.add("sinfo --json does not tell the default partition nor PriorityTier: took " + partitions.get(0).name()
                    + " as default and tier 1 for all (read slurm.conf for the tiers)");
        }
        return SlurmCluster.build(defs, partitions, warnings);
    }

    public static Snapshot fromJson(String sinfoJson, String squeueJson, Instant now, Options options) {
        SlurmCluster cluster = clusterFromSinfo(sinfoJson);
        List<SlurmJob> queue = SlurmJson.parseQueue(squeueJson);
        List<String> warnings = new ArrayList<>(cluster.warnings());
        long nowEpoch = now.getEpochSecond();
        List<SlurmJob> running = new ArrayList<>(), suspended = new ArrayList<>(), pending = new ArrayList<>();
        for (SlurmJob j : queue) {
            if (j.isRunning() || "COMPLETING".equals(j.state())) running.add(j);
            else if (j.isSuspended()) suspended.add(j);
            else if (j.isPending()) pending.add(j);
        }
        running.sort(Comparator.comparingLong(SlurmJob::startTime).thenComparingLong(SlurmJob::id));
        suspended.sort(Comparator.comparingLong(SlurmJob::startTime).thenComparingLong(SlurmJob::id));
        pending.sort(Comparator.comparingLong((SlurmJob j) -> -j.priority()).thenComparingLong(SlurmJob::submitTime)
                .thenComparingLong(SlurmJob::id));
        List<ImportedJob> jobs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SlurmJob j : running) jobs.add(toJob(j, jobs.size() + 1, Status.RUNNING, cluster, nowEpoch, options, names, warnings));
        for (SlurmJob j : suspended) jobs.add(toJob(j, jobs.size() + 1, Status.SUSPENDED, cluster, nowEpoch, options, names, warnings));
        for (SlurmJob j : pending) jobs.add(toJob(j, jobs.size() + 1, Status.PENDING, cluster, nowEpoch, options, names, warnings));
        return new Snapshot(now, cluster, jobs, warnings);
    }

    private static ImportedJob toJob(SlurmJob j, int id, Status status, SlurmCluster cluster, long now, Options options, Set<String> names,
            List<String> warnings) {
        long elapsed = 0;
        if (status == Status.RUNNING) elapsed = Math.max(0, now - j.startTime() - suspendedSeconds(j, now));
        if (status == Status.SUSPENDED) elapsed = Math.max(0, j.preSuspendSeconds());
        long limit = j.timeLimitMinutes() < 0 ? options.noLimitSeconds() : j.timeLimitMinutes() * 60;
        long estimate = Math.max(1, limit - elapsed);
        long runtime = Math.max(1, Math.round(estimate * options.runtimeShare()));
        int nodes = Math.max(1, j.nodeCount());
        int coresPerNode = Math.max(1, (j.cpus() + nodes - 1) / nodes);
        SlurmCluster.Partition partition = cluster.partition(j.partition());
        List<String> pools = partition == null ? List.of() : partition.pools();
        if (partition == null) warnings.add("job " + j.id() + " is in partition " + j.partition() + ", which sinfo does not show: any pool");
        String base = j.name().isBlank() ? "job" : j.name().replaceAll("[\\s,]", "_");
        String name = base + "#" + j.id();
        if (!names.add(name)) name = name + "_" + names.size();
        String qos = j.qos().isBlank() ? JobSpec.DEFAULT_QOS : j.qos();
        JobSpec spec = new JobSpec(id, name, 0, nodes, coresPerNode, 0, estimate, runtime, qos, j.account(), pools,
                j.requeue(), options.checkpointable(), 0, 0, null);
        return new ImportedJob(spec, j.id(), status, j.partition(), elapsed, j.nodes(), j.priority(), j.submitTime(), j.startTime());
    }

    /** Time a running job spent suspended before (Slurm counts it out of the limit). */
    private static long suspendedSeconds(SlurmJob j, long now) {
        if (j.suspendTime() <= 0 || j.preSuspendSeconds() <= 0) return 0;
        // resumed after a suspension: run time = pre_sus_time + (now − suspend_time as the resume instant is unknown)
        long sinceStart = now - j.startTime();
        long runSinceResume = now - j.suspendTime();
        return Math.max(0, sinceStart - j.preSuspendSeconds() - runSinceResume);
    }
}
