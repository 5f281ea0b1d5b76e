package org.preemptlab.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.mechanism.CheckpointCost;

/**
 * Checkpoint I/O. With a fixed cost every checkpoint takes the same time. With the image model,
 * each pool's storage is one channel of aggregate bandwidth B shared equally by the checkpoints in
 * progress (fluid sharing): k concurrent writers each get B/k, so two equal simultaneous
 * checkpoints take twice as long as one. Finish times are re-planned whenever a writer joins or
 * leaves; a version number on the job discards the superseded completion events.
 */
final class StorageChannels {

    private final Channel[] channels;
    private final EventQueue events;

    StorageChannels(Cluster cluster, double processorModeMBps, EventQueue events) {
        this.events = events;
        if (cluster instanceof NodeCluster nc) {
            channels = new Channel[nc.pools().size()];
            for (int p = 0; p < channels.length; p++) channels[p] = new Channel(nc.pools().get(p).checkpointBandwidthMBps());
        } else {
            channels = new Channel[] {new Channel(processorModeMBps)};
        }
    }

    private Channel channelOf(JobRun r) {
        return channels[Math.max(0, r.placement().pool())];
    }

    private static double volumeMb(JobRun r) {
        return (double) r.spec().imageMbPerNode() * r.placement().nodeCount();
    }

    /** What a checkpoint started now would take if nobody else joined. */
    long estimateSeconds(JobRun r, CheckpointCost cost) {
        if (!cost.imageModel()) return cost.checkpointSeconds();
        Channel c = channelOf(r);
        return (long) Math.ceil(volumeMb(r) * (c.active.size() + 1) / c.bandwidth - 1e-9);
    }

    void beginCheckpoint(JobRun r, long now, CheckpointCost cost) {
        if (!cost.imageModel()) {
            events.add(new SimEvent.CheckpointDone(now + cost.checkpointSeconds(), r.index(), r.nextIoVersion()));
            return;
        }
        Channel c = channelOf(r);
        c.advance(now);
        c.active.put(r, new double[] {volumeMb(r)});
        c.replan(now);
    }

    void endCheckpoint(JobRun r, long now) {
        Channel c = channelOf(r);
        c.advance(now);
        if (c.active.remove(r) != null) c.replan(now);
    }

    /** The aggregate bandwidth of the storage the job's pool writes to, MB/s. */
    double bandwidthOf(JobRun r) {
        return channels[r.placement() == null ? 0 : Math.max(0, r.placement().pool())].bandwidth;
    }

    /** The channel (pool) the job writes to. */
    int poolOf(JobRun r) {
        return r.placement() == null ? 0 : Math.max(0, r.placement().pool());
    }

    /** MB still to write on the job's channel at {@code now} by the checkpoints in progress there. */
    double pendingMb(JobRun r, long now) {
        Channel c = channels[poolOf(r)];
        double total = 0;
        double done = c.active.isEmpty() || now <= c.lastUpdate ? 0 : c.bandwidth / c.active.size() * (now - c.lastUpdate);
        for (double[] left : c.active.values()) total += Math.max(0, left[0] - done);
        return total;
    }

    /** Restart read time: the image read back at the pool's full bandwidth (or the fixed cost). */
    long restartSeconds(JobRun r, CheckpointCost cost) {
        if (!cost.imageModel()) return cost.restartSeconds();
        return (long) Math.ceil(volumeMb(r) / channelOf(r).bandwidth - 1e-9);
    }

    private final class Channel {
        final double bandwidth;
        final Map<JobRun, double[]> active = new LinkedHashMap<>();
        long lastUpdate;

        Channel(double bandwidth) {
            this.bandwidth = bandwidth;
        }

        void advance(long now) {
            if (!active.isEmpty() && now > lastUpdate) {
                double share = bandwidth / active.size() * (now - lastUpdate);
                for (double[] left : active.values()) left[0] = Math.max(0, left[0] - share);
            }
            lastUpdate = now;
        }

        void replan(long now) {
            if (active.isEmpty()) return;
            double share = bandwidth / active.size();
            for (Map.Entry<JobRun, double[]> e : active.entrySet()) {
                JobRun r = e.getKey();
                int version = r.nextIoVersion();
                long finish = now + (long) Math.ceil(e.getValue()[0] / share - 1e-9);
                events.add(new SimEvent.CheckpointDone(finish, r.index(), version));
            }
        }
    }
}
