package org.preemptlab.sched;

import static org.preemptlab.testing.ScheduleFixture.givenProcessors;

import org.junit.jupiter.api.Test;

/** Small schedules worked out by hand; the comments show the reasoning. */
class GoldenScheduleTest {

    /*
     * 10 processors.
     * A t0 6p est100 run60; B t0 6p est50; C t1 4p est99 run99; D t2 4p est30.
     * t0: A starts (free 4). B waits (alone in the queue: no backfill scan).
     * t1: B head, shadow = A's estimated end 100, extra = 10 − 6 = 4. C: 4 ≤ free 4 and 1 + 99 = 100 ≤ 100
     *     (ends exactly at the shadow time) → C starts at 1. Free 0.
     * t2: D cannot start (free 0).
     * t60: A ends early (estimate > actual): free 6 → B starts at 60.
     * t100: C ends → D starts at 100.
     */
    @Test
    void easyBackfillsUpToTheShadowTimeAndUsesEarlyEnds() {
        givenProcessors(10).with(new EasyBackfillPolicy())
                .submit("A", 0, 6, 100, 60)
                .submit("B", 0, 6, 50, 50)
                .submit("C", 1, 4, 99, 99)
                .submit("D", 2, 4, 30, 30)
                .run()
                .expectStart("A", 0).expectStart("B", 60).expectStart("C", 1).expectStart("D", 100);
    }

    /*
     * The same jobs under FCFS: C may not jump ahead of B.
     * t0 A (free 4), B waits; t1 C waits behind B; t60 A ends: B starts (free 4), C starts (4 ≤ 4, free 0);
     * D waits; t110 B ends (free 6): D starts at 110.
     */
    @Test
    void fcfsKeepsOrder() {
        givenProcessors(10).with(new FcfsPolicy())
                .submit("A", 0, 6, 100, 60)
                .submit("B", 0, 6, 50, 50)
                .submit("C", 1, 4, 99, 99)
                .submit("D", 2, 4, 30, 30)
                .run()
                .expectStart("A", 0).expectStart("B", 60).expectStart("C", 60).expectStart("D", 110);
    }

    /*
     * 10 processors. A t0 8p est100; B t1 6p est100; C t2 9p est100; D t3 2p est300 (all run = estimate).
     * EASY at t3: head B, shadow 100, extra = 10 − 6 = 4. D: 2 ≤ free 2, ends 303 > 100 but 2 ≤ extra → starts at 3.
     *   t100 A ends: B starts (free 2). t200 B ends: free 8 < 9 → C waits for D (303).
     * Conservative: B reserved at [100,200), C at [200,300); D at t3 would overlap C's slot with only 1 free →
     *   D's earliest fit is 300 → C starts at 200, D at 300. FCFS gives the same as conservative here.
     */
    @Test
    void easyProtectsOnlyTheHeadConservativeProtectsEveryReservation() {
        givenProcessors(10).with(new EasyBackfillPolicy())
                .submit("A", 0, 8, 100, 100).submit("B", 1, 6, 100, 100)
                .submit("C", 2, 9, 100, 100).submit("D", 3, 2, 300, 300)
                .run()
                .expectStart("A", 0).expectStart("B", 100).expectStart("C", 303).expectStart("D", 3);
        givenProcessors(10).with(new ConservativeBackfillPolicy())
                .submit("A", 0, 8, 100, 100).submit("B", 1, 6, 100, 100)
                .submit("C", 2, 9, 100, 100).submit("D", 3, 2, 300, 300)
                .run()
                .expectStart("A", 0).expectStart("B", 100).expectStart("C", 200).expectStart("D", 300);
        givenProcessors(10).with(new FcfsPolicy())
                .submit("A", 0, 8, 100, 100).submit("B", 1, 6, 100, 100)
                .submit("C", 2, 9, 100, 100).submit("D", 3, 2, 300, 300)
                .run()
                .expectStart("A", 0).expectStart("B", 100).expectStart("C", 200).expectStart("D", 300);
    }

    /*
     * Equal timestamps: X and Y are both submitted at 0 and need the whole machine; job order breaks the tie.
     * Z (t0, 1p) comes third. X runs [0,10). At t10 X's end and W's submission fall on the same instant:
     * the end is applied, W joins the queue, then ONE pass: Y (head) starts at 10, Z cannot (free 0).
     * Conservative: Y reserved [10,20), Z [20,30); W (t10, 1p, est 5) fits beside Z at 20.
     */
    @Test
    void equalTimestampsFollowJobOrderAndOnePassPerInstant() {
        givenProcessors(4).with(new EasyBackfillPolicy())
                .submit("X", 0, 4, 10, 10).submit("Y", 0, 4, 10, 10).submit("Z", 0, 1, 10, 10)
                .submit("W", 10, 1, 5, 5)
                .run()
                .expectStart("X", 0).expectStart("Y", 10).expectStart("Z", 20).expectStart("W", 20);
        givenProcessors(4).with(new ConservativeBackfillPolicy())
                .submit("X", 0, 4, 10, 10).submit("Y", 0, 4, 10, 10).submit("Z", 0, 1, 10, 10)
                .submit("W", 10, 1, 5, 5)
                .run()
                .expectStart("X", 0).expectStart("Y", 10).expectStart("Z", 20).expectStart("W", 20);
    }

    /*
     * Conservative with an early end: A t0 10p est100 run40; B t1 10p est100; C t2 5p est50.
     * Reservations: B [100,200), C [200,250). A ends at 40: compression moves B to 40 ([40,140)) and C to 140.
     * B runs 100 → ends 140; C starts 140.
     */
    @Test
    void conservativeCompressesAfterAnEarlyEnd() {
        givenProcessors(10).with(new ConservativeBackfillPolicy())
                .submit("A", 0, 10, 100, 40).submit("B", 1, 10, 100, 100).submit("C", 2, 5, 50, 50)
                .run()
                .expectStart("A", 0).expectStart("B", 40).expectStart("C", 140);
    }
}
