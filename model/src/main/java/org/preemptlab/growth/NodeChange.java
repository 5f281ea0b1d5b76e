package org.preemptlab.growth;

import org.preemptlab.cluster.Cluster;

/**
 * More nodes in one pool: {@code added} nodes in {@code pool}, or in the first pool (the processors
 * of a processor machine) when the pool is null. Written {@code 16} or {@code gpu+16}.
 */
public record NodeChange(String pool, int added) {

    public NodeChange {
        if (added < 0) throw new IllegalArgumentException("added nodes is " + added + "; must be ≥ 0");
        if (pool != null && pool.isBlank()) throw new IllegalArgumentException("pool name is blank");
    }

    /**
     * Parses {@code 16} or {@code gpu+16}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static NodeChange parse(String text) {
        String t = text.strip();
        int plus = t.lastIndexOf('+');
        String pool = plus > 0 ? t.substring(0, plus).strip() : null;
        String n = plus >= 0 ? t.substring(plus + 1).strip() : t;
        int added;
        try {
            added = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not N or POOL+N (a whole number of nodes to add)");
        }
        if (added < 0) throw new IllegalArgumentException("\"" + text + "\": must add ≥ 0 nodes");
        return new NodeChange(pool, added);
    }

    public Cluster apply(Cluster cluster) {
        return MachineGrowth.addNodes(cluster, pool, added);
    }

    public String label() {
        return pool == null ? Integer.toString(added) : pool + "+" + added;
    }
}
