package org.preemptlab.maintenance;

/**
 * Told when grid cells finish (always on the thread that called the sweep, in order 1 … total);
 * asked whether to stop (also from the sweep's worker threads).
 */
public interface SweepProgress {

    SweepProgress NONE = new SweepProgress() {
        @Override
        public void cellsDone(int done, int total) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void cellsDone(int done, int total);

    /** True once the caller wants the sweep to stop (it then throws {@link java.util.concurrent.CancellationException}). */
    boolean isCancelled();
}
