package org.preemptlab.sweep;

import org.preemptlab.sched.SchedulerKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.cluster.ProcessorMachine;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.swf.SwfReadOptions;
import org.preemptlab.io.swf.SwfReader;
import org.preemptlab.io.swf.SwfTrace;
import org.preemptlab.job.JobSpec;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.metrics.MetricsCalculator;
import org.preemptlab.mechanism.CheckpointCost;
import org.preemptlab.preempt.PolicyFactory;
import org.preemptlab.mechanism.PreemptMechanism;
import org.preemptlab.preempt.PreemptionRules;
import org.preemptlab.mechanism.PreemptionSettings;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/** A small sweep run in-process, each row checked against a simulation set up by hand. */
class SweepRunnerTest {

    static final int JOBS = 300;

    @TempDir
    Path dir;

    private SweepSpec traceSweep() throws IOException {
        return SweepReader.read(SweepFixtures.write(dir, "s.json", SweepFixtures.traceSweep(JOBS,
                "{\"policy\": [\"fcfs\", \"easy\", \"conservative\", \"aggressive-checkpoint\"], \"alpha\": [\"original\", 0.5],"
                        + " \"p\": [0.1, 0.5]}")));
    }

    private static List<SweepRow> runAll(SweepSpec spec, int threads) throws IOException {
        List<SweepRow> rows = Collections.synchronizedList(new ArrayList<>());
        SweepRunner.run(spec, spec.variants(), threads, rows::add, ProgressListener.NONE);
        List<SweepRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(SweepRow::id));
        return sorted;
    }

    /** The simulate command's set-up: the trace on its machine, fixed T_chk = T_restart = 215 s. */
    private static Metrics byHand(String policy, Double alpha, double p) throws IOException {
        SwfTrace t = SwfReader.read(SweepFixtures.kthSlice(), SwfReadOptions.defaults().withMaxJobs(JOBS));
        List<JobSpec> jobs = t.jobs();
        if (alpha != null) {
            jobs = jobs.stream().map(j -> j.withEstimate(Math.max(1, (long) Math.ceil(j.runtime() / alpha)))).toList();
        }
        var scheduler = PolicyFactory.create(SchedulerKind.parse(policy), p, 1800, 430, false, PreemptionRules.NONE);
        PreemptionSettings settings = PreemptionSettings.defaults().withCost(CheckpointCost.fixed(215, 215))
                .withRequeueAtHead(SchedulerKind.parse(policy).requeuesAtHead());
        var config = SimulationConfig.of(new ProcessorMachine(t.machineProcs()), jobs, scheduler, false).withPreemption(settings);
        return MetricsCalculator.of(new Simulation(config).run());
    }

    @Test
    void traceRowsEqualIndividualRuns() throws IOException {
        SweepSpec spec = traceSweep();
        List<SweepRow> rows = runAll(spec, 2);
        assertThat(rows).hasSize(3 * 2 + 2 * 2);
        for (SweepRow r : rows) {
            Double alpha = r.alpha().equals("original") ? null : Double.valueOf(r.alpha());
            double p = r.p().isEmpty() ? 0.2 : Double.parseDouble(r.p());
            Metrics m = byHand(r.policy(), alpha, p);
            assertThat(r.jobs()).as(r.label()).isEqualTo(JOBS).isEqualTo(m.jobs());
            assertThat(r.meanWaitSeconds()).as(r.label()).isEqualTo(m.meanWaitSeconds());
            assertThat(r.meanBoundedSlowdown()).as(r.label()).isEqualTo(m.meanBoundedSlowdown());
            assertThat(r.utilization()).as(r.label()).isEqualTo(m.utilization());
            assertThat(r.makespanSeconds()).as(r.label()).isEqualTo(m.makespanSeconds());
            assertThat(r.preemptCheckpoint()).as(r.label()).isEqualTo(m.preemptionsByMechanism().get("checkpoint"));
            assertThat(r.checkpointIoNodeHours()).as(r.label())
                    .isEqualTo(m.checkpointOverheadProcSeconds() / 3600, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(r.wallSeconds()).isPositive();
        }
        // the sweep measures something: schedulers and estimates make a difference
        assertThat(rows.stream().map(SweepRow::meanWaitSeconds).distinct().count()).isGreaterThan(4);
        assertThat(rows.stream().filter(r -> r.policy().equals("aggressive-checkpoint")).mapToInt(SweepRow::preemptCheckpoint).sum())
                .isPositive();
    }

    @Test
    void threadsDoNotChangeTheRows() throws IOException {
        SweepSpec spec = traceSweep();
        List<SweepRow> one = runAll(spec, 1).stream().map(r -> r.withWallSeconds(0)).toList();
        List<SweepRow> three = runAll(spec, 3).stream().map(r -> r.withWallSeconds(0)).toList();
        assertThat(three).isEqualTo(one);
    }

    @Test
    void scenarioRowsEqualIndividualRuns() throws IOException {
        Path sample = SweepFixtures.samples().resolve("checkpoint-contention.json");
        SweepSpec spec = SweepReader.read(SweepFixtures.write(dir, "c.json", "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \""
                + sample + "\"}], \"axes\": {\"mechanism\": [\"suspend\", \"checkpoint\", \"kill\"], \"bandwidth\": [50, 5000]}}"));
        List<SweepRow> rows = runAll(spec, 2);
        assertThat(rows).hasSize(6);
        Scenario base = ScenarioReader.read(sample);
        for (SweepRow r : rows) {
            PreemptMechanism m = PreemptMechanism.parse(r.mechanism());
            double bw = Double.parseDouble(r.bandwidthMBps());
            PreemptionRules rules = base.rules();
            List<PreemptMechanism> chain = new ArrayList<>(List.of(m));
            for (PreemptMechanism x : rules.defaultChain()) if (x != m) chain.add(x);
            Map<String, List<PreemptMechanism>> chains = new java.util.HashMap<>();
            rules.chains().forEach((q, c) -> {
                List<PreemptMechanism> l = new ArrayList<>(List.of(m));
                for (PreemptMechanism x : c) if (x != m) l.add(x);
                chains.put(q, l);
            });
            var nc = (org.preemptlab.cluster.NodeCluster) base.cluster();
            var pools = nc.pools().stream().map(p -> new org.preemptlab.cluster.NodePool(p.name(), p.nodes(), p.coresPerNode(),
                    p.memoryPerNodeMb(), p.owner(), p.borrowers(), bw)).toList();
            Scenario s = new Scenario(base.name(), base.description(), base.seed(), new org.preemptlab.cluster.NodeCluster(pools),
                    base.jobs(), base.scheduler(), new PreemptionRules(rules.ownerPreemption(), rules.qosPreemption(),
                    rules.tiers(), rules.victimOrder(), rules.exemptSeconds(), chains, chain),
                    new PreemptionSettings(base.settings().graceSeconds(), base.settings().requeueAtHead(),
                            base.settings().cost(), bw), base.maintenance(), base.failures(), base.horizon(), null, null);
            Metrics expected = MetricsCalculator.of(new Simulation(s.toConfig(false)).run());
            assertThat(r.meanWaitSeconds()).as(r.label()).isEqualTo(expected.meanWaitSeconds());
            assertThat(r.makespanSeconds()).as(r.label()).isEqualTo(expected.makespanSeconds());
            assertThat(r.preemptSuspend() + r.preemptCheckpoint() + r.preemptRequeue() + r.preemptKill()).as(r.label())
                    .isEqualTo(expected.preemptionsByMechanism().values().stream().mapToInt(Integer::intValue).sum());
        }
        // bandwidth matters to checkpoints: the slow storage costs more I/O time
        SweepRow slow = rows.stream().filter(r -> r.label().contains("checkpoint bandwidth=50")).findFirst().orElseThrow();
        SweepRow fast = rows.stream().filter(r -> r.label().contains("checkpoint bandwidth=5000")).findFirst().orElseThrow();
        assertThat(slow.checkpointIoNodeHours()).isGreaterThan(fast.checkpointIoNodeHours()).isPositive();
    }

    @Test
    void aFailingSinkStopsTheSweepAndIsReported() throws IOException {
        SweepSpec spec = traceSweep();
        List<SweepRow> got = Collections.synchronizedList(new ArrayList<>());
        assertThatThrownBy(() -> SweepRunner.run(spec, spec.variants(), 1, r -> {
            if (got.size() == 2) throw new IOException("disk full");
            got.add(r);
        }, ProgressListener.NONE)).hasMessage("disk full");
        assertThat(got).hasSize(2);
    }
}
