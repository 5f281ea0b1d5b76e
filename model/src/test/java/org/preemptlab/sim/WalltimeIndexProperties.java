package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;

/**
 * {@link WalltimeIndex} answers "the first job after this one, in queue order, asking for at most W
 * seconds" as a plain walk over the jobs in queue order does, through random additions and removals
 * (many distinct wall times, as on a trace whose estimates are the run times).
 */
class WalltimeIndexProperties {

    private static final class ByIndex implements Comparator<JobView> {
        @Override
        public int compare(JobView a, JobView b) {
            return Integer.compare(a.index(), b.index());
        }
    }

    @Property(tries = 200)
    void firstAfterIsThePlainWalksAnswer(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int jobs,
            @ForAll @IntRange(min = 1, max = 100_000) int maxWall) {
        Random rnd = new Random(seed);
        Comparator<JobView> order = new ByIndex();
        JobRun[] runs = new JobRun[jobs];
        for (int i = 0; i < jobs; i++) {
            long wall = 1 + rnd.nextInt(maxWall);
            runs[i] = new JobRun(JobSpec.ofProcessors(i + 1, 0, 1, wall, wall), i, 0);
        }
        TreeSet<JobView> ref = new TreeSet<>(order);
        WalltimeIndex index = new WalltimeIndex(order);
        for (int step = 0; step < 4 * jobs; step++) {
            JobRun r = runs[rnd.nextInt(jobs)];
            if (rnd.nextInt(3) != 0) {
                if (ref.add(r)) index.add(r, r.requestedWalltime());
            } else {
                assertThat(index.remove(r)).as("remove %s", r.index()).isEqualTo(ref.remove(r));
            }
            assertThat(index.size()).isEqualTo(ref.size());
            for (int q = 0; q < 3; q++) {
                JobView after = rnd.nextInt(5) == 0 ? null : runs[rnd.nextInt(jobs)]; // a member or not
                long w = rnd.nextInt(6) == 0 ? Long.MAX_VALUE : rnd.nextInt(maxWall + 2);
                JobView expected = null;
                for (JobView j : after == null ? ref : ref.tailSet(after, false)) {
                    if (j.requestedWalltime() <= w) {
                        expected = j;
                        break;
                    }
                }
                assertThat(index.firstAfter(after, w)).as("after %s, at most %s s", after == null ? null : after.index(), w)
                        .isSameAs(expected);
            }
        }
    }
}
