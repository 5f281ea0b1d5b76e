package org.preemptlab.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;

/**
 * Which nodes are out of service (maintenance windows and failures may overlap: a count per node),
 * and what of them the engine has seized in the capacity so that nothing starts there. Whatever a
 * job frees on a node that is down is seized at once; all of it is given back when the node is up.
 * Sparse: only nodes that are down are kept, so a machine of 10⁸ processors with nothing down costs
 * nothing here, and a job's release costs nothing while no node is down.
 */
final class NodeOutages {

    /** What is known of a node that is down. */
    private static final class Down {
        int reasons;
        final Deque<Placement> seized = new ArrayDeque<>();
    }

    private final Capacity capacity;
    private final Map<Integer, Down> down = new HashMap<>();

    NodeOutages(Capacity capacity) {
        this.capacity = capacity;
    }

    /** One more reason for the node to be out of service; the first one seizes what is free on it. */
    void takeDown(int node) {
        Down d = down.computeIfAbsent(node, n -> new Down());
        d.reasons++;
        if (d.reasons == 1) d.seized.push(capacity.seize(node));
    }

    /** One reason fewer; the last one gives back everything seized on the node. */
    void bringUp(int node) {
        Down d = down.get(node);
        if (d == null) throw new IllegalStateException("node " + node + " is brought up but is not down");
        d.reasons--;
        if (d.reasons == 0) {
            down.remove(node);
            while (!d.seized.isEmpty()) capacity.release(d.seized.pop());
        }
    }

    /** After a job released {@code p}: seizes again what it freed on nodes that are down. */
    void reseize(Placement p) {
        if (!down.isEmpty() && p.isConcrete()) reseizeDown(p); // a method of its own: C1 compiles this test alone when no node is down
    }

    private void reseizeDown(Placement p) {
        if (down.size() < p.nodeCount()) {
            // each node is seized on its own: the order among nodes does not matter
            for (Map.Entry<Integer, Down> e : down.entrySet()) {
                if (p.uses(e.getKey())) e.getValue().seized.push(capacity.seize(e.getKey()));
            }
            return;
        }
        for (int node : p.nodes()) {
            Down d = down.get(node);
            if (d != null) d.seized.push(capacity.seize(node));
        }
    }

    /** Nodes down for a failure → the outage as the policies see it: [failed at, repaired at) on that node. */
    private final java.util.TreeMap<Integer, org.preemptlab.sched.Reservation> failed = new java.util.TreeMap<>();
    private java.util.List<org.preemptlab.sched.Reservation> failedView = java.util.List.of();

    /** A failure of {@code node} at {@code since}, to be repaired at {@code until}: takes it down and notes when it returns. */
    void fail(int node, String name, long since, long until) {
        takeDown(node);
        failed.put(node, new org.preemptlab.sched.Reservation("node " + name + " failed", since, until, new int[] {node}, since));
        failedView = java.util.List.copyOf(failed.values());
    }

    /** The repair of a failed node: brings it up. */
    void repair(int node) {
        failed.remove(node);
        failedView = java.util.List.copyOf(failed.values());
        bringUp(node);
    }

    /** The failed nodes with their repair times, by node (empty when none is down for a failure). */
    java.util.List<org.preemptlab.sched.Reservation> failures() {
        return failedView;
    }

    boolean isDown(int node) {
        return down.containsKey(node);
    }

    boolean anyDown(Placement p) {
        if (down.isEmpty() || !p.isConcrete()) return false;
        if (down.size() < p.nodeCount()) {
            for (int node : down.keySet()) if (p.uses(node)) return true;
            return false;
        }
        for (int node : p.nodes()) if (down.containsKey(node)) return true;
        return false;
    }
}
