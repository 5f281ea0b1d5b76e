package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.JobState;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** Invariants of the three base policies over random workloads. */
class SchedulingProperties {

    record Workload(int procs, List<JobSpec> jobs) {}

    @Provide
    Arbitrary<Workload> workloads() {
        Arbitrary<Integer> procs = Arbitraries.integers().between(4, 64);
        return procs.flatMap(p -> {
            Arbitrary<JobSpec> job = Combinators.combine(
                    Arbitraries.integers().between(0, 60),          // gap to previous submit
                    Arbitraries.integers().between(1, p),           // processors
                    Arbitraries.integers().between(1, 300),         // run time
                    Arbitraries.integers().between(100, 400))       // estimate factor in %
                    .as((gap, n, run, factor) -> JobSpec.ofProcessors(0, gap, n, Math.max(run, run * factor / 100), run));
            return job.list().ofMinSize(1).ofMaxSize(60).map(list -> {
                List<JobSpec> jobs = new ArrayList<>();
                long t = 0;
                for (int i = 0; i < list.size(); i++) {
                    JobSpec j = list.get(i);
                    t += j.submit();
                    jobs.add(JobSpec.ofProcessors(i + 1, t, j.nodes(), j.estimate(), j.runtime()));
                }
                return new Workload(p, jobs);
            });
        });
    }

    private static SimulationResult run(Workload w, SchedulingPolicy policy) {
        return new Simulation(SimulationConfig.of(new ProcessorMachine(w.procs()), w.jobs(), policy, true)).run();
    }

    private static void assertBasics(Workload w, SimulationResult r) {
        TreeMap<Long, Integer> delta = new TreeMap<>();
        for (JobRun j : r.jobs()) {
            assertThat(j.state()).as("job %s ends", j.name()).isEqualTo(JobState.COMPLETED);
            assertThat(j.firstStart()).as("job %s starts after submit", j.name()).isGreaterThanOrEqualTo(j.spec().submit());
            assertThat(j.end() - j.firstStart()).isEqualTo(j.spec().runtime());
            delta.merge(j.firstStart(), j.spec().procs(), Integer::sum);
            delta.merge(j.end(), -j.spec().procs(), Integer::sum);
        }
        int used = 0;
        for (int d : delta.values()) {
            used += d;
            assertThat(used).as("processors in use").isLessThanOrEqualTo(w.procs());
        }
    }

    @Property(tries = 300, seed = "20261122")
    void fcfsKeepsOrderAndCapacity(@ForAll("workloads") Workload w) {
        SimulationResult r = run(w, new FcfsPolicy());
        assertBasics(w, r);
        for (int i = 1; i < r.jobs().size(); i++) {
            assertThat(r.job(i).firstStart()).isGreaterThanOrEqualTo(r.job(i - 1).firstStart());
        }
    }

    @Property(tries = 300, seed = "20261122")
    void easyNeverDelaysTheHeadReservation(@ForAll("workloads") Workload w) {
        SimulationResult r = run(w, new EasyBackfillPolicy());
        assertBasics(w, r);
        Map<String, JobRun> byName = new HashMap<>();
        for (JobRun j : r.jobs()) byName.put(j.name(), j);
        for (LogEntry e : r.timeline().log()) {
            String head = null;
            long shadow = 0;
            if (e.reason() instanceof StartReason.EndsBeforeShadow b) {
                head = b.head().name();
                shadow = b.shadow();
            } else if (e.reason() instanceof StartReason.UsesExtra x) {
                head = x.head().name();
                shadow = x.shadow();
            }
            if (head != null) {
                assertThat(byName.get(head).firstStart()).as("head %s started by its reservation", head)
                        .isLessThanOrEqualTo(shadow);
            }
        }
    }

    @Property(tries = 300, seed = "20261122")
    void conservativeNeverDelaysAnyReservation(@ForAll("workloads") Workload w) {
        ConservativeBackfillPolicy policy = new ConservativeBackfillPolicy();
        SimulationResult r = run(w, policy);
        assertBasics(w, r);
        for (JobRun j : r.jobs()) {
            long promised = policy.firstReservation(j.index());
            if (promised >= 0) assertThat(j.firstStart()).as("job %s by its first reservation", j.name()).isLessThanOrEqualTo(promised);
        }
    }

    /**
     * A run that records nothing only counts the processors of the machine (a starts-only policy needs no
     * numbers); it must start and end every job when a recording run, which numbers them, does.
     */
    @Property(tries = 200, seed = "20261206")
    void countedProcessorsScheduleAsNumberedOnes(@ForAll("workloads") Workload w) {
        for (SchedulingPolicy[] pair : new SchedulingPolicy[][] {
                {new FcfsPolicy(), new FcfsPolicy()},
                {new EasyBackfillPolicy(), new EasyBackfillPolicy()},
                {new ConservativeBackfillPolicy(), new ConservativeBackfillPolicy()}}) {
            SimulationResult numbered = run(w, pair[0]);
            SimulationResult counted = new Simulation(
                    SimulationConfig.of(new ProcessorMachine(w.procs()), w.jobs(), pair[1], false)).run();
            assertThat(counted.timeline().log()).isEmpty();
            assertBasics(w, counted);
            for (int i = 0; i < w.jobs().size(); i++) {
                assertThat(counted.job(i).firstStart()).as("%s: start of job %s", pair[1].name(), i)
                        .isEqualTo(numbered.job(i).firstStart());
                assertThat(counted.job(i).end()).as("%s: end of job %s", pair[1].name(), i).isEqualTo(numbered.job(i).end());
            }
        }
    }

    @Property(tries = 100, seed = "20261122")
    void sameInputSameTimeline(@ForAll("workloads") Workload w) {
        for (SchedulingPolicy[] pair : new SchedulingPolicy[][] {
                {new FcfsPolicy(), new FcfsPolicy()},
                {new EasyBackfillPolicy(), new EasyBackfillPolicy()},
                {new ConservativeBackfillPolicy(), new ConservativeBackfillPolicy()}}) {
            assertThat(run(w, pair[0]).timeline().hash()).isEqualTo(run(w, pair[1]).timeline().hash());
        }
    }
}
