package org.preemptlab.app.gui.background;

/** Long work that runs off the UI thread. */
@FunctionalInterface
public interface BackgroundTask<T> {

    T run(ProgressSink progress) throws Exception;
}
