package org.preemptlab.time;

/**
 * Durations and times in scenario files: whole seconds as an integer ({@code 5400}) or text.
 *
 * <p>Text forms: seconds as digits ({@code "90"}); units {@code d h m s} in that order, each at
 * most once, optionally separated by spaces ({@code "90s"}, {@code "15m"}, {@code "1h30m"},
 * {@code "2d"}, {@code "1d 12h"}); clock form {@code "hh:mm:ss"} ({@code "01:30:00"}) with an
 * optional Slurm-style day prefix {@code "d-hh:mm:ss"} ({@code "2-12:00:00"}). No fractions, no
 * signs.
 */
public final class Durations {

    /** What users are told when a value cannot be read. */
    public static final String FORMS = "use seconds, or e.g. \"90s\", \"15m\", \"1h30m\", \"2d\", \"01:30:00\"";

    private static final long[] UNIT_SECONDS = {86_400, 3600, 60, 1};
    private static final String UNITS = "dhms";

    private Durations() {
    }

    /**
     * Parses a duration written as text.
     *
     * @throws IllegalArgumentException when the text is not one of the forms, or does not fit in a long
     */
    public static long parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException("empty");
        try {
            if (allDigits(t)) return number(t);
            if (t.indexOf(':') >= 0) return clock(t);
            return units(t);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large", e);
        }
    }

    private static long clock(String t) {
        long days = 0;
        String hms = t;
        int dash = t.indexOf('-');
        if (dash >= 0) {
            days = number(t.substring(0, dash));
            hms = t.substring(dash + 1);
        }
        String[] parts = hms.split(":", -1);
        if (parts.length != 3) throw new IllegalArgumentException("clock form needs hh:mm:ss");
        long h = number(parts[0]);
        long m = number(parts[1]);
        long s = number(parts[2]);
        if (parts[1].length() != 2 || parts[2].length() != 2 || m > 59 || s > 59) {
            throw new IllegalArgumentException("minutes and seconds need two digits, 00 to 59");
        }
        return Math.addExact(Math.addExact(Math.multiplyExact(days, 86_400), Math.multiplyExact(h, 3600)), m * 60 + s);
    }

    private static long units(String t) {
        long total = 0;
        int next = 0; // index of the smallest unit still allowed
        int i = 0;
        boolean any = false;
        while (i < t.length()) {
            while (i < t.length() && t.charAt(i) == ' ') i++;
            if (i == t.length()) break;
            int start = i;
            while (i < t.length() && Character.isDigit(t.charAt(i))) i++;
            if (start == i || i == t.length()) throw new IllegalArgumentException("expected a number and a unit");
            int unit = UNITS.indexOf(Character.toLowerCase(t.charAt(i)));
            if (unit < next) throw new IllegalArgumentException("units must be d, h, m, s, in that order, each once");
            total = Math.addExact(total, Math.multiplyExact(number(t.substring(start, i)), UNIT_SECONDS[unit]));
            next = unit + 1;
            i++;
            any = true;
        }
        if (!any) throw new IllegalArgumentException("empty");
        return total;
    }

    /** Every char an ASCII digit (true for ""); a loop, not a stream: no lambda on a one-shot command's path. */
    private static boolean allDigits(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    private static long number(String digits) {
        if (digits.isEmpty() || !allDigits(digits)) {
            throw new IllegalArgumentException("not a number: " + digits);
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("too large", e);
        }
    }

    /**
     * Compact unit form for people and files: {@code 5400 → "1h30m"}, {@code 90 → "1m30s"},
     * {@code 172800 → "2d"}, {@code 0 → "0s"}. {@link #parse} reads it back exactly.
     */
    public static String format(long seconds) {
        if (seconds < 0) throw new IllegalArgumentException("negative duration " + seconds);
        if (seconds == 0) return "0s";
        StringBuilder sb = new StringBuilder();
        long rest = seconds;
        for (int u = 0; u < UNIT_SECONDS.length; u++) {
            long n = rest / UNIT_SECONDS[u];
            rest %= UNIT_SECONDS[u];
            if (n > 0) sb.append(n).append(UNITS.charAt(u));
        }
        return sb.toString();
    }
}
