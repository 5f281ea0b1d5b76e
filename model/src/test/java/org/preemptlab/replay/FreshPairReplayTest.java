package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.fidelity.StartComparison;

/**
 * The pair recorded by session 13's fresh-clone CI rehearsal (`proof.sh ci` at 13:45–13:52 UTC on 7 December, slurmctld's debug
 * log, two busy loops and the build beside it; fixtures {@code ci-log-fresh-run1}, {@code ci-log-fresh-run2}). Slurm repeated
 * itself closely (floor τ 0.977, mean 1.5 s). Unlike the quiet and the loaded pairs, the whole-node log replays are not
 * Slurm's schedule here: run 1 mean 4.4 s, τ 0.918 (first divergence: the array 13's tasks 13_2 / 13_3 at t 43–48), run 2
 * 1.5 s, τ 0.955 — the criteria are missed on τ (and on run 1's mean); not yet explained (docs/slurm-fidelity.md, "Whole-node
 * plans the default"). Pinned so that the next change that explains it shows.
 */
class FreshPairReplayTest {

    @Test
    void theFreshPairsFloor() throws Exception {
        NoiseFloorTest.assertFloor("ci-log-fresh", 43, 1.0, 1.5349, 0.9772);
    }

    @Test
    void theLogReplaysAreWithinSecondsButNotExact() throws Exception {
        // observed (whole-node default): run 1 share 1, mean 4.37 s, median 0, tau 0.918; run 2 share 1, mean 1.47 s, tau 0.955
        for (String run : List.of("ci-log-fresh-run1", "ci-log-fresh-run2")) {
            StartComparison c = PairReplays.replay("ci-log-fresh-run1", run, true, SiteReplay.BackfillPlans.DEFAULT).comparison();
            assertEquals(43, c.jobs(), run);
            assertEquals(1.0, c.withinToleranceShare(), 1e-9, run);
            assertEquals(0.0, c.medianAbsStartErrorSeconds(), run);
            assertTrue(c.meanAbsStartErrorSeconds() <= 5.0, run + " mean " + c.meanAbsStartErrorSeconds());
            assertTrue(c.startOrderKendallTau() >= 0.90, run + " tau " + c.startOrderKendallTau());
        }
    }
}
