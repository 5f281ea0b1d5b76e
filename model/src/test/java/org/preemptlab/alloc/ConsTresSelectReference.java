package org.preemptlab.alloc;

import java.util.Arrays;

/**
 * {@link ConsTresSelect#select}'s general loop as it was before its one-node pass ({@code selectOne}, session 16),
 * kept verbatim (working arrays of its own) as the reference of {@link ConsTresSelectReferenceProperties}.
 */
final class ConsTresSelectReference {

    private ConsTresSelectReference() {}

    static int[] select(int[] nodes, long[] avail, long[] weight, int count, int wanted, long cpusEach) {
        int[] start = new int[count];
        int[] end = new int[count];
        long[] cpus = new long[count];
        int[] size = new int[count];
        long[] w = new long[count];
        if (wanted < 1) throw new IllegalArgumentException("wanted: " + wanted + " nodes; must be ≥ 1");
        if (count < wanted) return null;
        // the sets: [start[s], end[s]) positions, their CPUs, nodes and weight
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
        Arrays.sort(out);
        return out;
    }
}
