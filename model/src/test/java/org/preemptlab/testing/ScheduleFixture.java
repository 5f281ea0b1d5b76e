package org.preemptlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/**
 * A fluent fixture for policy tests:
 * {@code givenProcessors(10).with(policy).submit("A", 0, 6, 100, 60)...run().expectStart("A", 0)}.
 */
public final class ScheduleFixture {

    private final Cluster cluster;
    private SchedulingPolicy policy;
    private final List<JobSpec> jobs = new ArrayList<>();
    private SimulationResult result;

    private ScheduleFixture(Cluster cluster) {
        this.cluster = cluster;
    }

    public static ScheduleFixture givenProcessors(int procs) {
        return new ScheduleFixture(new ProcessorMachine(procs));
    }

    public ScheduleFixture with(SchedulingPolicy p) {
        this.policy = p;
        return this;
    }

    /** A job named {@code name}: submit, processors, estimate, actual run time. */
    public ScheduleFixture submit(String name, long submit, int procs, long estimate, long runtime) {
        jobs.add(JobSpec.ofProcessors(jobs.size() + 1, submit, procs, estimate, runtime).withName(name));
        return this;
    }

    public ScheduleFixture run() {
        jobs.sort(java.util.Comparator.comparingLong(JobSpec::submit));
        result = new Simulation(SimulationConfig.of(cluster, jobs, policy, true)).run();
        return this;
    }

    public ScheduleFixture expectStart(String name, long start) {
        assertThat(job(name).firstStart()).as("start of job %s", name).isEqualTo(start);
        return this;
    }

    public JobRun job(String name) {
        return result.jobs().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no job " + name));
    }

    public SimulationResult result() {
        return result;
    }
}
