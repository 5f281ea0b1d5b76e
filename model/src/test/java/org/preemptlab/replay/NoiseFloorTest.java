package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmLocalFixturesTest;
import org.preemptlab.slurmconf.ImportReport;
import org.preemptlab.slurmconf.SlurmConf;
import org.preemptlab.slurmconf.SlurmConfParser;

/**
 * Slurm's own run-to-run spread on the two real runs of each workload (the numbers in
 * docs/slurm-fidelity.md), and the replay of the CI-sized run against it.
 */
class NoiseFloorTest {

    private static SacctHistory read(String run) throws Exception {
        return SacctReader.read(SlurmLocalFixturesTest.fixture(run, "sacct.txt"));
    }

    /** Real run 1 vs real run 2 of the fixtures {@code mode-run1}, {@code mode-run2}. */
    static StartComparison noise(String mode) throws Exception {
        return StartComparison.compare(HistoryTimes.of(read(mode + "-run1"), HistoryTimes.Key.NAME),
                HistoryTimes.of(read(mode + "-run2"), HistoryTimes.Key.NAME), StartComparison.defaultTolerance(5));
    }

    /** The pair's floor: its jobs, share within tolerance, mean |start error| (to 1e-4 s) and Kendall τ (to 1e-4), as pinned. */
    static StartComparison assertFloor(String mode, int jobs, double share, double meanSeconds, double tau) throws Exception {
        StartComparison c = noise(mode);
        assertEquals(jobs, c.jobs());
        assertEquals(share, c.withinToleranceShare(), 1e-9);
        assertEquals(meanSeconds, c.meanAbsStartErrorSeconds(), 1e-4);
        assertEquals(tau, c.startOrderKendallTau(), 1e-4);
        return c;
    }

    @Test
    void fullWorkloadNoiseFloor() throws Exception {
        StartComparison c = noise("full");
        assertEquals(140, c.jobs());
        assertEquals(0, c.unmatchedActual() + c.unmatchedPredicted());
        assertEquals(60, c.toleranceSeconds());
        assertEquals(0.65, c.withinToleranceShare(), 1e-9);
        assertEquals(62.3357, c.meanAbsStartErrorSeconds(), 1e-4);
        assertEquals(21.0, c.medianAbsStartErrorSeconds());
        assertEquals(0.8081, c.startOrderKendallTau(), 1e-4);
        assertEquals(167.6286, c.meanWaitActualSeconds(), 1e-4);
        assertEquals(165.7643, c.meanWaitPredictedSeconds(), 1e-4);
    }

    @Test
    void ciWorkloadNoiseFloor() throws Exception {
        assertFloor("ci", 43, 42.0 / 43, 10.2558, 0.7265);
    }

    /**
     * The CI run replayed: as many jobs within tolerance as the other real run, and a mean error
     * within 1.5 × the real-vs-real mean (issue 12's criteria; Kendall's τ is 0.71 against 0.73:
     * docs/slurm-fidelity.md says what is not modelled).
     */
    @Test
    void ciReplayIsWithinTheNoiseFloorOnShareAndMeanError() throws Exception {
        SlurmConf conf = SlurmConfParser.read(SlurmLocalFixturesTest.fixture("ci-run1", "slurm.conf"), new ImportReport());
        HistoryReplay.Result r = HistoryReplay.run(conf, read("ci-run1"), 0, null);
        StartComparison floor = noise("ci");
        StartComparison c = r.comparison();
        assertEquals(43, c.jobs());
        assertEquals(60, c.toleranceSeconds());
        assertTrue(c.withinToleranceShare() >= floor.withinToleranceShare(), c.withinToleranceShare() + " < " + floor.withinToleranceShare());
        assertTrue(c.meanAbsStartErrorSeconds() <= 1.5 * floor.meanAbsStartErrorSeconds(),
                c.meanAbsStartErrorSeconds() + " > 1.5 × " + floor.meanAbsStartErrorSeconds());
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("priority: sacct's Priority column")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.startsWith("GRES")));
        assertTrue(r.backfillCycles() > 0);
    }

    /**
     * A quiet pair (CI's proof of 7 December 10:11 UTC, machine at load ≈ 2–4): Slurm repeated itself almost exactly, so
     * this floor is tight (τ 0.99, mean 1 s) — the replay's own error shows (docs/slurm-fidelity.md, "A quiet pair").
     */
    @Test
    void quietCiPairNoiseFloor() throws Exception {
        StartComparison c = noise("ci-quiet");
        assertEquals(43, c.jobs());
        assertEquals(0, c.unmatchedActual() + c.unmatchedPredicted());
        assertEquals(1.0, c.withinToleranceShare(), 1e-9);
        assertEquals(0.9767, c.meanAbsStartErrorSeconds(), 1e-4);
        assertEquals(0.9897, c.startOrderKendallTau(), 1e-4);
        assertEquals(18.0698, c.meanWaitActualSeconds(), 1e-4);
        assertEquals(18.907, c.meanWaitPredictedSeconds(), 1e-4);
    }
}
