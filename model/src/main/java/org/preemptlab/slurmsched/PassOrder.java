package org.preemptlab.slurmsched;

/**
 * Where the grid's passes fall within their second, for a replay without slurmctld's log
 * ({@link SlurmSchedulerPolicy#withSameSecondOrder}): the main scheduler's passes (full and after an event) at millisecond
 * {@code mainMillis} of their second, the backfill cycles at {@code backfillMillis}. Slurm's two timers run on their own
 * threads, each at a millisecond of the second that stays put while jobs start (slurmctld's logs: a backfill cycle every
 * 5.000–5.009 s), so a second with both runs them in that order; and a job's end comes a few tens of milliseconds after
 * the millisecond of the pass that started it (its run is whole seconds of work plus slurmd's overhead), so it comes after
 * the pass of its own timer in its end's second and before or after the other's by the order of the two.
 *
 * @param mainMillis     the main scheduler's millisecond within the second, 0–999
 * @param backfillMillis the backfill cycles' millisecond within the second, 0–999
 */
public record PassOrder(int mainMillis, int backfillMillis) {

    public PassOrder {
        if (mainMillis < 0 || mainMillis > 999) throw new IllegalArgumentException("main passes at millisecond " + mainMillis + ": not in 0-999");
        if (backfillMillis < 0 || backfillMillis > 999) {
            throw new IllegalArgumentException("backfill cycles at millisecond " + backfillMillis + ": not in 0-999");
        }
    }

    /** The backfill cycle first in its second, the main scheduler later. */
    public static final PassOrder BACKFILL_FIRST = new PassOrder(600, 300);

    /** The main scheduler first in its second, the backfill cycle later. */
    public static final PassOrder MAIN_FIRST = new PassOrder(300, 600);
}
