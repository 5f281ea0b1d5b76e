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
import org.preemptlab.slurmsched.BackfillPlans;

/**
 * A loaded real-Slurm pair with slurmctld's log: the CI workload run twice by {@code proof.sh ci} at 11:54–12:00 UTC on
 * 7 December while four helpers built and timed beside it (load average 7–9 on 2 cores; SlurmctldDebug=debug,
 * DebugFlags=Backfill,Priority; fixtures {@code ci-log-loaded-run1}, {@code ci-log-loaded-run2}). Slurm's two runs
 * differ (floor τ 0.800, mean 6.1 s, share 1). Issue 12's criteria, as written: the replay of each run has a share within
 * tolerance ≥ the floor's, τ ≥ the floor's, mean |start error| ≤ 1.5 × the floor's. Observed: the log replays (passes at
 * the log's instants, submits and ends at their millisecond) meet all three on both runs (τ 0.977 / 0.916, mean
 * 1.6 / 3.4 s); the default replays (sacct alone) meet them on run 2 (τ 0.833, 6.4 s) and miss τ on run 1 by 0.009
 * (0.791, 7.0 s) (docs/slurm-fidelity.md, "A loaded pair"). Those are the own-resource plans' figures; with Slurm's whole-node
 * plans (the default since session 13) the log replays are Slurm's schedule to the second and the default replays give τ
 * 0.765 / 0.801 (run 2 meets the criteria).
 */
class LoadedPairReplayTest {

    private static StartComparison replay(String run, boolean withLog, BackfillPlans plans) throws Exception {
        return PairReplays.replay("ci-log-loaded-run1", run, withLog, plans).comparison();
    }

    @Test
    void theLoadedPairsFloor() throws Exception {
        NoiseFloorTest.assertFloor("ci-log-loaded", 43, 1.0, 6.1163, 0.7998);
    }

    @Test
    void withTheLogEachReplayMeetsTheIssuesCriteriaAgainstThisFloor() throws Exception {
        StartComparison floor = NoiseFloorTest.noise("ci-log-loaded");
        for (String run : List.of("ci-log-loaded-run1", "ci-log-loaded-run2")) for (BackfillPlans plans : BackfillPlans.values()) {
            StartComparison c = replay(run, true, plans);
            assertEquals(43, c.jobs(), run);
            assertTrue(c.withinToleranceShare() >= floor.withinToleranceShare(), run + " share " + c.withinToleranceShare());
            assertTrue(c.startOrderKendallTau() >= floor.startOrderKendallTau(), run + " tau " + c.startOrderKendallTau());
            assertTrue(c.meanAbsStartErrorSeconds() <= 1.5 * floor.meanAbsStartErrorSeconds(),
                    run + " mean " + c.meanAbsStartErrorSeconds());
        }
    }

    @Test
    void withWholeNodePlansTheLogReplaysAreSlurmsSchedule() throws Exception {
        // with Slurm's whole-node backfill plans and the limits counted within a pass (an array's %N, the QOS limits): every
        // job of both runs at Slurm's second. Run 2's backfill cycle of 11:56:48.650 (t 48) started 36 (pldave, QOS high) on
        // c5,g1, did not test 30 (pldave, high: MaxJobsPU 2 with 20 and 36 running) and started 13_3 on c5,g[1,3]; with the QOS
        // limit unknown within the pass the model planned 30 on whole g nodes and 13_3 waited for the cycle of 53. Before
        // either (session 13): mean 4.81 / 4.23 s, tau 0.862 / 0.869; with the %N only, run 2 had 13_3 at +5 s
        // (docs/slurm-fidelity.md, "The quiet pair's misses, job by job")
        for (String run : List.of("ci-log-loaded-run1", "ci-log-loaded-run2")) {
            StartComparison c = replay(run, true, BackfillPlans.WHOLE_NODES);
            assertEquals(43, c.jobs(), run);
            java.util.Map<String, Long> off = new java.util.TreeMap<>();
            for (StartComparison.Row row : c.rows()) if (row.predictedStart() != row.actualStart()) off.put(row.key(), row.deltaSeconds());
            assertEquals(java.util.Map.of(), off, run);
        }
    }

    @Test
    void theDefaultReplaysStayWithinTheObservedRange() throws Exception {
        // observed with the default (whole-node) plans since session 13: run 1 share 1, mean 7.63 s, tau 0.765; run 2 share 1,
        // mean 6.74 s, tau 0.801. With own-resource plans: run 1 mean 7.42 s, tau 0.766; run 2 5.77 s, tau 0.849 (before the array's %N was
        // counted within a pass, session 13: 6.95 s / 0.791 and 6.42 s / 0.833 — one phase whose passes are not Slurm's, so a
        // reshuffle either way; the log replays: run 1 unchanged, run 2 3.42 -> 2.91 s, tau 0.916 -> 0.924) (what CI's
        // regression check allows: tau >= 0.50, share >= 0.90, mean <= 20 s)
        for (String run : List.of("ci-log-loaded-run1", "ci-log-loaded-run2")) {
            StartComparison c = replay(run, false, BackfillPlans.DEFAULT);
            assertEquals(43, c.jobs(), run);
            assertTrue(c.withinToleranceShare() >= 0.90, run + " share " + c.withinToleranceShare());
            assertTrue(c.startOrderKendallTau() >= 0.70, run + " tau " + c.startOrderKendallTau());
            assertTrue(c.meanAbsStartErrorSeconds() <= 1.5 * 6.1163 + 1, run + " mean " + c.meanAbsStartErrorSeconds());
        }
    }
}
