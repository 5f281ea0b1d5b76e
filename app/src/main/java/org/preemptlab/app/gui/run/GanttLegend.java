package org.preemptlab.app.gui.run;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;

/** The key to the Gantt's colours and patterns: classes (QOS) first, then states. */
public final class GanttLegend extends FlowPane {

    private final GanttPalette palette = new GanttPalette();

    public GanttLegend() {
        super(12, 4);
        getStyleClass().add("gantt-legend");
        setPadding(new Insets(4, 8, 4, 8));
    }

    public void show(List<String> classes) {
        getChildren().clear();
        for (int c = 0; c < classes.size(); c++) {
            add(GanttFrame.style(BarKind.RUNNING, (c % 16) * 4, false), "QOS " + classes.get(c));
        }
        int neutral = 0;
        add(GanttFrame.style(BarKind.SUSPENDED, neutral, false), BarKind.SUSPENDED.label());
        add(GanttFrame.style(BarKind.CHECKPOINTING, neutral, false), BarKind.CHECKPOINTING.label());
        add(GanttFrame.style(BarKind.RESTARTING, neutral, false), BarKind.RESTARTING.label());
        add(GanttFrame.style(BarKind.STOPPING, neutral, false), BarKind.STOPPING.label());
        add(GanttFrame.style(BarKind.LOST, 0, false), BarKind.LOST.label());
        add(GanttFrame.style(BarKind.MAINTENANCE, 0, false), BarKind.MAINTENANCE.label());
        add(GanttFrame.style(BarKind.NODE_DOWN, 0, false), BarKind.NODE_DOWN.label());
        add(GanttFrame.style(BarKind.RESERVATION, 0, false), BarKind.RESERVATION.label());
        add(GanttFrame.style(BarKind.QUEUE, 0, false), "queue length");
        add(GanttFrame.style(BarKind.RUNNING, neutral, true), "after the cursor");
    }

    private void add(int style, String text) {
        Canvas swatch = new Canvas(26, 12);
        GraphicsContext gc = swatch.getGraphicsContext2D();
        gc.setFill(javafx.scene.paint.Color.WHITE);
        gc.fillRect(0, 0, 26, 12);
        gc.setFill(palette.paint(style, 26));
        gc.fillRect(0, 0, 26, 12);
        gc.setStroke(javafx.scene.paint.Color.web("#9AA1AB"));
        gc.strokeRect(0.5, 0.5, 25, 11);
        HBox item = new HBox(4, swatch, new Label(text));
        item.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(item);
    }
}
