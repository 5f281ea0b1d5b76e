package org.preemptlab.slurmsched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The planned start of a job as Slurm's cons_tres {@code _will_run_test} finds it (select/cons_common/job_test.c,
 * 22.05): running jobs leave in batches by their end; the first batch ends 30 s after the first end rounded up to a
 * 30-s barrier, each later batch's window doubles; the job starts at the end of the last job of the first batch after
 * which it fits. Hand-worked from that code.
 */
class WillRunStartTest {

    @Test
    void endsWithinTheFirstWindowLeaveTogetherAndTheJobStartsAtTheLastOfThem() {
        // barrier = 100 + (30 - 100 mod 30) = 120; window 30: 100, 110 and 125 (≤ 150) go, 200 (> 150) stays
        long[] ends = {200, 110, 100, 125};
        assertEquals(125, SlurmSchedulerPolicy.willRunStart(100, ends));
        assertEquals(125, SlurmSchedulerPolicy.willRunStart(110, ends.clone()));
        assertEquals(125, SlurmSchedulerPolicy.willRunStart(125, ends.clone()));
    }

    @Test
    void laterBatchesHaveADoubledWindow() {
        // batch 1: 100 (170 > 120 + 30); the window doubles to 60: 170 ≤ 180, so batch 2 is 170, 175 (400 > 180)
        long[] ends = {100, 170, 175, 400};
        assertEquals(100, SlurmSchedulerPolicy.willRunStart(100, ends.clone()));
        assertEquals(175, SlurmSchedulerPolicy.willRunStart(170, ends.clone()));
        // then 120 (400 > 240) and 240 (400 > 360) with no job, 480: batch 3 is 400
        assertEquals(400, SlurmSchedulerPolicy.willRunStart(400, ends.clone()));
    }

    @Test
    void anEndOnTheBarrierRoundsUpToTheNextOne() {
        // barrier = 120 + 30 = 150: 120, 170 and 180 (≤ 180) go together
        assertEquals(180, SlurmSchedulerPolicy.willRunStart(120, new long[] {120, 170, 180, 181}));
    }

    @Test
    void aFitAfterEveryEndOrWithoutRunningJobsIsKept() {
        assertEquals(500, SlurmSchedulerPolicy.willRunStart(500, new long[] {100, 110}));
        assertEquals(42, SlurmSchedulerPolicy.willRunStart(42, new long[0]));
    }
}
