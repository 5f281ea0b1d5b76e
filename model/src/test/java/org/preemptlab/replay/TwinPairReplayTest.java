package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.preemptlab.fidelity.StartComparison;

/**
 * The pair recorded by session 16's CI run (`proof.sh ci` at about 23:04–23:09 UTC on 7 December, slurmctld's debug log,
 * two busy loops beside the CI; fixtures {@code ci-log-twin-run1}, {@code ci-log-twin-run2}): the first pair whose two real
 * runs started every job at the same second of the run (floor: share 1, mean 0 s, τ 1). The log replays put every job of
 * both at Slurm's second, so they meet issue 12's criteria even against a floor of zero; from sacct alone (phases
 * inferred 0/0) both are 7.47 s off on average (τ 0.817) and miss it — mean ≤ 1.5 × 0 s asks for Slurm's exact schedule,
 * which sacct's seconds do not give (the passes' instants and the sub-second order; docs/slurm-fidelity.md).
 */
class TwinPairReplayTest {

    @Test
    void theTwoRealRunsAreTheSameSchedule() throws Exception {
        NoiseFloorTest.assertFloor("ci-log-twin", 43, 1.0, 0.0, 1.0);
    }

    @Test
    void theLogReplaysAreSlurmsScheduleToTheSecond() throws Exception {
        PairReplays.assertLogReplayToTheSecond("ci-log-twin-run1", "ci-log-twin-run2");
    }

    @Test
    void fromSacctAloneNeitherRunMeetsAFloorOfZero() throws Exception {
        for (String run : new String[] {"ci-log-twin-run1", "ci-log-twin-run2"}) {
            assertEquals("0/0", PairReplays.inferredPhases("ci-log-twin-run1", run), run);
            StartComparison c = PairReplays.fromSacct("ci-log-twin-run1", run, PassPhase.AUTO, SameSecond.ENGINE); // the engine's same-second order (before session 17)
            assertEquals(43, c.jobs(), run);
            assertEquals(1.0, c.withinToleranceShare(), 1e-9, run);
            assertEquals(7.4651, c.meanAbsStartErrorSeconds(), 1e-4, run);
            assertEquals(0.8172, c.startOrderKendallTau(), 1e-4, run);
            assertFalse(PairReplays.meets(c, 1.0, 0.0, 1.0), run + " from sacct alone meets a floor of zero");
        }
    }
}
