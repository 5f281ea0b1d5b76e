package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.growth.LoadScaling;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobView;
import org.preemptlab.job.Placement;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;
import org.preemptlab.testing.SharedFiles;
import org.preemptlab.workload.LublinModel;

/**
 * EASY's backfill scan over the engine's shape groups ({@link ShapeScan}) starts the same jobs at the
 * same times on the same processors as the one-by-one scan of the queue, on overloaded workloads where
 * the queue holds thousands of jobs (so the shape scan is the one used nearly every pass).
 */
class ShapeScanTest {

    @Test
    void generatedOverloadSameScheduleAsOneByOne() {
        List<JobSpec> jobs = LublinModel.of(6000, 128, true, 7).generate();
        assertSameSchedule(new ProcessorMachine(128), LoadScaling.arrivals(jobs, 3.0));
    }

    @Test
    void hpc2nOverloadSameScheduleAsOneByOne() throws IOException {
        SwfTrace trace = SwfReader.read(SharedFiles.require("traces/HPC2N-2002-2.1-cln.swf.gz"));
        List<JobSpec> jobs = trace.jobs().subList(0, 15_000);
        assertSameSchedule(new ProcessorMachine(trace.machineProcs()), LoadScaling.arrivals(jobs, 2.0));
    }

    private static void assertSameSchedule(Cluster machine, List<JobSpec> jobs) {
        CountingEasy shapes = new CountingEasy(false);
        CountingEasy oneByOne = new CountingEasy(true);
        SimulationResult a = new Simulation(SimulationConfig.of(machine, jobs, shapes, false)).run();
        SimulationResult b = new Simulation(SimulationConfig.of(machine, jobs, oneByOne, false)).run();
        assertThat(shapes.longQueuePasses).as("passes with a queue long enough for the shape scan").isGreaterThan(1000);
        assertThat(shapes.count).isEqualTo(oneByOne.count).isEqualTo(jobs.size());
        assertThat(shapes.decisions).isEqualTo(oneByOne.decisions);
        List<JobRun> ra = a.jobs(), rb = b.jobs();
        assertThat(ra).hasSameSizeAs(rb);
        for (int i = 0; i < ra.size(); i++) {
            assertThat(ra.get(i).firstStart()).as(ra.get(i).name()).isEqualTo(rb.get(i).firstStart());
        }
    }

    /** EASY that counts its decisions, and can hide the shape groups (then it scans the queue one by one). */
    private static final class CountingEasy implements SchedulingPolicy {
        private final EasyBackfillPolicy easy = new EasyBackfillPolicy();
        private final boolean hideShapes;
        long decisions;
        long longQueuePasses;
        long count;

        CountingEasy(boolean hideShapes) {
            this.hideShapes = hideShapes;
        }

        @Override
        public String name() {
            return easy.name();
        }

        @Override
        public List<Decision> schedule(Snapshot s) {
            if (s.queue().size() >= EasyBackfillPolicy.SHAPE_SCAN_FROM) longQueuePasses++;
            if (!hideShapes) assertThat(s.queueShapes()).isNotNull();
            List<Decision> out = easy.schedule(hideShapes ? new WithoutShapes(s) : s);
            for (Decision d : out) { // job, placement and reason, in order
                Decision.Start start = (Decision.Start) d;
                String text = start.job().index() + " " + start.placement() + " " + start.reason();
                decisions = decisions * 31 + text.hashCode();
                count++;
            }
            return out;
        }
    }

    /** The snapshot without its shape groups. */
    private record WithoutShapes(Snapshot s) implements Snapshot {
        @Override public long now() { return s.now(); }
        @Override public Cluster cluster() { return s.cluster(); }
        @Override public Collection<? extends JobView> queue() { return s.queue(); }
        @Override public Collection<? extends JobView> running() { return s.running(); }
        @Override public Collection<? extends JobView> suspended() { return s.suspended(); }
        @Override public Capacity freeCapacity() { return s.freeCapacity(); }
        @Override public Placement heldCores(JobView j) { return s.heldCores(j); }
        @Override public Map<Integer, Placement> promised() { return s.promised(); }
        @Override public JobView heldFor(JobView j) { return s.heldFor(j); }
        @Override public PreemptionSettings preemptionSettings() { return s.preemptionSettings(); }
        @Override public List<Reservation> reservations() { return s.reservations(); }
        @Override public QueueShapes queueShapes() { return null; }
    }
}
