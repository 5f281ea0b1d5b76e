package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.history.SacctRule;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.slurmconf.NodeDefinition;
import org.preemptlab.slurmconf.PartitionDefinition;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmTime;
import org.preemptlab.slurmsched.SlurmJobAttributes;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;

/**
 * Replays a sacct history on the nodes of a slurm.conf with Slurm's loop, on what the engine models
 * today (issue 11's partitions, multifactor priority, limits and GRES are not in the engine yet):
 * <ul>
 * <li>nodes: one pool per run of consecutive nodes alike (CPUs, RealMemory); CPUs as Slurm counts them;
 * <li>partitions: the pools their nodes fall in (a partition over every pool may use any); a job runs
 *     in one pool (Slurm may spread a job over nodes of several kinds);
 * <li>jobs: the rows sacct ran ({@link SacctRule#replayed()}), queued at max(Submit, Eligible), with
 *     NNodes nodes × ⌈NCPUS / NNodes⌉ cores and AllocTRES mem (else ReqMem) / NNodes MB each,
 *     estimate = Timelimit (UNLIMITED or Partition_Limit: the partition's MaxTime, else the run
 *     time), run time = min(Elapsed, estimate);
 * <li>priority: sacct's Priority column (the priority at submission), fixed: a stand-in until the
 *     engine recomputes multifactor priorities every PriorityCalcPeriod.
 * </ul>
 * Every simplification that touches the input is a warning of the result.
 */
public final class HistoryReplay {

    /** The outcome: the comparison with the real starts, warnings, and the policy's counters. */
    public record Result(StartComparison comparison, List<String> warnings, Map<String, Integer> rules, int replayed,
            SlurmSchedulerConfig scheduler, long backfillCycles, long wallMillis) {}

    private HistoryReplay() {}

