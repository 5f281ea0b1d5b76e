package org.preemptlab.workload;

import java.util.List;
import org.preemptlab.job.JobSpec;

/**
 * The statistics the workload models are judged by, of any job list (a trace or a generated one).
 *
 * @param jobs              number of jobs
 * @param serialShare       share of 1-processor jobs
 * @param powerOfTwoShare   share of jobs whose size is a power of two (1 included)
 * @param meanLog2Size      mean log2(size) over all jobs
 * @param meanLnRuntime     mean ln(run time) over jobs with run time ≥ 1 s
 * @param limitShare        share of jobs whose run time reached their estimate
 * @param sizeRuntimeCorrelation Pearson correlation of log size and log run time
 * @param arrivalsPerHalfHour share of submissions in each half hour of the day (48 values, summing to 1)
 */
public record WorkloadStatistics(int jobs, double serialShare, double powerOfTwoShare, double meanLog2Size,
        double meanLnRuntime, double limitShare, double sizeRuntimeCorrelation, double[] arrivalsPerHalfHour) {

    public static WorkloadStatistics of(List<JobSpec> jobs) {
        return of(jobs, 0);
    }

    /**
     * The statistics, the time of day of a submission being (submit + dayOffsetSeconds) mod 1 day
     * (a trace's submissions count from its start, e.g. 15:00 local time: offset 54,000 s).
     */
    public static WorkloadStatistics of(List<JobSpec> jobs, long dayOffsetSeconds) {
        int n = jobs.size();
        if (n == 0) throw new IllegalArgumentException("no jobs; statistics need at least one");
        double serial = 0, pow2 = 0, log2 = 0, ln = 0, hit = 0;
        int withRun = 0;
        double[] half = new double[DailyCycle.BUCKETS];
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (JobSpec j : jobs) {
            int size = j.procs();
            if (size == 1) serial++;
            if (Integer.bitCount(size) == 1) pow2++;
            double x = Math.log(size) / Math.log(2);
            log2 += x;
            if (j.runtime() >= 1) {
                double y = Math.log(j.runtime());
                ln += y;
                withRun++;
                sx += x;
                sy += y;
                sxx += x * x;
                syy += y * y;
                sxy += x * y;
            }
            if (j.runtime() >= j.estimate()) hit++;
            half[(int) (Math.floorMod(j.submit() + dayOffsetSeconds, 86_400L) / DailyCycle.BUCKET_SECONDS)]++;
        }
        for (int k = 0; k < half.length; k++) half[k] /= n;
        double corr = Double.NaN;
        if (withRun > 1) {
            double cov = sxy / withRun - (sx / withRun) * (sy / withRun);
            double vx = sxx / withRun - (sx / withRun) * (sx / withRun);
            double vy = syy / withRun - (sy / withRun) * (sy / withRun);
            corr = vx > 0 && vy > 0 ? cov / Math.sqrt(vx * vy) : Double.NaN;
        }
        return new WorkloadStatistics(n, serial / n, pow2 / n, log2 / n, withRun == 0 ? Double.NaN : ln / withRun, hit / n,
                corr, half);
    }

    @Override
    public double[] arrivalsPerHalfHour() {
        return arrivalsPerHalfHour.clone();
    }
}
