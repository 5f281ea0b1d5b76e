package org.preemptlab.sweep;

import java.math.BigDecimal;

/** How a sweep writes parameter values: the shortest exact decimal, no exponent ({@code 0.5}, {@code 1000}). */
final class Numbers {

    private Numbers() {}

    static String plain(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
