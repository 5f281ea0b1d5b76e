package org.preemptlab.app.gui.run;

/** What lies under the mouse: a job's bar on a node. */
public record GanttHit(int job, BarKind kind, int node, long start, long end) {}
