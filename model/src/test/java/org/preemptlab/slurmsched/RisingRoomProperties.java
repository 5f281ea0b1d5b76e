package org.preemptlab.slurmsched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.TresCapacity;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;
import org.preemptlab.sched.AvailabilityProfile;

/**
 * The shortcuts of rooms that never shrink ({@link NodeTimelines#rising}, {@code TresStepProfile.risingClassEarliest}
 * with its per-need earliest starts): on profiles of running jobs' releases and starts at the profile's start (the
 * whole-node plans' cycle, whose plans go to {@link NodeSpace}), every search ({@code earliestFitOn},
 * {@code earliestFitOnUpTo}, {@code fitAtOn}, {@code earliestFit}, {@code fitAt}) answers as the node walks without the
 * shortcuts, on random jobs (repeated needs: the kept answers), durations, node subsets and later starts; through starts
 * booked now (the kept answers of their nodes dropped), and, in some tries, after a booking from a later instant (the room
 * may shrink: the walks again).
 */
class RisingRoomProperties {

    private static final NodeCluster CLUSTER = RandomSlurmSites.cluster(12, 4);

    private static JobSpec job(Random rnd, int id, int maxNodes) {
        return RandomSlurmSites.job(rnd, id, maxNodes, 0);
    }

    @Property(tries = 300)
    void theRisingShortcutsAnswerAsTheNodeWalks(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        boolean slurmSelection = rnd.nextInt(5) != 0;
        TresCapacity free = (TresCapacity) Capacity.of(CLUSTER);
        if (slurmSelection) free = free.withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        long[] shared = {now + 1 + rnd.nextInt(100), now + 1 + rnd.nextInt(2000)};
        for (int r = 0; r < 150; r++) {
            JobSpec j = job(rnd, 1000 + r, 6);
            Placement p = free.place(j);
            if (p == null) continue;
            held.add(free.take(p));
            int kind = rnd.nextInt(10);
            ends.add(kind == 0 ? now - rnd.nextInt(3) : kind < 3 ? shared[kind - 1] : now + 1 + rnd.nextInt(rnd.nextBoolean() ? 60 : 4000));
        }
        long[] t = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        TresStepProfile walks = TresStepProfile.ofReleases(now, free.copy(), t, h);
        walks.searchWithoutRisingShortcuts();
        TresStepProfile rising = TresStepProfile.ofReleases(now, free.copy(), t, h);
        assertThat(rising.rising()).as("seed %d: releases only", seed).isTrue();
        assertThat(walks.rising()).isFalse();
        int nodeCount = rising.nodeCount();
        List<JobSpec> shapes = new ArrayList<>();
        for (int k = 0; k < 5; k++) shapes.add(job(rnd, 500 + k, 6));
        int laterBooking = rnd.nextInt(3) == 0 ? 40 + rnd.nextInt(80) : -1; // this search books from a later instant
        int fits = 0;
        for (int k = 0; k < 150; k++) {
            JobSpec j = rnd.nextInt(2) == 0 ? shapes.get(rnd.nextInt(shapes.size())) : job(rnd, k + 1, 6);
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            BitSet nodes = new BitSet();
            int keep = rnd.nextInt(4); // 0: every node; else about keep quarters of them
            for (int n = 0; n < nodeCount; n++) if (keep == 0 || rnd.nextInt(4) < keep) nodes.set(n);
            String what = "search " + k + " of seed " + seed + " (" + (slurmSelection ? "cons_tres" : "first fit") + ", rising "
                    + rising.rising() + "): " + j + " for " + d + " s on " + nodes;
            AvailabilityProfile.Slot want;
            AvailabilityProfile.Slot got;
            if (!slurmSelection) { // first fit: the whole profile's searches only
                long from = rnd.nextInt(4) == 0 ? now + rnd.nextInt(3000) : now;
                want = walks.earliestFit(j, from, d);
                got = rising.earliestFit(j, from, d);
                assertThat(got).as(what + " from " + from).isEqualTo(want);
                long at = want == null ? now + rnd.nextInt(3000) : want.start() + (rnd.nextBoolean() ? 0 : rnd.nextInt(200));
                assertThat(rising.fitAt(j, at, d)).as(what + " at " + at).isEqualTo(walks.fitAt(j, at, d));
            } else {
                want = walks.earliestFitOn(j, now, d, nodes);
                long upTo = switch (rnd.nextInt(4)) {
                    case 0 -> want == null ? now + rnd.nextInt(5000) : want.start();
                    case 1 -> want == null ? now : want.start() - 1;
                    case 2 -> t.length == 0 ? now : Math.max(now, t[rnd.nextInt(t.length)]);
                    default -> now + rnd.nextInt(5000);
                };
                // WillRunPlanner's pair: earliestFitOnUpTo, then fitAtOn at a later instant on the same nodes
                assertThat(rising.earliestFitOnUpTo(j, now, d, nodes, upTo)).as(what + " up to " + upTo)
                        .isEqualTo(walks.earliestFitOnUpTo(j, now, d, nodes, upTo));
                long at = switch (rnd.nextInt(3)) {
                    case 0 -> want == null ? now : want.start();
                    case 1 -> t.length == 0 ? now : Math.max(now, t[rnd.nextInt(t.length)]);
                    default -> now + rnd.nextInt(5000);
                };
                assertThat(rising.fitAtOn(j, at, d, nodes)).as(what + " at " + at).isEqualTo(walks.fitAtOn(j, at, d, nodes));
                got = rising.earliestFitOn(j, now, d, nodes);
                assertThat(got).as(what).isEqualTo(want);
                assertThat(rising.keptRoomsMismatch()).as(what).isNull();
                if (rnd.nextInt(4) == 0) {
                    long from = now + rnd.nextInt(3000);
                    assertThat(rising.earliestFit(j, from, d)).as(what + " on every node from " + from).isEqualTo(walks.earliestFit(j, from, d));
                }
            }
            if (want == null) continue;
            fits++;
            assertThat(rising.keptRoomsMismatch()).as(what + ", after its searches").isNull();
            if (k == laterBooking && want.start() > now) { // a plan booked in the profile: its nodes' room may shrink later
                walks.book(want.placement(), want.start(), want.start() + d);
                rising.book(got.placement(), got.start(), got.start() + d);
                assertThat(rising.rising()).as(what).isFalse();
            } else if (want.start() == now && rnd.nextInt(3) != 0) { // a start in the cycle: booked from now
                walks.book(want.placement(), now, now + d);
                rising.book(got.placement(), now, now + d);
            }
        }
        assertThat(fits).as("seed %d: some fits", seed).isPositive();
        assertThat(rising.steps()).isEqualTo(walks.steps());
        if (slurmSelection) nextCycle(rnd, seed, now, t, h, rising);
    }

