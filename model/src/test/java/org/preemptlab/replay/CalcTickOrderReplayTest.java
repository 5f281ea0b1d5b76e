package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.history.SlurmctldLog;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.slurmsched.RecordedPasses;

/**
 * A log replay runs the PriorityCalcPeriod tick of a second between that second's recorded passes, at the tick's
 * millisecond: the one slurmctld's log shows ({@code _apply_priority_fs}), else the multifactor plugin's start's (issue 12).
 */
class CalcTickOrderReplayTest {

    @TempDir
    Path dir;

    private static final String DUMP = TwoAccountSite.DUMP;

    private static final String QOS = TwoAccountSite.QOS;

    private static final String ROW_TAIL = "|00:01:00|00:05:00|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|n1|COMPLETED|1\n";

    private static String row(String id, String user, String account, String submit, String start, String end) {
        return id + "|j|" + user + "|" + account + "|cpu|normal|2026-01-01T" + submit + "|2026-01-01T" + submit + "|2026-01-01T" + start
                + "|2026-01-01T" + end + ROW_TAIL;
    }

    /**
     * One node of 4 CPUs, fair-share only (Fair Tree, ann and ben in two accounts of equal shares), PriorityCalcPeriod 1 min;
     * the plugin started at 00:00:00.600, so the ticks fall at 60 s, 120 s … Every job takes the whole node for 60 s. Ann's
     * job 1 runs 0–60; ann's job 2 (submitted at 10 s) and ben's job 3 (at 20 s) wait, both at 10,000 (nobody has usage
     * yet), 2 ahead (older). The tick of 60 s charges ann 4 CPUs × 60 s: ann 5,000, ben 10,000, so 3 goes ahead. Job 1
     * ends at 60 s, and the log's main pass of that second, at {@code passMillis}, starts 2 if it runs before the tick,
     * 3 if after. The other job starts at the pass of 120.9 s.
     */
    private Map<String, Long> predicted(String passMillis, String tickLine) throws Exception {
        String conf = "ClusterName=hand\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nSchedulerType=sched/backfill\n"
                + "SchedulerParameters=bf_interval=30,sched_interval=60\nPriorityType=priority/multifactor\nPriorityCalcPeriod=1\n"
                + "PriorityDecayHalfLife=1-0\nPriorityWeightFairshare=10000\n"
                + "NodeName=n1 CPUs=4 RealMemory=8000 State=UNKNOWN\nPartitionName=cpu Nodes=n1 Default=YES MaxTime=60 State=UP\n";
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(Files.writeString(dir.resolve("slurm.conf"), conf), null,
                Files.writeString(dir.resolve("dump.txt"), DUMP), Files.writeString(dir.resolve("qos.txt"), QOS)));
        String sacct = "JobID|JobName|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|ReqMem|ReqTRES|"
                + "AllocTRES|NodeList|State|Priority\n"
                + row("1", "ann", "astro", "00:00:00", "00:00:00", "00:01:00")
                + row("2", "ann", "astro", "00:00:10", "00:01:00", "00:02:00")
                + row("3", "ben", "bio", "00:00:20", "00:02:00", "00:03:00");
        List<String> log = new ArrayList<>(List.of(
                "[2026-01-01T00:00:00.600] debug:  priority/multifactor: init: Priority MULTIFACTOR plugin loaded",
                "[2026-01-01T00:00:00.700] debug:  sched: Running job scheduler for default depth.",
                "[2026-01-01T00:00:10.500] debug:  sched: Running job scheduler for default depth.",
                "[2026-01-01T00:00:20.500] debug:  sched: Running job scheduler for default depth.",
                "[2026-01-01T00:01:00." + passMillis + "] debug:  sched: Running job scheduler for full queue.",
                "[2026-01-01T00:02:00.900] debug:  sched: Running job scheduler for full queue."));
        if (tickLine != null) log.add(tickLine);
        HistoryReplay.Result r = SiteReplay.run(site, SacctReader.read(sacct, "sacct.txt"), SlurmctldLog.parse(log), null,
                SiteReplay.Priority.MULTIFACTOR);
        Map<String, Long> out = new TreeMap<>();
        for (StartComparison.Row row : r.comparison().rows()) out.put(row.key(), row.predictedStart());
        return out;
    }

    @Test
    void aPassRecordedBeforeTheTickOfItsSecondSeesTheOldPriorities() throws Exception {
        // the pass at 60.3 s comes before the tick at 60.6 s (the plugin's phase): job 2 (the old order) starts at 60 s.
        // Before issue 12 the tick ran first whatever the pass's millisecond: 3 at 60 s, 2 at 120 s
        assertEquals(Map.of("1", 0L, "2", 60L, "3", 120L), predicted("300", null));
        // after it (60.9 s): the new order, 3 first
        assertEquals(Map.of("1", 0L, "2", 120L, "3", 60L), predicted("900", null));
    }

    @Test
    void theTickTheLogShowsWinsOverThePluginsPhase() throws Exception {
        // the log's tick of that second at 60.2 s (the decay thread drifts): the pass of 60.3 s is after it, 3 first
        String tick = "[2026-01-01T00:01:00.200] priority/multifactor: _apply_priority_fs: PRIO: Fair Tree fairshare algorithm, starting at root:";
        assertEquals(Map.of("1", 0L, "2", 120L, "3", 60L), predicted("300", tick));
        // at 60.4 s: the pass is before it
        assertEquals(Map.of("1", 0L, "2", 60L, "3", 120L), predicted("300", tick.replace("00:01:00.200", "00:01:00.400")));
    }

    @Test
    void theTicksPlaceFromTheLogItsLinesThenThePluginsPhase() {
        SlurmctldLog log = SlurmctldLog.parse(List.of(
                "[2026-01-01T00:00:00.572] debug:  priority/multifactor: init: Priority MULTIFACTOR plugin loaded",
                "[2026-01-01T00:01:00.597] priority/multifactor: _apply_priority_fs: PRIO: Fair Tree fairshare algorithm, starting at root:",
                "[2026-01-01T00:01:00.335] sched/backfill: _attempt_backfill: beginning"));
        long origin = java.time.LocalDateTime.parse("2026-01-01T00:00:00").toEpochSecond(java.time.ZoneOffset.UTC);
        assertEquals(List.of((origin + 60) * 1000 + 597), log.calcTicks());
        RecordedPasses p = RecordedPasses.of(log.fullPasses(), log.eventPasses(), log.backfillCycles(), log.calcTicks(),
                log.priorityStart(), origin);
        assertEquals(60_597L, p.calcTickMillis(60)); // the logged one
        assertEquals(120_572L, p.calcTickMillis(120)); // the plugin's phase
        assertEquals(Long.MIN_VALUE, new RecordedPasses(new long[0], new long[0], new long[] {60_335}).calcTickMillis(60));
        org.preemptlab.slurmsched.SlurmSchedulerPolicy policy = new org.preemptlab.slurmsched.SlurmSchedulerPolicy(
                org.preemptlab.slurmsched.SlurmSchedulerConfig.of(new org.preemptlab.slurmconf.SchedulerParameters(Map.of())), org.preemptlab.slurmsched.SlurmJobAttributes.REQUESTED)
                .withRecordedPasses(p);
        assertTrue(policy.passesBeforeTick(60)); // the cycle of 60.335 before the tick of 60.597
        assertEquals(false, policy.passesBeforeTick(59));
    }

    private static Path fixture(String run, String file) throws Exception {
        return Path.of(CalcTickOrderReplayTest.class.getResource("/org/preemptlab/history/slurm-local/" + run + "/" + file).toURI());
    }

    @Test
    void run2sCycleOf117BackfillsJob13_2BeforeTheTickAsSlurmDid() throws Exception {
        // run 2's log replay: at t 117 (17:36:52) the state is Slurm's; its backfill cycle of .335 started 13_2 on c5,g[1-2],
        // and the decay thread ran the tick of that second at .597 (its _apply_priority_fs line), after the cycle: 13_2 still
        // at 6,825 (sacct's Priority), ahead of the phys jobs. With the tick first (before issue 12) it fell to 3,968 and was
        // planned at 470 behind 32, 17, 47, 39, 21, 26 and 23 (started at 142)
        SlurmctldLog log = SlurmctldLog.read(fixture("full-log-run2", "slurmctld-passes.txt"));
        assertEquals(16, log.calcTicks().size());
        SacctHistory h = SacctReader.read(fixture("full-log-run2", "sacct.txt"));
        SlurmSite site = SlurmSite.read(new SlurmSite.Files(fixture("full-log-run1", "slurm.conf"), fixture("full-log-run1", "gres.conf"),
                fixture("full-log-run2", "sacctmgr-dump.txt"), fixture("full-log-run2", "sacctmgr-qos.txt")));
        SimulationResult[] sim = new SimulationResult[1];
        SiteReplay.replay(site, h, 0, null, SiteReplay.Priority.MULTIFACTOR, ProgressListener.NONE, sim, log,
                BackfillPlans.OWN_RESOURCES, true);
        JobRun j = sim[0].jobs().stream().filter(r -> r.name().equals("13_2")).findFirst().orElseThrow();
        assertEquals(117L, j.firstStart());
        LogEntry start = sim[0].timeline().log().stream().filter(e -> e.kind() == LogKind.START && e.job() == j.index())
                .findFirst().orElseThrow();
        List<String> nodes = new ArrayList<>();
        for (int n : start.nodes()) nodes.add(sim[0].cluster().nodeName(n));
        assertArrayEquals(new String[] {"c5", "g1", "g2"}, nodes.stream().sorted().toArray());
        assertTrue(start.reason().text().toLowerCase().contains("backfill"), start.reason().text());
    }
}
