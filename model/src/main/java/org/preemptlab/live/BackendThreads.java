package org.preemptlab.live;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A live backend's own threads (two daemon threads): process reapers, pollers, file watches and
 * timers run here, and only ever add {@link Observation}s. Once {@link #shutdownNow() shut down},
 * {@link #executor()} runs tasks on the caller's thread (exits seen while closing still count).
 */
public final class BackendThreads {

    private final ScheduledThreadPoolExecutor pool;
    private final Executor executor;

    /** @param name the threads' name, e.g. {@code preemptlab-local-backend} */
    public BackendThreads(String name) {
        ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        p.setRemoveOnCancelPolicy(true);
        this.pool = p;
        this.executor = r -> {
            try {
                p.execute(r);
            } catch (RejectedExecutionException e) {
                r.run();
            }
        };
    }

    /** The backend's threads, or the caller's once they are shut down. */
    public Executor executor() {
        return executor;
    }

    /** Runs {@code step} now and then every {@code periodMillis} on the backend's threads until it returns true (or throws). */
    public void repeat(long periodMillis, BooleanSupplier step) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            boolean finished;
            try {
                finished = step.getAsBoolean();
            } catch (RuntimeException e) {
                finished = true;
            }
            if (!finished && !pool.isShutdown()) {
                try {
                    pool.schedule(self[0], periodMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // closing
                }
            }
        };
        executor.execute(self[0]);
    }

    /** Runs {@code task} after {@code delayMillis} on the backend's threads, or now on the caller's if they are shut down. */
    public void scheduleOrRunNow(Runnable task, long delayMillis) {
        try {
            pool.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Runs {@code task} every {@code periodMillis} (first after one period) until shut down. */
    public void every(long periodMillis, Runnable task) {
        pool.scheduleWithFixedDelay(task, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Stops the threads; waiting tasks are dropped. */
    public void shutdownNow() {
        pool.shutdownNow();
    }
}
