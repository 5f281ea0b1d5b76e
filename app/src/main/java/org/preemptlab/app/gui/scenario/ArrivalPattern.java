package org.preemptlab.app.gui.scenario;

import java.util.SplittableRandom;
import org.preemptlab.workload.DailyCycle;
import org.preemptlab.workload.LublinParameters;

/** When generated jobs arrive. */
public enum ArrivalPattern {
    /** A constant rate: exponential gaps of mean 1 / rate. */
    POISSON("Poisson (constant rate)"),
    /**
     * The Lublin–Feitelson (2003) daily cycle: the rate of each half-hour is the mean rate × that
     * half-hour's weight ({@link DailyCycle}, batch-class parameters anum, bnum; busy days, quiet nights),
     * so the mean rate is kept; time 0 is midnight.
     */
    DAILY_CYCLE("Lublin–Feitelson daily cycle (busy days, quiet nights)");

    private static final double[] WEIGHTS = DailyCycle.weights(LublinParameters.BATCH.anum(), LublinParameters.BATCH.bnum());

    private final String label;

    ArrivalPattern(String label) {
        this.label = label;
    }

    /** The next arrival after {@code t}, s, at mean gap {@code meanGap} s. */
    public double next(double t, double meanGap, SplittableRandom random) {
        double need = -Math.log(1 - random.nextDouble()) * meanGap;
        if (this == POISSON) return t + need;
        // time rescaling of a Poisson process with a piecewise-constant rate: spend `need` of mean-rate time
        for (int guard = 0; guard < 1_000_000; guard++) {
            long bucket = (long) Math.floor(t / DailyCycle.BUCKET_SECONDS);
            double w = WEIGHTS[(int) Math.floorMod(bucket, (long) DailyCycle.BUCKETS)];
            double end = (bucket + 1) * (double) DailyCycle.BUCKET_SECONDS;
            double capacity = (end - t) * w;
            if (need <= capacity) return t + need / w;
            need -= capacity;
            t = end;
        }
        return t;
    }

    /** The weight (mean 1) of the half-hour {@code 0 … 47} from midnight. */
    public static double weight(int halfHour) {
        return WEIGHTS[halfHour];
    }

    @Override
    public String toString() {
        return label;
    }
}
