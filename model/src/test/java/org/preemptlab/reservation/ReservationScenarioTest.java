package org.preemptlab.reservation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/** The scenario's reservations: read and written, judged with paths, and each flag's effect on a hand-sized run. */
class ReservationScenarioTest {

    static Scenario read(String body) throws Exception {
        return ScenarioReader.read("{\"formatVersion\": 1, \"name\": \"t\", \"cluster\": {\"pools\": [{\"name\": \"n\","
                + " \"nodes\": 4, \"coresPerNode\": 4}]}, \"policy\": {\"scheduler\": \"easy\"}, " + body + "}", "t.json",
                Path.of(""));
    }

    static SimulationResult run(Scenario s) {
        return new Simulation(s.toConfig(true)).run();
    }

    static JobRun job(SimulationResult r, String name) {
        return r.jobs().stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    static int[] nodesOf(SimulationResult r, String name) {
        int index = job(r, name).index();
        return r.timeline().segments().stream().filter(s -> s.job() == index && s.kind() == SegmentKind.RUNNING)
                .map(Segment::nodes).findFirst().orElseThrow();
    }

    @Test
    void errorsNameTheirPath() {
        assertThatThrownBy(() -> read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 60,"
                + " \"runtime\": 60, \"reservation\": \"labb\", \"group\": \"x\"}], \"reservations\": ["
                + "{\"name\": \"lab\", \"nodes\": [\"n-1\"], \"start\": 0, \"duration\": 3600, \"accounts\": [\"cs\"]},"
                + "{\"name\": \"lab\", \"nodes\": [\"n-9\"], \"start\": -5, \"duration\": 0, \"flags\": [\"WEEKLYY\"]},"
                + "{\"name\": \"c\", \"nodes\": [\"n-2\"], \"nodeCount\": 1, \"start\": 0, \"duration\": 60},"
                + "{\"name\": \"d\", \"nodes\": [\"n-1\"], \"start\": 600, \"duration\": 60},"
                + "{\"name\": \"e\", \"nodes\": [\"n-3\"], \"start\": 0, \"duration\": \"2d\", \"flags\": [\"DAILY\", \"REPLACE\"]},"
                + "{\"name\": \"f\", \"nodeCount\": 1, \"start\": 0, \"duration\": 60, \"purgeAfter\": 60},"
                + "{\"name\": \"g\", \"nodeCount\": 9, \"start\": 0, \"duration\": 60}]"))
                .hasMessageContaining("reservations[1].name: \"lab\"; duplicate: reservations[0] has the same name")
                .hasMessageContaining("reservations[1].start: -5")
                .hasMessageContaining("reservations[1].duration: 0")
                .hasMessageContaining("reservations[1].flags[0]: \"WEEKLYY\"; unknown flag; use MAINT, FLEX")
                .hasMessageContaining("reservations[1].nodes[0]: \"n-9\"; not a node of this cluster")
                .hasMessageContaining("reservations[2]: give \"nodes\" (node names) or \"nodeCount\"")
                .hasMessageContaining("reservations[3]: overlaps reservation lab on the same nodes at the same time")
                .hasMessageContaining("reservations[4].duration: \"2d\"; longer than its DAILY period (1d)")
                .hasMessageContaining("reservations[4].flags: REPLACE keeps the size of a node-count reservation")
                .hasMessageContaining("reservations[5].purgeAfter: 60; only PURGE_COMP uses it")
                .hasMessageContaining("reservations[6].nodeCount: 9; only 3 nodes are free of other reservations and of"
                        + " running jobs over it")
                .hasMessageContaining("jobs[0].reservation: \"labb\"; unknown reservation; use lab (did you mean \"lab\"?)");
        assertThatThrownBy(() -> read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 2, \"estimate\": 7200,"
                + " \"runtime\": 60, \"reservation\": \"lab\", \"group\": \"x\"}], \"reservations\": ["
                + "{\"name\": \"lab\", \"nodes\": [\"n-1\"], \"start\": 0, \"duration\": 3600, \"accounts\": [\"x\"]}]"))
                .hasMessageContaining("jobs[0].reservation: \"lab\"; the job's estimate (2h) is longer than the"
                        + " reservation (1h)");
        assertThatThrownBy(() -> read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 60,"
                + " \"runtime\": 60, \"reservation\": \"lab\", \"group\": \"y\"}], \"reservations\": ["
                + "{\"name\": \"lab\", \"nodes\": [\"n-1\"], \"start\": 0, \"duration\": 3600, \"accounts\": [\"x\"]}]"))
                .hasMessageContaining("jobs[0].reservation: \"lab\"; the job may not use it: its account \"y\" is not one of"
                        + " its accounts (Accounts=x)");
        assertThatThrownBy(() -> read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"runningFor\": 60, \"onNodes\":"
                + " [\"n-1\"], \"nodes\": 1, \"estimate\": 7200, \"runtime\": 3600}], \"reservations\": ["
                + "{\"name\": \"lab\", \"nodes\": [\"n-1\"], \"start\": 600, \"duration\": 3600}]"))
                .hasMessageContaining("reservations[0].nodes: [\"n-1\"]; node n-1 is busy with job 1 (running when the scenario"
                        + " begins) over the reservation; add the flag IGNORE_JOBS");
    }

    @Test
    void writtenAndReadBackUnchanged() throws Exception {
        Scenario s = read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 60, \"runtime\": 60,"
                + " \"reservation\": \"lab\", \"group\": \"cs\"}], \"reservations\": [{\"name\": \"lab\", \"nodes\":"
                + " [\"n-2\", \"n-1\"], \"users\": [\"t\"], \"accounts\": [\"cs\"], \"start\": \"1h\", \"duration\": \"2h\","
                + " \"flags\": [\"WEEKLY\", \"FLEX\", \"PURGE_COMP\"], \"purgeAfter\": \"10m\"},"
                + " {\"name\": \"more\", \"nodeCount\": 2, \"pool\": \"n\", \"start\": \"1h\", \"duration\": \"1h\","
                + " \"flags\": [\"REPLACE\"]}]");
        assertThat(s.reservations().get(1).nodes()).as("the first two nodes the lab does not hold").containsExactly(2, 3);
        String json = ScenarioWriter.toJson(s, Path.of(""));
        assertThat(json).contains("\"reservation\": \"lab\"").contains("\"nodeCount\": 2");
        Scenario back = ScenarioReader.read(json, "back.json", Path.of(""));
        assertThat(back.reservations()).isEqualTo(s.reservations());
        assertThat(back).isEqualTo(s);
    }

    @Test
    void membersRunOnlyInsideAndOthersNeverInside() throws Exception {
        // node n-1 reserved 1h–2h for the lab; "long" (2 h) cannot start on n-1 at 0; "lab" waits for 1h
        Scenario s = read("\"jobs\": ["
                + "{\"name\": \"fill\", \"submit\": 0, \"nodes\": 3, \"coresPerNode\": 4, \"estimate\": \"3h\", \"runtime\": \"3h\"},"
                + "{\"name\": \"long\", \"submit\": 0, \"nodes\": 1, \"coresPerNode\": 4, \"estimate\": \"2h\", \"runtime\": \"2h\"},"
                + "{\"name\": \"short\", \"submit\": 0, \"nodes\": 1, \"coresPerNode\": 4, \"estimate\": \"1h\", \"runtime\": \"1h\"},"
                + "{\"name\": \"lab\", \"submit\": 0, \"nodes\": 1, \"coresPerNode\": 4, \"estimate\": \"1h\", \"runtime\": \"30m\","
                + " \"reservation\": \"r\"}],"
                + "\"reservations\": [{\"name\": \"r\", \"nodes\": [\"n-4\"], \"start\": \"1h\", \"duration\": \"1h\"}]");
        SimulationResult r = run(s);
        assertThat(job(r, "fill").firstStart()).isZero();
        assertThat(job(r, "short").firstStart()).as("ends before the reservation: backfilled on n-4").isZero();
        assertThat(nodesOf(r, "short")).containsExactly(3);
        assertThat(job(r, "lab").firstStart()).isEqualTo(3600);
        assertThat(nodesOf(r, "lab")).containsExactly(3);
        assertThat(job(r, "long").firstStart()).as("would run into the reservation: after it").isEqualTo(7200);
        assertThat(r.timeline().log()).filteredOn(e -> e.kind() == LogKind.RESERVATION_BEGIN)
                .extracting(LogEntry::time).containsExactly(3600L);
    }

    @Test
    void purgeCompFreesTheNodesWhenItsLastJobIsDone() throws Exception {
        String jobs = "\"jobs\": ["
                + "{\"name\": \"lab\", \"submit\": 0, \"nodes\": 1, \"coresPerNode\": 4, \"estimate\": \"1h\", \"runtime\": \"10m\","
                + " \"reservation\": \"r\"},"
                + "{\"name\": \"big\", \"submit\": \"5m\", \"nodes\": 4, \"coresPerNode\": 4, \"estimate\": \"1h\", \"runtime\": \"1h\"}],";
        SimulationResult kept = run(read(jobs + "\"reservations\": [{\"name\": \"r\", \"nodes\": [\"n-1\"], \"start\": 0,"
                + " \"duration\": \"4h\"}]"));
        SimulationResult purged = run(read(jobs + "\"reservations\": [{\"name\": \"r\", \"nodes\": [\"n-1\"], \"start\": 0,"
                + " \"duration\": \"4h\", \"flags\": [\"PURGE_COMP\"]}]"));
        assertThat(job(kept, "big").firstStart()).as("all four nodes only after the reservation").isEqualTo(4 * 3600);
        assertThat(job(purged, "big").firstStart()).as("purged when lab ends at 10m").isEqualTo(600);
        assertThat(purged.timeline().log()).anyMatch(e -> e.kind() == LogKind.RESERVATION_END && e.time() == 600
                && e.reason().text().contains("purged (PURGE_COMP): its last job has completed"));
        // unused: purged purgeAfter after its start
        SimulationResult unused = run(read("\"jobs\": [{\"name\": \"big\", \"submit\": 0, \"nodes\": 4, \"coresPerNode\": 4,"
                + " \"estimate\": \"1h\", \"runtime\": \"1h\"}], \"reservations\": [{\"name\": \"r\", \"nodes\": [\"n-1\"],"
                + " \"start\": \"10m\", \"duration\": \"4h\", \"flags\": [\"PURGE_COMP\"], \"purgeAfter\": \"2m\"}]"));
        assertThat(job(unused, "big").firstStart()).isEqualTo(720);
    }

    @Test
    void replaceSwapsANodeHeldByAJobRunningIntoIt() throws Exception {
        // "old" runs on n-1 from before t=0 into the reservation (IGNORE_JOBS); REPLACE takes an idle node instead
        String body = "\"jobs\": [{\"name\": \"old\", \"submit\": 0, \"runningFor\": 60, \"onNodes\": [\"n-1\"], \"nodes\": 1,"
                + " \"coresPerNode\": 4, \"estimate\": \"3h\", \"runtime\": \"3h\"},"
                + "{\"name\": \"lab\", \"submit\": 0, \"nodes\": 2, \"coresPerNode\": 4, \"estimate\": \"1h\", \"runtime\": \"1h\","
                + " \"reservation\": \"r\"}], \"reservations\": [{\"name\": \"r\", \"nodeCount\": 2, \"start\": \"1h\","
                + " \"duration\": \"1h\", \"flags\": [\"IGNORE_JOBS\"%s]}]";
        Scenario plain = read(String.format(body, ""));
        assertThat(plain.reservations().get(0).nodes()).containsExactly(0, 1);
        SimulationResult without = run(plain);
        assertThat(job(without, "lab").firstStart()).as("n-1 busy: the lab job cannot fit in its reservation")
                .isGreaterThanOrEqualTo(7200);
        SimulationResult with = run(read(String.format(body, ", \"REPLACE\"")));
        assertThat(job(with, "lab").firstStart()).isEqualTo(3600);
        assertThat(nodesOf(with, "lab")).containsExactly(1, 2);
        assertThat(with.timeline().log()).anyMatch(e -> e.reason() != null
                && e.reason().text().contains("replaces node n-1 (REPLACE: it is down or busy) by idle node n-3"));
    }

    @Test
    void flexMembersMayRunOutside() throws Exception {
        String body = "\"jobs\": [{\"name\": \"lab\", \"submit\": 0, \"nodes\": 2, \"coresPerNode\": 4, \"estimate\": \"1h\","
                + " \"runtime\": \"1h\", \"reservation\": \"r\"}], \"reservations\": [{\"name\": \"r\", \"nodes\": [\"n-1\","
                + " \"n-2\"], \"start\": \"1h\", \"duration\": \"1h\"%s}]";
        assertThat(job(run(read(String.format(body, ""))), "lab").firstStart()).isEqualTo(3600);
        assertThat(job(run(read(String.format(body, ", \"flags\": [\"FLEX\"]"))), "lab").firstStart()).isZero();
    }

    @Test
    void filesWithoutReservationsRunAsBefore() throws Exception {
        Scenario s = read("\"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"estimate\": 60, \"runtime\": 60}]");
        assertThat(s.reservations()).isEmpty();
        assertThat(ScenarioWriter.toJson(s, Path.of(""))).doesNotContain("reservation");
        assertThat(List.of(run(s).timeline().log().stream().map(e -> e.kind()).toArray()))
                .doesNotContain(LogKind.RESERVATION_BEGIN, LogKind.RESERVATION_END);
    }
}
