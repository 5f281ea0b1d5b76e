package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.slurmconf.SchedulerParameters;

/**
 * Hand-worked cases of Slurm's loop on 4 one-core nodes. The base case: A (3 nodes, runs 130 s,
 * priority 100) starts at 0; at 1 s B (4 nodes, 100 s, priority 90) and C (1 node, priority 10)
 * are submitted. The main scheduler starts neither (B does not fit, and blocks its partition, so C
 * is not tried). The backfill cycle at 30 s plans B at A's end, 130 s rounded down to the
 * resolution; C may start at 30 s only if it ends by B's
 * planned start. Otherwise C starts after B: A ends 130, B runs 130–230, C starts at 230.
 */
class SlurmSchedulerPolicyTest {

    private static final NodeCluster FOUR = new NodeCluster(List.of(NodePool.simple("p", 4, 1, 1000)));

    private record Job(String name, long submit, int nodes, long limit, long runtime, long priority, String user, List<String> pools) {}

    private static JobSpec spec(int id, Job j) {
        return new JobSpec(id, j.name(), j.submit(), j.nodes(), 1, 0, j.limit(), j.runtime(), JobSpec.DEFAULT_QOS, j.user(),
                j.pools(), true, true, 0, 0, null);
    }

    /** Runs the jobs; returns each job's start by name, and leaves the policy for inspection. */
    private static Map<String, Long> run(NodeCluster cluster, SlurmSchedulerPolicy[] policyOut, String params, Job... jobs) {
        return run(cluster, policyOut, SlurmSchedulerConfig.of(parse(params)), jobs);
    }

