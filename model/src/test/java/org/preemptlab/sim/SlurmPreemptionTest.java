package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.job.JobState;
import org.preemptlab.preempt.PreemptReason;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SlurmWarnings;
import org.junit.jupiter.api.Test;

/**
 * Slurm preemption of a version-2 site (preempt/qos, preempt/partition_prio) on the simulator's
 * mechanisms, on hand-worked scenarios: one node of 8 CPUs / 16 GB unless said otherwise.
 */
class SlurmPreemptionTest {

    /** A version-2 scenario: {@code qos}, {@code partitions}, {@code preempt} and {@code jobs} are JSON fragments. */
    static Scenario scenario(String nodes, String partitions, String qos, String preempt, String jobs) throws Exception {
        String json = """
                {"formatVersion": 2, "name": "t",
                 "cluster": {"nodes": [%s], "defMemPerCpu": 1024},
                 "partitions": [%s],
                 "qos": [%s],
                 "accounts": [{"name": "lab", "users": [{"name": "ana"}, {"name": "ben"}]}],
                 "slurmPreempt": %s,
                 "policy": {"scheduler": "easy"},
                 "jobs": [%s]}
                """.formatted(nodes, partitions, qos, preempt, jobs);
        return ScenarioReader.read(json, "t.json", Path.of("."));
    }

    static final String ONE_NODE = "{\"name\": \"cn\", \"hostNames\": \"cn1\", \"cpus\": 8, \"realMemory\": \"16G\"}";
    static final String BATCH = "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"maxTime\": \"1d\"}";

    static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    static Map<String, JobRun> byName(SimulationResult r) {
        return SlurmSamplesTest.byName(r);
    }

    static List<LogEntry> preempts(SimulationResult r) {
        List<LogEntry> out = new ArrayList<>();
        for (LogEntry e : r.timeline().log()) if (e.kind() == LogKind.PREEMPT) out.add(e);
        return out;
    }

    @Test
    void highQosRequeuesANormalJobAndTheVictimRestartsAfterIt() throws Exception {
        // low fills the node at 0 for 2h; high (4 CPUs, 1h) at 10m requeues it, runs 10m–1h10m;
        // low restarts from scratch at 1h10m and ends at 3h10m
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\"}, {\"name\": \"high\", \"priority\": 10, \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult r = run(s);
        Map<String, JobRun> jobs = byName(r);
        assertThat(jobs.get("high").firstStart()).isEqualTo(600);
        assertThat(jobs.get("high").end()).isEqualTo(600 + 3600);
        assertThat(jobs.get("low").state()).isEqualTo(JobState.COMPLETED);
        assertThat(jobs.get("low").end()).isEqualTo(600 + 3600 + 7200);
        List<LogEntry> p = preempts(r);
        assertThat(p).hasSize(1);
        assertThat(p.get(0).reason()).isInstanceOf(PreemptReason.SlurmRule.class);
        PreemptReason.SlurmRule why = (PreemptReason.SlurmRule) p.get(0).reason();
        assertThat(why.victim()).isEqualTo("low");
        assertThat(why.job()).isEqualTo("high");
        assertThat(why.mechanism().name()).isEqualTo("REQUEUE"); // normal sets no mode: the cluster's
    }

    @Test
    void theVictimsQosModeOverridesTheClustersAndCancelEndsARerunnableJob() throws Exception {
        // normal has no PreemptMode: the cluster's CANCEL applies; low is cancelled for good although rerunnable
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"cancel\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult cancelled = run(s);
        Map<String, JobRun> jobs = byName(cancelled);
        assertThat(jobs.get("high").firstStart()).isEqualTo(600);
        assertThat(jobs.get("low").state()).isEqualTo(JobState.PREEMPTED_KILLED);
        assertThat(jobs.get("low").end()).isEqualTo(600);
        assertThat(jobs.get("low").placement()).as("a cancelled job lets go of its placement").isNull();
        assertThat(cancelled.timeline().log()).as("its KILL entry still names its node")
                .anyMatch(e -> e.kind() == LogKind.KILL && e.job() == jobs.get("low").index() && e.nodes().length == 1);

        // the same with normal's own mode REQUEUE: it overrides the cluster's CANCEL, low runs again
        Scenario requeue = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\", \"preemptMode\": \"requeue\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"cancel\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        Map<String, JobRun> again = byName(run(requeue));
        assertThat(again.get("low").state()).isEqualTo(JobState.COMPLETED);
        assertThat(again.get("low").end()).isEqualTo(600 + 3600 + 7200);
    }

