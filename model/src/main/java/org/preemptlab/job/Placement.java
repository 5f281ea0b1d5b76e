package org.preemptlab.job;

import java.util.Arrays;

/**
 * Where a job runs: {@link #nodeCount()} nodes (or processors) with {@code coresPerNode} cores and
 * {@code memoryPerNodeMb} MB on each. A processor-mode placement made on a scratch capacity names no
 * processors ({@link #isConcrete()} false); the engine's capacity assigns concrete processor numbers
 * when it takes it, as runs of consecutive numbers ({@link #ofRuns}), so a job of a million processors
 * costs what a job of one does. {@link #nodes()} lists the numbers one by one, made on first use
 * (for the event log and the Gantt); the engine itself works on {@link #runs()}.
 *
 * <p>A value: equal placements have the same pool, counts and the same nodes in the same order.
 *
 * @see #Placement(int, int, int[], int, long)
 */
public final class Placement {

    private static final int[] NONE = new int[0];

    private final int pool;
    private final int procs;
    private final int coresPerNode;
    private final long memoryPerNodeMb;
    /** The nodes as given (node mode, explicit processors), or null. */
    private final int[] nodes;
    /** Runs of consecutive numbers: start, end (exclusive), start, end, …; null if not concrete. */
    private final int[] runs;
    /** {@link #nodes()} of a placement made from runs, made on first use. */
    private volatile int[] expanded;
    /** GRES taken on each node, by the cluster's GRES index (cons_tres placements), or null. */
    private final long[] gresPerNode;
    /** The Slurm partition the job runs in (index into the site's partitions), or -1. */
    private final int partition;
    /** The job holds its nodes whole ({@code --exclusive}, select/linear, OverSubscribe=EXCLUSIVE). */
    private final boolean wholeNodes;

    /**
     * @param pool   pool index in node mode, -1 in processor mode
     * @param procs  processors (cores) in total
     * @param nodes  node (or processor) indices, or null when only counted
     */
    public Placement(int pool, int procs, int[] nodes, int coresPerNode, long memoryPerNodeMb) {
        this(pool, procs, nodes, nodes == null ? null : runsOf(nodes), coresPerNode, memoryPerNodeMb);
    }

    private Placement(int pool, int procs, int[] nodes, int[] runs, int coresPerNode, long memoryPerNodeMb) {
        this(pool, procs, nodes, runs, coresPerNode, memoryPerNodeMb, null, -1, false);
    }

    private Placement(int pool, int procs, int[] nodes, int[] runs, int coresPerNode, long memoryPerNodeMb,
            long[] gresPerNode, int partition, boolean wholeNodes) {
        this.gresPerNode = gresPerNode;
        this.partition = partition;
        this.wholeNodes = wholeNodes;
        this.pool = pool;
        this.procs = procs;
        this.nodes = nodes;
        this.runs = runs;
        this.coresPerNode = coresPerNode;
        this.memoryPerNodeMb = memoryPerNodeMb;
    }

    /**
     * A placement on a Slurm (version-2) cluster: {@code nodes} of node group {@code group}, each with
     * {@code cpusPerNode} CPUs, {@code memPerNodeMb} MB and {@code gresPerNode} (by the cluster's GRES
     * index; null or empty: none), in partition {@code partition}.
     */
    public static Placement ofTres(int group, int[] nodes, int cpusPerNode, long memPerNodeMb, long[] gresPerNode,
            int partition, boolean wholeNodes) {
        long[] gres = gresPerNode == null || gresPerNode.length == 0 ? null : gresPerNode;
        return new Placement(group, nodes.length * cpusPerNode, nodes, runsOf(nodes), cpusPerNode, memPerNodeMb, gres,
                partition, wholeNodes);
    }

    /** GRES taken on each node by the cluster's GRES index, or null (none, or not a cons_tres placement). Do not change it. */
    public long[] gresPerNode() {
        return gresPerNode;
    }

