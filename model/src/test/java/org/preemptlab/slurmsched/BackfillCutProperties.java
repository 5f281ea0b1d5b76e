package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Constraint;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.partition.OverSubscribe;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sim.FailureModel;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;
import org.preemptlab.tres.Tres;

/**
 * The backfill cut ({@link FitsNow}: the loop stops after the last job that may start now, and a cycle in which none may
 * makes no profile) changes no decision: the same event log (starts with their nodes and reasons, which count the
 * cycle's planned starts, ends, kills) as the loop that tests every job ({@link SlurmSchedulerPolicy#withoutCut()}), on
 * random Slurm clusters (node groups with and without GPUs of two types, features, threads; overlapping partitions, some
 * exclusive, some down) and busy workloads (multi-node, GPU, exclusive and multi-partition jobs, constraints, arrays with
 * throttles, priorities, QOS limits per user, per job and per group), under random backfill settings (bf_max_job_test,
 * _user, _part, _start, bf_window, bf_resolution, bf_min_prio_reserve, bf_max_job_array_resv), both kinds of plans, and
 * in some cases maintenance windows (the general profile's path) and node failures.
 */
class BackfillCutProperties {

    record Case(NodeCluster cluster, List<JobSpec> jobs, SlurmSchedulerConfig config, boolean wholeNodes, boolean prioritized,
            List<MaintenanceWindow> windows, FailureModel failures) {}

    static Case generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> featureNames = List.of("a", "b");
        List<NodePool> groups = new ArrayList<>();
        int groupCount = 1 + rnd.nextInt(4);
        for (int g = 0; g < groupCount; g++) {
            int threads = rnd.nextInt(4) == 0 ? 2 : 1;
            int cpus = threads * (2 << rnd.nextInt(3));
            List<Gres> gres = rnd.nextInt(2) == 0 ? List.of() : List.of(new Gres("gpu", "t" + rnd.nextInt(2), 1 + rnd.nextInt(4)));
            List<String> features = new ArrayList<>();
            for (String f : featureNames) if (rnd.nextInt(2) == 0) features.add(f);
            groups.add(new NodePool("g" + g, 1 + rnd.nextInt(5), cpus, 1024L * (4 + rnd.nextInt(28)), "", List.of(), 1000,
                    threads, gres, features, List.of()));
        }
        List<Partition> partitions = new ArrayList<>();
        int partitionCount = 1 + rnd.nextInt(4);
        for (int p = 0; p < partitionCount; p++) {
            List<String> members = new ArrayList<>();
            for (NodePool g : groups) if (rnd.nextInt(2) == 0) members.add(g.name());
            if (members.isEmpty()) members.add(groups.get(rnd.nextInt(groups.size())).name());
            Partition.Builder b = Partition.of("p" + p, members).toBuilder().isDefault(p == 0).priorityTier(1 + rnd.nextInt(2));
            if (rnd.nextInt(5) == 0) b.overSubscribe(OverSubscribe.EXCLUSIVE);
            if (p > 0 && rnd.nextInt(8) == 0) b.state(PartitionState.DOWN);
            partitions.add(b.build());
        }
        QosTable qos = QosTable.builder()
                .add(Qos.of("normal", 0))
                .add(Qos.of("peruser", 0).withLimits(LimitSet.NONE.withMaxJobsPerUser(1 + rnd.nextInt(3))))
                .add(Qos.of("group", 0).withLimits(LimitSet.NONE.withGrpJobs(1 + rnd.nextInt(4))))
                .add(Qos.of("capped", 0).withLimits(LimitSet.NONE.withMaxTresPerJob(Tres.of("cpu", 16))))
                .build();
        AccountTree.Builder tree = AccountTree.builder().account("acc", "root", 1);
        for (int u = 0; u < 4; u++) tree.user("u" + u, "acc", 1);
        Site site = new Site(partitions, rnd.nextInt(6) == 0 ? SelectType.LINEAR : SelectType.CONS_TRES, 0, tree.build(), qos,
                null, false, null, null);
        NodeCluster cluster = new NodeCluster(groups, site);

