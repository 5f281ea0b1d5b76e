package org.preemptlab.workload;

import java.util.SplittableRandom;

/**
 * Draws from the gamma distribution Γ(shape, scale) with Marsaglia and Tsang's method ("A simple
 * method for generating gamma variables", ACM TOMS 26(3), 2000): constant time for every shape,
 * which matters for the model's Γ(639.1, 0.0156) (summing 639 exponentials would be 100× slower).
 */
final class Gamma {

    private Gamma() {}

    static double sample(SplittableRandom random, double shape, double scale) {
        if (shape < 1) {
            // Γ(a) = Γ(a + 1) · U^(1/a)
            double u = random.nextDouble();
            return sample(random, shape + 1, scale) * Math.pow(u == 0 ? Double.MIN_VALUE : u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = random.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
        }
    }
}
