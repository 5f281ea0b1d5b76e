package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void etaBarShowsCountsAndTimeLeft() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "sweep s", "variants", true);
        bar.progress(0, 4);
        bar.progress(1, 4);
        bar.progress(4, 4);
        String[] parts = bytes.toString(StandardCharsets.UTF_8).split("\r");
        assertThat(parts[1]).isEqualTo("sweep s [                              ] 0% (0/4 variants, ETA --:--)");
        assertThat(parts[2]).matches("sweep s \\[####### +\\] 25% \\(1/4 variants, ETA \\d+:\\d\\d\\)");
        assertThat(parts[3]).matches("sweep s \\[#{30}\\] 100% \\(4/4 variants, \\d+:\\d\\d in all\\)\\R");
    }

    @Test
    void clock() {
        assertThat(ProgressBar.clock(0)).isEqualTo("0:00");
        assertThat(ProgressBar.clock(247)).isEqualTo("4:07");
        assertThat(ProgressBar.clock(3909.4)).isEqualTo("1:05:09");
    }
}
