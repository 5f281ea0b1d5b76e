package org.preemptlab.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.slurm.SlurmBackend;
import org.preemptlab.backend.slurm.SlurmBackendConfig;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.SlurmCluster;
import org.preemptlab.backend.slurm.SlurmImport;
import org.preemptlab.live.LiveBackend;
import org.preemptlab.live.LiveListener;
import org.preemptlab.live.RealTimeDriver;
import org.preemptlab.sim.ProgressListener;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;
import org.preemptlab.sim.SimulationResult;

/** Runs a configuration on the chosen backend: the emulator, or in real time on processes or Slurm. */
final class LiveRuns {

    private LiveRuns() {}

    static SimulationResult run(SimulationConfig config, String backend, double timeScale, Path slurmConf,
            String partition, Path jobDir, ProgressListener progress) throws IOException {
        if (!(timeScale > 0)) throw new IllegalArgumentException("--time-scale is " + timeScale + "; must be > 0");
        return switch (backend) {
            case "emulated" -> new Simulation(config).run(progress);
            case "local" -> {
                LiveBackend local = new LocalProcessBackend(LocalBackendConfig.defaults());
                yield new RealTimeDriver(new Simulation(config.withBackend(local)), local, timeScale, progressOf(progress), null).run();
            }
            case "slurm" -> {
                SlurmCli cli = slurmConf != null ? new SlurmCli(slurmConf) : SlurmCli.fromEnvironment();
                SlurmCluster slurmCluster = SlurmImport.clusterFromSinfo(cli.sinfoJson());
                // before anything is submitted: a node the Slurm cluster lacks would fail the run half-way
                SlurmBackend.requireFits(config.cluster(), slurmCluster);
                // no --job-dir: the backend uses a temporary directory of its own and removes it at the end
                LiveBackend slurm = new SlurmBackend(cli, SlurmBackendConfig.of(slurmCluster.slurmNodeNames(), partition, jobDir));
                yield new RealTimeDriver(new Simulation(config.withBackend(slurm)), slurm, timeScale, progressOf(progress), null).run();
            }
            default -> throw new IllegalArgumentException("--backend " + backend + ": unknown; use emulated, local or slurm");
        };
    }

    /** A live run's progress: the jobs ended after each instant the engine applies (the bar throttles). */
    static LiveListener progressOf(ProgressListener progress) {
        if (progress == ProgressListener.NONE) return LiveListener.NONE;
        return new LiveListener() {
            @Override
            public void stepped(Simulation simulation) {
                var jobs = simulation.jobs();
                long done = 0;
                for (var j : jobs) if (j.state().isTerminal()) done++;
                progress.progress(done, jobs.size());
            }
        };
    }
}
