package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.gres.Gres;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.sched.AvailabilityProfile;

/**
 * The backfill cycle's scratch reuse changes no answer: a profile made in the per-node timelines of an earlier
 * cycle's profile (searched and booked, with other running jobs at another instant) answers every search, later start
 * and booking as a profile made afresh, and ends with the same breakpoints on every node; and a profile made on the
 * free room itself (not a copy) answers as one made on a copy while that free room is taken from meanwhile, as the
 * backfill loop's {@code free.take} does.
 */
class ProfileReuseProperties {

    private static final NodeCluster CLUSTER = cluster(12, 4);

    private static NodeCluster cluster(int cpuNodes, int gpuNodes) {
        return RandomSlurmSites.cluster(cpuNodes, gpuNodes);
    }

    private static JobSpec job(Random rnd, int id) {
        String[] parts = {"cpu", "gpu", "all", "cpu,all", ""};
        String p = parts[rnd.nextInt(parts.length)];
        List<String> list = p.isEmpty() ? List.of() : List.of(p.split(","));
        int nodes = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(8) : 0);
        int cores = rnd.nextInt(4) == 0 ? 32 : 1 + rnd.nextInt(32);
        long mem = 1000L * (1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
        List<Gres> gres = p.equals("gpu") || rnd.nextInt(8) == 0 ? List.of(new Gres("gpu", "", 1 + rnd.nextInt(4))) : List.of();
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(list).gresPerNode(gres).exclusive(rnd.nextInt(10) == 0).build();
        long est = 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000);
        return new JobSpec(id, "j" + id, 0, nodes, cores, mem, est, est, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }

