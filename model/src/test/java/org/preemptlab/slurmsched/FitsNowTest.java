package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.account.AccountTree;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.partition.Partition;
import org.preemptlab.partition.PartitionState;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.site.SelectType;
import org.preemptlab.site.Site;

/**
 * The backfill cut's condition ({@link FitsNow}) and the cut itself, hand-worked. Nodes c0, c1 (group c) and c2 (group
 * d) of 4 CPUs and 8000 MB; g0, g1 (group g) of 4 CPUs, 8000 MB and 2 GPUs. Partitions: cpu (c, d; default), gpu (g),
 * down (c; DOWN). The room: c0 has 1 CPU free, c1 none, c2 is idle; g0 has 2 CPUs and 1 GPU free, g1 none.
 */
class FitsNowTest {

    private static final NodeCluster CLUSTER = cluster();

    private static NodeCluster cluster() {
        List<NodePool> groups = List.of(
                new NodePool("c", 2, 4, 8000, "", List.of(), 1000, 1, List.of(), List.of(), List.of()),
                new NodePool("d", 1, 4, 8000, "", List.of(), 1000, 1, List.of(), List.of(), List.of()),
                new NodePool("g", 2, 4, 8000, "", List.of(), 1000, 1, List.of(new Gres("gpu", "t", 2)), List.of(), List.of()));
        List<Partition> parts = List.of(
                Partition.of("cpu", List.of("c", "d")).toBuilder().isDefault(true).build(),
                Partition.of("gpu", List.of("g")),
                Partition.of("down", List.of("c")).toBuilder().state(PartitionState.DOWN).build());
        Site site = new Site(parts, SelectType.CONS_TRES, 0, AccountTree.builder().account("a", "root", 1).user("u", "a", 1).build(),
                QosTable.builder().add(Qos.of("normal", 0)).build(), null, false, null, null);
        return new NodeCluster(groups, site);
    }

    private static JobSpec job(int id, int nodes, int cpus, long mem, int gpus, boolean exclusive, long limit, String... parts) {
        SlurmRequest r = SlurmRequest.of("u", "a").toBuilder().partitions(List.of(parts))
                .gresPerNode(gpus == 0 ? List.of() : List.of(new Gres("gpu", "", gpus))).exclusive(exclusive).build();
        return new JobSpec(id, "j" + id, 0, nodes, cpus, mem, limit, limit, "normal", "a", List.of(), true, true, 0, 0, null, r);
    }

    private record View(JobSpec spec, int index, Placement placement, long estimatedEnd) implements JobView {
        @Override public JobState state() { return placement == null ? JobState.PENDING : JobState.RUNNING; }
        @Override public int tier() { return 0; }
        @Override public long segmentStart() { return 0; }
        @Override public long workDone() { return 0; }
        @Override public long savedWork() { return 0; }
        @Override public long restartCost() { return 0; }
        @Override public int timesPreempted() { return 0; }
        @Override public int timesCheckpointed() { return 0; }
    }

    /** The room above: c0 with 3 CPUs taken, c1 and g1 full, g0 with 2 CPUs and 1 GPU taken (running jobs, index 100 on). */
    private static List<View> running(TresCapacity free) {
        List<View> out = new ArrayList<>();
        Object[][] held = {{job(101, 1, 3, 1000, 0, false, 600, "cpu"), 0}, {job(102, 1, 4, 1000, 0, false, 300, "cpu"), 1},
                {job(103, 1, 2, 1000, 1, false, 900, "gpu"), 3}, {job(104, 1, 4, 1000, 2, false, 900, "gpu"), 4}};
        for (Object[] h : held) {
            JobSpec spec = (JobSpec) h[0];
            Placement p = free.take(free.placeOn(spec, new int[] {(Integer) h[1]}));
            out.add(new View(spec, 100 + out.size(), p, spec.estimate()));
        }
        return out;
    }

    private static boolean may(JobSpec spec) {
        TresCapacity free = new TresCapacity(CLUSTER).withSlurmSelection();
        running(free);
        return new FitsNow().mayStart(new View(spec, 0, null, 0), free);
    }

