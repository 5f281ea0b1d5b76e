package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;
import org.preemptlab.workload.LublinModel;

class SaturationTest {

    @Test
    void offeredLoadIsWorkOverCapacityTimesSpan() {
        List<JobSpec> jobs = List.of(JobSpec.ofProcessors(1, 0, 2, 100, 100), JobSpec.ofProcessors(2, 100, 2, 100, 100));
        // (2·100 + 2·100) / (4 · 100)
        assertThat(Saturation.offeredLoad(jobs, 4)).isCloseTo(1.0, within(1e-12));
        assertThatThrownBy(() -> Saturation.offeredLoad(List.of(jobs.get(0)), 4)).hasMessageContaining("offered load is not defined");
    }

    @Test
    void loadsParse() {
        assertThat(Saturation.parseLoads("0.5:1.0:0.05")).hasSize(11).startsWith(0.5, 0.55).endsWith(1.0);
        assertThat(Saturation.parseLoads("0.6, 0.8")).containsExactly(0.6, 0.8);
        assertThatThrownBy(() -> Saturation.parseLoads("0.5:1:0")).hasMessageContaining("STEP is 0; must be > 0");
        assertThatThrownBy(() -> Saturation.parseLoads("a,b")).hasMessageContaining("not a number list");
        assertThatThrownBy(() -> Saturation.parseLoads("0,1")).hasMessageContaining("loads must be > 0");
    }

    @Test
    void theSpecReachesTheTargetLoads() {
        List<JobSpec> jobs = LublinModel.of(500, 64, true, 4).generate();
        SweepInput in = new SweepInput("m", Path.of("m"), SweepReader.generatedScenario("m", "", 64, jobs));
        SweepSpec spec = Saturation.spec(in, List.of("easy", "fcfs"), List.of(0.5, 0.9));
        assertThat(spec.variants()).hasSize(4);
        for (Variant v : spec.variants()) {
            var scaled = VariantScenario.of(in.scenario(), v).jobs();
            double own = Saturation.offeredLoad(jobs, 64);
            assertThat(Saturation.offeredLoad(scaled, 64)).isCloseTo(Saturation.targetLoad(v, own), within(0.01));
        }
        assertThat(Saturation.targetLoad(spec.variants().get(1), Saturation.offeredLoad(jobs, 64))).isCloseTo(0.9, within(1e-9));
    }
}
