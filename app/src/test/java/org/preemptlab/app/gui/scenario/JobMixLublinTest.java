package org.preemptlab.app.gui.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.scenario.JobDraft;

/** The planner's job-mix generator offers the Lublin–Feitelson size and run-time distributions. */
class JobMixLublinTest {

    @Test
    void lublinSizesAndRuntimesStayInTheirRangesAndWiderJobsRunLonger() {
        JobMix mix = new JobMix(20_000, 60, SizeDistribution.LUBLIN, 64, 8, RuntimeDistribution.LUBLIN, 60, 48 * 3600, 2,
                0, 0.5, 1000, List.of(new JobClass("normal", "", 1)), 5);
        List<JobDraft> jobs = JobMixGenerator.generate(mix, "j", 1);
        assertThat(jobs).hasSize(20_000).allMatch(j -> j.nodes() >= 1 && j.nodes() <= 64)
                .allMatch(j -> j.runtime() >= 60 && j.runtime() <= 48 * 3600 && j.estimate() >= j.runtime());
        double serial = jobs.stream().filter(j -> j.nodes() == 1).count() / 20_000.0;
        assertThat(serial).isBetween(0.2927 - 0.015, 0.2927 + 0.015); // the published batch share, 20,000 draws
        double narrow = jobs.stream().filter(j -> j.nodes() == 1).mapToDouble(j -> Math.log(j.runtime())).average().orElseThrow();
        double wide = jobs.stream().filter(j -> j.nodes() >= 16).mapToDouble(j -> Math.log(j.runtime())).average().orElseThrow();
        assertThat(wide).isGreaterThan(narrow);
        assertThat(JobMixGenerator.generate(mix, "j", 1)).isEqualTo(jobs);
    }
}
