package org.preemptlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;

class WorkloadStatisticsTest {

    @Test
    void countsSharesMeansAndTheTimeOfDay() {
        List<JobSpec> jobs = List.of(
                JobSpec.ofProcessors(1, 0, 1, 100, 100),        // serial, hits its limit, 0:00
                JobSpec.ofProcessors(2, 1800, 4, 1000, 10),     // power of two, 0:30
                JobSpec.ofProcessors(3, 86_400 + 1800, 3, 50, 20)); // next day 0:30
        WorkloadStatistics s = WorkloadStatistics.of(jobs);
        assertThat(s.jobs()).isEqualTo(3);
        assertThat(s.serialShare()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.powerOfTwoShare()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.meanLog2Size()).isCloseTo((0 + 2 + Math.log(3) / Math.log(2)) / 3, within(1e-12));
        assertThat(s.meanLnRuntime()).isCloseTo((Math.log(100) + Math.log(10) + Math.log(20)) / 3, within(1e-12));
        assertThat(s.limitShare()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.arrivalsPerHalfHour()[0]).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.arrivalsPerHalfHour()[1]).isCloseTo(2 / 3.0, within(1e-12));
        // the day offset moves submissions to their local time: +1 h puts them at 1:00 and 1:30
        assertThat(WorkloadStatistics.of(jobs, 3600).arrivalsPerHalfHour()[3]).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(s.sizeRuntimeCorrelation()).isLessThan(0); // the serial job is the longest here
    }
}
