package org.preemptlab.live;

import java.util.Objects;

/**
 * Maps the wall clock to simulated time: {@code sim = simStart + (wall − wallStart) × scale}, where
 * {@code scale} is simulated seconds per real second (60: one simulated minute per real second).
 * The wall clock is {@link WallClock#SYSTEM} unless a test gives one it advances itself.
 */
public record LiveClock(long simStart, long wallStartNanos, double scale, WallClock wall) {

    public LiveClock {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("The time scale (" + scale + ") must be a positive number of simulated seconds per real second.");
        }
        Objects.requireNonNull(wall, "wall");
    }

    /** On the system clock. */
    public LiveClock(long simStart, long wallStartNanos, double scale) {
        this(simStart, wallStartNanos, scale, WallClock.SYSTEM);
    }

    public static LiveClock startingNow(long simStart, double scale) {
        return startingNow(WallClock.SYSTEM, simStart, scale);
    }

    /** Simulated time {@code simStart} is now on {@code wall}. */
    public static LiveClock startingNow(WallClock wall, long simStart, double scale) {
        return new LiveClock(simStart, wall.nanoTime(), scale, wall);
    }

    /** Simulated time at the wall instant, rounded to whole seconds. */
    public long toSim(long wallNanos) {
        return simStart + Math.round((wallNanos - wallStartNanos) * scale / 1e9);
    }

    /** Simulated time now. */
    public long simNow() {
        return toSim(wall.nanoTime());
    }

    /** The wall instant ({@link WallClock#nanoTime()}) at which simulated time {@code sim} begins. */
    public long toWallNanos(long sim) {
        return wallStartNanos + (long) Math.ceil((sim - simStart - 0.5) * 1e9 / scale);
    }

    /** The wall instant at which simulated time is exactly {@code sim} ({@link #toWallNanos} is when it rounds to it, half a second before). */
    public long exactWallNanos(long sim) {
        return wallStartNanos + Math.round((sim - simStart) * 1e9 / scale);
    }

    /** Real seconds that {@code simSeconds} of simulated time take. */
    public double realSeconds(double simSeconds) {
        return simSeconds / scale;
    }
}
