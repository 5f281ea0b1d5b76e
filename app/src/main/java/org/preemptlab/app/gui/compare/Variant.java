package org.preemptlab.app.gui.compare;

import org.preemptlab.app.gui.run.GanttViewModel;
import org.preemptlab.app.gui.run.RunRecord;
import org.preemptlab.app.gui.scenario.PolicyChoice;

/** One compared run: the scheduler, its recorded run, and its Gantt (sharing the cursor). */
public record Variant(PolicyChoice policy, RunRecord run, GanttViewModel gantt) {

    public String label() {
        return policy.label();
    }
}
