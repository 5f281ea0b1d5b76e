package org.preemptlab.app.gui.history;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jfree.chart.JFreeChart;
import org.preemptlab.app.chart.FidelityCharts;
import org.preemptlab.app.gui.chartview.ChartBox;

/**
 * "Predicted vs actual" of a replayed history, as tabs: start times (scatter, coloured by partition
 * or account), start errors (histogram with the tolerance band), the summary with mean waits per
 * partition and account, and the worst jobs with the reason the replay gives. Charts export as PNG,
 * SVG and CSV.
 */
public final class FidelityView extends BorderPane {

    private final FidelityViewModel vm;
    private final ChartBox scatter;
    private final ChartBox errors;
    private final GridPane summary = new GridPane();
    private final TableView<FidelityViewModel.GroupRow> groups = new TableView<>();
    private final TableView<FidelityViewModel.WorstRow> worst = new TableView<>();
    private final TableView<FidelityViewModel.WhatIfRow> whatIf = new TableView<>();
    private final TabPane tabs = new TabPane();

    public FidelityView(FidelityViewModel vm) {
        this.vm = vm;
        getStyleClass().add("fidelity-view");
        scatter = new ChartBox("predicted-vs-actual", this::scatterChart, vm::scatterCsv);
        scatter.setCaption(vm.headline());
        errors = new ChartBox("start-errors", this::errorChart, vm::histogramCsv);
        errors.setCaption(vm.headline());
        Tab s = new Tab("Start times", scatterPane());
        s.setId("fidelity-tab-scatter");
        Tab e = new Tab("Start errors", errors);
        e.setId("fidelity-tab-errors");
        Tab m = new Tab("Summary", summaryPane());
        m.setId("fidelity-tab-summary");
        Tab w = new Tab("Worst jobs", worstPane());
        w.setId("fidelity-tab-worst");
        tabs.getTabs().setAll(s, e, m, w);
        if (vm.whatIf() != null) {
            Tab wi = new Tab("What-if", whatIfPane());
            wi.setId("fidelity-tab-what-if");
            tabs.getTabs().add(wi);
        }
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("fidelity-tabs");
        setCenter(tabs);
    }

    public FidelityViewModel viewModel() {
        return vm;
    }

    public TabPane tabs() {
        return tabs;
    }

    public ChartBox scatterBox() {
        return scatter;
    }

    public ChartBox errorBox() {
        return errors;
    }

    public GridPane summaryGrid() {
        return summary;
    }

    public TableView<FidelityViewModel.GroupRow> groupTable() {
        return groups;
    }

    public TableView<FidelityViewModel.WorstRow> worstTable() {
        return worst;
    }

    /** The what-if per account and partition; empty (and no tab) without a baseline. */
    public TableView<FidelityViewModel.WhatIfRow> whatIfTable() {
        return whatIf;
    }

    private JFreeChart scatterChart() {
        List<String> names = new ArrayList<>();
        List<double[]> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (FidelityViewModel.ScatterGroup g : vm.scatterGroups()) {
            names.add(g.name() + " (" + org.preemptlab.units.Units.count(g.jobs(), "job") + ")");
            xs.add(g.actual());
            ys.add(g.predicted());
        }
        return FidelityCharts.scatter("Predicted vs actual start — " + vm.title(), vm.scatterSubtitle(), vm.timeUnit().symbol(), names, xs,
                ys, vm.comparison().toleranceSeconds() / vm.timeUnit().seconds());
    }

    private JFreeChart errorChart() {
        FidelityViewModel.Histogram h = vm.histogram();
        double unit = vm.errorUnit().seconds();
        double[] edges = new double[h.edges().length];
        for (int i = 0; i < edges.length; i++) edges[i] = h.edges()[i] / unit;
        return FidelityCharts.errorHistogram("Start errors — " + vm.title(), vm.histogramSubtitle(), vm.errorUnit().symbol(), edges,
                h.counts(), vm.comparison().toleranceSeconds() / unit);
    }

    private VBox scatterPane() {
        ChoiceBox<FidelityViewModel.ColorBy> by = new ChoiceBox<>();
        by.setId("fidelity-color-by");
        by.getItems().setAll(FidelityViewModel.ColorBy.values());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(FidelityViewModel.ColorBy c) {
                return c == null ? "" : c.label();
            }

            @Override
            public FidelityViewModel.ColorBy fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(vm.colorByProperty());
        vm.colorByProperty().addListener((o, a, b) -> scatter.refresh());
        HBox choose = new HBox(6, new Label("Colour points by"), by);
        choose.setAlignment(Pos.CENTER_LEFT);
        choose.setPadding(new Insets(4, 8, 0, 8));
        VBox box = new VBox(choose, scatter);
        VBox.setVgrow(scatter, Priority.ALWAYS);
        return box;
    }

    private SplitPane summaryPane() {
        summary.setId("fidelity-summary");
        summary.setHgap(14);
        summary.setVgap(4);
        summary.setPadding(new Insets(10));
        int row = 0;
        for (FidelityViewModel.SummaryLine l : vm.summary()) {
            Label name = new Label(l.name());
            name.getStyleClass().add("hint");
            Label value = new Label(l.value());
            value.setId("fidelity-summary-" + row);
            value.setWrapText(true);
            summary.addRow(row++, name, value);
        }
        if (!vm.warnings().isEmpty()) {
            Label head = new Label("What the replay simplified");
            head.getStyleClass().add("hint");
            Label list = new Label("• " + String.join("\n• ", vm.warnings()));
            list.setWrapText(true);
            list.setId("fidelity-warnings");
            summary.addRow(row, head, list);
        }
        groups.setId("fidelity-groups");
        groups.getColumns().add(col("By", FidelityViewModel.GroupRow::kind, 90));
        groups.getColumns().add(col("Group", FidelityViewModel.GroupRow::group, 140));
        groups.getColumns().add(col("Jobs", FidelityViewModel.GroupRow::jobs, 70));
        groups.getColumns().add(col("Mean wait, actual", FidelityViewModel.GroupRow::actual, 140));
        groups.getColumns().add(col("Mean wait, predicted", FidelityViewModel.GroupRow::predicted, 150));
        groups.getColumns().add(col("Predicted − actual", FidelityViewModel.GroupRow::difference, 140));
        groups.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groups.getItems().setAll(vm.groupRows());
        javafx.scene.control.ScrollPane top = new javafx.scene.control.ScrollPane(summary);
        top.setFitToWidth(true);
        SplitPane split = new SplitPane(top, groups);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        return split;
    }

