package org.preemptlab.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;

/**
 * The published statistics of the Lublin–Feitelson model, reproduced on 200,000 jobs of one class
 * with fixed seeds. Tolerances: sampling error of 200,000 draws is ≈ 0.001 for a share and
 * ≈ 0.005 for a mean of ln(run time) (sd ≈ 2.3), so shares are checked to ±0.005, means to ±0.05
 * (which also absorbs the rounding of run times to whole seconds and sizes to integers).
 */
class LublinModelTest {

    static final int N = 200_000;

    static List<JobSpec> batch(int procs, long seed) {
        return new LublinModel(N, procs, List.of(LublinParameters.BATCH.forMachine(procs)), null, seed).generate();
    }

    @Test
    void sameSeedSameJobsOtherSeedOtherJobs() {
        LublinModel m = LublinModel.of(5_000, 256, true, 7);
        assertThat(m.generate()).isEqualTo(m.generate());
        assertThat(LublinModel.of(5_000, 256, true, 8).generate()).isNotEqualTo(m.generate());
    }

    @Test
    void serialAndPowerOfTwoShares() {
        List<JobSpec> jobs = batch(128, 1);
        double serial = jobs.stream().filter(j -> j.nodes() == 1).count() / (double) N;
        double pow2 = jobs.stream().filter(j -> Integer.bitCount(j.nodes()) == 1).count() / (double) N;
        assertThat(serial).isCloseTo(0.2927, within(0.005));
        // power-of-two jobs: the serial ones, the rounded ones, and the few non-rounded sizes
        // that happen to round to a power of two (2^x near 2, 4, …): published share + at most 0.06
        assertThat(pow2).isBetween(0.2927 + 0.6686 - 0.005, 0.2927 + 0.6686 + 0.06);
    }

    @Test
    void meanLogSizeOfParallelJobsIsTheTwoStageUniformsMean() {
        for (int procs : new int[] {128, 1024}) {
            LublinParameters p = LublinParameters.BATCH.forMachine(procs);
            List<JobSpec> jobs = batch(procs, 2);
            double mean = jobs.stream().filter(j -> j.nodes() > 1).mapToDouble(j -> Math.log(j.nodes()) / Math.log(2))
                    .average().orElseThrow();
            // 128: 0.875·(1.2+5)/2 + 0.125·(5+7)/2 = 3.4625; rounding to integers and the serial
            // cut at 2^x < 1.5 shift it by < 0.1
            assertThat(mean).as("procs %d", procs).isCloseTo(p.meanLog2ParallelSize(), within(0.1));
            assertThat(jobs).allMatch(j -> j.nodes() >= 1 && j.nodes() <= procs);
        }
        assertThat(LublinParameters.BATCH.forMachine(128).meanLog2ParallelSize()).isCloseTo(3.4625, within(1e-9));
    }

    @Test
    void meanLogRuntimeIsTheHyperGammasMean() {
        List<JobSpec> jobs = batch(128, 3);
        LublinParameters p = LublinParameters.BATCH;
        double expected = jobs.stream().mapToDouble(j -> p.meanLnRuntime(j.nodes())).average().orElseThrow();
        double mean = jobs.stream().mapToDouble(j -> Math.log(j.runtime())).average().orElseThrow();
        assertThat(mean).isCloseTo(expected, within(0.05));
        // for a serial job: 0.6956·6.57·0.823 + 0.3044·639.1·0.0156 = 6.796
        assertThat(p.meanLnRuntime(1)).isCloseTo(6.796, within(0.001));
    }

    @Test
    void widerJobsRunLonger() {
        List<JobSpec> jobs = batch(128, 4);
        double[] x = jobs.stream().mapToDouble(j -> Math.log(j.nodes())).toArray();
        double[] y = jobs.stream().mapToDouble(j -> Math.log(j.runtime())).toArray();
        // pa < 0: the long-run-time gamma gets likelier with size; the published correlation is positive
        assertThat(Stats.pearson(x, y)).isGreaterThan(0.05);
    }

    @Test
    void arrivalsFollowTheDailyCycle() {
        List<JobSpec> jobs = batch(128, 5);
        double[] perBucket = new double[DailyCycle.BUCKETS];
        for (JobSpec j : jobs) perBucket[(int) (j.submit() % 86_400 / DailyCycle.BUCKET_SECONDS)]++;
        double[] w = DailyCycle.weights(LublinParameters.BATCH.anum(), LublinParameters.BATCH.bnum());
        assertThat(Stats.pearson(perBucket, w)).isGreaterThan(0.95);
        // the published batch cycle peaks in the early afternoon and is quietest in the early morning
        int peak = 0, low = 0;
        for (int k = 0; k < w.length; k++) {
            if (w[k] > w[peak]) peak = k;
            if (w[k] < w[low]) low = k;
        }
        assertThat(peak / 2.0).isBetween(11.0, 15.0);
        assertThat(low / 2.0).isBetween(3.0, 7.0);
    }

    @Test
    void dailyCycleWeightsHaveMeanOne() {
        double[] w = DailyCycle.weights(LublinParameters.INTERACTIVE.anum(), LublinParameters.INTERACTIVE.bnum());
        assertThat(w).hasSize(48);
        double sum = 0;
        for (double v : w) {
            assertThat(v).isGreaterThan(0);
            sum += v;
        }
        assertThat(sum / 48).isCloseTo(1, within(1e-12));
    }

    @Test
    void twoClassesBothAppearAndArrivalsAreOrdered() {
        List<JobSpec> jobs = LublinModel.of(50_000, 512, true, 9).generate();
        for (int i = 1; i < jobs.size(); i++) assertThat(jobs.get(i).submit()).isGreaterThanOrEqualTo(jobs.get(i - 1).submit());
        assertThat(jobs).allMatch(j -> j.runtime() <= j.estimate() && j.nodes() <= 512);
        // interactive jobs are at most 2^(9 − 1.5) ≈ 181 wide: wider jobs must be batch and appear
        assertThat(jobs).anyMatch(j -> j.nodes() > 181);
        assertThat(jobs).anyMatch(j -> j.runtime() < 60);
    }

    @Test
    void forMachineMovesTheSizeRangeWithTheMachine() {
        LublinParameters b = LublinParameters.BATCH.forMachine(1024);
        assertThat(b.uHi()).isCloseTo(10, within(1e-9));
        assertThat(b.uMed()).isCloseTo(8, within(1e-9));
        LublinParameters i = LublinParameters.INTERACTIVE.forMachine(1024);
        assertThat(i.uHi()).isCloseTo(8.5, within(1e-9));
        assertThat(i.uMed()).isCloseTo(6, within(1e-9));
        assertThat(LublinParameters.BATCH.forMachine(128)).isEqualTo(LublinParameters.BATCH);
    }
}
