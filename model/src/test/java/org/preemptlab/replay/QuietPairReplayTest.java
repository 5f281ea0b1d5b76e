package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.preemptlab.history.SlurmLocalFixturesTest.fixture;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * A quiet real-Slurm pair with slurmctld's log (the CI workload run twice at 10:47–10:53 UTC on 7 December, load ≈ 1,
 * SlurmctldDebug=debug, DebugFlags=Backfill,Priority; fixtures {@code ci-log-quiet-run1}, {@code ci-log-quiet-run2}):
 * Slurm repeated itself (floor τ 0.998, mean 0.16 s). Replayed with the passes at the log's instants and the submits
 * and ends in their order among them, the replay is within a couple of seconds of each real run (τ 0.986 / 0.982,
 * mean 1.7 / 2.1 s, median 0); without the log (the phase unknown) τ 0.80, mean 8 s — the pass instants are most of
 * the replay's error on a quiet machine (docs/slurm-fidelity.md, "A quiet pair").
 */
class QuietPairReplayTest {

    private static HistoryReplay.Result replay(String run, boolean withLog) throws Exception {
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(fixture("ci-log-quiet-run1", "slurm.conf"),
                fixture("ci-log-quiet-run1", "gres.conf"), fixture(run, "sacctmgr-dump.txt"),
                fixture(run, "sacctmgr-qos.txt")));
        SacctHistory h = SacctReader.read(fixture(run, "sacct.txt"));
        SlurmctldLog log = withLog ? SlurmctldLog.parse(Files.readAllLines(fixture(run, "slurmctld-log.txt"))) : null;
        return SiteReplay.run(site, h, log, null, SiteReplay.Priority.MULTIFACTOR);
    }

    @Test
    void theQuietPairsFloorIsTight() throws Exception {
        StartComparison floor = NoiseFloorTest.noise("ci-log-quiet");
        assertEquals(43, floor.jobs());
        assertEquals(1.0, floor.withinToleranceShare(), 1e-9);
        assertEquals(0.1628, floor.meanAbsStartErrorSeconds(), 1e-4);
        assertEquals(0.9977, floor.startOrderKendallTau(), 1e-4);
    }

    @Test
    void withTheLogTheReplayIsWithinSecondsOfEachRun() throws Exception {
        // observed: run 1 share 1, mean 1.72 s, median 0, tau 0.986; run 2 share 1, mean 2.09 s, median 0, tau 0.982
        for (String run : List.of("ci-log-quiet-run1", "ci-log-quiet-run2")) {
            HistoryReplay.Result r = replay(run, true);
            StartComparison c = r.comparison();
            assertEquals(43, c.jobs(), run);
            assertEquals(1.0, c.withinToleranceShare(), 1e-9, run);
            assertTrue(c.meanAbsStartErrorSeconds() <= 2.5, run + " mean " + c.meanAbsStartErrorSeconds());
            assertEquals(0.0, c.medianAbsStartErrorSeconds(), run);
            assertTrue(c.startOrderKendallTau() >= 0.98, run + " tau " + c.startOrderKendallTau());
            assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("same-second order from slurmctld's log")),
                    String.join("\n", r.warnings()));
        }
    }

    @Test
    void withoutTheLogThePassPhaseIsMostOfTheError() throws Exception {
        // observed: run 1 mean 7.95 s, tau 0.801 (the default replay, passes at first submit + k x interval)
        StartComparison withLog = replay("ci-log-quiet-run1", true).comparison();
        StartComparison without = replay("ci-log-quiet-run1", false).comparison();
        assertTrue(without.meanAbsStartErrorSeconds() >= 3 * withLog.meanAbsStartErrorSeconds(),
                without.meanAbsStartErrorSeconds() + " vs " + withLog.meanAbsStartErrorSeconds());
        assertTrue(without.startOrderKendallTau() <= withLog.startOrderKendallTau() - 0.1,
                without.startOrderKendallTau() + " vs " + withLog.startOrderKendallTau());
    }
}
