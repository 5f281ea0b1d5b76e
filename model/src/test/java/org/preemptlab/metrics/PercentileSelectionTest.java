package org.preemptlab.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The percentiles of a run by selection are those of the fully sorted waits, whatever their order and ties. */
class PercentileSelectionTest {

    private static void check(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = values.length;
        for (double q : new double[] {0.01, 0.5, 0.95, 1.0}) {
            long[] work = values.clone();
            int k = MetricsCalculator.rank(n, q);
            assertThat(MetricsCalculator.select(work, k, 0, n)).as("q=%s of %s values", q, n).isEqualTo(sorted[k]);
            for (int i = 0; i < k; i++) assertThat(work[i]).isLessThanOrEqualTo(work[k]);
            for (int i = k + 1; i < n; i++) assertThat(work[i]).isGreaterThanOrEqualTo(work[k]);
            long[] again = work.clone();
            Arrays.sort(again);
            assertThat(again).as("a permutation").isEqualTo(sorted);
        }
        // as the calculator does: p95 over all, then the median below it
        long[] work = values.clone();
        int k95 = MetricsCalculator.rank(n, 0.95);
        int k50 = MetricsCalculator.rank(n, 0.5);
        long p95 = MetricsCalculator.select(work, k95, 0, n);
        long median = k50 == k95 ? p95 : MetricsCalculator.select(work, k50, 0, k95);
        assertThat(p95).isEqualTo((long) MetricsCalculator.percentile(sorted, 0.95));
        assertThat(median).isEqualTo((long) MetricsCalculator.percentile(sorted, 0.5));
    }

    @Test
    void randomTiedSortedReversedAndTinyInputs() {
        SplittableRandom random = new SplittableRandom(16);
        for (int n : new int[] {1, 2, 3, 17, 18, 100, 1000, 50_000}) {
            long[] random1 = random.longs(n, 0, 1_000_000).toArray();
            long[] ties = random.longs(n, 0, 3).toArray(); // most waits are 0: long runs of equal values
            long[] ascending = new long[n];
            long[] descending = new long[n];
            long[] organ = new long[n]; // up then down
            for (int i = 0; i < n; i++) {
                ascending[i] = i;
                descending[i] = n - i;
                organ[i] = Math.min(i, n - i);
            }
            for (long[] v : new long[][] {random1, ties, ascending, descending, organ, new long[n]}) check(v);
        }
    }
}