    /**
     * The next cycle's profile made with the last one as prior (its kept rooms per need reused, emptied) answers as a
     * fresh profile's node walks, asked by the planner's word overloads (the node set as words, some with zero words
     * past the cluster's) against the BitSet ones.
     */
    private static void nextCycle(Random rnd, long seed, long now, long[] t, Placement[] h, TresStepProfile prior) {
        TresCapacity free = ((TresCapacity) Capacity.of(CLUSTER)).withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        for (int r = 0; r < h.length; r++) {
            if (rnd.nextInt(3) == 0) continue; // ended since
            held.add(free.take(h[r]));
            ends.add(t[r]);
        }
        long[] t2 = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h2 = held.toArray(new Placement[0]);
        TresStepProfile walks = TresStepProfile.ofReleases(now, free.copy(), t2, h2);
        walks.searchWithoutRisingShortcuts();
        TresStepProfile next = TresStepProfile.ofReleases(now, free.copy(), t2, h2, prior);
        assertThat(next.rising()).isTrue();
        int nodeCount = next.nodeCount();
        for (int k = 0; k < 80; k++) {
            JobSpec j = job(rnd, 2000 + k, 6);
            long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
            BitSet nodes = new BitSet();
            int keep = rnd.nextInt(4);
            for (int n = 0; n < nodeCount; n++) if (keep == 0 || rnd.nextInt(4) < keep) nodes.set(n);
            long[] words = java.util.Arrays.copyOf(nodes.toLongArray(), (nodeCount + 63) / 64 + rnd.nextInt(2)); // zero words after
            int len = words.length;
            String what = "next cycle, search " + k + " of seed " + seed + ": " + j + " for " + d + " s on " + nodes;
            AvailabilityProfile.Slot want = walks.earliestFitOn(j, now, d, nodes);
            assertThat(next.earliestFitOn(j, now, d, words, len)).as(what).isEqualTo(want);
            long upTo = rnd.nextBoolean() ? now + rnd.nextInt(5000) : want == null ? now : want.start() - rnd.nextInt(2);
            assertThat(next.earliestFitOnUpTo(j, now, d, words, len, upTo)).as(what + " up to " + upTo)
                    .isEqualTo(walks.earliestFitOnUpTo(j, now, d, nodes, upTo));
            long at = want == null || rnd.nextBoolean() ? now + rnd.nextInt(5000) : want.start();
            assertThat(next.fitAtOn(j, at, d, words, len)).as(what + " at " + at).isEqualTo(walks.fitAtOn(j, at, d, nodes));
            assertThat(next.keptRoomsMismatch()).as(what).isNull();
            if (want != null && want.start() == now && rnd.nextInt(3) == 0) {
                walks.book(want.placement(), now, now + d);
                next.book(want.placement(), now, now + d);
                assertThat(next.keptRoomsMismatch()).as(what + ", booked").isNull();
            }
        }
    }

