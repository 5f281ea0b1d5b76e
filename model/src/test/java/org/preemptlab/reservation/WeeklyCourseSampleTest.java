package org.preemptlab.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.SchedulerSpec;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.sim.JobRun;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/**
 * The lesson of sample-clusters/weekly-course-reservation.json: the WEEKLY lab reservation gives
 * the course its four nodes every Tuesday 14:00–16:00 — its jobs run there and then only, promptly —
 * and keeps the research jobs off those nodes while it lasts; without it the lab jobs wait hours
 * behind the research queue. The price is idle reserved node-hours before the lab and a longer
 * research wait.
 */
class WeeklyCourseSampleTest {

    private static final long DAY = 86_400;
    private static final long[] LAB_STARTS = {DAY + 14 * 3600, 8 * DAY + 14 * 3600};
    private static final long LAB = 2 * 3600;

    static Path sample() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        assertThat(dir).as("repository root with sample-clusters/").isNotNull();
        return dir.resolve("sample-clusters/weekly-course-reservation.json");
    }

    record Numbers(double labMeanWaitAfterClass, long labMaxWaitAfterClass, double labMeanWait, double researchMeanWait,
            double idleReservedNodeHoursBefore, long researchOnLabNodesDuringLab, long labOutside) {}

    static Numbers measure(SimulationResult r, boolean withReservation) {
        double labWaitAfter = 0;
        long labMaxAfter = 0;
        double labWait = 0;
        int labs = 0;
        double researchWait = 0;
        int research = 0;
        for (JobRun j : r.jobs()) {
            long wait = j.firstStart() - j.spec().submit();
            if (j.name().startsWith("L")) {
                long classStart = j.name().startsWith("L1") ? LAB_STARTS[0] : LAB_STARTS[1];
                long after = j.firstStart() - Math.max(j.spec().submit(), classStart);
                labWaitAfter += after;
                labMaxAfter = Math.max(labMaxAfter, after);
                labWait += wait;
                labs++;
            } else {
                researchWait += wait;
                research++;
            }
        }
        long onLab = 0;
        long labOutside = 0;
        double busyBefore = 0;
        for (Segment s : r.timeline().segments()) {
            if (s.kind() == SegmentKind.WAITING || s.kind() == SegmentKind.LOST) continue;
            boolean lab = r.job(s.job()).name().startsWith("L");
            for (int node : s.nodes()) {
                boolean reservedNode = node < 4;
                for (long start : LAB_STARTS) {
                    long overlap = Math.min(s.end(), start + LAB) - Math.max(s.start(), start);
                    if (!lab && reservedNode && overlap > 0) onLab += overlap;
                    // the four hours before the lab on the reserved nodes: how much is used
                    long before = Math.min(s.end(), start) - Math.max(s.start(), start - 4 * 3600);
                    if (reservedNode && before > 0) busyBefore += before / (double) (r.job(s.job()).spec().coresPerNode() == 16 ? 1 : 2);
                }
                if (lab && (!reservedNode || !insideLab(s))) labOutside++;
            }
        }
        double idleBefore = (2 * 4 * 4 * 3600 - busyBefore) / 3600.0;
        return new Numbers(labWaitAfter / labs / 60.0, labMaxAfter / 60, labWait / labs / 60.0,
                researchWait / research / 3600.0, idleBefore, onLab, labOutside);
    }

    private static boolean insideLab(Segment s) {
        for (long start : LAB_STARTS) if (s.start() >= start && s.end() <= start + LAB) return true;
        return false;
    }

    @Test
    void theLabGetsItsNodesOnTimeAndOnlyThem() throws Exception {
        Scenario s = ScenarioReader.read(sample());
        assertThat(s.reservations()).hasSize(1);
        assertThat(s.reservations().get(0).jobs()).hasSize(24);
        SimulationResult with = new Simulation(s.toConfig(true)).run();
        Scenario plain = s.toBuilder().reservations(List.of()).build();
        SimulationResult without = new Simulation(plain.toConfig(true)).run();
        Numbers a = measure(with, true);
        Numbers b = measure(without, false);
        System.out.println("weekly-course-reservation (easy): with the reservation " + a);
        System.out.println("weekly-course-reservation (easy): without it           " + b);
        // the lab's jobs run in the lab, on the lab's nodes, and start within minutes of class or submission
        assertThat(a.labOutside()).isZero();
        assertThat(a.researchOnLabNodesDuringLab()).isZero();
        assertThat(a.labMaxWaitAfterClass()).isLessThanOrEqualTo(30);
        // without the reservation they queue behind research jobs: hours, and research jobs hold the nodes
        assertThat(b.labMeanWait()).isGreaterThan(4 * a.labMeanWait());
        assertThat(b.researchOnLabNodesDuringLab()).isPositive();
        // the price: research waits longer with the reservation
        assertThat(a.researchMeanWait()).isGreaterThan(b.researchMeanWait());
    }

    @Test
    void everySchedulerKeepsTheLab() throws Exception {
        Scenario s = ScenarioReader.read(sample());
        String json = Files.readString(sample());
        for (SchedulerKind kind : SchedulerKind.values()) {
            ReservationProperties.check(s.withScheduler(SchedulerSpec.of(kind)), "the sample");
        }
    }
}
