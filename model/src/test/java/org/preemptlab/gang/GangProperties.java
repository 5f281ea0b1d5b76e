package org.preemptlab.gang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * Whatever the workload, a gang-scheduled run keeps Slurm's promises on every node at every instant:
 * at most N jobs' worth of cores allocated (OverSubscribe=FORCE:N), active jobs never over the
 * physical cores, and the memory of every job on the node — running or suspended — counted.
 * Every job ends having done exactly its work, and two runs of the same input are identical.
 */
class GangProperties {

    @Property(tries = 60)
    void sharingNeverOverloadsANode(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 3) int share, @ForAll @IntRange(min = 1, max = 3) int schedulerPick,
            @ForAll @LongRange(min = 5, max = 120) long slice) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("shared", 3, 8, 32_768),
                NodePool.simple("plain", 2, 8, 32_768)));
        GangSettings gang = new GangSettings(Map.of("shared", OverSubscribe.force(share)), slice);
        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        int n = 5 + rnd.nextInt(20);
        for (int i = 0; i < n; i++) {
            submit += rnd.nextInt(60);
            int nodes = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 3 : 1);
            int cores = 1 + rnd.nextInt(8);
            long mem = rnd.nextInt(3) == 0 ? 0 : 1024L * (1 + rnd.nextInt(20));
            long runtime = 1 + rnd.nextInt(600);
            long estimate = runtime + rnd.nextInt(600);
            List<String> pools = rnd.nextInt(4) == 0 ? List.of() : List.of("shared");
            jobs.add(new JobSpec(i + 1, "j" + (i + 1), submit, nodes, cores, mem, estimate, runtime, JobSpec.DEFAULT_QOS,
                    "", pools, true, true, 0, 0, null));
        }
        SchedulerKind kind = switch (schedulerPick) {
            case 1 -> SchedulerKind.EASY;
            case 2 -> SchedulerKind.FCFS;
            default -> SchedulerKind.CONSERVATIVE;
        };
        SimulationResult r = run(cluster, jobs, kind, gang);

        for (JobRun j : r.jobs()) {
            assertThat(j.state()).as(j.spec().name()).isEqualTo(JobState.COMPLETED);
            long worked = r.timeline().segments().stream()
                    .filter(s -> s.job() == j.index() && s.kind() == SegmentKind.RUNNING)
                    .mapToLong(s -> s.end() - s.start()).sum();
            assertThat(worked).as("work of %s", j.spec().name()).isEqualTo(j.spec().runtime());
        }
        TreeSet<Long> instants = new TreeSet<>();
        for (Segment s : r.timeline().segments()) if (s.end() > s.start()) instants.add(s.start());
        for (long t : instants) {
            int[] active = new int[cluster.nodeCount()];
            int[] allocated = new int[cluster.nodeCount()];
            long[] memory = new long[cluster.nodeCount()];
            for (Segment s : r.timeline().segments()) {
                if (!(s.start() <= t && t < s.end()) || s.kind() == SegmentKind.WAITING) continue;
                JobSpec spec = r.job(s.job()).spec();
                for (int node : s.nodes()) {
                    allocated[node] += spec.coresPerNode();
                    memory[node] += spec.memoryPerNodeMb();
                    if (s.kind() != SegmentKind.SUSPENDED) active[node] += spec.coresPerNode();
                }
            }
            for (int node = 0; node < cluster.nodeCount(); node++) {
                boolean sharing = cluster.poolOf(node) == 0;
                assertThat(active[node]).as("active cores on node %d at %d", node, t).isLessThanOrEqualTo(8);
                assertThat(allocated[node]).as("allocated cores on node %d at %d", node, t)
                        .isLessThanOrEqualTo(sharing ? 8 * share : 8);
                assertThat(memory[node]).as("memory (running and suspended) on node %d at %d", node, t)
                        .isLessThanOrEqualTo(32_768);
            }
        }
        assertThat(run(cluster, jobs, kind, gang).timeline().hash()).as("same input, same log").isEqualTo(r.timeline().hash());
    }

    /**
     * Gang slicing and QOS preemption by suspend in one run (chain [suspend, requeue], tiers high over
     * normal), under EASY and FCFS: the preemptor may pick a job the timeslicer has suspended (even in
     * the same pass) without the engine refusing it, every job ends, no node runs more than its
     * cores at once, and the memory of every job on it, running or suspended, fits.
     */
    @Property(tries = 25)
    void slicingAndSuspendPreemptionTogether(@ForAll @LongRange(min = 0, max = 1_000_000) long seed,
            @ForAll @IntRange(min = 2, max = 3) int share, @ForAll boolean fcfs) {
        SplittableRandom rnd = new SplittableRandom(seed);
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("shared", 2, 4, 16_384)));
        GangSettings gang = new GangSettings(Map.of("shared", OverSubscribe.force(share)), 30);
        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        int n = 4 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            submit += rnd.nextInt(3) == 0 ? rnd.nextInt(120) : 0; // bursts: several starts and preemptions in one pass
            int nodes = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 2 : 1);
            int cores = rnd.nextBoolean() ? 4 : 1 + rnd.nextInt(4);
            long mem = rnd.nextInt(3) == 0 ? 0 : 1024L * (1 + rnd.nextInt(6));
            long runtime = 1 + rnd.nextInt(300);
            String qos = rnd.nextBoolean() ? "high" : JobSpec.DEFAULT_QOS;
            jobs.add(new JobSpec(i + 1, "j" + (i + 1), submit, nodes, cores, mem, runtime + rnd.nextInt(300), runtime,
                    qos, "", List.of(), true, true, 0, 0, null));
        }
        PreemptionRules rules = new PreemptionRules(false, true, Map.of("high", 1, JobSpec.DEFAULT_QOS, 0), null, 0,
                Map.of(), List.of(org.preemptlab.mechanism.PreemptMechanism.SUSPEND,
                        org.preemptlab.mechanism.PreemptMechanism.REQUEUE));
        SchedulerKind kind = fcfs ? SchedulerKind.FCFS : SchedulerKind.EASY;
        SimulationConfig config = SimulationConfig.of(cluster, jobs,
                PolicyFactory.create(kind, 0.2, 1800, 430, false, rules), true).withGang(gang);
        SimulationResult r = new Simulation(config).run();

        for (JobRun j : r.jobs()) assertThat(j.state()).as(j.spec().name()).isEqualTo(JobState.COMPLETED);
        TreeSet<Long> instants = new TreeSet<>();
        for (Segment s : r.timeline().segments()) if (s.end() > s.start()) instants.add(s.start());
        for (long t : instants) {
            int[] active = new int[cluster.nodeCount()];
            long[] memory = new long[cluster.nodeCount()];
            for (Segment s : r.timeline().segments()) {
                if (!(s.start() <= t && t < s.end()) || s.kind() == SegmentKind.WAITING || s.kind() == SegmentKind.LOST) continue;
                JobSpec spec = r.job(s.job()).spec();
                for (int node : s.nodes()) {
                    memory[node] += spec.memoryPerNodeMb();
                    if (s.kind() != SegmentKind.SUSPENDED) active[node] += spec.coresPerNode();
                }
            }
            for (int node = 0; node < cluster.nodeCount(); node++) {
                assertThat(active[node]).as("active cores on node %d at %d", node, t).isLessThanOrEqualTo(4);
                assertThat(memory[node]).as("memory (running and suspended) on node %d at %d", node, t)
                        .isLessThanOrEqualTo(16_384);
            }
        }
        assertThat(new Simulation(config).run().timeline().hash()).as("same input, same log").isEqualTo(r.timeline().hash());
    }

    static SimulationResult run(NodeCluster cluster, List<JobSpec> jobs, SchedulerKind kind, GangSettings gang) {
        SimulationConfig config = SimulationConfig.of(cluster, jobs,
                PolicyFactory.create(kind, 0.2, 1800, 430, false, PreemptionRules.NONE), true).withGang(gang);
        return new Simulation(config).run();
    }
}
