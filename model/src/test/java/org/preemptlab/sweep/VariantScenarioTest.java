package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.mechanism.PreemptMechanism.CHECKPOINT;
import static org.preemptlab.mechanism.PreemptMechanism.KILL;
import static org.preemptlab.mechanism.PreemptMechanism.REQUEUE;
import static org.preemptlab.mechanism.PreemptMechanism.SUSPEND;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.job.JobSpec;

class VariantScenarioTest {

    private static Variant variant(String policy) {
        return new Variant(0, 0, "x", policy, null, null, null, null, null);
    }

    @Test
    void mechanismGoesToTheHeadOfEveryChain() throws IOException {
        Scenario s = ScenarioReader.read(SweepFixtures.samples().resolve("owner-pools.json"));
        assertThat(s.rules().chainFor("preempt")).containsExactly(REQUEUE, KILL);
        Variant v = new Variant(0, 0, "x", "easy", SUSPEND, null, null, null, null);
        Scenario out = VariantScenario.of(s, v);
        assertThat(out.rules().chainFor("preempt")).containsExactly(SUSPEND, REQUEUE, KILL);
        assertThat(out.rules().defaultChain()).containsExactly(SUSPEND, REQUEUE, KILL);
        assertThat(VariantScenario.headFirst(List.of(SUSPEND, CHECKPOINT, REQUEUE, KILL), REQUEUE))
                .containsExactly(REQUEUE, SUSPEND, CHECKPOINT, KILL);
        assertThat(out.rules().ownerPreemption()).isTrue();
        assertThat(out.rules().tiers()).isEqualTo(s.rules().tiers());
    }

    @Test
    void bandwidthReplacesEveryPoolsAndTheStorageBandwidth() throws IOException {
        Scenario s = ScenarioReader.read(SweepFixtures.samples().resolve("checkpoint-contention.json"));
        Scenario out = VariantScenario.of(s, new Variant(0, 0, "x", "easy", null, 42.0, null, null, null));
        assertThat(((NodeCluster) out.cluster()).pools()).extracting(NodePool::checkpointBandwidthMBps).containsOnly(42.0);
        assertThat(out.settings().storageMBps()).isEqualTo(42.0);
        assertThat(out.jobs()).isEqualTo(s.jobs());
    }

    @Test
    void alphaSetsEveryEstimateToRuntimeOverAlphaRoundedUp() throws IOException {
        Scenario s = ScenarioReader.read(SweepFixtures.samples().resolve("easy-vs-conservative.json"));
        Scenario out = VariantScenario.of(s, new Variant(0, 0, "x", "easy", null, null, EstimateAccuracy.of(0.3), null, null));
        for (int i = 0; i < s.jobs().size(); i++) {
            JobSpec a = s.jobs().get(i), b = out.jobs().get(i);
            assertThat(b.estimate()).isEqualTo(Math.max(1, (long) Math.ceil(a.runtime() / 0.3)));
            assertThat(b.withEstimate(a.estimate())).isEqualTo(a);
        }
        assertThat(EstimateAccuracy.of(1).apply(JobSpec.ofProcessors(1, 0, 1, 500, 0)).estimate()).isEqualTo(1);
        assertThat(VariantScenario.of(s, new Variant(0, 0, "x", "easy", null, null, EstimateAccuracy.ORIGINAL, null, null))
                .jobs()).isEqualTo(s.jobs());
    }

    @Test
    void maintenanceStartMovesOnlyTheFirstWindow() throws IOException {
        Scenario s = ScenarioReader.read(SweepFixtures.samples().resolve("maintenance-checkpoint.json"));
        Scenario out = VariantScenario.of(s, new Variant(0, 0, "x", "easy", null, null, null, 3600L, null));
        assertThat(out.maintenance().get(0).start()).isEqualTo(3600);
        assertThat(out.maintenance().get(0).duration()).isEqualTo(s.maintenance().get(0).duration());
        assertThat(out.maintenance().get(0).nodes()).isEqualTo(s.maintenance().get(0).nodes());
    }

    @Test
    void policyAndP() throws IOException {
        Scenario s = ScenarioReader.read(SweepFixtures.samples().resolve("owner-pools.json"));
        assertThat(VariantScenario.of(s, variant("conservative")).scheduler()).isEqualTo(SchedulerSpec.of("conservative"));
        Scenario ac = VariantScenario.of(s, new Variant(0, 0, "x", "aggressive-checkpoint", null, null, null, null, 0.7));
        assertThat(ac.scheduler()).isEqualTo(SchedulerSpec.aggressiveCheckpoint(0.7, 1800, 430, false));
        Scenario niu = ScenarioReader.read(SweepFixtures.samples().resolve("niu-aggressive.json"));
        assertThat(VariantScenario.of(niu, variant("aggressive-checkpoint")).scheduler()).isEqualTo(niu.scheduler());
    }
}
