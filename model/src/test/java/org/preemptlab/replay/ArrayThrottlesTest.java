package org.preemptlab.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.history.SacctReader;

/** The {@code %N} of an array as its history shows it, worked by hand. */
class ArrayThrottlesTest {

    private static final String HEADER = "JobID|User|Account|Partition|QOS|Submit|Start|End|Elapsed|Timelimit|NNodes|NCPUS|State";

    private static String row(String id, String start, String end) {
        return id + "|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T" + start + "|2026-12-06T" + end + "|00:01:00|00:05:00|1|1|COMPLETED";
    }

    @Test
    void theMostTasksRunningAtOnceIsTheThrottleWhenBelowTheTaskCount() throws Exception {
        String text = String.join("\n", HEADER,
                // array 13 (like the sandbox's --array=0-3%2): two at a time; 13_2 starts the second 13_0 ends
                row("13_0", "10:00:00", "10:01:00"), row("13_1", "10:00:00", "10:01:30"),
                row("13_2", "10:01:00", "10:02:00"), row("13_3", "10:01:30", "10:02:10"),
                // array 20: all three tasks at once — no throttle seen
                row("20_0", "10:00:00", "10:01:00"), row("20_1", "10:00:10", "10:01:00"), row("20_2", "10:00:20", "10:01:00"),
                // array 30: one task only — nothing to infer; a plain job is no array
                row("30_0", "10:00:00", "10:01:00"), row("31", "10:00:00", "10:01:00"), "");
        Map<Long, Integer> t = ArrayThrottles.inferred(SacctReader.read(text, "sacct.txt").replayed());
        assertThat(t).containsExactly(Map.entry(13L, 2));
    }

    @Test
    void aThrottledArraysTasksQueueAtTheArraysFirstEligibilityOthersAtTheirOwn() throws Exception {
        String header = "JobID|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|State";
        String text = String.join("\n", header,
                // array 13, %2: Slurm's record is eligible at 10:00:02; the throttle reset its begin time to when a slot freed
                "13_0|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:00:02|2026-12-06T10:00:02|2026-12-06T10:01:02|00:01:00|00:05:00|1|1|COMPLETED",
                "13_1|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:00:02|2026-12-06T10:00:02|2026-12-06T10:01:30|00:01:28|00:05:00|1|1|COMPLETED",
                "13_2|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:01:02|2026-12-06T10:01:05|2026-12-06T10:02:05|00:01:00|00:05:00|1|1|COMPLETED",
                // array 20: no throttle seen (both at once): each task at its own max(Submit, Eligible)
                "20_0|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:00:04|2026-12-06T10:00:04|2026-12-06T10:01:00|00:00:56|00:05:00|1|1|COMPLETED",
                "20_1|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:00:09|2026-12-06T10:00:09|2026-12-06T10:01:00|00:00:51|00:05:00|1|1|COMPLETED",
                // a plain job, held: at its Eligible
                "31|u|a|cpu|normal|2026-12-06T10:00:00|2026-12-06T10:03:00|2026-12-06T10:03:00|2026-12-06T10:04:00|00:01:00|00:05:00|1|1|COMPLETED", "");
        var rows = SacctReader.read(text, "sacct.txt").replayed();
        Map<Long, Integer> t = ArrayThrottles.inferred(rows);
        assertThat(t).containsExactly(Map.entry(13L, 2));
        var queued = ArrayThrottles.queuedAt(rows, t);
        java.util.Map<String, Long> at = new java.util.TreeMap<>();
        long t0 = rows.get(0).submit();
        for (var j : rows) at.put(j.id().text(), queued.applyAsLong(j) - t0);
        assertThat(at).containsExactlyInAnyOrderEntriesOf(Map.of("13_0", 2L, "13_1", 2L, "13_2", 2L, "20_0", 4L, "20_1", 9L, "31", 180L));
    }
}
