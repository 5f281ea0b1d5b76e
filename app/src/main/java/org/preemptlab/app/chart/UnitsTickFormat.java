package org.preemptlab.app.chart;

import java.text.FieldPosition;
import org.preemptlab.units.Units;

/**
 * Tick labels written by {@link Units#number(double)}: three significant digits, {@code 12.3 k},
 * the same on every locale (JFreeChart's default tick format follows the machine's locale).
 */
public final class UnitsTickFormat extends AxisFormat {

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        // ticks a hair off a round value (0.30000000000000004) read as the round value
        return toAppendTo.append(Units.number(Math.abs(number) < 1e-12 ? 0 : number));
    }
}
