package org.preemptlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario's first maintenance window with every strategy and prints what each costs. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Compare maintenance strategies (drain, checkpoint, kill, drain-then-checkpoint) on a scenario's "
                + "first maintenance window: idle node-hours before T, lost node-hours, checkpoint/restart I/O, added wait.")
final class MaintenanceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Option(names = "--drain-horizon", defaultValue = "3600", converter = OptionValues.Seconds.class,
            description = "H for drain-then-checkpoint, s or e.g. 1h, ≥ 0 (default: ${DEFAULT-VALUE})")
    long drainHorizon;

    @Option(names = "--look-back", converter = OptionValues.Seconds.class, description = "idle time is counted over [T − look-back, T), s (default: the longest estimate)")
    Long lookBack;

    @Override
    public Integer call() throws Exception {
        Scenario s = ScenarioReader.read(scenario);
        if (s.maintenance().isEmpty()) {
            throw new IllegalArgumentException(scenario.getFileName() + ": has no maintenance window to compare");
        }
        try {
            return compare(s);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw CliErrors.cannotRun(scenario, e);
        }
    }

    private int compare(Scenario s) {
        MaintenanceWindow w = s.maintenance().get(0);
        long back = lookBack != null ? lookBack : s.jobs().stream().mapToLong(j -> j.estimate()).max().orElse(3600);
        SimulationResult baseline = new Simulation(s.withMaintenance(List.of()).toConfig(true))
                .run(ProgressBar.forTerminal("maintenance: without the window"));
        System.out.printf(Locale.ROOT, "%s: window %s at %d s for %d s on %d nodes; idle counted over the %d s before it%n",
                s.name(), w.name(), w.start(), w.duration(), w.nodes().length, Math.min(back, w.start()));
        System.out.println("strategy              | idle node-h before T | lost node-h | ckpt+restart I/O node-h | added wait job-h | added mean wait s | jobs running across T");
        List<MaintenanceCost> costs = new ArrayList<>();
        for (MaintenanceStrategy strategy : MaintenanceStrategy.values()) {
            MaintenanceWindow variant = new MaintenanceWindow(w.name(), w.start(), w.duration(), w.nodes(), strategy,
                    strategy == MaintenanceStrategy.DRAIN_THEN_CHECKPOINT ? (w.drainHorizon() > 0 ? w.drainHorizon() : drainHorizon) : 0);
            SimulationResult r = new Simulation(s.withMaintenance(List.of(variant)).toConfig(true))
                    .run(ProgressBar.forTerminal("maintenance: " + strategy.name().toLowerCase(Locale.ROOT)));
            MaintenanceCost c = MaintenanceCost.of(r, variant, baseline, back);
            costs.add(c);
            System.out.printf(Locale.ROOT, "%-21s | %20.2f | %11.2f | %23.2f | %16.2f | %17.1f | %d%n", c.strategy(),
                    c.idleNodeHoursBefore(), c.lostNodeHours(), c.ioNodeHours(), c.addedWaitHours(), c.addedMeanWaitSeconds(),
                    c.jobsAcrossStart());
        }
        return 0;
    }
}
