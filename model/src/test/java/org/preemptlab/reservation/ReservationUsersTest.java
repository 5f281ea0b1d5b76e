package org.preemptlab.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * Users= and Accounts= with Slurm's semantics, on a version-2 scenario (its jobs carry a user and an
 * account): each list that is given must admit the job, a list of "-name"s admits every other
 * name; a job of a listed user runs inside the reservation, a job of another user may not name it
 * and, naming none, stays off its nodes while it lasts.
 */
class ReservationUsersTest {

    /** cn1 reserved for 1 h from 10 min; ana and bob in account lab, eve in account physics. */
    private static String scenario(String users, String accounts, String bobNames) {
        return """
                {"formatVersion": 2, "name": "users",
                 "cluster": {"nodes": [{"name": "cn", "hostNames": "cn[1-2]", "cpus": 4, "realMemory": "8G"}],
                             "defMemPerCpu": 1024},
                 "partitions": [{"name": "cpu", "nodes": ["cn"], "default": true, "maxTime": "1d"}],
                 "qos": [{"name": "normal"}],
                 "policy": {"scheduler": "easy"},
                 "jobs": [
                   {"name": "A", "submit": 0, "user": "ana", "account": "lab", "ntasks": 4, "estimate": "30m",
                    "runtime": "20m", "reservation": "lab"},
                   {"name": "B", "submit": 0, "user": "bob", "account": "lab", "ntasks": 4, "estimate": "50m",
                    "runtime": "50m"%s},
                   {"name": "C", "submit": 0, "user": "eve", "account": "physics", "ntasks": 4, "estimate": "2h",
                    "runtime": "2h"}
                 ],
                 "reservations": [{"name": "lab", "nodes": ["cn1"], "users": %s, "accounts": %s,
                                   "start": "10m", "duration": "1h"}]}
                """.formatted(bobNames == null ? "" : ", \"reservation\": \"" + bobNames + "\"", users, accounts);
    }

    private static Scenario read(String json) throws Exception {
        return ScenarioReader.read(json, "users.json", Path.of(""));
    }

    @Test
    void aListedUsersJobRunsInsideAndOthersStayOff() throws Exception {
        Scenario s = read(scenario("[\"ana\"]", "[]", null));
        assertThat(s.reservations().get(0).jobs()).containsExactly(1); // A, ana's job
        SimulationResult r = new Simulation(s.toConfig(true)).run();
        JobRun a = r.jobs().get(0);
        assertThat(a.firstStart()).isEqualTo(600); // waits for the reservation, then runs in it
        for (Segment seg : r.timeline().segments()) {
            if (seg.kind() != SegmentKind.RUNNING || seg.end() <= 600 || seg.start() >= 4200) continue;
            boolean onCn1 = false;
            for (int node : seg.nodes()) onCn1 |= node == 0;
            if (seg.job() == 0) assertThat(seg.nodes()).as("A on the reserved node").containsExactly(0);
            else assertThat(onCn1).as("job %d (not ana's) on cn1 during the reservation", seg.job()).isFalse();
        }
        // written back: Users= and the job's reservation
        Scenario again = read(ScenarioWriter.toJson(s, Path.of("")));
        assertThat(again.reservations().get(0).users()).containsExactly("ana");
        assertThat(again.reservations().get(0).jobs()).containsExactly(1);
    }

    @Test
    void anotherUsersJobMayNotNameIt() {
        assertThatThrownBy(() -> read(scenario("[\"ana\"]", "[]", "lab")))
                .hasMessageContaining("jobs[1].reservation: \"lab\"; the job may not use it: its user \"bob\" is not one"
                        + " of its users (Users=ana)");
    }

    @Test
    void aDeniedUserMayNotAndEveryOtherMay() throws Exception {
        assertThatThrownBy(() -> read(scenario("[\"-bob\"]", "[]", "lab")))
                .hasMessageContaining("jobs[1].reservation: \"lab\"; the job may not use it: its user \"bob\" is denied it"
                        + " (Users=-bob)");
        assertThat(read(scenario("[\"-eve\"]", "[]", "lab")).reservations().get(0).jobs()).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void withBothListsAJobMustMatchBoth() throws Exception {
        // ana is a listed user, but her account lab is not physics
        assertThatThrownBy(() -> read(scenario("[\"ana\"]", "[\"physics\"]", null)))
                .hasMessageContaining("jobs[0].reservation: \"lab\"; the job may not use it: its account \"lab\" is not one"
                        + " of its accounts (Accounts=physics)");
        assertThat(read(scenario("[\"ana\"]", "[\"lab\"]", null)).reservations().get(0).jobs()).containsExactly(1);
        // Accounts=lab, Users=-bob: the reservation guide's "account=foo user=-alan"
        assertThatThrownBy(() -> read(scenario("[\"-bob\"]", "[\"lab\"]", "lab"))).hasMessageContaining("is denied it");
    }

    @Test
    void aListMixingAdmittedAndDeniedNamesIsRefused() {
        assertThatThrownBy(() -> read(scenario("[\"ana\", \"-bob\"]", "[]", null)))
                .hasMessageContaining("reservations[0].users[1]: \"-bob\"; the list admits names: a denied one (\"-name\")"
                        + " cannot be mixed in (as in Slurm)");
    }

    @Test
    void importKeepsUsersDeniedOnesIncluded() throws Exception {
        String text = """
                ReservationName=lab StartTime=2026-12-08T14:00:00 EndTime=2026-12-08T16:00:00 Duration=02:00:00
                   Nodes=node-1 NodeCnt=1 CoreCnt=16 Features=(null) PartitionName=node Flags=SPEC_NODES
                   Users=ana,bob Groups=(null) Accounts=(null) Licenses=(null) State=INACTIVE
                ReservationName=open StartTime=2026-12-09T14:00:00 EndTime=2026-12-09T16:00:00 Duration=02:00:00
                   Nodes=node-2 NodeCnt=1 CoreCnt=16 Features=(null) PartitionName=node Flags=SPEC_NODES
                   Users=-eve Groups=(null) Accounts=-guests Licenses=(null) State=INACTIVE
                """;
        var r = ScontrolReservations.toSpecs(ScontrolReservations.parse(text, "res.txt"), ScontrolReservationsTest.CLUSTER,
                LocalDateTime.parse("2026-12-07T00:00:00"));
        assertThat(r.reservations().get(0).users()).containsExactly("ana", "bob");
        assertThat(r.reservations().get(1).users()).containsExactly("-eve");
        assertThat(r.reservations().get(1).accounts()).containsExactly("-guests");
        assertThat(r.reservations().get(0).refuses("ana", "x")).isNull();
        assertThat(r.reservations().get(0).refuses("eve", "x")).contains("not one of its users");
        assertThat(r.reservations().get(1).refuses("eve", "x")).contains("is denied it");
        assertThat(r.reservations().get(1).refuses("ana", "guests")).contains("its account \"guests\" is denied it");
        assertThat(r.reservations().get(1).refuses(null, "physics")).as("a version-1 job: Users= does not apply").isNull();
        assertThat(List.of(r.warnings())).isNotEmpty();
    }
}
