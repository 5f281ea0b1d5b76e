package org.preemptlab.units;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Quantities written for people: durations as d / h / min / s, work as core-hours and node-hours,
 * shares as %, bandwidths as MB/s and GB/s, sizes as MB and GB, plain numbers and counts. Every
 * text a person reads (the GUI, charts, the command line's summaries) goes through here; files
 * read by programs (JSON, CSV, SWF, the smoke test's {@code makespan=N meanWait=X}) keep seconds and
 * never use this class.
 *
 * <p><b>Locale-independent</b>: the same text on every machine. Decimal point {@code .}, thousands
 * separator {@code ,} (English style, as in {@code 12,345}: readable, and not mistaken for a
 * decimal comma by the readers the tool writes for), minus sign ASCII {@code -}, a space between a
 * number and its unit ({@code 45 s}, {@code 87.3 %}).
 *
 * <p><b>Rounding</b>: round half up on the last digit shown. Durations show their two largest units
 * ({@code 5 h 07 min}, {@code 2 d 3 h}): exact below an hour, to the minute below a day, to the hour
 * from a day. Other numbers show three significant digits ({@code 65.8 MB/s}, {@code 1.87 GB/s},
 * {@code 12.3 k core-h}) except whole numbers from 1,000 to 9,999, which are shown whole
 * ({@code 8,180 core-h}); from 10,000 on they are written with k, then M ({@code 123 k}, {@code 4.56 M}).
 *
 * <p><b>Units</b>: 1 d = 24 h; 1 GB/s = 1000 MB/s (storage bandwidths are quoted in powers of ten:
 * the break-even default axis runs "10 MB/s to 10 GB/s"); 1 GB = 1024 MB (checkpoint images are
 * laid out in powers of two: "1 GB to 64 GB per node" is 1024 to 65536 MB).
 */
public final class Units {

    private static final MathContext THREE = new MathContext(3, RoundingMode.HALF_UP);
    private static final String DASH = "–";

    private Units() {}

    // ---------------------------------------------------------------- durations

    /**
     * A duration: {@code 0 s}, {@code 45 s}, {@code 3 min 05 s}, {@code 45 min}, {@code 5 h 07 min},
     * {@code 4 h}, {@code 2 d 3 h}, {@code 332 d 22 h}, {@code -10 min}. The smaller unit is left out
     * when it is zero.
     */
    public static String duration(long seconds) {
        return durationText(seconds, false);
    }

    /**
     * A duration in seconds that need not be whole (a mean wait): below 10 s with one decimal
     * ({@code 4.5 s}), otherwise as {@link #duration(long)} of the rounded value. NaN is "–".
     */
    public static String duration(double seconds) {
        if (Double.isNaN(seconds)) return DASH;
        if (Double.isInfinite(seconds)) return seconds > 0 ? "∞" : "-∞";
        double tenths = Math.round(Math.abs(seconds) * 10) / 10.0;
        if (tenths < 10 && tenths != Math.rint(tenths)) {
            return (seconds < 0 ? "-" : "") + BigDecimal.valueOf(tenths).setScale(1, RoundingMode.HALF_UP).toPlainString() + " s";
        }
        if (Math.abs(seconds) >= Long.MAX_VALUE / 2.0) return seconds > 0 ? "∞" : "-∞";
        return duration(Math.round(seconds));
    }

    /**
     * A time on the simulated clock, counted from its zero: as {@link #duration(long)}, but the
     * smaller unit is always shown, so neighbouring times read alike ({@code 12 h 00 min},
     * {@code 2 d 0 h}, {@code 5 min 00 s}, {@code 45 s}). {@link Long#MAX_VALUE} is "never".
     */
    public static String instant(long seconds) {
        if (seconds == Long.MAX_VALUE) return "never";
        return durationText(seconds, true);
    }

    private static String durationText(long seconds, boolean keepSecondUnit) {
        if (seconds == 0) return "0 s";
        String sign = seconds < 0 ? "-" : "";
        long a = seconds == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(seconds);
        if (a < 60) return sign + a + " s";
        if (a < 3600) return sign + two(a / 60, "min", a % 60, "s", true, keepSecondUnit);
        long minutes = a / 60 + (a % 60 >= 30 ? 1 : 0);
        if (minutes < 24 * 60) return sign + two(minutes / 60, "h", minutes % 60, "min", true, keepSecondUnit);
        long hours = a / 3600 + (a % 3600 >= 1800 ? 1 : 0);
        return sign + two(hours / 24, "d", hours % 24, "h", false, keepSecondUnit);
    }

    private static String two(long big, String bigUnit, long small, String smallUnit, boolean pad, boolean keep) {
        String head = group(big) + " " + bigUnit;
        if (small == 0 && !keep) return head;
        return head + " " + (pad && small < 10 ? "0" + small : Long.toString(small)) + " " + smallUnit;
    }

    /**
     * Playback speed, simulated time per real second, in words: {@code 1 week per second},
     * {@code 1 day per second}, {@code 4 h per second}, {@code 15 min per second},
     * {@code 1 s per second (real time)}.
     */
    public static String speed(double simulatedSecondsPerSecond) {
        double v = simulatedSecondsPerSecond;
        if (!(v > 0) || Double.isInfinite(v)) return DASH;
        if (v == 1) return "1 s per second (real time)";
        long s = Math.round(v);
        if (s == v) {
            if (s % (7 * 86_400) == 0) return count(s / (7 * 86_400), "week") + " per second";
            if (s % 86_400 == 0) return count(s / 86_400, "day") + " per second";
        }
        return duration(v) + " per second";
    }

    // ---------------------------------------------------------------- work, shares, I/O

    /** Work given in core-seconds, written in core-hours: {@code 8,180 core-h}, {@code 12.3 k core-h}, {@code 0.5 core-h}. */
    public static String coreHours(double coreSeconds) {
        return number(coreSeconds / 3600) + " core-h";
    }

    /** Node-hours: {@code 12.5 node-h}, {@code 1,234 node-h}. */
    public static String nodeHours(double nodeHours) {
        return number(nodeHours) + " node-h";
    }

    /**
     * A share (0 … 1) as a percentage: {@code 0 %}, {@code 0.40 %}, {@code 87.3 %}, {@code 100 %};
     * a non-zero share that would round to 0.00 is {@code < 0.01 %}. NaN is "–".
     */
    public static String share(double fraction) {
        if (Double.isNaN(fraction)) return DASH;
        double p = fraction * 100;
        if (p == 0) return "0 %";
        String sign = p < 0 ? "-" : "";
        double a = Math.abs(p);
        if (a < 0.005) return (p < 0 ? "> -0.01" : "< 0.01") + " %";
        String digits;
        if (a < 0.995) digits = fixed(a, 2);
        else if (a < 99.95) digits = fixed(a, 1);
        else digits = group(Math.round(a));
        return sign + digits + " %";
    }

    /** A bandwidth given in MB/s: {@code 65.8 MB/s}, {@code 10 MB/s}, {@code 1.87 GB/s}, {@code 10 GB/s}. */
    public static String bandwidth(double mbPerSecond) {
        return scaled(mbPerSecond, 1000, new String[] {"MB/s", "GB/s", "TB/s"});
    }

    /** A size given in MB: {@code 512 MB}, {@code 1 GB} (1024 MB), {@code 1.5 GB}, {@code 64 GB}, {@code 2 TB}. */
    public static String size(double mb) {
        return scaled(mb, 1024, new String[] {"MB", "GB", "TB"});
    }

    private static String scaled(double value, double step, String[] units) {
        if (Double.isNaN(value)) return DASH;
        if (Double.isInfinite(value)) return (value > 0 ? "∞ " : "-∞ ") + units[0];
        String sign = value < 0 ? "-" : "";
        double a = Math.abs(value);
        int u = 0;
        while (u < units.length - 1 && (a >= step || significant(a).doubleValue() >= step)) {
            a /= step;
            u++;
        }
        return sign + plain(significant(a)) + " " + units[u];
    }

    /** A rate: {@link #number(double)} and the unit, e.g. {@code rate(0.42, "checkpoints per node per day")}. */
    public static String rate(double value, String unit) {
        return number(value) + " " + unit;
    }

    // ---------------------------------------------------------------- numbers and counts

    /**
     * A number for people: three significant digits ({@code 0.123}, {@code 1.5}, {@code 65.8},
     * {@code 123}), whole from 1,000 to 9,999 ({@code 8,180}), then with k and M ({@code 12.3 k},
     * {@code 999 k}, {@code 1.23 M}, {@code 4,567 M}); no exponent, no trailing zeros. NaN is "–".
     */
    public static String number(double v) {
        if (Double.isNaN(v)) return DASH;
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == 0) return "0";
        String sign = v < 0 ? "-" : "";
        double a = Math.abs(v);
        BigDecimal r = significant(a);
        if (r.compareTo(BigDecimal.valueOf(1000)) < 0) return sign + plain(r);
        long whole = Math.round(a);
        if (whole < 10_000) return sign + group(whole);
        BigDecimal k = significant(a / 1e3);
        if (k.compareTo(BigDecimal.valueOf(1000)) < 0) return sign + plain(k) + " k";
        BigDecimal m = significant(a / 1e6);
        if (m.compareTo(BigDecimal.valueOf(1000)) < 0) return sign + plain(m) + " M";
        return sign + group(Math.round(a / 1e6)) + " M";
    }

    /** A whole number with thousands separators: {@code 1,152}, {@code 80,640}, {@code -12}. */
    public static String group(long n) {
        if (n == Long.MIN_VALUE) return "-9,223,372,036,854,775,808";
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) sb.append('-');
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) sb.append(',').append(digits, i, i + 3);
        return sb.toString();
    }

    /** A count and its noun, in the plural unless it is one: {@code 1 core}, {@code 2 cores}, {@code 0 nodes}, {@code 1,152 nodes}. */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** As {@link #count(long, String)} with an irregular plural. */
    public static String count(long n, String singular, String plural) {
        return group(n) + " " + (n == 1 || n == -1 ? singular : plural);
    }

    // ---------------------------------------------------------------- helpers

    private static BigDecimal significant(double a) {
        return new BigDecimal(a).round(THREE);
    }

    /** Plain digits without trailing zeros, the integer part grouped. */
    private static String plain(BigDecimal r) {
        BigDecimal s = r.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.precision() - s.scale() <= 18 ? group(s.longValueExact()) : s.toPlainString();
        }
        String text = s.toPlainString();
        int dot = text.indexOf('.');
        return group(Long.parseLong(text.substring(0, dot))) + text.substring(dot);
    }

    private static String fixed(double a, int decimals) {
        return new BigDecimal(a).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
