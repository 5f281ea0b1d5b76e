package org.preemptlab.app.gui.run;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import java.nio.IntBuffer;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.preemptlab.time.SimTime;

/**
 * Paints a Gantt view-model onto a canvas: chrome (axis, gutter, pool headers, grid, cursor) and
 * the frame's rectangles. Thin on purpose: what to draw is decided by {@link GanttViewModel}.
 */
public final class GanttPainter {

    private static final Color BACKGROUND = Color.web("#FBFBFC");
    private static final Color ROW_ALT = Color.web("#F2F4F7");
    private static final Color HEADER = Color.web("#E4E8EE");
    private static final Color GRID = Color.web("#DADFE6");
    private static final Color TEXT = Color.web("#2B2F36");
    private static final Color MUTED = Color.web("#6B7280");
    private static final Color CURSOR = Color.web("#D7263D");
    private static final Color HIGHLIGHT = Color.web("#111827");
    private static final Font SMALL = Font.font("System", 11);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);

    private final GanttPalette palette = new GanttPalette();
    private final GanttFrame frame = new GanttFrame();
    private final BarRaster raster = new BarRaster();
    private WritableImage image;
    private PixelBuffer<IntBuffer> buffer;
    private static final int BACKGROUND_ARGB = GanttPalette.toArgb(Color.web("#FBFBFC"));
    private static final int ROW_ALT_ARGB = GanttPalette.toArgb(Color.web("#F2F4F7"));
    private static final int HEADER_ARGB = GanttPalette.toArgb(Color.web("#E4E8EE"));
    private static final int GRID_ARGB = GanttPalette.toArgb(Color.web("#DADFE6"));

    public GanttFrame lastFrame() {
        return frame;
    }

    public void paint(GraphicsContext gc, GanttViewModel vm) {
        vm.buildFrame(frame);
        double w = vm.width();
        double h = vm.height();
        double left = vm.plotLeft();
        double top = vm.plotTop();
        List<LayoutRow> rows = vm.layout();
        List<TimeTick> ticks = vm.ticks();
        rasterize(vm, rows, ticks);

        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, w, h);
        gc.drawImage(image, 0, 0, raster.width(), raster.height(), left, GanttViewModel.AXIS_HEIGHT, raster.width(), raster.height());
        gc.save();
        gc.beginPath();
        gc.rect(left, GanttViewModel.AXIS_HEIGHT, w - left, h - GanttViewModel.AXIS_HEIGHT);
        gc.clip();
        paintLabels(gc, vm);
        paintHighlights(gc, vm);
        gc.restore();

        paintGutter(gc, vm, rows, vm.index().groups());
        paintAxis(gc, vm, ticks);
        paintCursor(gc, vm);
    }

    /** Row bands, grid and every rectangle of the frame into the raster, then into the image. */
    private void rasterize(GanttViewModel vm, List<LayoutRow> rows, List<TimeTick> ticks) {
        double ox = vm.plotLeft();
        double oy = GanttViewModel.AXIS_HEIGHT;
        int rw = (int) Math.ceil(vm.width() - ox);
        int rh = (int) Math.ceil(vm.height() - oy);
        boolean replaced = raster.resize(rw, rh);
        int plotTop = (int) Math.round(vm.plotTop() - oy);
        // every pixel is written once here: the queue lane, each visible row band, then what is below the rows
        raster.clip(0, plotTop);
        raster.fill(0, 0, rw, plotTop, BACKGROUND_ARGB);
        raster.clip(plotTop, rh);
        double covered = plotTop;
        for (LayoutRow r : rows) {
            double y = vm.screenY(r);
            if (y + r.height() < vm.plotTop()) continue;
            if (y > vm.height()) break;
            int color = r.header() ? HEADER_ARGB : (r.node() & 1) == 1 ? ROW_ALT_ARGB : BACKGROUND_ARGB;
            raster.fill(0, y - oy, rw, r.height(), color);
            covered = Math.max(covered, y - oy + r.height());
        }
        if (covered < rh) raster.fill(0, covered, rw, rh - covered, BACKGROUND_ARGB);
        raster.clip(0, rh);
        for (TimeTick t : ticks) raster.vline((int) Math.floor(t.x() - ox), 0, rh, GRID_ARGB);
        for (int i = 0, n = frame.size(); i < n; i++) {
            int style = frame.style(i);
            boolean queue = GanttFrame.kindOf(style) == BarKind.QUEUE;
            raster.clip(queue ? 0 : plotTop, queue ? plotTop : rh);
            double rwid = frame.w(i);
            RasterTile tile = rwid >= 4 ? palette.tile(style) : null;
            if (tile != null) raster.fill(frame.x(i) - ox, frame.y(i) - oy, rwid, frame.h(i), tile);
            else raster.fill(frame.x(i) - ox, frame.y(i) - oy, rwid, frame.h(i), palette.argb(style));
        }
        raster.clip(0, rh);
        if (replaced || buffer == null) {
            buffer = new PixelBuffer<>(rw, rh, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            buffer.updateBuffer(b -> null);
        }
    }

    private void paintLabels(GraphicsContext gc, GanttViewModel vm) {
        if (frame.labelCount() == 0) return;
        gc.setFont(SMALL);
        gc.setFill(Color.WHITE);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        RunRecord run = vm.index().run();
        for (int i = 0; i < frame.labelCount(); i++) {
            String name = run.job(frame.labelJob(i)).name();
            int fits = (int) (frame.labelWidth(i) / 6.4);
            if (fits < 2) continue;
            if (name.length() > fits) name = name.substring(0, Math.max(1, fits - 1)) + "…";
            gc.fillText(name, frame.labelX(i), frame.labelY(i));
        }
    }

    private void paintHighlights(GraphicsContext gc, GanttViewModel vm) {
        gc.setStroke(HIGHLIGHT);
        gc.setLineWidth(2);
        for (int i = 0, n = frame.size(); i < n; i++) {
            int j = frame.job(i);
            if (j >= 0 && vm.isHighlighted(j)) gc.strokeRect(frame.x(i) + 1, frame.y(i) + 1, Math.max(1, frame.w(i) - 2), Math.max(1, frame.h(i) - 2));
        }
    }

    private void paintGutter(GraphicsContext gc, GanttViewModel vm, List<LayoutRow> rows, List<PoolGroup> groups) {
        double top = vm.plotTop();
        double left = vm.plotLeft();
        double h = vm.height();
        gc.save();
        gc.beginPath();
        gc.rect(0, top, vm.width(), h - top);
        gc.clip();
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        var cluster = vm.index().run().cluster();
        for (LayoutRow r : rows) {
            double y = vm.screenY(r);
            if (y + r.height() < top) continue;
            if (y > h) break;
            if (r.header()) {
                gc.setFill(HEADER);
                gc.fillRect(0, y, left, r.height());
                PoolGroup g = groups.get(r.group());
                gc.setFill(TEXT);
                gc.setFont(BOLD);
                String arrow = vm.isCollapsed(r.group()) ? "▸ " : "▾ ";
                gc.fillText(arrow + g.name(), 6, y + r.height() / 2, left - 10);
                if (!vm.isCollapsed(r.group())) {
                    gc.setFont(SMALL);
                    gc.setFill(MUTED);
                    gc.fillText(g.rowCount() + " × " + g.coresPerRow() + " cores", left + 6, y + r.height() / 2);
                }
            } else {
                gc.setFill(BACKGROUND);
                gc.fillRect(0, y, left - 1, r.height());
                if (r.height() >= 9) {
                    gc.setFill(TEXT);
                    gc.setFont(SMALL);
                    gc.fillText(cluster.nodeName(r.node()), 14, y + r.height() / 2, left - 20);
                }
            }
        }
        gc.restore();
        gc.setStroke(GRID);
        gc.strokeLine(left - 0.5, 0, left - 0.5, h);
    }

    private void paintAxis(GraphicsContext gc, GanttViewModel vm, List<TimeTick> ticks) {
        double w = vm.width();
        double left = vm.plotLeft();
        gc.setFill(HEADER);
        gc.fillRect(0, 0, w, GanttViewModel.AXIS_HEIGHT);
        gc.setFill(TEXT);
        gc.setFont(SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        for (TimeTick t : ticks) {
            if (t.x() < left) continue;
            gc.fillText(t.label(), t.x() + 3, GanttViewModel.AXIS_HEIGHT / 2);
        }
        gc.setFill(BACKGROUND);
        gc.fillRect(0, GanttViewModel.AXIS_HEIGHT, left - 1, GanttViewModel.QUEUE_HEIGHT);
        gc.setFill(MUTED);
        gc.fillText("queue (max " + (int) vm.index().queue().max() + ")", 6,
                GanttViewModel.AXIS_HEIGHT + GanttViewModel.QUEUE_HEIGHT / 2, left - 10);
        gc.setFill(TEXT);
        gc.setFont(BOLD);
        gc.fillText("time", 6, GanttViewModel.AXIS_HEIGHT / 2);
        gc.setStroke(GRID);
        gc.strokeLine(0, vm.plotTop() - 0.5, w, vm.plotTop() - 0.5);
    }

    private void paintCursor(GraphicsContext gc, GanttViewModel vm) {
        double x = vm.xOf(vm.cursorProperty().get());
        if (x < vm.plotLeft() || x > vm.width()) return;
        x = Math.floor(x) + 0.5;
        gc.setStroke(CURSOR);
        gc.setLineWidth(1.5);
        gc.strokeLine(x, 0, x, vm.height());
        String label = SimTime.format(vm.cursorProperty().get());
        gc.setFont(BOLD);
        double tw = label.length() * 6.6 + 8;
        double lx = Math.min(x + 2, vm.width() - tw);
        gc.setFill(CURSOR);
        gc.fillRect(lx, 2, tw, GanttViewModel.AXIS_HEIGHT - 4);
        gc.setFill(Color.WHITE);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.fillText(label, lx + 4, GanttViewModel.AXIS_HEIGHT / 2);
        gc.setLineWidth(1);
    }
}
