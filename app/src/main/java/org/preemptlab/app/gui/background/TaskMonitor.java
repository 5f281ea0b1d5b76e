package org.preemptlab.app.gui.background;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of the running background work, for a status bar: busy, title, progress and message.
 * Only changed on the UI executor of its {@link TaskRunner}.
 */
public final class TaskMonitor {

    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private TaskHandle current;
    private int active;

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** Cancels the most recently started task that is still running. */
    public void cancelCurrent() {
        if (current != null) current.cancel();
    }

    void started(String taskTitle, TaskHandle handle) {
        active++;
        current = handle;
        title.set(taskTitle);
        progress.set(-1);
        message.set("");
        busy.set(true);
    }

    void progressed(TaskHandle handle, double fraction, String text) {
        if (handle != current) return;
        progress.set(fraction);
        message.set(text == null ? "" : text);
    }

    void finished(TaskHandle handle) {
        active = Math.max(0, active - 1);
        if (handle == current) current = null;
        if (active == 0) {
            busy.set(false);
            progress.set(0);
            message.set("");
            title.set("");
        }
    }
}
