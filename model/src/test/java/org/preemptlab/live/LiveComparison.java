package org.preemptlab.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobSpec;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * The scenario the live tests share, and the comparison of a live run with the emulated one.
 *
 * <p>Scenario: pool {@code cpu} of 2 nodes × 1 core. A (240 s) and B (300 s) start at 0; the owner
 * job O (120 s) arrives at 60 and preempts B; C (60 s) arrives at 120 and waits for a node.
 *
 * <p>Comparison: the live run makes the same decisions (kind, job) as the emulated one. Its order
 * may differ only between decisions the emulated run makes at the same instant or within the delay
 * the live run really had by then. Each decision's time differs from its emulated time by at most
 * the delays observed up to it ({@link RealTimeDriver#delays()}: the engine applying an instant
 * late, a job's real end coming after its due end; delays add up along a run, so the tolerance of
 * a decision is the sum of the delays before it) plus a rounding margin. Early counts too: a
 * checkpoint signal acted on late saves more work, so the relaunch ends before its due end.
 */
final class LiveComparison {

    static final NodeCluster CLUSTER = new NodeCluster(List.of(NodePool.simple("cpu", 2, 1, 0)));

    static final List<JobSpec> JOBS = List.of(
            job(1, "A", 0, 240, "normal"),
            job(2, "B", 0, 300, "normal"),
            job(3, "O", 60, 120, "owner"),
            job(4, "C", 120, 60, "normal"));

    private LiveComparison() {}

    private static JobSpec job(int id, String name, long submit, long runtime, String qos) {
        return new JobSpec(id, name, submit, 1, 1, 0, runtime * 2, runtime, qos, "", List.of(), true, true, 0, 0, null);
    }

    static SimulationConfig config(PreemptMechanism mechanism) {
        return SimulationConfig.of(CLUSTER, JOBS, new OwnerPreemptsPolicy(mechanism), true)
                .withPreemption(PreemptionSettings.defaults().withCost(CheckpointCost.fixed(30, 30)));
    }

    /** One decision of the engine: when, what, to which job. */
    record Decision(long time, String kind, String job) {
        String what() {
            return kind + " " + job;
        }

        @Override
        public String toString() {
            return time + " " + what();
        }
    }

    /** The engine's own decisions (what a live backend observed is logged too: left out). */
    static List<Decision> decisions(SimulationResult r) {
        List<Decision> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            if (e.kind() == LogKind.OBSERVED) continue;
            out.add(new Decision(e.time(), e.kind().label(), e.job() < 0 ? "-" : r.job(e.job()).name()));
        }
        return out;
    }

    /** Simulated seconds of delay observed at or before simulated time {@code t}. */
    static double delayUpTo(List<RealTimeDriver.Delay> delays, double scale, long t) {
        double sum = 0;
        for (RealTimeDriver.Delay d : delays) if (d.due() <= t) sum += d.simSeconds(scale);
        return sum;
    }

    /**
     * Asserts that {@code live} makes {@code emulated}'s decisions within the delays the run had.
     *
     * @param marginSim       simulated seconds either way for rounding wall instants to whole seconds
     * @param abortIfTooLate  a live run so late that decisions the emulated run makes at different
     *                        instants could swap may legitimately decide otherwise: then the test is
     *                        aborted (saying so) instead of failed, when the decisions differ
     */
    static void assertSameDecisions(SimulationResult emulated, SimulationResult live, List<RealTimeDriver.Delay> delays,
            double scale, double marginSim, boolean abortIfTooLate) {
        assertSameDecisions(decisions(emulated), decisions(live), delays, scale, marginSim, abortIfTooLate);
    }

    static void assertSameDecisions(List<Decision> e, List<Decision> l, List<RealTimeDriver.Delay> delays,
            double scale, double marginSim, boolean abortIfTooLate) {
        double totalDelay = delayUpTo(delays, scale, Long.MAX_VALUE);
        List<String> emuWhat = e.stream().map(Decision::what).sorted().toList();
        List<String> liveWhat = l.stream().map(Decision::what).sorted().toList();
        if (!emuWhat.equals(liveWhat)) {
            long closest = closestDistinctInstants(e);
            String message = "the live run decided otherwise than the emulated one\n  emulated: " + e + "\n  live:     " + l
                    + "\n  delays:   " + delays + String.format("%n  total delay %.1f s simulated; closest distinct emulated instants %d s apart", totalDelay, closest);
            if (abortIfTooLate && totalDelay + marginSim >= closest) {
                Assumptions.abort("machine too busy for this comparison: " + message);
            }
            fail(message);
        }
        // the n-th "start B" of the live run is the n-th "start B" of the emulated run
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<Integer>> emuIndex = new HashMap<>();
        for (int i = 0; i < e.size(); i++) emuIndex.computeIfAbsent(e.get(i).what(), k -> new ArrayList<>()).add(i);
        int[] emuOf = new int[l.size()];
        for (int i = 0; i < l.size(); i++) {
            String w = l.get(i).what();
            int n = seen.merge(w, 1, Integer::sum) - 1;
            emuOf[i] = emuIndex.get(w).get(n);
        }
        for (int i = 0; i < l.size(); i++) {
            Decision em = e.get(emuOf[i]);
            Decision li = l.get(i);
            double tolerance = delayUpTo(delays, scale, li.time()) + marginSim;
            assertThat((double) li.time()).as("time of %s: live %d, emulated %d, delays so far %.1f s simulated",
                    li.what(), li.time(), em.time(), tolerance - marginSim).isBetween(em.time() - tolerance, em.time() + tolerance);
            for (int k = i + 1; k < l.size(); k++) {
                if (emuOf[k] > emuOf[i]) continue;
                // the live run has k after i, the emulated one before: only if (about) simultaneous
                Decision ek = e.get(emuOf[k]);
                double allowed = delayUpTo(delays, scale, l.get(k).time()) + marginSim;
                assertThat((double) Math.abs(em.time() - ek.time()))
                        .as("live order %s then %s, emulated the other way round at %d and %d; allowed %.1f s apart (delays so far)",
                                li, l.get(k), ek.time(), em.time(), allowed)
                        .isLessThanOrEqualTo(allowed);
            }
        }
    }

    /** The smallest gap between two different instants at which the emulated run decides something. */
    static long closestDistinctInstants(List<Decision> decisions) {
        List<Long> times = decisions.stream().map(Decision::time).distinct().sorted(Comparator.naturalOrder()).toList();
        long min = Long.MAX_VALUE;
        for (int i = 1; i < times.size(); i++) min = Math.min(min, times.get(i) - times.get(i - 1));
        return min;
    }
}
