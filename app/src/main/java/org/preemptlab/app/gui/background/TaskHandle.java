package org.preemptlab.app.gui.background;

/** A submitted task, which the user may cancel. */
public interface TaskHandle {

    void cancel();

    boolean isCancelled();
}
