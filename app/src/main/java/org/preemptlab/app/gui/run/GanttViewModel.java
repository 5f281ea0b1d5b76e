package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

/**
 * The state and logic of one Gantt chart: the visible time range and vertical scroll, collapsed
 * pools, the cursor (shared with its owner), highlighted jobs; layout, hit-testing and the
 * building of each frame's draw list with culling and level of detail. No drawing and no scene
 * graph here: the canvas only paints {@link GanttFrame}s.
 *
 * <p>Level of detail: only rows inside the viewport and bars inside the time window are visited
 * (binary search per row); in each lane of a row, consecutive bars narrower than
 * {@value #MIN_BAR_PX} px that touch (gap below one pixel) merge into one rectangle; the queue
 * lane and collapsed pools are sampled once per pixel column.
 */
public final class GanttViewModel {

    public static final double AXIS_HEIGHT = 26;
    public static final double QUEUE_HEIGHT = 40;
    public static final double GUTTER_WIDTH = 132;
    public static final double HEADER_HEIGHT = 20;
    static final double MIN_BAR_PX = 2;
    private static final double MERGE_GAP_PX = 1;
    private static final double MIN_SPAN_SECONDS = 10;
    private static final int LOAD_LEVELS = 10;
    private static final BarKind[] KINDS = BarKind.values();

    private final GanttIndex index;
    private final LongProperty cursor;
    private final LongProperty revision = new SimpleLongProperty(this, "revision", 0);
    private final BooleanProperty showFuture = new SimpleBooleanProperty(this, "showFuture", false);
    private final ObservableSet<Integer> highlighted = FXCollections.observableSet(new TreeSet<>());
    private final IntegerProperty selectedJob = new SimpleIntegerProperty(this, "selectedJob", -1);
    private final boolean[] highlightMask;
    private final boolean[] collapsed;
    private final int[] jobColor;
    private final List<String> classes;

    private double width = 800;
    private double height = 500;
    private double viewStart;
    private double viewSpan = 1;
    private double rowHeight = 22;
    private boolean autoRowHeight = true;
    private boolean userRange;
    private double scrollY;
    private List<LayoutRow> layout;
    private double contentHeight;

    // per-lane merge state for frame building
    private final double[] pendX0 = new double[RowBars.MAX_LANES];
    private final double[] pendX1 = new double[RowBars.MAX_LANES];
    private final int[] pendStyle = new int[RowBars.MAX_LANES];
    private final int[] pendJob = new int[RowBars.MAX_LANES];
    private final boolean[] pending = new boolean[RowBars.MAX_LANES];

    public GanttViewModel(GanttIndex index, LongProperty cursor) {
        this.index = index;
        this.cursor = cursor;
        RunRecord run = index.run();
        this.highlightMask = new boolean[run.jobs().size()];
        this.collapsed = new boolean[index.groups().size()];
        TreeSet<String> qos = new TreeSet<>();
        for (JobFacts j : run.jobs()) qos.add(j.qos());
        this.classes = List.copyOf(qos);
        this.jobColor = new int[run.jobs().size()];
        for (int j = 0; j < jobColor.length; j++) {
            int c = classes.indexOf(run.job(j).qos());
            jobColor[j] = (c % 16) * 4 + (j % 3);
        }
        cursor.addListener((o, a, b) -> changed());
        showFuture.addListener((o, a, b) -> changed());
        selectedJob.addListener((o, a, b) -> {
            setMask(a.intValue(), highlighted.contains(a.intValue()));
            setMask(b.intValue(), true);
            changed();
        });
        highlighted.addListener((SetChangeListener<Integer>) c -> {
            if (c.wasRemoved()) setMask(c.getElementRemoved(), c.getElementRemoved() == selectedJob.get());
            if (c.wasAdded()) setMask(c.getElementAdded(), true);
            changed();
        });
        fitAll();
    }

