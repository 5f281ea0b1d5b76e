package org.preemptlab.app.gui.run;

import java.nio.IntBuffer;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.preemptlab.time.SimTime;

/**
 * Paints a Gantt view-model onto a {@link GanttSurface}: the plot (row bands, grid, every
 * rectangle of the frame, highlights, the cursor line) into a software raster shown as an image,
 * and the chrome (axis, gutter, pool headers, job names) onto small canvases. Thin on purpose:
 * what to draw is decided by {@link GanttViewModel}.
 */
public final class GanttPainter {

    private static final Color BACKGROUND = Color.web("#FBFBFC");
    private static final Color HEADER = Color.web("#E4E8EE");
    private static final Color GRID = Color.web("#DADFE6");
    private static final Color TEXT = Color.web("#2B2F36");
    private static final Color MUTED = Color.web("#6B7280");
    private static final Color CURSOR = Color.web("#D7263D");
    private static final Font SMALL = Font.font("System", 11);
    private static final Font BOLD = Font.font("System", FontWeight.BOLD, 11);
    private static final Font TINY = Font.font("System", 9);
    private static final int BACKGROUND_ARGB = GanttPalette.toArgb(BACKGROUND);
    private static final int ROW_ALT_ARGB = GanttPalette.toArgb(Color.web("#F2F4F7"));
    private static final int HEADER_ARGB = GanttPalette.toArgb(HEADER);
    private static final int GRID_ARGB = GanttPalette.toArgb(GRID);
    private static final int CURSOR_ARGB = GanttPalette.toArgb(CURSOR);
    private static final int HIGHLIGHT_ARGB = GanttPalette.toArgb(Color.web("#111827"));

    private final GanttPalette palette = new GanttPalette();
    private final GanttFrame frame = new GanttFrame();
    private final BarRaster raster = new BarRaster();
    private WritableImage image;
    private PixelBuffer<IntBuffer> buffer;
    private List<LayoutRow> lastRows;
    private double lastScrollY, lastHeight;
    private Object lastGutter;
    private GanttIndex lastIndex;

    public GanttFrame lastFrame() {
        return frame;
    }

    public void paint(GanttSurface surface, GanttViewModel vm) {
        vm.buildFrame(frame);
        List<LayoutRow> rows = vm.layout();
        List<TimeTick> ticks = vm.ticks();
        rasterize(vm, rows, ticks);
        if (surface.plot().getImage() != image) surface.plot().setImage(image);
        paintLabels(surface.labels().getGraphicsContext2D(), vm, surface, rows);
        // the gutter only changes with the rows (layout, scroll, size, collapsed pools): panning and the cursor leave it
        if (rows != lastRows || vm.scrollY() != lastScrollY || vm.height() != lastHeight || surface.gutter() != lastGutter
                || vm.index() != lastIndex) {
            paintGutter(surface.gutter().getGraphicsContext2D(), vm, rows, vm.index().groups());
            lastRows = rows;
            lastScrollY = vm.scrollY();
            lastHeight = vm.height();
            lastGutter = surface.gutter();
            lastIndex = vm.index();
        }
        paintAxis(surface.axis().getGraphicsContext2D(), vm, ticks);
    }

    /** Row bands, grid, every rectangle of the frame, highlights and the cursor into the raster, then into the image. */
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
        raster.clip(plotTop, rh);
        for (int i = 0, n = frame.size(); i < n; i++) { // class outlines on blocks big enough to carry one
            int o = frame.outline(i);
            if (o < 0 || frame.w(i) < 12) continue;
            int style = frame.style(i);
            int argb = palette.argb(GanttFrame.style(BarKind.RUNNING, o & 0xFC, GanttFrame.isFaded(style)));
            border(frame.x(i) - ox, frame.y(i) - oy, frame.w(i), frame.h(i), frame.w(i) >= 14 ? 2 : 1, argb,
                    (o & GanttFrame.OUTLINE_TOP) != 0, (o & GanttFrame.OUTLINE_BOTTOM) != 0);
        }
        raster.clip(0, rh);
        raster.fill(0, plotTop - 1, rw, 1, GRID_ARGB);
        if (vm.hasHighlights()) {
            raster.clip(plotTop, rh);
            for (int i = 0, n = frame.size(); i < n; i++) {
                int j = frame.job(i);
                if (j >= 0 && vm.isHighlighted(j)) outline(frame.x(i) - ox, frame.y(i) - oy, frame.w(i), frame.h(i));
            }
            raster.clip(0, rh);
        }
        double cx = vm.xOf(vm.cursorProperty().get());
        if (cx >= ox && cx <= vm.width()) raster.fill(Math.floor(cx - ox), 0, 2, rh, CURSOR_ARGB);
        if (replaced || buffer == null) {
            buffer = new PixelBuffer<>(rw, rh, IntBuffer.wrap(raster.pixels()), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(buffer);
        } else {
            buffer.updateBuffer(b -> null);
        }
    }

