package org.preemptlab.app.gui.compare;

import java.util.Locale;

/**
 * One metric across the compared variants.
 *
 * @param lowerIsBetter which way is better (utilization: higher)
 * @param format        how a value is written, e.g. {@code %.0f s}
 */
public record MetricRow(String name, boolean lowerIsBetter, String format, double[] values) {

    /** Index of the best variant, or -1 when all are equal. */
    public int best() {
        int best = 0;
        boolean allEqual = true;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - values[0]) > 1e-9 * Math.max(1, Math.abs(values[0]))) allEqual = false;
            if (lowerIsBetter ? values[i] < values[best] : values[i] > values[best]) best = i;
        }
        return allEqual ? -1 : best;
    }

    public String text(int i) {
        return String.format(Locale.ROOT, format, values[i]);
    }

    /** Change of variant i against the first (the baseline), in percent; NaN when the baseline is 0. */
    public double deltaPercent(int i) {
        if (values[0] == 0) return values[i] == 0 ? 0 : Double.NaN;
        return (values[i] - values[0]) / Math.abs(values[0]) * 100;
    }

    /** {@code 1234 s (−12.5 %)}; the baseline has no delta. */
    public String cell(int i) {
        if (i == 0) return text(0);
        double d = deltaPercent(i);
        String delta = Double.isNaN(d) ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", d);
        return text(i) + "  (" + delta + ")";
    }
}
