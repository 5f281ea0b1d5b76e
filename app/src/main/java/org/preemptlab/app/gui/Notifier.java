package org.preemptlab.app.gui;

/** How view-models tell the user about problems and results; the app shows dialogs, tests record. */
public interface Notifier {

    void error(String title, String message);

    void info(String title, String message);

    /** Asks a yes/no question; true for yes. */
    boolean confirm(String title, String message);
}
