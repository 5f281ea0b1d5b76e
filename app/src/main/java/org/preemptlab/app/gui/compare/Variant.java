package org.preemptlab.app.gui.compare;

import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.RunRecord;

/**
 * One compared run: its key (a scheduler's id or a maintenance strategy), its label, the recorded
 * run, and its Gantt (sharing the cursor).
 */
public record Variant(String key, String label, RunRecord run, GanttViewModel gantt) {}
