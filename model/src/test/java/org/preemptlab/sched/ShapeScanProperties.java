package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;

/**
 * {@link ShapeScan} returns the jobs that EASY's one-by-one scan of the queue tries, in the same order,
 * while the bounds shrink as tried jobs start (fewer free cores; fewer extra cores for a job that runs
 * past the shadow time): random queues with many distinct wall times, random free/shadow/extra.
 */
class ShapeScanProperties {

    /** A waiting job: its processors and the wall time it asks for. */
    private record Waiting(JobSpec spec, int index, long requestedWalltime) implements JobView {
        @Override public JobState state() { return JobState.QUEUED; }
        @Override public int tier() { return 0; }
        @Override public long segmentStart() { return 0; }
        @Override public Placement placement() { return null; }
        @Override public long workDone() { return 0; }
        @Override public long savedWork() { return 0; }
        @Override public long restartCost() { return 0; }
        @Override public long estimatedEnd() { return 0; }
        @Override public int timesPreempted() { return 0; }
        @Override public int timesCheckpointed() { return 0; }
    }

    private static final class ByIndex implements Comparator<JobView> {
        @Override
        public int compare(JobView a, JobView b) {
            return Integer.compare(a.index(), b.index());
        }
    }

    /** The shapes of a list in queue order, answering {@link QueueShapes#firstAfter} by walking the list. */
    private record ListShapes(List<Waiting> queue, NavigableSet<Integer> processorCounts) implements QueueShapes {
        static ListShapes of(List<Waiting> queue) {
            NavigableSet<Integer> counts = new TreeSet<>();
            for (Waiting w : queue) counts.add(w.spec().procs());
            return new ListShapes(queue, counts);
        }

        @Override public Comparator<? super JobView> order() { return new ByIndex(); }

        @Override
        public JobView firstAfter(int procs, JobView after, long maxWalltime) {
            for (Waiting w : queue) {
                if (after != null && w.index() <= after.index()) continue;
                if (w.spec().procs() == procs && w.requestedWalltime() <= maxWalltime) return w;
            }
            return null;
        }
    }

    @Property(tries = 500)
    void triesTheOneByOneScansJobsInItsOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int jobs,
            @ForAll @IntRange(min = 1, max = 24) int maxProcs) {
        Random rnd = new Random(seed);
        List<Waiting> queue = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            long wall = 1 + rnd.nextInt(50_000);
            int procs = 1 + rnd.nextInt(maxProcs);
            queue.add(new Waiting(JobSpec.ofProcessors(i + 1, 0, procs, wall, wall), i, wall));
        }
        Waiting head = queue.get(rnd.nextInt(jobs));
        long now = rnd.nextInt(1000);
        long shadow = rnd.nextInt(8) == 0 ? Long.MAX_VALUE : now + rnd.nextInt(60_000);
        long free = 1 + rnd.nextInt(maxProcs + 2);
        long extra = rnd.nextInt(maxProcs + 2);
        long startSalt = rnd.nextLong();

        List<Integer> expected = new ArrayList<>();
        long f = free, e = extra;
        for (Waiting w : queue) {
            if (w.index() <= head.index()) continue;
            if (f == 0) break;
            int procs = w.spec().procs();
            if (procs > f) continue;
            if (now + w.requestedWalltime() > shadow && procs > e) continue;
            expected.add(w.index());
            if (starts(w, startSalt)) {
                f -= procs;
                if (now + w.requestedWalltime() > shadow) e -= procs;
            }
        }

        List<Integer> actual = new ArrayList<>();
        ShapeScan scan = new ShapeScan(ListShapes.of(queue), head, now, shadow, free, extra);
        f = free;
        e = extra;
        for (JobView j; f > 0 && (j = scan.next(f, e)) != null; ) {
            actual.add(j.index());
            if (starts(j, startSalt)) {
                f -= j.spec().procs();
                if (now + j.requestedWalltime() > shadow) e -= j.spec().procs();
            }
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Whether a tried job starts (most do; some do not fit where the cores are). */
    private static boolean starts(JobView j, long salt) {
        return Long.hashCode(j.index() * 0x9E3779B97F4A7C15L ^ salt) % 4 != 0;
    }
}
