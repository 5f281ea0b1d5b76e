package org.preemptlab.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.preemptlab.limits.PendingReason.TresLimit;
import org.preemptlab.tres.Tres;

class LimitSetTest {

    @Test
    void problemsNameTheField() {
        LimitSet l = LimitSet.builder().maxWall(0).grpJobs(-3).maxJobsPerUser(5).build();
        assertThat(l.problems("qos[x].limits")).containsExactly(
                "qos[x].limits.maxWall: 0; must be ≥ 1 (or -1 for no limit)",
                "qos[x].limits.grpJobs: -3; must be ≥ 0 (or -1 for no limit)");
        assertThat(LimitSet.NONE.problems("p")).isEmpty();
        assertThat(LimitSet.NONE.isEmpty()).isTrue();
        assertThat(l.withGrpJobs(2).grpJobs()).isEqualTo(2);
    }

    @Test
    void reasonsUseSlurmsSpelling() {
        assertThat(PendingReason.forTres(TresLimit.QOS_MAX_PER_USER, Tres.MEM).label()).isEqualTo("QOSMaxMemoryPerUser");
        assertThat(PendingReason.forTres(TresLimit.ASSOC_GRP, "gres/gpu:a100").label()).isEqualTo("AssocGrpGRES");
        assertThat(PendingReason.forTres(TresLimit.QOS_GRP, Tres.NODE).label()).isEqualTo("QOSGrpNodeLimit");
        assertThat(PendingReason.forTres(TresLimit.ASSOC_MAX_PER_JOB, Tres.CPU).label()).isEqualTo("AssocMaxCpuPerJobLimit");
        assertThat(PendingReason.parse("qosmaxjobsperuserlimit")).isEqualTo(PendingReason.QOS_MAX_JOBS_PER_USER);
        assertThat(PendingReason.QOS_GRP_CPU.isLimit()).isTrue();
        assertThat(PendingReason.RESOURCES.isLimit()).isFalse();
        assertThatThrownBy(() -> PendingReason.parse("Sleepy")).hasMessageContaining("\"Sleepy\"");
        // every label is distinct (they are what the events CSV and the Why list show)
        assertThat(java.util.Arrays.stream(PendingReason.values()).map(PendingReason::label).distinct().count())
                .isEqualTo(PendingReason.values().length);
    }
}
