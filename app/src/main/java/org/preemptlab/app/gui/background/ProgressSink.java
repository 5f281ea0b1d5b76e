package org.preemptlab.app.gui.background;

/** What a background task sees of its caller: where to report progress, and whether to stop. */
public interface ProgressSink {

    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(double fraction, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Reports progress; {@code fraction} in [0, 1], or negative when unknown. */
    void progress(double fraction, String message);

    /** True once the user asked to cancel: the task should stop and throw {@link java.util.concurrent.CancellationException}. */
    boolean isCancelled();

    /** Throws {@link java.util.concurrent.CancellationException} if cancelled. */
    default void checkCancelled() {
        if (isCancelled()) throw new java.util.concurrent.CancellationException("cancelled");
    }
}
