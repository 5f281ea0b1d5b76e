package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.fidelity.WhatIfComparison;
import org.preemptlab.history.SacctHistory;
import org.preemptlab.history.SacctReader;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * What-if on a hand-made history: the same jobs replayed on a baseline site and on a changed one
 * (more nodes; a stricter QOS limit), compared per account and per partition.
 */
class WhatIfReplayTest {

    @TempDir
    Path dir;

    private static final String DUMP = """
            Cluster - 'hand':Fairshare=1:QOS='normal,high'
            Parent - 'root'
            Account - 'astro':Description='astro':Organization='astro':Fairshare=1
            Account - 'bio':Description='bio':Organization='bio':Fairshare=1
            Parent - 'astro'
            User - 'ann':DefaultAccount='astro':DefaultQOS='high':Fairshare=1:QOS='high,normal'
            Parent - 'bio'
            User - 'ben':DefaultAccount='bio':DefaultQOS='normal':Fairshare=1:QOS='normal'
            """;

    private static final String QOS_HEADER = "Name|Priority|GraceTime|Preempt|PreemptExemptTime|PreemptMode|Flags|UsageThres|UsageFactor|"
            + "GrpTRES|GrpTRESMins|GrpTRESRunMins|GrpJobs|GrpSubmit|GrpWall|MaxTRES|MaxTRESPerNode|MaxTRESMins|MaxWall|MaxTRESPU|MaxJobsPU|"
            + "MaxSubmitPU|MaxTRESPA|MaxTRESRunMinsPA|MaxTRESRunMinsPU|MaxJobsPA|MaxSubmitPA|MinTRES\n";

    private static String qos(String highMaxJobsPu) {
        return QOS_HEADER + "normal|0|00:00:00|||cluster|||1.000000|||||||||||||||||||\n"
                + "high|0|00:00:00|||cluster|||1.000000||||||||||||" + highMaxJobsPu + "|||||||\n";
    }

    private static String conf(int cpuNodes) {
        return "ClusterName=hand\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nSchedulerType=sched/backfill\n"
                + "SchedulerParameters=bf_interval=30,sched_interval=60\n"
                + "NodeName=c[1-" + cpuNodes + "] CPUs=4 RealMemory=8000 State=UNKNOWN\n"
                + "NodeName=d[1-2] CPUs=4 RealMemory=8000 State=UNKNOWN\n"
                + "PartitionName=cpu Nodes=c[1-" + cpuNodes + "] Default=YES MaxTime=60 State=UP\n"
                + "PartitionName=debug Nodes=d[1-2] MaxTime=60 State=UP\n";
    }

    /**
     * 24 whole-node jobs of 10 min, one every 10 s: ann (astro, QOS high) 16 in partition cpu, ben
     * (bio, QOS normal) 8, in cpu except every fourth in debug. sacct's own starts do not matter to a
     * what-if (both replays are compared with each other); they are written as "at submit".
     */
    private Path history() throws Exception {
        StringBuilder b = new StringBuilder("JobID|JobName|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|"
                + "ReqMem|ReqTRES|AllocTRES|NodeList|State|Priority\n");
        int ben = 0;
        for (int i = 0; i < 24; i++) {
            boolean isAnn = i % 3 != 2;
            String part = !isAnn && ben++ % 4 == 3 ? "debug" : "cpu";
            String t = String.format("2026-01-01T00:%02d:%02d", i * 10 / 60, i * 10 % 60);
            String end = String.format("2026-01-01T00:%02d:%02d", 10 + i * 10 / 60, i * 10 % 60);
            b.append(i + 1).append("|j").append(i + 1).append('|').append(isAnn ? "ann|astro|" : "ben|bio|").append(part).append('|')
                    .append(isAnn ? "high" : "normal").append('|').append(t).append('|').append(t).append('|').append(t).append('|')
                    .append(end).append("|00:10:00|00:15:00|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|c1|COMPLETED|1\n");
        }
        return Files.writeString(dir.resolve("sacct.txt"), b.toString());
    }

