package org.preemptlab.app.gui;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * Drops JavaFX's start-up warning "Unsupported JavaFX configuration: classes were loaded from
 * 'unnamed module …'", and only it. The fat jar ({@code java -jar preemptlab.jar}, the
 * {@code ./preemptlab} script) carries JavaFX on the class path on purpose (the launcher is a plain
 * class, see {@code org.preemptlab.app.Launcher}); the installed package runs JavaFX as modules of its
 * own runtime and never sees the warning. Every other JavaFX message (CSS, rendering, …) still shows.
 */
public final class FxClassPathWarning {

    static final String PREFIX = "Unsupported JavaFX configuration";
    /** JavaFX logs through System.Logger "javafx", i.e. this java.util.logging logger; held so it is not collected. */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private FxClassPathWarning() {}

    /** Installs the filter on the "javafx" logger (before the toolkit starts); keeps a filter already there. */
    public static void silence() {
        Filter previous = JAVAFX.getFilter();
        if (previous instanceof Dropper) return;
        JAVAFX.setFilter(new Dropper(previous));
    }

    /** The filter: false for the class-path warning, else what the previous filter says. */
    static final class Dropper implements Filter {
        private final Filter previous;

        Dropper(Filter previous) {
            this.previous = previous;
        }

        @Override
        public boolean isLoggable(java.util.logging.LogRecord record) {
            String m = record.getMessage();
            if (m != null && m.startsWith(PREFIX)) return false;
            return previous == null || previous.isLoggable(record);
        }
    }

    static Logger logger() {
        return JAVAFX;
    }
}
