package org.preemptlab.app.gui.chartview;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.preemptlab.app.gui.files.ImageExport;
import org.preemptlab.io.files.AtomicFiles;

/**
 * A JFreeChart chart with a line of text above it and PNG / SVG / CSV export buttons: the chart as
 * drawn (PNG through the project's {@code PngImages}, SVG through JFreeSVG, text kept as text) and
 * the numbers behind it as CSV (seconds, machine-readable).
 */
public final class ChartBox extends BorderPane {

    /** Export formats. */
    public enum Format {
        PNG, SVG, CSV
    }

    /** Size of exported images, px. */
    public static final int EXPORT_WIDTH = 1200, EXPORT_HEIGHT = 700;

    private final String id;
    private final Supplier<JFreeChart> build;
    private final Supplier<String> csv;
    private final Label caption = new Label();
    private final ChartViewer viewer = new ChartViewer(null);
    private JFreeChart chart;

    /**
     * @param id     the node id prefix ({@code id-png}, {@code id-svg}, {@code id-csv}) and the files' default name
     * @param build  makes the chart from the current view-model state
     * @param csv    the numbers behind the chart
     */
    public ChartBox(String id, Supplier<JFreeChart> build, Supplier<String> csv) {
        this.id = id;
        this.build = build;
        this.csv = csv;
        setId(id);
        caption.setWrapText(true);
        caption.getStyleClass().add("hint");
        caption.setId(id + "-caption");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setMaxWidth(Double.MAX_VALUE);
        Label export = new Label("Export");
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, caption, spacer, export, button(Format.PNG), button(Format.SVG), button(Format.CSV));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        viewer.setMinSize(200, 150);
        setCenter(viewer);
        refresh();
    }

    private Button button(Format f) {
        Button b = new Button(f.name() + "…");
        b.setId(id + "-" + f.name().toLowerCase(Locale.ROOT));
        b.setMinWidth(Region.USE_PREF_SIZE); // the caption wraps, the buttons keep their names
        b.setTooltip(new Tooltip(switch (f) {
            case PNG -> "The chart as a PNG image (" + EXPORT_WIDTH + " × " + EXPORT_HEIGHT + ")";
            case SVG -> "The chart as an SVG drawing (text kept as text)";
            case CSV -> "The numbers behind the chart (seconds), for a spreadsheet or a script";
        }));
        b.setOnAction(e -> choose(f));
        return b;
    }

    /** Rebuilds the chart from the view-model (after a choice changed). */
    public void refresh() {
        chart = build.get();
        viewer.setChart(chart);
    }

    public void setCaption(String text) {
        caption.setText(text);
    }

    public String caption() {
        return caption.getText();
    }

    public JFreeChart chart() {
        return chart;
    }

    public ChartViewer viewer() {
        return viewer;
    }

    /** Writes the chart (PNG, SVG) or its numbers (CSV) to {@code out}. */
    public void export(Format f, Path out) throws IOException {
        switch (f) {
            case PNG -> ImageExport.png(chart, out, EXPORT_WIDTH, EXPORT_HEIGHT);
            case SVG -> ImageExport.svg(chart, out, EXPORT_WIDTH, EXPORT_HEIGHT);
            case CSV -> {
                String text = csv.get();
                AtomicFiles.write(out, w -> w.write(text));
            }
        }
    }

    private void choose(Format f) {
        String ext = f.name().toLowerCase(Locale.ROOT);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export " + (chart.getTitle() == null ? id : chart.getTitle().getText()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(f.name() + " files", "*." + ext));
        chooser.setInitialFileName(id + "." + ext);
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file == null) return;
        try {
            export(f, file.toPath());
        } catch (IOException | RuntimeException e) {
            new Alert(Alert.AlertType.ERROR, "Could not write " + file + ": " + e.getMessage()).showAndWait();
        }
    }
}
