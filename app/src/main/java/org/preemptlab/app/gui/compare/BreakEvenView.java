package org.preemptlab.app.gui.compare;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.data.xy.XYZDataset;
import org.preemptlab.app.chart.BreakEvenChart;
import org.preemptlab.app.gui.files.ImageExport;
import org.preemptlab.maintenance.BreakEvenResult;

/**
 * The compare view's break-even tab: the grid's axes, Sweep / Cancel with a progress bar, the heat
 * map (tooltips per cell; a click shows the cell's numbers in the side panel) and PNG / SVG export.
 */
public final class BreakEvenView extends BorderPane {

    static final int EXPORT_WIDTH = 1200;
    static final int EXPORT_HEIGHT = 820;

    private final BreakEvenViewModel vm;
    private final BorderPane chartHolder = new BorderPane();
    private JFreeChart chart;
    private ChartViewer viewer;

    private final Runnable openCell;

    /** @param openCell runs the picked cell as drain and checkpoint in the schedulers' tab */
    public BreakEvenView(BreakEvenViewModel vm, Runnable openCell) {
        this.openCell = openCell;
        this.vm = vm;
        getStyleClass().add("break-even-view");
        Label message = new Label();
        message.setId("be-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        message.setPadding(new Insets(2, 8, 2, 8));
        message.getStyleClass().add("hint");
        setTop(new VBox(toolbar(), message));
        Label placeholder = new Label("Press Sweep to run drain and checkpoint on every cell of the grid.");
        chartHolder.setCenter(placeholder);
        setCenter(chartHolder);
        setRight(sidePanel());
        vm.resultProperty().addListener((o, a, b) -> show(b));
        show(vm.resultProperty().get());
    }

    private ToolBar toolbar() {
        TextField bandwidth = new TextField();
        bandwidth.setId("be-bandwidth");
        bandwidth.setPrefColumnCount(11);
        bandwidth.textProperty().bindBidirectional(vm.bandwidthProperty());
        bandwidth.setTooltip(new Tooltip("MIN:MAX:STEPS, MB/s, log-spaced: every pool's checkpoint bandwidth"));
        TextField image = new TextField();
        image.setId("be-image-size");
        image.setPrefColumnCount(11);
        image.textProperty().bindBidirectional(vm.imageSizeProperty());
        image.setTooltip(new Tooltip("MIN:MAX:STEPS, MB per node, log-spaced: every job's checkpoint image"));
        TextField start = new TextField();
        start.setId("be-window-start");
        start.setPrefColumnCount(6);
        start.setPromptText("as planned");
        start.textProperty().bindBidirectional(vm.windowStartProperty());
        start.setTooltip(new Tooltip("Move the maintenance window to start here (e.g. 10h, 1d 6h); blank: as in the scenario"));
        Button run = new Button("▶ Sweep");
        run.setId("be-run");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("be-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("be-progress");
        bar.setPrefWidth(140);
        bar.progressProperty().bind(vm.progressProperty());
        Button png = new Button("PNG…");
        png.setId("be-export-png");
        png.setOnAction(e -> chooseAndExport("*.png"));
        Button svg = new Button("SVG…");
        svg.setId("be-export-svg");
        svg.setOnAction(e -> chooseAndExport("*.svg"));
        for (Button b : new Button[] {png, svg}) b.disableProperty().bind(vm.resultProperty().isNull());
        return new ToolBar(new Label("Bandwidth MB/s"), bandwidth, new Label("Image MB/node"), image, new Label("Window start"),
                start, run, cancel, bar,
                new Separator(Orientation.VERTICAL), new Label("Export"), png, svg);
    }

    private VBox sidePanel() {
        Label title = new Label("Cell");
        title.getStyleClass().add("section-title");
        Label cell = new Label();
        cell.setId("be-cell");
        cell.setWrapText(true);
        cell.textProperty().bind(vm.selectedTextProperty());
        Button open = new Button("Compare drain vs checkpoint here");
        open.setId("be-open-cell");
        open.setTooltip(new Tooltip("Run this cell's two variants as Gantts, charts and metrics in the Schedulers tab"));
        open.disableProperty().bind(vm.selectedProperty().isNull());
        open.setOnAction(e -> openCell.run());
        VBox box = new VBox(6, title, cell, open);
        box.setPadding(new Insets(8));
        box.setPrefWidth(270);
        box.setMinWidth(200);
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    private void show(BreakEvenResult r) {
        if (r == null) return;
        chart = BreakEvenChart.create(r);
        viewer = new ChartViewer(chart);
        viewer.setId("be-chart");
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                if (event.getEntity() instanceof XYItemEntity item && item.getDataset() instanceof XYZDataset) {
                    vm.selectItem(item.getItem());
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {}
        });
        chartHolder.setCenter(viewer);
    }

    /** The heat map as shown, or null before the first sweep. */
    public JFreeChart chart() {
        return chart;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public void exportPng(Path out) throws IOException {
        ImageExport.png(chart, out, EXPORT_WIDTH, EXPORT_HEIGHT);
    }

    public void exportSvg(Path out) throws IOException {
        ImageExport.svg(chart, out, EXPORT_WIDTH, EXPORT_HEIGHT);
    }

    private void chooseAndExport(String pattern) {
        if (chart == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the break-even chart");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern.substring(2).toUpperCase() + " files", pattern));
        chooser.setInitialFileName("break-even" + pattern.substring(1));
        File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        Path out = f.toPath();
        try {
            if (pattern.endsWith("png")) exportPng(out);
            else exportSvg(out);
        } catch (IOException | RuntimeException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not write " + out + ": " + e.getMessage()).showAndWait();
        }
    }
}
