package org.preemptlab.time;

/** Formats simulated seconds for people: {@code 3d 04:05:06}, {@code 10:40:00}. */
public final class SimTime {

    private SimTime() {}

    /**
     * The largest time or duration read from a file or an option, s: 100 years (3,153,600,000 s). Sums
     * of such values (submit + wait + run, checkpoint + restart) cannot overflow, and a time beyond it
     * is a mistake (e.g. {@code 9223372036854775807}), refused where it is read.
     */
    public static final long MAX_SECONDS = 100L * 365 * 86_400;

    /** {@link #MAX_SECONDS} for people. */
    public static final String MAX_SECONDS_TEXT = "100 years";

    public static String format(long seconds) {
        if (seconds == Long.MAX_VALUE) return "never";
        String sign = seconds < 0 ? "-" : "";
        long s = Math.abs(seconds);
        long d = s / 86_400;
        s %= 86_400;
        String hms = String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        return sign + (d > 0 ? d + "d " + hms : hms);
    }

    /** A duration in words-ish form: {@code 215 s}, {@code 1h 05m}. */
    public static String duration(long seconds) {
        if (seconds < 120) return seconds + " s";
        if (seconds < 7200) return (seconds / 60) + " min";
        return (seconds / 3600) + "h " + String.format("%02dm", (seconds / 60) % 60);
    }
}
