package org.preemptlab.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * sample-clusters/gang-vs-easy.json teaches what time-slicing buys: the short interactive jobs
 * answer in about twice their run time instead of waiting hours behind the batch jobs; the batch
 * jobs pay for it, and the machine does the same work in about the same time. The baseline is the same file without
 * sharing (plain EASY).
 */
class GangVsEasyLessonTest {

    static Scenario sample() throws Exception {
        return ScenarioReader.read(ScenarioTestSupport.repoRoot().resolve("sample-clusters/gang-vs-easy.json"));
    }

    static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    static double meanResponse(SimulationResult r, boolean interactive) {
        return jobs(r, interactive).stream().mapToLong(j -> j.end() - j.spec().submit()).average().orElseThrow();
    }

    static double meanSlowdown(SimulationResult r, boolean interactive) {
        return jobs(r, interactive).stream()
                .mapToDouble(j -> MetricsCalculator.boundedSlowdown(j.end() - j.spec().submit(), j.spec().runtime()))
                .average().orElseThrow();
    }

    static List<JobRun> jobs(SimulationResult r, boolean interactive) {
        return r.jobs().stream().filter(j -> j.spec().name().startsWith("int-") == interactive).toList();
    }

    @Test
    void theSampleSharesItsPoolTwoJobsACoreWithOneMinuteSlices() throws Exception {
        Scenario s = sample();
        assertThat(s.gang().of("cpu")).isEqualTo(OverSubscribe.force(2));
        assertThat(s.gang().timeSliceSeconds()).isEqualTo(60);
    }

    @Test
    void interactiveJobsAnswerInMinutesUnderGangAndInHoursUnderEasy() throws Exception {
        Scenario gang = sample();
        Scenario easy = gang.toBuilder().gang(gang.gang().off()).build();
        SimulationResult g = run(gang);
        SimulationResult e = run(easy);
        double gangResponse = meanResponse(g, true);
        double easyResponse = meanResponse(e, true);
        System.out.printf("interactive mean response: gang %.0f s, EASY %.0f s; bounded slowdown gang %.2f, EASY %.2f%n",
                gangResponse, easyResponse, meanSlowdown(g, true), meanSlowdown(e, true));
        System.out.printf("batch mean response: gang %.0f s, EASY %.0f s; bounded slowdown gang %.2f, EASY %.2f%n",
                meanResponse(g, false), meanResponse(e, false), meanSlowdown(g, false), meanSlowdown(e, false));
        Metrics mg = MetricsCalculator.of(g);
        Metrics me = MetricsCalculator.of(e);
        System.out.printf("all jobs: mean response gang %.0f s, EASY %.0f s; mean bounded slowdown gang %.2f, EASY %.2f;"
                + " makespan gang %d s, EASY %d s%n", mg.meanResponseSeconds(), me.meanResponseSeconds(),
                mg.meanBoundedSlowdown(), me.meanBoundedSlowdown(), mg.makespanSeconds(), me.makespanSeconds());

        // under EASY every interactive job waits for a batch job: hours for minutes of work
        assertThat(easyResponse).isGreaterThan(2 * 3600);
        // under gang each gets every other slice: about twice its run time, at most a few times
        for (JobRun j : jobs(g, true)) {
            assertThat(j.end() - j.spec().submit()).as(j.spec().name()).isLessThanOrEqualTo(3 * j.spec().runtime() + 120);
        }
        assertThat(gangResponse).isLessThan(easyResponse / 5);
        // one job of two on the cores: the interactive jobs' slowdown is about 2 (EASY: over 10)
        assertThat(meanSlowdown(g, true)).isBetween(1.5, 2.5);
        assertThat(meanSlowdown(e, true)).isGreaterThan(10);
        // the batch jobs pay for it: each is slowed by the interactive work on its node
        assertThat(meanResponse(g, false)).isGreaterThan(meanResponse(e, false));
        // the same work: the makespan changes by less than 15 % (first fit piles the interactive jobs on
        // the first nodes, whose batch jobs end last; under EASY they spread over the nodes freed at 3:00)
        assertThat((double) Math.abs(mg.makespanSeconds() - me.makespanSeconds())).isLessThan(0.15 * me.makespanSeconds());
        // the slices are there: interactive jobs are suspended and resumed, EASY suspends nobody
        assertThat(g.timeline().log().stream().filter(x -> x.kind() == LogKind.SUSPEND).count()).isGreaterThan(20);
        assertThat(e.timeline().log().stream().filter(x -> x.kind() == LogKind.SUSPEND).count()).isZero();
    }
}
