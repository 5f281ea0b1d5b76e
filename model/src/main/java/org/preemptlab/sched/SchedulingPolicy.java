package org.preemptlab.sched;

import java.util.List;

/** A scheduler: looks at a snapshot, returns decisions with their reasons. Never changes state itself. */
public interface SchedulingPolicy {

    /** Short name used in files and the CLI, e.g. {@code easy}. */
    String name();

    List<Decision> schedule(Snapshot snapshot);
}
