package org.preemptlab.app.gui;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.preemptlab.app.gui.background.TaskRunner;

/**
 * The JavaFX application. Started by {@code org.preemptlab.app.Launcher} (a plain class, so the fat
 * jar works with JavaFX on the class path) through {@link #launchGui(String[])}, with the
 * arguments {@link GuiArguments} reads: a scenario file to open, {@code --smoke-test}.
 */
public final class PlannerApp extends Application {

    /** Set by a smoke test; the toolkit gives no other way to hand a result back to the launcher. */
    private static volatile int exitCode;

    private ExecutorService worker;

    /**
     * Starts the GUI and returns when its last window closes (or a smoke test ends): the exit
     * code, 0 unless a smoke test failed.
     */
    public static int launchGui(String[] args) {
        exitCode = 0;
        FxClassPathWarning.silence(); // JavaFX on the class path is how the fat jar runs, not a problem
        Application.launch(PlannerApp.class, args);
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        worker = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preemptlab-worker");
            t.setDaemon(true);
            return t;
        });
        TaskRunner runner = new TaskRunner(worker, Platform::runLater);
        GuiArguments arguments;
        try {
            arguments = GuiArguments.parse(getParameters().getRaw());
        } catch (IllegalArgumentException e) { // the launcher checked them already
            System.err.println("preemptlab: " + e.getMessage());
            exitCode = GuiArguments.USAGE_ERROR;
            Platform.exit();
            return;
        }
        if (arguments.smokeTest()) {
            new SmokeTest(System.out, System.err, code -> exitCode = code, SmokeTest.timeoutFromProperties(System.err))
                    .start(stage, runner, arguments.scenarioFile());
            return;
        }
        PlannerShell shell = new PlannerShell(stage, runner, null, settingsDir());
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            e.printStackTrace();
            shell.viewModel().notifier().error("Something went wrong", MainViewModel.messageOf(e)
                    + "\nYour work is kept; please report this with the steps that led to it.");
        });
        shell.viewModel().setAutoPlay(true);
        stage.show();
        shell.start(arguments.scenarioFile().map(Path::toString).orElse(null));
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
