package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.history.SyntheticHistory;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.sched.AvailabilityProfile;
import org.preemptlab.slurmconf.SiteMapping;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * Slurm's backfill plans a pending job on whole nodes: {@code _add_reservation} takes the planned node bitmap out of
 * the cycle's node-space map over [planned start, planned end), so a later job whose run would overlap that window may
 * not use any of those nodes' CPUs, even spare ones; a job that ends before the planned start may. Hand-worked on
 * c[1-2] (32 CPUs each) and g1: a running job fills c1 until t = 100; a 1-CPU job is planned on c2 over [20, 60).
 */
class WholeNodePlanTest {

    private static final NodeCluster CLUSTER = cluster();

    private static NodeCluster cluster() {
        try {
            Path dir = Files.createTempDirectory("whole-node-plan");
            Path conf = dir.resolve("slurm.conf");
            Files.writeString(conf, SyntheticHistory.slurmConf(2, 1));
            NodeCluster c = SiteMapping.cluster(SlurmSite.read(new SlurmSite.Files(conf, null, null, null)));
            Files.delete(conf);
            Files.delete(dir);
            return c;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JobSpec cpuJob(int id, int cores, long limit) {
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(List.of("cpu")).build();
        return new JobSpec(id, "j" + id, 0, 1, cores, 1000, limit, limit, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }

    /** c1 full until 100 (a 32-CPU job), c2 and g1 idle; and the 1-CPU placement on c2 a plan would take. */
    private static TresStepProfile profileWithC1Busy(Placement[] onC2) {
        TresCapacity free = ((TresCapacity) Capacity.of(CLUSTER)).withSlurmSelection();
        Placement full = free.take(free.place(cpuJob(90, 32, 100)));
        assertThat(full.nodes()).containsExactly(0);
        Placement small = free.place(cpuJob(91, 1, 40));
        assertThat(small.nodes()).containsExactly(1);
        onC2[0] = small;
        return TresStepProfile.ofReleases(0, free.copy(), new long[] {100}, new Placement[] {full});
    }

    @Test
    void aJobOverlappingTheWholeNodePlanWaitsForItsEndThoughTheNodeHasSpareCpus() {
        Placement[] small = new Placement[1];
        TresStepProfile p = profileWithC1Busy(small);
        p.bookWholeNodes(small[0].nodes(), 20, 60);
        AvailabilityProfile.Slot slot = p.earliestFit(cpuJob(1, 2, 30), 0, 30);
        assertThat(slot.start()).isEqualTo(60); // c2 is planned over [20, 60), c1 busy until 100
        assertThat(slot.placement().nodes()).containsExactly(1);
    }

    @Test
    void aJobEndingBeforeThePlannedStartUsesThePlannedNode() {
        Placement[] small = new Placement[1];
        TresStepProfile p = profileWithC1Busy(small);
        p.bookWholeNodes(small[0].nodes(), 20, 60);
        AvailabilityProfile.Slot slot = p.earliestFit(cpuJob(1, 2, 20), 0, 20);
        assertThat(slot.start()).isZero();
        assertThat(slot.placement().nodes()).containsExactly(1);
    }

    @Test
    void bookingOnlyThePlacementWouldHaveLeftTheSpareCpusToTheLaterJob() {
        Placement[] small = new Placement[1];
        TresStepProfile p = profileWithC1Busy(small);
        p.book(small[0], 20, 60);
        assertThat(p.earliestFit(cpuJob(1, 2, 30), 0, 30).start()).isZero();
    }

    @Test
    void theIdleBitsStayTheRecomputedOnes() {
        Placement[] small = new Placement[1];
        TresStepProfile p = profileWithC1Busy(small);
        p.bookWholeNodes(new int[] {1, 2}, 20, 60);
        assertThat(p.idleBitsAsRecomputed()).isTrue();
        // a whole-node job (all 32 CPUs) cannot use c2 over the plan either, and c1 frees at 100
        assertThat(p.earliestFit(cpuJob(2, 32, 50), 0, 50).start()).isEqualTo(60);
    }
}
