package org.preemptlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** slurmctld's log lines (Slurm 22.05.8, SlurmctldDebug=debug, DebugFlags=Backfill) as the sandbox wrote them. */
class SlurmctldLogTest {

    private static long ms(String t) {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void readsThePassesAndWhichSchedulerStartedEachJob() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-12-06T17:17:05.022] debug:  priority/multifactor: init: Priority MULTIFACTOR plugin loaded",
                "[2026-12-06T17:17:08.080] debug:  sched: Running job scheduler for default depth.",
                "[2026-12-06T17:17:09.635] _slurm_rpc_submit_batch_job: JobId=1 InitPrio=10548 usec=838",
                "[2026-12-06T17:17:09.724] sched/backfill: _attempt_backfill: beginning",
                "[2026-12-06T17:17:09.725] debug:  sched/backfill: _attempt_backfill: 1 jobs to backfill",
                "[2026-12-06T17:17:09.730] sched/backfill: _start_job: Started JobId=1 in cpu on c1",
                "[2026-12-06T17:17:11.100] sched: Allocate JobId=2 NodeList=g1 #CPUs=4 Partition=gpu",
                "[2026-12-06T17:17:15.148] debug:  sched: Running job scheduler for full queue.",
                "not a log line",
                "[2026-12-06T17:17:16] debug:  sched: Running job scheduler for default depth."));
        assertEquals(List.of(ms("2026-12-06T17:17:15.148")), log.fullPasses());
        assertEquals(List.of(ms("2026-12-06T17:17:08.080"), ms("2026-12-06T17:17:16")), log.eventPasses());
        assertEquals(List.of(ms("2026-12-06T17:17:09.724")), log.backfillCycles());
        assertEquals(Map.of("1", "backfill", "2", "main"), log.startedBy());
        assertEquals(ms("2026-12-06T17:17:11.100"), log.startedAt().get("2"));
        assertEquals(ms("2026-12-06T17:17:05.022"), log.priorityStart());
    }

    @Test
    void aLogWithoutPassesIsEmpty() {
        SlurmctldLog log = SlurmctldLog.parse(List.of("[2026-12-06T17:17:09.635] _slurm_rpc_submit_batch_job: JobId=1"));
        assertTrue(log.isEmpty());
        assertEquals(null, log.priorityStart());
    }
}
