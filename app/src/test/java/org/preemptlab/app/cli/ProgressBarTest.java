package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.preemptlab.sim.Simulation;
import org.preemptlab.scenario.Scenario;

/** The bar with a fake clock: nothing for a quick run, then time-throttled redraws, always the end. */
class ProgressBarTest {

    private static final long S = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * S);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressBar bar(String label, String unit, boolean eta) {
        return new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), label, unit, eta, now::get);
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunShorterThanTwoSecondsPrintsNothing() {
        ProgressBar bar = bar("simulate easy", "jobs", false);
        for (int done = 0; done <= 1000; done += 10) {
            now.addAndGet(S / 60); // 1000 jobs in 1.7 s
            bar.progress(done, 1000);
        }
        assertThat(text()).isEmpty();
    }

    @Test
    void afterTwoSecondsTheBarIsRedrawnAtMostFourTimesASecondAndTheEndIsAlwaysDrawn() {
        ProgressBar bar = bar("run big.json", "jobs", false);
        bar.progress(0, 1_000_000);
        now.addAndGet(2 * S); // the first call after 2 s draws
        bar.progress(10_000, 1_000_000);
        for (int i = 1; i <= 100; i++) { // 100 calls in 1 s: 4 redraws (every 0.25 s)
            now.addAndGet(S / 100);
            bar.progress(10_000 + i * 1_000, 1_000_000);
        }
        bar.progress(1_000_000, 1_000_000); // the end, however soon
        bar.progress(1_000_000, 1_000_000); // drawn once
        String[] parts = text().split("\r", -1);
        assertThat(parts).hasSize(1 + 1 + 4 + 1);
        assertThat(parts[1]).isEqualTo("run big.json [                              ] 1% (10,000/1,000,000 jobs)");
        assertThat(parts[2]).isEqualTo("run big.json [                              ] 3% (35,000/1,000,000 jobs)");
        assertThat(parts[6]).isEqualTo("run big.json [##############################] 100% (1,000,000/1,000,000 jobs)" + System.lineSeparator());
    }

    @Test
    void etaBarShowsCountsAndTimeLeftFromTheStart() {
        ProgressBar bar = bar("sweep s", "variants", true);
        bar.progress(0, 4);
        now.addAndGet(4 * S);
        bar.progress(1, 4); // 4 s for 1: 12 s left
        now.addAndGet(S / 10);
        bar.progress(2, 4); // too soon after the last redraw
        now.addAndGet(8 * S);
        bar.progress(4, 4);
        String[] parts = text().split("\r");
        assertThat(parts).hasSize(4);
        assertThat(parts[1]).isEqualTo("sweep s [                              ] 0% (0/4 variants, ETA --:--)");
        assertThat(parts[2]).isEqualTo("sweep s [#######                       ] 25% (1/4 variants, ETA 0:12)");
        assertThat(parts[3]).isEqualTo("sweep s [##############################] 100% (4/4 variants, 0:12 in all)" + System.lineSeparator());
    }

    /** A scenario run reports its jobs through the same bar (the engine calls it as jobs end). */
    @Test
    void aScenarioRunReportsProgress() throws Exception {
        StringBuilder jobs = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            if (i > 0) jobs.append(',');
            jobs.append("{\"name\": \"j").append(i).append("\", \"submit\": ").append(i).append(", \"nodes\": 1, \"coresPerNode\": 4, \"estimate\": 100, \"runtime\": 50}");
        }
        Scenario s = org.preemptlab.io.scenario.ScenarioReader.read("{\"formatVersion\": 1, \"name\": \"many\", \"cluster\": {\"pools\": "
                + "[{\"name\": \"p\", \"nodes\": 4, \"coresPerNode\": 4}]}, \"policy\": {\"scheduler\": \"easy\"}, \"jobs\": [" + jobs + "]}",
                "many.json", null);
        ProgressBar bar = bar("run many.json", "jobs", false);
        long[] calls = {0};
        LiveRuns.run(s.toConfig(false), "emulated", 60, null, null, null, (done, total) -> {
            calls[0]++;
            now.addAndGet(S / 10); // each report takes 0.1 s of the fake clock
            bar.progress(done, total);
        });
        assertThat(calls[0]).isGreaterThan(100);
        String[] parts = text().split("\r");
        assertThat(parts.length).isGreaterThan(3);
        assertThat(parts[1]).matches("run many\\.json \\[#* *\\] \\d+% \\([\\d,]+/1,000 jobs\\)");
        assertThat(parts[parts.length - 1]).startsWith("run many.json [##############################] 100% (1,000/1,000 jobs)");

        // a live run (local, Slurm) reports after each instant the engine applies
        bytes.reset();
        ProgressBar live = bar("run many.json", "jobs", false);
        var listener = LiveRuns.progressOf((done, total) -> {
            now.addAndGet(S / 100);
            live.progress(done, total);
        });
        Simulation sim = new Simulation(s.toConfig(false));
        sim.begin();
        while (!sim.isFinished()) { // as RealTimeDriver does
            sim.step();
            listener.stepped(sim);
        }
        parts = text().split("\r");
        assertThat(parts.length).isGreaterThan(3);
        assertThat(parts[parts.length - 1]).startsWith("run many.json [##############################] 100% (1,000/1,000 jobs)");
    }

    @Test
    void shownOnATerminalOrWhenAsked() {
        assertThat(ProgressBar.wanted(null, true)).isTrue();
        assertThat(ProgressBar.wanted(null, false)).isFalse();
        assertThat(ProgressBar.wanted("1", false)).isTrue();
        assertThat(ProgressBar.wanted("always", false)).isTrue();
        assertThat(ProgressBar.wanted("0", true)).isFalse();
        assertThat(ProgressBar.wanted("", true)).isTrue();
    }

    @Test
    void clock() {
        assertThat(ProgressBar.clock(0)).isEqualTo("0:00");
        assertThat(ProgressBar.clock(247)).isEqualTo("4:07");
        assertThat(ProgressBar.clock(3909.4)).isEqualTo("1:05:09");
    }
}
