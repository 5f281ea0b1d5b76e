package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.preemptlab.history.SlurmLocalFixturesTest;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.SameSecondOrder;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.slurmsched.PassOrder;

/**
 * The same-second order of a replay from sacct alone (session 17, docs/slurm-fidelity.md "Sub-second order from Slurm's
 * mechanics"): each job's end comes {@link SiteReplay#END_AFTER_START_MILLIS} after the millisecond of the grid pass that
 * started it, the main scheduler's passes before the backfill's within a second ({@link SameSecond#MAIN_FIRST}, the
 * default when the phases are inferred and evident), and an event after the main scheduler's millisecond waits for the
 * next second's main pass. Hand-worked rows on one node of 4 CPUs, then every recorded real run.
 */
class SameSecondRuleReplayTest {

    @TempDir
    Path dir;

    private static final String HEADER = "JobID|JobName|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|"
            + "ReqMem|ReqTRES|AllocTRES|NodeList|State|Priority\n";

    private static String row(String id, String submit, String start, String end, String elapsed) {
        return id + "|j" + id + "|ann|astro|cpu|normal|2026-01-01T" + submit + "|2026-01-01T" + submit + "|2026-01-01T" + start
                + "|2026-01-01T" + end + "|" + elapsed + "|00:05:00|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|n1|COMPLETED|1\n";
    }

