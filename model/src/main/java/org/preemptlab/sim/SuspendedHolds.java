package org.preemptlab.sim;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.preemptlab.alloc.Capacity;
import org.preemptlab.job.Placement;

/**
 * The cores suspended jobs hold for their resume: on each of its nodes, a suspended job (in
 * suspension order) holds its cores if they are still free; what is left is free for the policies.
 *
 * @param free  the free capacity without the held cores
 * @param holds suspended job → the cores it holds (nodes where they were free), absent if none
 */
record SuspendedHolds(Capacity free, Map<JobRun, Placement> holds) {

    static SuspendedHolds of(Capacity capacity, Collection<JobRun> suspended) {
        Capacity free = capacity.copy();
        Map<JobRun, Placement> holds = new HashMap<>();
        for (JobRun r : suspended) {
            Placement p = r.placement();
            if (p.nodes() == null) continue;
            int[] nodes = new int[p.nodes().length];
            int k = 0;
            for (int node : p.nodes()) {
                Placement one = new Placement(p.pool(), p.coresPerNode(), new int[] {node}, p.coresPerNode(), 0);
                if (free.coresFree(one)) {
                    free.takeCores(one);
                    nodes[k++] = node;
                }
            }
            if (k > 0) holds.put(r, new Placement(p.pool(), k * p.coresPerNode(), Arrays.copyOf(nodes, k), p.coresPerNode(), 0));
        }
        return new SuspendedHolds(free, holds);
    }
}
