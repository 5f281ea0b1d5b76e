package org.preemptlab.workload;

/**
 * The Lublin–Feitelson daily cycle: 48 half-hour buckets from midnight, each with a weight
 * proportional to the probability mass of Γ(anum, bnum) over [i − ½, i + ½] half-hours, for
 * i = 11 … 58 (the fitted "day" starts at 5:00 and wraps around: bucket k is i = k + 1, or
 * k + 49 for k + 1 &lt; 11). Weights are normalised to mean 1, so that a bucket of weight w receives
 * w times the mean arrival rate. The mass is integrated numerically (Simpson's rule on the density
 * up to its constant, which cancels in the normalisation).
 */
public final class DailyCycle {

    public static final int BUCKETS = 48;
    public static final long BUCKET_SECONDS = 1800;
    /** The first half-hour of the fitted day (the paper's cyclic day start). */
    static final int DAY_START = 11;

    private DailyCycle() {}

    /** The 48 weights (mean 1) of these parameters' daily cycle, bucket 0 = 0:00–0:30. */
    public static double[] weights(double anum, double bnum) {
        double[] w = new double[BUCKETS];
        // density up to a constant, relative to its mode to stay in range
        double mode = Math.max(1e-9, (anum - 1) * bnum);
        double logAtMode = (anum - 1) * Math.log(mode) - mode / bnum;
        double sum = 0;
        for (int k = 0; k < BUCKETS; k++) {
            int i = k + 1 < DAY_START ? k + 1 + BUCKETS : k + 1;
            w[k] = integrate(anum, bnum, logAtMode, i - 0.5, i + 0.5);
            sum += w[k];
        }
        for (int k = 0; k < BUCKETS; k++) w[k] *= BUCKETS / sum;
        return w;
    }

    private static double integrate(double a, double b, double logRef, double from, double to) {
        int n = 64; // even
        double h = (to - from) / n;
        double s = 0;
        for (int j = 0; j <= n; j++) {
            double x = from + j * h;
            double f = x <= 0 ? 0 : Math.exp((a - 1) * Math.log(x) - x / b - logRef);
            s += f * (j == 0 || j == n ? 1 : j % 2 == 1 ? 4 : 2);
        }
        return s * h / 3;
    }
}
