package org.preemptlab.app.gui.run;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.preemptlab.time.SimTime;
import org.preemptlab.units.Units;

/**
 * The run view: playback toolbar, the Gantt with its legend, the "Why" decision log and the job
 * panel beside it, and the live metrics strip. All state lives in the {@link RunViewModel}.
 */
public final class RunView extends BorderPane {

    private final RunViewModel vm;
    private final GanttPane gantt;
    private final ListView<DecisionItem> why = new ListView<>();
    private final ListView<HistoryLine> history = new ListView<>();
    private final Slider scrub = new Slider(0, 1, 0);
    private final Button play = new Button("▶ Animate");
    private boolean syncing;
    private final javafx.beans.property.BooleanProperty drawingEnabled = new javafx.beans.property.SimpleBooleanProperty(false);
    private final AnimationTimer timer = new AnimationTimer() {
        private long last = -1;

        @Override
        public void handle(long now) {
            if (last > 0) vm.tick(now - last);
            last = now;
            if (!vm.playingProperty().get()) {
                last = -1;
                stop();
            }
        }
    };

    public RunView(RunViewModel vm) {
        this.vm = vm;
        this.gantt = new GanttPane(vm.gantt());
        getStyleClass().add("run-view");
        gantt.setTooltipText(vm::tooltip);
        GanttLegend legend = new GanttLegend(vm.gantt());
        VBox left = new VBox(gantt, legend);
        VBox.setVgrow(gantt, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, sidePanel());
        split.setDividerPositions(0.72);
        setTop(toolbar());
        setCenter(split);
        setBottom(new MetricsStrip(vm));
        vm.playingProperty().addListener((o, a, b) -> {
            play.setText(b ? "❚❚ Pause" : "▶ Animate");
            if (b) timer.start();
        });
        vm.cursorProperty().addListener((o, a, b) -> cursorMoved());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        if (vm.playingProperty().get()) { // a run that starts playing as soon as it is shown
            play.setText("❚❚ Pause");
            timer.start();
        }
        cursorMoved();
    }

    public RunViewModel viewModel() {
        return vm;
    }

    /** Turns on the "draw maintenance window" mode: drawn windows go to {@code action}. */
    public void setOnMaintenanceDrawn(java.util.function.Consumer<MaintenanceDrawing.Span> action) {
        gantt.setOnMaintenanceDrawn(action);
        drawingEnabled.set(action != null);
        if (action == null) gantt.drawMaintenanceProperty().set(false);
    }

    /** Turns on the "draw reservation" mode: drawn reservations go to {@code action}. */
    public void setOnReservationDrawn(java.util.function.Consumer<MaintenanceDrawing.Span> action) {
        gantt.setOnReservationDrawn(action);
        if (action == null) gantt.drawReservationProperty().set(false);
    }

    public GanttPane ganttPane() {
        return gantt;
    }

    public ListView<DecisionItem> whyList() {
        return why;
    }