    /** The predicted starts (s from the first submit) of {@code sacct} replayed at phase 0 with the order {@code order}. */
    private Map<String, Long> predicted(String sacct, SameSecond order) throws Exception {
        String conf = "ClusterName=hand\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nSchedulerType=sched/backfill\n"
                + "SchedulerParameters=bf_interval=30,sched_interval=60\nPriorityType=priority/multifactor\nPriorityCalcPeriod=1\n"
                + "PriorityDecayHalfLife=1-0\nPriorityWeightFairshare=10000\n"
                + "NodeName=n1 CPUs=4 RealMemory=8000 State=UNKNOWN\nPartitionName=cpu Nodes=n1 Default=YES MaxTime=60 State=UP\n";
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(Files.writeString(dir.resolve("slurm.conf"), conf), null,
                Files.writeString(dir.resolve("dump.txt"), TwoAccountSite.DUMP), Files.writeString(dir.resolve("qos.txt"), TwoAccountSite.QOS)));
        HistoryReplay.Result r = SiteReplay.replay(site, SacctReader.read(HEADER + sacct, "sacct.txt"), 0, null, SiteReplay.Priority.MULTIFACTOR,
                ProgressListener.NONE, null, null, BackfillPlans.DEFAULT, false, order);
        Map<String, Long> out = new TreeMap<>();
        for (StartComparison.Row row : r.comparison().rows()) out.put(row.key(), row.predictedStart());
        return out;
    }

    /**
     * Job 1 (the whole node, 50 s) is submitted at 0 s and started by the full main pass of 0 s; job 2, submitted at 10 s,
     * waits for the node (the event pass of 10 s finds it busy). Job 1 ends in second 50, where no timer is due but the
     * main scheduler's event pass may run (batch_sched_delay is over since 10 s).
     */
    @Test
    void anEndAfterTheMainSchedulersMillisecondWaitsForTheNextSecondsMainPass() throws Exception {
        String sacct = row("1", "00:00:00", "00:00:00", "00:00:50", "00:00:50") + row("2", "00:00:10", "00:00:51", "00:01:41", "00:00:50");
        // main-first (main passes at .300, backfill at .600): job 1 started at 0.300 ends at 50.340, after the main
        // scheduler's millisecond of second 50: its event pass comes at 51.300 and starts job 2 at 51 s (Slurm's order)
        assertEquals(Map.of("1", 0L, "2", 51L), predicted(sacct, SameSecond.MAIN_FIRST));
        // the engine's order (before session 17): the end comes before every pass of its second, job 2 at 50 s
        assertEquals(Map.of("1", 0L, "2", 50L), predicted(sacct, SameSecond.ENGINE));
        // backfill-first (backfill at .300, main at .600): job 1 is started by the backfill cycle of 0.300 and ends at
        // 50.340, before the main scheduler's millisecond: its event pass of 50.600 starts job 2 at 50 s
        assertEquals(Map.of("1", 0L, "2", 50L), predicted(sacct, SameSecond.BACKFILL_FIRST));
        // auto with a phase given by hand: the engine's order (the rule follows the inferred phases)
        assertEquals(Map.of("1", 0L, "2", 50L), predicted(sacct, SameSecond.AUTO));
    }

    /** An end before the main scheduler's millisecond of a second with its full pass: seen by it. */
    @Test
    void anEndBeforeTheMainSchedulersMillisecondIsSeenByItsPass() throws Exception {
        // job 1 started by the backfill cycle of 0.300 (backfill-first) runs 60 s: ends at 60.340, before the full main
        // pass of 60.600, which starts job 2 at 60 s; main-first: job 1 (started at 0.300 by the main pass) ends at 60.340,
        // after the full pass of 60.300 but before the backfill cycle of 60.600, which starts job 2 at 60 s
        String sacct = row("1", "00:00:00", "00:00:00", "00:01:00", "00:01:00") + row("2", "00:00:10", "00:01:00", "00:01:50", "00:00:50");
        assertEquals(Map.of("1", 0L, "2", 60L), predicted(sacct, SameSecond.BACKFILL_FIRST));
        assertEquals(Map.of("1", 0L, "2", 60L), predicted(sacct, SameSecond.MAIN_FIRST));
    }

    @Test
    void theGridOrderPlacesEachEndFromItsStartAndItsWholeSecondsOfRun() {
        JobSpec a = JobSpec.ofProcessors(0, 0, 1, 100, 60), b = JobSpec.ofProcessors(1, 5, 1, 100, 7);
        SameSecondOrder o = SiteReplay.gridOrder(List.of(a, b));
        assertEquals(0, o.submitsKnown());
        assertEquals(0, o.endsKnown());
        assertEquals(60_340, o.endAt(0, 60, 300)); // started at 0.300 by a main pass: 60 s + 40 ms later
        assertEquals(19_640, o.endAt(1, 19, 12_600)); // started at 12.600 by a backfill cycle, 7 s of run
        assertEquals(SameSecondOrder.UNKNOWN, o.endAt(0, 60, SameSecondOrder.UNKNOWN)); // not started by a grid pass: engine order
    }

    @Test
    void theChoicesAndTheirPassOrders() {
        assertEquals(SameSecond.MAIN_FIRST, SameSecond.parse(" Main-First "));
        assertEquals(List.of("auto", "engine", "main-first", "backfill-first"), SameSecond.labels());
        assertEquals(PassOrder.MAIN_FIRST, SameSecond.AUTO.passOrder(true));
        assertNull(SameSecond.AUTO.passOrder(false));
        assertNull(SameSecond.ENGINE.passOrder(true));
        assertEquals(PassOrder.BACKFILL_FIRST, SameSecond.BACKFILL_FIRST.passOrder(false));
        assertTrue(PassOrder.MAIN_FIRST.mainMillis() < PassOrder.MAIN_FIRST.backfillMillis());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SameSecond.parse("later"));
        assertTrue(e.getMessage().contains("\"later\"") && e.getMessage().contains("main-first"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new PassOrder(1000, 0));
        assertTrue(e.getMessage().contains("1000"), e.getMessage());
    }

    // every recorded real run (replayed run, site run, the pair's other run for the floor)
    private static final String[][] RUNS = {
        {"ci-log-busy-run1", "ci-log-busy-run1"}, {"ci-log-busy-run2", "ci-log-busy-run1"},
        {"ci-log-final-run1", "ci-log-final-run1"}, {"ci-log-final-run2", "ci-log-final-run1"},
        {"ci-log-fresh-run1", "ci-log-fresh-run1"}, {"ci-log-fresh-run2", "ci-log-fresh-run1"},
        {"ci-log-loaded-run1", "ci-log-loaded-run1"}, {"ci-log-loaded-run2", "ci-log-loaded-run1"},
        {"ci-log-near-run1", "ci-log-near-run1"}, {"ci-log-near-run2", "ci-log-near-run1"},
        {"ci-log-phase-run1", "ci-log-phase-run1"}, {"ci-log-phase-run2", "ci-log-phase-run1"},
        {"ci-log-quiet-run1", "ci-log-quiet-run1"}, {"ci-log-quiet-run2", "ci-log-quiet-run1"},
        {"ci-log-rehearsal-run1", "ci-log-rehearsal-run1"}, {"ci-log-rehearsal-run2", "ci-log-rehearsal-run1"},
        {"ci-log-twin-run1", "ci-log-twin-run1"}, {"ci-log-twin-run2", "ci-log-twin-run1"},
        {"full-log-run1", "full-log-run1"}, {"full-log-run2", "full-log-run1"},
        {"full-log-run3", "full-log-run3"}, {"full-log-run4", "full-log-run3"}};

    private static StartComparison floor(String run) throws Exception {
        String mode = run.startsWith("full-log-run1") || run.startsWith("full-log-run2") ? "full-log"
                : run.startsWith("full-log") ? null : run.substring(0, run.length() - "-run1".length());
        if (mode != null) return NoiseFloorTest.noise(mode);
        return StartComparison.compare(HistoryTimes.of(SacctReader.read(SlurmLocalFixturesTest.fixture("full-log-run3", "sacct.txt")), HistoryTimes.Key.NAME),
                HistoryTimes.of(SacctReader.read(SlurmLocalFixturesTest.fixture("full-log-run4", "sacct.txt")), HistoryTimes.Key.NAME),
                StartComparison.defaultTolerance(5));
    }

    @Test
    void fromSacctAloneTheRuleMeetsIssue12OnFiveMoreRunsAndLosesNone() throws Exception {
        List<String> engine = new ArrayList<>(), rule = new ArrayList<>();
        for (String[] r : RUNS) {
            StartComparison f = floor(r[0]);
            StartComparison e = PairReplays.fromSacct(r[1], r[0], PassPhase.AUTO, SameSecond.ENGINE);
            StartComparison d = PairReplays.fromSacct(r[1], r[0], PassPhase.AUTO);
            if (PairReplays.meets(e, f.withinToleranceShare(), f.meanAbsStartErrorSeconds(), f.startOrderKendallTau())) engine.add(r[0]);
            if (PairReplays.meets(d, f.withinToleranceShare(), f.meanAbsStartErrorSeconds(), f.startOrderKendallTau())) rule.add(r[0]);
        }
        assertEquals(List.of("ci-log-final-run2", "ci-log-fresh-run1", "ci-log-loaded-run1", "ci-log-loaded-run2", "ci-log-phase-run1",
                "ci-log-rehearsal-run1"), engine, "the engine's order (before session 17): 6 of 22");
        assertEquals(List.of("ci-log-final-run1", "ci-log-final-run2", "ci-log-fresh-run1", "ci-log-fresh-run2", "ci-log-loaded-run1",
                "ci-log-loaded-run2", "ci-log-phase-run1", "ci-log-phase-run2", "ci-log-rehearsal-run1", "ci-log-rehearsal-run2",
                "full-log-run4"), rule, "the default (main-first): 11 of 22");
        assertTrue(rule.containsAll(engine), "no run lost");
    }

    @Test
    void theTwinPairComesCloserButAFloorOfZeroStaysOutOfReach() throws Exception {
        for (String run : new String[] {"ci-log-twin-run1", "ci-log-twin-run2"}) {
            StartComparison c = PairReplays.fromSacct("ci-log-twin-run1", run, PassPhase.AUTO);
            assertEquals(1.0, c.withinToleranceShare(), 1e-9, run);
            assertEquals(4.4884, c.meanAbsStartErrorSeconds(), 1e-4, run); // the engine's order: 7.4651
            assertEquals(0.8685, c.startOrderKendallTau(), 1e-4, run); // 0.8172
            assertFalse(PairReplays.meets(c, 1.0, 0.0, 1.0), run);
        }
    }
}
