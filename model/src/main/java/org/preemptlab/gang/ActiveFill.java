package org.preemptlab.gang;

import java.util.List;
import org.preemptlab.job.Placement;

/**
 * The timeslicer's "active row" (Slurm's gang.c): jobs are taken in the order given and each is
 * made active if its cores fit beside those already active, node by node; the others stay (or
 * become) suspended. The order is the scheduler's to choose: at a time slice the jobs that were
 * suspended come first, the longest-waiting first, and the running ones after them; when a job
 * joins or leaves, the active ones come first, so nothing is swapped before the slice is over.
 */
public final class ActiveFill {

    private ActiveFill() {
    }

    /**
     * @param coresPerNode physical cores of every node (index = node)
     * @param ordered      placements in fill order
     * @return for each placement, true if it is active
     */
    public static boolean[] fill(int[] coresPerNode, List<Placement> ordered) {
        int[] used = new int[coresPerNode.length];
        boolean[] active = new boolean[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            Placement p = ordered.get(i);
            if (fits(coresPerNode, used, p)) {
                for (int node : p.nodes()) used[node] += p.coresPerNode();
                active[i] = true;
            }
        }
        return active;
    }

    /** True if the placement's cores fit beside {@code used} on each of its nodes. */
    public static boolean fits(int[] coresPerNode, int[] used, Placement p) {
        for (int node : p.nodes()) if (used[node] + p.coresPerNode() > coresPerNode[node]) return false;
        return true;
    }
}
