package org.preemptlab.slurmsched;

import java.util.Arrays;
import java.util.List;

/**
 * The instants at which a real slurmctld ran its schedulers (read from its log,
 * {@link org.preemptlab.history.SlurmctldLog}), in milliseconds on the replay's clock (0 = the history's
 * origin). Given to {@link SlurmSchedulerPolicy#withRecordedPasses}, the loop runs its passes at these
 * instants instead of on the computed grid: the timers' phase and slurmctld's latency are then Slurm's own,
 * and what remains between the replay and the real run is the rest of the model.
 *
 * @param fullMillis     the main scheduler's passes over the whole queue (sched_interval)
 * @param eventMillis    the main scheduler's passes after a submit or an end (batch_sched_delay)
 * @param backfillMillis the backfill cycles (bf_interval)
 */
public record RecordedPasses(long[] fullMillis, long[] eventMillis, long[] backfillMillis) {

    public RecordedPasses {
        fullMillis = sorted(fullMillis);
        eventMillis = sorted(eventMillis);
        backfillMillis = sorted(backfillMillis);
    }

    private static long[] sorted(long[] a) {
        long[] c = a.clone();
        Arrays.sort(c);
        return c;
    }

    /** Epoch milliseconds on the history's clock minus {@code originSeconds}. */
    public static RecordedPasses of(List<Long> full, List<Long> event, List<Long> backfill, long originSeconds) {
        long o = originSeconds * 1000;
        return new RecordedPasses(full.stream().mapToLong(t -> t - o).toArray(), event.stream().mapToLong(t -> t - o).toArray(),
                backfill.stream().mapToLong(t -> t - o).toArray());
    }

    /** The second of the last recorded instant (Long.MIN_VALUE when none): after it the loop is the model's own again. */
    public long lastSecond() {
        long last = Long.MIN_VALUE;
        for (long[] a : new long[][] {fullMillis, eventMillis, backfillMillis}) if (a.length > 0) last = Math.max(last, second(a[a.length - 1]));
        return last;
    }

    public int size() {
        return fullMillis.length + eventMillis.length + backfillMillis.length;
    }

    /** The whole second of a recorded instant. */
    static long second(long millis) {
        return Math.floorDiv(millis, 1000);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedPasses r && Arrays.equals(fullMillis, r.fullMillis) && Arrays.equals(eventMillis, r.eventMillis)
                && Arrays.equals(backfillMillis, r.backfillMillis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fullMillis) * 31 * 31 + Arrays.hashCode(eventMillis) * 31 + Arrays.hashCode(backfillMillis);
    }

    @Override
    public String toString() {
        return "RecordedPasses[full " + fullMillis.length + ", event " + eventMillis.length + ", backfill " + backfillMillis.length + "]";
    }
}
