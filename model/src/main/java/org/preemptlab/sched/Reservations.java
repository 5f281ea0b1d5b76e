package org.preemptlab.sched;

import java.util.List;
import org.preemptlab.alloc.Capacity;

/** Applies reservations to a scratch capacity for one candidate start. */
public final class Reservations {

    private Reservations() {}

    /**
     * The capacity a job may use if it runs over [from, to): {@code free} itself when no reservation
     * blocks that interval, else a copy with the blocked nodes seized.
     */
    public static Capacity usable(Capacity free, List<Reservation> reservations, long from, long to) {
        if (reservations.isEmpty()) return free;
        Capacity masked = free;
        for (Reservation r : reservations) {
            if (!r.blocks(from, to)) continue;
            if (masked == free) masked = free.copy();
            for (int node : r.nodes()) masked.seize(node);
        }
        return masked;
    }
}
