package org.preemptlab.alloc;

import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;

/** Test access to the live processor capacity's bookkeeping (its cost is the runs it keeps). */
public final class FreeRunsProbe {

    private FreeRunsProbe() {}

    public static int runsOfANewMachine(int procs) {
        return ProcessorCapacity.tracking(procs).freeRunCount();
    }

    /** Takes a job of {@code procs} processors, checks its placement is one run, gives it back. */
    public static int runsAfterTakingAndGivingBack(int machine, int procs) {
        ProcessorCapacity c = ProcessorCapacity.tracking(machine);
        Placement p = c.take(c.place(JobSpec.ofProcessors(1, 0, procs, 10, 10)));
        if (p.runs().length != 2 || p.runs()[0] != 0 || p.runs()[1] != procs) throw new AssertionError("placement " + p);
        if (c.freeRunCount() != 1 || c.free() != machine - procs) throw new AssertionError("capacity " + c);
        c.release(p);
        return c.freeRunCount();
    }
}
