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
 * The preemptive backfills' scan of a long queue by shape ({@link AbstractPreemptiveBackfill}: the engine's queue
 * indexed by the predicted run time, {@code QueueShapes.by}, walked by {@code ShapeScan}) tries the jobs the plain
 * one-by-one walk of the queue tries, in the same order: random workloads whose queue grows past the shape scan's
 * threshold on a small machine, with preemptions (so requeued jobs, checkpointed or not, and promised heads), give
 * the same event log as the same policy shown a snapshot without queue shapes (which walks the queue job by job).
 */
class PreemptiveShapeScanProperties {

    /** The engine's snapshot without its queue shapes: the policy walks the queue one by one. Everything else as it is. */
    private record PlainSnapshot(Snapshot inner) implements Snapshot {
        @Override public long now() { return inner.now(); }
        @Override public Cluster cluster() { return inner.cluster(); }
        @Override public Collection<? extends JobView> queue() { return inner.queue(); }
        @Override public QueueShapes queueShapes() { return null; }
        @Override public Collection<? extends JobView> running() { return inner.running(); }
        @Override public long unplannedRunningChanges() { return inner.unplannedRunningChanges(); }
        @Override public Collection<? extends JobView> suspended() { return inner.suspended(); }
        @Override public Capacity freeCapacity() { return inner.freeCapacity(); }
        @Override public Placement heldCores(JobView suspended) { return inner.heldCores(suspended); }
        @Override public Map<Integer, Placement> promised() { return inner.promised(); }
        @Override public JobView heldFor(JobView suspended) { return inner.heldFor(suspended); }
        @Override public PreemptionSettings preemptionSettings() { return inner.preemptionSettings(); }
        @Override public List<Reservation> reservations() { return inner.reservations(); }
        @Override public List<Reservation> failedNodes() { return inner.failedNodes(); }
    }

    /** A policy shown {@link PlainSnapshot}s; counts the passes that saw a queue long enough for the shape scan. */
    private static final class Plain implements SchedulingPolicy {
        private final SchedulingPolicy policy;
        int longQueuePasses;

        Plain(SchedulingPolicy policy) {
            this.policy = policy;
        }

        @Override public String name() { return policy.name(); }

        @Override
        public List<Decision> schedule(Snapshot s) {
            if (s.queue().size() >= AbstractPreemptiveBackfill.SHAPE_SCAN_FROM) longQueuePasses++;
            return policy.schedule(new PlainSnapshot(s));
        }
    }

    private static SchedulingPolicy policy(int which, Random rnd) {
        return switch (which) {
            case 0 -> new PreemptionBasedBackfillPolicy();
            // p and t_thr at random: short estimates trusted, long ones cut (the prediction is not monotone in the estimate)
            default -> new AggressiveCheckpointBackfillPolicy(0.05 + 0.95 * rnd.nextDouble(), rnd.nextInt(3000), rnd.nextInt(600),
                    which == 2);
        };
    }

    private static List<String> log(List<JobSpec> jobs, int procs, SchedulingPolicy policy, boolean atHead, long checkpoint) {
        Simulation sim = new Simulation(SimulationConfig.of(new ProcessorMachine(procs), jobs, policy, true).withPreemption(
                PreemptionSettings.defaults().withCost(CheckpointCost.fixed(checkpoint, checkpoint)).withRequeueAtHead(atHead)));
        List<String> out = new ArrayList<>();
        for (LogEntry e : sim.run().timeline().log()) {
            out.add(e.time() + " " + e.kind() + " " + e.job() + " " + Arrays.toString(e.nodes()) + " " + e.reason());
        }
        return out;
    }

    @Property(tries = 200)
    void theShapeScanTriesTheJobsOfTheOneByOneWalk(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @IntRange(min = 100, max = 400) int count, @ForAll @IntRange(min = 4, max = 32) int procs) {
        Random rnd = new Random(seed);
        List<JobSpec> jobs = new ArrayList<>();
        // the whole machine for 20,000 s first: the queue grows past the shape scan's threshold behind it
        jobs.add(JobSpec.ofProcessors(1, 0, procs, 20_000, 20_000));
        long submit = 0;
        for (int i = 1; i < count; i++) {
            submit += rnd.nextInt(4) == 0 ? rnd.nextInt(400) : 0; // bursts: the queue grows long
            int p = 1 + (rnd.nextInt(3) == 0 ? rnd.nextInt(procs) : rnd.nextInt(Math.max(1, procs / 4)));
            long estimate = 1 + rnd.nextInt(rnd.nextBoolean() ? 2_000 : 20_000);
            long runtime = rnd.nextInt(4) == 0 ? estimate : 1 + rnd.nextInt((int) estimate); // some end at their estimate
            // some jobs cannot checkpoint: killed or requeued at once while others write their images, they wait ahead of
            // the promised head (which then comes first in the pass, before jobs that are ahead of it in the queue)
            boolean checkpointable = rnd.nextInt(3) != 0;
            jobs.add(checkpointable ? JobSpec.ofProcessors(i + 1, submit, p, estimate, runtime)
                    : new JobSpec(i + 1, Integer.toString(i + 1), submit, p, 1, 0, estimate, runtime, JobSpec.DEFAULT_QOS, "",
                            List.of(), rnd.nextBoolean(), false, 0, 0, null));
        }
        boolean atHead = rnd.nextInt(4) != 0;
        // long checkpoints: a promised head waits long for its victims' images, while the victims killed or requeued
        // at once (ahead of it in the queue) may backfill
        long checkpoint = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 3_000);
        long policySeed = rnd.nextLong();

        List<String> byShape = log(jobs, procs, policy(which, new Random(policySeed)), atHead, checkpoint);
        Plain plain = new Plain(policy(which, new Random(policySeed)));
        List<String> oneByOne = log(jobs, procs, plain, atHead, checkpoint);

        assertThat(plain.longQueuePasses).as("passes with a queue long enough for the shape scan").isPositive();
        assertThat(byShape).isEqualTo(oneByOne);
    }
}
