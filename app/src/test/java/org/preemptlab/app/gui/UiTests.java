package org.preemptlab.app.gui;

/** Shared set-up of the headless UI tests. */
public final class UiTests {

    private UiTests() {}

    /**
     * A headless screen large enough for the main window (Monocle's default is 1280×800). Must run
     * before the toolkit starts, so every UI test class calls it from a static initializer.
     */
    public static void configureHeadlessScreen() {
        if (System.getProperty("headless.geometry") == null) System.setProperty("headless.geometry", "1600x1000-32");
    }
}
