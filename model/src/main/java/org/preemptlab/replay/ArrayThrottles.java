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

    /**
     * When each row enters the replay's queue: max(Submit, Eligible), except that every task of an array with a
     * throttle ({@code throttles}) enters at its array's first (the earliest of its tasks'). In Slurm a pending array
     * is one job record (the meta record) until a task is split off to start (job_mgr.c {@code job_array_split}, which
     * copies the record with its priority): its tasks wait in the queue from the array's eligibility on, under
     * {@code JobArrayTaskLimit} while N run ({@code job_array_start_test}), at the array's place in the queue (its job
     * id) and with its priority. That priority's age counts from the record's {@code accrue_time}, set once at the
     * array's first eligibility (acct_policy.c {@code acct_policy_handle_accrue_time}, {@code _handle_add_accrue});
     * the throttle resets the record's begin time ({@code job_array_start_test}), which is the later Eligible sacct
     * shows for throttled tasks, but not its accrue time. Queuing a throttled task at its own Eligible instead would
     * take the instant Slurm's throttle released it from the real run (not from the replay's throttle), start its age
     * there and put it behind the jobs submitted after its array.
     */
    static java.util.function.ToLongFunction<SacctJob> queuedAt(List<SacctJob> rows, Map<Long, Integer> throttles) {
        Map<Long, Long> first = new HashMap<>();
        for (SacctJob j : rows) {
            if (j.id().arrayTask() < 0 || !throttles.containsKey(j.id().base())) continue;
            first.merge(j.id().base(), HistoryReplay.queuedAt(j), Math::min);
        }
        return j -> {
            Long f = j.id().arrayTask() >= 0 ? first.get(j.id().base()) : null;
            return f != null ? f : HistoryReplay.queuedAt(j);
        };
    }
}
