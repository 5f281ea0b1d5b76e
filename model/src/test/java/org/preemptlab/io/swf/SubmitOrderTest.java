package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;

/** {@link SwfReader#SUBMIT_ORDER}, written out as a class, orders as the comparator chain it replaced. */
class SubmitOrderTest {

    private static final Comparator<JobSpec> CHAIN =
            Comparator.comparingLong(JobSpec::submit).thenComparingInt(JobSpec::id);

    @Test
    void sameSignAsTheChainAndBeforeAgrees() {
        Random random = new Random(16);
        List<JobSpec> jobs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            // few distinct submit times and job numbers, so ties on either key are common
            jobs.add(JobSpec.ofTrace(random.nextInt(40), random.nextInt(30), 1, 10, 5, null));
        }
        int ties = 0;
        for (JobSpec a : jobs) {
            for (JobSpec b : jobs) {
                int expected = Integer.signum(CHAIN.compare(a, b));
                assertThat(Integer.signum(SwfReader.SUBMIT_ORDER.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
                assertThat(SwfReader.before(a, b)).isEqualTo(expected < 0);
                if (a.submit() == b.submit() && a != b) ties++;
            }
        }
        assertThat(ties).isPositive();
        List<JobSpec> sorted = new ArrayList<>(jobs);
        sorted.sort(SwfReader.SUBMIT_ORDER);
        List<JobSpec> byChain = new ArrayList<>(jobs);
        byChain.sort(CHAIN);
        assertThat(sorted).containsExactlyElementsOf(byChain); // stable sort, same order: the same objects in turn
    }
}
