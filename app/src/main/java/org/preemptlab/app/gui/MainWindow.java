package org.preemptlab.app.gui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.preemptlab.app.gui.background.TaskMonitor;
import org.preemptlab.app.gui.run.BackendKind;
import org.preemptlab.app.gui.run.BackendViewModel;
import org.preemptlab.app.gui.run.RunView;
import org.preemptlab.app.gui.run.RunViewModel;

/** The main window's scene graph: menu, pages (editor, run, compare) and the status bar. */
public final class MainWindow {

    public static final String STYLESHEET = "/org/preemptlab/app/gui/planner.css";

    private final MainViewModel vm;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab editorTab = new Tab("Editor");
    private final Tab runTab = new Tab("Run");
    private final Tab compareTab = new Tab("Compare");
    private final Tab samplesTab = new Tab("Samples");
    private final StackPane runHolder = new StackPane();
    private final MainActions actions;
    private RunView runView;
    private boolean compareBuilt;
    private boolean samplesBuilt;
    private boolean editorBuilt;

    public MainWindow(MainViewModel vm, MainActions actions) {
        this.vm = vm;
        this.actions = actions;
        root.getStyleClass().add("planner");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        editorTab.setId("tab-editor");
        runTab.setId("tab-run");
        compareTab.setId("tab-compare");
        samplesTab.setId("tab-samples");
        runHolder.getChildren().add(placeholder("Simulating the scenario …"));
        BorderPane runPage = new BorderPane(runHolder);
        runPage.setTop(backendBar());
        runTab.setContent(runPage);
        // the editor page (property sheets: hundreds of control skins to style) is built when first shown too
        editorTab.setContent(placeholder("Opening the editor …"));
        // the compare page (JFreeChart, the break-even tab) is built when first shown: off the first frame
        compareTab.setContent(placeholder("Opening Compare …"));
        // so is the samples page (it reads and parses every sample file): the window opens on the run
        samplesTab.setContent(placeholder("Listing the samples …"));
        tabs.getTabs().addAll(samplesTab, editorTab, runTab, compareTab);
        root.setTop(menuBar());
        root.setCenter(tabs);
        root.setBottom(statusBar(vm.runner().monitor()));

        vm.runProperty().addListener((o, a, b) -> showRun(b));
        if (vm.runProperty().get() != null) showRun(vm.runProperty().get());
        vm.pageProperty().addListener((o, a, b) -> select(b));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.pageProperty().set(
                b == editorTab ? Page.EDITOR : b == compareTab ? Page.COMPARE : b == samplesTab ? Page.SAMPLES : Page.RUN));
        select(vm.pageProperty().get());
        // after the first selection (adding the tabs selects the first, Samples): only the page shown is built
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> buildPage(b));
        buildPage(tabs.getSelectionModel().getSelectedItem());
    }

    /** Builds a deferred page when it is first shown. */
    private void buildPage(Tab shown) {
        if (shown == compareTab && !compareBuilt) {
            compareBuilt = true;
            compareTab.setContent(actions.comparePage());
        }
        if (shown == editorTab && !editorBuilt) {
            editorBuilt = true;
            editorTab.setContent(actions.editorPage());
        }
        if (shown == samplesTab && !samplesBuilt) {
            samplesBuilt = true;
            samplesTab.setContent(actions.samplesPage());
        }
    }

    public Parent root() {
        return root;
    }

    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        var css = MainWindow.class.getResource(STYLESHEET);
        if (css != null) scene.getStylesheets().add(css.toExternalForm());
        return scene;
    }

    public RunView runView() {
        return runView;
    }

    public TabPane tabs() {
        return tabs;
    }

    private void select(Page page) {
        tabs.getSelectionModel().select(switch (page) {
            case EDITOR -> editorTab;
            case RUN -> runTab;
            case COMPARE -> compareTab;
            case SAMPLES -> samplesTab;
        });
    }

    private void showRun(RunViewModel run) {
        if (runView != null) runView.viewModel().playingProperty().set(false);
        runView = run == null ? null : new RunView(run);
        if (runView != null) runView.setOnMaintenanceDrawn(vm::addDrawnMaintenance);
        if (runView != null) runView.setOnReservationDrawn(vm::addDrawnReservation);
        runHolder.getChildren().setAll(runView == null ? placeholder("No run yet: press Simulate (F5).") : runView);
    }

    private static Node placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("placeholder");
        return l;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_New", "Shortcut+N", actions::newScenario),
                item("_Open…", "Shortcut+O", actions::open),
                actions.samplesMenu(),
                actions.recentMenu(),
                item("_Import SWF trace…", "Shortcut+I", actions::importSwf),
                item("Import from S_lurm…", null, actions::importSlurm),
                item("Import Slurm _history (predicted vs actual)…", null, actions::importHistory),
                new SeparatorMenuItem(),
                item("_Save", "Shortcut+S", actions::save),
                item("Save _As…", "Shortcut+Shift+S", actions::saveAs),
                new SeparatorMenuItem(),
                actions.exportMenu(),
                new SeparatorMenuItem(),
                item("E_xit", "Shortcut+Q", actions::exit));
        Menu edit = new Menu("_Edit");
        MenuItem undo = item("Undo", "Shortcut+Z", vm.editor()::undo);
        undo.textProperty().bind(vm.editor().history().undoLabelProperty());
        undo.disableProperty().bind(vm.editor().history().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Y", vm.editor()::redo);
        redo.textProperty().bind(vm.editor().history().redoLabelProperty());
        redo.disableProperty().bind(vm.editor().history().canRedoProperty().not());
        edit.getItems().addAll(undo, redo);
        Menu run = new Menu("_Run");
        run.getItems().addAll(
                item("_Simulate scenario", "F5", vm::runScenario),
                item("_Compare variants", "F6", actions::compare),
                item("Cancel", "Shortcut+PERIOD", () -> vm.runner().monitor().cancelCurrent()),
                stopItem());
        Menu view = new Menu("_View");
        view.getItems().addAll(
                item("_Editor", "Shortcut+1", () -> vm.pageProperty().set(Page.EDITOR)),
                item("_Run (Gantt)", "Shortcut+2", () -> vm.pageProperty().set(Page.RUN)),
                item("_Compare", "Shortcut+3", () -> vm.pageProperty().set(Page.COMPARE)),
                item("_Samples", "Shortcut+0", () -> vm.pageProperty().set(Page.SAMPLES)),
                new SeparatorMenuItem(),
                plannerItem(),
                new SeparatorMenuItem(),
                item("Fit the whole run", null, () -> withRun(r -> r.gantt().fitAll())),
                item("Collapse / expand all pools", null, () -> withRun(r -> {
                    var g = r.gantt();
                    boolean any = false;
                    for (int i = 0; i < g.index().groups().size(); i++) any |= !g.isCollapsed(i);
                    for (int i = 0; i < g.index().groups().size(); i++) g.setCollapsed(i, any);
                })));
        Menu help = new Menu("_Help");
        help.getItems().addAll(item("_Keyboard shortcuts", "F1", actions::shortcuts), item("_About PreemptLab", null, actions::about));
        MenuBar bar = new MenuBar(file, edit, run, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** View ▸ Planner views: utilization by state, backlog and waits by group of the run shown. */
    private MenuItem plannerItem() {
        MenuItem planner = item("_Planner views (utilization, backlog, waits)…", "Shortcut+4", () -> {
            vm.plannerViews(p -> org.preemptlab.app.gui.planner.PlannerWindow.show(root.getScene() == null ? null : root.getScene().getWindow(), p));
        });
        planner.setId("menu-planner-views");
        planner.disableProperty().bind(vm.runProperty().isNull());
        return planner;
    }

    private MenuItem stopItem() {
        MenuItem stop = item("_Stop live run", "Shortcut+Shift+PERIOD", vm::stopLive);
        stop.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !vm.live().isActive(), vm.live().stateProperty()));
        return stop;
    }

    /** Above the run view: where the scenario runs (emulated, local processes, Slurm), the time scale, Run and Stop. */
    private Node backendBar() {
        BackendViewModel b = vm.backend();
        ChoiceBox<BackendKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(BackendKind.values());
        kind.valueProperty().bindBidirectional(b.kindProperty());
        kind.setId("backend-kind");
        kind.setTooltip(new Tooltip("Emulated: instant. Local processes or Slurm: in real time, the Gantt grows as jobs really run."));
        TextField scale = field(b.timeScaleProperty(), 6, "time-scale", "Simulated seconds per real second (60: a simulated minute per second)");
        TextField conf = field(b.slurmConfProperty(), 24, "slurm-conf", "Path of the cluster's slurm.conf");
        TextField partition = field(b.partitionProperty(), 8, "slurm-partition", "Slurm partition (empty: the default)");
        Label scaleLabel = new Label("Time scale ×");
        Label confLabel = new Label("slurm.conf");
        Label partLabel = new Label("Partition");
        for (Node n : new Node[] {scaleLabel, scale}) {
            n.disableProperty().bind(b.liveBinding().not());
        }
        for (Node n : new Node[] {confLabel, conf, partLabel, partition}) {
            n.visibleProperty().bind(b.slurmBinding());
            n.managedProperty().bind(b.slurmBinding());
        }
        Button run = new Button("▶ Simulate");
        run.setId("backend-run");
        run.setTooltip(new Tooltip("Simulate the scenario on the chosen backend (F5); ▶ Animate below replays a finished run"));
        run.setOnAction(e -> vm.runScenario());
        Button stop = new Button("■ Stop");
        stop.setId("live-stop");
        stop.setOnAction(e -> vm.stopLive());
        var inactive = javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.live().isActive(), vm.live().stateProperty());
        stop.disableProperty().bind(inactive);
        kind.disableProperty().bind(inactive.not());
        Label state = new Label();
        state.setId("live-state");
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> switch (vm.live().state()) {
            case IDLE -> "";
            case RUNNING -> "● live";
            case STOPPING -> "stopping …";
            case STOPPED -> "stopped";
            case FINISHED -> "finished";
            case FAILED -> "failed";
        }, vm.live().stateProperty()));
        HBox bar = new HBox(6, new Label("Backend"), kind, scaleLabel, scale, confLabel, conf, partLabel, partition, run, stop, state);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("backend-bar");
        return bar;
    }

    private static TextField field(javafx.beans.property.StringProperty value, int columns, String id, String tip) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(columns);
        f.setId(id);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    private void withRun(java.util.function.Consumer<RunViewModel> action) {
        if (vm.runProperty().get() != null) action.accept(vm.runProperty().get());
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) item.setAccelerator(KeyCombination.keyCombination(accelerator));
        item.setOnAction(e -> action.run());
        return item;
    }

    private Node statusBar(TaskMonitor monitor) {
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        status.setId("status");
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(180);
        progress.progressProperty().bind(monitor.progressProperty());
        Label task = new Label();
        task.textProperty().bind(monitor.messageProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> monitor.cancelCurrent());
        HBox busy = new HBox(8, task, progress, cancel);
        busy.setAlignment(Pos.CENTER_RIGHT);
        busy.visibleProperty().bind(monitor.busyProperty());
        busy.managedProperty().bind(monitor.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, status, spacer, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(3, 8, 3, 8));
        bar.getStyleClass().add("status-bar");
        return new VBox(bar);
    }
}
