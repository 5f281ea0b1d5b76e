package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.account.AccountTree;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.Constraint;
import org.preemptlab.job.Dependency;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.partition.Partition;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * Random Slurm (version-2) clusters and workloads, checked against an oracle recomputed from the
 * run's segments and the jobs' requests: no node is ever over its CPUs, memory or GRES; every job
 * runs only on nodes of its partitions that have its features; no QOS per-user job limit is ever
 * exceeded; no array runs more tasks than its throttle; dependencies are respected; every run ends.
 */
class SlurmRunProperties {

    record Case(NodeCluster cluster, List<JobSpec> jobs, long maxJobsPerUser) {}

    static Case generate(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> featureNames = List.of("a", "b", "c");
        List<NodePool> groups = new ArrayList<>();
        int groupCount = 1 + rnd.nextInt(3);
        for (int g = 0; g < groupCount; g++) {
            int threads = 1 + rnd.nextInt(2);
            int cpus = threads * (2 << rnd.nextInt(3));
            List<Gres> gres = rnd.nextInt(2) == 0 ? List.of() : List.of(new Gres("gpu", "t" + rnd.nextInt(2), 1 + rnd.nextInt(4)));
            List<String> features = new ArrayList<>();
            for (String f : featureNames) if (rnd.nextInt(2) == 0) features.add(f);
            groups.add(new NodePool("g" + g, 1 + rnd.nextInt(4), cpus, 1024L * (4 + rnd.nextInt(28)), "", List.of(), 1000,
                    threads, gres, features, List.of()));
        }
        List<Partition> partitions = new ArrayList<>();
        int partitionCount = 1 + rnd.nextInt(3);
        for (int p = 0; p < partitionCount; p++) {
            List<String> members = new ArrayList<>();
            for (NodePool g : groups) if (rnd.nextInt(2) == 0) members.add(g.name());
            if (members.isEmpty()) members.add(groups.get(rnd.nextInt(groups.size())).name());
            partitions.add(Partition.of("p" + p, members).toBuilder().isDefault(p == 0).priorityTier(1 + rnd.nextInt(2)).build());
        }
        long maxJobs = rnd.nextInt(3) == 0 ? LimitSet.UNSET : 1 + rnd.nextInt(3);
        QosTable qos = QosTable.builder().add(Qos.of("normal", 0).withLimits(LimitSet.NONE.withMaxJobsPerUser(maxJobs))).build();
        AccountTree.Builder tree = AccountTree.builder().account("acc", "root", 1);
        for (int u = 0; u < 3; u++) tree.user("u" + u, "acc", 1 + rnd.nextInt(3));
        Site site = new Site(partitions, rnd.nextInt(5) == 0 ? SelectType.LINEAR : SelectType.CONS_TRES, 0, tree.build(), qos,
                null, rnd.nextBoolean(), null, null);
        NodeCluster cluster = new NodeCluster(groups, site);

        List<JobSpec> jobs = new ArrayList<>();
        int count = 3 + rnd.nextInt(14);
        long submit = 0;
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            submit += rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(600);
            List<String> parts = new ArrayList<>();
            if (rnd.nextInt(3) > 0) for (Partition p : partitions) if (rnd.nextInt(2) == 0) parts.add(p.name());
            Constraint constraint = rnd.nextInt(3) == 0 ? Constraint.parse(featureNames.get(rnd.nextInt(3))
                    + (rnd.nextBoolean() ? "|" + featureNames.get(rnd.nextInt(3)) : "")) : Constraint.NONE;
            List<Dependency> deps = List.of();
            if (!names.isEmpty() && rnd.nextInt(4) == 0) {
                Dependency.Type type = rnd.nextBoolean() ? Dependency.Type.AFTER_OK : Dependency.Type.AFTER_ANY;
                deps = List.of(new Dependency(type, List.of(names.get(rnd.nextInt(names.size())))));
            }
            int tasks = rnd.nextInt(4) == 0 ? 2 + rnd.nextInt(4) : 1;
            int throttle = tasks > 1 && rnd.nextBoolean() ? 1 + rnd.nextInt(2) : 0;
            String name = "j" + j;
            SlurmRequest req = new SlurmRequest("u" + rnd.nextInt(3), "acc", parts, 0,
                    rnd.nextInt(3) == 0 ? List.of(new Gres("gpu", "", 1 + rnd.nextInt(2))) : List.of(), 0, "", constraint,
                    rnd.nextInt(8) == 0, false, 0, -1, "", -1, throttle, deps);
            long runtime = 60 + rnd.nextInt(3600);
            JobSpec spec = new JobSpec(0, name, submit, 1 + rnd.nextInt(2), 1 + rnd.nextInt(6), 256L * rnd.nextInt(16),
                    runtime + rnd.nextInt(600), runtime, "normal", "acc", List.of(), true, true, 0, 0, null, req);
            names.add(name);
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
        return new Case(cluster, numbered, maxJobs);
    }

