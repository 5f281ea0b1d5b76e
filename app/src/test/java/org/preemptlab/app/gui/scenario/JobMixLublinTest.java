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

    /** The daily cycle keeps the mean rate and puts more arrivals in the day than in the night. */
    @Test
    void dailyCycleArrivalsKeepTheRateAndFollowTheHourWeights() {
        JobMix mix = JobMix.defaults().withCount(20_000).withArrivalsPerHour(30)
                .withModels(ArrivalPattern.DAILY_CYCLE, EstimateModel.FACTOR);
        List<JobDraft> jobs = JobMixGenerator.generate(mix, "j", 1);
        double hours = (jobs.get(jobs.size() - 1).submit() - jobs.get(0).submit()) / 3600.0;
        assertThat(jobs.size() / hours).as("mean arrivals per hour").isBetween(30 * 0.95, 30 * 1.05);
        long[] perHalfHour = new long[48];
        for (JobDraft j : jobs) perHalfHour[(int) (j.submit() % 86_400 / 1800)]++;
        // the half-hour with the largest weight gets about weight(max) / weight(min) times the arrivals of the smallest
        int busiest = 0, quietest = 0;
        for (int k = 1; k < 48; k++) {
            if (ArrivalPattern.weight(k) > ArrivalPattern.weight(busiest)) busiest = k;
            if (ArrivalPattern.weight(k) < ArrivalPattern.weight(quietest)) quietest = k;
        }
        assertThat(ArrivalPattern.weight(busiest) / ArrivalPattern.weight(quietest)).isGreaterThan(2);
        double expected = ArrivalPattern.weight(busiest) / ArrivalPattern.weight(quietest);
        assertThat((double) perHalfHour[busiest] / perHalfHour[quietest]).isBetween(expected * 0.7, expected * 1.3);
        long day = 0, night = 0;
        for (int k = 0; k < 48; k++) if (k >= 18 && k < 36) day += perHalfHour[k]; else if (k < 12) night += perHalfHour[k];
        assertThat(day).as("9:00-18:00 vs 0:00-6:00").isGreaterThan(night);
        assertThat(JobMixGenerator.generate(mix, "j", 1)).isEqualTo(jobs);
    }

    /** Tsafrir's estimates: most jobs ask for one of the modal values; estimates never below run times. */
    @Test
    void tsafrirEstimatesUseTheModalValues() {
        JobMix mix = JobMix.defaults().withCount(10_000).withModels(ArrivalPattern.POISSON, EstimateModel.TSAFRIR);
        List<JobDraft> jobs = JobMixGenerator.generate(mix, "j", 1);
        assertThat(jobs).allMatch(j -> j.estimate() >= j.runtime() && j.runtime() >= 1);
        java.util.Set<Long> modes = new java.util.HashSet<>();
        for (long m : org.preemptlab.workload.RuntimeEstimates.DEFAULT.modes()) modes.add(m);
        double modal = jobs.stream().filter(j -> modes.contains(j.estimate())).count() / (double) jobs.size();
        assertThat(modal).as("share of estimates at a modal value").isGreaterThan(0.5);
        // the factor model gives estimates that are whole minutes within × 3 of the run time
        List<JobDraft> factor = JobMixGenerator.generate(JobMix.defaults().withCount(10_000), "j", 1);
        assertThat(factor).allMatch(j -> j.estimate() % 60 == 0 && j.estimate() <= Math.max(60, Math.ceil(j.runtime() * 3 / 60.0) * 60));
        assertThat(JobMix.defaults().arrivals()).isEqualTo(ArrivalPattern.POISSON);
        assertThat(JobMix.defaults().estimates()).isEqualTo(EstimateModel.FACTOR);
    }
}
