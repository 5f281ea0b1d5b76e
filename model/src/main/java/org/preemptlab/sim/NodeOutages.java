package org.preemptlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;

/**
 * Which nodes are out of service (maintenance windows and failures may overlap: a count per node),
 * and what of them the engine has seized in the capacity so that nothing starts there. Whatever a
 * job frees on a node that is down is seized at once; all of it is given back when the node is up.
 */
final class NodeOutages {

    private final Capacity capacity;
    private final int[] down;
    private final List<Deque<Placement>> seized;

    NodeOutages(Capacity capacity, int nodes) {
        this.capacity = capacity;
        this.down = new int[nodes];
        this.seized = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) seized.add(new ArrayDeque<>());
    }

    /** One more reason for the node to be out of service; the first one seizes what is free on it. */
    void takeDown(int node) {
        down[node]++;
        if (down[node] == 1) seized.get(node).push(capacity.seize(node));
    }

    /** One reason fewer; the last one gives back everything seized on the node. */
    void bringUp(int node) {
        down[node]--;
        if (down[node] == 0) {
            Deque<Placement> taken = seized.get(node);
            while (!taken.isEmpty()) capacity.release(taken.pop());
        }
    }

    /** After a job released {@code p}: seizes again what it freed on nodes that are down. */
    void reseize(Placement p) {
        if (p.nodes() == null) return;
        for (int node : p.nodes()) if (down[node] > 0) seized.get(node).push(capacity.seize(node));
    }

    boolean anyDown(Placement p) {
        for (int node : p.nodes()) if (down[node] > 0) return true;
        return false;
    }
}
