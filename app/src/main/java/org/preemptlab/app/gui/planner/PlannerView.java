package org.preemptlab.app.gui.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.geometry.Orientation;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.preemptlab.app.chart.PlannerCharts;
import org.preemptlab.app.gui.chartview.ChartBox;
import org.preemptlab.metrics.CoreState;
import org.preemptlab.metrics.GroupWaits;
import org.preemptlab.metrics.JobGrouping;
import org.preemptlab.metrics.StateUtilization;

/**
 * The planner views of one run, as tabs: utilization by state, backlog, waits by group. Each chart
 * exports as PNG, SVG and CSV.
 */
public final class PlannerView extends BorderPane {

    private final PlannerViewModel vm;
    private final ChartBox utilization;
    private final ChartBox backlog;
    private final ChartBox waits;
    /** Pending jobs by Slurm reason (a version-2 run), or null. */
    private final ChartBox pending;
    private final TableView<PlannerViewModel.WaitRow> waitTable = new TableView<>();
    private final TabPane tabs = new TabPane();

    public PlannerView(PlannerViewModel vm) {
        this.vm = vm;
        getStyleClass().add("planner-view");
        utilization = new ChartBox("utilization-by-state", this::utilizationChart, vm::utilizationCsv);
        utilization.setCaption(vm.stateSummary());
        backlog = new ChartBox("backlog", this::backlogChart, vm::backlogCsv);
        backlog.setCaption(vm.backlogSummary());
        waits = new ChartBox("waits-by-group", this::waitChart, vm::waitCsv);
        waits.setCaption(vm.waitSubtitle());
        Tab u = new Tab("Utilization by state", new BorderPane(utilization, null, null, stateLegend(), null));
        u.setId("planner-tab-utilization");
        Tab b = new Tab("Backlog", backlog);
        b.setId("planner-tab-backlog");
        Tab w = new Tab("Waits by group", waitPane());
        w.setId("planner-tab-waits");
        tabs.getTabs().setAll(u, b, w);
        if (vm.hasPendingReasons()) {
            pending = new ChartBox("pending-by-reason", this::pendingChart, vm::pendingCsv);
            pending.setCaption(vm.pendingSummary());
            Tab p = new Tab("Pending by reason", pending);
            p.setId("planner-tab-pending");
            tabs.getTabs().add(p);
        } else {
            pending = null;
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("planner-tabs");
        setCenter(tabs);
    }

    public PlannerViewModel viewModel() {
        return vm;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ChartBox utilizationBox() {
        return utilization;
    }

    public ChartBox backlogBox() {
        return backlog;
    }

    /** The "pending by reason" chart, or null when the run is not a version-2 run. */
    public ChartBox pendingBox() {
        return pending;
    }

    public ChartBox waitsBox() {
        return waits;
    }

    public TableView<PlannerViewModel.WaitRow> waitTable() {
        return waitTable;
    }

    private JFreeChart utilizationChart() {
        StateUtilization.Buckets b = vm.buckets();
        return spanned(PlannerCharts.utilizationByState("Utilization by state — " + vm.title(),
                "Share of the machine's cores in each state, averaged over " + b.size() + " steps of the run", vm.timeLabel(),
                vm.bucketMidpoints(b), b.shares()));
    }

    private JFreeChart backlogChart() {
        double[][] p = vm.backlogPoints();
        return spanned(PlannerCharts.steps("Backlog — " + vm.title(), "Nodes × requested time of the jobs waiting", vm.timeLabel(),
                "backlog (" + vm.workUnit() + ")", "backlog", p[0], p[1]));
    }

    private JFreeChart pendingChart() {
        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (var r : vm.pendingReasons()) {
            double[][] p = vm.pendingPoints(r);
            names.add(r.label());
            xs.add(p[0]);
            ys.add(p[1]);
        }
        return spanned(PlannerCharts.stepLines("Pending jobs by reason — " + vm.title(),
                "Jobs waiting, by Slurm's pending reason (as squeue shows it)", vm.timeLabel(), "pending jobs", names, xs, ys));
    }

    /** The time axis from the run's start to its end, as the other time charts. */
    private JFreeChart spanned(JFreeChart chart) {
        double unit = vm.timeUnit().seconds();
        chart.getXYPlot().getDomainAxis().setRange(vm.run().startTime() / unit, vm.run().endTime() / unit);
        return chart;
    }

    private JFreeChart waitChart() {
        List<GroupWaits> groups = vm.drawnGroups();
        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (GroupWaits g : groups) {
            double[][] c = vm.cdf(g);
            names.add(g.group() + " (" + org.preemptlab.units.Units.count(g.jobs(), "job") + ")");
            xs.add(c[0]);
            ys.add(c[1]);
        }
        return PlannerCharts.lines("Wait-time CDF by " + vm.groupingProperty().get().name() + " — " + vm.title(), vm.waitSubtitle(),
                "wait (" + vm.waitUnit().symbol() + ")", "jobs that waited at most this long (%)", names, xs, ys);
    }

    /** What each state counts: a colour square, the name and one line. */
    private static FlowPane stateLegend() {
        FlowPane legend = new FlowPane(14, 4);
        legend.setPadding(new Insets(4, 8, 6, 8));
        legend.setId("state-legend");
        for (CoreState s : CoreState.values()) {
            java.awt.Color c = PlannerCharts.colorOf(s);
            Rectangle sq = new Rectangle(11, 11, Color.rgb(c.getRed(), c.getGreen(), c.getBlue()));
            Label l = new Label(s.label() + ": " + s.meaning());
            l.getStyleClass().add("hint");
            HBox item = new HBox(4, sq, l);
            item.setAlignment(Pos.CENTER_LEFT);
            legend.getChildren().add(item);
        }
        return legend;
    }

    private SplitPane waitPane() {
        ChoiceBox<JobGrouping> by = new ChoiceBox<>();
        by.setId("wait-grouping");
        by.getItems().setAll(vm.groupings());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(JobGrouping g) {
                return g == null ? "" : g.name();
            }

            @Override
            public JobGrouping fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(vm.groupingProperty());
        vm.groupingProperty().addListener((o, a, b) -> {
            waits.refresh();
            waits.setCaption(vm.waitSubtitle());
            waitTable.getItems().setAll(vm.waitRows());
        });
        HBox choose = new HBox(6, new Label("Group jobs by"), by);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.setPadding(new Insets(4, 8, 0, 8));
        waitTable.setId("wait-percentiles");
        waitTable.getColumns().add(column("Group", PlannerViewModel.WaitRow::group, 150));
        waitTable.getColumns().add(column("Jobs", PlannerViewModel.WaitRow::jobs, 70));
        waitTable.getColumns().add(column("Mean", PlannerViewModel.WaitRow::mean, 95));
        waitTable.getColumns().add(column("Median", PlannerViewModel.WaitRow::p50, 95));
        waitTable.getColumns().add(column("90th pct", PlannerViewModel.WaitRow::p90, 95));
        waitTable.getColumns().add(column("95th pct", PlannerViewModel.WaitRow::p95, 95));
        waitTable.getColumns().add(column("99th pct", PlannerViewModel.WaitRow::p99, 95));
        waitTable.getColumns().add(column("Longest", PlannerViewModel.WaitRow::max, 95));
        waitTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        waitTable.getItems().setAll(vm.waitRows());
        VBox top = new VBox(choose, waits);
        VBox.setVgrow(waits, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(top, waitTable);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        return split;
    }

    private static TableColumn<PlannerViewModel.WaitRow, String> column(String name, Function<PlannerViewModel.WaitRow, String> f,
            double width) {
        TableColumn<PlannerViewModel.WaitRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 70));
        return c;
    }
}
