package org.preemptlab.scenario;

import java.nio.file.Path;
import java.util.Objects;
import org.preemptlab.io.swf.SwfReadOptions;

/**
 * Where a scenario's jobs come from when they come from an SWF trace, and which of them.
 *
 * @param path       the trace file, absolute and normalized (the file names it relative to its own directory)
 * @param firstJob   smallest SWF job number to read, inclusive
 * @param lastJob    largest SWF job number to read, inclusive
 * @param fromSubmit earliest submit time, inclusive, s
 * @param toSubmit   submit times must be smaller than this, s
 * @param maxJobs    stop after this many jobs
 * @param procs      machine size override in processors; 0 = the trace's own (header MaxProcs, …)
 */
public record TraceReference(Path path, long firstJob, long lastJob, long fromSubmit, long toSubmit, long maxJobs,
        int procs) {

    public TraceReference {
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
        toReadOptions(firstJob, lastJob, fromSubmit, toSubmit, maxJobs, procs); // validates
    }

    /** The whole trace on its own machine size. */
    public static TraceReference of(Path path) {
        SwfReadOptions d = SwfReadOptions.defaults();
        return new TraceReference(path, d.firstJob(), d.lastJob(), d.submitFrom(), d.submitTo(), d.maxJobs(), d.procs());
    }

    /** The reader options this reference stands for. */
    public SwfReadOptions toReadOptions() {
        return toReadOptions(firstJob, lastJob, fromSubmit, toSubmit, maxJobs, procs);
    }

    private static SwfReadOptions toReadOptions(long firstJob, long lastJob, long fromSubmit, long toSubmit,
            long maxJobs, int procs) {
        return SwfReadOptions.defaults().withProcs(procs).withJobRange(firstJob, lastJob)
                .withSubmitWindow(fromSubmit, toSubmit).withMaxJobs(maxJobs);
    }
}
