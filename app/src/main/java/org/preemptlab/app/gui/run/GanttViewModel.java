package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    /** Lanes of jobs sharing a node are drawn only when each is at least this tall; else the row is flattened. */
    static final double MIN_LANE_PX = 7;
    /** Checkpointing, restarting and lost-work bars are at least this wide at any zoom. */
    static final double MIN_EVENT_PX = 4;
    /** Width of the preemption, checkpoint, restart and failure marks. */
    static final double MIN_MARKER_PX = 3;
    /** Rows of a collapsed pool's occupancy strip, under its header. */
    public static final double STRIP_HEIGHT = 22;
    /** A row is given at least this many pixels before pools are collapsed to strips. */
    static final double MIN_ROW_PX = 4;
    static final double MIN_LABEL_WIDTH = 24;
    static final double LABEL_HEIGHT = 11;
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
    private int[] jobColor;
    private int[] jobOutline;
    private List<String> classes;
    private final ObjectProperty<ColorBy> colorBy = new SimpleObjectProperty<>(this, "colorBy", ColorBy.JOB);
    private int firstVisibleRow;
    private final javafx.collections.ObservableList<MaintenanceDrawing.Span> planned = FXCollections.observableArrayList();

    private double width = 800;
    private double height = 500;
    private double viewStart;
    private double viewSpan = 1;
    private double rowHeight = 22;
    private boolean autoRowHeight = true;
    private boolean userRange;
    private double scrollY;
    private boolean sized;
    private boolean touchedCollapse;
    private List<LayoutRow> layout;
    private double contentHeight;

    // per-lane merge state for frame building
    private final double[] pendX0 = new double[RowBars.MAX_LANES];
    private final double[] pendX1 = new double[RowBars.MAX_LANES];
    private final int[] pendStyle = new int[RowBars.MAX_LANES];
    private final int[] pendJob = new int[RowBars.MAX_LANES];
    private final boolean[] pending = new boolean[RowBars.MAX_LANES];
    private final double[] pendY0 = new double[RowBars.MAX_LANES];
    private final double[] pendY1 = new double[RowBars.MAX_LANES];
    private final int[] pendOutline = new int[RowBars.MAX_LANES];
    private final boolean[] pendLabel = new boolean[RowBars.MAX_LANES];
    private final double[] pendBlockY0 = new double[RowBars.MAX_LANES];
    private final double[] pendBlockY1 = new double[RowBars.MAX_LANES];

    public GanttViewModel(GanttIndex index, LongProperty cursor) {
        this(index, cursor, null);
    }

    /**
     * @param colours the jobs' colours by job ({@link #colours(RunRecord, ColorBy)} of the index's run with
     *                {@link ColorBy#JOB}, made off the UI thread for a big run), or null to make them here
     */
    GanttViewModel(GanttIndex index, LongProperty cursor, Colours colours) {
        this.index = index;
        this.cursor = cursor;
        RunRecord run = index.run();
        this.highlightMask = new boolean[run.jobs().size()];
        this.collapsed = new boolean[index.groups().size()];
        if (colours != null && colours.run() == run && colours.by() == ColorBy.JOB) use(colours);
        else colour();
        colorBy.addListener((o, a, b) -> {
            colour();
            changed();
        });
        planned.addListener((javafx.collections.ListChangeListener<MaintenanceDrawing.Span>) c -> changed());
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

    /**
     * Each job's fill and outline colour for the current {@link #colorByProperty()}: by job, a colour
     * per job name and the QOS as outline; otherwise the colour of the job's user, account,
     * partition or QOS, no outline. Names map to colours by {@link GanttPalette#colorIndexOf}.
     */
    private void colour() {
        use(colours(index.run(), colorBy.get()));
    }

    private void use(Colours c) {
        jobColor = c.fill();
        jobOutline = c.outline();
        classes = c.classes();
    }

    /**
     * The jobs' fill and outline colour indices under one colouring, and the names they stand for (sorted).
     *
     * @param run the run they were made for
     */
    record Colours(RunRecord run, ColorBy by, int[] fill, int[] outline, List<String> classes) {}

    /** The colours of every job of {@code run} coloured {@code by} (see {@link #colour()}); any thread. */
    static Colours colours(RunRecord run, ColorBy by) {
        int n = run.jobs().size();
        int[] fill = new int[n];
        int[] outline = new int[n];
        TreeSet<String> names = new TreeSet<>();
        java.util.Map<String, Integer> cache = new java.util.HashMap<>();
        for (int j = 0; j < n; j++) {
            if (by == ColorBy.JOB) {
                fill[j] = GanttPalette.colorIndexOf(run.job(j).name(), true);
                String qos = run.job(j).qos();
                outline[j] = cache.computeIfAbsent(qos, q -> GanttPalette.colorIndexOf(q, false));
                names.add(qos);
            } else {
                String name = by.nameOf(run, j);
                fill[j] = cache.computeIfAbsent(name, q -> GanttPalette.colorIndexOf(q, false));
                outline[j] = -1;
                names.add(name);
            }
        }
        return new Colours(run, by, fill, outline, List.copyOf(names));
    }

    /**
     * Maintenance windows drawn on this Gantt and not simulated yet: shown hatched over their rows
     * until the next run replaces this chart (whose own maintenance then shows as simulated).
     */
    public javafx.collections.ObservableList<MaintenanceDrawing.Span> plannedMaintenance() {
        return planned;
    }

    /** What the bar colours tell apart (default: each job its own colour, its QOS as the outline). */
    public ObjectProperty<ColorBy> colorByProperty() {
        return colorBy;
    }

    /** The palette colour index of a name under the current colouring (legend). */
    public int colorOfName(String name) {
        return GanttPalette.colorIndexOf(name, false);
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

    /**
     * The names the colours stand for, sorted: the QOS classes (outlines) when colouring by job, else
     * the users, accounts, partitions or QOS classes.
     */
    public List<String> classNames() {
        return classes;
    }

    /** The fill colour index of a job. */
    public int colorOfJob(int job) {
        return jobColor[job];
    }

    /** The outline colour index of a job (its QOS when colouring by job), or -1. */
    public int outlineOfJob(int job) {
        return jobOutline[job];
    }

    public void setViewport(double newWidth, double newHeight) {
        if (newWidth == width && newHeight == height) return;
        boolean first = !sized;
        sized = true;
        width = Math.max(GUTTER_WIDTH + 10, newWidth);
        height = Math.max(AXIS_HEIGHT + QUEUE_HEIGHT + 10, newHeight);
        if (first && !touchedCollapse) collapseIfCrowded();
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
        if (previous.collapsed.length == collapsed.length) System.arraycopy(previous.collapsed, 0, collapsed, 0, collapsed.length);
        if (autoRowHeight) fitRowHeight();
        sized = previous.sized;
        touchedCollapse = true;
        colorBy.set(previous.colorBy.get());
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

    /**
     * Until the user picks a row height, the rows of the expanded pools share the viewport's height
     * (4 … 34 px each; more rows scroll).
     */
    private void fitRowHeight() {
        int rows = 0;
        double fixed = 4;
        List<PoolGroup> groups = index.groups();
        for (int g = 0; g < groups.size(); g++) {
            fixed += headerHeight(g);
            if (!collapsed[g]) rows += groups.get(g).rowCount();
        }
        double free = plotHeight() - fixed;
        rowHeight = Math.max(MIN_ROW_PX, Math.min(34, Math.floor(free / Math.max(1, rows))));
        layout = null;
    }

    /**
     * Level of detail for a machine too tall for the window: when its rows would get less than
     * {@value #MIN_ROW_PX} px each, every pool of several collapses to its occupancy strip (the
     * user expands the pools to read; rows then share the height again).
     */
    private void collapseIfCrowded() {
        List<PoolGroup> groups = index.groups();
        if (groups.size() < 2) return;
        double free = plotHeight() - groups.size() * HEADER_HEIGHT - 4;
        if (free / Math.max(1, index.rowCount()) >= MIN_ROW_PX) return;
        for (int g = 0; g < groups.size(); g++) collapsed[g] = true;
    }

    private double headerHeight(int group) {
        return collapsed[group] ? HEADER_HEIGHT + STRIP_HEIGHT : HEADER_HEIGHT;
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
        touchedCollapse = true;
        setCollapsed(group, !collapsed[group]);
    }

    public void setCollapsed(int group, boolean value) {
        collapsed[group] = value;
        layout = null;
        if (autoRowHeight) fitRowHeight();
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
                rows.add(new LayoutRow(g, -1, y, headerHeight(g), true));
                y += headerHeight(g);
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
        int group = -1;
        for (int k = firstRowFrom(scrollY); k < rows.size(); k++) {
            LayoutRow r = rows.get(k);
            double sy = screenY(r);
            if (sy > bottom) break;
            if (r.header()) {
                if (collapsed[r.group()]) buildPoolLoad(frame, r.group(), sy + HEADER_HEIGHT, r.height() - HEADER_HEIGHT - 2, cur, future, pps);
                continue;
            }
            if (r.group() != group) { // the first visible row of a pool: blocks from rows above are labelled here
                group = r.group();
                firstVisibleRow = r.node();
            }
            buildOutages(frame, r.node(), sy, r.height(), t0, t1, cur, pps);
            for (MaintenanceDrawing.Span p : planned) {
                if (r.node() < p.firstRow() || r.node() > p.lastRow() || p.end() <= t0 || p.start() >= t1) continue;
                double x0 = clampX(xAt(p.start(), pps)), x1 = clampX(xAt(p.end(), pps));
                frame.add(x0, sy, Math.max(1, x1 - x0), r.height(), GanttFrame.style(BarKind.PLANNED_MAINTENANCE, 0, false), -1);
            }
            buildBars(frame, r.node(), sy, r.height(), t0, t1, cur, future, pps);
            buildMarkers(frame, r.node(), sy, r.height(), t0, t1, cur, future, pps);
        }
    }

    /** True if a row of {@code lanes} lanes at this row height is drawn in lanes (each at least {@value #MIN_LANE_PX} px). */
    boolean splitsLanes(int lanes, double rh) {
        return lanes > 1 && (rh - 2) / lanes >= MIN_LANE_PX;
    }

    /**
     * The bars of one row. A node row is one sample lane; a processor row is drawn from its sample
     * lanes, every m-th one so that each drawn lane is at least a pixel tall, each standing for the
     * processors up to the next drawn one. A bar is cut to its block's exact unit range, so the bars of
     * a block on adjacent rows (lanes) abut and read as one block, labelled once.
     */
    private void buildBars(GanttFrame frame, int row, double sy, double rh, long t0, long t1, long cur,
            boolean future, double pps) {
        int samples = index.samplesPerRow();
        int upr = index.unitsPerRow();
        double unitH = rh / upr;
        int rowUnit = row * upr;
        int rowEnd = Math.min(index.unitCount(), rowUnit + upr);
        int step = Math.max(1, (int) Math.ceil(samples / Math.max(1, rh)));
        for (int k = 0; k < samples; k += step) {
            int u = index.sampleUnit(row, k);
            if (u >= rowEnd) break;
            int next = k + step < samples ? index.sampleUnit(row, k + step) : rowEnd;
            int previous = k > 0 ? index.sampleUnit(row, k - step) : row > 0 ? lastDrawnUnit(row - 1, step) : -1;
            buildLane(frame, index.sample(row, k), row, u, Math.min(next, rowEnd), previous, sy, rh, unitH, rowUnit, t0, t1,
                    cur, future, pps);
        }
        RowBars lost = index.overlays(row);
        RowBars first = index.sample(row, 0);
        boolean split = samples == 1 && splitsLanes(first.lanes(), rh);
        double laneH = split ? (rh - 2) / first.lanes() : rh - 2;
        for (int i = lost.firstEndingAfter(t0); i < lost.size(); i++) {
            long s = lost.start(i);
            if (s >= t1) break;
            if (lost.end(i) > cur) continue; // the loss happens at the overlay's end: not yet at the cursor
            double x0 = clampX(xAt(s, pps));
            double x1 = clampX(xAt(lost.end(i), pps));
            double y0, h;
            if (split) {
                y0 = sy + 1 + Math.min(lost.lane(i), first.lanes() - 1) * laneH;
                h = laneH;
            } else {
                y0 = Math.max(sy, sy + (lost.blockLo(i) - rowUnit) * unitH);
                h = Math.min(sy + rh, sy + (lost.blockHi(i) - rowUnit) * unitH) - y0;
                if (lost.blockLo(i) < 0) {
                    y0 = sy + 1;
                    h = rh - 2;
                }
            }
            frame.add(x0, y0, Math.max(MIN_EVENT_PX, x1 - x0), Math.max(1, h), GanttFrame.style(BarKind.LOST, 0, false), lost.job(i));
        }
    }

    /** The unit of the last lane drawn in {@code row} at this lane step. */
    private int lastDrawnUnit(int row, int step) {
        int samples = index.samplesPerRow();
        return index.sampleUnit(row, ((samples - 1) / step) * step);
    }

    /**
     * One sample lane: units [u, next) of row {@code row}, the previous drawn lane at unit
     * {@code previous} (-1: none); a block is labelled on the first drawn lane inside it (or the
     * first visible one).
     */
    private void buildLane(GanttFrame frame, RowBars bars, int row, int u, int next, int previous, double sy, double rh,
            double unitH, int rowUnit, long t0, long t1, long cur, boolean future, double pps) {
        int lanes = bars.lanes();
        boolean nodeRow = index.samplesPerRow() == 1;
        boolean split = nodeRow && splitsLanes(lanes, rh);
        int drawLanes = split ? lanes : 1;
        laneH = split ? (rh - 2) / lanes : rh - 2;
        laneTop = sy;
        laneY0 = sy + (u - rowUnit) * unitH;
        laneY1 = sy + (next - rowUnit) * unitH;
        laneUnit = u;
        laneNext = next;
        lanePrevious = previous;
        laneRowUnit = rowUnit;
        laneUnitH = unitH;
        laneSplit = split;
        long limit = future ? t1 : Math.min(t1, cur);
        java.util.Arrays.fill(pending, 0, drawLanes, false);
        BarLevel level = lanes == 1 ? bars.levelFor(1 / pps) : null;
        if (level != null) {
            for (int i = level.firstEndingAfter(t0); i < level.size(); i++) {
                long s = level.start(i);
                if (s >= limit) break;
                BarKind kind = KINDS[level.kind(i)];
                int color = jobColor[level.colorJob(i)];
                if (kind == BarKind.MERGED) color = (color & ~3) | 3;
                bar(frame, s, level.end(i), level.job(i), kind, color, 0, level.blockLo(i), level.blockHi(i), cur, future, pps);
            }
            flush(frame, 0);
            return;
        }
        // lanes too thin to read are flattened: suspended bars first, the others over them
        int passes = lanes > 1 && !split ? 2 : 1;
        int first = bars.firstEndingAfter(t0);
        for (int pass = 0; pass < passes; pass++) {
            for (int i = first; i < bars.size(); i++) {
                long s = bars.start(i);
                if (s >= limit) break;
                long e = bars.end(i);
                if (e <= t0) continue;
                BarKind kind = KINDS[bars.kind(i)];
                if (passes == 2 && (kind == BarKind.SUSPENDED) != (pass == 0)) continue;
                int j = bars.job(i);
                bar(frame, s, e, j, kind, jobColor[j], split ? bars.lane(i) : 0, bars.blockLo(i), bars.blockHi(i), cur, future, pps);
            }
            for (int l = 0; l < drawLanes; l++) flush(frame, l);
        }
    }

    // the sample lane being built (set by buildLane, read by bar)
    private double laneH, laneTop, laneY0, laneY1, laneUnitH;
    private int laneUnit, laneNext, lanePrevious, laneRowUnit;
    private boolean laneSplit;

    /** One bar of the current lane: cut to its block's units, split at the cursor into past and faded future. */
    private void bar(GanttFrame frame, long s, long e, int j, BarKind kind, int color, int lane, int blo, int bhi, long cur,
            boolean future, double pps) {
        double y0, y1, by0, by1;
        boolean labelHere;
        if (laneSplit) {
            y0 = laneTop + 1 + lane * laneH;
            y1 = y0 + laneH;
            by0 = y0;
            by1 = y1;
            labelHere = true;
        } else {
            if (blo < 0) { // merged by level of detail: the whole lane
                blo = laneUnit;
                bhi = laneNext;
            }
            by0 = laneTop + (blo - laneRowUnit) * laneUnitH + 1;
            by1 = laneTop + (bhi - laneRowUnit) * laneUnitH - 1;
            y0 = Math.max(laneY0, by0);
            y1 = Math.max(y0, Math.min(laneY1, by1)); // the raster draws at least a pixel
            // labelled once: on the first drawn lane inside the block, or the first lane on screen
            int start = Math.max(blo, firstVisibleRow * index.unitsPerRow());
            labelHere = laneUnit >= start && lanePrevious < start || laneUnit < start && laneNext > start;
        }
        int outline = j >= 0 && by1 - by0 >= 4 ? jobOutline[j] : -1; // no outline on blocks thinner than it
        if (outline >= 0) { // the outline goes round the block: top and bottom edges only where the block ends
            if (y0 <= by0 + 1e-9) outline |= GanttFrame.OUTLINE_TOP;
            if (y1 >= by1 - 1e-9) outline |= GanttFrame.OUTLINE_BOTTOM;
        }
        long pastEnd = Math.min(e, cur);
        curOutline = outline;
        curBlockY0 = by0;
        curBlockY1 = by1;
        curLabel = labelHere;
        if (pastEnd > s) emit(frame, lane, y0, y1, s, pastEnd, GanttFrame.style(kind, color, false), j, pps);
        curLabel = labelHere && pastEnd <= s;
        if (future && e > cur) emit(frame, lane, y0, y1, Math.max(s, cur), e, GanttFrame.style(kind, color, true), j, pps);
    }

    // what the next emitted bar carries besides its rectangle (set by bar, read by emit)
    private int curOutline;
    private double curBlockY0, curBlockY1;
    private boolean curLabel;

    /** Preemption, checkpoint, restart and failure moments: marks {@value #MIN_MARKER_PX} px wide at any zoom. */
    private void buildMarkers(GanttFrame frame, int row, double sy, double rh, long t0, long t1, long cur, boolean future,
            double pps) {
        RowBars marks = index.markers(row);
        if (marks.size() == 0) return;
        double unitH = rh / index.unitsPerRow();
        int rowUnit = row * index.unitsPerRow();
        double lastX = -10;
        int lastKind = -1;
        double margin = MIN_MARKER_PX / pps;
        for (int i = marks.firstEndingAfter((long) Math.floor(t0 - margin)); i < marks.size(); i++) {
            long t = marks.start(i);
            if (t > t1 + margin) break;
            boolean faded = t > cur;
            if (faded && !future) break;
            double x = xAt(t, pps) - MIN_MARKER_PX / 2.0;
            double y0 = Math.max(sy, sy + (marks.blockLo(i) - rowUnit) * unitH);
            double h = Math.max(1, Math.min(sy + rh, sy + (marks.blockHi(i) - rowUnit) * unitH) - y0);
            if (Math.abs(x - lastX) < 1 && marks.kind(i) == lastKind && index.unitsPerRow() == 1) continue; // one per pixel column
            lastX = x;
            lastKind = marks.kind(i);
            frame.add(x, y0, MIN_MARKER_PX, h, GanttFrame.style(KINDS[marks.kind(i)], 0, faded), marks.job(i));
        }
    }

    private void emit(GanttFrame frame, int lane, double y0, double y1, long s, long e, int style, int job, double pps) {
        double x0 = clampX(xAt(s, pps));
        double x1 = clampX(xAt(e, pps));
        int kindBits = (style >> 8) & 0xF;
        boolean event = kindBits == CHECKPOINTING_BITS || kindBits == RESTARTING_BITS;
        if (event && x1 - x0 < MIN_EVENT_PX) x1 = x0 + MIN_EVENT_PX; // a 50 s checkpoint stays visible at any zoom
        if (pending[lane]) {
            if (!event && (x1 - x0 < MIN_BAR_PX || pendX1[lane] - pendX0[lane] < MIN_BAR_PX) && x0 - pendX1[lane] < MERGE_GAP_PX
                    && Math.abs(y0 - pendY0[lane]) <= 1.5 && Math.abs(y1 - pendY1[lane]) <= 1.5 && mergeable(pendStyle[lane])) {
                pendX1[lane] = Math.max(pendX1[lane], x1);
                if (y0 < pendY0[lane]) pendY0[lane] = y0;
                if (y1 > pendY1[lane]) pendY1[lane] = y1;
                if (pendJob[lane] != job) {
                    int color = (GanttFrame.colorOf(pendStyle[lane]) & ~3) | 3;
                    pendStyle[lane] = GanttFrame.style(BarKind.MERGED, color, GanttFrame.isFaded(style));
                    pendJob[lane] = -1;
                    pendOutline[lane] = -1;
                }
                return;
            }
            flush(frame, lane);
        }
        pending[lane] = true;
        pendX0[lane] = x0;
        pendX1[lane] = x1;
        pendY0[lane] = y0;
        pendY1[lane] = y1;
        pendStyle[lane] = style;
        pendJob[lane] = job;
        pendOutline[lane] = curOutline;
        pendLabel[lane] = curLabel;
        pendBlockY0[lane] = curBlockY0;
        pendBlockY1[lane] = curBlockY1;
    }

    private static final int CHECKPOINTING_BITS = BarKind.CHECKPOINTING.ordinal(), RESTARTING_BITS = BarKind.RESTARTING.ordinal();

    /** Bars of a style may take in narrow neighbours: job bars, not the checkpoint and restart bars kept visible. */
    private static boolean mergeable(int style) {
        int k = (style >> 8) & 0xF;
        return k <= BarKind.MERGED.ordinal() && k != CHECKPOINTING_BITS && k != RESTARTING_BITS;
    }

    private void flush(GanttFrame frame, int lane) {
        if (!pending[lane]) return;
        pending[lane] = false;
        double x0 = pendX0[lane];
        double w = Math.max(1, pendX1[lane] - x0);
        double y = pendY0[lane];
        double h = Math.max(1, pendY1[lane] - y);
        int job = pendJob[lane];
        frame.add(x0, y, w, h, pendStyle[lane], job, pendOutline[lane]);
        if (job < 0 || !pendLabel[lane] || w < MIN_LABEL_WIDTH) return;
        BarKind kind = GanttFrame.kindOf(pendStyle[lane]);
        if (kind != BarKind.RUNNING && kind != BarKind.SUSPENDED && kind != BarKind.STOPPING) return;
        double top = Math.max(pendBlockY0[lane], plotTop());
        double bottom = Math.min(pendBlockY1[lane], height);
        if (bottom - top < LABEL_HEIGHT) return;
        frame.label(x0 + 3, (top + bottom) / 2, w - 6, job, pendStyle[lane]);
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
            int look = out.job(i) == GanttIndex.RESERVATION ? GanttPalette.RESERVATION : 0;
            frame.add(x0, sy, Math.max(1, x1 - x0), rh, GanttFrame.style(kind, look, false), -1);
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

    /**
     * A collapsed pool's occupancy strip, one column a pixel: from the bottom, the share of its cores
     * running, checkpointing, held by suspended jobs and down (maintenance, failures); idle above.
     */
    private void buildPoolLoad(GanttFrame frame, int group, double y, double h, long cur, boolean future, double pps) {
        if (h < 2) return;
        StepSeries busy = index.poolBusyCores(group);
        StepSeries chk = index.poolCheckpointingCores(group);
        StepSeries susp = index.poolSuspendedCores(group);
        StepSeries down = index.poolDownCores(group);
        double cores = Math.max(1, index.groups().get(group).cores());
        int columns = (int) Math.ceil(plotWidth());
        int[] run = new int[4];
        int[] col = new int[4];
        int runX0 = 0;
        boolean runOn = false;
        for (int c = 0; c <= columns; c++) {
            boolean on = false;
            if (c < columns && (future || viewStart + c / pps < cur)) {
                long ta = (long) Math.floor(viewStart + c / pps), tb = (long) Math.ceil(viewStart + (c + 1) / pps);
                double b = busy.averageOver(ta, tb) / cores, k = chk.averageOver(ta, tb) / cores;
                double sp = susp.averageOver(ta, tb) / cores, d = down.averageOver(ta, tb) / cores;
                double run0 = Math.max(0, b - k);
                double left = 1;
                double[] share = {Math.min(left, run0), 0, 0, 0};
                left -= share[0];
                share[1] = Math.min(left, k);
                left -= share[1];
                share[2] = Math.min(left, sp);
                left -= share[2];
                share[3] = Math.min(left, d);
                for (int st = 0; st < 4; st++) col[st] = (int) Math.round(share[st] * h);
                on = true;
            }
            boolean same = on == runOn && (!on || java.util.Arrays.equals(col, run));
            if (!same) {
                if (runOn) {
                    double base = y + h;
                    for (int st = 0; st < 4; st++) {
                        if (run[st] <= 0) continue;
                        base -= run[st];
                        frame.add(plotLeft() + runX0, base, c - runX0, run[st], GanttFrame.style(BarKind.POOL_LOAD, st, false), -1);
                    }
                }
                runOn = on;
                System.arraycopy(col, 0, run, 0, 4);
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
        double sy = screenY(r);
        int upr = index.unitsPerRow(), samples = index.samplesPerRow();
        double unitH = r.height() / upr;
        double unit = r.node() * upr + (y - sy) / unitH;
        int step = Math.max(1, (int) Math.ceil(samples / Math.max(1, r.height())));
        int k = (int) Math.max(0, Math.min(samples - 1, Math.floor((unit - r.node() * upr) * samples / upr)));
        k -= k % step;
        RowBars bars = index.sample(r.node(), k);
        boolean split = samples == 1 && splitsLanes(bars.lanes(), r.height());
        double laneH = split ? (r.height() - 2) / bars.lanes() : r.height() - 2;
        int lane = split ? (int) Math.max(0, Math.min(bars.lanes() - 1, Math.floor((y - sy - 1) / laneH))) : 0;
        double unitTol = 2 / unitH;
        RowBars lost = index.overlays(r.node());
        for (int i = lost.firstEndingAfter((long) Math.floor(t)); i < lost.size() && lost.start(i) <= t; i++) {
            boolean there = split ? lost.lane(i) == lane : lost.blockLo(i) < 0 || unit >= lost.blockLo(i) - unitTol && unit < lost.blockHi(i) + unitTol;
            if (there && lost.end(i) > t && lost.end(i) <= cur) {
                return Optional.of(new GanttHit(lost.job(i), BarKind.LOST, r.node(), lost.start(i), lost.end(i), lost.blockLo(i), lost.blockHi(i)));
            }
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = bars.firstEndingAfter((long) Math.floor(t - tol)); i < bars.size() && bars.start(i) <= t + tol; i++) {
            if (split && bars.lane(i) != lane) continue;
            if (!future && bars.start(i) > cur) continue;
            long end = future ? bars.end(i) : Math.min(bars.end(i), cur);
            double d = t < bars.start(i) ? bars.start(i) - t : t >= end ? t - end : 0;
            // a flattened row shows the running job over a suspended one: prefer it
            if (!split && bars.lanes() > 1 && KINDS[bars.kind(i)] == BarKind.SUSPENDED) d += tol / 2;
            if (d <= tol && d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        if (best < 0) return Optional.empty();
        return Optional.of(new GanttHit(bars.job(best), KINDS[bars.kind(best)], r.node(), bars.start(best), bars.end(best),
                bars.blockLo(best), bars.blockHi(best)));
    }

    /** The pool whose header band is at screen y, or -1. */
    public int groupHeaderAt(double y) {
        LayoutRow r = rowAt(y);
        return r != null && r.header() ? r.group() : -1;
    }
}