    private ToolBar toolbar() {
        Button start = button("|◀", "To the start (Home)", vm::jumpToStart);
        Button prevDecision = button("◀◀ Decision", "Back to the previous decision (Shift+Left)", vm::stepPreviousDecision);
        Button back = button("◀ Step", "Back one event (Left)", vm::stepPreviousEvent);
        play.setOnAction(e -> vm.togglePlay());
        play.setTooltip(new Tooltip("Animate the finished simulation: the cursor moves through the run at the chosen speed;"
                + " it does not simulate again (Space: animate / pause)"));
        play.setId("play");
        play.setMinWidth(78);
        Button step = button("Step ▶", "Next event (Right)", vm::stepNextEvent);
        step.setId("step-event");
        Button nextDecision = button("Decision ▶▶", "Next scheduler decision (Shift+Right)", vm::stepNextDecision);
        nextDecision.setId("step-decision");
        Button end = button("▶|", "To the end (End)", vm::jumpToEnd);

        ComboBox<Double> speed = new ComboBox<>();
        speed.getItems().setAll(RunViewModel.SPEEDS);
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Units.speed(v);
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        speed.valueProperty().bindBidirectional(vm.speedProperty().asObject());
        speed.setTooltip(new Tooltip("Playback speed: simulated time per second ([ slower, ] faster)"));

        scrub.setId("scrub");
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.setMinWidth(160);
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.scrubTo(b.doubleValue());
        });
        Label time = new Label();
        time.textProperty().bind(vm.timeTextProperty());
        time.getStyleClass().add("time-label");
        time.setMinWidth(150);

        Button zoomIn = button("+", "Zoom in (+)", () -> vm.gantt().zoomAroundCursor(1.6));
        Button zoomOut = button("−", "Zoom out (-)", () -> vm.gantt().zoomAroundCursor(1 / 1.6));
        Button fit = button("Fit", "Show the whole run (0)", vm.gantt()::fitAll);
        CheckBox future = new CheckBox("Show future");
        future.selectedProperty().bindBidirectional(vm.gantt().showFutureProperty());
        future.setTooltip(new Tooltip("Draw what happens after the cursor, faded"));
        Slider rows = new Slider(4, 40, vm.gantt().rowHeight());
        rows.setPrefWidth(70);
        rows.setTooltip(new Tooltip("Row height"));
        rows.valueProperty().addListener((o, a, b) -> vm.gantt().setRowHeight(b.doubleValue()));
        ToggleButton draw = new ToggleButton("✎ Maintenance");
        draw.setId("draw-maintenance");
        draw.setTooltip(new Tooltip("Draw a maintenance window: drag across a pool's rows (or across pools for all nodes);"
                + " it is added to the scenario's maintenance table"));
        draw.selectedProperty().bindBidirectional(gantt.drawMaintenanceProperty());
        draw.disableProperty().bind(drawingEnabled.not());
        draw.setFocusTraversable(false);
        ToggleButton drawResv = new ToggleButton("✎ Reservation");
        drawResv.setId("draw-reservation");
        drawResv.setTooltip(new Tooltip("Draw an advance reservation (scontrol create reservation): drag across a pool's rows"
                + " (or across pools for all nodes); it is added to the scenario's reservations"));
        drawResv.selectedProperty().bindBidirectional(gantt.drawReservationProperty());
        drawResv.disableProperty().bind(drawingEnabled.not());
        drawResv.setFocusTraversable(false);
        HBox box = new HBox(6, start, prevDecision, back, play, step, nextDecision, end, speed);
        box.setAlignment(Pos.CENTER_LEFT);
        return new ToolBar(box, new Separator(Orientation.VERTICAL), scrub, time, new Separator(Orientation.VERTICAL),
                zoomOut, zoomIn, fit, rows, future, new Separator(Orientation.VERTICAL), draw, drawResv);
    }

    private static Button button(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private SplitPane sidePanel() {
        ChoiceBox<LogFilter> filter = new ChoiceBox<>();
        filter.getItems().setAll(LogFilter.values());
        filter.valueProperty().bindBidirectional(vm.filterProperty());
        Label whyTitle = new Label("Why");
        whyTitle.getStyleClass().add("panel-title");
        HBox whyHead = new HBox(8, whyTitle, filter);
        whyHead.setAlignment(Pos.CENTER_LEFT);
        why.setId("why");
        why.setItems(vm.decisions());
        why.setFixedCellSize(WHY_ROW_HEIGHT);
        why.setCellFactory(v -> new DecisionCell());
        why.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null) vm.selectDecision(b);
        });
        why.setPlaceholder(new Label("No entries of this kind."));
        VBox whyBox = new VBox(4, whyHead, why);
        VBox.setVgrow(why, Priority.ALWAYS);
        whyBox.setPadding(new Insets(6));

        Label jobTitle = new Label("Job");
        jobTitle.getStyleClass().add("panel-title");
        Label summary = new Label();
        summary.setId("job-summary");
        summary.setWrapText(true);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.jobSummaryProperty());
        Label hint = new Label("Click a bar to see its job's history.");
        hint.getStyleClass().add("hint");
        hint.visibleProperty().bind(vm.jobSummaryProperty().isEmpty());
        hint.managedProperty().bind(hint.visibleProperty());
        history.setItems(vm.history());
        history.setCellFactory(v -> new HistoryCell());
        history.setPlaceholder(new Label(""));
        VBox jobBox = new VBox(4, jobTitle, hint, summary, history);
        VBox.setVgrow(history, Priority.ALWAYS);
        jobBox.setPadding(new Insets(6));
        SplitPane side = new SplitPane(whyBox, jobBox);
        side.setOrientation(Orientation.VERTICAL);
        side.setDividerPositions(0.55);
        GangMatrixViewModel gang = vm.run() == null ? null : new GangMatrixViewModel(vm.run()); // runs with time slices
        if (gang != null && !gang.isEmpty()) {
            side.getItems().add(new GangMatrixView(gang));
            side.setDividerPositions(0.4, 0.7);
        }
        side.setMinWidth(260);
        return side;
    }

    private void cursorMoved() {
        syncing = true;
        try {
            scrub.setValue(vm.cursorFraction());
            int pos = vm.decisionPositionAtCursor();
            if (pos >= 0) {
                why.getSelectionModel().select(pos);
                if (!vm.playingProperty().get() || pos % 8 == 0) why.scrollTo(Math.max(0, pos - 3));
            } else {
                why.getSelectionModel().clearSelection();
            }
        } finally {
            syncing = false;
        }
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || why.isFocused() || history.isFocused()) return;
        boolean handled = true;
        KeyCode code = e.getCode();
        if (code == KeyCode.SPACE) vm.togglePlay();
        else if (code == KeyCode.RIGHT && e.isShiftDown()) vm.stepNextDecision();
        else if (code == KeyCode.LEFT && e.isShiftDown()) vm.stepPreviousDecision();
        else if (code == KeyCode.RIGHT) vm.stepNextEvent();
        else if (code == KeyCode.LEFT) vm.stepPreviousEvent();
        else if (code == KeyCode.HOME) vm.jumpToStart();
        else if (code == KeyCode.END) vm.jumpToEnd();
        else if (code == KeyCode.PLUS || code == KeyCode.EQUALS || code == KeyCode.ADD) vm.gantt().zoomAroundCursor(1.6);
        else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT) vm.gantt().zoomAroundCursor(1 / 1.6);
        else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) vm.gantt().fitAll();
        else if (code == KeyCode.CLOSE_BRACKET) vm.faster();
        else if (code == KeyCode.OPEN_BRACKET) vm.slower();
        else if (code == KeyCode.ESCAPE) {
            vm.gantt().highlightedJobs().clear();
            vm.selectJob(-1);
        } else handled = false;
        if (handled) e.consume();
    }

    /** Height of a Why row: the head line and two lines of the reason (fixed, so a list of 100,000 decisions scrolls fast). */
    static final double WHY_ROW_HEIGHT = 60;

    private static final class DecisionCell extends ListCell<DecisionItem> {
        private final Label head = new Label();
        private final Label text = new Label();
        private final VBox box = new VBox(1, head, text);

        DecisionCell() {
            head.getStyleClass().add("why-head");
            text.getStyleClass().add("why-text");
            // the sentence wraps to two lines (most reasons fit); a longer one ends in "…" and the tooltip has it whole
            text.setWrapText(true);
            text.setMinHeight(0);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(DecisionItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            head.setText(SimTime.format(item.time()) + "   " + item.entry().kind().label()
                    + (item.jobName() == null ? "" : "   " + item.jobName()));
            text.setText(item.text());
            setGraphic(box);
            setTooltip(wrapped(item.text()));
        }
    }

    /** A tooltip that wraps at a readable width instead of running off the window. */
    static Tooltip wrapped(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }

    private static final class HistoryCell extends ListCell<HistoryLine> {
        @Override
        protected void updateItem(HistoryLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setWrapText(true);
            setPrefWidth(0);
            String where = item.nodes().isEmpty() ? "" : " on " + item.nodes();
            setText(SimTime.format(item.time()) + "  " + item.event() + where + "\n    " + item.reason());
        }
    }
}
