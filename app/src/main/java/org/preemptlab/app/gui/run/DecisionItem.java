package org.preemptlab.app.gui.run;

import org.preemptlab.sim.LogEntry;
import org.preemptlab.time.SimTime;

/** A line of the "Why" list: one log entry; its text is formatted only when shown. */
public record DecisionItem(int logIndex, LogEntry entry, String jobName) {

    public long time() {
        return entry.time();
    }

    public String text() {
        return entry.reason() == null ? entry.kind().label() : entry.reason().text();
    }

    /** {@code 01:20:00  start  job 17 backfilled: …} */
    public String line() {
        String who = jobName == null ? "" : jobName + " ";
        return SimTime.format(entry.time()) + "  " + entry.kind().label() + "  " + who + "— " + text();
    }
}
