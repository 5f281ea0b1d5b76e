package org.preemptlab.alloc;

import java.util.Arrays;

/**
 * Which nodes Slurm's {@code select/cons_tres} gives a job among the nodes that can hold it: the
 * node-set best fit of its {@code _eval_nodes} (Slurm 22.05, {@code src/plugins/select/cons_tres/job_test.c},
 * the generic case: no required nodes, not {@code --contiguous}, no topology plugin, no {@code LLN},
 * {@code pack_serial_at_end} or {@code --spread-job}).
 *
 * <p>The usable nodes, in node order (slurm.conf order), fall into <em>sets</em>: runs of consecutive
 * node indices of equal {@code Weight}. A set is <em>sufficient</em> when its available CPUs reach the
 * CPUs still wanted and its nodes the nodes still wanted. Repeatedly, the best set is chosen: the one of
 * lowest weight; among equal weights the first sufficient set, then a sufficient set with fewer CPUs
 * (the tightest fit), and — Slurm's rule as written — an insufficient set with more CPUs than the best so
 * far, even a sufficient best. From the chosen set the job takes its nodes in order; when one node is
 * still wanted it takes the set's node with the fewest available CPUs that still hold the job (the
 * best-fit node). The set is then used up, and the next best set serves what is still wanted.
 *
 * <p>A node's available CPUs are all its free CPUs (not only the job's), so the best fit prefers the
 * busier node; the job itself takes its CPUs per node on each chosen node. Except for a job with GRES
 * ({@link #availableCpus}): cons_tres's {@code _select_cores} runs {@code gres_select_filter_sock_core}, which
 * clears a node's free cores down to the ones the job needs ({@code while (avail_cores_tot > req_cpus)}), so
 * every node that holds such a job counts the job's own CPUs: the sets' fit is their node count and the
 * best-fit node is the set's first.
 */
public final class ConsTresSelect {

    private ConsTresSelect() {}

    /**
     * The available CPUs {@code _eval_nodes} counts on a node with {@code free} free CPUs for a job needing {@code need}
     * per node (a {@code TresCapacity} need: CPUs, memory, whole node (1), then GRES counts): for a job with GRES on
     * part of a node, only its own CPUs ({@code need[0]}; Slurm 22.05, {@code gres_select_filter_sock_core} in
     * cons_common/gres_select_filter.c clears the other free cores of the node and lowers {@code avail_cpus} with them,
     * called by cons_tres's {@code _select_cores}); else all of them.
     */
    public static long availableCpus(long free, long[] need) {
        return hasGres(need) ? Math.min(free, need[0]) : free;
    }

    /** True if the need (as {@link #availableCpus}) asks for GRES on part of a node. */
    public static boolean hasGres(long[] need) {
        if (need.length <= 3 || need[2] == 1) return false;
        for (int k = 3; k < need.length; k++) if (need[k] > 0) return true;
        return false;
    }

    /**
     * The chosen nodes, ascending, or null when the usable nodes cannot serve {@code wanted} nodes.
     *
     * @param nodes     the usable node indices, ascending (each holds the job)
     * @param avail     per position of {@code nodes}: the node's available CPUs
     * @param weight    per position: the node's {@code Weight}, or null when every weight is equal
     * @param count     how many positions of {@code nodes} are used
     * @param wanted    nodes the job needs
     * @param cpusEach  CPUs the job takes on each node
     */
    public static int[] select(int[] nodes, long[] avail, long[] weight, int count, int wanted, long cpusEach) {
        return select(nodes, avail, weight, count, wanted, cpusEach, new Scratch());
    }

    /**
     * The sets' working arrays of {@link #select}, grown as needed and reused by the calls that pass the same
     * scratch (one search loop's; nothing in them outlives a call).
     */
    public static final class Scratch {
        private int[] start = new int[0];
        private int[] end = new int[0];
        private long[] cpus = new long[0];
        private int[] size = new int[0];
        private long[] w = new long[0];

        private void ensure(int count) {
            if (start.length >= count) return;
            int n = Math.max(count, start.length * 2);
            start = new int[n];
            end = new int[n];
            cpus = new long[n];
            size = new int[n];
            w = new long[n];
        }
    }

