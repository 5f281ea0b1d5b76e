package org.preemptlab.app.gui.scenario;

import java.util.SplittableRandom;
import org.preemptlab.workload.RuntimeEstimates;

/** How a generated job's estimate (its time limit) relates to its run time. */
public enum EstimateModel {
    /** estimate = run time × U(1, factor), rounded up to a minute. */
    FACTOR("run time × U(1, inaccuracy)"),
    /**
     * Tsafrir, Etsion and Feitelson (2005): users pick a few modal values (15 min, 1 h, …) and a share
     * of jobs reach their limit ({@link RuntimeEstimates#DEFAULT}); the run time may become the limit.
     */
    TSAFRIR("Tsafrir–Etsion–Feitelson 2005 (modal values)");

    private final String label;

    EstimateModel(String label) {
        this.label = label;
    }

    /** {@code {estimate, runtime}}. */
    public long[] draw(long runtime, double factor, SplittableRandom random) {
        if (this == TSAFRIR) {
            RuntimeEstimates.Estimated e = RuntimeEstimates.DEFAULT.draw(runtime, random);
            return new long[] {Math.max(e.runtime(), e.estimate()), e.runtime()};
        }
        double f = 1 + random.nextDouble() * (factor - 1);
        return new long[] {Math.max(60, (long) Math.ceil(runtime * f / 60.0) * 60), runtime};
    }

    @Override
    public String toString() {
        return label;
    }
}
