package org.preemptlab.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.workload.LublinModel;

/** Load scaling of generated workloads keeps them valid. */
class GrowthProperties {

    @Property(tries = 50)
    void arrivalScalingKeepsOrderAndScalesTheSpan(@ForAll @DoubleRange(min = 0.1, max = 10) double k,
            @ForAll @IntRange(min = 2, max = 300) int n, @ForAll long seed) {
        List<JobSpec> jobs = LublinModel.of(n, 64, true, seed).generate();
        List<JobSpec> out = LoadScaling.arrivals(jobs, k);
        for (int i = 1; i < out.size(); i++) assertThat(out.get(i).submit()).isGreaterThanOrEqualTo(out.get(i - 1).submit());
        long span = jobs.get(n - 1).submit() - jobs.get(0).submit();
        long scaled = out.get(n - 1).submit() - out.get(0).submit();
        assertThat((double) scaled).isCloseTo(span / k, org.assertj.core.api.Assertions.within(1.0));
        List<JobSpec> wide = LoadScaling.sizes(jobs, k, 64);
        assertThat(wide).allMatch(j -> j.nodes() >= 1 && j.nodes() <= 64);
        assertThat(LoadScaling.runtimes(jobs, k)).allMatch(j -> j.runtime() <= j.estimate());
    }
}
