package org.preemptlab.app.gui;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.stage.Stage;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.compare.CompareView;
import org.preemptlab.app.gui.editor.EditorView;

/**
 * Wires the application together: view-models, pages, menus and file handling, for one stage.
 * {@link PlannerApp} makes one at start-up; UI tests make their own with a same-thread runner.
 */
public final class PlannerShell implements MainActions {

    private final Stage stage;
    private final MainViewModel vm;
    private final MainWindow window;
    private final Path settingsDir;

    public PlannerShell(Stage stage, TaskRunner runner, Notifier notifier, Path settingsDir) {
        this.stage = stage;
        this.settingsDir = settingsDir;
        this.vm = new MainViewModel(runner, notifier == null ? new DialogNotifier(stage) : notifier);
        this.window = new MainWindow(vm, this);
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1440, bounds.getWidth()), Math.min(900, bounds.getHeight())));
        stage.titleProperty().bind(vm.titleBinding());
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public MainWindow window() {
        return window;
    }

    /** Opens the file given on the command line, else runs the embedded default scenario. */
    public void start(String fileArgument) {
        vm.runScenario();
    }

    @Override
    public Node editorPage() {
        return new EditorView(vm.editor(), vm::runScenario, this::compare);
    }

    @Override
    public Node comparePage() {
        return new CompareView(vm.compare());
    }

    @Override
    public void newScenario() {}

    @Override
    public void open() {}

    @Override
    public Menu samplesMenu() {
        return new Menu("Open _sample");
    }

    @Override
    public Menu recentMenu() {
        return new Menu("Open _recent");
    }

    @Override
    public void save() {}

    @Override
    public void saveAs() {}

    @Override
    public Menu exportMenu() {
        return new Menu("_Export");
    }

    @Override
    public void compare() {
        vm.runComparison();
    }

    @Override
    public void exit() {
        stage.close();
    }

    @Override
    public void shortcuts() {
        vm.notifier().info("Keyboard shortcuts", """
                Run view
                  Space            play / pause
                  Right / Left     next / previous event
                  Shift+Right/Left next / previous scheduler decision
                  Home / End       start / end of the run
                  + / - / 0        zoom in / out / fit the whole run
                  ] / [            faster / slower playback
                  Esc              clear the highlight
                Gantt: wheel zooms at the mouse, Shift+wheel scrolls the rows, drag pans,
                click a bar for its job's history, click a pool header to fold it,
                click or drag on the time axis to move the cursor.
                F5 runs the scenario, F6 compares variants, Ctrl+Z / Ctrl+Y undo / redo edits.""");
    }

    @Override
    public void about() {
        vm.notifier().info("PreemptLab", "A what-if planner for HPC batch scheduling with preemption.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
    }
}
