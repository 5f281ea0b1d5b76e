package org.preemptlab.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;

class LoadScalingTest {

    static final List<JobSpec> JOBS = List.of(
            JobSpec.ofProcessors(1, 100, 4, 600, 300),
            JobSpec.ofProcessors(2, 200, 8, 1200, 1200),
            JobSpec.ofProcessors(3, 500, 1, 60, 10));

    @Test
    void arrivalsDivideTheGaps() {
        List<JobSpec> out = LoadScaling.arrivals(JOBS, 2);
        assertThat(out).extracting(JobSpec::submit).containsExactly(100L, 150L, 300L);
        assertThat(out).extracting(JobSpec::runtime).containsExactly(300L, 1200L, 10L);
    }

    @Test
    void runtimesAndEstimatesScaleAlike() {
        List<JobSpec> out = LoadScaling.runtimes(JOBS, 1.5);
        assertThat(out).extracting(JobSpec::runtime).containsExactly(450L, 1800L, 15L);
        assertThat(out).extracting(JobSpec::estimate).containsExactly(900L, 1800L, 90L);
    }

    @Test
    void sizesAreRoundedToTheMachine() {
        assertThat(LoadScaling.sizes(JOBS, 3, 16)).extracting(JobSpec::nodes).containsExactly(12, 16, 3);
        assertThat(LoadScaling.sizes(JOBS, 0.1, 16)).extracting(JobSpec::nodes).containsExactly(1, 1, 1);
    }

    @Test
    void duplicateUsersCopiesEveryJob() {
        List<JobSpec> out = LoadScaling.duplicateUsers(JOBS, 3);
        assertThat(out).hasSize(9);
        assertThat(out).extracting(JobSpec::id).doesNotHaveDuplicates();
        assertThat(out.stream().filter(j -> j.submit() == 200)).hasSize(3).allMatch(j -> j.runtime() == 1200);
        assertThat(out).extracting(JobSpec::group).contains("user#1", "user#2");
    }

    @Test
    void badFactorsAreNamed() {
        assertThatThrownBy(() -> LoadScaling.arrivals(JOBS, 0)).hasMessage("k is 0.0; must be > 0 and finite");
        assertThatThrownBy(() -> LoadScaling.duplicateUsers(JOBS, 0)).hasMessage("k is 0; must be ≥ 1");
    }

    @Test
    void machineGrowth() {
        assertThat(MachineGrowth.addNodes(new ProcessorMachine(100), null, 28)).isEqualTo(new ProcessorMachine(128));
        NodeCluster c = new NodeCluster(List.of(NodePool.simple("cpu", 10, 32, 0), NodePool.simple("gpu", 2, 8, 0)));
        NodeCluster more = (NodeCluster) MachineGrowth.addNodes(c, "gpu", 16);
        assertThat(more.pools().get(1).nodes()).isEqualTo(18);
        assertThat(more.pools().get(0).nodes()).isEqualTo(10);
        assertThat(((NodeCluster) MachineGrowth.addPool(c, NodePool.simple("big", 4, 128, 0))).pools()).hasSize(3);
        assertThatThrownBy(() -> MachineGrowth.addNodes(c, "fpga", 1)).hasMessageContaining("pool \"fpga\": no such pool; pools are cpu, gpu");
        assertThatThrownBy(() -> MachineGrowth.addPool(c, NodePool.simple("gpu", 1, 1, 0))).hasMessageContaining("already exists");
    }
}