    /** {@link #select(int[], long[], long[], int, int, long)} with its working arrays in {@code scratch}. */
    public static int[] select(int[] nodes, long[] avail, long[] weight, int count, int wanted, long cpusEach, Scratch scratch) {
        if (wanted < 1) throw new IllegalArgumentException("wanted: " + wanted + " nodes; must be ≥ 1");
        if (count < wanted) return null;
        if (wanted == 1) {
            int one = selectOne(nodes, avail, weight, count, cpusEach);
            if (one >= 0) return new int[] {nodes[one]};
            // else the best set has no node with a CPU available: the general loop goes on to the next set
        }
        // the sets: [start[s], end[s]) positions, their CPUs, nodes and weight
        scratch.ensure(count);
        int[] start = scratch.start;
        int[] end = scratch.end;
        long[] cpus = scratch.cpus;
        int[] size = scratch.size;
        long[] w = scratch.w;
        int sets = 0;
        for (int p = 0; p < count; p++) {
            long wp = weight == null ? 0 : weight[p];
            if (p == 0 || nodes[p] != nodes[p - 1] + 1 || wp != w[sets - 1]) {
                start[sets] = p;
                w[sets] = wp;
                cpus[sets] = 0;
                size[sets] = 0;
                sets++;
            }
            end[sets - 1] = p + 1;
            cpus[sets - 1] += avail[p];
            size[sets - 1]++;
        }
        int[] out = new int[wanted];
        int k = 0;
        long remCpus = (long) wanted * cpusEach;
        while (k < wanted) {
            int best = -1;
            boolean bestSufficient = false;
            for (int s = 0; s < sets; s++) {
                if (size[s] == 0) continue;
                boolean sufficient = cpus[s] >= remCpus && size[s] >= wanted - k;
                boolean newBest = best < 0 || w[s] < w[best];
                if (!newBest && w[s] == w[best]) {
                    newBest = (sufficient && !bestSufficient) || (sufficient && cpus[s] < cpus[best])
                            || (!sufficient && cpus[s] > cpus[best]);
                }
                if (newBest) {
                    best = s;
                    bestSufficient = sufficient;
                }
            }
            if (best < 0) return null;
            int single = -1;
            if (wanted - k <= 1) {
                // the best-fit node: fewest available CPUs that still hold the job (the first such on a tie)
                for (int p = start[best]; p < end[best]; p++) {
                    if (avail[p] < Math.max(remCpus, 1)) continue;
                    if (single < 0 || avail[p] < avail[single]) {
                        single = p;
                        if (avail[p] == remCpus) break;
                    }
                }
            }
            if (single >= 0) {
                out[k++] = nodes[single];
                remCpus -= cpusEach;
            } else {
                for (int p = start[best]; p < end[best] && k < wanted; p++) {
                    if (avail[p] <= 0) continue;
                    out[k++] = nodes[p];
                    remCpus -= cpusEach;
                }
            }
            cpus[best] = 0;
            size[best] = 0;
        }
        // ascending already when the sets were taken in node order (the common case): no sort call
        for (int i = 1; i < wanted; i++) {
            if (out[i] < out[i - 1]) {
                Arrays.sort(out);
                break;
            }
        }
        return out;
    }

    /**
     * {@link #select}'s choice for one node in one pass without the sets' arrays: the position of the chosen node, or -1
     * when the best set has no node with a CPU available (the general loop then goes on to the next best set). The best
     * set is found as the general loop's first round finds it (each set weighed when it ends, in node order), then the
     * best-fit node in it, else its first node with a CPU available.
     */
    private static int selectOne(int[] nodes, long[] avail, long[] weight, int count, long cpusEach) {
        int bestStart = -1, bestEnd = -1;
        long bestW = 0, bestCpus = 0;
        boolean bestSufficient = false;
        int start = 0;
        long w = weight == null ? 0 : weight[0];
        long cpus = avail[0];
        for (int p = 1; p <= count; p++) {
            long wp = 0;
            if (p < count) {
                wp = weight == null ? 0 : weight[p];
                if (nodes[p] == nodes[p - 1] + 1 && wp == w) {
                    cpus += avail[p];
                    continue;
                }
            }
            // the set [start, p) ends: weighed as the general loop weighs it (every set has a node: one is wanted)
            boolean sufficient = cpus >= cpusEach;
            boolean newBest = bestStart < 0 || w < bestW;
            if (!newBest && w == bestW) {
                newBest = (sufficient && !bestSufficient) || (sufficient && cpus < bestCpus) || (!sufficient && cpus > bestCpus);
            }
            if (newBest) {
                bestStart = start;
                bestEnd = p;
                bestW = w;
                bestCpus = cpus;
                bestSufficient = sufficient;
            }
            if (p < count) {
                start = p;
                w = wp;
                cpus = avail[p];
            }
        }
        // the best-fit node: fewest available CPUs that still hold the job (the first such on a tie)
        long least = Math.max(cpusEach, 1);
        int single = -1;
        for (int p = bestStart; p < bestEnd; p++) {
            if (avail[p] < least) continue;
            if (single < 0 || avail[p] < avail[single]) {
                single = p;
                if (avail[p] == cpusEach) break;
            }
        }
        if (single >= 0) return single;
        for (int p = bestStart; p < bestEnd; p++) if (avail[p] > 0) return p;
        return -1;
    }
}
