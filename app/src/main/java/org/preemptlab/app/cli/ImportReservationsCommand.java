package org.preemptlab.app.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.preemptlab.backend.slurm.SlurmCli;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.io.files.AtomicFiles;
import org.preemptlab.io.files.OutputTargets;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;
import org.preemptlab.reservation.ReservationSpec;
import org.preemptlab.reservation.ScontrolReservations;
import org.preemptlab.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Adds the reservations of {@code scontrol show reservation} (a saved text, or a live cluster with
 * {@code --from-cluster}) to a scenario: nodes the scenario has by name are reserved by name, others
 * become a node count of the pool named like the partition; flags and fields that are not modelled
 * are dropped with a warning. Time 0 of the scenario is {@code --time-zero} (a local time as Slurm
 * prints them), by default the Monday 00:00 before the first reservation (recurrences such as
 * WEEKDAY count days from a Monday). The written file is read back before it is written.
 */
@Command(name = "import-reservations", mixinStandardHelpOptions = true,
        description = {"Add the reservations of `scontrol show reservation` output (or of a live cluster) to a scenario.",
                "See docs/reservations.md."})
final class ImportReservationsCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, paramLabel = "SCENARIO.json", description = "the scenario (cluster and jobs)")
    Path scenario;

    @Option(names = "--scontrol", paramLabel = "RES.txt", description = "saved output of `scontrol show reservation`")
    Path scontrol;

    @Option(names = "--from-cluster", description = "run `scontrol show reservation` on the live cluster instead")
    boolean fromCluster;

    @Option(names = "--slurm-conf", paramLabel = "slurm.conf", description = "with --from-cluster: the cluster's slurm.conf")
    Path slurmConf;

    @Option(names = "--time-zero", paramLabel = "YYYY-MM-DDTHH:MM:SS",
            description = "the local time of the scenario's time 0 (default: the Monday 00:00 before the first reservation)")
    String timeZero;

    @Option(names = "--out", required = true, paramLabel = "OUT.json", description = "the scenario file to write")
    Path out;

    @Spec
    CommandSpec spec;

    private final Function<Path, SlurmCommands> connect;

    ImportReservationsCommand() {
        this(conf -> conf != null ? new SlurmCli(conf) : SlurmCli.fromEnvironment());
    }

    /** Tests: a fake cluster. */
    ImportReservationsCommand(Function<Path, SlurmCommands> connect) {
        this.connect = connect;
    }

    @Override
    public Integer call() throws Exception {
        if ((scontrol == null) == !fromCluster) {
            throw new IllegalArgumentException("give --scontrol RES.txt (saved `scontrol show reservation` output) or"
                    + " --from-cluster, one of them");
        }
        OutputTargets.create().input("--scenario", scenario).input("--scontrol", scontrol).output("--out", out).check();
        Scenario base = ScenarioReader.read(scenario);
        if (!(base.cluster() instanceof NodeCluster cluster)) {
            throw new IllegalArgumentException("--scenario " + scenario + ": a processor machine has no nodes to reserve;"
                    + " reservations need a scenario with pools");
        }
        String text;
        String source;
        if (fromCluster) {
            text = connect.apply(slurmConf).showReservations();
            source = "scontrol show reservation";
        } else {
            if (!Files.isRegularFile(scontrol)) throw new IllegalArgumentException("--scontrol " + scontrol + ": no such file");
            text = Files.readString(scontrol, StandardCharsets.UTF_8);
            source = String.valueOf(scontrol.getFileName());
        }
        List<ScontrolReservations.Entry> entries;
        try {
            entries = ScontrolReservations.parse(text, source);
        } catch (ScontrolReservations.ParseException e) {
            java.io.PrintWriter err = spec != null ? spec.commandLine().getErr() : new java.io.PrintWriter(System.err, true);
            for (String line : e.getMessage().split("\n")) err.println("preemptlab: " + line);
            err.flush();
            return 2;
        }
        LocalDateTime t0 = timeZero != null ? parseTime(timeZero) : mondayBefore(entries);
        ScontrolReservations.Result result = ScontrolReservations.toSpecs(entries, cluster, t0);
        List<ReservationSpec> all = new ArrayList<>(base.reservations());
        all.addAll(result.reservations());
        Scenario withThem = base.toBuilder().reservations(all).build();
        Path real = AtomicFiles.followLinks(out);
        String json = ScenarioWriter.toJson(withThem, real.getParent());
        Scenario back = ScenarioReader.read(json, String.valueOf(out.getFileName()), real.getParent());
        AtomicFiles.write(out, w -> w.write(json));
        java.io.PrintStream stdout = System.out;
        java.io.PrintWriter w = spec != null ? spec.commandLine().getOut() : new java.io.PrintWriter(stdout, true);
        for (String warning : result.warnings()) w.println("warning: " + warning);
        w.println("wrote " + out + ": " + org.preemptlab.units.Units.count(back.reservations().size(), "reservation") + ", time 0 = " + t0);
        for (ReservationSpec r : back.reservations()) {
            w.println("  " + r.name() + ": " + org.preemptlab.units.Units.count(r.nodes().length, "node") + " from "
                    + org.preemptlab.units.Units.instant(r.start()) + " for " + org.preemptlab.units.Units.duration(r.duration())
                    + (r.flagText().isEmpty() ? "" : ", flags " + r.flagText()));
        }
        w.flush();
        return 0;
    }

    private static LocalDateTime parseTime(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--time-zero " + text + ": not a local time (YYYY-MM-DDTHH:MM:SS)");
        }
    }

    /** The Monday 00:00 on or before the earliest start. */
    static LocalDateTime mondayBefore(List<ScontrolReservations.Entry> entries) {
        LocalDateTime first = entries.stream().map(ScontrolReservations.Entry::start).filter(java.util.Objects::nonNull)
                .min(LocalDateTime::compareTo).orElseThrow();
        LocalDateTime day = first.truncatedTo(ChronoUnit.DAYS);
        return day.minusDays(day.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
    }
}
