package org.preemptlab.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The what-if comparison on hand-worked numbers: groups, medians, percentages, JSON and CSV agree. */
class WhatIfComparisonTest {

    private static Map<String, JobTimes> times(long... submitStart) {
        Map<String, JobTimes> m = new LinkedHashMap<>();
        String[] parts = {"cpu", "cpu", "gpu", "gpu"};
        String[] accounts = {"a", "b", "a", "b"};
        for (int i = 0; i < submitStart.length / 2; i++) {
            m.put("j" + i, new JobTimes(submitStart[2 * i], submitStart[2 * i + 1], parts[i], accounts[i]));
        }
        return m;
    }

    @Test
    void groupsMediansPercentagesAndTheTablesAgree() {
        Map<String, JobTimes> actual = times(0, 0, 0, 0, 10, 10, 10, 10);
        // baseline waits 100, 200, 0, 50; what-if waits 50, 200, 30, 0 (j3 only in the baseline: 4 → 3 jobs)
        StartComparison base = StartComparison.compare(actual, times(0, 100, 0, 200, 10, 10, 10, 60), 60);
        Map<String, JobTimes> w = times(0, 50, 0, 200, 10, 40);
        StartComparison what = StartComparison.compare(actual, w, 60);
        WhatIfComparison c = WhatIfComparison.of(base, what);
        assertEquals(3, c.jobs());
        assertEquals(1, c.onlyBaseline());
        assertEquals(0, c.onlyWhatIf());
        WhatIfComparison.Group all = c.all();
        assertEquals(100, all.meanWaitBaselineSeconds(), 1e-9); // (100 + 200 + 0) / 3
        assertEquals(280 / 3.0, all.meanWaitWhatIfSeconds(), 1e-9);
        assertEquals(-20 / 3.0, all.meanWaitChangePercent(), 1e-9);
        assertEquals(100, all.medianWaitBaselineSeconds());
        assertEquals(50, all.medianWaitWhatIfSeconds());
        assertEquals(-50, all.medianWaitChangePercent(), 1e-9);
        assertEquals(1, all.startedEarlier());
        assertEquals(1, all.startedLater());
        assertEquals(1, all.startedSame());
        WhatIfComparison.Group gpu = c.byPartition().get("gpu");
        assertEquals(1, gpu.jobs());
        assertTrue(Double.isNaN(gpu.meanWaitChangePercent()), "0 → 30 s has no percentage");
        WhatIfComparison.Group a = c.byAccount().get("a");
        assertEquals(2, a.jobs());
        assertEquals(50, a.meanWaitBaselineSeconds(), 1e-9);
        assertEquals(40, a.meanWaitWhatIfSeconds(), 1e-9);
        assertEquals(-20, a.meanWaitChangePercent(), 1e-9);

        String json = c.toJson(Map.of());
        assertTrue(json.contains("\"all\": {\"jobs\": 3, \"meanWaitBaselineSeconds\": 100, \"meanWaitWhatIfSeconds\": 93.3333, "
                + "\"meanWaitChangePercent\": -6.6667, \"medianWaitBaselineSeconds\": 100, \"medianWaitWhatIfSeconds\": 50, "
                + "\"medianWaitChangePercent\": -50, \"startedEarlier\": 1, \"startedLater\": 1, \"startedSame\": 1}"), json);
        assertTrue(json.contains("\"gpu\": {\"jobs\": 1, \"meanWaitBaselineSeconds\": 0, \"meanWaitWhatIfSeconds\": 30, \"meanWaitChangePercent\": null"), json);
        assertTrue(json.contains("\"onlyBaseline\": 1,"), json);

        String[] csv = c.toCsv(what).split("\n");
        assertEquals("jobId,actualStart,predictedStart,deltaSeconds,actualWait,predictedWait,partition,account,baselineStart,baselineWait,"
                + "whatIfChangeSeconds", csv[0]);
        assertEquals("j0,0,50,50,0,50,cpu,a,100,100,-50", csv[1]);
        assertEquals("j2,10,40,30,0,30,gpu,a,10,0,30", csv[3]);
        assertEquals(4, csv.length);
        // the CSV's per-job changes add up to the JSON's means (seconds in both)
        double sum = 0;
        for (int i = 1; i < csv.length; i++) sum += Long.parseLong(csv[i].substring(csv[i].lastIndexOf(',') + 1));
        assertEquals(all.meanWaitWhatIfSeconds() - all.meanWaitBaselineSeconds(), sum / c.jobs(), 1e-9);
    }
}
