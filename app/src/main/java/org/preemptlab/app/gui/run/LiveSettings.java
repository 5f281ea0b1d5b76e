package org.preemptlab.app.gui.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.slurm.SlurmBackend;
import org.preemptlab.backend.slurm.SlurmBackendConfig;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.SlurmCluster;
import org.preemptlab.backend.slurm.SlurmImport;
import org.preemptlab.cluster.Cluster;
import org.preemptlab.live.LiveBackend;

/**
 * A checked choice of live backend (see {@link BackendViewModel#liveSettings()}); immutable.
 *
 * @param timeScale     simulated seconds per real second (&gt; 0)
 * @param slurmConf     the slurm.conf of the cluster (Slurm only)
 * @param partition     the Slurm partition, or null for the cluster's default
 * @param localRunsDir  where the local backend puts its run directories, or null for the default
 */
public record LiveSettings(BackendKind kind, double timeScale, Path slurmConf, String partition, Path localRunsDir) {

    public LiveSettings {
        Objects.requireNonNull(kind, "kind");
        if (!kind.isLive()) throw new IllegalArgumentException("The emulated backend does not run live.");
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("The time scale (" + timeScale + ") must be a positive number.");
        }
        if (kind == BackendKind.SLURM) Objects.requireNonNull(slurmConf, "slurmConf");
    }

    /**
     * Opens the backend for a run on {@code engine} (Slurm: reads the cluster's nodes with sinfo and
     * checks, before anything is submitted, that every engine node has a Slurm node with its cores).
     * Slow and may start threads: call it off the UI thread; the caller closes the backend.
     *
     * @throws IllegalArgumentException if the scenario does not fit the Slurm cluster (nothing submitted)
     */
    public LiveBackend open(Cluster engine) throws IOException {
        return switch (kind) {
            case LOCAL -> new LocalProcessBackend(localRunsDir == null ? LocalBackendConfig.defaults()
                    : LocalBackendConfig.defaults(localRunsDir));
            case SLURM -> {
                SlurmCli cli = new SlurmCli(slurmConf);
                // jobDir null: a temporary directory of the run's own, removed when the backend is closed
                SlurmCluster slurmCluster = SlurmImport.clusterFromSinfo(cli.sinfoJson());
                SlurmBackend.requireFits(engine, slurmCluster);
                yield new SlurmBackend(cli, SlurmBackendConfig.of(slurmCluster.slurmNodeNames(), partition, null));
            }
            case EMULATED -> throw new IllegalStateException("not live");
        };
    }

    /** "Local processes, 60× real time". */
    public String describe() {
        String scale = timeScale == Math.rint(timeScale) ? Long.toString((long) timeScale) : Double.toString(timeScale);
        return kind.label() + (kind == BackendKind.SLURM && partition != null ? " (" + partition + ")" : "") + ", " + scale
                + "× real time";
    }
}
