package org.preemptlab.app.gui.scenario;

import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.JobDraft;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.preemptlab.time.Durations;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.scenario.TraceReference;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;

/** An SWF trace as an editable scenario: a machine of the trace's processors, its jobs, EASY. */
public final class SwfImport {

    private SwfImport() {}

    public static SwfReadOptions options(long maxJobs) {
        return maxJobs > 0 ? SwfReadOptions.defaults().withMaxJobs(maxJobs) : SwfReadOptions.defaults();
    }

    public static ScenarioDraft toDraft(Path file, SwfTrace trace, long maxJobs) {
        return toDraft(file, trace, options(maxJobs));
    }

    /** The trace read with {@code o} (job range, submit window, job limit), which the draft remembers. */
    public static ScenarioDraft toDraft(Path file, SwfTrace trace, SwfReadOptions o) {
        List<JobDraft> jobs = new ArrayList<>(trace.jobs().size());
        for (JobSpec j : trace.jobs()) {
            jobs.add(new JobDraft(j.name(), j.submit(), j.qos(), j.group(), j.nodes(), j.coresPerNode(), j.estimate(),
                    j.runtime(), j.memoryPerNodeMb(), j.rerunnable(), j.checkpointable(), j.imageMbPerNode(), j.pools(),
                    j.checkpointInterval()));
        }
        TraceReference ref = new TraceReference(file, o.firstJob(), o.lastJob(), o.submitFrom(), o.submitTo(), o.maxJobs(), o.procs());
        String name = file.getFileName().toString().replaceFirst("\\.swf(\\.gz)?$", "");
        return new ScenarioDraft(name, "Imported from " + file.getFileName() + " (" + org.preemptlab.units.Units.count(jobs.size(), "job") + selection(o) + ").",
                trace.machineProcs(), List.of(), jobs, SchedulerSpec.of(SchedulerKind.EASY), null, null, List.of(),
                null, 1, null, ref);
    }

    /** ", job numbers 100..200, submitted in [1h, 2h)" — what was selected, in words. */
    static String selection(SwfReadOptions o) {
        SwfReadOptions d = SwfReadOptions.defaults();
        StringBuilder sb = new StringBuilder();
        if (o.firstJob() != d.firstJob() || o.lastJob() != d.lastJob()) {
            sb.append(", job numbers ").append(o.firstJob()).append("..").append(o.lastJob() == d.lastJob() ? "" : o.lastJob());
        }
        if (o.submitFrom() != d.submitFrom() || o.submitTo() != d.submitTo()) {
            sb.append(", submitted in [").append(o.submitFrom() == d.submitFrom() ? "start" : Durations.format(o.submitFrom()))
                    .append(", ").append(o.submitTo() == d.submitTo() ? "end" : Durations.format(o.submitTo())).append(")");
        }
        if (o.maxJobs() != d.maxJobs()) sb.append(", at most ").append(o.maxJobs());
        return sb.toString();
    }
}
