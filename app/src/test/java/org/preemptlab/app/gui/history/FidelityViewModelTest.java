package org.preemptlab.app.gui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.compare.ChartTimeUnit;
import org.preemptlab.fidelity.JobTimes;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.replay.HistoryReplay;
import org.preemptlab.replay.ReplayReasons;

/** The predicted-vs-actual numbers on a hand-made comparison: units, bins, groups, the worst jobs. */
class FidelityViewModelTest {

    /** Jobs a…e over two days; errors −2 h, 0, +30 s, +90 s, +5 h; tolerance 60 s. */
    private static FidelityViewModel vm() {
        Map<String, JobTimes> actual = new LinkedHashMap<>(), predicted = new LinkedHashMap<>();
        long[][] t = {{0, 10_000, 2_800}, {100, 100, 100}, {200, 50_000, 50_030}, {300, 100_000, 100_090}, {400, 170_000, 188_000}};
        String[] parts = {"cpu", "gpu", "cpu", "cpu", "gpu"};
        for (int i = 0; i < t.length; i++) {
            String k = String.valueOf((char) ('a' + i));
            actual.put(k, new JobTimes(t[i][0], t[i][1], parts[i], i % 2 == 0 ? "bio" : "phys"));
            predicted.put(k, new JobTimes(t[i][0], t[i][2], parts[i], i % 2 == 0 ? "bio" : "phys"));
        }
        StartComparison c = StartComparison.compare(actual, predicted, 60);
        return new FidelityViewModel("test", new HistoryReplay.Result(c, List.of("a warning"), Map.of(), 5, null, 3, 1200),
                ReplayReasons.none());
    }

    @Test
    void aTwoDayHistoryIsDrawnInHoursAndItsErrorsInHours() {
        FidelityViewModel f = vm();
        assertThat(f.timeUnit()).isEqualTo(ChartTimeUnit.HOURS);
        assertThat(f.errorUnit()).isEqualTo(ChartTimeUnit.HOURS);
        var groups = f.scatterGroups();
        assertThat(groups).extracting(FidelityViewModel.ScatterGroup::name).containsExactly("cpu", "gpu");
        assertThat(groups.get(0).actual()).containsExactly(10_000 / 3600.0, 50_000 / 3600.0, 100_000 / 3600.0);
        f.colorByProperty().set(FidelityViewModel.ColorBy.ACCOUNT);
        assertThat(f.scatterGroups()).extracting(FidelityViewModel.ScatterGroup::name).containsExactly("bio", "phys");
    }

    @Test
    void theHistogramHasABinCentredOnZeroAndEveryJobInOneBin() {
        FidelityViewModel.Histogram h = vm().histogram();
        long[] e = h.edges();
        assertThat(e.length).isEqualTo(h.counts().length + 1);
        assertThat(h.counts().length % 2).isEqualTo(1);
        int mid = h.counts().length / 2;
        assertThat(e[mid]).isEqualTo(-e[mid + 1]);
        assertThat(Arrays.stream(h.counts()).sum()).isEqualTo(5);
        assertThat(h.counts().length).isLessThanOrEqualTo(FidelityViewModel.BINS + 1);
        assertThat(e[0]).isLessThanOrEqualTo(-7200);
        assertThat(e[e.length - 1]).isGreaterThan(18_000);
        for (int i = 1; i < e.length; i++) assertThat(e[i]).isGreaterThan(e[i - 1]);
        assertThat(vm().histogramCsv().lines().count()).isEqualTo(h.counts().length + 1);
    }

    @Test
    void summaryAndWorstJobsInHumanUnits() {
        FidelityViewModel f = vm();
        assertThat(f.summary().get(1).value()).startsWith("40.0 % of the jobs start within ±1 min"); // 0 and +30 s of 5
        assertThat(f.summary().get(5).value()).startsWith(FidelityViewModel.tau(f.comparison().startOrderKendallTau()));
        assertThat(f.worst()).extracting(FidelityViewModel.WorstRow::job).containsExactly("e", "a", "d", "c", "b");
        assertThat(f.worst()).extracting(FidelityViewModel.WorstRow::error).containsExactly("+5 h", "-2 h", "+1 min 30 s", "+30 s", "0 s");
        assertThat(f.worst().get(0).actualStart()).isEqualTo("1 d 23 h");
        assertThat(f.worst().get(0).reason()).as("no reasons kept").isEqualTo("–");
        assertThat(f.groupRows()).extracting(FidelityViewModel.GroupRow::group).containsExactly("cpu", "gpu", "bio", "phys");
        assertThat(f.groupRows().get(1).difference()).isEqualTo("+2 h 30 min"); // gpu: (0 + 5 h) / 2
        assertThat(f.warnings()).containsExactly("a warning");
    }
}
