package org.preemptlab.app.gui.run;

import java.util.List;
import java.util.Optional;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.sim.MaintenanceStrategy;

/**
 * The geometry of drawing a maintenance window on the Gantt: a horizontal drag becomes a time span
 * (snapped to a step that fits the zoom), and the rows it starts and ends on choose what it covers:
 * one pool when both ends are on that pool's rows (or header), every node when the drag crosses
 * pools or starts on the time axis.
 */
public final class MaintenanceDrawing {

    /** Snap steps, s: the first at least one screen pixel long is used. */
    static final long[] STEPS = {1, 5, 10, 30, 60, 300, 600, 900, 1800, 3600};

    /** Drags shorter than this (px) are clicks. */
    public static final double MIN_DRAG = 3;

    /**
     * A drawn window.
     *
     * @param pool the pool's name, or {@link MaintenanceDraft#ALL_NODES}
     * @param firstRow first Gantt row covered, lastRow the last (inclusive)
     */
    public record Span(long start, long duration, String pool, int firstRow, int lastRow) {

        public long end() {
            return start + duration;
        }
    }

    private MaintenanceDrawing() {}

    /** The snap step at the Gantt's zoom: the first {@link #STEPS} entry at least one pixel long. */
    public static long snap(GanttViewModel g) {
        double secondsPerPixel = g.viewSpan() / Math.max(1, g.plotWidth());
        for (long s : STEPS) if (s >= secondsPerPixel) return s;
        return STEPS[STEPS.length - 1];
    }

    /** The window a drag from (x0, y0) to (x1, y1) draws, or empty for a click or a drag outside the plot. */
    public static Optional<Span> span(GanttViewModel g, double x0, double y0, double x1, double y1) {
        double left = g.plotLeft(), right = g.plotLeft() + g.plotWidth();
        double a = clamp(Math.min(x0, x1), left, right), b = clamp(Math.max(x0, x1), left, right);
        if (b - a < MIN_DRAG) return Optional.empty();
        long step = snap(g);
        long start = Math.max(0, Math.floorDiv((long) Math.floor(g.timeAt(a)), step) * step);
        long end = -Math.floorDiv(-(long) Math.ceil(g.timeAt(b)), step) * step;
        if (end <= start) end = start + step;
        int g0 = groupAt(g, y0), g1 = groupAt(g, y1);
        List<PoolGroup> groups = g.index().groups();
        if (g0 >= 0 && g0 == g1) {
            PoolGroup pg = groups.get(g0);
            return Optional.of(new Span(start, end - start, pg.name(), pg.firstRow(), pg.firstRow() + pg.rowCount() - 1));
        }
        return Optional.of(new Span(start, end - start, MaintenanceDraft.ALL_NODES, 0, Math.max(0, g.index().rowCount() - 1)));
    }

    /** The pool of the row at screen y, or -1 (time axis, below the last row). */
    static int groupAt(GanttViewModel g, double y) {
        LayoutRow r = g.rowAt(y);
        return r == null ? -1 : r.group();
    }

    /**
     * The span as a window of the scenario draft whose pools are {@code poolNames}: on the pool
     * when the draft has it, else on every node.
     */
    public static MaintenanceDraft window(Span s, List<String> poolNames, String name, MaintenanceStrategy strategy) {
        String pool = poolNames.contains(s.pool()) ? s.pool() : MaintenanceDraft.ALL_NODES;
        return MaintenanceDraft.onPool(name, pool, s.start(), s.duration(), strategy);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