    /** The index of the Slurm partition the job runs in, or -1 (not a Slurm cluster). */
    public int partition() {
        return partition;
    }

    /** True when the job holds its nodes whole (no other job may share them). */
    public boolean wholeNodes() {
        return wholeNodes;
    }

    public static Placement ofCount(int procs) {
        return new Placement(-1, procs, null, null, 1, 0);
    }

    /**
     * Processors given as runs of consecutive numbers ({@code start, end (exclusive), …}, ascending,
     * not adjacent), one core each: a processor-mode placement of the engine's capacity.
     */
    public static Placement ofRuns(int procs, int[] runs) {
        return new Placement(-1, procs, null, runs, 1, 0);
    }

    public int pool() {
        return pool;
    }

    public int procs() {
        return procs;
    }

    public int coresPerNode() {
        return coresPerNode;
    }

    public long memoryPerNodeMb() {
        return memoryPerNodeMb;
    }

    /**
     * The node (or processor) indices one by one, or null when only counted. For a placement of
     * processor runs the array is made on first use (its cost is the job's processors): the engine
     * does not call it; the event log, the Gantt and the preemption planners do.
     */
    public int[] nodes() {
        if (nodes != null || runs == null) return nodes;
        int[] e = expanded;
        if (e == null) {
            int count = 0;
            for (int i = 0; i < runs.length; i += 2) count += runs[i + 1] - runs[i];
            e = new int[count];
            int k = 0;
            for (int i = 0; i < runs.length; i += 2) for (int id = runs[i]; id < runs[i + 1]; id++) e[k++] = id;
            expanded = e;
        }
        return e;
    }

    /**
     * The nodes as runs of consecutive numbers, in the order of {@link #nodes()}: start, end
     * (exclusive), start, end, …; null when only counted. Do not change the array.
     */
    public int[] runs() {
        return runs;
    }

    public int nodeCount() {
        if (nodes != null) return nodes.length;
        return procs;
    }

    public boolean isConcrete() {
        return runs != null;
    }

    public boolean uses(int node) {
        if (runs == null) return false;
        if (nodes != null) {
            for (int n : nodes) if (n == node) return true;
            return false;
        }
        // runs of the engine's capacity are ascending: binary search on the starts
        int lo = 0;
        int hi = runs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (runs[2 * mid] > node) hi = mid - 1;
            else if (runs[2 * mid + 1] <= node) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** Runs of consecutive numbers in the order given: {3,4,5,9} → {3,6,9,10}. */
    public static int[] runsOf(int[] ids) {
        if (ids.length == 0) return NONE;
        int count = 1;
        for (int i = 1; i < ids.length; i++) if (ids[i] != ids[i - 1] + 1) count++;
        int[] out = new int[2 * count];
        int k = 0;
        out[k++] = ids[0];
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] != ids[i - 1] + 1) {
                out[k++] = ids[i - 1] + 1;
                out[k++] = ids[i];
            }
        }
        out[k] = ids[ids.length - 1] + 1;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Placement p && pool == p.pool && procs == p.procs && coresPerNode == p.coresPerNode
                && memoryPerNodeMb == p.memoryPerNodeMb && Arrays.equals(runs, p.runs)
                && Arrays.equals(gresPerNode, p.gresPerNode) && partition == p.partition && wholeNodes == p.wholeNodes;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(runs) + procs;
    }

    @Override
    public String toString() {
        if (runs == null) return procs + " procs";
        if (nodes != null || procs <= 64) return "nodes " + Arrays.toString(nodes());
        StringBuilder b = new StringBuilder("processors ");
        for (int i = 0; i < runs.length; i += 2) {
            if (i > 0) b.append(", ");
            b.append(runs[i]);
            if (runs[i + 1] - 1 > runs[i]) b.append('-').append(runs[i + 1] - 1);
        }
        return b.toString();
    }
}
