package org.preemptlab.replay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.preemptlab.history.SacctJob;

/**
 * The {@code %N} throttle of a job array as the history shows it: sacct does not report a finished
 * array's throttle, but its tasks never ran more than N at once. Per array (job number with tasks),
 * the most tasks that ran at the same time, when that is fewer than its tasks (an array whose tasks all
 * ran at once shows no throttle and gets none). A throttle the resources made binding anyway is
 * indistinguishable from a real one; imposing it repeats what happened.
 */
final class ArrayThrottles {

    private ArrayThrottles() {}

    /** Job number → inferred throttle, for arrays with at least two tasks that never all ran at once. */
    static Map<Long, Integer> inferred(List<SacctJob> rows) {
        Map<Long, List<SacctJob>> byArray = new HashMap<>();
        for (SacctJob j : rows) {
            if (j.id().arrayTask() >= 0) byArray.computeIfAbsent(j.id().base(), k -> new ArrayList<>()).add(j);
        }
        Map<Long, Integer> out = new TreeMap<>();
        for (Map.Entry<Long, List<SacctJob>> e : byArray.entrySet()) {
            List<SacctJob> tasks = e.getValue();
            if (tasks.size() < 2) continue;
            // the most intervals [start, end) overlapping at once: ends before starts at equal times
            List<long[]> events = new ArrayList<>();
            for (SacctJob t : tasks) {
                events.add(new long[] {t.start(), +1});
                events.add(new long[] {Math.max(t.start(), t.end()), -1});
            }
            events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            int now = 0, most = 0;
            for (long[] ev : events) {
                now += (int) ev[1];
                most = Math.max(most, now);
            }
            if (most >= 1 && most < tasks.size()) out.put(e.getKey(), most);
        }
        return out;
    }
}
