package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.sched.QueueShapes;

/**
 * The waiting queue's shapes by another wall time ({@link WaitingQueue#by}, a preemptive backfill's predicted run
 * time) answer {@code firstAfter} as a plain walk over the queue in order with that wall time does, beside the shapes
 * by the requested wall time, through random additions and removals that grow the queue long and shrink it short
 * again (its indexes dropped below {@link WaitingQueue#DROP_BELOW} jobs and made again when next asked for).
 */
class WaitingQueueShapesProperties {

    private static final class ByIndex implements Comparator<JobRun> {
        @Override
        public int compare(JobRun a, JobRun b) {
            return Integer.compare(a.index(), b.index());
        }
    }

    /** A wall time that is not monotone in the request (as aggressive-checkpoint's prediction around t_thr). */
    private static final class Predicted implements ToLongFunction<JobView> {
        private final long threshold;

        Predicted(long threshold) {
            this.threshold = threshold;
        }

        @Override
        public long applyAsLong(JobView job) {
            long w = job.requestedWalltime();
            return w < threshold ? w : Math.max(1, w / 5);
        }
    }

    @Property(tries = 100)
    void firstAfterByAnotherWalltimeIsThePlainWalksAnswer(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int jobs,
            @ForAll @IntRange(min = 1, max = 6) int maxProcs) {
        Random rnd = new Random(seed);
        JobRun[] runs = new JobRun[jobs];
        for (int i = 0; i < jobs; i++) {
            long wall = 1 + rnd.nextInt(5_000);
            runs[i] = new JobRun(JobSpec.ofProcessors(i + 1, 0, 1 + rnd.nextInt(maxProcs), wall, wall), i, 0);
        }
        Predicted predicted = new Predicted(1 + rnd.nextInt(3_000));
        WaitingQueue queue = new WaitingQueue(new ByIndex());
        TreeSet<JobRun> ref = new TreeSet<>(new ByIndex());
        assertThat(queue.by(null)).isSameAs(queue);
        for (int step = 0; step < 6 * jobs; step++) {
            boolean growing = (step / jobs) % 2 == 0; // long, then short, then long again
            JobRun r = runs[rnd.nextInt(jobs)];
            if (rnd.nextInt(4) < (growing ? 3 : 1)) {
                assertThat(queue.add(r)).isEqualTo(ref.add(r));
            } else {
                assertThat(queue.remove(r)).isEqualTo(ref.remove(r));
            }
            if (rnd.nextInt(3) != 0) continue; // changes unseen by the indexes in between
            QueueShapes byPrediction = queue.by(predicted);
            assertThat(queue.by(predicted)).as("one index set per function").isSameAs(byPrediction);
            boolean other = rnd.nextBoolean();
            QueueShapes shapes = other ? byPrediction : queue;
            ToLongFunction<JobView> wall = other ? predicted : JobView::requestedWalltime;
            JobView after = rnd.nextInt(5) == 0 ? null : runs[rnd.nextInt(jobs)]; // a member or not
            int procs = 1 + rnd.nextInt(maxProcs);
            long w = rnd.nextInt(6) == 0 ? Long.MAX_VALUE : rnd.nextInt(5_002);
            JobView expected = null;
            for (JobRun j : after == null ? ref : ref.tailSet((JobRun) after, false)) {
                if (j.spec().procs() == procs && wall.applyAsLong(j) <= w) {
                    expected = j;
                    break;
                }
            }
            assertThat(shapes.firstAfter(procs, after, w)).as("by %s, %s processors after %s, at most %s s",
                    other ? "prediction" : "request", procs, after == null ? null : after.index(), w).isSameAs(expected);
            if (expected != null) assertThat(shapes.walltime(expected)).isEqualTo(wall.applyAsLong(expected));
            assertThat(byPrediction.processorCounts()).containsExactlyElementsOf(queue.processorCounts());
        }
    }
}
