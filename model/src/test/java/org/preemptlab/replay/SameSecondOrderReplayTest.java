package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.sim.SameSecondOrder;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * A log replay orders the submits and ends of a second by the millisecond slurmctld's log recorded them at, among the
 * passes recorded in that second (issue 12, "sub-second order"): a submit after a pass of its second is not seen by it;
 * an end after a pass of its second frees its nodes only for the later passes. Hand-worked on one node of 4 CPUs.
 */
class SameSecondOrderReplayTest {

    @TempDir
    Path dir;

    private static final String ROW_TAIL = "|00:05:00|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|n1|COMPLETED|1\n";

    private static String row(String id, String submit, String start, String end, String elapsed) {
        return id + "|j|ann|astro|cpu|normal|2026-01-01T" + submit + "|2026-01-01T" + submit + "|2026-01-01T" + start
                + "|2026-01-01T" + end + "|" + elapsed + ROW_TAIL;
    }

    private static final String HEADER = "JobID|JobName|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|"
            + "ReqMem|ReqTRES|AllocTRES|NodeList|State|Priority\n";

    private Map<String, Long> predicted(String sacct, List<String> log) throws Exception {
        String conf = "ClusterName=hand\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nSchedulerType=sched/backfill\n"
                + "SchedulerParameters=bf_interval=30,sched_interval=60\nPriorityType=priority/multifactor\nPriorityCalcPeriod=1\n"
                + "PriorityDecayHalfLife=1-0\nPriorityWeightFairshare=10000\n"
                + "NodeName=n1 CPUs=4 RealMemory=8000 State=UNKNOWN\nPartitionName=cpu Nodes=n1 Default=YES MaxTime=60 State=UP\n";
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(Files.writeString(dir.resolve("slurm.conf"), conf), null,
                Files.writeString(dir.resolve("dump.txt"), TwoAccountSite.DUMP), Files.writeString(dir.resolve("qos.txt"), TwoAccountSite.QOS)));
        HistoryReplay.Result r = SiteReplay.run(site, SacctReader.read(HEADER + sacct, "sacct.txt"), SlurmctldLog.parse(log), null,
                SiteReplay.Priority.MULTIFACTOR);
        Map<String, Long> out = new TreeMap<>();
        for (StartComparison.Row row : r.comparison().rows()) out.put(row.key(), row.predictedStart());
        return out;
    }

    private static String pass(String time) {
        return "[2026-01-01T" + time + "] debug:  sched: Running job scheduler for default depth.";
    }

    /**
     * Job 1 takes the node 0–60 s, job 2 (submitted at 10 s) waits for it. slurmctld ran a main pass at 60.300 s and the
     * next at 62.500 s; job 1's end, logged at {@code endLine}'s instant, decides which of them starts job 2.
     */
    private Map<String, Long> endCase(String endLine) throws Exception {
        String sacct = row("1", "00:00:00", "00:00:00", "00:01:00", "00:01:00") + row("2", "00:00:10", "00:01:02", "00:02:02", "00:01:00");
        List<String> log = new ArrayList<>(List.of(
                "[2026-01-01T00:00:00.100] _slurm_rpc_submit_batch_job: JobId=1 InitPrio=10000 usec=400",
                pass("00:00:00.700"),
                "[2026-01-01T00:00:10.100] _slurm_rpc_submit_batch_job: JobId=2 InitPrio=10000 usec=400",
                pass("00:00:10.500"),
                pass("00:01:00.300"),
                pass("00:01:02.500")));
        if (endLine != null) log.add(endLine);
        return predicted(sacct, log);
    }

    @Test
    void anEndAfterThePassOfItsSecondFreesTheNodeForTheNextPassOnly() throws Exception {
        // job 1 ended at 60.500 s, after the pass of 60.300 s: that pass still saw the node busy, job 2 starts at the pass
        // of 62.5 s, as in Slurm. Without the end's millisecond (before issue 12's sub-second order) the end came before
        // every pass of its second and job 2 started at 60 s
        assertEquals(Map.of("1", 0L, "2", 62L), endCase("[2026-01-01T00:01:00.500] _job_complete: JobId=1 WEXITSTATUS 0"));
        // a timeout's end is its "Time limit exhausted" line
        assertEquals(Map.of("1", 0L, "2", 62L), endCase("[2026-01-01T00:01:00.500] Time limit exhausted for JobId=1"));
        // ended at 60.100 s, before the pass: job 2 at 60 s
        assertEquals(Map.of("1", 0L, "2", 60L), endCase("[2026-01-01T00:01:00.100] _job_complete: JobId=1 WEXITSTATUS 0"));
        // no end line: as before
        assertEquals(Map.of("1", 0L, "2", 60L), endCase(null));
        // an end logged in another second than the replay's (61.2 s; the replay ends job 1 at 60 s): not used, as before
        assertEquals(Map.of("1", 0L, "2", 60L), endCase("[2026-01-01T00:01:01.200] _job_complete: JobId=1 WEXITSTATUS 0"));
    }

    @Test
    void anEndFollowsTheReplaysOwnStartByTheRecordedRun() throws Exception {
        // Slurm started job 1 at 2.100 s (its Allocate line) and ended it at 62.300 s: a run of 60.2 s. The replay starts it at
        // the pass of 0.700 s (the node is free), so it ends in second 60, at 0.700 + 60.2 = 60.900 s: after the pass of 60.300 s,
        // and job 2 starts at the pass of 62.5 s. Slurm's own end (62.3 s) is in another second, so without the run it would
        // come before the passes of 60 and job 2 would start at 60 s
        String sacct = row("1", "00:00:00", "00:00:02", "00:01:02", "00:01:00") + row("2", "00:00:10", "00:01:02", "00:02:02", "00:01:00");
        List<String> log = List.of(
                "[2026-01-01T00:00:00.100] _slurm_rpc_submit_batch_job: JobId=1 InitPrio=10000 usec=400",
                pass("00:00:00.700"),
                "[2026-01-01T00:00:02.100] sched: Allocate JobId=1 NodeList=n1 #CPUs=4 Partition=cpu",
                "[2026-01-01T00:00:10.100] _slurm_rpc_submit_batch_job: JobId=2 InitPrio=10000 usec=400",
                pass("00:00:10.500"), pass("00:01:00.300"), pass("00:01:02.500"),
                "[2026-01-01T00:01:02.300] _job_complete: JobId=1 WEXITSTATUS 0");
        assertEquals(Map.of("1", 0L, "2", 62L), predicted(sacct, log));
        // without the Allocate line (no recorded run): Slurm's end is not in second 60, the end comes first
        assertEquals(Map.of("1", 0L, "2", 60L), predicted(sacct, log.stream().filter(l -> !l.contains("Allocate")).toList()));
    }

    @Test
    void theEndsPlaceWithinItsSecondFromTheStartAndTheRun() {
        SameSecondOrder o = new SameSecondOrder(new long[] {0}, new long[] {62_300}, new long[] {60_200});
        assertEquals(60_900, o.endAt(0, 60, 700)); // 0.700 + 60.2 s
        assertEquals(60_999, o.endAt(0, 60, 900)); // 61.1 s: after every pass of 60
        assertEquals(61_000, o.endAt(0, 61, 700)); // 60.9 s: before every pass of 61
        assertEquals(SameSecondOrder.UNKNOWN, o.endAt(0, 60, SameSecondOrder.UNKNOWN)); // no start: the recorded end, not in 60
        assertEquals(62_300, o.endAt(0, 62, SameSecondOrder.UNKNOWN));
    }

    /** The node is free; job 1 is submitted in second 10, where slurmctld ran a pass at 10.500 s; the next pass at 13.500 s. */
    private Map<String, Long> submitCase(String submitMillis) throws Exception {
        String sacct = row("1", "00:00:10", "00:00:13", "00:01:13", "00:01:00");
        List<String> log = new ArrayList<>(List.of(pass("00:00:00.700"), pass("00:00:10.500"), pass("00:00:13.500")));
        if (submitMillis != null) log.add("[2026-01-01T00:00:10." + submitMillis + "] _slurm_rpc_submit_batch_job: JobId=1 InitPrio=10000 usec=400");
        return predicted(sacct, log);
    }

    @Test
    void aSubmitAfterAPassOfItsSecondIsNotSeenByIt() throws Exception {
        // (times from the history's origin, the submit at 10 s) submitted at 10.600 s, after the pass of 10.500 s: started
        // by the pass of 13.5 s, 3 s after its submit (before: at its submit)
        assertEquals(Map.of("1", 3L), submitCase("600"));
        // at 10.400 s, before it: at its submit
        assertEquals(Map.of("1", 0L), submitCase("400"));
        assertEquals(Map.of("1", 0L), submitCase(null));
    }

    @Test
    void anEndBetweenTwoPassesOfOneSecondIsSeenByTheSecond() throws Exception {
        // passes at 60.300 and 60.800 s, job 1's end at 60.500 s: the second pass of that second starts job 2 at 60 s
        String sacct = row("1", "00:00:00", "00:00:00", "00:01:00", "00:01:00") + row("2", "00:00:10", "00:01:00", "00:02:00", "00:01:00")
                + row("3", "00:01:00", "00:01:02", "00:02:02", "00:01:00");
        List<String> log = List.of(pass("00:00:00.700"), pass("00:00:10.500"), pass("00:01:00.300"),
                "[2026-01-01T00:01:00.500] _job_complete: JobId=1 WEXITSTATUS 0",
                "[2026-01-01T00:01:00.650] _slurm_rpc_submit_batch_job: JobId=3 InitPrio=10000 usec=400",
                "[2026-01-01T00:01:00.800] sched/backfill: _attempt_backfill: beginning", pass("00:02:00.300"));
        // job 2 by the backfill cycle of 60.8 s (the node is whole for it); job 3 (submitted at 60.65 s, behind 2) after it
        assertEquals(Map.of("1", 0L, "2", 60L, "3", 120L), predicted(sacct, log));
    }

    @Test
    void theLogsSubmitAndEndLinesAreReadByJobId() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-12-07T08:32:01.388] _slurm_rpc_submit_batch_job: JobId=13 InitPrio=10548 usec=495",
                "[2026-12-07T08:32:25.008] _job_complete: JobId=13_0(14) WEXITSTATUS 0",
                "[2026-12-07T08:32:25.010] _job_complete: JobId=13_0(14) done",
                "[2026-12-07T08:33:25.500] Time limit exhausted for JobId=20",
                "[2026-12-07T08:33:26.100] _job_complete: JobId=20 WEXITSTATUS 0",
                "[2026-12-07T08:33:27.000] sched: Allocate JobId=21 NodeList=c1 #CPUs=3 Partition=cpu"));
        long base = java.time.LocalDateTime.parse("2026-12-07T08:32:00").toEpochSecond(java.time.ZoneOffset.UTC) * 1000;
        assertEquals(Map.of("13", base + 1388), log.submittedAt());
        assertEquals(Map.of("13_0", base + 25_008, "20", base + 85_500), log.endedAt());
        assertEquals(Map.of("21", "main"), log.startedBy());
    }

    @Test
    void theOrderUsesAnInstantOnlyInItsOwnSecond() {
        SameSecondOrder o = new SameSecondOrder(new long[] {10_600, SameSecondOrder.UNKNOWN}, new long[] {-1, 60_500});
        assertEquals(10_600, o.submitIn(0, 10));
        assertEquals(SameSecondOrder.UNKNOWN, o.submitIn(0, 11));
        assertEquals(SameSecondOrder.UNKNOWN, o.submitIn(1, 10));
        assertEquals(-1, o.endIn(0, -1)); // the millisecond before the origin is in second -1
        assertEquals(60_500, o.endIn(1, 60));
        assertEquals(SameSecondOrder.UNKNOWN, o.endIn(2, 60));
        assertTrue(o.toString().contains("1 submits and 2 ends"), o.toString());
        assertThrows(IllegalArgumentException.class, () -> new SameSecondOrder(new long[1], new long[2]));
    }
}
