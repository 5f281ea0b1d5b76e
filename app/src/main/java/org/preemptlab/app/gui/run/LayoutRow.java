package org.preemptlab.app.gui.run;

/**
 * One horizontal band of the Gantt, in content coordinates (before vertical scrolling).
 *
 * @param node   the node's row index, or -1 for a pool header
 * @param header true for a pool's header band (which shows the pool's load when collapsed)
 */
public record LayoutRow(int group, int node, double y, double height, boolean header) {}
