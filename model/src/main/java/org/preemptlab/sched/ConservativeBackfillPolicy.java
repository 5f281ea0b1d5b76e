package org.preemptlab.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.alloc.Placement;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;
import org.preemptlab.job.JobView;

/**
 * Conservative backfilling (Mu'alem &amp; Feitelson): every waiting job holds a reservation in an
 * availability profile, made at its earliest fit when it arrives; a job may start early only if it
 * delays no earlier reservation. When a job ends before its estimate, the profile frees the rest of
 * its time and the schedule is compressed: in order of their reserved starts, each reservation is
 * taken out and put back at its earliest fit — never later than before, since its old slot is free.
 * The profile is kept between passes and changed incrementally, not rebuilt.
 */
public final class ConservativeBackfillPolicy implements SchedulingPolicy {

    private record Booking(Placement placement, long from, long to, boolean running) {}

    private AvailabilityProfile profile;
    private final Map<Integer, Booking> bookings = new HashMap<>();
    private final Set<Integer> bookedWindows = new HashSet<>();

    @Override
    public String name() {
        return "conservative";
    }

    @Override
    public List<Decision> schedule(Snapshot s) {
        long now = s.now();
        if (profile == null) profile = new AvailabilityProfile(now, s.cluster().newCapacity().copy());
        profile.advanceTo(now);
        bookWindows(s, now);
        boolean released = syncRunning(s, now);
        Set<Integer> queued = new HashSet<>();
        for (JobView j : s.queue()) queued.add(j.index());
        released |= dropDeparted(queued, now);
        if (released) compress(s, now);
        for (JobView j : s.queue()) {
            if (!bookings.containsKey(j.index())) reserve(j, now);
        }
        return startDue(s, now);
    }

    /** Books running jobs whose booking is missing or out of date; true if time was freed. */
    private boolean syncRunning(Snapshot s, long now) {
        boolean released = false;
        runningNow.clear();
        for (JobView r : s.running()) {
            runningNow.add(r.index());
            long end = Math.max(r.estimatedEnd(), now + 1);
            Booking b = bookings.get(r.index());
            if (b != null && b.running && b.to == end && samePlace(b.placement, r.placement())) continue;
            if (b != null) {
                profile.unbook(b.placement, Math.max(now, b.from), b.to);
                released |= b.to > end || !b.running;
            }
            Placement p = r.placement();
            profile.book(p, now, end);
            bookings.put(r.index(), new Booking(p, now, end, true));
        }
        return released;
    }

    /** Removes bookings of jobs that are neither running nor waiting any more. */
    private boolean dropDeparted(Set<Integer> queued, long now) {
        boolean released = false;
        var it = bookings.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            Booking b = e.getValue();
            boolean stillThere = b.running ? runningNow.contains(e.getKey()) : queued.contains(e.getKey());
            if (stillThere) continue;
            if (b.to > now) {
                profile.unbook(b.placement, Math.max(now, b.from), b.to);
                released = true;
            }
            it.remove();
        }
        return released;
    }

    private final Set<Integer> runningNow = new HashSet<>();

    /** Processor-mode bookings hold counts; the engine's placements name processors. */
    private static boolean samePlace(Placement booked, Placement actual) {
        if (!booked.isConcrete() || !actual.isConcrete()) return booked.procs() == actual.procs();
        return booked.equals(actual);
    }

    private void compress(Snapshot s, long now) {
        List<Map.Entry<Integer, Booking>> waiting = new ArrayList<>();
        for (var e : bookings.entrySet()) if (!e.getValue().running) waiting.add(e);
        waiting.sort(Comparator.comparingLong((Map.Entry<Integer, Booking> e) -> e.getValue().from)
                .thenComparingInt(Map.Entry::getKey));
        Map<Integer, JobView> byIndex = new HashMap<>();
        for (JobView j : s.queue()) byIndex.put(j.index(), j);
        for (var e : waiting) {
            Booking old = e.getValue();
            JobView job = byIndex.get(e.getKey());
            profile.unbook(old.placement, Math.max(now, old.from), old.to);
            long duration = job.requestedWalltime();
            AvailabilityProfile.Slot slot = profile.earliestFit(job.spec(), now, duration);
            if (slot == null || slot.start() > Math.max(now, old.from)) {
                long from = Math.max(now, old.from);
                profile.book(old.placement, from, from + duration);
                bookings.put(e.getKey(), new Booking(old.placement, from, from + duration, false));
            } else {
                profile.book(slot.placement(), slot.start(), slot.start() + duration);
                bookings.put(e.getKey(), new Booking(slot.placement(), slot.start(), slot.start() + duration, false));
            }
        }
    }

    private void reserve(JobView job, long now) {
        long duration = job.requestedWalltime();
        AvailabilityProfile.Slot slot = profile.earliestFit(job.spec(), now, duration);
        if (slot == null) return; // never fits this cluster: stays unbooked
        profile.book(slot.placement(), slot.start(), slot.start() + duration);
        bookings.put(job.index(), new Booking(slot.placement(), slot.start(), slot.start() + duration, false));
    }

    private List<Decision> startDue(Snapshot s, long now) {
        List<Decision> decisions = new ArrayList<>();
        Capacity free = null;
        for (JobView j : s.queue()) {
            Booking b = bookings.get(j.index());
            if (b == null || b.from != now) continue;
            if (free == null) free = s.freeCapacity();
            if (!fitsNow(free, b.placement)) {
                // the machine changed under the plan (a failure, a maintenance window): plan again
                profile.unbook(b.placement, now, b.to);
                bookings.remove(j.index());
                reserveLater(j, now);
                continue;
            }
            Placement p = free.take(b.placement);
            bookings.put(j.index(), new Booking(b.placement, now, b.to, true));
            runningNow.add(j.index());
            decisions.add(new Decision.Start(j, p, new StartReason.ReservationDue(j.name(), now)));
        }
        return decisions;
    }

    private void reserveLater(JobView job, long now) {
        long duration = job.requestedWalltime();
        AvailabilityProfile.Slot slot = profile.earliestFit(job.spec(), now + 1, duration);
        if (slot == null) return;
        profile.book(slot.placement(), slot.start(), slot.start() + duration);
        bookings.put(job.index(), new Booking(slot.placement(), slot.start(), slot.start() + duration, false));
    }

    private static boolean fitsNow(Capacity free, Placement p) {
        if (!p.isConcrete()) return p.procs() <= free.freeCores();
        Capacity probe = free.copy();
        try {
            probe.take(p);
            return true;
        } catch (IllegalStateException notFree) {
            return false;
        }
    }

    /** Pure drain windows are booked as whole-node reservations so nobody is planned across them. */
    private void bookWindows(Snapshot s, long now) {
        List<Reservation> rs = s.reservations();
        for (int w = 0; w < rs.size(); w++) {
            Reservation r = rs.get(w);
            if (r.drainFrom() != Long.MIN_VALUE || r.end() <= now || !bookedWindows.add(w)) continue;
            for (int node : r.nodes()) profile.book(wholeNode(s.cluster(), node), Math.max(now, r.start()), r.end());
        }
    }

    private static Placement wholeNode(Cluster cluster, int node) {
        if (!(cluster instanceof NodeCluster nc)) return Placement.ofCount(1);
        int pool = nc.poolOf(node);
        NodePool pl = nc.pools().get(pool);
        return new Placement(pool, pl.coresPerNode(), new int[] {node}, pl.coresPerNode(), pl.memoryPerNodeMb());
    }
}
