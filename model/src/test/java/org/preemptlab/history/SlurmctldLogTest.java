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

    /**
     * Lines of one millisecond in the log's order (fresh CI run 1, 7 December): the pass of 13:45:27.484 ran before job
     * 26's end of the same millisecond (the end is taken 1 ms later, so the pass does not see g3 free and 38 waits
     * until 13:45:30, as in Slurm); run 2's submit of 13:47:35.033 came before the pass of that millisecond (it keeps
     * its instant: the pass sees it).
     */
    @Test
    void aSubmitOrAnEndLoggedAfterAPassOfItsMillisecondComesAfterIt() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-12-07T13:45:27.484] debug:  sched: Running job scheduler for default depth.",
                "[2026-12-07T13:45:27.484] _job_complete: JobId=26 WEXITSTATUS 0",
                "[2026-12-07T13:45:28.496] _job_complete: JobId=27 WEXITSTATUS 0",
                "[2026-12-07T13:45:30.863] sched/backfill: _attempt_backfill: beginning",
                "[2026-12-07T13:45:30.863] _slurm_rpc_submit_batch_job: JobId=40 InitPrio=10536 usec=47",
                "[2026-12-07T13:47:35.033] _slurm_rpc_submit_batch_job: JobId=10 InitPrio=10536 usec=47",
                "[2026-12-07T13:47:35.033] debug:  sched: Running job scheduler for default depth."));
        assertEquals(ms("2026-12-07T13:45:27.485"), log.endedAt().get("26"));
        assertEquals(ms("2026-12-07T13:45:28.496"), log.endedAt().get("27"));
        assertEquals(ms("2026-12-07T13:45:30.864"), log.submittedAt().get("40"));
        assertEquals(ms("2026-12-07T13:47:35.033"), log.submittedAt().get("10"));
        assertEquals(List.of(ms("2026-12-07T13:45:27.484"), ms("2026-12-07T13:47:35.033")), log.eventPasses());
    }

    @Test
    void aLogWithoutPassesIsEmpty() {
        SlurmctldLog log = SlurmctldLog.parse(List.of("[2026-12-06T17:17:09.635] _slurm_rpc_submit_batch_job: JobId=1"));
        assertTrue(log.isEmpty());
        assertEquals(null, log.priorityStart());
    }
}
