package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.gang.GangSettings;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.job.JobSpec;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/** The gang matrix reads who runs and who waits on each shared node, slice by slice. */
public class GangMatrixViewModelTest {

    /**
     * Two 4-core nodes, FORCE:2, 30 s slices: A (100 s) starts on p-1, B (50 s, at 10) goes to the idle
     * p-2 (unshared cores first), C (40 s, at 20) shares p-1 with A: C's turn at 30, A's at 60, C's at
     * 90; C ends at 100 and A runs on alone.
     */
    public static RunRecord twoJobsSharing(GangSettings gang) {
        NodeCluster cluster = new NodeCluster(List.of(NodePool.simple("p", 2, 4, 0)));
        List<JobSpec> jobs = List.of(job(1, "A", 0, 100), job(2, "B", 10, 50), job(3, "C", 20, 40));
        SimulationConfig config = SimulationConfig.of(cluster, jobs,
                PolicyFactory.create(SchedulerKind.EASY, 0.2, 1800, 430, false, PreemptionRules.NONE), true).withGang(gang);
        return RunRecord.of("gang", new Simulation(config).run());
    }

    static JobSpec job(int id, String name, long submit, long runtime) {
        return new JobSpec(id, name, submit, 1, 4, 0, runtime * 2, runtime, JobSpec.DEFAULT_QOS, "", List.of(), true,
                true, 0, 0, null);
    }

    public static final GangSettings FORCE_2 = new GangSettings(Map.of("p", OverSubscribe.force(2)), 30);

    @Test
    void eachSliceSaysWhoRunsAndWhoWaits() {
        GangMatrixViewModel vm = new GangMatrixViewModel(twoJobsSharing(FORCE_2));
        assertThat(vm.isEmpty()).isFalse();
        assertThat(vm.sliceStarts()).containsExactly(20L, 30L, 60L, 90L, 100L);
        assertThat(vm.rows()).singleElement().satisfies(row -> {
            assertThat(row.node()).isEqualTo("p-1");
            assertThat(row.cells()).containsExactly("A (C)", "C (A)", "A (C)", "C (A)", "A");
        });
        assertThat(vm.caption()).startsWith("1 shared node, 5 slices");
    }

    @Test
    void aRunWithoutSharingHasNoMatrix() {
        GangMatrixViewModel vm = new GangMatrixViewModel(twoJobsSharing(GangSettings.NONE));
        assertThat(vm.isEmpty()).isTrue();
        assertThat(vm.headers()).isEmpty();
        assertThat(vm.caption()).contains("No node was shared");
    }
}
