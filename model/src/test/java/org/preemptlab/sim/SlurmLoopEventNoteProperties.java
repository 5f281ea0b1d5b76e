package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.preemptlab.slurmconf.SchedulerParameters;
import org.preemptlab.slurmsched.SlurmJobAttributes;
import org.preemptlab.slurmsched.SlurmSchedulerConfig;
import org.preemptlab.slurmsched.SlurmSchedulerPolicy;

/**
 * Slurm's loop notes submits and ends (job_sched_cnt, the event-driven main pass after {@code batch_sched_delay}) from the
 * engine's counts — the queue's journal of joins and {@code Snapshot.unplannedRunningChanges} — instead of walking the
 * queue and the running jobs on every call, and finds a partition's running jobs by their node groups' bits in the
 * backfill's will-run batches: the same run record (event log, pending series, reasons, priorities) as the same policy
 * walking every call ({@link SlurmSchedulerPolicy#walkingEveryCall()}), on random Slurm clusters with begin times,
 * dependencies, limits and, in half of the cases, node failures (jobs killed or requeued off the running set).
 */
class SlurmLoopEventNoteProperties {

    private static SlurmSchedulerPolicy policy(long delay, long schedInterval) {
        return new SlurmSchedulerPolicy(SlurmSchedulerConfig.of(SchedulerParameters.parse(
                "bf_interval=30,sched_interval=" + schedInterval + ",default_queue_depth=3,batch_sched_delay=" + delay)),
                SlurmJobAttributes.REQUESTED);
    }

    private static SimulationConfig config(SlurmRunProperties.Case c, SlurmSchedulerPolicy p, boolean failures, long seed) {
        SimulationConfig cfg = SimulationConfig.of(c.cluster(), c.jobs(), p, true);
        return failures ? cfg.withFailures(new FailureModel(20_000, 600 + Math.floorMod(seed, 3000), seed)) : cfg;
    }

    @Property(tries = 200, seed = "20261207")
    void notingFromTheEnginesCountsRecordsWhatWalkingEveryCallRecords(@ForAll long seed) {
        SlurmRunProperties.Case c = SlurmJudgingProperties.generate(seed);
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5eed);
        long delay = 1 + rnd.nextInt(40);
        long schedInterval = 60 + rnd.nextInt(600);
        boolean failures = rnd.nextBoolean();
        SimulationResult counted = new Simulation(config(c, policy(delay, schedInterval), failures, seed)).run();
        SimulationResult walked = new Simulation(config(c, policy(delay, schedInterval).walkingEveryCall(), failures, seed)).run();
        assertThat(SlurmJudgingProperties.recorded(counted)).containsExactlyElementsOf(SlurmJudgingProperties.recorded(walked));
    }

    /** The counts are used (a busy queue skips most walks), and not by the walking policy. */
    @Test
    void aBusyRunSkipsMostWalks() {
        long skippedQueue = 0, skippedRunning = 0, walkingSkips = 0;
        for (long seed = 1; seed <= 20; seed++) {
            SlurmRunProperties.Case c = SlurmJudgingProperties.generate(seed);
            SlurmSchedulerPolicy p = policy(10, 300);
            new Simulation(config(c, p, false, seed)).run();
            skippedQueue += p.queueWalksSkipped();
            skippedRunning += p.runningWalksSkipped();
            SlurmSchedulerPolicy w = policy(10, 300).walkingEveryCall();
            new Simulation(config(c, w, false, seed)).run();
            walkingSkips += w.queueWalksSkipped() + w.runningWalksSkipped();
        }
        assertThat(skippedQueue).isGreaterThan(100);
        assertThat(skippedRunning).isGreaterThan(50);
        assertThat(walkingSkips).isZero();
    }
}
