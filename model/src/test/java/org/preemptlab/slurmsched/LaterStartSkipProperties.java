package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.slurmsched.BackfillCutProperties.Case;

/**
 * The whole-node planner's skip of a will-run answer whose batch start lies after its round's later start
 * ({@link WillRunPlanner}: the test drops such an answer and runs again from the later start, as after no answer, so its
 * node choice is not searched when the fit holds onward, {@link TresStepProfile#fitHoldsOnward}) changes no decision:
 * the same event log as the planner that searches every answer ({@link SlurmSchedulerPolicy#searchingEveryLaterStart()}),
 * on the random Slurm clusters and workloads of {@link BackfillCutProperties} (its generator), with whole-node plans and
 * the queue submitted up to six times over (plans crowd the window: the tests need later rounds, where the skip happens).
 */
class LaterStartSkipProperties {

    /** The case with the whole-node plans (the planner's path), whatever the generator drew. */
    private static Case wholeNodes(long seed) {
        Case c = BackfillCutProperties.generate(seed);
        return new Case(c.cluster(), c.jobs(), c.config(), true, c.prioritized(), c.windows(), c.failures());
    }

    /**
     * The case with whole-node plans and a queue {@code copies} times as long: each job (array tasks under a new array name)
     * submitted again {@code copies - 1} times, 7 s apart, so that plans crowd the window and the tests need later rounds.
     */
    static Case busier(long seed, int copies) {
        Case c = wholeNodes(seed);
        List<JobSpec> jobs = new ArrayList<>();
        for (int k = 0; k < copies; k++) {
            for (JobSpec j : c.jobs()) {
                if (k == 0) {
                    jobs.add(j);
                    continue;
                }
                SlurmRequest r = j.slurm();
                if (r != null && !r.arrayName().isEmpty()) r = r.toBuilder().arrayName(r.arrayName() + "c" + k).build();
                jobs.add(j.toBuilder().id(k * 100_000 + j.id()).name(j.name() + "c" + k).submit(j.submit() + 7L * k).slurm(r).build());
            }
        }
        jobs.sort(Comparator.comparingLong(JobSpec::submit).thenComparingInt(JobSpec::id));
        return new Case(c.cluster(), jobs, c.config(), true, c.prioritized(), c.windows(), c.failures());
    }

    @Property(tries = 200, seed = "20261207")
    void skippingAnswersAfterTheLaterStartMakesTheSameDecisions(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int copies) {
        Case c = busier(seed, copies);
        List<String> skipping = BackfillCutProperties.log(BackfillCutProperties.run(c, BackfillCutProperties.policy(c)));
        List<String> every = BackfillCutProperties.log(BackfillCutProperties.run(c, BackfillCutProperties.policy(c).searchingEveryLaterStart()));
        assertThat(skipping).as("seed %d", seed).containsExactlyElementsOf(every);
    }

    /**
     * The skip happens on these cases, never with the switch off, and the property above can fail: skipping the answers
     * up to a minute before the later start too (which the test keeps: they do not start after it) changes decisions on
     * some case.
     */
    @Test
    void theSkipHappensAndSkippingEarlierAnswersChangesDecisions() {
        long skipped = 0, skippedWithout = 0, differing = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Case c = busier(seed, 6);
            SlurmSchedulerPolicy skipping = BackfillCutProperties.policy(c);
            SlurmSchedulerPolicy every = BackfillCutProperties.policy(c).searchingEveryLaterStart();
            List<String> reference = BackfillCutProperties.log(BackfillCutProperties.run(c, every));
            assertThat(BackfillCutProperties.log(BackfillCutProperties.run(c, skipping))).as("seed %d", seed).containsExactlyElementsOf(reference);
            skipped += skipping.laterStartsSkipped();
            skippedWithout += every.laterStartsSkipped();
            if (differing == 0) { // one case is enough
                SlurmSchedulerPolicy defect = BackfillCutProperties.policy(c).withSkipBeforeLaterStart(60);
                if (!BackfillCutProperties.log(BackfillCutProperties.run(c, defect)).equals(reference)) differing++;
            }
        }
        assertThat(skipped).as("answers skipped").isGreaterThan(100);
        assertThat(skippedWithout).as("answers skipped with the switch off").isZero();
        assertThat(differing).as("cases where skipping answers a minute before the later start changes the log").isPositive();
    }
}
