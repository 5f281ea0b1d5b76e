package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Screenshots go to target/ unless the documentation's are refreshed on request. */
@ResourceLock(Resources.SYSTEM_PROPERTIES)
class ScreenshotsTest {

    @Test
    void byDefaultScreenshotsGoToTargetAndOnRequestToDocs() {
        String before = System.getProperty(Screenshots.UPDATE_PROPERTY);
        try {
            System.setProperty(Screenshots.UPDATE_PROPERTY, "false");
            Path normal = Screenshots.dir();
            assertThat(normal).endsWithRaw(Path.of("app", "target", "screenshots"));

            System.setProperty(Screenshots.UPDATE_PROPERTY, "true");
            Path docs = Screenshots.dir();
            assertThat(docs).endsWithRaw(Path.of("docs", "screenshots"));
            assertThat(docs.getParent().getParent().resolve("app").resolve("pom.xml")).isRegularFile();
        } finally {
            if (before == null) System.clearProperty(Screenshots.UPDATE_PROPERTY);
            else System.setProperty(Screenshots.UPDATE_PROPERTY, before);
        }
    }
}