    @Test
    void aShapeThatDidNotFitIsNotScannedAgainInItsCycleButIsInTheNext() {
        TresCapacity free = new TresCapacity(CLUSTER).withSlurmSelection();
        List<View> held = running(free);
        FitsNow f = new FitsNow();
        f.newCycle();
        JobSpec twoWhole = job(1, 2, 4, 100, 0, false, 60, "cpu"); // only c2 is idle: does not fit
        assertThat(f.mayStart(new View(twoWhole, 0, null, 0), free)).isFalse();
        // a second job of the same shape is known not to fit in this cycle (the room only shrinks in a cycle): even with
        // the room grown behind the cycle's back, it is not looked at again — hence newCycle
        free.release(held.get(1).placement()); // c1 idle again
        assertThat(f.mayStart(new View(job(2, 2, 4, 100, 0, false, 60, "cpu"), 1, null, 0), free)).isFalse();
        assertThat(f.checks()).isEqualTo(2);
        // the next cycle looks again: c1 and c2 idle
        f.newCycle();
        assertThat(f.mayStart(new View(job(3, 2, 4, 100, 0, false, 60, "cpu"), 2, null, 0), free)).isTrue();
        // another shape is scanned on its own
        assertThat(f.mayStart(new View(job(4, 3, 4, 100, 0, false, 60, "cpu"), 3, null, 0), free)).isFalse();
    }

    @Test
    void aJobMayStartOnlyIfOneOfItsNeedsIsFreeOnItsNodeCountOfItsNodes() {
        assertThat(may(job(1, 1, 4, 8000, 0, false, 60, "cpu"))).as("c2 idle: a whole node's CPUs and memory").isTrue();
        assertThat(may(job(1, 1, 4, 8001, 0, false, 60, "cpu"))).as("more memory than a node has: no candidate").isFalse();
        assertThat(may(job(1, 2, 4, 100, 0, false, 60, "cpu"))).as("two nodes of 4 CPUs: only c2").isFalse();
        assertThat(may(job(1, 2, 1, 100, 0, false, 60, "cpu"))).as("two nodes of 1 CPU: c0 and c2, two node groups").isTrue();
        assertThat(may(job(1, 2, 2, 100, 0, false, 60, "cpu"))).as("two nodes of 2 CPUs: only c2").isFalse();
        assertThat(may(job(1, 1, 1, 100, 0, true, 60, "cpu"))).as("exclusive: an idle node, c2").isTrue();
        assertThat(may(job(1, 2, 1, 100, 0, true, 60, "cpu"))).as("exclusive on two nodes: one idle node only").isFalse();
        assertThat(may(job(1, 1, 2, 100, 1, false, 60, "gpu"))).as("g0: 2 CPUs and 1 GPU free").isTrue();
        assertThat(may(job(1, 1, 2, 100, 2, false, 60, "gpu"))).as("two GPUs: none free on one node").isFalse();
        assertThat(may(job(1, 1, 3, 100, 1, false, 60, "gpu"))).as("three CPUs with a GPU: g0 has 2").isFalse();
        assertThat(may(job(1, 1, 1, 100, 0, false, 60, "down"))).as("a DOWN partition: no candidate").isFalse();
        assertThat(may(job(1, 1, 1, 100, 0, false, 60, "down", "gpu"))).as("DOWN, then gpu: g0").isTrue();
        assertThat(may(job(1, 1, 4, 100, 0, false, 60, "gpu", "cpu"))).as("gpu full for 4 CPUs, then cpu: c2").isTrue();
    }

    private record Pending(long now, Cluster cluster, List<View> queue, List<View> running, Capacity freeCapacity) implements Snapshot {
        @Override public Collection<? extends JobView> suspended() { return List.of(); }
        @Override public PreemptionSettings preemptionSettings() { return null; }
        @Override public List<Reservation> reservations() { return List.of(); }
    }

