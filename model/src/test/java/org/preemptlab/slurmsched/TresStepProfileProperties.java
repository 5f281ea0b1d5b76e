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
 * The backfill cycle's fast profile on a Slurm cluster answers every earliest-fit search exactly as
 * the general profile does (the same start, the same nodes, partition and GRES) through a cycle of
 * searches and bookings like the backfill loop's, on profiles built from running jobs' releases;
 * and it ends with the same breakpoints.
 */
class TresStepProfileProperties {

    private static final NodeCluster CLUSTER = cluster();

    private static NodeCluster cluster() {
        return cluster(4, 2);
    }

    private static NodeCluster cluster(int cpuNodes, int gpuNodes) {
        return RandomSlurmSites.cluster(cpuNodes, gpuNodes);
    }

    private static JobSpec job(Random rnd, int id) {
        return job(rnd, id, 3);
    }

    /** A random job of 1 to {@code maxNodes} nodes (a quarter of the jobs more than one). */
    private static JobSpec job(Random rnd, int id, int maxNodes) {
        String[] parts = {"cpu", "gpu", "all", "cpu,all", ""};
        String p = parts[rnd.nextInt(parts.length)];
        List<String> list = p.isEmpty() ? List.of() : List.of(p.split(","));
        int nodes = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(maxNodes) : 0);
        int cores = rnd.nextInt(4) == 0 ? 32 : 1 + rnd.nextInt(32); // a quarter take whole nodes' CPUs (the idle-bit search)
        long mem = 1000L * (1 + rnd.nextInt(rnd.nextBoolean() ? 8 : 300));
        List<Gres> gres = p.equals("gpu") || rnd.nextInt(8) == 0 ? List.of(new Gres("gpu", "", 1 + rnd.nextInt(4))) : List.of();
        SlurmRequest req = SlurmRequest.of("u", "a").toBuilder().partitions(list).gresPerNode(gres).exclusive(rnd.nextInt(10) == 0).build();
        long est = 1 + rnd.nextInt(rnd.nextBoolean() ? 100 : 5000);
        return new JobSpec(id, "j" + id, 0, nodes, cores, mem, est, est, "normal", "a", List.of(), true, true, 0, 0, null, req);
    }

    @Property(tries = 200)
    void theFastSearchAnswersAsTheGeneralProfile(@ForAll long seed) {
        fastAnswersAsGeneral(seed, false);
    }

    /**
     * With Slurm's node choice (TresCapacity.withSlurmSelection: cons_tres best fit across node groups), the
     * fast search's placements are still the general profile's, whose meet is placed by TresCapacity.place.
     */
    @Property(tries = 200)
    void withSlurmsNodeChoiceTheFastSearchAnswersAsTheGeneralProfile(@ForAll long seed) {
        fastAnswersAsGeneral(seed, true);
    }

    private void fastAnswersAsGeneral(long seed, boolean slurmSelection) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        Profiles both = Profiles.ofRandomRunningJobs(rnd, now, slurmSelection);
        AvailabilityProfile general = both.general();
        TresStepProfile fast = both.fast();
        for (int k = 0; k < 60; k++) {
            JobSpec j = job(rnd, k + 1);
            long from = now + (rnd.nextInt(4) == 0 ? rnd.nextInt(200) : 0);
            long d = j.estimate();
            AvailabilityProfile.Slot want = general.earliestFit(j, from, d, List.of());
            AvailabilityProfile.Slot got = fast.earliestFit(j, from, d);
            assertThat(got).as("search %d of seed %d: %s", k, seed, j).isEqualTo(want);
            if (want == null) continue;
            long to = rnd.nextBoolean() ? want.start() + d : Math.max(want.start() + 1, (want.start() + d) / 60 * 60);
            general.book(want.placement(), want.start(), to);
            fast.book(got.placement(), got.start(), to);
        }
    }

    /**
     * A queue of few shapes (as a long Slurm queue is): most searches start from an earlier search's
     * bound ({@link ShapeBounds}); every answer is still the general profile's.
     */
    @Property(tries = 200)
    void searchesOfRepeatedShapesAnswerAsTheGeneralProfile(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        Profiles both = Profiles.ofRandomRunningJobs(rnd, now, rnd.nextBoolean());
        AvailabilityProfile general = both.general();
        TresStepProfile fast = both.fast();
        List<JobSpec> shapes = new ArrayList<>();
        for (int k = 0; k < 1 + rnd.nextInt(5); k++) shapes.add(job(rnd, 500 + k));
        long[] durations = {60, 600, 1200, 3600, 1 + rnd.nextInt(5000)};
        for (int k = 0; k < 80; k++) {
            JobSpec j = shapes.get(rnd.nextInt(shapes.size()));
            long from = rnd.nextInt(8) == 0 ? now + rnd.nextInt(200) : now;
            long d = durations[rnd.nextInt(durations.length)];
            AvailabilityProfile.Slot want = general.earliestFit(j, from, d, List.of());
            AvailabilityProfile.Slot got = fast.earliestFit(j, from, d);
            assertThat(got).as("search %d of seed %d: %s for %d s from %d", k, seed, j, d, from).isEqualTo(want);
            if (want == null || rnd.nextInt(4) == 0) continue; // some answers are not booked (beyond the window)
            long to = rnd.nextBoolean() ? want.start() + d : Math.max(want.start() + 1, (want.start() + d) / 60 * 60);
            general.book(want.placement(), want.start(), to);
            fast.book(got.placement(), got.start(), to);
        }
    }

    /**
     * The idle bits {@code ofReleases} derives step by step from the released nodes are those computed
     * from each step's whole room, and so is the flag of a node with all CPUs but not all memory free;
     * they stay so through bookings. Some running jobs release at the profile's start (a step replaced).
     */
    @Property(tries = 200)
    void idleBitsDerivedStepByStepAreTheRecomputedOnes(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        TresCapacity free = (TresCapacity) Capacity.of(CLUSTER);
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            JobSpec j = job(rnd, 1000 + r);
            Placement p = free.place(j);
            if (p == null) continue;
            held.add(free.take(p));
            // a few at the start or before it (released at now), many at the same instants
            ends.add(rnd.nextInt(8) == 0 ? now - rnd.nextInt(3) : now + 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 3000));
        }
        TresStepProfile fast = TresStepProfile.ofReleases(now, free.copy(), ends.stream().mapToLong(Long::longValue).toArray(),
                held.toArray(new Placement[0]));
        assertThat(fast.idleBitsAsRecomputed()).as("seed %d, %d running jobs", seed, held.size()).isTrue();
        for (int k = 0; k < 30; k++) {
            JobSpec j = job(rnd, k + 1);
            AvailabilityProfile.Slot slot = fast.earliestFit(j, now, j.estimate());
            if (slot == null) continue;
            fast.book(slot.placement(), slot.start(), slot.start() + j.estimate());
        }
        assertThat(fast.idleBitsAsRecomputed()).as("seed %d after bookings", seed).isTrue();
    }

    private static final NodeCluster LARGER = cluster(12, 4);

    /**
     * The search on the nodes' own timelines ({@link NodeTimelines}) answers as the search over the steps
     * did (the same start, nodes, partition and GRES), first fit and Slurm's node choice, through a cycle
     * of searches and bookings (planned starts booked to a rounded end, some answers not booked) on a
     * larger cluster, with running jobs ending at shared instants and at the profile's start, repeated
     * shapes (the shape bounds) and searches from later instants.
     */
    @Property(tries = 300)
    void theNodeTimelinesAnswerAsTheStepSearch(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        boolean slurmSelection = rnd.nextBoolean();
        TresCapacity free = (TresCapacity) Capacity.of(LARGER);
        if (slurmSelection) free = free.withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        long[] shared = {now + 1 + rnd.nextInt(100), now + 1 + rnd.nextInt(2000)};
        for (int r = 0; r < 120; r++) {
            JobSpec j = job(rnd, 1000 + r, 8);
            Placement p = free.place(j);
            if (p == null) continue;
            held.add(free.take(p));
            int kind = rnd.nextInt(10);
            ends.add(kind == 0 ? now - rnd.nextInt(3) : kind < 3 ? shared[kind - 1] : now + 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 4000));
        }
        long[] t = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        TresStepProfile steps = TresStepProfile.ofReleases(now, free.copy(), t, h);
        steps.searchBySteps();
        TresStepProfile byNode = TresStepProfile.ofReleases(now, free.copy(), t, h);
        List<JobSpec> shapes = new ArrayList<>();
        for (int k = 0; k < 6; k++) shapes.add(job(rnd, 500 + k, 8));
        for (int k = 0; k < 150; k++) {
            JobSpec j = rnd.nextInt(3) == 0 ? shapes.get(rnd.nextInt(shapes.size())) : job(rnd, k + 1, 8);
            long from = rnd.nextInt(6) == 0 ? now + rnd.nextInt(300) : now;
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            AvailabilityProfile.Slot want = steps.earliestFit(j, from, d);
            AvailabilityProfile.Slot got = byNode.earliestFit(j, from, d);
            assertThat(got).as("search %d of seed %d (%s): %s for %d s from %d", k, seed, slurmSelection ? "cons_tres" : "first fit", j, d, from)
                    .isEqualTo(want);
            if (want == null || rnd.nextInt(5) == 0) continue;
            long to = rnd.nextBoolean() ? want.start() + d : Math.max(want.start() + 1, (want.start() + d) / 60 * 60);
            steps.book(want.placement(), want.start(), to);
            byNode.book(got.placement(), got.start(), to);
        }
        assertThat(byNode.steps()).isEqualTo(steps.steps());
    }

    /**
     * {@code fitAt(job, at, d)} (the select plugin's later start, searched up to {@code at} only) is
     * {@code earliestFit(job, at, d)} when that starts at {@code at}, else null: at the earliest fits' own starts,
     * at later ends of running jobs and at random instants, through a cycle of bookings, both node choices.
     */
    @Property(tries = 300)
    void theFitAtAStartIsTheEarliestFitFromItWhenItStartsThere(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        boolean slurmSelection = rnd.nextInt(4) != 0;
        TresCapacity free = (TresCapacity) Capacity.of(LARGER);
        if (slurmSelection) free = free.withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        for (int r = 0; r < 120; r++) {
            JobSpec j = job(rnd, 1000 + r, 8);
            Placement p = free.place(j);
            if (p == null) continue;
            held.add(free.take(p));
            ends.add(now + 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 4000));
        }
        long[] t = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        TresStepProfile ref = TresStepProfile.ofReleases(now, free.copy(), t, h);
        TresStepProfile probe = TresStepProfile.ofReleases(now, free.copy(), t, h);
        List<JobSpec> shapes = new ArrayList<>();
        for (int k = 0; k < 6; k++) shapes.add(job(rnd, 500 + k, 8));
        int found = 0;
        for (int k = 0; k < 150; k++) {
            JobSpec j = rnd.nextInt(3) == 0 ? shapes.get(rnd.nextInt(shapes.size())) : job(rnd, k + 1, 8);
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            AvailabilityProfile.Slot earliest = ref.earliestFit(j, now, d);
            assertThat(probe.earliestFit(j, now, d)).isEqualTo(earliest);
            long at = switch (rnd.nextInt(3)) {
                case 0 -> earliest == null ? now : earliest.start();
                case 1 -> t.length == 0 ? now : Math.max(now, t[rnd.nextInt(t.length)]);
                default -> now + rnd.nextInt(5000);
            };
            AvailabilityProfile.Slot want = ref.earliestFit(j, at, d);
            if (want != null && want.start() != at) want = null;
            AvailabilityProfile.Slot got = probe.fitAt(j, at, d);
            assertThat(got).as("fit of search %d of seed %d (%s): %s for %d s at %d", k, seed, slurmSelection ? "cons_tres" : "first fit", j, d, at)
                    .isEqualTo(want);
            if (got != null) found++;
            if (earliest == null || rnd.nextInt(5) == 0) continue;
            long to = Math.max(earliest.start() + 1, (earliest.start() + d) / 60 * 60);
            ref.book(earliest.placement(), earliest.start(), to);
            probe.book(earliest.placement(), earliest.start(), to);
        }
        assertThat(found).as("seed %d: some fits found at their start", seed).isPositive();
    }

    /**
     * {@code fitAtOn(job, at, d, nodes)} (the whole-node plans' later start, searched up to {@code at} only) is
     * {@code earliestFitOn(job, at, d, nodes)} when that starts at {@code at}, else null, and {@code earliestFitOnUpTo(job,
     * now, d, nodes, upTo)} its earliest fit when that starts by {@code upTo}, else null, on random node subsets: at the
     * earliest fits' own starts, at later ends of running jobs and at random instants, through a cycle of bookings.
     */
    @Property(tries = 300)
    void theFitAtAStartOnSomeNodesIsTheEarliestFitOnThemWhenItStartsThere(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        TresCapacity free = ((TresCapacity) Capacity.of(LARGER)).withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        for (int r = 0; r < 120; r++) {
            JobSpec j = job(rnd, 1000 + r, 8);
            Placement p = free.place(j);
            if (p == null) continue;
            held.add(free.take(p));
            ends.add(now + 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 4000));
        }
        long[] t = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        TresStepProfile ref = TresStepProfile.ofReleases(now, free.copy(), t, h);
        TresStepProfile probe = TresStepProfile.ofReleases(now, free.copy(), t, h);
        int nodeCount = ref.nodeCount();
        int found = 0;
        for (int k = 0; k < 150; k++) {
            JobSpec j = job(rnd, k + 1, 8);
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            java.util.BitSet nodes = new java.util.BitSet();
            int keep = rnd.nextInt(4); // 0: every node; else about keep quarters of them
            for (int n = 0; n < nodeCount; n++) if (keep == 0 || rnd.nextInt(4) < keep) nodes.set(n);
            AvailabilityProfile.Slot earliest = ref.earliestFitOn(j, now, d, nodes);
            long upTo = switch (rnd.nextInt(4)) { // earliestFitOnUpTo: the earliest fit when it starts by upTo, else null
                case 0 -> earliest == null ? now + rnd.nextInt(5000) : earliest.start();
                case 1 -> earliest == null ? now : earliest.start() - 1;
                case 2 -> t.length == 0 ? now : t[rnd.nextInt(t.length)];
                default -> now + rnd.nextInt(5000);
            };
            if (rnd.nextInt(4) == 0) assertThat(probe.earliestFitOn(j, now, d, nodes)).isEqualTo(earliest);
            // then fitAtOn (on the same nodes it continues this search: WillRunPlanner's pair of searches)
            assertThat(probe.earliestFitOnUpTo(j, now, d, nodes, upTo)).as("search %d of seed %d up to %d", k, seed, upTo)
                    .isEqualTo(earliest != null && earliest.start() <= upTo ? earliest : null);
            long at = switch (rnd.nextInt(4)) {
                case 0 -> earliest == null ? now : earliest.start();
                case 1 -> t.length == 0 ? now : Math.max(now, t[rnd.nextInt(t.length)]);
                case 2 -> earliest == null ? now : earliest.start() + rnd.nextInt(300);
                default -> now + rnd.nextInt(5000);
            };
            java.util.BitSet atNodes = nodes;
            if (rnd.nextInt(4) == 0) { // other nodes: a fresh search
                atNodes = (java.util.BitSet) nodes.clone();
                atNodes.flip(rnd.nextInt(nodeCount));
            }
            JobSpec atJob = j;
            long atD = d;
            switch (rnd.nextInt(6)) { // another job or limit: a fresh search
                case 0 -> atJob = job(rnd, 700 + k, 8);
                case 1 -> atD = 1 + rnd.nextInt(3000);
                default -> { }
            }
            AvailabilityProfile.Slot want = ref.earliestFitOn(atJob, at, atD, atNodes);
            if (want != null && want.start() != at) want = null;
            AvailabilityProfile.Slot got = probe.fitAtOn(atJob, at, atD, atNodes);
            assertThat(got).as("fit of search %d of seed %d: %s for %d s at %d on %s", k, seed, atJob, atD, at, atNodes).isEqualTo(want);
            if (got != null) found++;
            if (earliest == null || rnd.nextInt(5) == 0) continue;
            long to = Math.max(earliest.start() + 1, (earliest.start() + d) / 60 * 60);
            ref.book(earliest.placement(), earliest.start(), to);
            probe.book(earliest.placement(), earliest.start(), to);
        }
        assertThat(found).as("seed %d: some fits found at their start", seed).isPositive();
        assertThat(probe.continuedSearches()).as("seed %d: fitAtOn continued some searches", seed).isPositive();
    }

    /** The same cluster with up to 40 random running jobs, as the general profile and as the fast one. */
    private record Profiles(AvailabilityProfile general, TresStepProfile fast) {
        static Profiles ofRandomRunningJobs(Random rnd, long now, boolean slurmSelection) {
            TresCapacity free = (TresCapacity) Capacity.of(CLUSTER);
            if (slurmSelection) free = free.withSlurmSelection();
            List<Long> ends = new ArrayList<>();
            List<Placement> held = new ArrayList<>();
            for (int r = 0; r < 40; r++) { // running jobs, each taken where it fits now
                JobSpec j = job(rnd, 1000 + r);
                Placement p = free.place(j);
                if (p == null) continue;
                held.add(free.take(p));
                ends.add(now + 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 3000));
            }
            long[] t = ends.stream().mapToLong(Long::longValue).toArray();
            Placement[] h = held.toArray(new Placement[0]);
            return new Profiles(AvailabilityProfile.ofReleases(now, free.copy(), t, h), TresStepProfile.ofReleases(now, free.copy(), t, h));
        }
    }
}
