package org.preemptlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;

/**
 * The Tsafrir–Etsion–Feitelson estimate model: estimates are modes, never below run times, the
 * limit share is reproduced (±0.005 on 200,000 jobs, sampling error ≈ 0.001).
 */
class RuntimeEstimatesTest {

    @Test
    void estimatesAreModesAndTheLimitShareIsReproduced() {
        RuntimeEstimates m = RuntimeEstimates.DEFAULT;
        List<JobSpec> jobs = new LublinModel(200_000, 128, List.of(LublinParameters.BATCH), null, 11).generate();
        long[] modes = m.modes();
        // expected share of limit hits: limitShare for jobs ≥ the smallest mode, all jobs above the largest
        double expected = 0;
        for (JobSpec j : jobs) {
            if (j.runtime() > modes[modes.length - 1]) expected += 1;
            else if (j.runtime() >= modes[0]) expected += m.limitShare();
        }
        expected /= jobs.size();
        List<JobSpec> est = m.apply(jobs, 12);
        Map<Long, Integer> count = new HashMap<>();
        int hits = 0;
        for (int i = 0; i < est.size(); i++) {
            JobSpec e = est.get(i);
            assertThat(Arrays.binarySearch(modes, e.estimate())).isGreaterThanOrEqualTo(0);
            assertThat(e.runtime()).isLessThanOrEqualTo(e.estimate()).isLessThanOrEqualTo(Math.max(jobs.get(i).runtime(), e.estimate()));
            if (e.runtime() == e.estimate()) hits++;
            count.merge(e.estimate(), 1, Integer::sum);
        }
        assertThat(hits / (double) est.size()).isCloseTo(expected, within(0.005));
        // the modes named in the paper are all used, and 2 h is the most popular (as on SDSC-BLUE)
        for (long mode : new long[] {900, 3600, 14400, 64800}) assertThat(count).containsKey(mode);
        long top = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(top).isEqualTo(7200);
    }

    @Test
    void sameSeedSameEstimates() {
        List<JobSpec> jobs = new LublinModel(2_000, 64, List.of(LublinParameters.WHOLE.forMachine(64)), null, 3).generate();
        assertThat(RuntimeEstimates.DEFAULT.apply(jobs, 5)).isEqualTo(RuntimeEstimates.DEFAULT.apply(jobs, 5));
    }

    @Test
    void aJobLongerThanEveryModeIsKilledAtTheLargest() {
        RuntimeEstimates m = new RuntimeEstimates(new long[] {60, 3600}, new double[] {1, 1}, 0);
        assertThat(m.draw(10_000, new SplittableRandom(1))).isEqualTo(new RuntimeEstimates.Estimated(3600, 3600));
        assertThat(m.draw(61, new SplittableRandom(1))).isEqualTo(new RuntimeEstimates.Estimated(3600, 61));
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> new RuntimeEstimates(new long[] {60, 60}, new double[] {1, 1}, 0))
                .hasMessageContaining("modes[1]: 60");
        assertThatThrownBy(() -> new RuntimeEstimates(new long[] {60}, new double[] {1}, 1.5))
                .hasMessageContaining("limitShare is 1.5");
    }
}
