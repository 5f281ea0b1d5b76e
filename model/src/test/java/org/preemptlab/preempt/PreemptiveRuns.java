package org.preemptlab.preempt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.QueueShapes;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/**
 * What the preemptive backfills' equivalence properties share: the policies at random, a random bursty job, the event
 * log of a run on a processor machine, and the engine's snapshot with one of its shortcuts hidden (so the policy takes
 * its plain walk).
 */
final class PreemptiveRuns {
    private PreemptiveRuns() {
    }

    /** 0: preemption-based backfill; 1, 2: aggressive checkpoint backfill (2: its kill variant), p and t_thr at random. */
    static SchedulingPolicy policy(int which, Random rnd) {
        return switch (which) {
            case 0 -> new PreemptionBasedBackfillPolicy();
            // p and t_thr at random: short estimates trusted, long ones cut (the prediction is not monotone in the estimate)
            default -> new AggressiveCheckpointBackfillPolicy(0.05 + 0.95 * rnd.nextDouble(), rnd.nextInt(3000), rnd.nextInt(600),
                    which == 2);
        };
    }

    /**
     * A job of a bursty workload on {@code procs} processors: mostly narrow, a third of them up to the whole machine;
     * estimates short or long, some run to their estimate; a third cannot checkpoint (killed, or requeued when
     * rerunnable, at once while others write their images).
     */
    static JobSpec job(int id, long submit, int procs, Random rnd) {
        int p = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(procs) : rnd.nextInt(Math.max(1, procs / 4)));
        long estimate = 1 + rnd.nextInt(rnd.nextBoolean() ? 2_000 : 20_000);
        long runtime = rnd.nextInt(4) == 0 ? estimate : 1 + rnd.nextInt((int) estimate); // some end at their estimate
        boolean checkpointable = rnd.nextInt(3) != 0;
        return checkpointable ? JobSpec.ofProcessors(id, submit, p, estimate, runtime)
                : new JobSpec(id, Integer.toString(id), submit, p, 1, 0, estimate, runtime, JobSpec.DEFAULT_QOS, "",
                        List.of(), rnd.nextBoolean(), false, 0, 0, null);
    }

    /** The event log of a run on {@code procs} processors, one line per entry (time, kind, job, nodes, reason). */
    static List<String> log(List<JobSpec> jobs, int procs, SchedulingPolicy policy, boolean atHead, long checkpoint,
            long grace) {
        Simulation sim = new Simulation(SimulationConfig.of(new ProcessorMachine(procs), jobs, policy, true).withPreemption(
                PreemptionSettings.defaults().withCost(CheckpointCost.fixed(checkpoint, checkpoint)).withRequeueAtHead(atHead)
                        .withGrace(grace)));
        List<String> out = new ArrayList<>();
        for (LogEntry e : sim.run().timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason());
        }
        return out;
    }

    /** The engine's snapshot without its queue shapes: the policy walks the queue one by one. */
    static Snapshot withoutQueueShapes(Snapshot s) {
        return new Hiding(s, true, false);
    }

    /** The engine's snapshot without its count of unplanned running-set changes: the policy walks the running jobs. */
    static Snapshot withoutRunningChangeCount(Snapshot s) {
        return new Hiding(s, false, true);
    }

    /** The snapshot as it is, but the shortcuts named hidden. */
    private record Hiding(Snapshot inner, boolean shapes, boolean runningCount) implements Snapshot {
        @Override public long now() { return inner.now(); }
        @Override public Cluster cluster() { return inner.cluster(); }
        @Override public Collection<? extends JobView> queue() { return inner.queue(); }
        @Override public QueueShapes queueShapes() { return shapes ? null : inner.queueShapes(); }
        @Override public Collection<? extends JobView> running() { return inner.running(); }
        @Override public long unplannedRunningChanges() { return runningCount ? -1 : inner.unplannedRunningChanges(); }
        @Override public Collection<? extends JobView> suspended() { return inner.suspended(); }
        @Override public Capacity freeCapacity() { return inner.freeCapacity(); }
        @Override public Placement heldCores(JobView suspended) { return inner.heldCores(suspended); }
        @Override public Map<Integer, Placement> promised() { return inner.promised(); }
        @Override public JobView heldFor(JobView suspended) { return inner.heldFor(suspended); }
        @Override public PreemptionSettings preemptionSettings() { return inner.preemptionSettings(); }
        @Override public List<Reservation> reservations() { return inner.reservations(); }
        @Override public List<Reservation> failedNodes() { return inner.failedNodes(); }
    }
}