    public static Result run(SlurmConf conf, SacctHistory history, long phaseSeconds, Long toleranceSeconds) {
        long wall = System.nanoTime();
        List<String> warnings = new ArrayList<>();
        SlurmSchedulerConfig sched = SlurmSchedulerConfig.of(conf.schedulerParameters()).withPhase(phaseSeconds);
        sched.unmodelled().forEach(u -> warnings.add("SchedulerParameters " + u));
        warnings.add("priority: sacct's Priority column (the priority at submission), fixed for the whole run; the engine does not "
                + "recompute multifactor priorities (age, fair-share) every PriorityCalcPeriod yet (issue 11)");
        if (!conf.schedulerType().equals("sched/backfill")) warnings.add("SchedulerType=" + conf.schedulerType() + " replayed as sched/backfill");

        // ---- nodes → pools
        List<NodePool> pools = new ArrayList<>();
        Map<String, String> poolOfNode = new HashMap<>();
        List<NodeDefinition> run = new ArrayList<>();
        for (NodeDefinition n : conf.nodes()) {
            if (!run.isEmpty() && (run.get(0).cpus() != n.cpus() || run.get(0).realMemoryMb() != n.realMemoryMb())) {
                addPool(pools, poolOfNode, run);
                run.clear();
            }
            run.add(n);
        }
        if (!run.isEmpty()) addPool(pools, poolOfNode, run);
        if (pools.isEmpty()) throw new IllegalArgumentException("slurm.conf: no NodeName lines; the replay needs the nodes");
        NodeCluster cluster = new NodeCluster(pools);
        if (conf.nodes().stream().anyMatch(n -> !n.gres().isEmpty())) {
            warnings.add("GRES (GPUs) are not in the engine yet: jobs' gres/gpu requests are not limits in the replay");
        }

        // ---- partitions → pool lists
        Map<String, List<String>> partPools = new HashMap<>();
        for (PartitionDefinition p : conf.partitions()) {
            Set<String> ps = new LinkedHashSet<>();
            for (String node : p.nodes()) if (poolOfNode.containsKey(node)) ps.add(poolOfNode.get(node));
            for (String pool : ps) {
                long inPart = p.nodes().stream().filter(x -> pool.equals(poolOfNode.get(x))).count();
                int size = pools.stream().filter(x -> x.name().equals(pool)).findFirst().orElseThrow().nodes();
                if (inPart < size) warnings.add("partition " + p.name() + " has " + inPart + " of the " + size + " nodes of " + pool
                        + ": replayed on all of them");
            }
            partPools.put(p.name(), ps.size() == pools.size() ? List.of() : List.copyOf(ps));
        }

        // ---- jobs
        ReplayJobs jobs = new ReplayJobs(history, cluster);
        int unknownPart = 0, noLimit = 0;
        for (SacctJob j : jobs.rows()) {
            int nodes = Math.max(1, j.nodes());
            int cores = Math.max(1, (j.cpus() + nodes - 1) / nodes);
            long memTotal = j.allocTres().getOrDefault("mem", j.reqMemMb() < 0 ? 0 : j.reqMemMb());
            long mem = (memTotal + nodes - 1) / nodes;
            List<String> jobPools = partPools.get(j.partition());
            if (jobPools == null) {
                unknownPart++;
                jobPools = List.of();
            }
            long estimate = j.timelimit();
            if (estimate == SacctJob.UNLIMITED || estimate == SacctJob.PARTITION_LIMIT || estimate < 0) {
                long max = conf.partition(j.partition()).map(PartitionDefinition::maxTimeSeconds).orElse(SlurmTime.UNLIMITED);
                estimate = max == SlurmTime.UNLIMITED ? Math.max(1, j.elapsed()) : max;
                noLimit++;
            }
            estimate = Math.max(1, estimate);
            long runtime = Math.min(j.elapsed(), estimate);
            jobs.add(new JobSpec(jobs.nextId(), j.id().text(), jobs.queued(j), nodes, cores, mem, estimate, runtime,
                    j.qos().isEmpty() ? JobSpec.DEFAULT_QOS : j.qos(), j.account(), jobPools, true, true, 0, 0, null), j);
        }
        if (jobs.unfit() > 0) warnings.add(jobs.unfit() + " jobs fit no single pool of the replayed nodes (a job runs within one pool): left out");
        if (unknownPart > 0) warnings.add(unknownPart + " jobs name a partition slurm.conf does not have: replayed on any node");
        if (noLimit > 0) warnings.add(noLimit + " jobs without a time limit (UNLIMITED, Partition_Limit): the partition's MaxTime, else their run time");
        historyWarnings(history, warnings);

        SlurmJobAttributes attrs = new SlurmJobAttributes() {
            @Override
            public long priority(JobSpec job) {
                return Math.max(0, jobs.row(job).priority());
            }

            @Override
            public String user(JobSpec job) {
                return jobs.row(job).user();
            }

            @Override
            public String partition(JobSpec job) {
                return jobs.row(job).partition();
            }
        };
        SlurmSchedulerPolicy policy = new SlurmSchedulerPolicy(sched, attrs);
        SimulationResult r = new Simulation(SimulationConfig.of(cluster, jobs.specs(), policy, false)).run();
        return jobs.result(r, sched, policy, history, toleranceSeconds, warnings, wall);
    }

    /** When the job entered the queue: Submit, or Eligible when later (held, begin time, dependency). */
    static long queuedAt(SacctJob j) {
        return j.eligible() > j.submit() ? j.eligible() : j.submit();
    }

    /** The warnings every replay gives about the history itself: rows not replayed (by rule), requeued jobs. */
    static void historyWarnings(SacctHistory history, List<String> warnings) {
        history.counts().forEach((rule, n) -> {
            if (n > 0 && !rule.replayed()) warnings.add(n + " rows " + rule.text());
        });
        if (history.count(SacctRule.REPLAYED_REQUEUED) > 0) {
            warnings.add(history.count(SacctRule.REPLAYED_REQUEUED) + " requeued jobs: only their last attempt is replayed");
        }
    }

    /** How many sacct rows each rule took, by rule name, in the rules' order (the report's {@code rules}). */
    static Map<String, Integer> ruleCounts(SacctHistory history) {
        Map<String, Integer> rules = new LinkedHashMap<>();
        history.counts().forEach((k, v) -> rules.put(k.name(), v));
        return rules;
    }

    private static void addPool(List<NodePool> pools, Map<String, String> poolOfNode, List<NodeDefinition> run) {
        String name = run.size() == 1 ? run.get(0).name() : run.get(0).name() + ".." + run.get(run.size() - 1).name();
        NodeDefinition first = run.get(0);
        pools.add(NodePool.simple(name, run.size(), first.cpus(), first.realMemoryMb()));
        for (NodeDefinition n : run) poolOfNode.put(n.name(), name);
    }
}
