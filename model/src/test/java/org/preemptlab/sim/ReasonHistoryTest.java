package org.preemptlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.preemptlab.limits.PendingReason;

class ReasonHistoryTest {

    @Test
    void answers_the_reason_in_force_at_a_time_and_keeps_only_changes() {
        ReasonHistory h = new ReasonHistory(2);
        h.note(0, 10, PendingReason.NONE); // nothing before the first reason
        h.note(0, 10, PendingReason.QOS_MAX_JOBS_PER_USER);
        h.note(0, 20, PendingReason.QOS_MAX_JOBS_PER_USER); // no change
        h.note(0, 30, PendingReason.RESOURCES);
        h.note(0, 30, PendingReason.PRIORITY); // same instant: the later one wins
        for (int k = 0; k < 10; k++) h.note(0, 40 + k, k % 2 == 0 ? PendingReason.RESOURCES : PendingReason.PRIORITY); // grows
        h.note(0, 60, PendingReason.NONE);
        assertThat(h.at(0, 9)).isEqualTo(PendingReason.NONE);
        assertThat(h.at(0, 10)).isEqualTo(PendingReason.QOS_MAX_JOBS_PER_USER);
        assertThat(h.at(0, 29)).isEqualTo(PendingReason.QOS_MAX_JOBS_PER_USER);
        assertThat(h.at(0, 30)).isEqualTo(PendingReason.PRIORITY);
        assertThat(h.at(0, 40)).isEqualTo(PendingReason.RESOURCES);
        assertThat(h.at(0, 49)).isEqualTo(PendingReason.PRIORITY);
        assertThat(h.at(0, 1000)).isEqualTo(PendingReason.NONE);
        assertThat(h.changes(0)).isEqualTo(2 + 10 + 1);
        assertThat(h.at(1, 50)).isEqualTo(PendingReason.NONE);
        assertThat(h.at(7, 50)).isEqualTo(PendingReason.NONE);
    }
}
