package org.preemptlab.app.gui.scenario;

import java.util.SplittableRandom;
import org.preemptlab.workload.LublinModel;
import org.preemptlab.workload.LublinParameters;

/** How the generator picks a job's node count in [1, max]. */
public enum SizeDistribution {
    /** Every count equally likely. */
    UNIFORM("uniform"),
    /** 1, 2, 4, … up to max, equally likely (typical of MPI workloads). */
    POWERS_OF_TWO("powers of two"),
    /** Mostly small: P(n) halves with each extra node. */
    MOSTLY_SMALL("mostly small"),
    /**
     * Lublin and Feitelson (2003), batch class, scaled to max: serial and power-of-two jobs, two-stage
     * uniform log size ({@link LublinParameters}).
     */
    LUBLIN("Lublin–Feitelson 2003");

    private final String label;

    SizeDistribution(String label) {
        this.label = label;
    }

    public int draw(SplittableRandom random, int max) {
        if (max <= 1) return 1;
        return switch (this) {
            case UNIFORM -> 1 + random.nextInt(max);
            case POWERS_OF_TWO -> {
                int exponents = 31 - Integer.numberOfLeadingZeros(max) + 1;
                yield 1 << random.nextInt(exponents);
            }
            case LUBLIN -> LublinModel.drawSize(LublinParameters.BATCH.forMachine(max), max, random);
            case MOSTLY_SMALL -> {
                int n = 1;
                while (n < max && random.nextBoolean()) n++;
                yield n;
            }
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
