package org.preemptlab.app.gui.background;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs long work on a worker executor and hands results, failures and progress back on the UI
 * executor. The app passes a thread pool and {@code Platform::runLater}; tests use
 * {@link #sameThread()}, which runs everything at once on the caller's thread, so view-models stay
 * deterministic under test.
 */
public final class TaskRunner {

    private static final long PROGRESS_INTERVAL_NANOS = 40_000_000L;

    private final Executor worker;
    private final Executor ui;
    private final TaskMonitor monitor = new TaskMonitor();

    public TaskRunner(Executor worker, Executor ui) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    /** Everything on the calling thread: for tests and batch use. */
    public static TaskRunner sameThread() {
        return new TaskRunner(Runnable::run, Runnable::run);
    }

    public TaskMonitor monitor() {
        return monitor;
    }

    /** Quiet background work (autosave): on the worker, without showing progress. */
    public void quietly(Runnable work) {
        worker.execute(work);
    }

    /** Hands a small piece of work to the UI executor. */
    public void onUi(Runnable action) {
        ui.execute(action);
    }

    /**
     * Runs {@code task} in the background; exactly one of {@code onSuccess} / {@code onFailure} is
     * called on the UI executor (a cancelled task fails with a {@link CancellationException}).
     */
    public <T> TaskHandle submit(String title, BackgroundTask<T> task, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Handle handle = new Handle();
        ui.execute(() -> monitor.started(title, handle));
        worker.execute(() -> {
            T result;
            try {
                result = task.run(handle.sink());
                if (handle.isCancelled()) throw new CancellationException("cancelled");
            } catch (Throwable t) {
                ui.execute(() -> {
                    monitor.finished(handle);
                    onFailure.accept(t);
                });
                return;
            }
            ui.execute(() -> {
                monitor.finished(handle);
                onSuccess.accept(result);
            });
        });
        return handle;
    }

    private final class Handle implements TaskHandle {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile long lastReport;

        @Override
        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        ProgressSink sink() {
            return new ProgressSink() {
                @Override
                public void progress(double fraction, String message) {
                    long now = System.nanoTime();
                    if (fraction < 1 && now - lastReport < PROGRESS_INTERVAL_NANOS) return;
                    lastReport = now;
                    ui.execute(() -> monitor.progressed(Handle.this, fraction, message));
                }

                @Override
                public boolean isCancelled() {
                    return cancelled.get();
                }
            };
        }
    }
}
