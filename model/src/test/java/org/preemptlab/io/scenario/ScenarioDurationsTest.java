package org.preemptlab.io.scenario;

import org.preemptlab.time.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioDurationsTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0", "90, 90", "90s, 90", "15m, 900", "1h30m, 5400", "2d, 172800", "1d12h, 129600",
        "'1h 30m', 5400", "1H30M, 5400", "1d2h3m4s, 93784", "01:30:00, 5400", "1:30:00, 5400",
        "100:00:00, 360000", "2-12:00:00, 216000", "00:00:59, 59"
    })
    void parses(String text, long seconds) {
        assertThat(Durations.parse(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1h30", "h", "1.5h", "-5m", "30m1h", "1h1h", "5x", "1:30", "01:60:00",
        "01:5:00", "1:30:00:00", "99999999999999999999", "106751991167301d"})
    void refuses(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, 0s", "59, 59s", "60, 1m", "90, 1m30s", "5400, 1h30m", "86400, 1d", "93784, 1d2h3m4s"})
    void formats(long seconds, String text) {
        assertThat(Durations.format(seconds)).isEqualTo(text);
        assertThat(Durations.parse(text)).isEqualTo(seconds);
    }
}
