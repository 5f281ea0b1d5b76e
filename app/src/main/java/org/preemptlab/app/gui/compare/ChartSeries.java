package org.preemptlab.app.gui.compare;

/** A named line of a chart, as plain arrays (the view turns it into a JFreeChart series). */
public record ChartSeries(String name, double[] x, double[] y) {}
