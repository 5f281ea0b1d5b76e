package org.preemptlab.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.job.JobSpec;

/** Invariants of the generated workloads for any machine size and seed. */
class WorkloadProperties {

    @Property(tries = 60)
    void generatedJobsAreValid(@ForAll @IntRange(min = 1, max = 70_000) int procs, @ForAll long seed,
            @ForAll boolean twoClasses, @ForAll @IntRange(min = 0, max = 400) int n) {
        List<JobSpec> jobs = LublinModel.of(n, procs, twoClasses, seed).generate();
        assertThat(jobs).hasSize(n);
        long last = 0;
        for (JobSpec j : jobs) {
            assertThat(j.nodes()).isBetween(1, procs);
            assertThat(j.runtime()).isBetween(0L, j.estimate());
            assertThat(j.submit()).isGreaterThanOrEqualTo(last);
            last = j.submit();
        }
    }

    @Property(tries = 60)
    void estimatesAreNeverBelowRuntimes(@ForAll @LongRange(min = 0, max = 1_000_000) long runtime, @ForAll long seed) {
        RuntimeEstimates.Estimated e = RuntimeEstimates.DEFAULT.draw(runtime, new java.util.SplittableRandom(seed));
        assertThat(e.runtime()).isLessThanOrEqualTo(e.estimate()).isLessThanOrEqualTo(Math.max(runtime, e.estimate()));
        assertThat(e.runtime()).isLessThanOrEqualTo(runtime);
    }
}
