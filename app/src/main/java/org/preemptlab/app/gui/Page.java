package org.preemptlab.app.gui;

/** The main window's pages (tabs). */
public enum Page {
    EDITOR, RUN, COMPARE, SAMPLES
}
