package org.preemptlab.app.gui.scenario;

import java.util.SplittableRandom;
import org.preemptlab.workload.LublinModel;
import org.preemptlab.workload.LublinParameters;

/** How the generator picks a job's actual run time in [min, max] seconds. */
public enum RuntimeDistribution {
    UNIFORM("uniform"),
    /** Uniform in log space: as many 1–10 min jobs as 1–10 h jobs. */
    LOG_UNIFORM("log-uniform"),
    /** Exponential with mean (min + max) / 4, clipped to [min, max]. */
    EXPONENTIAL("exponential"),
    /**
     * Lublin and Feitelson (2003), batch class: hyper-gamma in log space, wider jobs likelier long
     * ({@link LublinParameters}); clipped to [min, max].
     */
    LUBLIN("Lublin–Feitelson 2003 (wider ⇒ longer)");

    private final String label;

    RuntimeDistribution(String label) {
        this.label = label;
    }

    public long draw(SplittableRandom random, long min, long max) {
        return draw(random, min, max, 1);
    }

    /** A run time for a job of {@code nodes} nodes (only {@link #LUBLIN} depends on it). */
    public long draw(SplittableRandom random, long min, long max, int nodes) {
        long lo = Math.max(1, min);
        long hi = Math.max(lo, max);
        double v = switch (this) {
            case LUBLIN -> LublinModel.drawRuntime(LublinParameters.BATCH, Math.max(1, nodes), random);
            case UNIFORM -> lo + random.nextDouble() * (hi - lo);
            case LOG_UNIFORM -> Math.exp(Math.log(lo) + random.nextDouble() * (Math.log(hi) - Math.log(lo)));
            case EXPONENTIAL -> lo - Math.log(1 - random.nextDouble()) * ((lo + hi) / 4.0);
        };
        return Math.max(lo, Math.min(hi, Math.round(v)));
    }

    @Override
    public String toString() {
        return label;
    }
}
