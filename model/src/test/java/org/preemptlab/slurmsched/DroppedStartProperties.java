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

/**
 * The whole-node planner's test of a job ({@link WillRunPlanner#test}) leaves out the placement of a start it will drop
 * (one after the round's later start, when {@link TresStepProfile#fitStaysOn} says the placement would be found; session
 * 17): through whole backfill cycles (tests, starts now booked, plans reserved) it answers as the planner that places
 * every start it finds ({@link WillRunPlanner#placeDroppedStarts}, the code before), on random running jobs whose ends
 * often lie on the plans' grid (a start then equals a round's later start: kept, not dropped), random jobs, limits and
 * partitions.
 */
class DroppedStartProperties {

    private static final NodeCluster CLUSTER = RandomSlurmSites.cluster(12, 4);
    private static final long RESOLUTION = 60;

    private static JobSpec job(Random rnd, int id, int maxNodes) {
        return RandomSlurmSites.job(rnd, id, maxNodes, RESOLUTION);
    }

    @Property(tries = 300)
    void leavingOutDroppedPlacementsAnswersAsPlacingEveryStart(@ForAll long seed) {
        Random rnd = new Random(seed);
        long now = rnd.nextInt(1000);
        long grid = Math.floorDiv(now, RESOLUTION) * RESOLUTION;
        long epoch = rnd.nextBoolean() ? 0 : 1_600_000_000L + rnd.nextInt(30);
        TresCapacity free = ((TresCapacity) Capacity.of(CLUSTER)).withSlurmSelection();
        List<Long> ends = new ArrayList<>();
        List<Placement> held = new ArrayList<>();
        int running = 20 + rnd.nextInt(150);
        for (int r = 0; r < running; r++) {
            Placement p = free.place(job(rnd, 1000 + r, 4));
            if (p == null) continue;
            held.add(free.take(p));
            ends.add(rnd.nextBoolean() ? grid + RESOLUTION * (1 + rnd.nextInt(40)) : now + 1 + rnd.nextInt(rnd.nextBoolean() ? 300 : 4000));
        }
        long[] t = ends.stream().mapToLong(Long::longValue).toArray();
        Placement[] h = held.toArray(new Placement[0]);
        long window = rnd.nextBoolean() ? 86_400 : RESOLUTION * (5 + rnd.nextInt(60));
        TresStepProfile fast = TresStepProfile.ofReleases(now, free.copy(), t, h);
        TresStepProfile ref = TresStepProfile.ofReleases(now, free.copy(), t, h);
        int nodeCount = fast.nodeCount();
        WillRunPlanner planner = new WillRunPlanner(now, window, RESOLUTION, fast, t, h, nodeCount, epoch);
        WillRunPlanner reference = new WillRunPlanner(now, window, RESOLUTION, ref, t, h, nodeCount, epoch);
        reference.placeDroppedStarts();
        int planned = 0;
        for (int k = 0; k < 120; k++) {
            JobSpec j = job(rnd, k + 1, 6);
            long d = rnd.nextInt(4) == 0 ? RESOLUTION * (1 + rnd.nextInt(90)) : j.estimate();
            BitSet part = null;
            if (rnd.nextInt(3) == 0) {
                part = new BitSet();
                for (int n = 0; n < nodeCount; n++) if (rnd.nextInt(4) != 0) part.set(n);
            }
            WillRunPlanner.Outcome want = reference.test(j, part, d);
            WillRunPlanner.Outcome got = planner.test(j, part, d);
            String what = "seed " + seed + ", test " + k + ": " + j + " for " + d + " s on " + (part == null ? "every node" : part);
            assertThat(got).as(what).isEqualTo(want);
            if (want == null) continue;
            assertThat(want.placement()).as(what).isNotNull();
            if (want.start() == now) { // started by the cycle
                Placement taken = free.take(want.placement());
                fast.book(taken, now, now + d);
                ref.book(taken, now, now + d);
                planner.started(taken, now + Math.max(1, d));
                reference.started(taken, now + Math.max(1, d));
            } else if (want.start() < now + window) { // planned on whole nodes
                planner.reserve(want.placement(), want.start(), d);
                reference.reserve(want.placement(), want.start(), d);
                planned++;
            }
        }
        assertThat(reference.placementsLeftOut()).isZero();
        assertThat(planner.space().toString()).as("seed %d: the same plans", seed).isEqualTo(reference.space().toString());
    }
}
