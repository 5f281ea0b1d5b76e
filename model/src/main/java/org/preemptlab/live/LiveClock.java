package org.preemptlab.live;

/**
 * Maps the wall clock to simulated time: {@code sim = simStart + (wall − wallStart) × scale}, where
 * {@code scale} is simulated seconds per real second (60: one simulated minute per real second).
 */
public record LiveClock(long simStart, long wallStartNanos, double scale) {

    public LiveClock {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("The time scale (" + scale + ") must be a positive number of simulated seconds per real second.");
        }
    }

    public static LiveClock startingNow(long simStart, double scale) {
        return new LiveClock(simStart, System.nanoTime(), scale);
    }

    /** Simulated time at the wall instant, rounded to whole seconds. */
    public long toSim(long wallNanos) {
        return simStart + Math.round((wallNanos - wallStartNanos) * scale / 1e9);
    }

    /** Simulated time now. */
    public long simNow() {
        return toSim(System.nanoTime());
    }

    /** The wall instant ({@link System#nanoTime()}) at which simulated time {@code sim} begins. */
    public long toWallNanos(long sim) {
        return wallStartNanos + (long) Math.ceil((sim - simStart - 0.5) * 1e9 / scale);
    }

    /** Real seconds that {@code simSeconds} of simulated time take. */
    public double realSeconds(double simSeconds) {
        return simSeconds / scale;
    }
}
