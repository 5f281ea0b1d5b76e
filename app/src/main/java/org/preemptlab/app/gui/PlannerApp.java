package org.preemptlab.app.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.preemptlab.app.gui.background.TaskRunner;

/**
 * The JavaFX application. Started by {@code org.preemptlab.app.Launcher} (a plain class, so the fat
 * jar works with JavaFX on the class path) through {@link #launchGui(String[])}. The first
 * argument that is not an option is a scenario file to open.
 */
public final class PlannerApp extends Application {

    private ExecutorService worker;

    /** Starts the GUI and returns when its last window closes. */
    public static void launchGui(String[] args) {
        Application.launch(PlannerApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        worker = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preemptlab-worker");
            t.setDaemon(true);
            return t;
        });
        PlannerShell shell = new PlannerShell(stage, new TaskRunner(worker, Platform::runLater), null, settingsDir());
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            shell.viewModel().notifier().error("Something went wrong", MainViewModel.messageOf(e)
                    + "\nYour work is kept; please report this with the steps that led to it.");
        });
        shell.viewModel().setAutoPlay(true);
        stage.show();
        List<String> files = getParameters().getUnnamed();
        shell.start(files.isEmpty() ? null : files.get(0));
    }

    @Override
    public void stop() {
        if (worker != null) worker.shutdownNow();
    }

    /** Where recent files and autosaves live: {@code ~/.preemptlab}, or {@code preemptlab.home}. */
    static Path settingsDir() {
        String override = System.getProperty("preemptlab.home");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".preemptlab");
    }
}
