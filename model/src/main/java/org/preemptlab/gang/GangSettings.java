package org.preemptlab.gang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.cluster.NodePool;

/**
 * The gang scheduler's settings of a scenario: the pools whose cores jobs may share (by pool name,
 * in file order) and the time slice. Absent from a file: {@link #NONE} (no pool shares; today's
 * behaviour).
 *
 * @param pools            pool name → its OverSubscribe setting (pools not named do not share)
 * @param timeSliceSeconds Slurm's {@code SchedulerTimeSlice}: how long a slice lasts, s (default 30)
 */
public record GangSettings(Map<String, OverSubscribe> pools, long timeSliceSeconds) {

    /** Slurm's default {@code SchedulerTimeSlice}. */
    public static final long DEFAULT_TIME_SLICE = 30;
    public static final GangSettings NONE = new GangSettings(Map.of(), DEFAULT_TIME_SLICE);

    public GangSettings {
        pools = pools == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(pools));
        if (timeSliceSeconds < 1) {
            throw new IllegalArgumentException("policy.timeSliceSeconds: " + timeSliceSeconds + "; must be ≥ 1");
        }
    }

    /** The pool's setting ({@link OverSubscribe#NO} when it has none). */
    public OverSubscribe of(String pool) {
        return pools.getOrDefault(pool, OverSubscribe.NO);
    }

    /** True when some pool lets jobs share cores: the run is time-sliced. */
    public boolean enabled() {
        for (OverSubscribe o : pools.values()) if (o.shares()) return true;
        return false;
    }

    public GangSettings withTimeSlice(long seconds) {
        return new GangSettings(pools, seconds);
    }

    public GangSettings withPool(String pool, OverSubscribe setting) {
        Map<String, OverSubscribe> m = new LinkedHashMap<>(pools);
        if (setting == null) m.remove(pool);
        else m.put(pool, setting);
        return new GangSettings(m, timeSliceSeconds);
    }

    /** The same settings without sharing: the baseline a gang run is compared with. */
    public GangSettings off() {
        return new GangSettings(Map.of(), timeSliceSeconds);
    }

    /** Per pool of the cluster, how many jobs may share a core (1: none). */
    public int[] rowsPerPool(NodeCluster cluster) {
        int[] rows = new int[cluster.pools().size()];
        for (int p = 0; p < rows.length; p++) rows[p] = of(cluster.pools().get(p).name()).jobs();
        return rows;
    }

    /**
     * The cluster the scheduler allocates from: each sharing pool offers its cores N times over
     * (Slurm's cons_tres "rows": N jobs may be allocated each core), memory once (suspended jobs
     * keep theirs, so every sharing job's memory must fit at the same time).
     */
    public NodeCluster slotCluster(NodeCluster physical) {
        List<NodePool> out = new ArrayList<>();
        for (NodePool p : physical.pools()) {
            int n = of(p.name()).jobs();
            out.add(n == 1 ? p : new NodePool(p.name(), p.nodes(), Math.multiplyExact(p.coresPerNode(), n),
                    p.memoryPerNodeMb(), p.owner(), p.borrowers(), p.checkpointBandwidthMBps()));
        }
        return new NodeCluster(out);
    }
}
