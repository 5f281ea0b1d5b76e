package org.preemptlab.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Units} read back: a text parsed by a small reader of its own forms is the value within the
 * rounding the rules promise, and the texts keep the order of the values (monotone).
 */
class UnitsProperties {

    private static final Pattern PART = Pattern.compile("([0-9,]+(?:\\.[0-9]+)?) (d|h|min|s)");
    private static final Pattern NUMBER = Pattern.compile("(-?)([0-9,]+(?:\\.[0-9]+)?)(?: (k|M))?");

    /** Seconds of a duration text such as {@code -2 d 3 h} or {@code 5 min 07 s}. */
    static double parseDuration(String text) {
        boolean negative = text.startsWith("-");
        Matcher m = PART.matcher(negative ? text.substring(1) : text);
        double total = 0;
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("unparsed text in \"%s\"", text).isLessThanOrEqualTo(end + 1);
            double n = Double.parseDouble(m.group(1).replace(",", ""));
            total += n * switch (m.group(2)) {
                case "d" -> 86_400;
                case "h" -> 3600;
                case "min" -> 60;
                default -> 1;
            };
            end = m.end();
        }
        assertThat(end).as("whole text \"%s\" read", text).isEqualTo(negative ? text.length() - 1 : text.length());
        return negative ? -total : total;
    }

    static double parseNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        assertThat(m.matches()).as("number text \"%s\"", text).isTrue();
        double v = Double.parseDouble(m.group(2).replace(",", ""));
        if ("k".equals(m.group(3))) v *= 1e3;
        if ("M".equals(m.group(3))) v *= 1e6;
        return "-".equals(m.group(1)) ? -v : v;
    }

    /** How far the text may be from the value: exact below 1 h, half a minute below a day, half an hour above. */
    static double allowedError(long seconds) {
        long a = Math.abs(seconds);
        return a < 3600 ? 0 : a < 86_400 - 30 ? 30 : 1800;
    }

    @Property(tries = 3000)
    void aDurationReadsBackWithinItsRounding(@ForAll @LongRange(min = -20_000_000_000L, max = 20_000_000_000L) long seconds) {
        String text = Units.duration(seconds);
        assertThat(Math.abs(parseDuration(text) - seconds)).as(text).isLessThanOrEqualTo(allowedError(seconds));
        assertThat(text).doesNotContain("60 min").doesNotContain("60 s").doesNotContain(" 24 h");
    }

    @Property(tries = 3000)
    void anInstantReadsBackLikeADuration(@ForAll @LongRange(min = 0, max = 20_000_000_000L) long seconds) {
        String text = Units.instant(seconds);
        assertThat(Math.abs(parseDuration(text) - seconds)).as(text).isLessThanOrEqualTo(allowedError(seconds));
        assertThat(parseDuration(text)).isEqualTo(parseDuration(Units.duration(seconds)));
    }

    @Property(tries = 3000)
    void durationsAreMonotone(@ForAll @LongRange(min = -3_000_000, max = 3_000_000) long a,
            @ForAll @LongRange(min = 0, max = 200_000) long step) {
        assertThat(parseDuration(Units.duration(a))).isLessThanOrEqualTo(parseDuration(Units.duration(a + step)));
    }

    @Property(tries = 3000)
    void aNumberReadsBackWithinThreeSignificantDigits(@ForAll @DoubleRange(min = -1e12, max = 1e12) double v) {
        String text = Units.number(v);
        double back = parseNumber(text);
        double a = Math.abs(v);
        double allowed = a >= 1000 && a < 9999.5 ? 0.5 : 0.005 * a + 1e-12;
        assertThat(Math.abs(back - v)).as(text).isLessThanOrEqualTo(allowed);
    }

    @Property(tries = 3000)
    void numbersAreMonotone(@ForAll @DoubleRange(min = 0, max = 1e10) double a, @ForAll @DoubleRange(min = 0, max = 1e9) double step) {
        assertThat(parseNumber(Units.number(a))).isLessThanOrEqualTo(parseNumber(Units.number(a + step)));
    }

    @Property(tries = 2000)
    void aBandwidthIsOneUnitAndThreeDigits(@ForAll @DoubleRange(min = 0.01, max = 1e8) double mbps) {
        String text = Units.bandwidth(mbps);
        Matcher m = Pattern.compile("([0-9,]+(?:\\.[0-9]+)?) (MB|GB|TB)/s").matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        double back = Double.parseDouble(m.group(1).replace(",", "")) * switch (m.group(2)) {
            case "GB" -> 1e3;
            case "TB" -> 1e6;
            default -> 1;
        };
        assertThat(Math.abs(back - mbps)).as(text).isLessThanOrEqualTo(0.005 * mbps);
        assertThat(m.group(1).replace(",", "").replace(".", "").replaceFirst("^0+", "").length()).as(text).isLessThanOrEqualTo(4);
    }

    @Property(tries = 2000)
    void aShareReadsBackWithinItsLastDigit(@ForAll @DoubleRange(min = 0, max = 1) double f) {
        String text = Units.share(f);
        assertThat(text).endsWith(" %");
        if (text.startsWith("<")) {
            assertThat(f).isPositive().isLessThan(0.00005);
            return;
        }
        double back = Double.parseDouble(text.substring(0, text.length() - 2).replace(",", "")) / 100;
        assertThat(Math.abs(back - f)).as(text).isLessThanOrEqualTo(0.0005 + 1e-12);
    }
}
