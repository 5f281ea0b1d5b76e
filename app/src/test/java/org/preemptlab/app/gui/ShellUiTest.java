package org.preemptlab.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The headless UI tests' shared set-up: a screen large enough for the main window, a temporary
 * folder, and the planner's main window opened on a fresh settings folder before each test.
 * TestFX only calls the {@code @Start} method a test class declares itself, so each test class has
 * one that calls {@link #startShell}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class ShellUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    @TempDir
    static Path dir;

    protected PlannerShell shell;
    protected Stage stage;
    /** This test's settings folder (recent files, autosave). */
    protected Path home;
    protected final RecordingNotifier notifier = new RecordingNotifier();

    protected void startShell(Stage stage) throws IOException {
        startShell(stage, s -> {});
    }

    /** @param beforeStart configures the shell before it opens its first scenario (e.g. a fake Slurm) */
    protected void startShell(Stage stage, Consumer<PlannerShell> beforeStart) throws IOException {
        this.stage = stage;
        home = Files.createDirectories(dir.resolve("home-" + System.nanoTime()));
        shell = new PlannerShell(stage, TaskRunner.sameThread(), notifier, home);
        beforeStart.accept(shell);
        stage.show();
        shell.start(null);
    }

    /**
     * Applies CSS and lays out every window's scene on the FX thread: controls made or shown by the last step (a page's
     * tab headers, a tab's or a scroll pane's content) get their skins now, not at the next pulse, which on a loaded machine
     * can come after the test's next lookup (seen for a result tab, and for the compare page's "Break-even" tab header).
     */
    static void layOut() {
        Fx.run(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() != null) {
                    w.getScene().getRoot().applyCss();
                    w.getScene().getRoot().layout();
                }
            }
        });
    }
}
