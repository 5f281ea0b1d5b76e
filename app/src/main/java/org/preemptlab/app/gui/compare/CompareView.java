package org.preemptlab.app.gui.compare;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.preemptlab.app.gui.run.GanttPane;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.time.SimTime;

/**
 * The compare view: scheduler choice, stacked Gantts with one cursor and one time range, charts
 * (queue length, utilization, wait-time CDF) and the metrics table with deltas and the better value
 * highlighted.
 */
public final class CompareView extends BorderPane {

    private final CompareViewModel vm;
    private final VBox gantts = new VBox(4);
    private final HBox charts = new HBox(6);
    private final TableView<MetricRow> table = new TableView<>();
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label time = new Label();
    private final List<JFreeChart> liveCharts = new ArrayList<>();
    private final List<GanttPane> panes = new ArrayList<>();
    private boolean syncing;
    private BreakEvenView breakEvenView;

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        getStyleClass().add("compare-view");
        Label message = new Label();
        message.setId("compare-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setPadding(new Insets(2, 8, 2, 8));
        message.getStyleClass().add("hint");
        VBox top = new VBox(toolbar(), strategyBar(), message);
        // the stacked Gantts scroll as a whole: each is tall enough for its rows (they were ~10 rows tall)
        javafx.scene.control.ScrollPane ganttScroll = new javafx.scene.control.ScrollPane(gantts);
        ganttScroll.setFitToWidth(true);
        ganttScroll.setFitToHeight(true);
        ganttScroll.setId("compare-gantts");
        SplitPane left = new SplitPane(ganttScroll, charts);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);
        table.setId("compare-metrics");
        table.setPlaceholder(new Label("Pick 2–4 schedulers and press Compare."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setFixedCellSize(36);
        SplitPane split = new SplitPane(left, table);
        split.setDividerPositions(0.64);
        BorderPane schedulers = new BorderPane(split);
        schedulers.setTop(top);
        setCenter(tabs(schedulers));
        vm.variants().addListener((ListChangeListener<Variant>) c -> showVariants());
        vm.cursorProperty().addListener((o, a, b) -> cursorMoved());
        showVariants();
    }

    /** The schedulers' comparison and the break-even chart, as two tabs. */
    private TabPane tabs(BorderPane schedulers) {
        Tab main = new Tab("Schedulers", schedulers);
        main.setId("compare-tab-schedulers");
        TabPane pane = new TabPane();
        breakEvenView = new BreakEvenView(vm.breakEven(), () -> {
            if (vm.runBreakEvenCell()) pane.getSelectionModel().select(main);
        });
        // the chart's title asks "drain or checkpoint?": the tab does not ask it again
        Tab breakEven = new Tab("Break-even", breakEvenView);
        breakEven.setTooltip(new javafx.scene.control.Tooltip("Drain or checkpoint the maintenance window? Both strategies over a grid of"
                + " checkpoint bandwidth × image size"));
        breakEven.setId("compare-tab-break-even");
        pane.getTabs().setAll(main, breakEven);
        pane.setId("compare-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return pane;
    }

    /** Opens the difference Gantt of the compared runs in a window (nothing before two runs are compared). */
    public void openDifferenceGantt() {
        DifferenceGanttViewModel d = vm.differenceGantt();
        if (d == null) return;
        // the first comparison on the background runner (seconds for big runs); the window opens when it is ready
        var order = d.orderProperty().get();
        int a = d.aProperty().get(), b = d.bProperty().get();
        vm.runner().submit("Difference Gantt", sink -> {
            d.prepare(a, b, order, sink);
            return d;
        }, ready -> DifferenceGanttView.show(getScene() == null ? null : getScene().getWindow(), ready, vm.runner()), error -> {});
    }

    public BreakEvenView breakEvenView() {
        return breakEvenView;
    }

    private ToolBar toolbar() {
        HBox choices = new HBox(10);
        choices.setAlignment(Pos.CENTER_LEFT);
        for (SchedulerKind p : SchedulerKind.values()) choices.getChildren().add(choiceBox(p.label(), "variant-" + p.id(), vm.chosen(), p));
        Button run = new Button("▶ Compare");
        run.setId("run-compare");
        run.setOnAction(e -> vm.run());
        Button diff = new Button("Δ Difference Gantt…");
        diff.setId("compare-difference-gantt");
        diff.setTooltip(new javafx.scene.control.Tooltip("Which jobs moved between two of the compared runs, and by how much"));
        diff.setOnAction(e -> openDifferenceGantt());
        diff.disableProperty().bind(javafx.beans.binding.Bindings.size(vm.variants()).lessThan(2));
        scrub.setPrefWidth(220);
        scrub.valueProperty().addListener((o, a, b) -> {
            if (!syncing) vm.scrubTo(b.doubleValue());
        });
        time.getStyleClass().add("time-label");
        return new ToolBar(choices, new Separator(Orientation.VERTICAL), run, diff, new Separator(Orientation.VERTICAL),
                new Label("Cursor"), scrub, time);
    }

    /** The other way to vary the scenario: its maintenance windows' strategy (e.g. drain vs checkpoint). */
    private ToolBar strategyBar() {
        HBox choices = new HBox(10);
        choices.setAlignment(Pos.CENTER_LEFT);
        for (MaintenanceStrategy st : MaintenanceStrategy.values()) {
            choices.getChildren().add(choiceBox(st.label(), "strategy-" + st.label(), vm.chosenStrategies(), st));
        }
        Button run = new Button("▶ Compare strategies");
        run.setId("run-compare-strategies");
        run.setTooltip(new javafx.scene.control.Tooltip("Run the scenario's scheduler once per strategy, applied to every maintenance window"));
        run.setOnAction(e -> vm.runStrategies());
        javafx.scene.control.TextField growth = new javafx.scene.control.TextField();
        growth.setId("load-growth");
        growth.setPrefColumnCount(4);
        growth.textProperty().bindBidirectional(vm.loadGrowthProperty());
        growth.setTooltip(new javafx.scene.control.Tooltip("Load growth in percent: the arrival rate × (1 + p/100)"));
        Button load = new Button("▶ Today vs + load");
        load.setId("run-compare-load");
        load.setTooltip(new javafx.scene.control.Tooltip("Run the scenario as it is and with the arrival rate grown by the percent given"));
        load.setOnAction(e -> vm.runLoadGrowth());
        return new ToolBar(new Label("Maintenance strategies"), choices, new Separator(Orientation.VERTICAL), run,
                new Separator(Orientation.VERTICAL), new Label("Load +"), growth, new Label("%"), load);
    }

    /** A check box kept in step with membership of {@code value} in {@code set}. */
    private static <T> CheckBox choiceBox(String label, String id, javafx.collections.ObservableSet<T> set, T value) {
        CheckBox box = new CheckBox(label);
        box.setId(id);
        box.setSelected(set.contains(value));
        set.addListener((javafx.collections.SetChangeListener<T>) c -> box.setSelected(set.contains(value)));
        box.selectedProperty().addListener((o, a, b) -> {
            if (b) set.add(value);
            else set.remove(value);
        });
        return box;
    }

    private void showVariants() {
        gantts.getChildren().clear();
        panes.clear();
        for (Variant v : vm.variants()) {
            Label title = new Label(v.label());
            title.getStyleClass().add("section-title");
            GanttPane pane = new GanttPane(v.gantt());
            pane.setPrefHeight(180);
            pane.setMinHeight(ganttHeight(v.gantt().index().rowCount(), v.gantt().index().groups().size()));
            VBox.setVgrow(pane, Priority.ALWAYS);
            panes.add(pane);
            VBox box = new VBox(1, title, pane);
            VBox.setVgrow(box, Priority.ALWAYS);
            box.setPadding(new Insets(2, 4, 2, 4));
            gantts.getChildren().add(box);
        }
        liveCharts.clear();
        charts.getChildren().clear();
        if (!vm.variants().isEmpty()) {
            String time = "time (" + vm.chartTimeUnit().symbol() + ")";
            addChart(CompareCharts.chart("Queue length", time, "jobs waiting", vm.queueSeries(), true));
            addChart(CompareCharts.chart("Utilization", time, "cores doing useful work (%)", vm.utilizationSeries(), true, true));
            addChart(CompareCharts.chart("Wait-time CDF", "wait (" + vm.waitTimeUnit().symbol() + ")", "jobs that waited at most this long (%)",
                    vm.waitCdf(), false, true));
        }
        buildTable();
        cursorMoved();
    }

    /**
     * The least height of a compared Gantt: its axis, queue lane and pool headers, and its rows at 6 px
     * (readable bars), between 110 and 420 px (beyond, the Gantt scrolls its rows itself).
     */
    public static double ganttHeight(int rows, int groups) {
        double h = org.preemptlab.app.gui.run.GanttViewModel.AXIS_HEIGHT + org.preemptlab.app.gui.run.GanttViewModel.QUEUE_HEIGHT
                + groups * org.preemptlab.app.gui.run.GanttViewModel.HEADER_HEIGHT + rows * 6.0 + 20;
        return Math.max(110, Math.min(420, h));
    }

    private void addChart(JFreeChart chart) {
        liveCharts.add(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(300, 220);
        viewer.setMinSize(150, 120);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        charts.getChildren().add(viewer);
    }

    /** The charts as shown (for PNG export). */
    public List<JFreeChart> charts() {
        return List.copyOf(liveCharts);
    }

    public List<GanttPane> ganttPanes() {
        return List.copyOf(panes);
    }

    private void buildTable() {
        table.getColumns().clear();
        TableColumn<MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().name()));
        name.setCellFactory(col -> new TableCell<>() {
            // the maintenance cost rows' long names go onto two lines ("Maintenance:" above) instead of ending in "…"
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.replaceFirst("^Maintenance: ", "Maintenance:\n"));
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(CompareViewModel.help(item)));
            }
        });
        name.setPrefWidth(170);
        name.setMinWidth(140);
        name.setMaxWidth(240);
        table.getColumns().add(name);
        for (int i = 0; i < vm.variants().size(); i++) {
            int k = i;
            TableColumn<MetricRow, String> c = new TableColumn<>();
            c.setGraphic(header(vm.variants().get(i).label() + (i == 0 ? " (baseline)" : ""), c));
            c.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().cell(k).replace("  (", "\n(")));
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().removeAll("better-cell");
                    setText(empty ? null : item);
                    MetricRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null && row.best() == k) getStyleClass().add("better-cell");
                }
            });
            c.setPrefWidth(130);
            c.setMinWidth(120);
            table.getColumns().add(c);
        }
        table.setItems(vm.metrics());
    }

    /** A column header that wraps onto more lines instead of cutting the name ("aggressive-ch…"). */
    static Label header(String text, TableColumn<?, ?> column) {
        Label head = new Label(text);
        head.getStyleClass().add("column-title");
        head.setWrapText(true);
        head.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        head.setAlignment(Pos.CENTER);
        head.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        head.maxWidthProperty().bind(column.widthProperty().subtract(10));
        head.prefWidthProperty().bind(column.widthProperty().subtract(10));
        return head;
    }

    /** The text of a column's header (its wrapping label, or its plain text). */
    public static String headerText(TableColumn<?, ?> column) {
        return column.getGraphic() instanceof Label l ? l.getText() : column.getText();
    }

    private void cursorMoved() {
        long t = vm.cursorProperty().get();
        syncing = true;
        try {
            long s = vm.start();
            long e = vm.end();
            scrub.setValue(e > s ? (double) (t - s) / (e - s) : 0);
        } finally {
            syncing = false;
        }
        time.setText(SimTime.format(t));
        double unit = vm.variants().isEmpty() ? 3600 : vm.chartTimeUnit().seconds();
        for (int i = 0; i < Math.min(2, liveCharts.size()); i++) CompareCharts.moveMarker(liveCharts.get(i), t / unit);
    }
}
