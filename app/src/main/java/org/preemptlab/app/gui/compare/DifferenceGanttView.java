package org.preemptlab.app.gui.compare;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.preemptlab.app.chart.PlannerCharts;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.chartview.ChartBox;
import org.preemptlab.metrics.StartShift;

/**
 * The difference Gantt of two compared runs: run A and run B picked among the variants, rows in a
 * chosen order, bars from each job's start in A to its start in B (green earlier, red later) over
 * its run in A, and the table of the largest moves (sortable by its columns).
 */
public final class DifferenceGanttView extends BorderPane {

    private final DifferenceGanttViewModel vm;
    private final TaskRunner runner;
    private final ChartBox box;
    private final TableView<DifferenceGanttViewModel.MoveRow> table = new TableView<>();

    /** A view that computes on the calling thread (the view-model's caches filled on first use). */
    public DifferenceGanttView(DifferenceGanttViewModel vm) {
        this(vm, TaskRunner.sameThread());
    }

    /** @param runner where a new choice of runs or order is computed (the background runner in the app) */
    public DifferenceGanttView(DifferenceGanttViewModel vm, TaskRunner runner) {
        this.vm = vm;
        this.runner = runner;
        box = new ChartBox("difference-gantt", this::chart, vm::csv);
        ChoiceBox<String> a = runChoice("diff-run-a", vm.aProperty().get());
        ChoiceBox<String> b = runChoice("diff-run-b", vm.bProperty().get());
        a.getSelectionModel().selectedIndexProperty().addListener((o, x, y) -> vm.aProperty().set(y.intValue()));
        b.getSelectionModel().selectedIndexProperty().addListener((o, x, y) -> vm.bProperty().set(y.intValue()));
        ChoiceBox<DifferenceGanttViewModel.Order> order = new ChoiceBox<>();
        order.setId("diff-order");
        order.getItems().setAll(DifferenceGanttViewModel.Order.values());
        order.valueProperty().bindBidirectional(vm.orderProperty());
        vm.aProperty().addListener((o, x, y) -> refresh());
        vm.bProperty().addListener((o, x, y) -> refresh());
        vm.orderProperty().addListener((o, x, y) -> refresh());
        HBox choose = new HBox(6, new Label("Run A"), a, new Label("Run B"), b, new Label("Rows by"), order);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.setPadding(new Insets(4, 8, 0, 8));
        table.setId("largest-moves");
        table.getColumns().add(column("Job", DifferenceGanttViewModel.MoveRow::job, 120));
        table.getColumns().add(column("Start in A", DifferenceGanttViewModel.MoveRow::startA, 130));
        table.getColumns().add(column("Start in B", DifferenceGanttViewModel.MoveRow::startB, 130));
        TableColumn<DifferenceGanttViewModel.MoveRow, String> move = column("Moved by", DifferenceGanttViewModel.MoveRow::move, 120);
        table.getColumns().add(move);
        table.setPlaceholder(new Label("No job moved."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setSortPolicy(t -> {
            // "Moved by" sorts by the signed number of seconds, not by its text
            if (!t.getSortOrder().isEmpty() && t.getSortOrder().get(0) == move) {
                java.util.Comparator<DifferenceGanttViewModel.MoveRow> c = java.util.Comparator.comparingLong(
                        DifferenceGanttViewModel.MoveRow::shiftSeconds);
                if (move.getSortType() == TableColumn.SortType.DESCENDING) c = c.reversed();
                javafx.collections.FXCollections.sort(t.getItems(), c);
                return true;
            }
            return TableView.DEFAULT_SORT_POLICY.call(t);
        });
        BorderPane tablePane = new BorderPane(table);
        Label tableTitle = new Label("Largest moves (" + DifferenceGanttViewModel.LARGEST + " at most)");
        tableTitle.getStyleClass().add("section-title");
        tableTitle.setPadding(new Insets(2, 6, 2, 6));
        tablePane.setTop(tableTitle);
        SplitPane split = new SplitPane(box, tablePane);
        split.setDividerPositions(0.68);
        split.setOrientation(Orientation.HORIZONTAL);
        setTop(choose);
        setCenter(split);
        refresh();
    }

    private ChoiceBox<String> runChoice(String id, int selected) {
        ChoiceBox<String> c = new ChoiceBox<>();
        c.setId(id);
        c.getItems().setAll(vm.labels());
        c.getSelectionModel().select(selected);
        return c;
    }

    /** The comparison of the chosen pair in the chosen order, computed by the runner, then drawn. */
    private void refresh() {
        int ia = vm.aProperty().get(), ib = vm.bProperty().get();
        DifferenceGanttViewModel.Order o = vm.orderProperty().get();
        box.setCaption("Comparing " + vm.labelA() + " and " + vm.labelB() + " job by job…");
        runner.submit("Difference Gantt", sink -> {
            vm.prepare(ia, ib, o, sink);
            return Boolean.TRUE;
        }, done -> {
            // a later choice supersedes this one: draw only the current choice
            if (vm.aProperty().get() == ia && vm.bProperty().get() == ib && vm.orderProperty().get() == o) draw();
        }, error -> box.setCaption("Cannot compare the runs: " + error.getMessage()));
    }

    private void draw() {
        box.refresh();
        box.setCaption(vm.summary());
        table.getItems().setAll(vm.largestMoves());
    }

    public DifferenceGanttViewModel viewModel() {
        return vm;
    }

    public ChartBox chartBox() {
        return box;
    }

    public TableView<DifferenceGanttViewModel.MoveRow> table() {
        return table;
    }

    private JFreeChart chart() {
        List<StartShift> rows = vm.rows();
        double unit = vm.timeUnit().seconds();
        int n = rows.size();
        double[] sa = new double[n], ea = new double[n], sb = new double[n];
        String[] names = n <= DifferenceGanttViewModel.NAMED_ROWS ? new String[n] : null;
        for (int i = 0; i < n; i++) {
            StartShift s = rows.get(i);
            sa[i] = s.startA() / unit;
            ea[i] = s.endA() / unit;
            sb[i] = s.startB() / unit;
            if (names != null) names[i] = s.name();
        }
        return PlannerCharts.differenceGantt(vm.title(), "Each row a job: grey its run in A, the bar from its start in A to its start in B",
                "time (" + vm.timeUnit().symbol() + ")", names, sa, ea, sb);
    }

    private static TableColumn<DifferenceGanttViewModel.MoveRow, String> column(String name,
            Function<DifferenceGanttViewModel.MoveRow, String> f, double width) {
        TableColumn<DifferenceGanttViewModel.MoveRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Opens a difference Gantt in a window of its own. */
    public static Stage show(Window owner, DifferenceGanttViewModel vm, TaskRunner runner) {
        Stage stage = new Stage();
        if (owner != null) stage.initOwner(owner);
        stage.setTitle(vm.title());
        Scene scene = new Scene(new DifferenceGanttView(vm, runner), 1200, 760);
        if (owner != null && owner.getScene() != null) scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