    private static Map<String, Long> run(NodeCluster cluster, SlurmSchedulerPolicy[] policyOut, SlurmSchedulerConfig config, Job... jobs) {
        Map<Integer, Job> byId = new LinkedHashMap<>();
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < jobs.length; i++) {
            byId.put(i + 1, jobs[i]);
            specs.add(spec(i + 1, jobs[i]));
        }
        SlurmJobAttributes attrs = new SlurmJobAttributes() {
            public long priority(JobSpec job) {
                return byId.get(job.id()).priority();
            }

            public String user(JobSpec job) {
                return job.group();
            }

            public String partition(JobSpec job) {
                return String.join(",", job.pools());
            }
        };
        SlurmSchedulerPolicy policy = new SlurmSchedulerPolicy(config, attrs);
        if (policyOut != null) policyOut[0] = policy.keepingCycles();
        SimulationResult r = new Simulation(SimulationConfig.of(cluster, specs, policy, true)).run();
        Map<String, Long> starts = new LinkedHashMap<>();
        r.jobs().forEach(j -> starts.put(j.name(), j.firstStart()));
        return starts;
    }

    static SchedulerParameters parse(String line) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String opt : line.split(",")) {
            if (opt.isBlank()) continue;
            int eq = opt.indexOf('=');
            m.put(eq < 0 ? opt : opt.substring(0, eq), eq < 0 ? "" : opt.substring(eq + 1));
        }
        return new SchedulerParameters(m);
    }

    private static Job job(String name, long submit, int nodes, long limit, long runtime, long priority, String user) {
        return new Job(name, submit, nodes, limit, runtime, priority, user, List.of());
    }

    private static final String BASE = "sched_interval=60,bf_interval=30,bf_window=10,bf_resolution=60";

    private static Map<String, Long> base(String params, long cLimit, String cUser, SlurmSchedulerPolicy[] out) {
        return run(FOUR, out, params, job("A", 0, 3, 130, 130, 100, "u1"), job("B", 1, 4, 100, 100, 90, "u1"),
                job("C", 1, 1, cLimit, cLimit, 10, cUser));
    }

    /** The backfill cycle at 30 s (the one at 0 s saw only A, which the main scheduler had started). */
    private static SlurmSchedulerPolicy.Cycle firstCycle(String params, Job... jobs) {
        SlurmSchedulerPolicy[] p = new SlurmSchedulerPolicy[1];
        run(FOUR, p, params, jobs);
        return p[0].cycles().stream().filter(c -> c.time() == 30).findFirst().orElseThrow();
    }

    @Test
    void aJobThatEndsBeforeThePlannedStartIsBackfilledOneThatWouldDelayItWaits() {
        // at 30 s: B planned at 130 (A's end); C on the free node ends by 130 with a 100 s limit: started
        assertEquals(Map.of("A", 0L, "B", 130L, "C", 30L), base(BASE, 100, "u2", null));
        // a 120 s limit would delay B: C waits; A ends 130, B runs 130–230, then C
        assertEquals(Map.of("A", 0L, "B", 130L, "C", 230L), base(BASE, 120, "u2", null));
    }

    @Test
    void resolutionRoundsThePlannedEndDown() {
        // at 30 s: B planned at 130 for 100 s; D (4 nodes, 50 s) planned after B's planned end:
        // 230 with a 1 s resolution, 180 (230 rounded down to the minute) with 60 s
        Job[] jobs = {job("A", 0, 3, 130, 130, 100, "u1"), job("B", 1, 4, 100, 100, 90, "u1"), job("D", 1, 4, 50, 50, 50, "u3")};
        SlurmSchedulerPolicy.Cycle fine = firstCycle(BASE + ",bf_resolution=1", jobs);
        assertEquals(30, fine.time());
        assertEquals(List.of("B", "D"), fine.tested());
        assertEquals(Map.of("B", 130L, "D", 230L), fine.planned());
        assertEquals(Map.of("B", 130L, "D", 180L), firstCycle(BASE + ",bf_resolution=60", jobs).planned());
    }

    @Test
    void aJobBeyondTheWindowGetsNoPlannedStartAndOthersMayDelayIt() {
        // window 1 minute: at 30 s B's start (130) is beyond 30 + 60: no plan for B, so C (120 s) starts at 30 and B
        // waits for it: A ends 130, C 150
        assertEquals(Map.of("A", 0L, "B", 150L, "C", 30L), base("sched_interval=60,bf_interval=30,bf_window=1", 120, "u2", null));
        SlurmSchedulerPolicy.Cycle c = firstCycle("sched_interval=60,bf_interval=30,bf_window=1",
                job("A", 0, 3, 130, 130, 100, "u1"), job("B", 1, 4, 100, 100, 90, "u1"), job("C", 1, 1, 120, 120, 10, "u2"));
        assertEquals("no start within bf_window", c.passedOver().get("B"));
        assertEquals(List.of("C"), c.started());
    }

    @Test
    void maxJobTestStopsTheCycleBeforeLaterJobs() {
        // C (60 s) fits before B's plan; with bf_max_job_test=1 the cycle tests B only and C waits for B
        assertEquals(30L, base(BASE + ",bf_max_job_test=2", 60, "u2", null).get("C"));
        assertEquals(230L, base(BASE + ",bf_max_job_test=1", 60, "u2", null).get("C"));
        assertEquals(List.of("B"), firstCycle(BASE + ",bf_max_job_test=1", job("A", 0, 3, 130, 130, 100, "u1"),
                job("B", 1, 4, 100, 100, 90, "u1"), job("C", 1, 1, 60, 60, 10, "u2")).tested());
    }

    @Test
    void maxJobUserPassesOverAUsersLaterJobs() {
        // same user as B: with bf_max_job_user=1, C is passed over and waits for B
        assertEquals(230L, base(BASE + ",bf_max_job_user=1", 60, "u1", null).get("C"));
        assertEquals("bf_max_job_user", firstCycle(BASE + ",bf_max_job_user=1", job("A", 0, 3, 130, 130, 100, "u1"),
                job("B", 1, 4, 100, 100, 90, "u1"), job("C", 1, 1, 60, 60, 10, "u1")).passedOver().get("C"));
        // another user: tested, fits, starts; no limit: the same
        assertEquals(30L, base(BASE + ",bf_max_job_user=1", 60, "u2", null).get("C"));
        assertEquals(30L, base(BASE, 60, "u1", null).get("C"));
    }

    @Test
    void minPrioReserveGivesLowPriorityJobsNoPlannedStart() {
        // B (priority 90) below bf_min_prio_reserve=95: no plan for it, so C (120 s) starts at 30 and delays B to 150
        assertEquals(Map.of("A", 0L, "B", 150L, "C", 30L), base(BASE + ",bf_min_prio_reserve=95", 120, "u2", null));
    }

    @Test
    void maxJobStartCapsTheStartsOfOneCycle() {
        // A takes 2 of the 4 nodes until 130; C1 and C2 (1 node, 60 s) both end before B's plan at 130
        Job a = job("A", 0, 2, 130, 130, 100, "u1");
        Job b = job("B", 1, 4, 100, 100, 90, "u1");
        Job c1 = job("C1", 1, 1, 60, 60, 10, "u2");
        Job c2 = job("C2", 1, 1, 60, 60, 9, "u3");
        Map<String, Long> free = run(FOUR, null, BASE, a, b, c1, c2);
        assertEquals(30L, free.get("C1"));
        assertEquals(30L, free.get("C2"));
        Map<String, Long> capped = run(FOUR, null, BASE + ",bf_max_job_start=1", a, b, c1, c2);
        assertEquals(30L, capped.get("C1"));
        assertEquals(60L, capped.get("C2")); // the next cycle: 60 + 60 ≤ 130
    }

    @Test
    void eventPassesTestAtMostDefaultQueueDepthJobsAndThePeriodicPassTheWholeQueue() {
        // X and Y (2 nodes each) submitted at 5 s, not a tick; backfill far away (bf_interval=1000)
        Job x = job("X", 5, 2, 100, 100, 50, "u1");
        Job y = job("Y", 5, 2, 100, 100, 40, "u1");
        assertEquals(Map.of("X", 5L, "Y", 5L), run(FOUR, null, "sched_interval=60,bf_interval=1000,default_queue_depth=2", x, y));
        assertEquals(Map.of("X", 5L, "Y", 60L), run(FOUR, null, "sched_interval=60,bf_interval=1000,default_queue_depth=1", x, y));
    }

    @Test
    void aBlockedJobStopsOnlyItsOwnPartition() {
        NodeCluster two = new NodeCluster(List.of(NodePool.simple("a", 2, 1, 1000), NodePool.simple("b", 2, 1, 1000)));
        Job p1 = new Job("P1", 0, 2, 100, 100, 100, "u1", List.of("a"));
        Job q = new Job("Q", 1, 2, 100, 100, 90, "u1", List.of("a"));
        Job r = new Job("R", 1, 1, 100, 100, 80, "u1", List.of("b"));
        String quiet = "sched_interval=1000,bf_interval=1000,batch_sched_delay=0"; // R at its submit, not at the delayed pass
        assertEquals(Map.of("P1", 0L, "Q", 100L, "R", 1L), run(two, null, quiet, p1, q, r));
        // one partition over every node: Q blocks it, R waits for Q (on four one-core nodes: P1 0–100, Q 100–200)
        Job q1 = new Job("Q", 1, 4, 100, 100, 90, "u1", List.of());
        Job r1 = new Job("R", 1, 1, 100, 100, 80, "u1", List.of());
        Job p2 = new Job("P1", 0, 2, 100, 100, 100, "u1", List.of());
        assertEquals(Map.of("P1", 0L, "Q", 100L, "R", 200L), run(FOUR, null, quiet, p2, q1, r1));
    }

    @Test
    void priorityOrdersTheQueueNotSubmission() {
        Job a = job("A", 0, 4, 50, 50, 1, "u1");
        Job lo = job("LO", 1, 4, 50, 50, 5, "u1");
        Job hi = job("HI", 2, 4, 50, 50, 9, "u1");
        assertEquals(Map.of("A", 0L, "HI", 50L, "LO", 100L), run(FOUR, null, "sched_interval=60,bf_interval=30", a, lo, hi));
    }

    @Test
    void unmodelledOptionsAreListed() {
        SlurmSchedulerConfig c = SlurmSchedulerConfig.of(parse("bf_interval=5,bf_max_job_assoc=3,defer,bf_continue"));
        assertEquals(List.of("bf_max_job_assoc=3: not modelled", "defer: not modelled"), c.unmodelled());
        assertEquals(5, c.bfIntervalSeconds());
        assertTrue(c.bfContinue());
    }

    /** The packed primitive sort of the loop's priority order is the stable sort by priority, ties in queue order. */
    @Test
    void byPriorityIsTheStableSortByPriorityDescending() {
        java.util.Random rnd = new java.util.Random(20261207);
        for (int round = 0; round < 500; round++) {
            int n = rnd.nextInt(60);
            Integer[] jobs = new Integer[n];
            long[] prio = new long[n];
            int kind = rnd.nextInt(4);
            for (int k = 0; k < n; k++) {
                jobs[k] = k;
                prio[k] = switch (kind) {
                    case 0 -> rnd.nextInt(4); // many ties
                    case 1 -> 0xffffffffL - rnd.nextInt(3); // the top of Slurm's range
                    case 2 -> rnd.nextInt(5) == 0 ? -1 - rnd.nextInt(3) : rnd.nextInt(1_000_000); // out of range: the comparator
                    default -> rnd.nextLong();
                };
            }
            List<Integer> expected = new ArrayList<>(List.of(jobs));
            expected.sort((a, b) -> Long.compare(prio[b], prio[a])); // List.sort is stable
            assertEquals(expected, SlurmSchedulerPolicy.byPriority(jobs, prio), "round " + round);
        }
    }

    @Test
    void aPolicyThatKeepsNoCyclesDecidesTheSameAndRecordsNone() {
        // the cycle's record (tested, started, passed over) is made only when cycles are kept: the starts must not depend
        // on it, under the limits whose counts it used to share a pass with (bf_max_job_user, bf_max_job_part, bf_max_job_test)
        for (String params : List.of(BASE, BASE + ",bf_max_job_user=1", BASE + ",bf_max_job_part=1", BASE + ",bf_max_job_test=1",
                "sched_interval=60,bf_interval=30,bf_window=1")) {
            for (String cUser : List.of("u1", "u2")) {
                SlurmSchedulerPolicy[] kept = new SlurmSchedulerPolicy[1];
                Map<String, Long> withCycles = base(params, 60, cUser, kept);
                assertEquals(withCycles, base(params, 60, cUser, null), params + " " + cUser);
                List<SlurmSchedulerPolicy.Cycle> cycles = kept[0].cycles();
                assertTrue(!cycles.isEmpty(), params);
                assertEquals(cycles.get(cycles.size() - 1), kept[0].lastCycle(), params);
            }
        }
        // without keepingCycles no record is made: no last cycle either
        SlurmSchedulerPolicy bare = new SlurmSchedulerPolicy(SlurmSchedulerConfig.of(parse(BASE)), SlurmJobAttributes.REQUESTED);
        new Simulation(SimulationConfig.of(FOUR, List.of(spec(1, job("A", 0, 3, 130, 130, 100, "u1")),
                spec(2, job("B", 1, 4, 100, 100, 90, "u1"))), bare, true)).run();
        assertTrue(bare.backfillCycles() > 0);
        assertEquals(null, bare.lastCycle());
        assertEquals(List.of(), bare.cycles());
    }

    @Test
    void aDriftingBackfillTimerRunsTheCyclesOnEachPiecesPhase() {
        // A holds the 4 nodes until 300; a 4-node job joins the queue every 10 s (so every cycle has something new to test):
        // the backfill runs at 5 + 30k until 70, then (the timer drifted) at 12 + 30k, the first 37 s after the last (the
        // first at 10: nothing waited at 5, so the policy was next called at W1's submit, and ran the cycle it had missed)
        List<Job> jobs = new ArrayList<>(List.of(job("A", 0, 4, 300, 300, 100, "u1")));
        for (int k = 1; k <= 28; k++) jobs.add(job("W" + k, 10L * k, 4, 10, 10, 50, "u1"));
        SlurmSchedulerConfig conf = SlurmSchedulerConfig.of(parse(BASE));
        SlurmSchedulerPolicy[] drifting = new SlurmSchedulerPolicy[1], fixed = new SlurmSchedulerPolicy[1];
        run(FOUR, drifting, conf.withBackfillPhases(0, new BackfillPhases(new long[] {0, 70}, new long[] {5, 12})), jobs.toArray(Job[]::new));
        run(FOUR, fixed, conf.withPhases(0, 5), jobs.toArray(Job[]::new));
        assertEquals(List.of(10L, 35L, 65L, 102L, 132L, 162L, 192L, 222L, 252L, 282L),
                drifting[0].cycles().stream().map(SlurmSchedulerPolicy.Cycle::time).filter(t -> t < 300).toList());
        // the one-phase timer (the code before the pieces) stays on 5 + 30k
        assertEquals(List.of(10L, 35L, 65L, 95L, 125L, 155L, 185L, 215L, 245L, 275L),
                fixed[0].cycles().stream().map(SlurmSchedulerPolicy.Cycle::time).filter(t -> t < 300).toList());
    }
}
