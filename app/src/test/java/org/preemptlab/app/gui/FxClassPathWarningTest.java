package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** Only JavaFX's class-path warning is dropped; its other messages still show. */
class FxClassPathWarningTest {

    @Test
    void dropsTheClassPathWarningOnly() {
        FxClassPathWarning.silence();
        FxClassPathWarning.silence(); // twice: one filter
        var filter = FxClassPathWarning.logger().getFilter();
        assertThat(filter).isInstanceOf(FxClassPathWarning.Dropper.class);
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @172edf8b'"))).isFalse();
        assertThat(filter.isLoggable(new LogRecord(Level.WARNING, "Could not resolve '-fx-base' while resolving lookups"))).isTrue();
        assertThat(filter.isLoggable(new LogRecord(Level.SEVERE, null))).isTrue();
    }
}
