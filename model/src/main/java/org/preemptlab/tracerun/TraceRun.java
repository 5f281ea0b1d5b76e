package org.preemptlab.tracerun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.preemptlab.io.swf.SwfFeed;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sim.JobFeed;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * Simulates an SWF trace while it is read: the same trace and the same result as
 * {@link SwfReader#read(Path, SwfReadOptions)} followed by a {@link Simulation} of its jobs, job for job.
 *
 * <p>When the machine size is known from the first job line on (the option or the header) and the
 * trace is in submit order, the engine runs on the jobs read so far while the reader thread goes on. A
 * trace that turns out unsorted is simulated again from its sorted jobs, once read (what the run did
 * with the first jobs is dropped); so is one whose machine size is inferred from its jobs (known at the
 * end only). A read error is the error of the run, whatever the engine did with the jobs before it.
 */
public final class TraceRun {

    /** The trace as read and the run of its jobs. */
    public record Outcome(SwfTrace trace, SimulationResult result) {
        public Outcome {
            Objects.requireNonNull(trace, "trace");
            Objects.requireNonNull(result, "result");
        }
    }

    private TraceRun() {}

    /** The feed's jobs for the engine; a class, not {@code feed::job}: a one-shot run links no lambda. */
    private static final class Feed implements JobFeed {
        private final SwfFeed feed;

        Feed(SwfFeed feed) {
            this.feed = feed;
        }

        @Override
        public JobSpec job(int i) {
            return feed.job(i);
        }
    }

    /**
     * Reads {@code file} and simulates it.
     *
     * @param configure the run's configuration for a machine of that many processors and these jobs (an
     *                  empty list when the jobs are handed over as they are read); called once or twice
     *                  (again for an unsorted trace), each time for a new run
     * @throws IOException as {@link SwfReader#read(Path, SwfReadOptions)}
     */
    public static Outcome run(Path file, SwfReadOptions options,
            BiFunction<Integer, List<JobSpec>, SimulationConfig> configure, ProgressListener progress)
            throws IOException {
        try (SwfFeed feed = SwfFeed.start(file, options)) {
            int machine = feed.machineProcs();
            if (machine > 0) {
                SimulationResult result = null;
                try {
                    result = new Simulation(configure.apply(machine, List.of()), new Feed(feed)).run(progress);
                } catch (SwfFeed.Stopped unsortedOrFailed) {
                    // below: the read's error, or a run of the sorted jobs
                } catch (RuntimeException | Error e) {
                    feed.trace(); // what the file has wrong comes first
                    throw e;
                }
                if (result != null) return new Outcome(feed.trace(), result);
            }
            SwfTrace trace = feed.trace();
            return new Outcome(trace, new Simulation(configure.apply(trace.machineProcs(), trace.jobs())).run(progress));
        }
    }
}
