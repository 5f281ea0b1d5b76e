package org.preemptlab.app.gui.run;

import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * The Gantt's drawing surface, in layers: the plot (every bar, row band, grid line, highlight and
 * the cursor line) is one software-rasterised image shown by an {@link ImageView}; the time axis,
 * the gutter of node names and the job-name labels are small canvases around and over it. Showing
 * the raster as an image view instead of drawing it into one big canvas saves a full-size copy per
 * frame (the canvas' own render texture); the labels' canvas is hidden when no bar is wide enough
 * for a name, which is always the case when tens of thousands of bars are in view.
 */
public final class GanttSurface extends Region {

    private final ImageView plot = new ImageView();
    private final Canvas axis = new Canvas();
    private final Canvas gutter = new Canvas();
    private final Canvas labels = new Canvas();
    private final GanttPainter painter = new GanttPainter();
    private GanttViewModel vm;

    public GanttSurface() {
        plot.setSmooth(false);
        labels.setMouseTransparent(true);
        getChildren().addAll(plot, labels, gutter, axis);
        getStyleClass().add("gantt-surface");
    }

    /** Sizes the layers for the view-model's viewport and paints it. */
    public void paint(GanttViewModel model) {
        this.vm = model;
        double w = model.width();
        double h = model.height();
        double left = model.plotLeft();
        double top = GanttViewModel.AXIS_HEIGHT;
        setSize(axis, w, top);
        axis.relocate(0, 0);
        setSize(gutter, left, h - top);
        gutter.relocate(0, top);
        setSize(labels, w - left, h - top);
        labels.relocate(left, top);
        plot.relocate(left, top);
        painter.paint(this, model);
    }

    private static void setSize(Canvas c, double w, double h) {
        if (c.getWidth() != w) c.setWidth(Math.max(1, w));
        if (c.getHeight() != h) c.setHeight(Math.max(1, h));
    }

    ImageView plot() {
        return plot;
    }

    Canvas axis() {
        return axis;
    }

    Canvas gutter() {
        return gutter;
    }

    Canvas labels() {
        return labels;
    }

    /** The last frame's draw list (tests). */
    public GanttFrame lastFrame() {
        return painter.lastFrame();
    }

    @Override
    protected double computePrefWidth(double height) {
        return vm == null ? 0 : vm.width();
    }

    @Override
    protected double computePrefHeight(double width) {
        return vm == null ? 0 : vm.height();
    }

    @Override
    protected void layoutChildren() {
        // the layers are placed by paint()
    }
}
