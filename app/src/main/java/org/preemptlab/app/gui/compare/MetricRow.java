package org.preemptlab.app.gui.compare;

import java.util.Locale;
import java.util.function.DoubleFunction;
import org.preemptlab.units.Units;

/**
 * One metric across the compared variants.
 *
 * @param lowerIsBetter which way is better (utilization: higher)
 * @param unit          what the values are and how they are written for people
 * @param values        the raw values (seconds, core-seconds, node-hours, shares 0 … 1), as the CSV export writes them
 */
public record MetricRow(String name, boolean lowerIsBetter, Unit unit, double[] values) {

    /** What a row's values are, and how people read them (through {@link Units}). */
    public enum Unit {
        /** Seconds: {@code 5 h 07 min}. */
        DURATION(Units::duration),
        /** Core-seconds, written as core-hours: {@code 8,180 core-h}. */
        CORE_SECONDS(Units::coreHours),
        /** Node-hours: {@code 12.5 node-h}. */
        NODE_HOURS(Units::nodeHours),
        /** A share 0 … 1: {@code 87.3 %}; its change is in percentage points. */
        SHARE(Units::share),
        /** Energy, kWh: {@code 94.5 kWh}. */
        KWH(v -> Units.number(v) + " kWh"),
        /** A plain number: {@code 1.23}. */
        NUMBER(Units::number),
        /** A count of jobs: {@code 12 jobs}. */
        JOBS(v -> Units.count(Math.round(v), "job"));

        private final DoubleFunction<String> text;

        Unit(DoubleFunction<String> text) {
            this.text = text;
        }

        public String format(double v) {
            return text.apply(v);
        }
    }

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
        return unit.format(values[i]);
    }

    /** Change of variant i against the first (the baseline), in percent; NaN when the baseline is 0. */
    public double deltaPercent(int i) {
        if (values[0] == 0) return values[i] == 0 ? 0 : Double.NaN;
        return (values[i] - values[0]) / Math.abs(values[0]) * 100;
    }

    /**
     * The change of variant i against the baseline, for people: relative ({@code −12.5 %}); for
     * shares in percentage points ({@code +3.2 pt}); against a baseline of 0 as the difference in the
     * row's unit ({@code +5 h 10 min}), never "n/a".
     */
    public String delta(int i) {
        double diff = values[i] - values[0];
        if (unit == Unit.SHARE) return String.format(Locale.ROOT, "%+.1f pt", diff * 100);
        double d = deltaPercent(i);
        if (Double.isNaN(d)) return (diff > 0 ? "+" : "") + unit.format(diff);
        return String.format(Locale.ROOT, "%+.1f %%", d);
    }

    /** {@code 1 h 05 min  (−12.5 %)}; the baseline has no delta. */
    public String cell(int i) {
        if (i == 0) return text(0);
        return text(i) + "  (" + delta(i) + ")";
    }
}
