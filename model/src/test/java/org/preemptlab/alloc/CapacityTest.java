package org.preemptlab.alloc;

import org.preemptlab.job.Placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;

/** Both allocation models behind one abstraction. */
class CapacityTest {

    static JobSpec job(String qos, String group, int nodes, int cores, long mem) {
        return new JobSpec(1, "j", 0, nodes, cores, mem, 100, 100, qos, group, List.of(), true, true, 0, 0, null);
    }

    static final NodeCluster CLUSTER = new NodeCluster(List.of(
            new NodePool("private", 2, 8, 32768, "chem", List.of("preempt"), 1000),
            new NodePool("public", 2, 8, 32768, "", List.of(), 1000)));

    @Test
    void processorsAreCountedAndNumberedLowestFirst() {
        ProcessorCapacity live = ProcessorCapacity.tracking(8);
        Placement a = live.take(live.place(JobSpec.ofProcessors(1, 0, 3, 10, 10)));
        assertThat(a.nodes()).containsExactly(0, 1, 2);
        Placement b = live.take(live.place(JobSpec.ofProcessors(2, 0, 4, 10, 10)));
        assertThat(b.nodes()).containsExactly(3, 4, 5, 6);
        assertThat(live.place(JobSpec.ofProcessors(3, 0, 2, 10, 10))).isNull();
        live.release(a);
        assertThat(live.take(live.place(JobSpec.ofProcessors(3, 0, 2, 10, 10))).nodes()).containsExactly(0, 1);
        ProcessorCapacity scratch = live.copy();
        assertThat(scratch.free()).isEqualTo(2);
        assertThat(scratch.meet(ProcessorCapacity.counting(8, 1)).freeCores()).isEqualTo(1);
    }

    @Test
    void publicJobsTryPublicPoolsFirstAndBorrowOnlyWithTheRightQos() {
        NodeCapacity c = new NodeCapacity(CLUSTER);
        assertThat(c.place(job("preempt", "", 1, 8, 0)).pool()).isEqualTo(1);           // public first
        assertThat(c.place(job("normal", "", 3, 8, 0))).isNull();                         // may not borrow
        assertThat(c.place(job("preempt", "", 2, 8, 0)).pool()).isEqualTo(1);
        c.take(c.place(job("preempt", "", 2, 8, 0)));
        assertThat(c.place(job("preempt", "", 1, 8, 0)).pool()).isEqualTo(0);           // then borrows private
        assertThat(c.place(job("normal", "", 1, 8, 0))).isNull();
        assertThat(c.place(job("normal", "chem", 1, 8, 0)).pool()).isEqualTo(0);        // the owner's own pool
    }

    @Test
    void suspendedJobsKeepTheirMemory() {
        NodeCapacity c = new NodeCapacity(new NodeCluster(List.of(NodePool.simple("m", 1, 8, 65536))));
        Placement s = c.take(c.place(job("normal", "", 1, 4, 49152)));
        c.releaseCores(s); // suspended: cores back, memory held
        assertThat(c.place(job("normal", "", 1, 8, 8192))).isNotNull();
        assertThat(c.place(job("normal", "", 1, 8, 32768))).isNull();
        c.releaseMemory(s);
        assertThat(c.place(job("normal", "", 1, 8, 32768))).isNotNull();
    }

    @Test
    void overTakingIsABugThatNamesTheNode() {
        NodeCapacity c = new NodeCapacity(CLUSTER);
        Placement p = c.place(job("normal", "chem", 1, 8, 0));
        c.take(p);
        assertThatThrownBy(() -> c.take(p)).hasMessageContaining("private-1");
        Placement seized = c.seize(1);
        assertThat(seized.coresPerNode()).isEqualTo(8);
        assertThat(c.freeCoresOn(1)).isZero();
    }

    @Test
    void processorNumbersAreTheLowestFreeAcrossFragmentedRunsAndComeBackOnRelease() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        ProcessorCapacity live = ProcessorCapacity.tracking(500);
        java.util.BitSet model = new java.util.BitSet();
        model.set(0, 500);
        List<Placement> held = new java.util.ArrayList<>();
        for (int step = 0; step < 3_000; step++) {
            if (!held.isEmpty() && (random.nextBoolean() || live.free() < 60)) {
                Placement p = held.remove(random.nextInt(held.size()));
                live.release(p);
                for (int id : p.nodes()) model.set(id);
            } else {
                int n = 1 + random.nextInt(60);
                Placement p = live.take(Placement.ofCount(n));
                int[] expected = new int[n];
                int id = -1;
                for (int k = 0; k < n; k++) expected[k] = id = model.nextSetBit(id + 1);
                assertThat(p.nodes()).containsExactly(expected);
                for (int e : expected) model.clear(e);
                held.add(p);
            }
            assertThat(live.free()).isEqualTo(model.cardinality());
        }
    }
}
