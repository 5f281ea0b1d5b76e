package org.preemptlab.preempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.Decision;
import org.preemptlab.sched.QueueShapes;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;

/**
 * The preemptive backfills' scan of a long queue by shape ({@link AbstractPreemptiveBackfill}: the engine's queue
 * indexed by the predicted run time, {@code QueueShapes.by}, walked by {@code ShapeScan}) tries the jobs the plain
 * one-by-one walk of the queue tries, in the same order: random workloads whose queue grows past the shape scan's
 * threshold on a small machine, with preemptions (so requeued jobs, checkpointed or not, and promised heads), give
 * the same event log as the same policy shown a snapshot without queue shapes (which walks the queue job by job).
 */
class PreemptiveShapeScanProperties {

    /** A policy shown snapshots without queue shapes; counts the passes that saw a queue long enough for the shape scan. */
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
            return policy.schedule(PreemptiveRuns.withoutQueueShapes(s));
        }
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
            // some jobs cannot checkpoint: killed or requeued at once while others write their images, they wait ahead of
            // the promised head (which then comes first in the pass, before jobs that are ahead of it in the queue)
            jobs.add(PreemptiveRuns.job(i + 1, submit, procs, rnd));
        }
        boolean atHead = rnd.nextInt(4) != 0;
        // long checkpoints: a promised head waits long for its victims' images, while the victims killed or requeued
        // at once (ahead of it in the queue) may backfill
        long checkpoint = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 3_000);
        long policySeed = rnd.nextLong();

        List<String> byShape = PreemptiveRuns.log(jobs, procs, PreemptiveRuns.policy(which, new Random(policySeed)), atHead,
                checkpoint, 0);
        Plain plain = new Plain(PreemptiveRuns.policy(which, new Random(policySeed)));
        List<String> oneByOne = PreemptiveRuns.log(jobs, procs, plain, atHead, checkpoint, 0);

        assertThat(plain.longQueuePasses).as("passes with a queue long enough for the shape scan").isPositive();
        assertThat(byShape).isEqualTo(oneByOne);
    }
}
