package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctJob;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SyntheticHistory;
import org.preemptlab.slurmconf.SlurmSite;

/** The warm-up beside a long replay: its rows, its own site record, its thread joined, and no effect on the replay's result. */
@Timeout(value = 600, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplayWarmUpTest {

    @TempDir
    Path dir;

    private SlurmSite site() throws Exception {
        Path conf = dir.resolve("slurm.conf");
        Files.writeString(conf, SyntheticHistory.slurmConf(4, 2));
        return SlurmSite.read(new SlurmSite.Files(conf, null, null, null));
    }

    private static SacctHistory history(int jobs) throws Exception {
        return SacctReader.read(SyntheticHistory.sacct(jobs, 4, 2, 1.2, 7), "synthetic.txt");
    }

    @Test
    void thePrefixIsTheFirstReplayedRowsInFileOrderAndNoneBelowTheMinimum() throws Exception {
        String header = String.join("|", SacctReader.FIELDS);
        String ran = "|j|u|a|cpu|normal|2026-01-01T00:00:0%d|2026-01-01T00:00:0%d|2026-01-01T00:01:00|2026-01-01T00:02:00|00:01:00"
                + "|00:10:00|1|1|1000M|cpu=1|cpu=1|c1|COMPLETED|1";
        String never = "|j|u|a|cpu|normal|2026-01-01T00:00:05|2026-01-01T00:00:05|Unknown|Unknown|00:00:00|00:10:00|1|1|1000M|cpu=1||"
                + "None assigned|CANCELLED by 0|1";
        SacctHistory h = SacctReader.read(header + "\n" + "1" + ran.formatted(1, 1) + "\n2" + never + "\n3" + ran.formatted(3, 3)
                + "\n4" + ran.formatted(4, 4) + "\n", "t.txt");
        List<SacctJob> two = ReplayWarmUp.prefix(h, 3, 2);
        assertEquals(List.of("1", "3"), two.stream().map(j -> j.id().text()).toList());
        assertEquals(3, ReplayWarmUp.prefix(h, 3, 10).size());
        assertTrue(ReplayWarmUp.prefix(h, 4, 2).isEmpty(), "3 replayed rows, fewer than 4");
    }

    @Test
    void aShortHistoryGetsNoWarmUp() throws Exception {
        ReplayWarmUp w = ReplayWarmUp.start(site(), history(200), SiteReplayRun.Options.defaults());
        assertSame(ReplayWarmUp.NONE, w);
        assertFalse(w.started());
        assertEquals(0, w.finish());
    }

    @Test
    void aWarmUpNotStoppedReplaysItsRowsToTheEndOnItsOwnSiteRecord() throws Exception {
        SlurmSite site = site();
        int before = site.report().warnings().size();
        ReplayWarmUp w = ReplayWarmUp.start(site, history(400), SiteReplayRun.Options.defaults(), 300, 150);
        assertTrue(w.started());
        assertEquals(150, w.join());
        // its cluster's warnings (no dump: every association of 1 share, …) went to a report of its own
        assertEquals(before, site.report().warnings().size());
    }

    @Test
    void aStoppedWarmUpEndsAndItsThreadIsJoined() throws Exception {
        ReplayWarmUp w = ReplayWarmUp.start(site(), history(3_000), SiteReplayRun.Options.defaults(), 100, 3_000);
        int r = w.finish(); // stops it at its next progress report (every 15 of its jobs) and joins it
        assertTrue(r == -1 || r == 3_000, "stopped (−1) or, on a fast machine, already through its 3,000 jobs: " + r);
        assertEquals(r, w.finish(), "a second finish finds it ended");
    }

    @Test
    void theReplayBesideAWarmUpGivesTheSameTableAndReport() throws Exception {
        SacctHistory h = history(800);
        SiteReplayRun.Options o = SiteReplayRun.Options.defaults();
        SiteReplayRun.Outcome alone = SiteReplayRun.run(site(), null, h, o, false, SiteReplayRun.Progress.NONE);
        SlurmSite site = site();
        SiteReplayRun.Outcome beside;
        try (ReplayWarmUp w = ReplayWarmUp.start(site, h, o, 500, 800)) { // the whole history again, beside the run to its end
            beside = SiteReplayRun.run(site, null, h, o, false, SiteReplayRun.Progress.NONE);
        }
        assertEquals(alone.result().comparison().toCsv(), beside.result().comparison().toCsv());
        assertEquals(alone.warnings(), beside.warnings());
        assertEquals(alone.result().backfillCycles(), beside.result().backfillCycles());
    }
}