    /**
     * Rooms per need carried across cycles ({@code TresStepProfile.carryRooms}, {@code NeedRoom.carryOver}: a node's kept
     * answer stays while its timeline is unchanged, {@link NodeTimelines#settle}): a chain of cycles, each profile made with
     * the last as prior, asked with a few recurring needs (so the rooms are carried) on random node sets, answers as a
     * fresh profile's node walks. Between cycles time goes on or not, some jobs end (early, on time or not yet although
     * due: their release moves to the new start), the jobs started in a cycle run in the next (the node's new timeline is
     * its last one with the booking in it), and now and then a running job's end moves (the same breakpoints, another
     * instant).
     */
    @Property(tries = 200)
    void roomsCarriedAcrossCyclesAnswerAsAFreshProfile(@ForAll long seed) {
        Random rnd = new Random(seed);
        boolean slurmSelection = rnd.nextInt(4) != 0;
        long now = rnd.nextInt(1000);
        List<Placement> held = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        TresCapacity start = (TresCapacity) Capacity.of(CLUSTER);
        if (slurmSelection) start = start.withSlurmSelection();
        for (int r = 0; r < 60; r++) {
            JobSpec j = job(rnd, 1000 + r, 4);
            Placement p = start.place(j);
            if (p == null) continue;
            held.add(start.take(p));
            ends.add(now + 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 3000));
        }
        List<JobSpec> shapes = new ArrayList<>();
        for (int k = 0; k < 4; k++) shapes.add(job(rnd, 500 + k, 4));
        TresStepProfile prior = null;
        int id = 3000;
        for (int cycle = 0; cycle < 8; cycle++) {
            if (cycle > 0) {
                now += switch (rnd.nextInt(3)) {
                    case 0 -> 0;
                    case 1 -> 1 + rnd.nextInt(30);
                    default -> 1 + rnd.nextInt(600);
                };
                for (int r = held.size() - 1; r >= 0; r--) {
                    boolean due = ends.get(r) <= now;
                    if ((due && rnd.nextInt(4) != 0) || rnd.nextInt(15) == 0) { // ended (a due one may still run: released at now)
                        held.remove(r);
                        ends.remove(r);
                    } else if (rnd.nextInt(25) == 0) {
                        ends.set(r, now + 1 + rnd.nextInt(2000)); // its end moved
                    }
                }
            }
            TresCapacity free = (TresCapacity) Capacity.of(CLUSTER);
            if (slurmSelection) free = free.withSlurmSelection();
            // a job past its end is released at the profile's start, where a start booked in its room ended it
            for (int r = held.size() - 1; r >= 0; r--) {
                try {
                    free.take(held.get(r)); // checks before it takes: nothing taken when it throws
                } catch (IllegalStateException ended) {
                    held.remove(r);
                    ends.remove(r);
                }
            }
            long[] t = ends.stream().mapToLong(Long::longValue).toArray();
            Placement[] h = held.toArray(new Placement[0]);
            TresStepProfile walks = TresStepProfile.ofReleases(now, free.copy(), t, h);
            walks.searchWithoutRisingShortcuts();
            TresStepProfile next = prior == null ? TresStepProfile.ofReleases(now, free.copy(), t, h)
                    : TresStepProfile.ofReleases(now, free.copy(), t, h, prior);
            assertThat(next.rising()).isTrue();
            int nodeCount = next.nodeCount();
            for (int k = 0; k < 30; k++) {
                JobSpec j = rnd.nextInt(5) != 0 ? shapes.get(rnd.nextInt(shapes.size())) : job(rnd, id++, 4);
                long d = rnd.nextInt(3) == 0 ? 60L * (1 + rnd.nextInt(60)) : j.estimate();
                BitSet nodes = new BitSet();
                int keep = rnd.nextInt(3); // 0: every node; else about half or three quarters of them
                for (int n = 0; n < nodeCount; n++) if (keep == 0 || rnd.nextInt(4) <= keep) nodes.set(n);
                String what = "cycle " + cycle + " (now " + now + "), search " + k + " of seed " + seed + ": " + j + " for " + d + " s on " + nodes;
                AvailabilityProfile.Slot want;
                AvailabilityProfile.Slot got;
                if (slurmSelection) {
                    want = walks.earliestFitOn(j, now, d, nodes);
                    long upTo = rnd.nextBoolean() ? now + rnd.nextInt(3000) : want == null ? now : want.start() - rnd.nextInt(2);
                    assertThat(next.earliestFitOnUpTo(j, now, d, nodes, upTo)).as(what + " up to " + upTo)
                            .isEqualTo(walks.earliestFitOnUpTo(j, now, d, nodes, upTo));
                    long at = want == null || rnd.nextBoolean() ? now + rnd.nextInt(3000) : want.start();
                    assertThat(next.fitAtOn(j, at, d, nodes)).as(what + " at " + at).isEqualTo(walks.fitAtOn(j, at, d, nodes));
                    got = next.earliestFitOn(j, now, d, nodes);
                } else {
                    want = walks.earliestFit(j, now, d);
                    got = next.earliestFit(j, now, d);
                }
                assertThat(got).as(what).isEqualTo(want);
                assertThat(next.keptRoomsMismatch()).as(what).isNull();
                if (want != null && want.start() == now && rnd.nextInt(3) == 0) { // started in this cycle: runs in the next
                    walks.book(want.placement(), now, now + d);
                    next.book(got.placement(), now, now + d);
                    assertThat(next.keptRoomsMismatch()).as(what + ", booked").isNull();
                    held.add(got.placement());
                    ends.add(now + d);
                }
            }
            prior = next;
        }
    }
}
