package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.ScenarioException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.preemptlab.alloc.FreeRunsProbe;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.sched.ConservativeBackfillPolicy;
import org.preemptlab.sched.EasyBackfillPolicy;
import org.preemptlab.sched.FcfsPolicy;
import org.preemptlab.sched.SchedulingPolicy;
import org.preemptlab.workload.WorkloadGenerator;

/**
 * The engine's cost does not grow with the machine: the same workload on 1,000 processors and,
 * every job 100,000 times wider, on 10⁸ processors gives the same schedule for the same work —
 * counted as bytes allocated by the run (the JVM's per-thread allocation counter, not a clock)
 * and as the runs of free processor numbers the capacity keeps. Keeping processor numbers one by
 * one (a bit per processor, an array per job) allocated over 10⁵ times more on the big machine.
 */
class MachineSizeCostTest {

    private static final int SMALL = 1_000;
    private static final int SCALE = 100_000;

    private static List<JobSpec> jobs(int scale) {
        return WorkloadGenerator.loaded(3_000, SMALL, 0.8, 9).generate().stream()
                .map(j -> JobSpec.ofProcessors(j.id(), j.submit(), j.procs() * scale, j.estimate(), j.runtime())).toList();
    }

    private record Cost(long allocatedBytes, SimulationResult result) {}

    /** A new policy per run: conservative keeps its profile from pass to pass. */
    private static Cost run(int procs, List<JobSpec> jobs, Supplier<SchedulingPolicy> policy) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        SimulationResult result = new Simulation(SimulationConfig.of(new ProcessorMachine(procs), jobs, policy.get(), false)).run();
        return new Cost(threads.getCurrentThreadAllocatedBytes() - before, result);
    }

    @Test
    void aMachineOfAHundredMillionProcessorsCostsWhatOneOfAThousandDoes() {
        List<JobSpec> small = jobs(1);
        List<JobSpec> big = jobs(SCALE);
        for (Supplier<SchedulingPolicy> policy : List.<Supplier<SchedulingPolicy>>of(FcfsPolicy::new, EasyBackfillPolicy::new,
                ConservativeBackfillPolicy::new)) {
            String name = policy.get().name();
            run(SMALL, small, policy); // warm up: class loading and compilation allocate too
            run(SMALL * SCALE, big, policy);
            Cost s = run(SMALL, small, policy);
            Cost b = run(SMALL * SCALE, big, policy);
            for (int i = 0; i < small.size(); i++) {
                assertThat(b.result().jobs().get(i).firstStart()).as("%s: start of job %d", name, i)
                        .isEqualTo(s.result().jobs().get(i).firstStart());
            }
            assertThat(b.allocatedBytes()).as("%s: bytes allocated on 10⁸ processors vs %,d on 1,000", name, s.allocatedBytes())
                    .isLessThanOrEqualTo(s.allocatedBytes() + s.allocatedBytes() / 4 + (1 << 20));
        }
    }

    @Test
    void theFreeProcessorNumbersAreKeptAsRunsWhateverTheMachineSize() {
        assertThat(FreeRunsProbe.runsOfANewMachine(2_000_000_000)).isEqualTo(1);
        assertThat(FreeRunsProbe.runsAfterTakingAndGivingBack(100_000_000, 99_999_999)).isEqualTo(1);
    }

    @Test
    void aPoolOfAHundredMillionNodesIsRefusedWhereItIsReadAndAMachineOfAHundredMillionProcessorsRuns() throws Exception {
        String pool = """
                {"formatVersion": 1, "name": "big pool", "policy": {"scheduler": "easy"}, "cluster": {"pools": [{"name": "p", "nodes": 100000000, "coresPerNode": 4}]},
                 "jobs": [{"name": "A", "submit": 0, "nodes": 2, "coresPerNode": 4, "estimate": 2000, "runtime": 1000}]}""";
        assertThatThrownBy(() -> ScenarioReader.read(pool, "big.json", Path.of(".")))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cluster.pools[0].nodes")
                .hasMessageContaining("must be ≤ 1000000");
        String procs = """
                {"formatVersion": 1, "name": "big machine", "cluster": {"processors": 100000000}, "policy": {"scheduler": "easy"},
                 "jobs": [{"name": "A", "submit": 0, "procs": 60000000, "estimate": 2000, "runtime": 1000},
                          {"name": "B", "submit": 10, "procs": 50000000, "estimate": 2000, "runtime": 1000}]}""";
        SimulationResult r = new Simulation(ScenarioReader.read(procs, "big.json", Path.of(".")).toConfig(true)).run();
        assertThat(r.jobs().get(1).firstStart()).isEqualTo(1000);
        assertThat(r.timeline().log()).hasSize(6);
    }

    @Test
    void failuresOnMoreNodesThanTheirLimitAreRefusedBeforeTheRun() {
        List<JobSpec> one = List.of(JobSpec.ofProcessors(1, 0, 1, 10, 10));
        assertThatThrownBy(() -> new Simulation(SimulationConfig.of(new ProcessorMachine(FailureModel.MAX_NODES + 1), one,
                new FcfsPolicy(), false).withFailures(new FailureModel(86_400, 60, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most " + FailureModel.MAX_NODES);
    }
}
