package org.preemptlab.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.compare.CompareView;
import org.preemptlab.app.gui.editor.EditorView;
import org.preemptlab.app.gui.editor.SlurmImportPane;
import org.preemptlab.app.gui.editor.SwfImportPane;
import org.preemptlab.app.gui.scenario.SlurmImportForm;
import org.preemptlab.app.gui.files.Autosave;
import org.preemptlab.app.gui.files.ImageExport;
import org.preemptlab.app.gui.samples.SampleCatalog;
import org.preemptlab.app.gui.samples.SamplesView;
import org.preemptlab.app.gui.samples.SamplesViewModel;

/**
 * Wires the application together for one stage: view-models, pages, menus, file dialogs,
 * autosave and recovery. {@link PlannerApp} makes one at start-up; UI tests make their own with a
 * same-thread runner and call the path-taking methods instead of the file dialogs.
 */
public final class PlannerShell implements MainActions {

    private static final Duration AUTOSAVE_EVERY = Duration.seconds(30);

    private final Stage stage;
    private final Path settingsDir;
    private final MainViewModel vm;
    private final SamplesViewModel samples;
    private final MainWindow window;
    private final Timeline autosave;
    /** Every 0.5 s: the live run's newest state onto the Gantt (nothing to do when none is going). */
    private final Timeline liveRefresh;
    private CompareView compareView;
    private org.preemptlab.app.gui.history.HistoryImportViewModel historyImport;
    private Stage historyWindow;