    /** A cycle's start: the free room now with up to 120 running jobs taken, their ends and placements. */
    private record Cycle(long now, TresCapacity free, long[] ends, Placement[] held) {
        static Cycle random(Random rnd, boolean slurmSelection) {
            long now = rnd.nextInt(1000);
            TresCapacity free = (TresCapacity) Capacity.of(CLUSTER);
            if (slurmSelection) free = free.withSlurmSelection();
            List<Long> ends = new ArrayList<>();
            List<Placement> held = new ArrayList<>();
            int running = rnd.nextInt(121);
            for (int r = 0; r < running; r++) {
                JobSpec j = job(rnd, 1000 + r);
                Placement p = free.place(j);
                if (p == null) continue;
                held.add(free.take(p));
                ends.add(rnd.nextInt(10) == 0 ? now - rnd.nextInt(3) : now + 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 4000));
            }
            return new Cycle(now, free, ends.stream().mapToLong(Long::longValue).toArray(), held.toArray(new Placement[0]));
        }
    }

    /** A backfill loop's searches, later starts and bookings on both profiles, each answer compared. */
    private static void sameAnswers(Random rnd, long seed, long now, TresStepProfile want, TresStepProfile got, TresCapacity taken) {
        for (int k = 0; k < 120; k++) {
            JobSpec j = job(rnd, k + 1);
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            AvailabilityProfile.Slot a = want.earliestFit(j, now, d);
            AvailabilityProfile.Slot b = got.earliestFit(j, now, d);
            assertThat(b).as("search %d of seed %d: %s for %d s", k, seed, j, d).isEqualTo(a);
            if (a == null) continue;
            long at = rnd.nextBoolean() ? a.start() : a.start() + rnd.nextInt(3000);
            assertThat(got.fitAt(j, at, d)).as("later start %d of seed %d at %d", k, seed, at).isEqualTo(want.fitAt(j, at, d));
            if (taken != null && a.start() == now && rnd.nextBoolean()) {
                try {
                    taken.take(a.placement()); // the backfill loop's start: the free room the profile was made on changes
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // not free any more in the taken room (an earlier booking took it): nothing to take
                }
            }
            if (rnd.nextInt(5) == 0) continue;
            long to = Math.max(a.start() + 1, (a.start() + d) / 60 * 60);
            want.book(a.placement(), a.start(), to);
            got.book(b.placement(), b.start(), to);
        }
        for (int node = 0; node < CLUSTER.nodeCount(); node++) {
            assertThat(got.timelines().segments(node)).as("seed %d: breakpoints of node %d", seed, node)
                    .isEqualTo(want.timelines().segments(node));
        }
        assertThat(got.steps()).isEqualTo(want.steps());
    }

    @Property(tries = 300)
    void aProfileInAnEarlierCyclesTimelinesAnswersAsAFreshOne(@ForAll long seed) {
        inAnEarlierCycles(seed, false);
    }

    /** The same with the earlier cycle's whole profile handed over (its timelines and its nodes' whole room). */
    @Property(tries = 200)
    void aProfileMadeOnAnEarlierCyclesProfileAnswersAsAFreshOne(@ForAll long seed) {
        inAnEarlierCycles(seed, true);
    }

    private static void inAnEarlierCycles(long seed, boolean wholeProfile) {
        Random rnd = new Random(seed);
        boolean slurmSelection = rnd.nextInt(4) != 0;
        // an earlier cycle, searched and booked (its timelines grown), then the cycle compared
        Cycle earlier = Cycle.random(rnd, slurmSelection);
        TresStepProfile old = TresStepProfile.ofReleases(earlier.now(), earlier.free().copy(), earlier.ends(), earlier.held());
        TresStepProfile oldRef = TresStepProfile.ofReleases(earlier.now(), earlier.free().copy(), earlier.ends(), earlier.held());
        sameAnswers(rnd, seed, earlier.now(), oldRef, old, null);
        Cycle c = Cycle.random(rnd, slurmSelection);
        TresStepProfile fresh = TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held());
        TresStepProfile reused = wholeProfile ? TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held(), old)
                : TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held(), old.timelines());
        assertThat(reused.timelines()).as("the earlier timelines' arrays are reused").isSameAs(old.timelines());
        assertThat(reused.wholeRoom()).as("the nodes' whole room").isEqualTo(fresh.wholeRoom());
        sameAnswers(rnd, seed, c.now(), fresh, reused, null);
    }

    /**
     * The select plugin's later start ({@code fitAt}) continues its job's first search (the nodes' walks go on from
     * where that search left them, no search afresh): every answer is the one of a profile that always searches afresh,
     * through two cycles (the second in the first's timelines), first searches from the cycle's start and later, later
     * starts at, after and before the first answer (a class walked past the later start must be walked afresh), a second
     * later start of the same job, later starts of another job or another duration (no continuation), and bookings
     * between (which end the continuation). Continuations happen (counted).
     */
    @Property(tries = 300)
    void aLaterStartContinuingTheFirstSearchAnswersAsAFreshSearch(@ForAll long seed) {
        Random rnd = new Random(seed);
        TresStepProfile keptTimelines = null;
        long continued = 0;
        for (int cycle = 0; cycle < 2; cycle++) {
            Cycle c = Cycle.random(rnd, true);
            TresStepProfile afresh = TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held());
            afresh.searchAfreshForLaterStarts();
            TresStepProfile cont = TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held(),
                    keptTimelines == null ? null : keptTimelines.timelines());
            JobSpec previous = null;
            for (int k = 0; k < 150; k++) {
                JobSpec j = previous != null && rnd.nextInt(6) == 0 ? previous : job(rnd, k + 1);
                long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
                long from = rnd.nextInt(5) == 0 ? c.now() + rnd.nextInt(2000) : c.now();
                AvailabilityProfile.Slot a = afresh.earliestFit(j, from, d);
                assertThat(cont.earliestFit(j, from, d)).as("search %d of cycle %d, seed %d", k, cycle, seed).isEqualTo(a);
                long first = a == null ? from : a.start();
                boolean bookedFirst = a != null && rnd.nextInt(4) == 0; // a booking between the search and its later start
                if (bookedFirst) {
                    long to = Math.max(a.start() + 1, (a.start() + d) / 60 * 60);
                    afresh.book(a.placement(), a.start(), to);
                    cont.book(a.placement(), a.start(), to);
                }
                int asks = 1 + (rnd.nextInt(4) == 0 ? 1 : 0);
                for (int q = 0; q < asks; q++) {
                    JobSpec who = previous != null && rnd.nextInt(8) == 0 ? previous : j;
                    long dd = rnd.nextInt(10) == 0 ? d + 60 : d;
                    long at = switch (rnd.nextInt(4)) {
                        case 0 -> first;
                        case 1 -> first + rnd.nextInt(3000);
                        case 2 -> Math.max(c.now(), first - rnd.nextInt(3000));
                        default -> c.ends().length == 0 ? first : Math.max(c.now(), c.ends()[rnd.nextInt(c.ends().length)]);
                    };
                    assertThat(cont.fitAt(who, at, dd)).as("later start %d/%d of cycle %d, seed %d, at %d for %d s", k, q, cycle, seed, at, dd)
                            .isEqualTo(afresh.fitAt(who, at, dd));
                }
                previous = j;
                if (a == null || bookedFirst || rnd.nextInt(4) == 0) continue;
                long to = Math.max(a.start() + 1, (a.start() + d) / 60 * 60);
                afresh.book(a.placement(), a.start(), to);
                cont.book(a.placement(), a.start(), to);
            }
            assertThat(afresh.continuedSearches()).isZero();
            continued += cont.continuedSearches();
            keptTimelines = cont;
        }
        assertThat(continued).as("seed %d: later starts continued their first search", seed).isPositive();
    }

    @Property(tries = 200)
    void aProfileOnTheFreeRoomItselfAnswersAsOneOnACopyWhileTheRoomIsTaken(@ForAll long seed) {
        Random rnd = new Random(seed);
        Cycle c = Cycle.random(rnd, rnd.nextInt(4) != 0);
        TresStepProfile onCopy = TresStepProfile.ofReleases(c.now(), c.free().copy(), c.ends(), c.held());
        TresStepProfile onItself = TresStepProfile.ofReleases(c.now(), c.free(), c.ends(), c.held());
        sameAnswers(rnd, seed, c.now(), onCopy, onItself, c.free());
    }
}
