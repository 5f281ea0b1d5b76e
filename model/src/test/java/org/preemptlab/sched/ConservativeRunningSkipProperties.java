package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * {@link ConservativeBackfillPolicy} skips its walk of the running jobs in a pass when the snapshot's
 * {@link Snapshot#unplannedRunningChanges()} says the running set changed only by the policy's own
 * starts. On random workloads — run times above the estimates (a running job outlives its booking),
 * maintenance windows (kills, requeues, due jobs that no longer fit) — the policy with the
 * skip makes the same schedule as the same policy walking the running jobs in every pass: the same
 * event log and the same first reservations. And the count means what it says: when it is the same
 * at two passes, the running set is the one of the first pass plus the jobs its decisions started.
 */
class ConservativeRunningSkipProperties {

    @Property(tries = 150)
    void skippingTheRunningWalkSchedulesAsWalkingIt(@ForAll long seed) {
        Random rnd = new Random(seed);
        int procs = 4 + rnd.nextInt(61);
        int n = 1 + rnd.nextInt(150);
        List<JobSpec> jobs = new ArrayList<>();
        long t = 0;
        boolean bursts = rnd.nextBoolean();
        boolean overruns = rnd.nextBoolean(); // run times above the estimates: bookings end before their jobs
        for (int i = 0; i < n; i++) {
            t += bursts ? rnd.nextInt(3) * rnd.nextInt(40) : rnd.nextInt(60);
            int p = 1 + rnd.nextInt(rnd.nextBoolean() ? procs : Math.max(1, procs / 4));
            long run = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 600);
            long estimate = overruns && rnd.nextInt(3) == 0 ? Math.max(1, run / (1 + rnd.nextInt(4)))
                    : Math.max(run, run * (100 + rnd.nextInt(900)) / 100);
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
        sameSchedule(config, n);
    }

    /** The skip happens (half of the passes and more on a busy machine), so the properties above compare something. */
    @Example
    void aBusyQueueSkipsMostRunningWalks() {
        List<JobSpec> jobs = new ArrayList<>();
        Random rnd = new Random(16);
        for (int i = 0; i < 400; i++) jobs.add(JobSpec.ofProcessors(i + 1, i * 30L, 1 + rnd.nextInt(16), 2_000, 100 + rnd.nextInt(1_800)));
        ConservativeBackfillPolicy policy = new ConservativeBackfillPolicy();
        SimulationResult r = new Simulation(SimulationConfig.of(new ProcessorMachine(32), jobs, policy, true)).run();
        assertThat(policy.runningWalksSkipped()).isGreaterThan(r.passes() / 4);
        ConservativeBackfillPolicy walking = new ConservativeBackfillPolicy(false);
        new Simulation(SimulationConfig.of(new ProcessorMachine(32), jobs, walking, true)).run();
        assertThat(walking.runningWalksSkipped()).isZero();
    }

    /** Same count at two passes ⇒ the running set is the last pass's plus the jobs that pass started. */
    @Property(tries = 80)
    void anUnchangedCountMeansOnlyTheOwnStartsChangedTheRunningSet(@ForAll long seed) {
        Random rnd = new Random(seed);
        int procs = 4 + rnd.nextInt(29);
        List<JobSpec> jobs = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < 80; i++) {
            t += rnd.nextInt(60);
            long run = 1 + rnd.nextInt(600);
            long estimate = rnd.nextInt(4) == 0 ? Math.max(1, run / 2) : run + rnd.nextInt(600);
            jobs.add(JobSpec.ofProcessors(i + 1, t, 1 + rnd.nextInt(procs), estimate, run));
        }
        int[] nodes = new int[1 + rnd.nextInt(procs)];
        for (int k = 0; k < nodes.length; k++) nodes[k] = k;
        MaintenanceStrategy strategy = MaintenanceStrategy.values()[rnd.nextInt(MaintenanceStrategy.values().length)];
        List<MaintenanceWindow> windows = List.of(new MaintenanceWindow("w", rnd.nextInt((int) Math.max(1, t)), 1 + rnd.nextInt(500), nodes, strategy, 60));
        Recording policy = new Recording();
        new Simulation(SimulationConfig.of(new ProcessorMachine(procs), jobs, policy, true).withMaintenance(windows)).run();
        assertThat(policy.compared).isPositive();
    }

    /** Conservative, checking at each pass the count against the running set it saw and started at the last. */
    private static final class Recording implements SchedulingPolicy {
        private final ConservativeBackfillPolicy inner = new ConservativeBackfillPolicy();
        private long lastCount = -2;
        private Set<Integer> expected = Set.of();
        int compared;

        @Override public String name() { return inner.name(); }
        @Override public boolean startsOnly() { return true; }

        @Override
        public List<Decision> schedule(Snapshot s) {
            long count = s.unplannedRunningChanges();
            assertThat(count).isNotNegative();
            Set<Integer> running = new HashSet<>();
            for (JobView r : s.running()) running.add(r.index());
            if (count == lastCount) {
                compared++;
                assertThat(running).as("t=%d", s.now()).isEqualTo(expected);
            }
            List<Decision> out = inner.schedule(s);
            expected = new HashSet<>(running);
            for (Decision d : out) if (d instanceof Decision.Start st) expected.add(st.job().index());
            lastCount = count;
            return out;
        }
    }

    private static void sameSchedule(SimulationConfig config, int n) {
        ConservativeBackfillPolicy skipping = (ConservativeBackfillPolicy) config.policy();
        ConservativeBackfillPolicy walking = new ConservativeBackfillPolicy(false);
        SimulationResult a = new Simulation(config).run();
        SimulationResult b = new Simulation(config.withPolicy(walking)).run();
        assertThat(entries(a)).isEqualTo(entries(b));
        assertThat(a.timeline().hash()).isEqualTo(b.timeline().hash());
        for (int i = 0; i < n; i++) {
            assertThat(skipping.firstReservation(i)).as("job index %d", i).isEqualTo(walking.firstReservation(i));
        }
    }

    private static List<String> entries(SimulationResult r) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason());
        }
        return out;
    }
}
