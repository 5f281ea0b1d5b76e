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
 * The block-skipping {@link CountProfile#earlierFit} answers exactly what taking the own booking
 * out, searching linearly with {@link CountProfile#earliestFit} and putting it back answers — on
 * profiles long enough to span many blocks, changed between searches (so the lazily rebuilt block
 * summaries are exercised after every kind of change) and searched several times in a row with no
 * change between (so the steps read by earlier searches are reused, for later and earlier bounds),
 * and it leaves the profile as it was.
 */
class CountProfileProperties {

    private record Booking(int procs, long from, long to) {}

    @Property(tries = 300)
    void earlierFitEqualsUnbookSearchRebook(@ForAll long seed, @ForAll @IntRange(min = 1, max = 64) int total) {
        Random rnd = new Random(seed);
        long now = 0;
        CountProfile profile = new CountProfile(now, total);
        // the same bookings: the reference searches here, so that the profile under test sees runs of
        // searches with no change between them (it reads on from what earlier searches read)
        CountProfile shadow = new CountProfile(now, total);
        List<Booking> booked = new ArrayList<>();
        for (int op = 0; op < 400; op++) {
            int kind = rnd.nextInt(10);
            if (kind < 5 || booked.isEmpty()) { // reserve a job at its earliest fit
                int p = 1 + rnd.nextInt(total);
                long d = 1 + rnd.nextInt(rnd.nextBoolean() ? 20 : 400);
                AvailabilityProfile.Slot slot = profile.earliestFit(job(p), now + rnd.nextInt(50), d, List.of());
                assertThat(slot).isNotNull();
                profile.book(slot.placement(), slot.start(), slot.start() + d);
                shadow.book(slot.placement(), slot.start(), slot.start() + d);
                booked.add(new Booking(p, slot.start(), slot.start() + d));
            } else if (kind < 6) { // a job leaves: its booking is given back
                Booking b = booked.remove(rnd.nextInt(booked.size()));
                if (b.to > now) profile.unbook(Placement.ofCount(b.procs), Math.max(now, b.from), b.to);
                if (b.to > now) shadow.unbook(Placement.ofCount(b.procs), Math.max(now, b.from), b.to);
            } else if (kind < 7) { // time passes
                now += rnd.nextInt(30);
                profile.advanceTo(now);
                shadow.advanceTo(now);
                long t = now;
                booked.removeIf(b -> b.to <= t);
                booked.replaceAll(b -> b.from < t ? new Booking(b.procs, t, b.to) : b);
            } else { // a compression: searches for several waiting bookings in a row, then the last one moves
                int burst = 1 + rnd.nextInt(6);
                for (int q = 0; q < burst; q++) {
                    int i = rnd.nextInt(booked.size());
                    Booking b = booked.get(i);
                    if (b.from <= now) continue;
                    String before = profile.toString();
                    long from = now + (rnd.nextInt(4) == 0 ? rnd.nextInt(40) : 0);
                    AvailabilityProfile.Slot fast = profile.earlierFit(job(b.procs), from, Placement.ofCount(b.procs), b.from, b.to, List.of());
                    assertThat(profile.toString()).as("earlierFit leaves the profile unchanged").isEqualTo(before);
                    AvailabilityProfile.Slot slow = reference(shadow, b, from);
                    assertThat(fast == null ? null : fast.start())
                            .as("earlierFit(p=%d, from=%d, own=[%d,%d)) on %s", b.procs, from, b.from, b.to, before)
                            .isEqualTo(slow == null ? null : slow.start());
                    if (fast != null && q == burst - 1) {
                        assertThat(fast.placement().procs()).isEqualTo(b.procs);
                        long d = b.to - b.from;
                        for (CountProfile c : List.of(profile, shadow)) {
                            c.unbook(Placement.ofCount(b.procs), b.from, b.to);
                            c.book(fast.placement(), fast.start(), fast.start() + d);
                        }
                        booked.set(i, new Booking(b.procs, fast.start(), fast.start() + d));
                    }
                }
            }
        }
    }

    /**
     * Booking, giving back and advancing keep the profile equal, step for step, to the free counts
     * of a plain per-second array with equal neighbours merged (only the edges of a change are
     * merged: the profile must never keep two equal neighbouring steps).
     */
    @Property(tries = 200)
    void stepsEqualAPerSecondModel(@ForAll long seed, @ForAll @IntRange(min = 1, max = 16) int total) {
        Random rnd = new Random(seed);
        int horizon = 300;
        long now = 0;
        CountProfile profile = new CountProfile(now, total);
        int[] model = new int[horizon + 1]; // free at second t; the last entry stands for [horizon, ∞)
        java.util.Arrays.fill(model, total);
        List<Booking> booked = new ArrayList<>();
        for (int op = 0; op < 300; op++) {
            int kind = rnd.nextInt(8);
            if (kind < 4 || booked.isEmpty()) {
                int p = rnd.nextInt(total + 1); // 0 too: a change of nothing leaves no breakpoint
                long from = now + rnd.nextInt(60);
                long to = Math.min(horizon, from + rnd.nextInt(60));
                profile.book(Placement.ofCount(p), from, to);
                for (long t = Math.max(from, now); t < to; t++) model[(int) t] -= p;
                booked.add(new Booking(p, from, to));
            } else if (kind < 7) {
                Booking b = booked.remove(rnd.nextInt(booked.size()));
                long from = Math.max(now, b.from);
                if (b.to > from) profile.unbook(Placement.ofCount(b.procs), from, b.to);
                for (long t = from; t < b.to; t++) model[(int) t] += b.procs;
            } else {
                now = Math.min(horizon - 60, now + rnd.nextInt(10));
                profile.advanceTo(now);
            }
            assertThat(profile.toString()).as("after op %d", op).isEqualTo(merged(model, now));
        }
    }

    private static String merged(int[] model, long now) {
        StringBuilder sb = new StringBuilder();
        for (int t = (int) now; t < model.length; t++) {
            if (t == now || model[t] != model[t - 1]) sb.append(t).append(':').append(model[t]).append(' ');
        }
        return sb.toString();
    }

    /** The definition: the earliest fit with the own booking counted free, if it starts earlier. */
    private static AvailabilityProfile.Slot reference(CountProfile profile, Booking b, long from) {
        Placement own = Placement.ofCount(b.procs);
        profile.unbook(own, b.from, b.to);
        AvailabilityProfile.Slot slot = profile.earliestFit(job(b.procs), from, b.to - b.from, List.of());
        profile.book(own, b.from, b.to);
        return slot != null && slot.start() < b.from ? slot : null;
    }

    private static JobSpec job(int procs) {
        return JobSpec.ofProcessors(1, 0, procs, 10, 10);
    }
}
