package org.preemptlab.app.gui.run;

/**
 * What lies under the mouse: a job's bar on a row.
 *
 * @param row    the Gantt row (a node, or a range of processors in processor mode)
 * @param unitLo first node (or processor) of the bar's block
 * @param unitHi the node (or processor) after the block's last
 */
public record GanttHit(int job, BarKind kind, int row, long start, long end, int unitLo, int unitHi) {

    public GanttHit {
        if (unitLo < 0 || unitHi <= unitLo) {
            unitLo = row;
            unitHi = row + 1;
        }
    }

    /** A hit on a bar covering node {@code row} alone. */
    public GanttHit(int job, BarKind kind, int row, long start, long end) {
        this(job, kind, row, start, end, row, row + 1);
    }

    /** The row (kept for callers that think in nodes). */
    public int node() {
        return row;
    }
}