    private void setMask(int job, boolean on) {
        if (job >= 0 && job < highlightMask.length) highlightMask[job] = on;
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    // ---------------------------------------------------------------- state

    public GanttIndex index() {
        return index;
    }

    /** Bumped whenever anything drawn changes: the canvas repaints on it. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public BooleanProperty showFutureProperty() {
        return showFuture;
    }

    public ObservableSet<Integer> highlightedJobs() {
        return highlighted;
    }

    public IntegerProperty selectedJobProperty() {
        return selectedJob;
    }

    /** True if any job is highlighted or selected. */
    public boolean hasHighlights() {
        return selectedJob.get() >= 0 || !highlighted.isEmpty();
    }

    public boolean isHighlighted(int job) {
        return job >= 0 && job < highlightMask.length && highlightMask[job];
    }

    /** The QOS classes in colour order (class i uses colour indices 4i … 4i+3). */
    public List<String> classNames() {
        return classes;
    }

    public int colorOfJob(int job) {
        return jobColor[job];
    }

    public void setViewport(double newWidth, double newHeight) {
        if (newWidth == width && newHeight == height) return;
        width = Math.max(GUTTER_WIDTH + 10, newWidth);
        height = Math.max(AXIS_HEIGHT + QUEUE_HEIGHT + 10, newHeight);
        if (autoRowHeight) fitRowHeight();
        clampScroll();
        changed();
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public double plotLeft() {
        return GUTTER_WIDTH;
    }

    public double plotWidth() {
        return Math.max(1, width - GUTTER_WIDTH);
    }

    public double plotTop() {
        return AXIS_HEIGHT + QUEUE_HEIGHT;
    }

    public double plotHeight() {
        return Math.max(1, height - plotTop());
    }

    public double viewStart() {
        return viewStart;
    }

    public double viewSpan() {
        return viewSpan;
    }

    public double viewEnd() {
        return viewStart + viewSpan;
    }

    public double timeAt(double x) {
        return viewStart + (x - plotLeft()) * viewSpan / plotWidth();
    }

    public double xOf(double t) {
        return plotLeft() + (t - viewStart) * plotWidth() / viewSpan;
    }

    /** The whole run with a small margin. */
    public void fitAll() {
        RunRecord run = index.run();
        double span = run.span();
        setVisibleRange(run.startTime() - span * 0.01, span * 1.03);
        userRange = false;
    }

    /**
     * Carries the view of the previous frame of the same run over to this one (a live run gets a
     * new frame every refresh): size, row height, scroll, collapsed pools and, once the user has
     * zoomed or panned, the visible range; a range that showed the live edge keeps following it.
     */
    public void continueViewOf(GanttViewModel previous) {
        width = previous.width;
        height = previous.height;
        autoRowHeight = previous.autoRowHeight;
        rowHeight = previous.rowHeight;
        if (autoRowHeight) fitRowHeight();
        if (previous.collapsed.length == collapsed.length) System.arraycopy(previous.collapsed, 0, collapsed, 0, collapsed.length);
        showFuture.set(previous.showFuture.get());
        layout = null;
        if (previous.userRange) {
            double start = previous.viewStart;
            double oldEdge = previous.index.run().endTime();
            boolean followedEdge = previous.viewStart + previous.viewSpan >= oldEdge;
            if (followedEdge) start += index.run().endTime() - oldEdge;
            viewSpan = previous.viewSpan;
            viewStart = clampStart(start);
            userRange = true;
        }
        scrollY = previous.scrollY;
        clampScroll();
        changed();
    }

    public void setVisibleRange(double start, double span) {
        double maxSpan = index.run().span() * 4.0 + 3600;
        viewSpan = Math.max(MIN_SPAN_SECONDS, Math.min(maxSpan, span));
        viewStart = clampStart(start);
        userRange = true;
        changed();
    }

    private double clampStart(double start) {
        RunRecord run = index.run();
        double lo = run.startTime() - viewSpan * 0.9;
        double hi = run.endTime() - viewSpan * 0.1;
        return Math.max(lo, Math.min(hi, start));
    }

    /** Zooms by {@code factor} (&gt; 1 zooms in) keeping the time under screen x in place. */
    public void zoomAt(double factor, double x) {
        double px = Math.max(plotLeft(), Math.min(plotLeft() + plotWidth(), x));
        double anchor = timeAt(px);
        double span = Math.max(MIN_SPAN_SECONDS, Math.min(index.run().span() * 4.0 + 3600, viewSpan / factor));
        viewSpan = span;
        viewStart = clampStart(anchor - (px - plotLeft()) / plotWidth() * span);
        userRange = true;
        changed();
    }

    public void zoomAroundCursor(double factor) {
        zoomAt(factor, Math.max(plotLeft(), Math.min(plotLeft() + plotWidth(), xOf(cursor.get()))));
    }

    public void panByPixels(double dx) {
        viewStart = clampStart(viewStart - dx * viewSpan / plotWidth());
        userRange = true;
        changed();
    }

    /** Keeps time t on screen while the cursor moves: scrolls when it passes 85 % of the width. */
    public void follow(long t) {
        if (t > viewStart + viewSpan * 0.85) {
            viewStart = clampStart(t - viewSpan * 0.85);
            changed();
        } else if (t < viewStart) {
            viewStart = clampStart(t - viewSpan * 0.15);
            changed();
        }
    }

    public double rowHeight() {
        return rowHeight;
    }

    /** Until the user picks a row height, rows share the viewport's height (4 … 34 px each). */
    private void fitRowHeight() {
        int rows = Math.max(1, index.rowCount());
        double free = plotHeight() - index.groups().size() * HEADER_HEIGHT - 4;
        rowHeight = Math.max(4, Math.min(34, Math.floor(free / rows)));
        layout = null;
    }

    public void setRowHeight(double h) {
        autoRowHeight = false;
        rowHeight = Math.max(3, Math.min(60, h));
        layout = null;
        clampScroll();
        changed();
    }

    public double scrollY() {
        return scrollY;
    }

    public double maxScrollY() {
        return Math.max(0, contentHeight() - plotHeight());
    }

    public void scrollTo(double y) {
        scrollY = y;
        clampScroll();
        changed();
    }

    public void scrollBy(double dy) {
        scrollTo(scrollY + dy);
    }

    private void clampScroll() {
        scrollY = Math.max(0, Math.min(maxScrollY(), scrollY));
    }

    public boolean isCollapsed(int group) {
        return collapsed[group];
    }

    public void toggleGroup(int group) {
        setCollapsed(group, !collapsed[group]);
    }

    public void setCollapsed(int group, boolean value) {
        collapsed[group] = value;
        layout = null;
        clampScroll();
        changed();
    }

    // ---------------------------------------------------------------- layout

    public List<LayoutRow> layout() {
        if (layout == null) {
            List<LayoutRow> rows = new ArrayList<>();
            double y = 0;
            List<PoolGroup> groups = index.groups();
            for (int g = 0; g < groups.size(); g++) {
                rows.add(new LayoutRow(g, -1, y, HEADER_HEIGHT, true));
                y += HEADER_HEIGHT;
                if (collapsed[g]) continue;
                PoolGroup pg = groups.get(g);
                for (int r = 0; r < pg.rowCount(); r++) {
                    rows.add(new LayoutRow(g, pg.firstRow() + r, y, rowHeight, false));
                    y += rowHeight;
                }
            }
            layout = List.copyOf(rows);
            contentHeight = y;
        }
        return layout;
    }

    public double contentHeight() {
        layout();
        return contentHeight;
    }

    /** Screen y of a layout row's top edge. */
    public double screenY(LayoutRow row) {
        return plotTop() + row.y() - scrollY;
    }

    /** The layout row at screen y, or null. */
    public LayoutRow rowAt(double y) {
        if (y < plotTop()) return null;
        double cy = y - plotTop() + scrollY;
        List<LayoutRow> rows = layout();
        int lo = 0, hi = rows.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            LayoutRow r = rows.get(mid);
            if (cy < r.y()) hi = mid - 1;
            else if (cy >= r.y() + r.height()) lo = mid + 1;
            else return r;
        }
        return null;
    }

    /** Index of the first layout row whose band reaches below content y. */
    private int firstRowFrom(double cy) {
        List<LayoutRow> rows = layout();
        int lo = 0, hi = rows.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            LayoutRow r = rows.get(mid);
            if (r.y() + r.height() <= cy) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    public List<TimeTick> ticks() {
        return TimeAxis.ticks(viewStart, viewSpan, plotLeft(), plotWidth());
    }

    // ---------------------------------------------------------------- frame building

    /** Fills {@code frame} with what is visible now. */
    public void buildFrame(GanttFrame frame) {
        frame.clear();
        long t0 = (long) Math.floor(viewStart);
        long t1 = (long) Math.ceil(viewEnd());
        long cur = cursor.get();
        boolean future = showFuture.get();
        double pps = plotWidth() / viewSpan;
        buildQueueLane(frame, cur, future, pps);
        List<LayoutRow> rows = layout();
        double bottom = height;
        for (int k = firstRowFrom(scrollY); k < rows.size(); k++) {
            LayoutRow r = rows.get(k);
            double sy = screenY(r);
            if (sy > bottom) break;
            if (r.header()) {
                if (collapsed[r.group()]) buildPoolLoad(frame, r.group(), sy + 3, r.height() - 6, cur, future, pps);
                continue;
            }
            buildOutages(frame, r.node(), sy, r.height(), t0, t1, cur, pps);
            buildBars(frame, r.node(), sy, r.height(), t0, t1, cur, future, pps);
        }
    }

    private void buildBars(GanttFrame frame, int node, double sy, double rh, long t0, long t1, long cur,
            boolean future, double pps) {
        RowBars bars = index.row(node);
        int lanes = bars.lanes();
        double laneH = Math.max(1, (rh - 2) / lanes);
        long limit = future ? t1 : Math.min(t1, cur);
        java.util.Arrays.fill(pending, 0, lanes, false);
        BarLevel level = lanes == 1 ? bars.levelFor(1 / pps) : null;
        if (level != null) {
            buildFromLevel(frame, level, sy, laneH, t0, limit, cur, future, pps);
        } else for (int i = bars.firstEndingAfter(t0); i < bars.size(); i++) {
            long s = bars.start(i);
            if (s >= limit) break;
            long e = bars.end(i);
            if (e <= t0) continue;
            int lane = bars.lane(i);
            int j = bars.job(i);
            BarKind kind = KINDS[bars.kind(i)];
            int color = jobColor[j];
            long pastEnd = Math.min(e, cur);
            if (pastEnd > s) emit(frame, lane, sy, laneH, s, pastEnd, GanttFrame.style(kind, color, false), j, pps);
            if (future && e > cur) emit(frame, lane, sy, laneH, Math.max(s, cur), e, GanttFrame.style(kind, color, true), j, pps);
        }
        for (int l = 0; l < lanes; l++) flush(frame, l, sy, laneH);
        RowBars lost = index.overlays(node);
        for (int i = lost.firstEndingAfter(t0); i < lost.size(); i++) {
            long s = lost.start(i);
            if (s >= t1) break;
            if (lost.end(i) > cur) continue; // the loss happens at the overlay's end: not yet at the cursor
            double x0 = clampX(xAt(s, pps));
            double x1 = clampX(xAt(lost.end(i), pps));
            int lane = Math.min(lost.lane(i), lanes - 1);
            frame.add(x0, sy + 1 + lane * laneH, Math.max(1, x1 - x0), laneH, GanttFrame.style(BarKind.LOST, 0, false), lost.job(i));
        }
    }

    /** Draws a dense single-lane row from its level-of-detail pyramid (intervals pre-merged below a pixel). */
    private void buildFromLevel(GanttFrame frame, BarLevel level, double sy, double laneH, long t0, long limit, long cur,
            boolean future, double pps) {
        for (int i = level.firstEndingAfter(t0); i < level.size(); i++) {
            long s = level.start(i);
            if (s >= limit) break;
            long e = level.end(i);
            int j = level.job(i);
            BarKind kind = KINDS[level.kind(i)];
            int color = jobColor[level.colorJob(i)];
            if (kind == BarKind.MERGED) color = (color & ~3) | 3;
            long pastEnd = Math.min(e, cur);
            if (pastEnd > s) emit(frame, 0, sy, laneH, s, pastEnd, GanttFrame.style(kind, color, false), j, pps);
            if (future && e > cur) emit(frame, 0, sy, laneH, Math.max(s, cur), e, GanttFrame.style(kind, color, true), j, pps);
        }
    }

    private void emit(GanttFrame frame, int lane, double sy, double laneH, long s, long e, int style, int job, double pps) {
        double x0 = clampX(xAt(s, pps));
        double x1 = clampX(xAt(e, pps));
        if (pending[lane]) {
            boolean narrow = x1 - x0 < MIN_BAR_PX || pendX1[lane] - pendX0[lane] < MIN_BAR_PX;
            if (narrow && x0 - pendX1[lane] < MERGE_GAP_PX) {
                pendX1[lane] = Math.max(pendX1[lane], x1);
                if (pendJob[lane] != job) {
                    int color = (GanttFrame.colorOf(pendStyle[lane]) & ~3) | 3;
                    pendStyle[lane] = GanttFrame.style(BarKind.MERGED, color, GanttFrame.isFaded(style));
                    pendJob[lane] = -1;
                }
                return;
            }
            flush(frame, lane, sy, laneH);
        }
        pending[lane] = true;
        pendX0[lane] = x0;
        pendX1[lane] = x1;
        pendStyle[lane] = style;
        pendJob[lane] = job;
    }

    private void flush(GanttFrame frame, int lane, double sy, double laneH) {
        if (!pending[lane]) return;
        pending[lane] = false;
        double x0 = pendX0[lane];
        double w = Math.max(1, pendX1[lane] - x0);
        double y = sy + 1 + lane * laneH;
        frame.add(x0, y, w, laneH, pendStyle[lane], pendJob[lane]);
        if (pendJob[lane] >= 0 && w >= 44 && laneH >= 11 && GanttFrame.kindOf(pendStyle[lane]) == BarKind.RUNNING) {
            frame.label(x0 + 3, y + laneH / 2, w - 6, pendJob[lane]);
        }
    }

    private void buildOutages(GanttFrame frame, int node, double sy, double rh, long t0, long t1, long cur, double pps) {
        RowBars out = index.outages(node);
        for (int i = out.firstEndingAfter(t0); i < out.size(); i++) {
            long s = out.start(i);
            if (s >= t1) break;
            BarKind kind = KINDS[out.kind(i)];
            long e = kind == BarKind.NODE_DOWN ? Math.min(out.end(i), cur) : out.end(i);
            if (e <= s) continue;
            double x0 = clampX(xAt(s, pps));
            double x1 = clampX(xAt(e, pps));
            frame.add(x0, sy, Math.max(1, x1 - x0), rh, GanttFrame.style(kind, 0, false), -1);
        }
    }

    private void buildQueueLane(GanttFrame frame, long cur, boolean future, double pps) {
        StepSeries q = index.queue();
        double max = Math.max(1, q.max());
        double laneTop = AXIS_HEIGHT + 4;
        double laneH = QUEUE_HEIGHT - 8;
        int columns = (int) Math.ceil(plotWidth());
        double runX0 = -1;
        double runV = -1;
        boolean runFaded = false;
        for (int c = 0; c <= columns; c++) {
            double ta = viewStart + c / pps;
            double tb = viewStart + (c + 1) / pps;
            boolean faded = ta >= cur;
            double v = c == columns || (faded && !future) ? -1 : q.maxOver((long) Math.floor(ta), (long) Math.ceil(tb) - 1);
            if (runX0 >= 0 && (v != runV || faded != runFaded)) {
                if (runV > 0) {
                    double h = runV / max * laneH;
                    frame.add(plotLeft() + runX0, laneTop + laneH - h, c - runX0, h,
                            GanttFrame.style(BarKind.QUEUE, 0, runFaded), -1);
                }
                runX0 = -1;
            }
            if (v < 0) {
                if (c < columns && faded && !future) break;
                continue;
            }
            if (runX0 < 0) {
                runX0 = c;
                runV = v;
                runFaded = faded;
            }
        }
    }

    private void buildPoolLoad(GanttFrame frame, int group, double y, double h, long cur, boolean future, double pps) {
        StepSeries busy = index.poolBusyCores(group);
        double cores = Math.max(1, index.groups().get(group).cores());
        int columns = (int) Math.ceil(plotWidth());
        int runLevel = -1;
        int runX0 = 0;
        for (int c = 0; c <= columns; c++) {
            double ta = viewStart + c / pps;
            int level = -1;
            if (c < columns && (future || ta < cur)) {
                double avg = busy.averageOver((long) Math.floor(ta), (long) Math.ceil(viewStart + (c + 1) / pps));
                level = (int) Math.round(Math.min(1, avg / cores) * LOAD_LEVELS);
            }
            if (level != runLevel) {
                if (runLevel > 0) frame.add(plotLeft() + runX0, y, c - runX0, h, GanttFrame.style(BarKind.POOL_LOAD, runLevel, false), -1);
                runLevel = level;
                runX0 = c;
            }
        }
    }

    private double xAt(long t, double pps) {
        return plotLeft() + (t - viewStart) * pps;
    }

    private double clampX(double x) {
        return Math.max(plotLeft() - 1, Math.min(width + 1, x));
    }

    // ---------------------------------------------------------------- hit testing

    /** The job bar under screen (x, y), if any; bars narrower than a few pixels are hit with a tolerance. */
    public Optional<GanttHit> hitTest(double x, double y) {
        if (x < plotLeft() || y < plotTop()) return Optional.empty();
        LayoutRow r = rowAt(y);
        if (r == null || r.header()) return Optional.empty();
        double pps = plotWidth() / viewSpan;
        double t = timeAt(x);
        double tol = 3 / pps;
        long cur = cursor.get();
        boolean future = showFuture.get();
        if (!future && t - tol > cur) return Optional.empty();
        RowBars bars = index.row(r.node());
        double laneH = Math.max(1, (r.height() - 2) / bars.lanes());
        int lane = (int) Math.max(0, Math.min(bars.lanes() - 1, Math.floor((y - screenY(r) - 1) / laneH)));
        RowBars lost = index.overlays(r.node());
        for (int i = lost.firstEndingAfter((long) Math.floor(t)); i < lost.size() && lost.start(i) <= t; i++) {
            if (lost.lane(i) == lane && lost.end(i) > t && lost.end(i) <= cur) {
                return Optional.of(new GanttHit(lost.job(i), BarKind.LOST, r.node(), lost.start(i), lost.end(i)));
            }
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = bars.firstEndingAfter((long) Math.floor(t - tol)); i < bars.size() && bars.start(i) <= t + tol; i++) {
            if (bars.lane(i) != lane) continue;
            if (!future && bars.start(i) > cur) continue;
            long end = future ? bars.end(i) : Math.min(bars.end(i), cur);
            double d = t < bars.start(i) ? bars.start(i) - t : t >= end ? t - end : 0;
            if (d <= tol && d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) return Optional.empty();
        return Optional.of(new GanttHit(bars.job(best), KINDS[bars.kind(best)], r.node(), bars.start(best), bars.end(best)));
    }

    /** The pool whose header band is at screen y, or -1. */
    public int groupHeaderAt(double y) {
        LayoutRow r = rowAt(y);
        return r != null && r.header() ? r.group() : -1;
    }
}