    private BorderPane worstPane() {
        worst.setId("fidelity-worst");
        worst.getColumns().add(col("Job ID", FidelityViewModel.WorstRow::job, 80));
        worst.getColumns().add(col("Partition", FidelityViewModel.WorstRow::partition, 80));
        worst.getColumns().add(col("Account", FidelityViewModel.WorstRow::account, 80));
        worst.getColumns().add(col("Actual start", FidelityViewModel.WorstRow::actualStart, 100));
        worst.getColumns().add(col("Predicted start", FidelityViewModel.WorstRow::predictedStart, 110));
        worst.getColumns().add(col("Error", FidelityViewModel.WorstRow::error, 90));
        worst.getColumns().add(col("Why the replay started it then", FidelityViewModel.WorstRow::reason, 420));
        worst.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        worst.getItems().setAll(vm.worst());
        HBox bar = exportBar("The " + vm.worst().size() + " jobs the replay starts furthest from their real start (error: predicted − "
                + "actual; times since the history's first submit), with the pending reasons (Slurm's names) they waited under in the replay.",
                null, "fidelity-worst-csv", "The worst jobs with their reasons (seconds), for a spreadsheet or a script", this::exportWorst);
        return new BorderPane(worst, bar, null, null, null);
    }

    private BorderPane whatIfPane() {
        whatIf.setId("fidelity-what-if");
        whatIf.getColumns().add(col("By", FidelityViewModel.WhatIfRow::kind, 80));
        whatIf.getColumns().add(col("Group", FidelityViewModel.WhatIfRow::group, 110));
        whatIf.getColumns().add(col("Jobs", FidelityViewModel.WhatIfRow::jobs, 60));
        whatIf.getColumns().add(col("Mean wait, baseline", FidelityViewModel.WhatIfRow::meanBefore, 130));
        whatIf.getColumns().add(col("Mean wait, what-if", FidelityViewModel.WhatIfRow::meanAfter, 130));
        whatIf.getColumns().add(col("Change", FidelityViewModel.WhatIfRow::meanChange, 80));
        whatIf.getColumns().add(col("Median wait, baseline", FidelityViewModel.WhatIfRow::medianBefore, 140));
        whatIf.getColumns().add(col("Median wait, what-if", FidelityViewModel.WhatIfRow::medianAfter, 140));
        whatIf.getColumns().add(col("Change", FidelityViewModel.WhatIfRow::medianChange, 80));
        whatIf.getColumns().add(col("Start earlier", FidelityViewModel.WhatIfRow::earlier, 90));
        whatIf.getColumns().add(col("Later", FidelityViewModel.WhatIfRow::later, 60));
        whatIf.getColumns().add(col("Same", FidelityViewModel.WhatIfRow::same, 60));
        whatIf.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        whatIf.getItems().setAll(vm.whatIfRows());
        HBox bar = exportBar(vm.whatIfHeadline() + ": the history replayed on the baseline site and on the changed one (the files "
                + "above), the predicted waits compared — not the real ones. Change: what-if against baseline.", "fidelity-what-if-headline",
                "fidelity-what-if-csv", "Every job's predicted start and wait in both replays (seconds), as replay --out-csv",
                () -> saveCsv("Export the what-if", "what-if.csv", vm::whatIfCsv));
        return new BorderPane(whatIf, bar, null, null, null);
    }

    /** A table's caption (id {@code captionId}, may be null) and its "Export CSV…" button. */
    private static HBox exportBar(String text, String captionId, String csvId, String tooltip, Runnable export) {
        Label caption = new Label(text);
        if (captionId != null) caption.setId(captionId);
        caption.setWrapText(true);
        caption.getStyleClass().add("hint");
        caption.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(caption, Priority.ALWAYS);
        javafx.scene.control.Button csv = new javafx.scene.control.Button("CSV…");
        csv.setId(csvId);
        csv.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        csv.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        csv.setOnAction(e -> export.run());
        HBox bar = new HBox(6, caption, new Label("Export"), csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /** Writes {@link FidelityViewModel#worstCsv()} to {@code out}. */
    public void exportWorst(java.nio.file.Path out) throws java.io.IOException {
        String text = vm.worstCsv();
        org.preemptlab.io.files.AtomicFiles.write(out, w -> w.write(text));
    }

    private void exportWorst() {
        saveCsv("Export the worst jobs", "worst-jobs.csv", vm::worstCsv);
    }

    private void saveCsv(String title, String name, java.util.function.Supplier<String> text) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV files", "*.csv"));
        chooser.setInitialFileName(name);
        java.io.File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        try {
            String t = text.get();
            org.preemptlab.io.files.AtomicFiles.write(file.toPath(), w -> w.write(t));
        } catch (java.io.IOException | RuntimeException ex) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, "Could not write " + file + ": " + ex.getMessage())
                    .showAndWait();
        }
    }

    private static <R> TableColumn<R, String> col(String name, Function<R, String> f, double width) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60));
        return c;
    }
}
