package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * {@link ConservativeBackfillPolicy} skips its walk of the queue in a pass when the engine's journal says the
 * queue changed only by joins and by the policy's own starts (the due jobs and the next start then come from
 * its heap of waiting bookings, the joins are reserved in queue order). On random workloads — estimates equal
 * to the run times (no compression: nearly every pass skips), above them (compressions walk), below them,
 * bursts of jobs at the same second, maintenance windows of every strategy (kills, requeues, due jobs that no
 * longer fit), node failures with requeues — it makes the same schedule as the same policy walking the queue
 * in every pass and as the plain reference of 6 December ({@link ConservativeReferencePolicy}): the same event
 * log and the same first reservations.
 */
class ConservativeQueueSkipProperties {

    @Property(tries = 200)
    void skippingTheQueueWalkSchedulesAsWalkingIt(@ForAll long seed) {
        Random rnd = new Random(seed);
        int procs = 4 + rnd.nextInt(61);
        int n = 1 + rnd.nextInt(200);
        List<JobSpec> jobs = new ArrayList<>();
        long t = 0;
        boolean bursts = rnd.nextBoolean();
        int estimates = rnd.nextInt(3); // 0: exact (as a trace without requested times), 1: above, 2: mixed with overruns
        for (int i = 0; i < n; i++) {
            t += bursts ? rnd.nextInt(3) * rnd.nextInt(40) : rnd.nextInt(60);
            int p = 1 + rnd.nextInt(rnd.nextBoolean() ? procs : Math.max(1, procs / 4));
            long run = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 600);
            long estimate = switch (estimates) {
                case 0 -> run;
                case 1 -> Math.max(run, run * (100 + rnd.nextInt(900)) / 100);
                default -> rnd.nextInt(3) == 0 ? Math.max(1, run / (1 + rnd.nextInt(4)))
                        : rnd.nextBoolean() ? run : run + rnd.nextInt(600);
            };
            jobs.add(JobSpec.ofProcessors(i + 1, t, p, estimate, run));
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            int[] nodes = new int[1 + rnd.nextInt(procs)];
            for (int k = 0; k < nodes.length; k++) nodes[k] = k;
            MaintenanceStrategy strategy = MaintenanceStrategy.values()[rnd.nextInt(MaintenanceStrategy.values().length)];
            windows.add(new MaintenanceWindow("w", rnd.nextInt((int) Math.max(1, t)), 1 + rnd.nextInt(500), nodes, strategy, 60));
        }
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(procs), jobs, new ConservativeBackfillPolicy(), true);
        if (!windows.isEmpty()) config = config.withMaintenance(windows);
        ConservativeBackfillPolicy skipping = (ConservativeBackfillPolicy) config.policy();
        ConservativeBackfillPolicy walking = new ConservativeBackfillPolicy(true, false);
        ConservativeReferencePolicy reference = new ConservativeReferencePolicy();
        SimulationResult a = new Simulation(config).run();
        SimulationResult b = new Simulation(config.withPolicy(walking)).run();
        SimulationResult c = new Simulation(config.withPolicy(reference)).run();
        String what = n + " jobs on " + procs + " processors, estimates " + estimates + ", " + windows.size() + " window(s)";
        assertThat(entries(a)).as(what).isEqualTo(entries(b));
        assertThat(entries(a)).as(what + ", against the reference").isEqualTo(entries(c));
        assertThat(a.timeline().hash()).isEqualTo(b.timeline().hash()).isEqualTo(c.timeline().hash());
        for (int i = 0; i < n; i++) {
            assertThat(skipping.firstReservation(i)).as("job index %d", i).isEqualTo(walking.firstReservation(i))
                    .isEqualTo(reference.firstReservation(i));
        }
        assertThat(walking.queueWalksSkipped()).isZero();
    }

    /** Node failures (requeued jobs join again; due jobs on failed nodes are planned again), on nodes and processors. */
    @Property(tries = 30)
    void withFailuresAsWalkingIt(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        long repair = new long[] {600, 1800, 14_400}[(int) (seed % 3)];
        Scenario onNodes = FailureHangProperties.scenario(SchedulerKind.CONSERVATIVE, FailureHangProperties.nodes(), 8, seed, 40, repair);
        Scenario onProcs = FailureHangProperties.scenario(SchedulerKind.CONSERVATIVE, new ProcessorMachine(16), 1, seed, 40, repair);
        for (Scenario s : List.of(onNodes, onProcs)) {
            SimulationResult a = new Simulation(s.toConfig(true).withPolicy(new ConservativeBackfillPolicy())).run();
            SimulationResult b = new Simulation(s.toConfig(true).withPolicy(new ConservativeBackfillPolicy(true, false))).run();
            assertThat(entries(a)).as(s.toString()).isEqualTo(entries(b));
        }
    }

    /** The skip happens (most passes of a busy queue with exact estimates), so the properties above compare something. */
    @Example
    void aBusyQueueWithExactEstimatesSkipsMostQueueWalks() {
        List<JobSpec> jobs = new ArrayList<>();
        Random rnd = new Random(16);
        for (int i = 0; i < 600; i++) {
            long run = 100 + rnd.nextInt(1_800);
            jobs.add(JobSpec.ofProcessors(i + 1, i * 20L, 1 + rnd.nextInt(16), run, run));
        }
        ConservativeBackfillPolicy policy = new ConservativeBackfillPolicy();
        SimulationResult r = new Simulation(SimulationConfig.of(new ProcessorMachine(32), jobs, policy, true)).run();
        assertThat(policy.queueWalksSkipped()).isGreaterThan(r.passes() * 3 / 4);
    }

    private static List<String> entries(SimulationResult r) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason());
        }
        return out;
    }
}