    /** Priority: the higher the lower the job's id (j1 first). */
    private static final SlurmJobAttributes BY_ID = new SlurmJobAttributes() {
        @Override public long priority(JobSpec job) { return 1000 - job.id(); }
        @Override public String user(JobSpec job) { return REQUESTED.user(job); }
        @Override public String partition(JobSpec job) { return REQUESTED.partition(job); }
    };

    /** One call at 0 (a main pass, then a backfill cycle) with the room above and these jobs pending in partition cpu. */
    private static List<String> call(SlurmSchedulerPolicy policy, JobSpec... pending) {
        TresCapacity free = new TresCapacity(CLUSTER);
        List<View> running = running(free);
        List<View> queue = new ArrayList<>();
        for (JobSpec j : pending) queue.add(new View(j, queue.size(), null, 0));
        List<String> out = new ArrayList<>();
        for (Decision d : policy.schedule(new Pending(0, CLUSTER, queue, running, free))) {
            if (d instanceof Decision.Start st) out.add(st.job().name() + " " + java.util.Arrays.toString(st.placement().nodes()) + " " + st.reason().text());
        }
        return out;
    }

    private static SlurmSchedulerPolicy policy() {
        return new SlurmSchedulerPolicy(SlurmSchedulerConfig.defaults(), BY_ID).withWholeNodePlans();
    }

    /**
     * j1 (3 nodes of 1 CPU) blocks the main pass (its partition is every CPU node: the pass stops). The cycle: j1 gets a
     * plan (c1 frees at 300); j2 (1 CPU, 60 s) may start now and does, on c0 (or c2); then j3 (4 CPUs) and j4 (2 nodes of 4
     * CPUs) may not (c2 has 4 CPUs but j4 needs two such nodes; j3 fits on c2 unless j2 took it): tested without the cut,
     * not with it. Same starts.
     */
    @Test
    void theCycleStopsAfterTheLastJobThatMayStartAndMakesTheSameStarts() {
        JobSpec[] jobs = {job(1, 3, 1, 100, 0, false, 600, "cpu"), job(2, 1, 1, 100, 0, false, 60, "cpu"),
                job(3, 1, 4, 100, 0, false, 60, "cpu"), job(4, 2, 4, 100, 0, false, 60, "cpu")};
        SlurmSchedulerPolicy cut = policy(), every = policy().withoutCut();
        List<String> withCut = call(cut, jobs), without = call(every, jobs);
        assertThat(withCut).isEqualTo(without);
        assertThat(withCut).hasSize(2); // j2, and j3 on c2 (j2 takes c0's CPU: best fit on the busier node)
        assertThat(withCut.get(0)).startsWith("j2 [0]");
        assertThat(withCut.get(1)).startsWith("j3 [2]");
        // j3 is the last that may start: only j4 is cut
        assertThat(every.backfillTests()).isEqualTo(4);
        assertThat(cut.backfillTests()).isEqualTo(3);
        assertThat(cut.cutCycles()).isEqualTo(1);
    }

    @Test
    void aCycleWhereNoJobMayStartTestsNothing() {
        JobSpec[] jobs = {job(1, 3, 1, 100, 0, false, 600, "cpu"), job(2, 2, 4, 100, 0, false, 60, "cpu"),
                job(3, 1, 2, 100, 2, false, 60, "gpu")};
        SlurmSchedulerPolicy cut = policy(), every = policy().withoutCut();
        assertThat(call(cut, jobs)).isEqualTo(call(every, jobs)).isEmpty();
        assertThat(every.backfillTests()).isEqualTo(3);
        assertThat(cut.backfillTests()).isZero();
        assertThat(cut.cutCycles()).isEqualTo(1);
        assertThat(cut.backfillCycles()).isEqualTo(every.backfillCycles()).isEqualTo(1);
        // a policy that keeps its cycles' records tests every job (the record names them)
        SlurmSchedulerPolicy kept = policy().keepingCycles();
        assertThat(call(kept, jobs)).isEmpty();
        assertThat(kept.backfillTests()).isEqualTo(3);
        assertThat(kept.lastCycle().tested()).containsExactly("j1", "j2", "j3");
    }
}
