package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.history.SlurmctldLog;

/**
 * A replayed job's recorded run counts from the pass that started it in slurmctld's log, since the replay starts a job at
 * its pass's instant: fresh CI run 1 (7 December), job 26's {@code sched: Allocate} at 13:45:00.445 in the pass of
 * 00.444 and its end at 27.484 — a run of 27.040 s from the pass, so that, started by that pass in the replay, it ends
 * at 27.484 as in Slurm (from the start line, 27.039 s: 27.483, before the pass of 27.484, which then saw g3 free and
 * started 38 three seconds early).
 */
class StartingPassTest {

    private static long ms(String t) {
        return LocalDateTime.parse("2026-12-07T" + t).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void aJobsRunCountsFromThePassThatStartedIt() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-12-07T13:45:00.444] debug:  sched: Running job scheduler for default depth.",
                "[2026-12-07T13:45:00.444] sched: Allocate JobId=27 NodeList=g2 #CPUs=2 Partition=gpu",
                "[2026-12-07T13:45:00.445] sched: Allocate JobId=26 NodeList=g3 #CPUs=4 Partition=gpu",
                "[2026-12-07T13:45:00.856] sched/backfill: _attempt_backfill: beginning",
                "[2026-12-07T13:45:01.445] debug:  sched: Running job scheduler for full queue.",
                "[2026-12-07T13:45:05.857] sched/backfill: _attempt_backfill: beginning",
                "[2026-12-07T13:45:05.859] sched/backfill: _start_job: Started JobId=13_2(33) in all on c3,g[2-3]",
                "[2026-12-07T13:45:07.452] sched: Allocate JobId=30 NodeList=g1 #CPUs=4 Partition=gpu"));
        assertEquals(ms("13:45:00.444"), SiteReplay.startingPass(log, "26"));
        assertEquals(ms("13:45:00.444"), SiteReplay.startingPass(log, "27"));
        // a backfill start: its cycle's instant, not a main pass's in between
        assertEquals(ms("13:45:05.857"), SiteReplay.startingPass(log, "13_2"));
        // a main start without its pass's line: the last main pass before it (the full pass of 01.445)
        assertEquals(ms("13:45:01.445"), SiteReplay.startingPass(log, "30"));
        assertNull(SiteReplay.startingPass(log, "99"));
    }

    @Test
    void withoutAPassBeforeItTheStartLineCounts() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-12-07T13:45:00.445] sched: Allocate JobId=26 NodeList=g3 #CPUs=4 Partition=gpu",
                "[2026-12-07T13:45:01.445] debug:  sched: Running job scheduler for full queue."));
        assertEquals(ms("13:45:00.445"), SiteReplay.startingPass(log, "26"));
    }
}
