package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlurmTimeTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({
        "30, 1800",                 // minutes
        "0, 0",
        "90:30, 5430",              // minutes:seconds
        "04:00:00, 14400",          // hours:minutes:seconds
        "1:02:03, 3723",
        "2-12, 216000",             // days-hours
        "1-06:30, 109800",          // days-hours:minutes
        "3-00:00:00, 259200",       // days-hours:minutes:seconds
        "14-0, 1209600",
        "0:90:00, 5400",            // fields are not range-checked, as in Slurm
        "2-, 172800"                // Slurm accepts a bare day count with its dash
    })
    void slurmsSixForms(String text, long seconds) {
        assertThat(SlurmTime.parseSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNLIMITED", "unlimited", "INFINITE", "-1"})
    void noLimit(String text) {
        assertThat(SlurmTime.parseSeconds(text)).isEqualTo(SlurmTime.UNLIMITED);
        assertThat(SlurmTime.parseMinutesRoundedUp(text)).isEqualTo(SlurmTime.UNLIMITED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-xx:00", "", "abc", "1:2:3:4", "1-2-3", "1:2-3", ":30", "1:", "1-2:", "1::3", "-5", "1h", "1.5", "99999999999999999999"})
    void notSlurmTimes(String text) {
        assertThatThrownBy(() -> SlurmTime.parseSeconds(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a Slurm time (days-hours:minutes:seconds)");
    }

    @Test
    void partitionLimitsRoundUpToMinutes() {
        assertThat(SlurmTime.parseMinutesRoundedUp("1:30")).isEqualTo(120);
        assertThat(SlurmTime.parseMinutesRoundedUp("00:00:01")).isEqualTo(60);
        assertThat(SlurmTime.parseMinutesRoundedUp("30")).isEqualTo(1800);
    }

    @Test
    void formatsAsSlurmPrints() {
        assertThat(SlurmTime.format(0)).isEqualTo("00:00:00");
        assertThat(SlurmTime.format(3723)).isEqualTo("01:02:03");
        assertThat(SlurmTime.format(172_800)).isEqualTo("2-00:00:00");
        assertThat(SlurmTime.format(SlurmTime.UNLIMITED)).isEqualTo("UNLIMITED");
    }
}
