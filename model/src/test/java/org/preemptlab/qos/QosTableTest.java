package org.preemptlab.qos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.preemptlab.mechanism.PreemptMechanism;

class QosTableTest {

    @Test
    void aPreemptionCycleIsRefusedNamingIt() {
        QosTable.Builder b = QosTable.builder()
                .add(Qos.of("high", 100).withPreempt(Set.of("normal")))
                .add(Qos.of("normal", 10).withPreempt(Set.of("scavenger")))
                .add(Qos.of("scavenger", 0).withPreempt(Set.of("high")));
        assertThat(b.problems()).containsExactly("qos[high].preempt: cycle high → normal → scavenger → high; "
                + "preemption must be a strict order (no QOS may preempt itself, directly or through others)");
        assertThatThrownBy(b::build).isInstanceOf(QosTableException.class).hasMessageContaining("cycle high → normal → scavenger → high");
    }

    @Test
    void selfPreemptionAndUnknownNamesAreRefused() {
        assertThat(QosTable.builder().add(Qos.of("a", 0).withPreempt(Set.of("a", "zz"))).problems()).containsExactly(
                "qos[a].preempt: \"zz\"; no such QOS",
                "qos[a].preempt: cycle a → a; preemption must be a strict order (no QOS may preempt itself, directly or through others)");
    }

    @Test
    void valuesAreChecked() {
        assertThat(QosTable.builder().add(Qos.of("a", -1).withGraceSeconds(-5).withUsageFactor(Double.NaN).withExemptSeconds(-3)).problems())
                .containsExactly("qos[a].priority: -1; must be ≥ 0", "qos[a].graceTime: -5; must be ≥ 0",
                        "qos[a].preemptExemptTime: -3; must be ≥ 0 (or -1 for none)", "qos[a].usageFactor: NaN; must be a number ≥ 0");
    }

    @Test
    void preemptionIsDirectAndTiersFollowIt() {
        QosTable t = QosTable.builder()
                .add(Qos.of("high", 100).withPreempt(Set.of("normal")))
                .add(Qos.of("normal", 10).withPreempt(Set.of("scavenger")))
                .add(Qos.of("scavenger", 0)).build();
        assertThat(t.canPreempt("high", "normal")).isTrue();
        assertThat(t.canPreempt("high", "scavenger")).isFalse(); // not transitive, as in Slurm
        assertThat(t.canPreempt("normal", "high")).isFalse();
        assertThat(t.tier("high")).isEqualTo(2);
        assertThat(t.tier("normal")).isEqualTo(1);
        assertThat(t.tier("scavenger")).isZero();
        assertThat(t.maxPriority()).isEqualTo(100);
    }

    @Test
    void preemptModesMapOntoTheSimulatorsMechanisms() {
        assertThat(PreemptMode.parse("REQUEUE").mechanism()).contains(PreemptMechanism.REQUEUE);
        assertThat(PreemptMode.parse("suspend,gang").mechanism()).contains(PreemptMechanism.SUSPEND);
        assertThat(PreemptMode.parse("CANCEL").mechanism()).contains(PreemptMechanism.KILL);
        assertThat(PreemptMode.parse("off").mechanism()).isEmpty();
        assertThat(PreemptMode.parse("")).isEqualTo(PreemptMode.CLUSTER);
        assertThatThrownBy(() -> PreemptMode.parse("nap")).hasMessageContaining("\"nap\" is not a PreemptMode");
    }

    @Test
    void exemptTimeProtectsYoungJobs() {
        Qos q = Qos.of("a", 0).withExemptSeconds(600);
        assertThat(q.exemptAt(1000, 1599)).isTrue();
        assertThat(q.exemptAt(1000, 1600)).isFalse();
        assertThat(Qos.of("b", 0).exemptAt(1000, 1000)).isFalse();
    }
}