    private SlurmSite site(String name, int cpuNodes, String highMaxJobsPu) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        return SlurmSite.read(new SlurmSite.Files(Files.writeString(d.resolve("slurm.conf"), conf(cpuNodes)), null,
                Files.writeString(d.resolve("dump.txt"), DUMP), Files.writeString(d.resolve("qos.txt"), qos(highMaxJobsPu))));
    }

    private WhatIfComparison whatIf(SlurmSite baseline, SlurmSite changed) throws Exception {
        SacctHistory h = SacctReader.read(history());
        HistoryReplay.Result base = SiteReplay.run(baseline, h, 0, null, SiteReplay.Priority.MULTIFACTOR);
        HistoryReplay.Result what = SiteReplay.run(changed, h, 0, null, SiteReplay.Priority.MULTIFACTOR);
        assertEquals(24, base.comparison().jobs(), base.warnings().toString());
        assertEquals(24, what.comparison().jobs(), what.warnings().toString());
        return WhatIfComparison.of(base.comparison(), what.comparison());
    }

    @Test
    void moreNodesWaitNoLongerForAnyJob() throws Exception {
        WhatIfComparison w = whatIf(site("base", 3, ""), site("more", 6, ""));
        assertEquals(24, w.jobs());
        for (WhatIfComparison.Change c : w.changes()) assertTrue(c.whatIfWait() <= c.baselineWait(), c.toString());
        WhatIfComparison.Group cpu = w.byPartition().get("cpu");
        assertTrue(cpu.meanWaitBaselineSeconds() > 0, cpu.toString());
        assertTrue(cpu.meanWaitWhatIfSeconds() < cpu.meanWaitBaselineSeconds(), cpu.toString());
        assertTrue(cpu.meanWaitChangePercent() < 0);
        assertTrue(cpu.startedEarlier() > 0);
        assertEquals(0, w.all().startedLater());
        // the debug partition did not change: its two nodes were enough before and after
        WhatIfComparison.Group debug = w.byPartition().get("debug");
        assertEquals(2, debug.jobs());
        assertEquals(debug.meanWaitBaselineSeconds(), debug.meanWaitWhatIfSeconds());
        assertEquals(0, debug.meanWaitChangePercent());
    }

    @Test
    void aStricterQosLimitMakesThatAccountWaitLonger() throws Exception {
        WhatIfComparison w = whatIf(site("base", 4, ""), site("strict", 4, "1"));
        WhatIfComparison.Group astro = w.byAccount().get("astro");
        WhatIfComparison.Group bio = w.byAccount().get("bio");
        assertEquals(16, astro.jobs());
        assertEquals(8, bio.jobs());
        assertTrue(astro.meanWaitWhatIfSeconds() > astro.meanWaitBaselineSeconds(), astro.toString());
        assertTrue(astro.meanWaitChangePercent() > 0);
        assertTrue(astro.startedLater() > 0);
        // ben's jobs get the nodes ann may no longer use: bio waits no longer
        assertTrue(bio.meanWaitWhatIfSeconds() <= bio.meanWaitBaselineSeconds(), bio.toString());
    }

    @Test
    void theRunsWhatIfReplaysTheBaselineOnASecondThreadWithTheSameResult() throws Exception {
        SacctHistory h = SacctReader.read(history());
        SlurmSite base = site("base", 3, "");
        SlurmSite more = site("more", 6, "1");
        SiteReplayRun.Options o = new SiteReplayRun.Options(SiteReplay.Priority.MULTIFACTOR, 0, null, null);
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SiteReplayRun.Outcome run = SiteReplayRun.run(more, base, h, o, true, (replay, done, total) -> threads.add(replay + "@"
                + Thread.currentThread().getName()));
        HistoryReplay.Result b = SiteReplayRun.run(base, null, h, o, false, null).result();
        HistoryReplay.Result w = SiteReplayRun.run(more, null, h, o, false, null).result();
        // the same per-job starts as the two replays one after the other
        assertEquals(b.comparison().rows(), run.baseline().comparison().rows());
        assertEquals(w.comparison().rows(), run.result().comparison().rows());
        assertEquals(WhatIfComparison.of(b.comparison(), w.comparison()).changes(), run.whatIf().changes());
        assertTrue(run.reasons() != null);
        // both replays reported, each from the caller's thread only (the planner's listener touches the window)
        String me = Thread.currentThread().getName();
        assertEquals(java.util.Set.of("baseline@" + me, "what-if@" + me), threads);
    }

    /**
     * A baseline that ended before the what-if made any report after the baseline's last one (a busy machine: the second
     * thread late, the what-if quick) is still heard to finish, from the caller's thread: its last report is told when
     * its result is taken (before, only a wait of over a quarter of a second told it, and a fast finish told nothing).
     */
    @Test
    void aBaselineThatEndedUnheardIsToldOnceFromTheCallersThread() throws Exception {
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong(-1);
        HistoryReplay.Result result = new HistoryReplay.Result(null, java.util.List.of(), java.util.Map.of(), 0, null, 0, 0);
        java.util.concurrent.FutureTask<HistoryReplay.Result> task = new java.util.concurrent.FutureTask<>(() -> {
            done.set(24);
            total.set(24); // the replay's last report, made on its own thread
            return result;
        });
        Thread t = new Thread(task, "baseline-for-test");
        t.start();
        t.join(); // ended before the caller waits for it: task.get returns at once
        java.util.List<String> told = new java.util.ArrayList<>();
        assertTrue(SiteReplayRun.awaitBaseline(task, (replay, d, n) -> told.add(replay + " " + d + "/" + n + " @" + Thread.currentThread().getName()),
                done, total) == result);
        assertEquals(java.util.List.of("baseline 24/24 @" + Thread.currentThread().getName()), told);
    }

    @Test
    void aWhatIfThatStopsLeavesNoBaselineRunning() throws Exception {
        SacctHistory h = SacctReader.read(history());
        SlurmSite base = site("base", 3, "");
        SiteReplayRun.Options o = new SiteReplayRun.Options(SiteReplay.Priority.MULTIFACTOR, 0, null, null);
        java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> SiteReplayRun.run(base, base, h, o, false, (replay, done, total) -> {
                    if (replay.equals("what-if")) throw new java.util.concurrent.CancellationException("cancelled by the test");
                }));
        assertEquals("cancelled by the test", e.getMessage());
        // run() returns only once the baseline's thread has ended (stopped at its next report, or done)
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(x -> x.getName().equals("preemptlab-baseline-replay") && x.isAlive()));
    }
}
