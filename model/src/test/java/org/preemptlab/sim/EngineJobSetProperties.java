package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;

/**
 * The engine's array-backed sorted sets ({@link EngineJobSet}: {@link WaitingQueue}, {@link RunningSet}) against a
 * {@link TreeSet} with the same comparator: random add / remove / contains / first / walk sequences, mostly
 * appends at the end (a queue in arrival order) with insertions and removals anywhere, give the same answers,
 * the same order and the same size after every step.
 */
class EngineJobSetProperties {

    /** Orders jobs by a key fixed per job (ties are common), then by index: the shape of the engine's orders. */
    private static final class ByKey implements Comparator<JobRun> {
        private final long[] keys;

        ByKey(long[] keys) {
            this.keys = keys;
        }

        @Override
        public int compare(JobRun a, JobRun b) {
            int c = Long.compare(keys[a.index()], keys[b.index()]);
            return c != 0 ? c : Integer.compare(a.index(), b.index());
        }
    }

    @Property(tries = 300)
    void behavesAsATreeSetWithTheSameOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int jobs,
            @ForAll @IntRange(min = 0, max = 600) int steps, @ForAll boolean queue) {
        Random rnd = new Random(seed);
        long[] keys = new long[jobs];
        JobRun[] runs = new JobRun[jobs];
        long key = 0;
        for (int i = 0; i < jobs; i++) {
            // mostly rising (arrival order), sometimes equal or lower: insertions before the end
            key += rnd.nextInt(4) == 0 ? -rnd.nextInt(5) : rnd.nextInt(3);
            keys[i] = key;
            runs[i] = new JobRun(JobSpec.ofProcessors(1 + rnd.nextInt(3), 0, 1 + rnd.nextInt(2), 100L * (1 + rnd.nextInt(2)), 100), i, 0);
        }
        Comparator<JobRun> order = new ByKey(keys);
        EngineJobSet set = queue ? new WaitingQueue(order) : new RunningSet(order);
        TreeSet<JobRun> ref = new TreeSet<>(order);
        long changes = 0;
        int next = 0; // the next job to arrive (in index order), as the engine's arrivals
        for (int s = 0; s < steps; s++) {
            int op = rnd.nextInt(10);
            if (op < 4) {
                JobRun r = next < jobs && rnd.nextBoolean() ? runs[next++] : runs[rnd.nextInt(jobs)];
                boolean added = ref.add(r);
                assertThat(set.add(r)).as("add %s", r.index()).isEqualTo(added);
                if (added) changes++;
            } else if (op < 7) {
                // often the first (a start), else any job (a backfill, or one not in the set)
                JobRun r = !ref.isEmpty() && rnd.nextBoolean() ? ref.first()
                        : !ref.isEmpty() && rnd.nextInt(3) == 0 ? ref.last() : runs[rnd.nextInt(jobs)];
                boolean removed = ref.remove(r);
                assertThat(set.remove(r)).as("remove %s", r.index()).isEqualTo(removed);
                if (removed) changes++;
            } else if (op == 7) {
                JobRun r = runs[rnd.nextInt(jobs)];
                assertThat(set.contains(r)).as("contains %s", r.index()).isEqualTo(ref.contains(r));
            } else if (op == 8 && rnd.nextInt(20) == 0) {
                changes += ref.size();
                ref.clear();
                set.clear();
            } else if (queue && op == 9 && ref.size() >= WaitingQueue.DROP_BELOW) {
                ((WaitingQueue) set).processorCounts(); // keep the shape indexes from now on (add/remove then keep them)
            }
            assertThat(set.size()).isEqualTo(ref.size());
            assertThat(set.isEmpty()).isEqualTo(ref.isEmpty());
            if (!ref.isEmpty()) assertThat(set.first()).isSameAs(ref.first());
            assertThat(new ArrayList<>(set)).containsExactlyElementsOf(ref);
        }
        if (!queue) assertThat(((RunningSet) set).changes()).isEqualTo(changes);
    }

    @Example
    void refusesTheOtherWaysOfRemovingAndFailsFastOnAChangeDuringAWalk() {
        long[] keys = {3, 1, 2};
        RunningSet set = new RunningSet(new ByKey(keys));
        List<JobRun> runs = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) runs.add(new JobRun(JobSpec.ofProcessors(1, 0, 1, 100, 100), i, 0));
        set.addAll(runs);
        assertThat(set).extracting(JobRun::index).containsExactly(1, 2, 0);
        assertThatThrownBy(() -> set.removeIf(r -> true)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("running");
        assertThatThrownBy(() -> set.removeAll(runs)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> set.retainAll(runs)).isInstanceOf(UnsupportedOperationException.class);
        Iterator<JobRun> it = set.iterator();
        it.next();
        assertThatThrownBy(it::remove).isInstanceOf(UnsupportedOperationException.class);
        set.remove(runs.get(2));
        assertThatThrownBy(it::next).isInstanceOf(ConcurrentModificationException.class);
        set.clear();
        assertThatThrownBy(set::first).isInstanceOf(NoSuchElementException.class);
        assertThat(set.changes()).isEqualTo(3 + 1 + 2);
    }
}
