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
import org.preemptlab.units.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario's first maintenance window with every strategy and prints what each costs. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Compare maintenance strategies (drain, checkpoint (at T), checkpoint-before (T), kill, drain-then-checkpoint) "
                + "on a scenario's first maintenance window: idle node-hours and idle energy before T, lost node-hours, "
                + "checkpoint/restart I/O, added wait, checkpoint writes not done by T.")
final class MaintenanceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Option(names = "--drain-horizon", defaultValue = "3600", converter = OptionValues.Seconds.class,
            description = "H for drain-then-checkpoint, s or e.g. 1h, ≥ 0 (default: ${DEFAULT-VALUE})")
    long drainHorizon;

    @Option(names = "--look-back", converter = OptionValues.Seconds.class, description = "idle time is counted over [T − look-back, T), s (default: the longest estimate)")
    Long lookBack;

    @Option(names = "--idle-watts", defaultValue = "150",
            description = "idle power of one node, W, for the idle energy before T (default: ${DEFAULT-VALUE})")
    double idleWatts;

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
        if (!(idleWatts >= 0)) throw new IllegalArgumentException("--idle-watts: " + idleWatts + "; must be ≥ 0");
        System.out.println(Summaries.maintenanceHeader(s.name(), w, back));
        System.out.println("checkpoint = written at T (inside the window); checkpoint-before = planned backwards from T "
                + "to be written by T (the default elsewhere); idle energy at " + Units.number(idleWatts) + " W per idle node");
        System.out.println(Summaries.MAINTENANCE_COLUMNS);
        List<MaintenanceCost> costs = new ArrayList<>();
        for (MaintenanceStrategy strategy : MaintenanceStrategy.values()) {
            MaintenanceWindow variant = new MaintenanceWindow(w.name(), w.start(), w.duration(), w.nodes(), strategy,
                    strategy == MaintenanceStrategy.DRAIN_THEN_CHECKPOINT ? (w.drainHorizon() > 0 ? w.drainHorizon() : drainHorizon) : 0);
            SimulationResult r = new Simulation(s.withMaintenance(List.of(variant)).toConfig(true))
                    .run(ProgressBar.forTerminal("maintenance: " + strategy.name().toLowerCase(Locale.ROOT)));
            MaintenanceCost c = MaintenanceCost.of(r, variant, baseline, back, idleWatts);
            costs.add(c);
            System.out.println(Summaries.maintenanceRow(c));
        }
        for (MaintenanceCost c : costs) {
            if (!c.strategy().equals(MaintenanceStrategy.CHECKPOINT_BEFORE.label()) || c.checkpointMisses().isEmpty()) continue;
            System.out.println("checkpoint-before: the storage bandwidth does not allow writing every image by T:");
            Summaries.maintenanceMisses(c).forEach(System.out::println);
        }
        return 0;
    }
}
