package org.preemptlab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StartComparisonTest {

    private static Map<String, JobTimes> times(long[] starts, String... parts) {
        Map<String, JobTimes> m = new LinkedHashMap<>();
        for (int i = 0; i < starts.length; i++) m.put("J" + (i + 1), new JobTimes(0, starts[i], parts[i], i % 2 == 0 ? "chem" : "bio"));
        return m;
    }

    /**
     * Actual 0, 10, 100, 200; predicted 0, 120, 90, 500 (all submitted at 0): deltas 0, 110, −10, 300;
     * within 60 s: J1 and J3, ½; mean |Δ| 420/4 = 105; median (10 + 110)/2 = 60; the order differs
     * in one pair of six (J2, J3): τ = (5 − 1)/6.
     */
    @Test
    void handWorkedFourJobs() {
        String[] parts = {"cpu", "cpu", "gpu", "gpu"};
        StartComparison c = StartComparison.compare(times(new long[] {0, 10, 100, 200}, parts),
                times(new long[] {0, 120, 90, 500}, parts), 60);
        assertEquals(4, c.jobs());
        assertEquals(0.5, c.withinToleranceShare());
        assertEquals(105.0, c.meanAbsStartErrorSeconds());
        assertEquals(60.0, c.medianAbsStartErrorSeconds());
        assertEquals(300.0, c.p90AbsStartErrorSeconds());
        assertEquals(4.0 / 6, c.startOrderKendallTau(), 1e-12);
        assertEquals(77.5, c.meanWaitActualSeconds());
        assertEquals(177.5, c.meanWaitPredictedSeconds());
        assertEquals(new StartComparison.Waits(2, 5, 60), c.byPartition().get("cpu"));
        assertEquals(new StartComparison.Waits(2, 150, 295), c.byPartition().get("gpu"));
        assertEquals(new StartComparison.Waits(2, 50, 45), c.byAccount().get("chem"));
        assertEquals(110, c.rows().get(1).deltaSeconds());
        assertTrue(c.toCsv().startsWith("jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account\nJ1,0,0,0,0,0,cpu,chem\n"));
        assertTrue(c.toJson(Map.of()).contains("\"startOrderKendallTau\": 0.6667"));
    }

    @Test
    void unmatchedJobsAreCountedNotCompared() {
        Map<String, JobTimes> a = times(new long[] {0, 10, 20}, "p", "p", "p");
        Map<String, JobTimes> p = new LinkedHashMap<>(times(new long[] {5, 10}, "p", "p"));
        p.put("X", new JobTimes(0, 1, "p", ""));
        StartComparison c = StartComparison.compare(a, p, 60);
        assertEquals(2, c.jobs());
        assertEquals(1, c.unmatchedActual());
        assertEquals(1, c.unmatchedPredicted());
        assertEquals(2.5, c.meanAbsStartErrorSeconds());
    }

    @Test
    void defaultToleranceIsTwiceBfIntervalAtLeastAMinute() {
        assertEquals(60, StartComparison.defaultTolerance(5));
        assertEquals(60, StartComparison.defaultTolerance(30));
        assertEquals(90, StartComparison.defaultTolerance(45));
    }

    @Test
    void tauBWithTiesAndReversal() {
        assertEquals(2 / Math.sqrt(6), KendallTau.tauB(new long[] {1, 1, 2}, new long[] {1, 2, 3}), 1e-12);
        assertEquals(-1.0, KendallTau.tauB(new long[] {1, 2, 3, 4}, new long[] {9, 7, 5, 1}), 1e-12);
        assertTrue(Double.isNaN(KendallTau.tauB(new long[] {1, 1}, new long[] {1, 2})));
    }

    /** The O(n log n) count agrees with the O(n²) definition on random rankings with many ties. */
    @Test
    void tauBMatchesTheQuadraticDefinition() {
        Random rnd = new Random(7);
        for (int t = 0; t < 300; t++) {
            int n = 2 + rnd.nextInt(40);
            long[] x = new long[n], y = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = rnd.nextInt(8);
                y[i] = rnd.nextInt(8);
            }
            double c = 0, d = 0, tx = 0, ty = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    long sx = Long.signum(x[i] - x[j]), sy = Long.signum(y[i] - y[j]);
                    if (sx == 0 && sy == 0) continue;
                    if (sx == 0) tx++;
                    else if (sy == 0) ty++;
                    else if (sx == sy) c++;
                    else d++;
                }
            }
            double expected = (c + d + tx) * (c + d + ty) == 0 ? Double.NaN : (c - d) / Math.sqrt((c + d + tx) * (c + d + ty));
            double got = KendallTau.tauB(x, y);
            if (Double.isNaN(expected)) assertTrue(Double.isNaN(got));
            else assertEquals(expected, got, 1e-9);
        }
    }

    @Test
    void aHundredThousandJobsCompare() {
        int n = 100_000;
        long[] a = new long[n], p = new long[n];
        String[] parts = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
            p[i] = i + (i % 3 == 0 ? 100 : 0);
            parts[i] = "p";
        }
        StartComparison c = StartComparison.compare(times(a, parts), times(p, parts), 60);
        assertEquals(n, c.jobs());
        assertEquals(2.0 / 3, c.withinToleranceShare(), 1e-4);
        assertTrue(c.startOrderKendallTau() > 0.99 && c.startOrderKendallTau() < 1);
    }
}