    @Property(tries = 150, seed = "20261206")
    void noNodeOverItsResourcesNoJobOutsideItsPartitionsNoLimitOrThrottleExceededDependenciesHeld(@ForAll long seed) {
        Case c = generate(seed);
        SimulationResult r = new Simulation(SimulationConfig.of(c.cluster(), c.jobs(), new EasyBackfillPolicy(), true)).run();
        NodeCluster cluster = c.cluster();
        Site site = cluster.site();
        for (JobRun j : r.jobs()) assertThat(j.state().isTerminal()).as(j.name() + " ended").isTrue();

        // every job on nodes of one of its partitions, with its features
        List<Segment> running = r.timeline().segments().stream().filter(s -> s.kind() == SegmentKind.RUNNING && s.end() > s.start()).toList();
        for (Segment s : running) {
            JobSpec spec = r.job(s.job()).spec();
            List<String> parts = spec.slurm().partitions().isEmpty() ? List.of(site.defaultPartition().name()) : spec.slurm().partitions();
            for (int node : s.nodes()) {
                NodePool g = cluster.pools().get(cluster.poolOf(node));
                assertThat(parts.stream().anyMatch(p -> site.partition(p).groups().contains(g.name())))
                        .as(spec.name() + " on " + cluster.nodeName(node) + " of group " + g.name() + ", partitions " + parts).isTrue();
                assertThat(spec.slurm().constraint().matches(g.features())).as(spec.name() + " features on " + g.name()).isTrue();
            }
        }

        // resources per node at every instant a segment starts
        for (Segment at : running) {
            long t = at.start();
            Map<Integer, long[]> use = new HashMap<>();
            Map<String, Integer> perUser = new HashMap<>();
            Map<String, Integer> perArray = new HashMap<>();
            for (Segment s : running) {
                if (s.start() > t || s.end() <= t) continue;
                JobSpec spec = r.job(s.job()).spec();
                perUser.merge(spec.slurm().user(), 1, Integer::sum);
                if (spec.slurm().inArray()) perArray.merge(spec.slurm().arrayName(), 1, Integer::sum);
                for (int node : s.nodes()) {
                    NodePool g = cluster.pools().get(cluster.poolOf(node));
                    long[] u = use.computeIfAbsent(node, k -> new long[3]);
                    boolean whole = spec.slurm().exclusive() || site.select() == SelectType.LINEAR;
                    long cpus = ((long) spec.coresPerNode() + g.threadsPerCore() - 1) / g.threadsPerCore() * g.threadsPerCore();
                    u[0] += whole ? g.coresPerNode() : cpus;
                    u[1] += whole ? g.memoryPerNodeMb() : spec.memoryPerNodeMb();
                    long gpus = 0;
                    for (Gres want : spec.slurm().gresOnEachNode(spec.nodes())) gpus += want.count();
                    u[2] += whole ? g.gresCount(new Gres("gpu", "", 1)) : gpus;
                }
            }
            use.forEach((node, u) -> {
                NodePool g = cluster.pools().get(cluster.poolOf(node));
                assertThat(u[0]).as("CPUs on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.coresPerNode());
                assertThat(u[1]).as("memory on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.memoryPerNodeMb());
                assertThat(u[2]).as("GPUs on " + cluster.nodeName(node) + " at " + t).isLessThanOrEqualTo(g.gresCount(new Gres("gpu", "", 1)));
            });
            if (c.maxJobsPerUser() != LimitSet.UNSET) {
                perUser.forEach((u, n) -> assertThat((long) n).as("running jobs of " + u + " at " + t).isLessThanOrEqualTo(c.maxJobsPerUser()));
            }
            perArray.forEach((a, n) -> {
                int throttle = c.jobs().stream().filter(j -> a.equals(j.slurm().arrayName())).findFirst().orElseThrow().slurm().arrayThrottle();
                if (throttle > 0) assertThat(n).as("running tasks of array " + a + " at " + t).isLessThanOrEqualTo(throttle);
            });
        }

        // dependencies
        for (JobRun j : r.jobs()) {
            if (j.firstStart() < 0) continue;
            for (Dependency d : j.spec().slurm().dependencies()) {
                for (JobRun target : r.jobs()) {
                    String n = target.spec().slurm().inArray() ? target.spec().slurm().arrayName() : target.name();
                    if (!d.jobs().contains(n)) continue;
                    assertThat(j.firstStart()).as(j.name() + " " + d + " starts after " + target.name() + " ends").isGreaterThanOrEqualTo(target.end());
                    if (d.type() == Dependency.Type.AFTER_OK) assertThat(target.state()).isEqualTo(JobState.COMPLETED);
                }
            }
        }
    }
}
