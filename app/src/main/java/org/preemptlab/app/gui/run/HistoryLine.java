package org.preemptlab.app.gui.run;

/** A line of a job's history: when, what, where and why. */
public record HistoryLine(long time, String event, String nodes, String reason) {}
