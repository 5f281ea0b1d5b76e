package org.preemptlab.app.gui.compare;

/** The unit of a chart's time axis, chosen from the span shown so its ticks read as small numbers. */
public enum ChartTimeUnit {
    MINUTES(60, "min"), HOURS(3600, "h"), DAYS(86_400, "d");

    private final long seconds;
    private final String symbol;

    ChartTimeUnit(long seconds, String symbol) {
        this.seconds = seconds;
        this.symbol = symbol;
    }

    public double seconds() {
        return seconds;
    }

    public String symbol() {
        return symbol;
    }

    /** Minutes up to 3 h, hours up to 4 days, days beyond. */
    public static ChartTimeUnit forSpan(double spanSeconds) {
        if (spanSeconds <= 3 * 3600) return MINUTES;
        if (spanSeconds <= 4 * 86_400) return HOURS;
        return DAYS;
    }
}
