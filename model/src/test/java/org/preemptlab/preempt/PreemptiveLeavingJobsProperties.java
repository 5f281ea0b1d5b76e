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
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sched.Snapshot;

/**
 * The preemptive backfills' check whether the head's reservation is due ({@code AbstractPreemptiveBackfill.preemptIfDue})
 * keeps the running jobs that are leaving (checkpointing, or stopping in a grace period) while the snapshot's count of
 * unplanned running-set changes stays as it was, and takes the preemptable running jobs from its own list, instead of
 * walking every running job each pass: random bursty workloads with preemptions (checkpoints of random length, grace
 * periods, kills and requeues) give the same event log as the same policy shown a snapshot without that count (-1),
 * which walks the running jobs every pass. Fails when the kept list is not refreshed on a changed count.
 */
class PreemptiveLeavingJobsProperties {

    private record Walking(SchedulingPolicy policy) implements SchedulingPolicy {
        @Override public String name() { return policy.name(); }

        @Override
        public List<Decision> schedule(Snapshot s) {
            return policy.schedule(PreemptiveRuns.withoutRunningChangeCount(s));
        }
    }

    @Property(tries = 200)
    void keptLeavingJobsGiveTheLogOfTheWalk(@ForAll long seed, @ForAll @IntRange(min = 0, max = 2) int which,
            @ForAll @IntRange(min = 20, max = 300) int count, @ForAll @IntRange(min = 4, max = 32) int procs) {
        Random rnd = new Random(seed);
        List<JobSpec> jobs = new ArrayList<>();
        long submit = 0;
        for (int i = 0; i < count; i++) {
            submit += rnd.nextInt(3) == 0 ? rnd.nextInt(600) : 0;
            jobs.add(PreemptiveRuns.job(i + 1, submit, procs, rnd));
        }
        boolean atHead = rnd.nextInt(4) != 0;
        long checkpoint = 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 3_000);
        long grace = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(600);
        long policySeed = rnd.nextLong();

        List<String> kept = PreemptiveRuns.log(jobs, procs, PreemptiveRuns.policy(which, new Random(policySeed)), atHead,
                checkpoint, grace);
        List<String> walked = PreemptiveRuns.log(jobs, procs, new Walking(PreemptiveRuns.policy(which, new Random(policySeed))),
                atHead, checkpoint, grace);
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
        List<String> kept = PreemptiveRuns.log(jobs, procs, new PreemptionBasedBackfillPolicy(), true, 2_000, 0);
        assertThat(kept).anyMatch(l -> l.contains("CHECKPOINT_BEGIN"));
    }
}
