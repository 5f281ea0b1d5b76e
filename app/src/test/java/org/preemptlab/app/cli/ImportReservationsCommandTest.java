package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.reservation.Recurrence;
import org.preemptlab.reservation.ReservationFlag;
import org.preemptlab.scenario.Scenario;

/** import-reservations: scontrol show reservation output added to a scenario, warnings printed, errors with file:line. */
class ImportReservationsCommandTest {

    @TempDir
    Path dir;

    private static final String RES = """
            ReservationName=maint_fs StartTime=2026-12-08T06:00:00
               EndTime=2026-12-08T08:00:00 Duration=02:00:00
               Nodes=ALL NodeCnt=8 Features=(null)
               PartitionName=(null) Flags=MAINT,IGNORE_JOBS,SPEC_NODES,ALL_NODES
               Users=root Accounts=(null) State=INACTIVE
            ReservationName=vendor StartTime=2026-12-09T09:00:00 EndTime=2026-12-09T21:00:00 Duration=12:00:00
               Nodes=tux[10-11] NodeCnt=2 PartitionName=node Flags=FLEX,MAGNETIC Users=(null) Accounts=vendor
            """;

    private Path scenario() throws Exception {
        Path s = SweepCommandTest.samples().resolve("weekly-course-reservation.json");
        return s;
    }

    @Test
    void addsTheReservationsToTheScenario() throws Exception {
        Path res = Files.writeString(dir.resolve("res.txt"), RES);
        Path out = dir.resolve("out.json");
        var o = SweepCommandTest.run("import-reservations", "--scenario", scenario().toString(), "--scontrol", res.toString(),
                "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("warning: line 6: reservation vendor: flag MAGNETIC is not modelled; dropped")
                .contains("reserved as NodeCnt=2 of pool node")
                .contains("wrote " + out + ": 3 reservations, time 0 = 2026-12-07T00:00");
        Scenario back = ScenarioReader.read(out);
        assertThat(back.reservations()).extracting(r -> r.name()).containsExactly("cs101-lab", "maint_fs", "vendor");
        var maint = back.reservations().get(1);
        assertThat(maint.start()).isEqualTo(86_400 + 6 * 3600);
        assertThat(maint.nodes()).hasSize(8);
        assertThat(maint.has(ReservationFlag.MAINT)).isTrue();
        var vendor = back.reservations().get(2);
        assertThat(vendor.nodeCount()).isEqualTo(2);
        // the node count is taken from nodes no other reservation holds then: the lab's are free on Wednesday
        assertThat(vendor.nodes()).containsExactly(0, 1);
        assertThat(back.reservations().get(0).recurrence()).isEqualTo(Recurrence.WEEKLY);
        assertThat(back.reservations().get(0).jobs()).hasSize(24); // the course jobs still name their reservation
    }

    @Test
    void badTextIsRefusedWithFileAndLine() throws Exception {
        Path res = Files.writeString(dir.resolve("bad.txt"), "ReservationName=x StartTime=2026-12-08T06:00:00\n  Duration=soon\n");
        var o = SweepCommandTest.run("import-reservations", "--scenario", scenario().toString(), "--scontrol", res.toString(),
                "--out", dir.resolve("o.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("preemptlab: bad.txt:2: Duration=soon: not a duration");
        assertThat(dir.resolve("o.json")).doesNotExist();
    }

    @Test
    void aLiveClusterIsAskedThroughScontrol() throws Exception {
        Path out = dir.resolve("live.json");
        org.preemptlab.backend.slurm.SlurmCommands fake = (org.preemptlab.backend.slurm.SlurmCommands) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(), new Class<?>[] {org.preemptlab.backend.slurm.SlurmCommands.class},
                        (proxy, method, args) -> {
                            if (method.getName().equals("showReservations")) return RES;
                            throw new UnsupportedOperationException(method.getName());
                        });
        var cmd = new ImportReservationsCommand(conf -> fake);
        int code = new picocli.CommandLine(cmd).execute("--scenario", scenario().toString(), "--from-cluster",
                "--time-zero", "2026-12-08T00:00:00", "--out", out.toString());
        assertThat(code).isZero();
        Scenario back = ScenarioReader.read(out);
        assertThat(back.reservations().get(1).start()).isEqualTo(6 * 3600);
    }
}
