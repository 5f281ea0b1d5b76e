package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.Placement;

/**
 * The two primitives of {@link CountProfile#earlierFit}'s window check, each against its linear
 * definition on random profiles of up to a few hundred steps: {@link CountProfile#firstAtOrAfter}
 * (galloping, then a binary search: the first step at or after a time) and
 * {@link CountProfile#lastBelow} (the last step of a range with fewer than x free), for every
 * start index, times before, on and after breakpoints, and every threshold around the counts.
 */
class CountProfileWindowProperties {

    @Property(tries = 300)
    void windowPrimitivesEqualLinearScans(@ForAll long seed, @ForAll @IntRange(min = 1, max = 48) int total) {
        Random rnd = new Random(seed);
        CountProfile profile = randomProfile(rnd, total);
        int n = profile.steps();
        long last = profile.stepTime(n - 1);
        for (int probe = 0; probe < 200; probe++) {
            int k = rnd.nextInt(n + 1);
            long base = k < n ? profile.stepTime(k) : last;
            // on a breakpoint, just before or after one, or anywhere up to past the last step
            long t = switch (rnd.nextInt(4)) {
                case 0 -> profile.stepTime(rnd.nextInt(n));
                case 1 -> profile.stepTime(rnd.nextInt(n)) + 1;
                case 2 -> profile.stepTime(rnd.nextInt(n)) - 1;
                default -> base + rnd.nextInt((int) Math.max(1, last - base + 50));
            };
            if (k < n && profile.stepTime(k) >= t) t = profile.stepTime(k); // precondition: step k begins before t, or t is its start
            assertThat(profile.firstAtOrAfter(k, t)).as("firstAtOrAfter(%d, %d) on %s", k, t, profile)
                    .isEqualTo(linearFirstAtOrAfter(profile, k, t));
            int lo = rnd.nextInt(n + 1);
            int hi = lo + rnd.nextInt(n - lo + 1);
            int x = rnd.nextInt(total + 2);
            assertThat(profile.lastBelow(lo, hi, x)).as("lastBelow(%d, %d, %d) on %s", lo, hi, x, profile)
                    .isEqualTo(linearLastBelow(profile, lo, hi, x));
        }
    }

    private static CountProfile randomProfile(Random rnd, int total) {
        CountProfile profile = new CountProfile(0, total);
        int bookings = rnd.nextInt(rnd.nextBoolean() ? 8 : 200);
        for (int b = 0; b < bookings; b++) {
            int p = 1 + rnd.nextInt(total);
            long d = 1 + rnd.nextInt(rnd.nextBoolean() ? 5 : 300);
            AvailabilityProfile.Slot slot = profile.earliestFit(org.preemptlab.job.JobSpec.ofProcessors(1, 0, p, d, d),
                    rnd.nextInt(2000), d, java.util.List.of());
            profile.book(Placement.ofCount(p), slot.start(), slot.start() + d);
        }
        return profile;
    }

    private static int linearFirstAtOrAfter(CountProfile profile, int k, long t) {
        int q = k;
        while (q < profile.steps() && profile.stepTime(q) < t) q++;
        return q;
    }

    private static int linearLastBelow(CountProfile profile, int lo, int hi, int x) {
        int found = -1;
        for (int q = lo; q < hi; q++) if (profile.stepFree(q) < x) found = q;
        return found;
    }
}