    @Test
    void aQosNotInThePreemptListIsNotPreemptedAndNeitherIsModeOff() throws Exception {
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\", \"preemptMode\": \"off\"}, {\"name\": \"other\"},"
                        + " {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 4, "estimate": "3h", "runtime": "2h"},
                {"name": "mid", "submit": 0, "user": "ana", "qos": "other", "ntasks": 4, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult r = run(s);
        assertThat(preempts(r)).isEmpty();
        assertThat(byName(r).get("high").firstStart()).isEqualTo(7200);
    }

    @Test
    void partitionPrioSuspendsTheLowTierJobAndItResumesWithItsMemoryHeld() throws Exception {
        // two partitions over the same node; urgent (tier 2) suspends batch (tier 1, SUSPEND).
        // low: 4 CPUs, 4 GB for 2h; urgent: 8 CPUs, 8 GB for 1h at 10m. The node has 16 GB: the
        // suspended job keeps its 4 GB and urgent's 8 GB still fit, so urgent runs 10m–1h10m,
        // low resumes at 1h10m with 1h50m left and ends at 3h.
        String parts = "{\"name\": \"batch\", \"nodes\": [\"cn\"], \"default\": true, \"priorityTier\": 1,"
                + " \"preemptMode\": \"suspend\"}, {\"name\": \"urgent\", \"nodes\": [\"cn\"], \"priorityTier\": 2}";
        Scenario s = scenario(ONE_NODE, parts, "{\"name\": \"normal\"}", "{\"type\": \"partition_prio\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "partition": "batch", "ntasks": 4, "mem": "4G", "estimate": "3h", "runtime": "2h"},
                {"name": "urgent", "submit": "10m", "user": "ben", "partition": "urgent", "ntasks": 8, "mem": "8G", "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult r = run(s);
        Map<String, JobRun> jobs = byName(r);
        assertThat(jobs.get("urgent").firstStart()).isEqualTo(600);
        assertThat(jobs.get("low").end()).isEqualTo(3 * 3600);
        assertThat(r.timeline().log().stream().filter(e -> e.kind() == LogKind.SUSPEND).count()).isEqualTo(1);
        assertThat(r.timeline().log().stream().filter(e -> e.kind() == LogKind.RESUME).count()).isEqualTo(1);

        // urgent asking 14 GB: the suspended job's 4 GB stay held, so it cannot fit beside it and waits
        Scenario big = scenario(ONE_NODE, parts, "{\"name\": \"normal\"}", "{\"type\": \"partition_prio\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "partition": "batch", "ntasks": 4, "mem": "4G", "estimate": "3h", "runtime": "2h"},
                {"name": "urgent", "submit": "10m", "user": "ben", "partition": "urgent", "ntasks": 8, "mem": "14G", "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult rb = run(big);
        assertThat(preempts(rb)).isEmpty();
        assertThat(byName(rb).get("urgent").firstStart()).isEqualTo(7200);
    }

    @Test
    void partitionPrioNeverPreemptsOnANodeGroupThePreemptorCannotUse() throws Exception {
        String nodes = ONE_NODE + ", {\"name\": \"other\", \"hostNames\": \"o1\", \"cpus\": 8, \"realMemory\": \"16G\"}";
        String parts = "{\"name\": \"batch\", \"nodes\": [\"cn\", \"other\"], \"default\": true, \"priorityTier\": 1},"
                + " {\"name\": \"urgent\", \"nodes\": [\"cn\"], \"priorityTier\": 2}";
        Scenario s = scenario(nodes, parts, "{\"name\": \"normal\"}", "{\"type\": \"partition_prio\", \"mode\": \"requeue\"}",
                """
                {"name": "a", "submit": 0, "user": "ana", "partition": "batch", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "b", "submit": 0, "user": "ana", "partition": "batch", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "urgent", "submit": "10m", "user": "ben", "partition": "urgent", "ntasks": 8, "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult r = run(s);
        List<LogEntry> p = preempts(r);
        assertThat(p).hasSize(1);
        JobRun victim = r.jobs().get(p.get(0).job());
        assertThat(victim.spec().slurm()).isNotNull();
        int cn = ((org.preemptlab.cluster.NodeCluster) s.cluster()).poolIndex("cn");
        for (int n : p.get(0).nodes()) assertThat(((org.preemptlab.cluster.NodeCluster) s.cluster()).poolOf(n)).isEqualTo(cn);
        assertThat(byName(r).get("urgent").firstStart()).isEqualTo(600);
    }

    @Test
    void graceTimeDelaysThePreemptorByTheVictimsGrace() throws Exception {
        // normal's GraceTime 5m: low gets SIGTERM at 10m and leaves at 15m; high starts then
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\", \"graceTime\": \"5m\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        Map<String, JobRun> jobs = byName(run(s));
        assertThat(jobs.get("high").firstStart()).isEqualTo(900);
        assertThat(jobs.get("low").end()).isEqualTo(900 + 3600 + 7200);
    }

    @Test
    void preemptExemptTimeOfTheVictimsQosDelaysThePreemption() throws Exception {
        // normal's PreemptExemptTime 30m: low may not be preempted before 30m; high starts at 30m
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\", \"preemptExemptTime\": \"30m\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 8, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        Map<String, JobRun> jobs = byName(run(s));
        assertThat(jobs.get("high").firstStart()).isEqualTo(1800);
    }

    @Test
    void consTresPreemptsOnlyWhatThePreemptorNeedsOnASharedNode() throws Exception {
        // four 2-CPU normal jobs share the node; high needs 4 CPUs: exactly two victims, two keep running
        Scenario s = scenario(ONE_NODE, BATCH,
                "{\"name\": \"normal\"}, {\"name\": \"high\", \"preempt\": [\"normal\"]}",
                "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                """
                {"name": "low", "array": "1-4", "submit": 0, "user": "ana", "qos": "normal", "ntasks": 2, "estimate": "3h", "runtime": "2h"},
                {"name": "high", "submit": "10m", "user": "ben", "qos": "high", "ntasks": 4, "estimate": "1h", "runtime": "1h"}
                """);
        SimulationResult r = run(s);
        assertThat(preempts(r)).hasSize(2);
        assertThat(byName(r).get("high").firstStart()).isEqualTo(600);
        long untouched = r.jobs().stream().filter(j -> j.name().startsWith("low_") && j.end() == 7200).count();
        assertThat(untouched).isEqualTo(2);
    }

    @Test
    void theRunSaysHowItPreempts() throws Exception {
        Scenario s = scenario(ONE_NODE, BATCH, "{\"name\": \"normal\"}", "{\"type\": \"qos\", \"mode\": \"requeue\"}",
                "{\"name\": \"j\", \"submit\": 0, \"user\": \"ana\", \"ntasks\": 1, \"estimate\": \"1h\", \"runtime\": \"1h\"}");
        assertThat(SlurmWarnings.of(s)).anyMatch(w -> w.contains("preempt/qos runs on the simulator's preemption"))
                .noneMatch(w -> w.contains("not yet applied"));
    }

    /** sample-clusters/slurm-qos-preemption.json: its lesson, and the two variants its description suggests. */
    @Test
    void theQosPreemptionSampleTeachesItsLesson() throws Exception {
        Scenario s = ScenarioReader.read(SlurmSamplesTest.sample("slurm-qos-preemption.json"));
        SimulationResult r = run(s);
        Map<String, JobRun> jobs = byName(r);
        assertThat(jobs.get("deadline").firstStart()).as("high starts after the victims' 2m grace").isEqualTo(3600 + 120);
        List<LogEntry> p = preempts(r);
        assertThat(p).hasSize(2);
        int deadlineIndex = jobs.get("deadline").index();
        int deadlineNode = r.timeline().segments().stream().filter(g -> g.job() == deadlineIndex && g.kind() == SegmentKind.RUNNING)
                .findFirst().orElseThrow().nodes()[0];
        for (LogEntry e : p) {
            JobRun victim = r.jobs().get(e.job());
            assertThat(victim.spec().qos()).isEqualTo("scavenger");
            assertThat(e.nodes()).containsExactly(deadlineNode); // only the jobs on the node it takes
            assertThat(victim.state()).isEqualTo(JobState.COMPLETED); // requeued, ran again
            assertThat(victim.end()).isGreaterThan(3600 + 120 + 4 * 3600 - 1);
        }
        assertThat(jobs.get("analysis").state()).isEqualTo(JobState.COMPLETED);
        assertThat(p).noneMatch(e -> r.jobs().get(e.job()).name().equals("analysis"));
        assertThat(jobs.get("analysis").firstStart()).as("normal preempts nobody: it waits").isGreaterThan(3600);

        var cluster = (org.preemptlab.cluster.NodeCluster) s.cluster();
        var qos = cluster.site().qos();
        org.preemptlab.qos.QosTable.Builder cancel = org.preemptlab.qos.QosTable.builder();
        org.preemptlab.qos.QosTable.Builder suspend = org.preemptlab.qos.QosTable.builder();
        for (org.preemptlab.qos.Qos q : qos.all()) {
            boolean scav = q.name().equals("scavenger");
            cancel.add(scav ? q.withPreemptMode(org.preemptlab.qos.PreemptMode.CANCEL) : q);
            suspend.add(scav ? q.withPreemptMode(org.preemptlab.qos.PreemptMode.SUSPEND) : q);
        }
        Map<String, JobRun> cancelled = byName(run(s.toBuilder().cluster(cluster.withSite(cluster.site().toBuilder()
                .qos(cancel.build()).build())).build()));
        assertThat(cancelled.values().stream().filter(j -> j.state() == JobState.PREEMPTED_KILLED).count()).isEqualTo(2);
        assertThat(cancelled.get("deadline").firstStart()).isEqualTo(3600 + 120);

        SimulationResult sr = run(s.toBuilder().cluster(cluster.withSite(cluster.site().toBuilder().qos(suspend.build()).build())).build());
        Map<String, JobRun> suspended = byName(sr);
        assertThat(suspended.get("deadline").firstStart()).as("suspend: no grace, at once").isEqualTo(3600);
        assertThat(sr.timeline().log().stream().filter(e -> e.kind() == LogKind.RESUME).count()).isEqualTo(2);
        for (JobRun j : suspended.values()) assertThat(j.state()).as(j.name()).isEqualTo(JobState.COMPLETED);
    }
}