        List<String> qosNames = List.of("normal", "normal", "peruser", "group", "capped");
        TresCapacity empty = new TresCapacity(cluster);
        List<JobSpec> jobs = new ArrayList<>();
        int count = 10 + rnd.nextInt(60);
        long submit = 0;
        for (int j = 0; j < count; j++) {
            submit += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 30 : 400);
            List<String> parts = new ArrayList<>();
            if (rnd.nextInt(4) > 0) for (Partition p : partitions) if (rnd.nextInt(2) == 0) parts.add(p.name());
            Constraint constraint = rnd.nextInt(5) == 0 ? Constraint.parse(featureNames.get(rnd.nextInt(2))) : Constraint.NONE;
            int tasks = rnd.nextInt(6) == 0 ? 2 + rnd.nextInt(5) : 1;
            int throttle = tasks > 1 && rnd.nextBoolean() ? 1 + rnd.nextInt(2) : 0;
            List<Gres> gres = rnd.nextInt(3) == 0
                    ? List.of(new Gres("gpu", rnd.nextInt(3) == 0 ? "t" + rnd.nextInt(2) : "", 1 + rnd.nextInt(2))) : List.of();
            String name = "j" + j;
            SlurmRequest req = new SlurmRequest("u" + rnd.nextInt(4), "acc", parts, 0, gres, 0, "", constraint,
                    rnd.nextInt(8) == 0, rnd.nextInt(12) == 0, 0, -1, "", -1, throttle, List.of());
            long runtime = 30 + rnd.nextInt(rnd.nextBoolean() ? 600 : 5000);
            int nodes = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(4) : 1;
            int cores = rnd.nextInt(5) == 0 ? 8 : 1 + rnd.nextInt(6);
            String q = qosNames.get(rnd.nextInt(qosNames.size()));
            if (q.equals("capped") && 2L * nodes * cores > 16) q = "normal"; // within its cap (threads of 2 round up)
            JobSpec spec = new JobSpec(0, name, submit, nodes, cores, 256L * rnd.nextInt(40),
                    runtime + rnd.nextInt(900), runtime, q, "acc", List.of(), true, true, 0, 0, null, req);
            // only jobs that can run somewhere (an unrunnable job pending for ever keeps a run with windows going)
            boolean runnable = false;
            for (TresCapacity.Candidate cand : empty.candidates(spec)) runnable |= cand.endNode() - cand.firstNode() >= nodes;
            if (!runnable) continue;
            if (tasks == 1) {
                jobs.add(spec);
            } else {
                for (int t = 0; t < tasks; t++) {
                    jobs.add(spec.toBuilder().name(name + "_" + t).slurm(req.toBuilder().arrayName(name).arrayTask(t).build()).build());
                }
            }
        }
        List<JobSpec> numbered = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) numbered.add(jobs.get(i).toBuilder().id(i + 1).build());

        long test = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(4) : 5 + rnd.nextInt(500);
        SlurmSchedulerConfig config = new SlurmSchedulerConfig(60, 1 + rnd.nextInt(10), 30, 60L * (5 + rnd.nextInt(1440)),
                1 + rnd.nextInt(120), test, rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0, rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0,
                rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0, rnd.nextInt(4) == 0 ? rnd.nextInt(600) : 0, false, rnd.nextInt(30),
                rnd.nextInt(4), List.of(), rnd.nextInt(3) == 0 ? rnd.nextInt(3) : 20, 0, null);
        config = config.withPhase(config.phaseSeconds()); // backfill at the main passes' phase
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (rnd.nextInt(5) == 0) {
            int n = cluster.nodeCount();
            int[] down = new int[1 + rnd.nextInt(n)];
            int first = rnd.nextInt(n - down.length + 1);
            for (int k = 0; k < down.length; k++) down[k] = first + k;
            MaintenanceStrategy strategy = rnd.nextBoolean() ? MaintenanceStrategy.DRAIN : MaintenanceStrategy.KILL;
            windows.add(new MaintenanceWindow("w", rnd.nextInt((int) Math.max(1, submit)), 300 + rnd.nextInt(3000), down, strategy, 60));
        }
        FailureModel failures = rnd.nextInt(5) == 0 ? new FailureModel(20_000, 600 + rnd.nextInt(3000), seed) : null;
        return new Case(cluster, numbered, config, rnd.nextBoolean(), rnd.nextBoolean(), windows, failures);
    }

    /** Priorities spread over the jobs (the queue out of submit order), or every job 0 (queue order). */
    private static SlurmJobAttributes attributes(boolean prioritized) {
        return new SlurmJobAttributes() {
            @Override
            public long priority(JobSpec job) {
                return prioritized ? Math.floorMod(job.id() * 2654435761L, 1000) : 0;
            }

            @Override
            public String user(JobSpec job) {
                return REQUESTED.user(job);
            }

            @Override
            public String partition(JobSpec job) {
                return REQUESTED.partition(job);
            }
        };
    }

    static SlurmSchedulerPolicy policy(Case c) {
        SlurmSchedulerPolicy p = new SlurmSchedulerPolicy(c.config(), attributes(c.prioritized()));
        return c.wholeNodes() ? p.withWholeNodePlans().withEpoch(1_700_000_015L) : p;
    }

    static SimulationResult run(Case c, SlurmSchedulerPolicy p) {
        SimulationConfig cfg = SimulationConfig.of(c.cluster(), c.jobs(), p, true);
        if (!c.windows().isEmpty()) cfg = cfg.withMaintenance(c.windows());
        if (c.failures() != null) cfg = cfg.withFailures(c.failures());
        return new Simulation(cfg).run();
    }

    /** The run's event log as text: instant, kind, job, nodes and reason (a backfill start's counts the planned starts). */
    static List<String> log(SimulationResult r) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason().text());
        }
        return out;
    }

    @Property(tries = 400, seed = "20261207")
    void theCutMakesTheDecisionsOfTheLoopThatTestsEveryJob(@ForAll long seed) {
        Case c = generate(seed);
        SlurmSchedulerPolicy cut = policy(c);
        SlurmSchedulerPolicy every = policy(c).withoutCut();
        List<String> withCut = log(run(c, cut));
        List<String> without = log(run(c, every));
        assertThat(withCut).as("seed %d", seed).containsExactlyElementsOf(without);
        assertThat(cut.backfillCycles()).isEqualTo(every.backfillCycles());
        assertThat(cut.backfillTests()).isLessThanOrEqualTo(every.backfillTests());
        assertThat(every.cutCycles()).isZero();
    }

    /**
     * The cut happens on these cases (tests avoided, cycles without a profile), and the property above can fail: a
     * condition one node too tight (a job that fits now on exactly its nodes is cut) changes decisions on some case.
     */
    @Test
    void theCutAvoidsTestsAndATooTightConditionChangesDecisions() {
        long avoided = 0, cutCycles = 0, differing = 0;
        for (long seed = 1; seed <= 60; seed++) {
            Case c = generate(seed);
            SlurmSchedulerPolicy cut = policy(c);
            SlurmSchedulerPolicy every = policy(c).withoutCut();
            List<String> reference = log(run(c, every));
            run(c, cut);
            avoided += every.backfillTests() - cut.backfillTests();
            cutCycles += cut.cutCycles();
            if (!log(run(c, policy(c).withTooTightCut(1))).equals(reference)) differing++;
        }
        assertThat(avoided).as("tests avoided").isGreaterThan(100);
        assertThat(cutCycles).as("cycles cut").isGreaterThan(50);
        assertThat(differing).as("cases where a too tight condition changes the log").isPositive();
    }
}
