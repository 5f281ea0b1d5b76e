package org.preemptlab.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;

/** {@code scontrol show reservation} output to reservations, and its errors with file:line. */
class ScontrolReservationsTest {

    static String fixture() throws Exception {
        try (var in = ScontrolReservationsTest.class.getResourceAsStream("scontrol-show-res.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static final NodeCluster CLUSTER = new NodeCluster(List.of(new NodePool("node", 8, 16, 0, "", List.of(), 1000)));
    /** Monday 2026-12-07 00:00: the scenario's time 0. */
    private static final LocalDateTime T0 = LocalDateTime.parse("2026-12-07T00:00:00");

    @Test
    void readsTheThreeRecordsOverSeveralLines() throws Exception {
        List<ScontrolReservations.Entry> e = ScontrolReservations.parse(fixture(), "res.txt");
        assertThat(e).extracting(ScontrolReservations.Entry::name).containsExactly("maint_fs", "cs101-lab", "vendor_test");
        assertThat(e.get(0).nodes()).containsExactly("ALL");
        assertThat(e.get(0).flags()).containsExactly("MAINT", "IGNORE_JOBS", "SPEC_NODES", "ALL_NODES");
        assertThat(e.get(1).nodes()).containsExactly("node-1", "node-2", "node-3", "node-4");
        assertThat(e.get(1).duration()).isEqualTo(7200);
        assertThat(e.get(2).users()).containsExactly("alan", "brenda");
        assertThat(e.get(2).line()).isEqualTo(15);
    }

    @Test
    void turnsThemIntoReservationsOfTheScenario() throws Exception {
        var r = ScontrolReservations.toSpecs(ScontrolReservations.parse(fixture(), "res.txt"), CLUSTER, T0);
        ReservationSpec maint = r.reservations().get(0);
        assertThat(maint.nodes()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(maint.start()).isEqualTo(86_400 + 6 * 3600);
        assertThat(maint.flags()).containsExactlyInAnyOrder(ReservationFlag.MAINT, ReservationFlag.IGNORE_JOBS);
        ReservationSpec lab = r.reservations().get(1);
        assertThat(lab.nodes()).containsExactly(0, 1, 2, 3);
        assertThat(lab.recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(lab.accounts()).containsExactly("cs101");
        assertThat(lab.start()).isEqualTo(86_400 + 14 * 3600);
        ReservationSpec vendor = r.reservations().get(2);
        assertThat(vendor.nodes()).isEmpty(); // tux10, tux11 are not nodes of the scenario: a node count instead
        assertThat(vendor.nodeCount()).isEqualTo(2);
        assertThat(vendor.pool()).isEqualTo("node");
        assertThat(vendor.flags()).containsExactlyInAnyOrder(ReservationFlag.FLEX, ReservationFlag.PURGE_COMP,
                ReservationFlag.REPLACE);
        assertThat(r.warnings()).anyMatch(w -> w.contains("flag MAGNETIC is not modelled"))
                .anyMatch(w -> w.contains("tux10,tux11 are not nodes of this scenario; reserved as NodeCnt=2 of pool node"))
                .anyMatch(w -> w.contains("CoreCnt=128: core reservations are not modelled"))
                .anyMatch(w -> w.contains("applies to jobs that carry a user"));
    }

    @Test
    void aReservationUnderWayAtTimeZeroKeepsWhatIsLeft() throws Exception {
        var r = ScontrolReservations.toSpecs(ScontrolReservations.parse(fixture(), "res.txt"), CLUSTER,
                LocalDateTime.parse("2026-12-08T07:00:00"));
        assertThat(r.reservations().get(0).start()).isZero();
        assertThat(r.reservations().get(0).duration()).isEqualTo(3600);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("line 1: reservation maint_fs: began before time 0"));
    }

    @Test
    void errorsNameFileAndLine() {
        String text = "ReservationName=a StartTime=2026-12-08T06:00:00\n   EndTime=tomorrow Duration=2h30\n"
                + "   Nodes=n[1-3 NodeCnt=-1\nReservationName=b Duration=10\n";
        assertThatThrownBy(() -> ScontrolReservations.parse(text, "res.txt"))
                .hasMessageContaining("res.txt:2: EndTime=tomorrow: not a time (YYYY-MM-DDTHH:MM:SS)")
                .hasMessageContaining("res.txt:2: Duration=2h30: not a duration")
                .hasMessageContaining("res.txt:3: Nodes=n[1-3")
                .hasMessageContaining("res.txt:3: NodeCnt=-1: not a count")
                .hasMessageContaining("res.txt:4: reservation b: no StartTime=");
        assertThatThrownBy(() -> ScontrolReservations.parse("Nodes=n1\n", "x.txt"))
                .hasMessageContaining("x.txt:1: Nodes=n1: before the first ReservationName=");
        assertThatThrownBy(() -> ScontrolReservations.parse("", "empty.txt"))
                .hasMessageContaining("empty.txt: no reservation");
    }
}
