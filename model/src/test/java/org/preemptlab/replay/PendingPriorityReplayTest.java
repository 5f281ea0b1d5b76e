package org.preemptlab.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctReader;
import org.preemptlab.slurmconf.SlurmSite;

/**
 * The priority of a job waiting outside the queue (an array task under its throttle), worked by hand on one node of 4
 * CPUs: ann's array {@code 1_[0-1]%1} at 00:00:00 and ben's job 2 at 00:00:10, every job the whole node for 2 min (limit
 * 5 min), so task 0 runs 0–120 s and at 120 s either task 1 or job 2 starts. Slurm keeps the pending array as one record
 * whose priority its decay thread recomputes every PriorityCalcPeriod whatever the pending reason
 * ({@code decay_apply_weighted_factors}), whose age counts from the array's first eligibility ({@code accrue_time}), and
 * whose tasks are split off with that priority ({@code job_array_split}).
 */
class PendingPriorityReplayTest {

    @TempDir
    Path dir;

    private static final String DUMP = TwoAccountSite.DUMP;

    private static final String QOS = TwoAccountSite.QOS;

    private static final String ROW_TAIL = "|00:02:00|00:05:00|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|n1|COMPLETED|1\n";

    /** sacct's rows: {@code second} is 1_1's or job 2's start (the other one starts at 4 min), as Slurm would have run them. */
    private SlurmSite site(String priorityLines) throws Exception {
        String conf = "ClusterName=hand\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nSchedulerType=sched/backfill\n"
                + "SchedulerParameters=bf_interval=30,sched_interval=60\nPriorityType=priority/multifactor\nPriorityCalcPeriod=1\n"
                + "PriorityDecayHalfLife=1-0\n" + priorityLines
                + "NodeName=n1 CPUs=4 RealMemory=8000 State=UNKNOWN\nPartitionName=cpu Nodes=n1 Default=YES MaxTime=60 State=UP\n";
        return SlurmSite.read(new SlurmSite.Files(Files.writeString(dir.resolve("slurm.conf"), conf), null,
                Files.writeString(dir.resolve("dump.txt"), DUMP), Files.writeString(dir.resolve("qos.txt"), QOS)));
    }

    private Map<String, Long> predicted(SlurmSite site, boolean taskFirst) throws Exception {
        String t1 = taskFirst ? "00:02:00" : "00:04:00", t2 = taskFirst ? "00:04:00" : "00:02:00";
        String e1 = taskFirst ? "00:04:00" : "00:06:00", e2 = taskFirst ? "00:06:00" : "00:04:00";
        String sacct = "JobID|JobName|User|Account|Partition|QOS|Submit|Eligible|Start|End|Elapsed|Timelimit|NNodes|NCPUS|ReqMem|ReqTRES|"
                + "AllocTRES|NodeList|State|Priority\n"
                + "1_0|a|ann|astro|cpu|normal|2026-01-01T00:00:00|2026-01-01T00:00:00|2026-01-01T00:00:00|2026-01-01T00:02:00" + ROW_TAIL
                // Eligible: the throttle let it go when 1_0 ended (job_array_start_test resets the record's begin time)
                + "1_1|a|ann|astro|cpu|normal|2026-01-01T00:00:00|2026-01-01T00:02:00|2026-01-01T" + t1 + "|2026-01-01T" + e1 + ROW_TAIL
                + "2|b|ben|bio|cpu|normal|2026-01-01T00:00:10|2026-01-01T00:00:10|2026-01-01T" + t2 + "|2026-01-01T" + e2 + ROW_TAIL;
        HistoryReplay.Result r = SiteReplay.run(site, SacctReader.read(sacct, "sacct.txt"), 0, null, SiteReplay.Priority.MULTIFACTOR);
        Map<String, Long> out = new TreeMap<>();
        for (StartComparison.Row row : r.comparison().rows()) out.put(row.key(), row.predictedStart());
        return out;
    }

    @Test
    void aThrottledTaskComesBackAtThePriorityOfTheLastTickNotTheOneItWasHeldWith() throws Exception {
        // fair-share only (Fair Tree, two users in two accounts of equal shares). At 0 and 10 s nobody has usage: ann's
        // array and ben's job both get 10,000, the array ahead (earlier). At the ticks of 60 and 120 s ann has used
        // 4 CPUs × 60 s and 120 s, ben nothing: ben ranks first (factor 1, 10,000), ann second (1/2, 5,000), the held task
        // included. So at 120 s job 2 starts and task 1 waits for it: 2 at 120 s, 1_1 at 240 s. Keeping the held task's
        // submit-time key (the model before) started 1_1 at 120 s.
        Map<String, Long> p = predicted(site("PriorityWeightFairshare=10000\n"), false);
        assertEquals(Map.of("1_0", 0L, "1_1", 240L, "2", 120L), p);
    }

    @Test
    void aThrottledTasksAgeCountsFromItsArraysFirstEligibility() throws Exception {
        // age only (PriorityMaxAge 10 min, weight 10,000: 1000/60 a minute, ≈ 16.7 a second). Slurm's array record accrues
        // age from 0 s (the array's eligibility; the throttle does not reset accrue_time): at the tick of 120 s task 1
        // has 120/600 × 10,000 = 2,000, job 2 (from 10 s) 1,833, so task 1 starts at 120 s and job 2 at 240 s. Queued at
        // its own Eligible (120 s, sacct's after the throttle), the task would have age 0 and go after job 2.
        Map<String, Long> p = predicted(site("PriorityWeightAge=10000\nPriorityMaxAge=10\n"), true);
        assertEquals(Map.of("1_0", 0L, "1_1", 120L, "2", 240L), p);
    }
}
