package org.preemptlab.backend.local;

import java.util.List;
import org.preemptlab.job.Placement;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.job.JobView;

/** A job as the backend sees it (only index, name, class and work matter there). */
record TestJob(int index, JobSpec spec) implements JobView {

    static TestJob of(int index, String name, long runtime, String qos) {
        return new TestJob(index, new JobSpec(index + 1, name, 0, 1, 1, 0, Math.max(1, runtime * 2), runtime, qos, "",
                List.of(), true, true, 0, 0, null));
    }

    static TestJob of(int index, String name, long runtime) {
        return of(index, name, runtime, JobSpec.DEFAULT_QOS);
    }

    static final Placement ONE_NODE = new Placement(0, 1, new int[] {0}, 1, 0);

    @Override
    public JobState state() {
        return JobState.RUNNING;
    }

    @Override
    public int tier() {
        return 0;
    }

    @Override
    public long segmentStart() {
        return 0;
    }

    @Override
    public Placement placement() {
        return ONE_NODE;
    }

    @Override
    public long workDone() {
        return 0;
    }

    @Override
    public long savedWork() {
        return 0;
    }

    @Override
    public long restartCost() {
        return 0;
    }

    @Override
    public long estimatedEnd() {
        return 0;
    }

    @Override
    public int timesPreempted() {
        return 0;
    }

    @Override
    public int timesCheckpointed() {
        return 0;
    }
}
