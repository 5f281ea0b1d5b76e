package org.preemptlab.app.gui.run;

import java.util.EnumSet;
import java.util.Set;
import org.preemptlab.sim.LogKind;

/** Which log entries the "Why" list shows. */
public enum LogFilter {
    DECISIONS("Scheduler decisions", EnumSet.of(LogKind.START, LogKind.RESTART, LogKind.PREEMPT)),
    PREEMPTION("Preemption & outages", EnumSet.of(LogKind.PREEMPT, LogKind.SUSPEND, LogKind.RESUME,
            LogKind.CHECKPOINT_BEGIN, LogKind.CHECKPOINT_END, LogKind.KILL, LogKind.REQUEUE, LogKind.RESTART,
            LogKind.FAIL, LogKind.MAINTENANCE_BEGIN, LogKind.MAINTENANCE_END, LogKind.NODE_DOWN, LogKind.NODE_UP,
            LogKind.RESERVATION_BEGIN, LogKind.RESERVATION_END)),
    ALL("All events", EnumSet.allOf(LogKind.class));

    private final String label;
    private final Set<LogKind> kinds;

    LogFilter(String label, Set<LogKind> kinds) {
        this.label = label;
        this.kinds = kinds;
    }

    public boolean accepts(LogKind kind) {
        return kinds.contains(kind);
    }

    @Override
    public String toString() {
        return label;
    }
}
