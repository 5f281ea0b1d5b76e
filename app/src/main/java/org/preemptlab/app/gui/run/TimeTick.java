package org.preemptlab.app.gui.run;

/** A labelled tick of the time axis at screen x. */
public record TimeTick(double x, long time, String label) {}
