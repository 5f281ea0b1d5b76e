package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * {@link ConservativeBackfillPolicy} walks the queue once per pass and keeps what the later steps
 * need (the jobs to reserve, the jobs due now, the next reserved start) up to date through the
 * compression and the reservations; {@link ConservativeReferencePolicy}, the policy before that
 * change, walks the queue again for each. On random workloads — long queues, estimates far above
 * the run times (so the compression moves many jobs), jobs due at once, and maintenance windows
 * (a due job that no longer fits is planned again; windows change the searches) — both make the
 * same schedule: the same event log, decision for decision, and the same first reservations.
 */
class ConservativeWalkProperties {

    @Property(tries = 200)
    void oneWalkSchedulesAsTheWalkingReference(@ForAll long seed) {
        Random rnd = new Random(seed);
        int procs = 4 + rnd.nextInt(61);
        int n = 1 + rnd.nextInt(150);
        List<JobSpec> jobs = new ArrayList<>();
        long t = 0;
        boolean bursts = rnd.nextBoolean(); // many jobs at the same second
        for (int i = 0; i < n; i++) {
            t += bursts ? rnd.nextInt(3) * rnd.nextInt(40) : rnd.nextInt(60);
            int p = 1 + rnd.nextInt(rnd.nextBoolean() ? procs : Math.max(1, procs / 4));
            long run = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 600);
            long estimate = Math.max(run, run * (100 + rnd.nextInt(900)) / 100);
            jobs.add(JobSpec.ofProcessors(i + 1, t, p, estimate, run));
        }
        List<MaintenanceWindow> windows = new ArrayList<>();
        if (rnd.nextInt(3) == 0) {
            int[] nodes = new int[1 + rnd.nextInt(procs)];
            for (int k = 0; k < nodes.length; k++) nodes[k] = k;
            MaintenanceStrategy strategy = MaintenanceStrategy.values()[rnd.nextInt(MaintenanceStrategy.values().length)];
            windows.add(new MaintenanceWindow("w", rnd.nextInt((int) Math.max(1, t)), 1 + rnd.nextInt(500), nodes, strategy, 60));
        }
        ConservativeBackfillPolicy fast = new ConservativeBackfillPolicy();
        ConservativeReferencePolicy reference = new ConservativeReferencePolicy();
        SimulationResult a = run(procs, jobs, windows, fast);
        SimulationResult b = run(procs, jobs, windows, reference);
        assertThat(entries(a)).as("event log, %d jobs on %d processors, %d window(s)", n, procs, windows.size())
                .isEqualTo(entries(b));
        assertThat(a.timeline().hash()).isEqualTo(b.timeline().hash());
        for (int i = 0; i < n; i++) assertThat(fast.firstReservation(i)).as("job index %d", i).isEqualTo(reference.firstReservation(i));
    }

    /** The log's entries as text: time, kind, job, nodes (by value), reason. */
    private static List<String> entries(SimulationResult r) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason());
        }
        return out;
    }

    private static SimulationResult run(int procs, List<JobSpec> jobs, List<MaintenanceWindow> windows, SchedulingPolicy policy) {
        SimulationConfig config = SimulationConfig.of(new ProcessorMachine(procs), jobs, policy, true);
        if (!windows.isEmpty()) config = config.withMaintenance(windows);
        return new Simulation(config).run();
    }
}
