package org.preemptlab.sched;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.Placement;

/**
 * {@link CountProfile#earliestFit} without windows skips blocks of steps by their summaries, and
 * {@link CountProfile#advanceTo} moves the profile's first step on instead of moving the steps down (the
 * passed ones are dropped once they are as many as the live ones). Against the plain search — a walk of
 * every step from the candidate's, as the profile searched before (7 December) — on long random profiles
 * (hundreds of steps, so blocks are skipped and the passed steps are dropped again and again) with
 * bookings, givings back and time passing in any order, with durations up to "for ever": the same start,
 * every time; and the steps stay those of a per-step model (steps(), stepTime, stepFree).
 */
class CountProfileFitProperties {

    private record Booking(int procs, long from, long to) {}

    @Property(tries = 200)
    void earliestFitEqualsAWalkOfEveryStep(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int total) {
        Random rnd = new Random(seed);
        long now = 0;
        CountProfile profile = new CountProfile(now, total);
        List<Booking> booked = new ArrayList<>();
        int ops = 200 + rnd.nextInt(1500);
        for (int op = 0; op < ops; op++) {
            int kind = rnd.nextInt(10);
            if (kind < 6 || booked.isEmpty()) { // a search, and (mostly) a booking at its answer
                int p = 1 + rnd.nextInt(rnd.nextBoolean() ? total : Math.max(1, total / 4));
                long d = rnd.nextInt(50) == 0 ? Long.MAX_VALUE - rnd.nextInt(3) : 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 400);
                long from = now + (rnd.nextBoolean() ? 0 : rnd.nextInt(500));
                AvailabilityProfile.Slot slot = profile.earliestFit(job(p), from, d, List.of());
                Long walk = walk(profile, p, Math.max(from, profile.stepTime(0)), d);
                assertThat(slot == null ? null : slot.start()).as("earliestFit(p=%d, from=%d, d=%d) on %s", p, from, d, profile)
                        .isEqualTo(walk);
                if (slot != null && d < 100_000 && rnd.nextInt(5) > 0) {
                    profile.book(slot.placement(), slot.start(), slot.start() + d);
                    booked.add(new Booking(p, slot.start(), slot.start() + d));
                }
            } else if (kind < 8) { // a job leaves early: the rest of its booking is given back
                Booking b = booked.remove(rnd.nextInt(booked.size()));
                if (b.to > now) profile.unbook(Placement.ofCount(b.procs), Math.max(now, b.from), b.to);
            } else { // time passes
                now += rnd.nextInt(rnd.nextBoolean() ? 5 : 60);
                profile.advanceTo(now);
                long t = now;
                booked.removeIf(b -> b.to <= t);
                booked.replaceAll(b -> b.from < t ? new Booking(b.procs, t, b.to) : b);
            }
        }
    }

    /** The search as it was: every step from the candidate's, the candidate moved past each step with fewer than p free. */
    private static Long walk(CountProfile profile, int p, long candidate, long duration) {
        int n = profile.steps();
        int k = 0;
        while (k + 1 < n && profile.stepTime(k + 1) <= candidate) k++;
        for (; k < n; k++) {
            long stepEnd = k + 1 < n ? profile.stepTime(k + 1) : Long.MAX_VALUE;
            if (profile.stepFree(k) < p) {
                candidate = stepEnd;
                continue;
            }
            if (stepEnd == Long.MAX_VALUE || stepEnd - candidate >= duration) return candidate;
        }
        return null;
    }

    private static JobSpec job(int procs) {
        return JobSpec.ofProcessors(1, 0, procs, 10, 10);
    }
}
