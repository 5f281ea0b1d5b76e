package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.QueueShapes;
import org.preemptlab.sched.Reservation;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/**
 * The preemptive backfills' check whether the head's reservation is due ({@code AbstractPreemptiveBackfill.preemptIfDue})
 * keeps the running jobs that are leaving (checkpointing, or stopping in a grace period) while the snapshot's count of
 * unplanned running-set changes stays as it was, and takes the preemptable running jobs from its own list, instead of
 * walking every running job each pass: random bursty workloads with preemptions (checkpoints of random length, grace
 * periods, kills and requeues) give the same event log as the same policy shown a snapshot without that count (-1),
 * which walks the running jobs every pass. Fails when the kept list is not refreshed on a changed count.
 */
class PreemptiveLeavingJobsProperties {

    /** The engine's snapshot without its count of unplanned running-set changes: the policy walks the running jobs. */
    private record WalkingSnapshot(Snapshot inner) implements Snapshot {
        @Override public long now() { return inner.now(); }
        @Override public Cluster cluster() { return inner.cluster(); }
        @Override public Collection<? extends JobView> queue() { return inner.queue(); }
        @Override public QueueShapes queueShapes() { return inner.queueShapes(); }
        @Override public Collection<? extends JobView> running() { return inner.running(); }
        @Override public long unplannedRunningChanges() { return -1; }
        @Override public Collection<? extends JobView> suspended() { return inner.suspended(); }
        @Override public Capacity freeCapacity() { return inner.freeCapacity(); }
        @Override public Placement heldCores(JobView suspended) { return inner.heldCores(suspended); }
        @Override public Map<Integer, Placement> promised() { return inner.promised(); }
        @Override public JobView heldFor(JobView suspended) { return inner.heldFor(suspended); }
        @Override public PreemptionSettings preemptionSettings() { return inner.preemptionSettings(); }
        @Override public List<Reservation> reservations() { return inner.reservations(); }
        @Override public List<Reservation> failedNodes() { return inner.failedNodes(); }
    }

    private record Walking(SchedulingPolicy policy) implements SchedulingPolicy {
        @Override public String name() { return policy.name(); }

        @Override
        public List<Decision> schedule(Snapshot s) {
            return policy.schedule(new WalkingSnapshot(s));
        }
    }

    private static SchedulingPolicy policy(int which, Random rnd) {
        return switch (which) {
            case 0 -> new PreemptionBasedBackfillPolicy();
            default -> new AggressiveCheckpointBackfillPolicy(0.05 + 0.95 * rnd.nextDouble(), rnd.nextInt(3000), rnd.nextInt(600),
                    which == 2);
        };
    }

    private static List<String> log(List<JobSpec> jobs, int procs, SchedulingPolicy policy, boolean atHead, long checkpoint,
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

    @Property(tries = 200)
    void keptLeavingJobsGiveTheLogOfTheWalk(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @IntRange(min = 20, max = 300) int count, @ForAll @IntRange(min = 4, max = 32) int procs) {
        Random rnd = new Random(seed);
        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        for (int i = 0; i < count; i++) {
            submit += rnd.nextInt(3) == 0 ? rnd.nextInt(600) : 0;
            int p = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(procs) : rnd.nextInt(Math.max(1, procs / 4)));
            long estimate = 1 + rnd.nextInt(rnd.nextBoolean() ? 2_000 : 20_000);
            long runtime = rnd.nextInt(4) == 0 ? estimate : 1 + rnd.nextInt((int) estimate);
            boolean checkpointable = rnd.nextInt(3) != 0;
            jobs.add(checkpointable ? JobSpec.ofProcessors(i + 1, submit, p, estimate, runtime)
                    : new JobSpec(i + 1, Integer.toString(i + 1), submit, p, 1, 0, estimate, runtime, JobSpec.DEFAULT_QOS, "",
                            List.of(), rnd.nextBoolean(), false, 0, 0, null));
        }
        boolean atHead = rnd.nextInt(4) != 0;
        long checkpoint = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 3_000);
        long grace = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(600);
        long policySeed = rnd.nextLong();

        List<String> kept = log(jobs, procs, policy(which, new Random(policySeed)), atHead, checkpoint, grace);
        List<String> walked = log(jobs, procs, new Walking(policy(which, new Random(policySeed))), atHead, checkpoint, grace);
        assertThat(kept).isEqualTo(walked);
    }

    /** The workloads above do preempt, and some while other jobs are still leaving (so the kept list is used). */
    @Property(tries = 20)
    void theWorkloadsPreempt(@ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random rnd = new Random(seed);
        int procs = 8;
        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        for (int i = 0; i < 200; i++) {
            submit += rnd.nextInt(3) == 0 ? rnd.nextInt(600) : 0;
            int p = 1 + rnd.nextInt(procs);
            long estimate = 1 + rnd.nextInt(20_000);
            jobs.add(JobSpec.ofProcessors(i + 1, submit, p, estimate, 1 + rnd.nextInt((int) estimate)));
        }
        List<String> kept = log(jobs, procs, new PreemptionBasedBackfillPolicy(), true, 2_000, 0);
        assertThat(kept).anyMatch(l -> l.contains("CHECKPOINT_BEGIN"));
    }
}
