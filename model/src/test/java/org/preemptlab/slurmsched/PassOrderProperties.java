package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.SameSecondOrder;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * The grid's same-second order ({@link SlurmSchedulerPolicy#withSameSecondOrder}, {@link PassOrder}) on seeded random
 * workloads (four one-core nodes, submits and runs of a few seconds, short timers so that passes and ends share seconds):
 * main-first without an engine order (nothing deferred) decides as the policy without it; with the ends placed after their
 * starting pass (run + 40 ms) every job still runs, never before its submit, and some workloads start differently.
 */
class PassOrderProperties {

    private static final NodeCluster FOUR = new NodeCluster(List.of(NodePool.simple("p", 4, 1, 1000)));

    private static List<JobSpec> workload(Random rnd) {
        List<JobSpec> specs = new ArrayList<>();
        long t = 0;
        int n = 4 + rnd.nextInt(12);
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(4);
            long run = 1 + rnd.nextInt(12);
            specs.add(new JobSpec(i + 1, "j" + (i + 1), t, 1 + rnd.nextInt(4), 1, 0, run + rnd.nextInt(5), run, JobSpec.DEFAULT_QOS, "u",
                    List.of(), true, true, 0, 0, null));
        }
        return specs;
    }

    private static Map<String, Long> starts(List<JobSpec> specs, PassOrder order, boolean endsPlaced) {
        SlurmJobAttributes attrs = new SlurmJobAttributes() {
            public long priority(JobSpec job) {
                return 100 - job.id();
            }

            public String user(JobSpec job) {
                return job.group();
            }

            public String partition(JobSpec job) {
                return "";
            }
        };
        SlurmSchedulerPolicy policy = new SlurmSchedulerPolicy(SlurmSchedulerConfig.of(
                SlurmSchedulerPolicyTest.parse("sched_interval=4,bf_interval=3,batch_sched_delay=2")), attrs);
        if (order != null) policy.withSameSecondOrder(order);
        SimulationConfig config = SimulationConfig.of(FOUR, specs, policy, true);
        if (endsPlaced) {
            long[] unknown = new long[specs.size()], run = new long[specs.size()];
            java.util.Arrays.fill(unknown, SameSecondOrder.UNKNOWN);
            for (int i = 0; i < specs.size(); i++) run[i] = specs.get(i).runtime() * 1000 + 40;
            config = config.withSameSecondOrder(new SameSecondOrder(unknown, unknown.clone(), run));
        }
        SimulationResult r = new Simulation(config).run();
        Map<String, Long> out = new LinkedHashMap<>();
        r.jobs().forEach(j -> out.put(j.name(), j.firstStart()));
        return out;
    }

    @Test
    void mainFirstWithoutPlacedEndsDecidesAsThePolicyWithoutIt() {
        Random rnd = new Random(17);
        for (int c = 0; c < 300; c++) {
            List<JobSpec> w = workload(rnd);
            assertEquals(starts(w, null, false), starts(w, PassOrder.MAIN_FIRST, false), "case " + c);
        }
    }

    @Test
    void withPlacedEndsEveryJobRunsAfterItsSubmitAndTheOrderMatters() {
        Random rnd = new Random(1717);
        int differ = 0;
        for (int c = 0; c < 300; c++) {
            List<JobSpec> w = workload(rnd);
            for (PassOrder o : new PassOrder[] {PassOrder.MAIN_FIRST, PassOrder.BACKFILL_FIRST}) {
                Map<String, Long> s = starts(w, o, true);
                assertEquals(w.size(), s.size(), "case " + c);
                for (JobSpec j : w) {
                    Long st = s.get(j.name());
                    assertTrue(st != null && st >= j.submit(), "case " + c + " " + o + ": " + j.name() + " at " + st);
                }
            }
            if (!starts(w, null, false).equals(starts(w, PassOrder.MAIN_FIRST, true))) differ++;
        }
        assertTrue(differ > 0, "the ends' place changed no start in 300 workloads");
    }
}
