package org.preemptlab.sched;

import java.util.List;

/** The scheduler names used in scenario files and on the command line. */
public final class PolicyNames {

    public static final List<String> ALL = List.of("fcfs", "easy", "conservative", "aggressive-checkpoint",
            "preemption-backfill");

    private PolicyNames() {}
}
