package org.preemptlab.app.gui.run;

import java.util.List;
import org.preemptlab.app.gui.background.ProgressSink;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationConfig;

/**
 * Runs a simulation to its end, reporting progress and stopping when cancelled. Meant to be called
 * on a worker thread (see {@link org.preemptlab.app.gui.background.TaskRunner}).
 */
public final class ScenarioRunner {

    private static final int CHECK_EVERY_STEPS = 512;

    private ScenarioRunner() {}

    public static RunRecord simulate(String title, SimulationConfig config, ProgressSink progress) {
        long wallStart = System.nanoTime();
        Simulation sim = new Simulation(config);
        sim.begin();
        int total = config.jobs().size();
        List<LogEntry> log = sim.timeline().log();
        int scanned = 0;
        int ended = 0;
        long steps = 0;
        while (sim.step()) {
            if (++steps % CHECK_EVERY_STEPS != 0) continue;
            progress.checkCancelled();
            for (int n = log.size(); scanned < n; scanned++) {
                if (log.get(scanned).kind() == LogKind.END) ended++;
            }
            progress.progress(total == 0 ? -1 : Math.min(0.99, (double) ended / total),
                    "simulating " + title + ": " + org.preemptlab.units.Units.group(ended) + " of " + org.preemptlab.units.Units.count(total, "job") + " done");
        }
        config.backend().close();
        progress.progress(1, "simulated " + title);
        return RunRecord.of(title, sim.result(System.nanoTime() - wallStart));
    }
}
