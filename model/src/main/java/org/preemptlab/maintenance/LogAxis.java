package org.preemptlab.maintenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A log-spaced sweep axis: {@code steps} values from {@code min} to {@code max} inclusive, each the
 * previous one times the same ratio (one value, {@code min}, when {@code steps} is 1).
 *
 * @param name  what the axis sweeps, for messages ("bandwidth")
 * @param unit  the unit of its values ("MB/s")
 * @param min   the first value, &gt; 0
 * @param max   the last value, ≥ min (= min when steps is 1)
 * @param steps how many values, 1 … {@value #MAX_STEPS}
 */
public record LogAxis(String name, String unit, double min, double max, int steps) {

    public static final int MAX_STEPS = 200;

    public LogAxis {
        if (!(min > 0) || Double.isInfinite(min)) throw new IllegalArgumentException(name + " axis: min is " + num(min) + " " + unit + "; must be positive");
        if (!(max >= min) || Double.isInfinite(max)) throw new IllegalArgumentException(name + " axis: max is " + num(max) + " " + unit + "; must be ≥ min (" + num(min) + ")");
        if (steps < 1 || steps > MAX_STEPS) throw new IllegalArgumentException(name + " axis: steps is " + steps + "; must be 1 … " + MAX_STEPS);
        if (steps == 1 && max != min) throw new IllegalArgumentException(name + " axis: steps is 1 but max (" + num(max) + ") ≠ min (" + num(min) + "); use at least 2 steps for a range");
        if (steps > 1 && max == min) throw new IllegalArgumentException(name + " axis: min and max are both " + num(min) + " " + unit + "; a range of " + steps + " steps needs max > min");
    }

    /**
     * Reads {@code MIN:MAX:STEPS} (e.g. {@code 10:10000:12}).
     *
     * @param place where the text came from, for messages (an option such as {@code --bandwidth})
     */
    public static LogAxis parse(String place, String name, String unit, String text) {
        String[] parts = text == null ? new String[0] : text.strip().split(":", -1);
        if (parts.length != 3) throw new IllegalArgumentException(place + ": \"" + text + "\" is not MIN:MAX:STEPS (e.g. 10:10000:12)");
        double min = number(place, "MIN", parts[0]);
        double max = number(place, "MAX", parts[1]);
        int steps;
        try {
            steps = Integer.parseInt(parts[2].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(place + ": STEPS \"" + parts[2] + "\" is not a whole number");
        }
        try {
            return new LogAxis(name, unit, min, max, steps);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(place + ": " + e.getMessage(), e);
        }
    }

    private static double number(String place, String what, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isNaN(v)) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(place + ": " + what + " \"" + text + "\" is not a number");
        }
    }

    /** The i-th value, i in [0, steps). */
    public double value(int i) {
        if (i < 0 || i >= steps) throw new IndexOutOfBoundsException(name + " axis: index " + i + " of " + steps);
        if (steps == 1) return min;
        if (i == steps - 1) return max;
        return min * Math.pow(max / min, (double) i / (steps - 1));
    }

    public List<Double> values() {
        List<Double> out = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) out.add(value(i));
        return List.copyOf(out);
    }

    /** The text {@link #parse} reads back. */
    public String text() {
        return num(min) + ":" + num(max) + ":" + steps;
    }

    public static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
