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
 * @param calcMillis     the PriorityCalcPeriod ticks the log shows (the decay thread's {@code _apply_priority_fs} lines)
 * @param calcPhase      the millisecond within its second of the ticks the log does not show (the multifactor plugin's
 *                       start: the decay thread ticks at it + k·period), 0–999; -1 when unknown
 */
public record RecordedPasses(long[] fullMillis, long[] eventMillis, long[] backfillMillis, long[] calcMillis, int calcPhase) {

    public RecordedPasses {
        fullMillis = sorted(fullMillis);
        eventMillis = sorted(eventMillis);
        backfillMillis = sorted(backfillMillis);
        calcMillis = sorted(calcMillis);
        if (calcPhase < -1 || calcPhase > 999) throw new IllegalArgumentException("calc tick phase " + calcPhase + " ms: not in 0-999 (or -1)");
    }

    /** Passes without the calc ticks' place within their seconds (a calc tick then comes before every pass of its second). */
    public RecordedPasses(long[] fullMillis, long[] eventMillis, long[] backfillMillis) {
        this(fullMillis, eventMillis, backfillMillis, new long[0], -1);
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

    /**
     * With the calc ticks' place: {@code ticks} the ticks the log shows, {@code pluginStart} the multifactor plugin's
     * start (null if unknown), epoch milliseconds like the passes.
     */
    public static RecordedPasses of(List<Long> full, List<Long> event, List<Long> backfill, List<Long> ticks, Long pluginStart,
            long originSeconds) {
        RecordedPasses p = of(full, event, backfill, originSeconds);
        long o = originSeconds * 1000;
        return new RecordedPasses(p.fullMillis, p.eventMillis, p.backfillMillis, ticks.stream().mapToLong(t -> t - o).toArray(),
                pluginStart == null ? -1 : (int) Math.floorMod(pluginStart, 1000L));
    }

    /**
     * The millisecond (on the replay's clock) at which a PriorityCalcPeriod tick falling in second {@code second} ran: the
     * logged tick of that second, else that second + the plugin's phase; Long.MIN_VALUE when unknown (no phase).
     */
    public long calcTickMillis(long second) {
        int i = Arrays.binarySearch(calcMillis, second * 1000);
        if (i < 0) i = -i - 1;
        if (i < calcMillis.length && second(calcMillis[i]) == second) return calcMillis[i];
        return calcPhase < 0 ? Long.MIN_VALUE : second * 1000 + calcPhase;
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
                && Arrays.equals(backfillMillis, r.backfillMillis) && Arrays.equals(calcMillis, r.calcMillis) && calcPhase == r.calcPhase;
    }

    @Override
    public int hashCode() {
        return ((Arrays.hashCode(fullMillis) * 31 + Arrays.hashCode(eventMillis)) * 31 + Arrays.hashCode(backfillMillis)) * 31
                + Arrays.hashCode(calcMillis) * 31 + calcPhase;
    }

    @Override
    public String toString() {
        return "RecordedPasses[full " + fullMillis.length + ", event " + eventMillis.length + ", backfill " + backfillMillis.length + ", calc ticks "
                + calcMillis.length + (calcPhase < 0 ? "" : ", phase " + calcPhase + " ms") + "]";
    }
}
