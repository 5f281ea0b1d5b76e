package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** The teaching samples of a Slurm cluster (sample-clusters/), each run for its lesson. */
class SlurmSamplesTest {

    static Path sample(String name) {
        Path p = Path.of("../sample-clusters", name);
        return p.toFile().exists() ? p : Path.of("sample-clusters", name);
    }

    static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    static Map<String, JobRun> byName(SimulationResult r) {
        Map<String, JobRun> out = new HashMap<>();
        for (JobRun j : r.jobs()) out.put(j.name(), j);
        return out;
    }

    @Test
    void gpuJobsShareNodesUnderConsTresAndNotUnderLinear() throws Exception {
        Scenario s = ScenarioReader.read(sample("gpu-shared-nodes.json"));
        SimulationResult r = run(s);
        Map<String, JobRun> jobs = byName(r);
        for (int i = 0; i < 8; i++) assertThat(jobs.get("train_" + i).firstStart()).as("train_" + i).isZero();
        assertThat(jobs.get("whole-node").firstStart()).isEqualTo(3600);
        assertThat(jobs.get("cpu-job").firstStart()).isZero();
        for (JobRun j : r.jobs()) assertThat(j.state().name()).isEqualTo("COMPLETED");

        var cluster = (org.preemptlab.cluster.NodeCluster) s.cluster();
        Scenario linear = s.toBuilder().cluster(cluster.withSite(cluster.site().toBuilder()
                .select(org.preemptlab.site.SelectType.LINEAR).build())).build();
        Map<String, JobRun> lin = byName(run(linear));
        long startedAtZero = lin.values().stream().filter(j -> j.name().startsWith("train_") && j.firstStart() == 0).count();
        assertThat(startedAtZero).isEqualTo(2);
    }

    @Test
    void aLightUserCatchesUpOnAHeavyOneByFairShare() throws Exception {
        Scenario s = ScenarioReader.read(sample("fairshare-catch-up.json"));
        Map<String, JobRun> jobs = byName(run(s));
        for (int i = 0; i < 4; i++) assertThat(jobs.get("ben_" + i).firstStart()).as("ben_" + i).isEqualTo(7200);
        for (int i = 4; i < 8; i++) assertThat(jobs.get("ana_" + i).firstStart()).as("ana_" + i).isEqualTo(14400);

        var cluster = (org.preemptlab.cluster.NodeCluster) s.cluster();
        Scenario fifo = s.toBuilder().cluster(cluster.withSite(cluster.site().toBuilder().multifactor(false).build())).build();
        Map<String, JobRun> basic = byName(run(fifo));
        for (int i = 0; i < 4; i++) assertThat(basic.get("ben_" + i).firstStart()).as("submit order: ben_" + i).isEqualTo(21600);
    }

    @Test
    void aQosPerUserLimitKeepsJobsPendingWithItsReason() throws Exception {
        SimulationResult r = run(ScenarioReader.read(sample("qos-per-user-limit.json")));
        Map<String, JobRun> jobs = byName(r);
        assertThat(jobs.get("ben_1").firstStart()).isZero();
        assertThat(jobs.get("ben_2").firstStart()).isZero();
        long[] starts = java.util.stream.IntStream.rangeClosed(1, 6).mapToLong(i -> jobs.get("ana_" + i).firstStart()).sorted().toArray();
        assertThat(starts).containsExactly(0, 0, 3600, 3600, 7200, 7200);
        assertThat(maxRunningAtOnce(r, "ana_")).isEqualTo(2);
        assertThat(r.slurm().pending().max(org.preemptlab.limits.PendingReason.QOS_MAX_JOBS_PER_USER)).isEqualTo(4);
    }

    @Test
    void anArrayNeverRunsMoreTasksThanItsThrottleAndItsDependentWaits() throws Exception {
        SimulationResult r = run(ScenarioReader.read(sample("array-throttle.json")));
        Map<String, JobRun> jobs = byName(r);
        assertThat(maxRunningAtOnce(r, "sweep_")).isEqualTo(3);
        long lastEnd = 0;
        for (int i = 0; i < 10; i++) lastEnd = Math.max(lastEnd, jobs.get("sweep_" + i).end());
        assertThat(lastEnd).isEqualTo(4 * 1800);
        assertThat(jobs.get("collect").firstStart()).isEqualTo(lastEnd);
        assertThat(r.slurm().pending().max(org.preemptlab.limits.PendingReason.JOB_ARRAY_TASK_LIMIT)).isEqualTo(7);
        assertThat(r.slurm().pending().max(org.preemptlab.limits.PendingReason.DEPENDENCY)).isEqualTo(1);
    }

    /** The most jobs whose name starts with {@code prefix} running at one instant (from their starts and ends). */
    static int maxRunningAtOnce(SimulationResult r, String prefix) {
        java.util.TreeMap<Long, Integer> delta = new java.util.TreeMap<>();
        for (JobRun j : r.jobs()) {
            if (!j.name().startsWith(prefix)) continue;
            delta.merge(j.firstStart(), 1, Integer::sum);
            delta.merge(j.end(), -1, Integer::sum);
        }
        int now = 0, max = 0;
        for (int d : delta.values()) {
            now += d;
            max = Math.max(max, now);
        }
        return max;
    }
}