    /** A frame {@code t} pixels thick along the inside of the rectangle. */
    private void border(double x, double y, double w, double h, int t, int argb, boolean top, boolean bottom) {
        if (top) raster.fill(x, y, w, t, argb);
        if (bottom) raster.fill(x, y + h - t, w, t, argb);
        raster.fill(x, y, t, h, argb);
        raster.fill(x + w - t, y, t, h, argb);
    }

    /** A 2-pixel frame just inside the rectangle. */
    private void outline(double x, double y, double w, double h) {
        double x0 = x + 1, y0 = y + 1, w0 = Math.max(2, w - 2), h0 = Math.max(2, h - 2);
        raster.fill(x0, y0, w0, 2, HIGHLIGHT_ARGB);
        raster.fill(x0, y0 + h0 - 2, w0, 2, HIGHLIGHT_ARGB);
        raster.fill(x0, y0, 2, h0, HIGHLIGHT_ARGB);
        raster.fill(x0 + w0 - 2, y0, 2, h0, HIGHLIGHT_ARGB);
    }

    /**
     * Job names on bars wide enough for them, and each expanded pool's size on its (empty) header
     * band, "4 nodes × 8 cores" (the layer is hidden when there is neither).
     */
    private void paintLabels(GraphicsContext gc, GanttViewModel vm, GanttSurface surface, List<LayoutRow> rows) {
        boolean headers = rows.stream().anyMatch(r -> r.header() && !vm.isCollapsed(r.group()));
        boolean any = frame.labelCount() > 0 || headers;
        surface.labels().setVisible(any);
        if (!any) return;
        double ox = vm.plotLeft();
        double oy = GanttViewModel.AXIS_HEIGHT;
        gc.clearRect(0, 0, surface.labels().getWidth(), surface.labels().getHeight());
        gc.setFont(SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        if (headers) {
            gc.setFill(MUTED);
            for (LayoutRow r : rows) {
                if (!r.header() || vm.isCollapsed(r.group())) continue;
                double y = vm.screenY(r);
                if (y < vm.plotTop() || y > vm.height()) continue;
                gc.fillText(vm.index().groups().get(r.group()).sizeText(), 6, y + r.height() / 2 - oy);
            }
        }
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        RunRecord run = vm.index().run();
        for (int i = 0; i < frame.labelCount(); i++) {
            if (frame.labelY(i) < vm.plotTop()) continue;
            int style = frame.labelStyle(i);
            String name = labelText(run.job(frame.labelJob(i)).name(), GanttFrame.kindOf(style), frame.labelWidth(i));
            if (name == null) continue;
            boolean light = GanttFrame.kindOf(style) == BarKind.SUSPENDED || palette.lightBackground(style);
            gc.setFill(light ? TEXT : Color.WHITE);
            gc.fillText(name, frame.labelX(i) - ox, frame.labelY(i) - oy);
        }
    }

    /**
     * The text of a job label at most {@code width} px wide: the name, "name suspended" on a
     * suspended lane, cut with "…"; null if not even two characters fit.
     */
    static String labelText(String name, BarKind kind, double width) {
        int fits = (int) (width / 6.4);
        if (fits < 2) return null;
        if (kind == BarKind.SUSPENDED && name.length() + 10 <= fits) return name + " suspended";
        if (kind == BarKind.STOPPING && name.length() + 9 <= fits) return name + " stopping";
        if (name.length() > fits) name = name.substring(0, Math.max(1, fits - 1)) + "…";
        return name;
    }

    /** Node names and pool headers, in the gutter's own coordinates (y from the axis' bottom). */
    private void paintGutter(GraphicsContext gc, GanttViewModel vm, List<LayoutRow> rows, List<PoolGroup> groups) {
        double oy = GanttViewModel.AXIS_HEIGHT;
        double left = vm.plotLeft();
        double h = vm.height() - oy;
        double top = vm.plotTop() - oy;
        gc.setFill(BACKGROUND);
        gc.fillRect(0, 0, left, h);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        gc.setFill(MUTED);
        gc.setFont(SMALL);
        gc.fillText("queue (max " + (int) vm.index().queue().max() + ")", 6, top / 2, left - 10);
        gc.save();
        gc.beginPath();
        gc.rect(0, top, left, h - top);
        gc.clip();
        double lastLabel = -1e9;
        for (LayoutRow r : rows) {
            double y = vm.screenY(r) - oy;
            if (y + r.height() < top) continue;
            if (y > h) break;
            if (r.header()) {
                gc.setFill(HEADER);
                gc.fillRect(0, y, left, r.height());
                PoolGroup g = groups.get(r.group());
                gc.setFill(TEXT);
                gc.setFont(BOLD);
                String arrow = vm.isCollapsed(r.group()) ? "▸ " : "▾ ";
                gc.fillText(arrow + g.name(), 6, y + GanttViewModel.HEADER_HEIGHT / 2, left - 10);
                if (vm.isCollapsed(r.group())) {
                    gc.setFill(MUTED);
                    gc.setFont(SMALL);
                    gc.fillText(g.sizeText(), 14, y + GanttViewModel.HEADER_HEIGHT + GanttViewModel.STRIP_HEIGHT / 2, left - 20);
                }
                lastLabel = -1e9;
            } else if (y + r.height() / 2 - lastLabel >= 12) { // a name wherever there is room: every row, or every few
                gc.setFill(TEXT);
                gc.setFont(r.height() >= 9 ? SMALL : TINY);
                gc.fillText(vm.index().rowName(r.node()), 14, y + r.height() / 2, left - 20);
                lastLabel = y + r.height() / 2;
            }
        }
        gc.restore();
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        gc.strokeLine(0, top - 0.5, left, top - 0.5);
        gc.strokeLine(left - 0.5, 0, left - 0.5, h);
    }

    private void paintAxis(GraphicsContext gc, GanttViewModel vm, List<TimeTick> ticks) {
        double w = vm.width();
        double left = vm.plotLeft();
        double ah = GanttViewModel.AXIS_HEIGHT;
        gc.setFill(HEADER);
        gc.fillRect(0, 0, w, ah);
        gc.setFill(TEXT);
        gc.setFont(SMALL);
        gc.setTextBaseline(VPos.CENTER);
        gc.setTextAlign(TextAlignment.LEFT);
        double cx = Math.floor(vm.xOf(vm.cursorProperty().get()));
        boolean cursorShown = cx >= left && cx <= w;
        String label = SimTime.format(vm.cursorProperty().get());
        double tw = cursorLabelWidth(label);
        double lx = Math.min(cx + 2, w - tw);
        for (TimeTick t : ticks) {
            if (tickLabelShown(t, left, w, cursorShown, lx, tw)) gc.fillText(t.label(), t.x() + 3, ah / 2);
        }
        gc.setFont(BOLD);
        gc.fillText("time", 6, ah / 2);
        gc.setStroke(GRID);
        gc.setLineWidth(1);
        gc.strokeLine(left - 0.5, 0, left - 0.5, ah);
        if (!cursorShown) return;
        double x = cx;
        gc.setFill(CURSOR);
        gc.fillRect(x, 0, 2, ah);
        gc.fillRect(lx, 2, tw, ah - 4);
        gc.setFill(Color.WHITE);
        gc.fillText(label, lx + 4, ah / 2);
    }

    /** Width of the cursor's time label on the axis (its box). */
    static double cursorLabelWidth(String label) {
        return label.length() * 6.6 + 8;
    }

    /**
     * Whether an axis tick's label is drawn whole: inside the plot, not cut at the right edge, and not
     * under the cursor's label (box at {@code cursorLabelX}, {@code cursorLabelWidth} wide) — drawn
     * there, it was clipped to "21:0".
     */
    static boolean tickLabelShown(TimeTick t, double plotLeft, double width, boolean cursorShown, double cursorLabelX,
            double cursorLabelWidth) {
        if (t.x() < plotLeft) return false;
        double x0 = t.x() + 3, x1 = x0 + t.label().length() * 6.6;
        if (x1 > width) return false; // would be cut at the right edge
        return !(cursorShown && x1 > cursorLabelX - 4 && x0 < cursorLabelX + cursorLabelWidth + 4);
    }
}