    public PlannerShell(Stage stage, TaskRunner runner, Notifier notifier, Path settingsDir) {
        this.stage = stage;
        this.settingsDir = settingsDir;
        this.vm = new MainViewModel(runner, notifier == null ? new DialogNotifier(stage) : notifier, settingsDir);
        this.samples = new SamplesViewModel(() -> SampleCatalog.locate(settingsDir), p -> {
            if (confirmDiscard("opening a sample")) vm.openFile(p);
        });
        this.window = new MainWindow(vm, this);
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1440, bounds.getWidth()), Math.min(900, bounds.getHeight())));
        stage.titleProperty().bind(vm.titleBinding());
        stage.setOnCloseRequest(e -> {
            if (!confirmDiscard("closing")) e.consume();
            else shutDown();
        });
        autosave = new Timeline(new KeyFrame(AUTOSAVE_EVERY, e -> vm.autosaveNow()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        liveRefresh = new Timeline(new KeyFrame(Duration.millis(500), e -> vm.refreshLive()));
        liveRefresh.setCycleCount(Timeline.INDEFINITE);
        liveRefresh.play();
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public MainWindow window() {
        return window;
    }

    /** The Samples page's state. */
    public SamplesViewModel samples() {
        return samples;
    }

    /** The compare page, made on first use (the window builds it when its tab is first shown). */
    public CompareView compareView() {
        if (compareView == null) compareView = new CompareView(vm.compare());
        return compareView;
    }

    /**
     * First thing after the window shows: offers to recover the work of a session that ended
     * without saving; else opens the file given on the command line; else runs the built-in
     * default scenario, so a schedule is on screen at once.
     */
    public void start(String fileArgument) {
        Optional<Autosave.Snapshot> pending = vm.pendingRecovery();
        if (pending.isPresent()) {
            Autosave.Snapshot s = pending.get();
            if (vm.notifier().confirm("Recover unsaved work?", "PreemptLab did not close normally last time. Recover the scenario \""
                    + s.draft().name() + "\" autosaved at " + java.time.Instant.ofEpochMilli(s.savedAtMillis()) + "?")) {
                vm.recover(s);
                return;
            }
            vm.clearAutosave();
        }
        if (fileArgument != null) vm.openFile(Path.of(fileArgument));
        else vm.runScenario();
    }

    private void shutDown() {
        autosave.stop();
        liveRefresh.stop();
        // a live run's processes or Slurm jobs must not outlive the window
        if (!vm.shutDownLive(java.time.Duration.ofSeconds(15))) {
            System.err.println("PreemptLab: the live run's backend did not close within 15 s");
        }
        vm.clearAutosave();
        vm.runner().monitor().cancelCurrent();
    }

    /** True if there are no unsaved edits, or the user agrees to drop them. */
    private boolean confirmDiscard(String doing) {
        if (!vm.editor().dirtyProperty().get()) return true;
        return vm.notifier().confirm("Discard unsaved changes?", "The scenario \"" + vm.editor().draft().name()
                + "\" has unsaved changes. Discard them and go on " + doing + "?");
    }

    // ---------------------------------------------------------------- pages

    @Override
    public Node editorPage() {
        return new EditorView(vm.editor(), vm::runScenario, this::compare);
    }

    @Override
    public Node comparePage() {
        return compareView();
    }

    @Override
    public Node samplesPage() {
        samples.refresh();
        return new SamplesView(samples, () -> {
            if (confirmDiscard("opening a sample")) vm.openDefault();
        });
    }

    /** File ▸ Open sample ▸ All samples…: the Samples page, listed afresh. */
    public void showSamples() {
        samples.refresh();
        vm.pageProperty().set(Page.SAMPLES);
    }

    // ---------------------------------------------------------------- file menu

    @Override
    public void newScenario() {
        if (confirmDiscard("with a new scenario")) vm.newScenario();
    }

    @Override
    public void open() {
        if (!confirmDiscard("opening another scenario")) return;
        File f = chooser("Open scenario", "*.json").showOpenDialog(stage);
        if (f != null) vm.openFile(f.toPath());
    }

    /** File ▸ Import SWF trace…: asks how many jobs, then imports in the background. */
    @Override
    public void importSwf() {
        if (!confirmDiscard("importing a trace")) return;
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("PreemptLab");
        dialog.setHeaderText("Import an SWF trace: which jobs?");
        SwfImportPane form = new SwfImportPane(null, () -> {
            FileChooser chooser = chooser("Import SWF trace", "*.swf");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Compressed SWF", "*.swf.gz"));
            File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            return f == null ? null : f.toPath();
        });
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.validProperty().not());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            if (form.file().isPresent() && form.options().isPresent()) vm.importSwf(form.file().get(), form.options().get());
        });
    }

    @Override
    public void importSlurm() {
        if (!confirmDiscard("importing from Slurm")) return;
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("PreemptLab");
        dialog.setHeaderText("Import from Slurm: the cluster as it is now, or its slurm.conf");
        SlurmImportPane form = new SlurmImportPane(SlurmImportForm.defaultConf(System.getenv()), () -> {
            FileChooser chooser = chooser("slurm.conf", "*.conf");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
            File f = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            return f == null ? null : f.toPath();
        });
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(form.validProperty().not());
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> form.request().ifPresent(vm::importSlurm));
    }

    /** File ▸ Import Slurm history: the window (made on first use, kept with its last replay). */
    @Override
    public void importHistory() {
        historyWindow = org.preemptlab.app.gui.history.HistoryWindow.show(stage, historyImport(), historyWindow);
    }

    /** The history import's state, made on first use. */
    public org.preemptlab.app.gui.history.HistoryImportViewModel historyImport() {
        if (historyImport == null) historyImport = new org.preemptlab.app.gui.history.HistoryImportViewModel(vm.runner());
        return historyImport;
    }

    @Override
    public Menu samplesMenu() {
        Menu menu = new Menu("Open _sample");
        menu.setOnShowing(e -> fillSamples(menu));
        menu.setId("samples-menu");
        fillSamples(menu);
        return menu;
    }

    private void fillSamples(Menu menu) {
        List<MenuItem> items = new ArrayList<>();
        MenuItem all = new MenuItem("All samples… (what each one teaches)");
        all.setId("all-samples");
        all.setOnAction(e -> showSamples());
        items.add(all);
        items.add(new SeparatorMenuItem());
        MenuItem builtIn = new MenuItem("Owner pools with borrowing (built in)");
        builtIn.setOnAction(e -> {
            if (confirmDiscard("opening a sample")) vm.openDefault();
        });
        items.add(builtIn);
        List<Path> files = sampleFiles();
        if (!files.isEmpty()) items.add(new SeparatorMenuItem());
        for (Path p : files) {
            MenuItem item = new MenuItem(p.getFileName().toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (confirmDiscard("opening a sample")) vm.openFile(p);
            });
            items.add(item);
        }
        menu.getItems().setAll(items);
    }

    /** The sample scenario files (see {@link SampleCatalog#locate}). */
    List<Path> sampleFiles() {
        return SampleCatalog.locate(settingsDir).map(SampleCatalog::files).orElse(List.of());
    }

    @Override
    public Menu recentMenu() {
        Menu menu = new Menu("Open _recent");
        menu.setOnShowing(e -> fillRecent(menu));
        fillRecent(menu);
        return menu;
    }

    private void fillRecent(Menu menu) {
        List<MenuItem> items = new ArrayList<>();
        for (Path p : vm.recentFiles().list()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> {
                if (confirmDiscard("opening another scenario")) vm.openFile(p);
            });
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(no recent files)");
            none.setDisable(true);
            items.add(none);
        }
        menu.getItems().setAll(items);
    }

    @Override
    public void save() {
        Path file = vm.fileProperty().get();
        if (file == null) saveAs();
        else vm.saveTo(file);
    }

    @Override
    public void saveAs() {
        FileChooser chooser = chooser("Save scenario as", "*.json");
        chooser.setInitialFileName(safeName(vm.editor().draft().name()) + ".json");
        File f = chooser.showSaveDialog(stage);
        if (f != null) vm.saveTo(withExtension(f.toPath(), ".json"));
    }

    @Override
    public Menu exportMenu() {
        Menu menu = new Menu("_Export");
        menu.getItems().addAll(
                MainWindow.item("Gantt as PNG…", null, () -> exportTo("gantt.png", "*.png", this::exportGanttPng)),
                MainWindow.item("Compare view and charts as PNG…", null, () -> exportTo("compare.png", "*.png", this::exportComparePng)),
                MainWindow.item("Charts as SVG…", null, () -> exportTo("charts.svg", "*.svg", this::exportChartsSvg)),
                new SeparatorMenuItem(),
                MainWindow.item("Run metrics as CSV…", null, () -> exportTo("metrics.csv", "*.csv", vm::exportMetricsCsv)),
                MainWindow.item("Comparison metrics as CSV…", null, () -> exportTo("comparison.csv", "*.csv", vm::exportComparisonCsv)),
                MainWindow.item("Schedule as SWF…", null, () -> exportTo("schedule.swf", "*.swf", vm::exportScheduleSwf)),
                MainWindow.item("Events as CSV…", null, () -> exportTo("events.csv", "*.csv", vm::exportEventsCsv)));
        return menu;
    }

    private void exportTo(String initialName, String pattern, java.util.function.Consumer<Path> action) {
        FileChooser chooser = chooser("Export", pattern);
        chooser.setInitialFileName(initialName);
        File f = chooser.showSaveDialog(stage);
        if (f != null) action.accept(withExtension(f.toPath(), pattern.substring(1)));
    }

    /** The run view's Gantt (axis, queue lane, rows) as a PNG. */
    public void exportGanttPng(Path out) {
        if (window.runView() == null) {
            vm.notifier().error("Nothing to export", "Run a scenario first.");
            return;
        }
        vm.export(out, () -> ImageExport.png(window.runView().ganttPane(), out));
    }

    /** The compare page as a PNG, and each chart beside it as {@code <name>-<chart>.png}. */
    public void exportComparePng(Path out) {
        if (compareView == null || vm.compare().variants().isEmpty()) {
            vm.notifier().error("Nothing to export", "Compare some schedulers first.");
            return;
        }
        vm.export(out, () -> {
            ImageExport.png(compareView, out);
            String base = out.getFileName().toString().replaceFirst("\\.png$", "");
            String[] names = {"queue", "utilization", "wait-cdf"};
            List<JFreeChart> charts = compareView.charts();
            for (int i = 0; i < charts.size(); i++) {
                ImageExport.png(charts.get(i), out.resolveSibling(base + "-" + names[i % names.length] + ".png"), 900, 540);
            }
        });
    }

    /**
     * The compare view's charts as SVG: {@code <name>-queue.svg}, {@code <name>-utilization.svg},
     * {@code <name>-wait-cdf.svg} beside the chosen file.
     */
    public void exportChartsSvg(Path out) {
        if (compareView == null || vm.compare().variants().isEmpty()) {
            vm.notifier().error("Nothing to export", "Compare some schedulers first.");
            return;
        }
        vm.export(out, () -> {
            String base = out.getFileName().toString().replaceFirst("\\.svg$", "");
            List<JFreeChart> charts = compareView.charts();
            List<Path> files = chartSvgFiles(out, base, charts.size());
            for (int i = 0; i < charts.size(); i++) ImageExport.svg(charts.get(i), files.get(i), 900, 540);
        });
    }

    /** The files of {@code count} chart exports beside {@code out}. */
    static List<Path> chartSvgFiles(Path out, String base, int count) {
        String[] names = {"queue", "utilization", "wait-cdf"};
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(out.resolveSibling(base + "-" + names[i % names.length] + (i < names.length ? "" : "-" + i) + ".svg"));
        }
        return files;
    }

    private FileChooser chooser(String title, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern.substring(2).toUpperCase() + " files", pattern));
        Path current = vm.fileProperty().get();
        File dir = current != null && current.getParent() != null ? current.getParent().toFile() : new File(System.getProperty("user.home"));
        if (dir.isDirectory()) chooser.setInitialDirectory(dir);
        return chooser;
    }

    static Path withExtension(Path p, String ext) {
        return p.getFileName().toString().toLowerCase().endsWith(ext) ? p : p.resolveSibling(p.getFileName() + ext);
    }

    static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "scenario" : s;
    }

    // ---------------------------------------------------------------- run / help

    @Override
    public void compare() {
        vm.runComparison();
    }

    @Override
    public void exit() {
        if (confirmDiscard("quitting")) {
            shutDown();
            stage.close();
        }
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
                Gantt: the wheel zooms at the mouse, Shift+wheel (or the wheel over the node names)
                scrolls the rows, drag pans, click a bar for its job's history, click a pool header
                to fold it, click or drag on the time axis to move the cursor.
                F5 runs the scenario, F6 compares schedulers, Ctrl+Z / Ctrl+Y undo / redo edits.""");
    }

    @Override
    public void about() {
        vm.notifier().info("PreemptLab", "A what-if planner for HPC batch scheduling with preemption.\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version", "?"));
    }
}
