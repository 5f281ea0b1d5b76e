package org.preemptlab.app.gui.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.preemptlab.io.scenario.SchedulerSpec;
import org.preemptlab.io.scenario.TraceReference;
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
        List<JobDraft> jobs = new ArrayList<>(trace.jobs().size());
        for (JobSpec j : trace.jobs()) {
            jobs.add(new JobDraft(j.name(), j.submit(), j.qos(), j.group(), j.nodes(), j.coresPerNode(), j.estimate(),
                    j.runtime(), j.memoryPerNodeMb(), j.rerunnable(), j.checkpointable(), j.imageMbPerNode(), j.pools(),
                    j.checkpointInterval()));
        }
        SwfReadOptions o = options(maxJobs);
        TraceReference ref = new TraceReference(file, o.firstJob(), o.lastJob(), o.submitFrom(), o.submitTo(), o.maxJobs(), o.procs());
        String name = file.getFileName().toString().replaceFirst("\\.swf(\\.gz)?$", "");
        return new ScenarioDraft(name, "Imported from " + file.getFileName() + " (" + jobs.size() + " jobs).",
                trace.machineProcs(), List.of(), jobs, SchedulerSpec.of(SchedulerSpec.EASY), null, null, List.of(),
                null, 1, null, ref);
    }
}
