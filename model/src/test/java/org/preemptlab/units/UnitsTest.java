package org.preemptlab.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact texts of {@link Units}: the rounding rules, zero, negatives and the unit changes. */
class UnitsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0 s", "1|1 s", "45|45 s", "59|59 s", "60|1 min", "61|1 min 01 s", "185|3 min 05 s", "2700|45 min",
            "3599|59 min 59 s", "3600|1 h", "3629|1 h", "3630|1 h 01 min", "18420|5 h 07 min", "14400|4 h",
            "43200|12 h", "86369|23 h 59 min", "86370|1 d", "86400|1 d", "88200|1 d 1 h", "183600|2 d 3 h",
            "28763776|332 d 22 h", "864000000|10,000 d", "-600|-10 min", "-45|-45 s", "-183600|-2 d 3 h"})
    void durations(long seconds, String text) {
        assertThat(Units.duration(seconds)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0 s", "45|45 s", "300|5 min 00 s", "43200|12 h 00 min", "45000|12 h 30 min", "172800|2 d 0 h",
            "183600|2 d 3 h", "-3600|-1 h 00 min"})
    void instantsKeepTheirSecondUnit(long seconds, String text) {
        assertThat(Units.instant(seconds)).isEqualTo(text);
    }

    @Test
    void theEndOfTimeIsNever() {
        assertThat(Units.instant(Long.MAX_VALUE)).isEqualTo("never");
        assertThat(Units.duration(Long.MIN_VALUE)).startsWith("-").contains(" d");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0 s", "0.04|0 s", "0.4|0.4 s", "4.5|4.5 s", "9.94|9.9 s", "9.96|10 s", "10.4|10 s", "18368.625|5 h 06 min",
            "18369|5 h 06 min", "-4.5|-4.5 s", "165300|1 d 22 h"})
    void fractionalDurations(double seconds, String text) {
        assertThat(Units.duration(seconds)).isEqualTo(text);
    }

    @Test
    void notANumberIsADash() {
        assertThat(Units.duration(Double.NaN)).isEqualTo("–");
        assertThat(Units.number(Double.NaN)).isEqualTo("–");
        assertThat(Units.share(Double.NaN)).isEqualTo("–");
        assertThat(Units.bandwidth(Double.NaN)).isEqualTo("–");
        assertThat(Units.duration(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(Units.number(Double.NEGATIVE_INFINITY)).isEqualTo("-∞");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0", "1|1", "0.5|0.5", "0.123456|0.123", "0.00123456|0.00123", "1.5|1.5", "1.005|1", "12.34|12.3",
            "65.79332246575679|65.8", "123.4|123", "999.4|999", "999.5|1,000", "1000|1,000", "8180.4|8,180", "9999.4|9,999",
            "9999.5|10 k", "12345|12.3 k", "123456|123 k", "999499|999 k", "999500|1 M", "1234567|1.23 M",
            "45600000|45.6 M", "999500000|1,000 M", "4567000000|4,567 M", "-12.34|-12.3", "-12345|-12.3 k", "-0.0|0"})
    void numbers(double v, String text) {
        assertThat(Units.number(v)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0 core-h", "1800|0.5 core-h", "29447968|8,180 core-h", "360000|100 core-h", "3600000000|1 M core-h"})
    void coreHoursFromCoreSeconds(double coreSeconds, String text) {
        assertThat(Units.coreHours(coreSeconds)).isEqualTo(text);
    }

    @Test
    void nodeHoursAndRates() {
        assertThat(Units.nodeHours(12.5)).isEqualTo("12.5 node-h");
        assertThat(Units.nodeHours(1234.4)).isEqualTo("1,234 node-h");
        assertThat(Units.nodeHours(0.004)).isEqualTo("0.004 node-h");
        assertThat(Units.rate(0.4213, "checkpoints per node per day")).isEqualTo("0.421 checkpoints per node per day");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0 %", "0.00001|< 0.01 %", "0.0004|0.04 %", "0.004|0.40 %", "0.0123|1.2 %", "0.873|87.3 %", "0.12345|12.3 %",
            "0.9996|100 %", "1|100 %", "1.5|150 %", "-0.05|-5.0 %", "-0.00001|> -0.01 %"})
    void shares(double fraction, String text) {
        assertThat(Units.share(fraction)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "65.79332246575679|65.8 MB/s", "10|10 MB/s", "0.5|0.5 MB/s", "187.4|187 MB/s", "999.4|999 MB/s",
            "999.6|1 GB/s", "1000|1 GB/s", "1873|1.87 GB/s", "10000|10 GB/s", "123456|123 GB/s", "2500000|2.5 TB/s"})
    void bandwidths(double mbps, String text) {
        assertThat(Units.bandwidth(mbps)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "512|512 MB", "1000|1,000 MB", "1024|1 GB", "1536|1.5 GB", "65536|64 GB", "2097152|2 TB", "0|0 MB"})
    void sizes(double mb, String text) {
        assertThat(Units.size(mb)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1 s per second (real time)", "10|10 s per second", "60|1 min per second", "900|15 min per second",
            "14400|4 h per second", "86400|1 day per second", "172800|2 days per second", "604800|1 week per second",
            "2592000|30 days per second", "1209600|2 weeks per second", "90|1 min 30 s per second"})
    void playbackSpeeds(double speed, String text) {
        assertThat(Units.speed(speed)).isEqualTo(text);
    }

    @Test
    void countsArePluralExceptForOne() {
        assertThat(Units.count(1, "core")).isEqualTo("1 core");
        assertThat(Units.count(0, "core")).isEqualTo("0 cores");
        assertThat(Units.count(2, "node")).isEqualTo("2 nodes");
        assertThat(Units.count(1152, "processor")).isEqualTo("1,152 processors");
        assertThat(Units.count(1, "process", "processes")).isEqualTo("1 process");
        assertThat(Units.count(3, "process", "processes")).isEqualTo("3 processes");
    }

    @Test
    void groupsThousands() {
        assertThat(Units.group(0)).isEqualTo("0");
        assertThat(Units.group(999)).isEqualTo("999");
        assertThat(Units.group(1000)).isEqualTo("1,000");
        assertThat(Units.group(80640)).isEqualTo("80,640");
        assertThat(Units.group(-1234567)).isEqualTo("-1,234,567");
        assertThat(Units.group(Long.MIN_VALUE)).isEqualTo("-9,223,372,036,854,775,808");
    }

    @Test
    void theTextDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale l : new Locale[] {Locale.GERMANY, Locale.FRANCE, new Locale("ar", "EG"), new Locale("hi", "IN")}) {
                Locale.setDefault(l);
                assertThat(Units.number(12345.6)).isEqualTo("12.3 k");
                assertThat(Units.number(1234.5)).isEqualTo("1,235");
                assertThat(Units.bandwidth(65.79)).isEqualTo("65.8 MB/s");
                assertThat(Units.share(0.873)).isEqualTo("87.3 %");
                assertThat(Units.duration(18369.0)).isEqualTo("5 h 06 min");
                assertThat(Units.duration(4.5)).isEqualTo("4.5 s");
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
