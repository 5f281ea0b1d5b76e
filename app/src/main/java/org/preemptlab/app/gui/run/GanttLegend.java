package org.preemptlab.app.gui.run;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;

/**
 * The key to the Gantt's colours and patterns, with the "Colour by" choice: the names the colours
 * stand for (QOS outlines when colouring by job), then states and event marks.
 */
public final class GanttLegend extends FlowPane {

    /** Names listed before "+ n more". */
    static final int MAX_NAMES = 12;

    private final GanttPalette palette = new GanttPalette();
    private final GanttViewModel vm;
    private final ComboBox<ColorBy> colorBy = new ComboBox<>();

    public GanttLegend(GanttViewModel vm) {
        super(12, 4);
        this.vm = vm;
        getStyleClass().add("gantt-legend");
        setPadding(new Insets(4, 8, 4, 8));
        colorBy.getItems().setAll(ColorBy.values());
        colorBy.setId("gantt-color-by");
        colorBy.setTooltip(new Tooltip("What the bar colours tell apart. By job: each job its own colour, its QOS as the outline."
                + " A name has the same colour in every scenario."));
        colorBy.valueProperty().bindBidirectional(vm.colorByProperty());
        vm.colorByProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    public ComboBox<ColorBy> colorByChoice() {
        return colorBy;
    }

    private void refresh() {
        getChildren().clear();
        Label title = new Label("Colour by");
        HBox choice = new HBox(4, title, colorBy);
        choice.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(choice);
        ColorBy by = vm.colorByProperty().get();
        List<String> names = vm.classNames();
        boolean outline = by == ColorBy.JOB;
        for (int c = 0; c < Math.min(MAX_NAMES, names.size()); c++) {
            String name = names.get(c);
            int color = vm.colorOfName(name);
            String text = outline ? "QOS " + name + " (outline)" : by == ColorBy.QOS ? "QOS " + name : name;
            add(outline ? -1 : GanttFrame.style(BarKind.RUNNING, color, false), outline ? color : -1, text);
        }
        if (names.size() > MAX_NAMES) getChildren().add(new Label("+ " + (names.size() - MAX_NAMES) + " more"));
        int neutral = 0;
        add(GanttFrame.style(BarKind.SUSPENDED, neutral, false), -1, BarKind.SUSPENDED.label());
        add(GanttFrame.style(BarKind.CHECKPOINTING, neutral, false), -1, BarKind.CHECKPOINTING.label());
        add(GanttFrame.style(BarKind.RESTARTING, neutral, false), -1, BarKind.RESTARTING.label());
        add(GanttFrame.style(BarKind.STOPPING, neutral, false), -1, BarKind.STOPPING.label());
        add(GanttFrame.style(BarKind.LOST, 0, false), -1, BarKind.LOST.label());
        add(GanttFrame.style(BarKind.MAINTENANCE, 0, false), -1, BarKind.MAINTENANCE.label());
        add(GanttFrame.style(BarKind.MAINTENANCE, GanttPalette.RESERVATION, false), -1, "reservation");
        add(GanttFrame.style(BarKind.NODE_DOWN, 0, false), -1, BarKind.NODE_DOWN.label());
        add(GanttFrame.style(BarKind.PREEMPT_MARK, 0, false), -1, "▌ " + BarKind.PREEMPT_MARK.label());
        add(GanttFrame.style(BarKind.CHECKPOINT_MARK, 0, false), -1, "▌ " + BarKind.CHECKPOINT_MARK.label());
        add(GanttFrame.style(BarKind.RESTART_MARK, 0, false), -1, "▌ " + BarKind.RESTART_MARK.label());
        add(GanttFrame.style(BarKind.FAILURE_MARK, 0, false), -1, "▌ " + BarKind.FAILURE_MARK.label());
        add(GanttFrame.style(BarKind.QUEUE, 0, false), -1, "queue length");
        add(GanttFrame.style(BarKind.RUNNING, neutral, true), -1, "after the cursor");
    }

    /** A swatch: filled with {@code style}, or (style -1) white with an outline of colour index {@code outline}. */
    private void add(int style, int outline, String text) {
        Canvas swatch = new Canvas(26, 12);
        GraphicsContext gc = swatch.getGraphicsContext2D();
        gc.setFill(Color.WHITE);
        gc.fillRect(0, 0, 26, 12);
        BarKind kind = style < 0 ? null : GanttFrame.kindOf(style);
        if (kind != null && kind.isMarker()) {
            gc.setFill(palette.flat(style));
            gc.fillRect(11, 0, 4, 12);
        } else if (style >= 0) {
            gc.setFill(palette.paint(style, 26));
            gc.fillRect(0, 0, 26, 12);
        }
        if (outline >= 0) {
            gc.setStroke(palette.flat(GanttFrame.style(BarKind.RUNNING, outline, false)));
            gc.setLineWidth(2);
            gc.strokeRect(1, 1, 24, 10);
        } else {
            gc.setStroke(Color.web("#9AA1AB"));
            gc.strokeRect(0.5, 0.5, 25, 11);
        }
        HBox item = new HBox(4, swatch, new Label(kind != null && kind.isMarker() ? text.substring(2) : text));
        item.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(item);
    }
}
