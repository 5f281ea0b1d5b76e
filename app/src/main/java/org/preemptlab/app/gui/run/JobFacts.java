package org.preemptlab.app.gui.run;

import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.sim.JobRun;

/** What the Gantt tells about one job: its request and how its run went (final values). */
public record JobFacts(int index, String name, String qos, String group, int nodes, int coresPerNode,
        long memoryPerNodeMb, long submit, long estimate, long runtime, boolean rerunnable, boolean checkpointable,
        JobState finalState, long firstStart, long end, long totalWait, long lostWork, long checkpointSeconds,
        long restartSeconds, int timesPreempted, int timesCheckpointed) {

    public static JobFacts of(JobRun r) {
        JobSpec s = r.spec();
        return new JobFacts(r.index(), s.name(), s.qos(), s.group(), s.nodes(), s.coresPerNode(), s.memoryPerNodeMb(),
                s.submit(), s.estimate(), s.runtime(), s.rerunnable(), s.checkpointable(), r.state(), r.firstStart(),
                r.end(), r.totalWait(), r.lostWork(), r.checkpointSeconds(), r.restartSeconds(), r.timesPreempted(),
                r.timesCheckpointed());
    }

    /** Facts of a job known only by its request (synthetic timelines, benchmarks). */
    public static JobFacts ofSpec(int index, JobSpec s) {
        return new JobFacts(index, s.name(), s.qos(), s.group(), s.nodes(), s.coresPerNode(), s.memoryPerNodeMb(),
                s.submit(), s.estimate(), s.runtime(), s.rerunnable(), s.checkpointable(), JobState.COMPLETED, -1, -1,
                0, 0, 0, 0, 0, 0);
    }

    public int procs() {
        return nodes * coresPerNode;
    }
}
