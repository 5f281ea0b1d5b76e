package org.preemptlab.live;

import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A wall clock the test advances: nothing really waits. A wait ({@link #poll}) runs the timers due
 * before it ends (a scripted backend's processes exiting, say) and returns at once with what they
 * observed; a wait that nothing interrupts ends {@code oversleepNanos} late, as on a busy machine
 * where a thread wakes up after its timeout. Single-threaded: the driver's thread only.
 */
final class ManualWallClock implements WallClock {

    private record Timer(long at, long seq, Runnable action) {}

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final long oversleepNanos;
    private long now = 1_000_000_000L;
    private long seq;
    private long waits;

    ManualWallClock(long oversleepNanos) {
        this.oversleepNanos = oversleepNanos;
    }

    ManualWallClock() {
        this(0);
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Runs {@code action} when this clock reaches {@code atNanos}; returns a handle for {@link #cancel}. */
    Object schedule(long atNanos, Runnable action) {
        Timer t = new Timer(Math.max(atNanos, now), seq++, action);
        timers.add(t);
        return t;
    }

    void cancel(Object handle) {
        timers.remove(handle);
    }

    void cancelAll() {
        timers.clear();
    }

    /** Moves the clock on by {@code nanos}, running the timers due on the way. */
    void advance(long nanos) {
        runUntil(now + nanos);
    }

    /** How many waits the driver made. */
    long waits() {
        return waits;
    }

    @Override
    public <T> T poll(BlockingQueue<T> queue, long timeoutNanos) {
        waits++;
        T t = queue.poll();
        if (t != null) return t;
        long until = now + Math.max(0, timeoutNanos);
        Timer next;
        while ((next = timers.peek()) != null && next.at <= until) {
            timers.poll();
            now = Math.max(now, next.at);
            next.action.run();
            t = queue.poll();
            if (t != null) return t;
        }
        runUntil(until + oversleepNanos);
        return queue.poll();
    }

    private void runUntil(long target) {
        Timer next;
        while ((next = timers.peek()) != null && next.at <= target) {
            timers.poll();
            now = Math.max(now, next.at);
            next.action.run();
        }
        now = Math.max(now, target);
    }
}
