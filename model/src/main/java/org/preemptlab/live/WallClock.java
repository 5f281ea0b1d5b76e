package org.preemptlab.live;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real time a live run follows: {@link #SYSTEM} ({@link System#nanoTime()} and real waits) in
 * the application, a clock the test advances itself in unit tests, so that the live code path can
 * be tested without depending on how fast the machine is.
 */
public interface WallClock {

    /** The system's monotonic clock; waits really wait. */
    WallClock SYSTEM = new WallClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public <T> T poll(BlockingQueue<T> queue, long timeoutNanos) throws InterruptedException {
            return queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public String toString() {
            return "system clock";
        }
    };

    /** Now, in nanoseconds on this clock's own time line (like {@link System#nanoTime()}). */
    long nanoTime();

    /** Takes the head of {@code queue}, waiting up to {@code timeoutNanos} of this clock's time; null if none came. */
    <T> T poll(BlockingQueue<T> queue, long timeoutNanos) throws InterruptedException;
}
