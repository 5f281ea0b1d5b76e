package org.preemptlab.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The waits of one group of jobs, sorted: percentiles (nearest rank, as the run metrics) and the
 * empirical CDF.
 */
public record GroupWaits(String group, long[] sortedWaits) {

    /** Every group of {@code jobs} by {@code key}, with its jobs' waits; groups by name, all jobs first as "all". */
    public static <J> List<GroupWaits> of(List<J> jobs, Function<J, String> key, ToLongFunction<J> wait) {
        Map<String, List<Long>> byGroup = new TreeMap<>();
        long[] all = new long[jobs.size()];
        int i = 0;
        for (J j : jobs) {
            long w = wait.applyAsLong(j);
            all[i++] = w;
            byGroup.computeIfAbsent(key.apply(j), k -> new ArrayList<>()).add(w);
        }
        Arrays.sort(all);
        List<GroupWaits> out = new ArrayList<>();
        out.add(new GroupWaits("all", all));
        for (var e : byGroup.entrySet()) {
            long[] w = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            out.add(new GroupWaits(e.getKey(), w));
        }
        return out;
    }

    public int jobs() {
        return sortedWaits.length;
    }

    /** Nearest-rank percentile, q in (0, 1]: the smallest wait with at least q of the group at or below it; 0 for no jobs. */
    public long percentile(double q) {
        if (sortedWaits.length == 0) return 0;
        int rank = (int) Math.ceil(q * sortedWaits.length);
        return sortedWaits[Math.max(0, Math.min(sortedWaits.length - 1, rank - 1))];
    }

    public double mean() {
        if (sortedWaits.length == 0) return 0;
        double sum = 0;
        for (long w : sortedWaits) sum += w;
        return sum / sortedWaits.length;
    }

    /** Share of the group that waited at most {@code seconds}. */
    public double shareWithin(long seconds) {
        if (sortedWaits.length == 0) return 0;
        int lo = 0, hi = sortedWaits.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedWaits[mid] <= seconds) lo = mid + 1;
            else hi = mid;
        }
        return (double) lo / sortedWaits.length;
    }
}
