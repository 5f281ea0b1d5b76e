package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYPolygonAnnotation;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.chartview.ChartBox;
import org.preemptlab.app.gui.history.FidelityView;
import org.preemptlab.app.gui.history.FidelityViewModel;
import org.preemptlab.app.gui.history.HistoryImportViewModel;
import org.preemptlab.app.gui.history.HistoryView;
import org.preemptlab.fidelity.StartComparison;
import org.preemptlab.history.SacctException;
import org.preemptlab.history.SacctReader;
import org.preemptlab.replay.HistoryReplay;
import org.preemptlab.replay.SiteReplay;
import org.preemptlab.slurmconf.SlurmSite;
import org.preemptlab.slurmsched.BackfillPlans;
import org.preemptlab.units.Units;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * File ▸ Import Slurm history through the real window, on the CI run of the real Slurm kept as a
 * fixture: the view's numbers are the model's report for the same files (share within tolerance,
 * τ, the worst jobs), the charts export, and a bad sacct row is named by file and line. The
 * shell's runner runs the replay on the calling thread, so it has ended when the click returns.
 * Writes the screenshot of the predicted-vs-actual view.
 */
class HistoryImportUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    static Path fixture(String name) throws Exception {
        return Path.of(HistoryImportUiTest.class.getResource("/org/preemptlab/app/gui/history/ci-run1/" + name).toURI());
    }

    private Stage openWindow(FxRobot robot) {
        List<Window> before = List.copyOf(Window.getWindows());
        // File ▸ Import Slurm history (predicted vs actual)…
        var bar = (javafx.scene.control.MenuBar) ((javafx.scene.layout.BorderPane) shell.window().root()).getTop();
        var item = bar.getMenus().get(0).getItems().stream().filter(i -> i.getText() != null && i.getText().startsWith("Import Slurm _history"))
                .findFirst().orElseThrow();
        Fx.run(item::fire);
        return Fx.call(() -> Window.getWindows().stream().filter(w -> !before.contains(w)).filter(w -> w instanceof Stage)
                .map(w -> (Stage) w).findFirst().orElseThrow(() -> new AssertionError("no window opened")));
    }

    private static void type(FxRobot robot, String id, Path file) {
        TextField f = robot.lookup("#" + id).queryAs(TextField.class);
        Fx.run(() -> f.setText(file == null ? "" : file.toString()));
    }

    /**
     * Clicks Replay and lets the result's view be laid out: the replay has ended when the click returns (the runner runs it
     * on the calling thread), but the result's labels sit in a tab and a scroll pane whose skins, which hold their content,
     * are made at the next pulse; on a loaded machine the lookup could come first and find no label (seen once,
     * 7 December). CSS applied and laid out on the FX thread makes the skins now.
     */
    private static void replay(FxRobot robot) {
        robot.clickOn("#history-replay");
        layOut();
    }

    private void fillFixture(FxRobot robot, Path sacct) throws Exception {
        type(robot, "history-slurm-conf", fixture("slurm.conf"));
        type(robot, "history-gres-conf", fixture("gres.conf"));
        type(robot, "history-sacctmgr-dump", fixture("sacctmgr-dump.txt"));
        type(robot, "history-sacctmgr-qos", fixture("sacctmgr-qos.txt"));
        type(robot, "history-sacct", sacct);
    }

    @Test
    void the_view_shows_the_models_report_of_the_fixture_history(FxRobot robot) throws Exception {
        Stage window = openWindow(robot);
        HistoryView view = (HistoryView) window.getScene().getRoot();
        HistoryImportViewModel vm = view.viewModel();
        assertThat(robot.lookup("#history-replay").queryButton().isDisabled()).as("nothing chosen yet").isTrue();
        assertThat(robot.lookup("#history-slurm-conf-problem").queryAs(Label.class).getText()).contains("choose the slurm.conf");
        type(robot, "history-sacct", dir.resolve("missing.txt"));
        assertThat(robot.lookup("#history-sacct-problem").queryAs(Label.class).getText()).contains("no such file");

        fillFixture(robot, fixture("sacct.txt"));
        assertThat(robot.lookup("#history-replay").queryButton().isDisabled()).isFalse();
        replay(robot);
        assertThat(vm.state()).isEqualTo(HistoryImportViewModel.State.DONE);
        assertThat(vm.errorProperty().get()).isEmpty();

        // the model's report for the same files, as the replay command makes it
        HistoryReplay.Result model = SiteReplay.run(SlurmSite.read(new SlurmSite.Files(fixture("slurm.conf"), fixture("gres.conf"),
                fixture("sacctmgr-dump.txt"), fixture("sacctmgr-qos.txt"))), SacctReader.read(fixture("sacct.txt")), org.preemptlab.replay.PassPhase.AUTO, null,
                SiteReplay.Priority.MULTIFACTOR);
        StartComparison m = model.comparison();
        FidelityView fv = view.fidelityView();
        FidelityViewModel f = fv.viewModel();
        StartComparison shown = f.comparison();
        assertThat(shown.jobs()).isEqualTo(m.jobs()).isEqualTo(43);
        assertThat(shown.withinToleranceShare()).isEqualTo(m.withinToleranceShare());
        assertThat(shown.startOrderKendallTau()).isEqualTo(m.startOrderKendallTau());
        assertThat(shown.meanAbsStartErrorSeconds()).isEqualTo(m.meanAbsStartErrorSeconds());
        assertThat(shown.toJson(java.util.Map.of())).isEqualTo(m.toJson(java.util.Map.of()));

        // what a person reads: the summary in human units, from the same numbers
        List<String> summary = new ArrayList<>();
        for (int i = 0; i < f.summary().size(); i++) summary.add(robot.lookup("#fidelity-summary-" + i).queryAs(Label.class).getText());
        assertThat(summary.get(0)).startsWith("43");
        assertThat(summary.get(1)).startsWith(Units.share(m.withinToleranceShare()) + " of the jobs start within ±"
                + Units.duration(m.toleranceSeconds()));
        assertThat(summary.get(2)).isEqualTo(Units.duration(m.meanAbsStartErrorSeconds()));
        assertThat(summary.get(3)).isEqualTo(Units.duration(m.medianAbsStartErrorSeconds()));
        assertThat(summary.get(5)).startsWith(String.format(java.util.Locale.ROOT, "%.3f", m.startOrderKendallTau()));
        assertThat(fv.groupTable().getItems()).hasSize(m.byPartition().size() + m.byAccount().size());
        var firstPartition = m.byPartition().entrySet().iterator().next();
        assertThat(fv.groupTable().getItems().get(0).group()).isEqualTo(firstPartition.getKey());
        assertThat(fv.groupTable().getItems().get(0).actual()).isEqualTo(Units.duration(firstPartition.getValue().meanWaitActualSeconds()));
        assertThat(fv.groupTable().getItems().get(0).predicted())
                .isEqualTo(Units.duration(firstPartition.getValue().meanWaitPredictedSeconds()));

        // the worst jobs: the model's rows by |error|, each with the replay's reasons
        List<String> expected = m.rows().stream()
                .sorted(Comparator.comparingLong((StartComparison.Row r) -> -Math.abs(r.deltaSeconds())).thenComparing(StartComparison.Row::key))
                .limit(FidelityViewModel.WORST).map(StartComparison.Row::key).toList();
        assertThat(fv.worstTable().getItems()).extracting(FidelityViewModel.WorstRow::job).containsExactlyElementsOf(expected);
        FidelityViewModel.WorstRow top = fv.worstTable().getItems().get(0);
        StartComparison.Row topRow = m.rows().stream().filter(r -> r.key().equals(top.job())).findFirst().orElseThrow();
        assertThat(top.error()).isEqualTo((topRow.deltaSeconds() > 0 ? "+" : "") + Units.duration(topRow.deltaSeconds()));
        assertThat(top.actualStart()).isEqualTo(Units.instant(topRow.actualStart()));
        assertThat(fv.worstTable().getItems()).allSatisfy(r -> assertThat(r.reason()).isNotEqualTo("–"));
        assertThat(fv.worstTable().getItems()).anySatisfy(r -> assertThat(r.reason()).containsPattern("pending .*(Priority|Resources)"));

        // charts: every job a point, the diagonal and the band; every job in a bin; exports
        var scatter = fv.scatterBox().chart().getXYPlot();
        int points = 0;
        for (int s = 0; s < scatter.getDataset().getSeriesCount(); s++) points += scatter.getDataset().getItemCount(s);
        assertThat(points).isEqualTo(43);
        assertThat(scatter.getDataset().getSeriesCount()).isEqualTo(m.byPartition().size());
        assertThat(scatter.getAnnotations()).hasAtLeastOneElementOfType(XYLineAnnotation.class)
                .hasAtLeastOneElementOfType(XYPolygonAnnotation.class);
        assertThat(scatter.getDomainAxis().getLabel()).contains("(" + f.timeUnit().symbol() + " since");
        Fx.run(() -> f.colorByProperty().set(FidelityViewModel.ColorBy.ACCOUNT));
        assertThat(fv.scatterBox().chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(m.byAccount().size());
        assertThat(java.util.Arrays.stream(f.histogram().counts()).sum()).isEqualTo(43);
        assertThat(fv.errorBox().chart().getXYPlot().getDomainMarkers(org.jfree.chart.ui.Layer.BACKGROUND)).hasSize(1);

        Path out = Files.createDirectories(home.resolve("exports"));
        Fx.run(() -> {
            try {
                fv.scatterBox().export(ChartBox.Format.CSV, out.resolve("scatter.csv"));
                fv.scatterBox().export(ChartBox.Format.PNG, out.resolve("scatter.png"));
                fv.errorBox().export(ChartBox.Format.SVG, out.resolve("errors.svg"));
                fv.errorBox().export(ChartBox.Format.CSV, out.resolve("errors.csv"));
                fv.exportWorst(out.resolve("worst.csv"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(Files.readString(out.resolve("scatter.csv"))).isEqualTo(m.toCsv());
        assertThat(Files.readAllBytes(out.resolve("scatter.png"))).startsWith(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(out.resolve("errors.svg"))).contains("<svg ").contains(">Start errors");
        assertThat(Files.readAllLines(out.resolve("errors.csv")).get(0)).isEqualTo("bin_start_s,bin_end_s,jobs");
        List<String> worstCsv = Files.readAllLines(out.resolve("worst.csv"));
        assertThat(worstCsv.get(0)).isEqualTo("job,partition,account,actual_start_s,predicted_start_s,delta_s,reason");
        assertThat(worstCsv.get(1)).startsWith(topRow.key() + "," + topRow.partition() + "," + topRow.account() + ","
                + topRow.actualStart() + "," + topRow.predictedStart() + "," + topRow.deltaSeconds() + ",");
        assertThat(worstCsv).hasSize(1 + fv.worstTable().getItems().size());

        assertThat(fv.tabs().getTabs()).extracting(Tab::getText).containsExactly("Start times", "Start errors", "Summary", "Worst jobs");
        Fx.run(() -> {
            f.colorByProperty().set(FidelityViewModel.ColorBy.PARTITION);
            fv.tabs().getSelectionModel().select(0);
        });
        assertThat(Screenshots.write(window.getScene().getRoot(), "history-predicted-vs-actual.png")).isRegularFile();
        Fx.run(() -> fv.tabs().getSelectionModel().select(3));
        assertThat(Screenshots.write(window.getScene().getRoot(), "history-worst-jobs.png")).isRegularFile();
        Fx.run(window::close);
    }

    /** The CLI's fixtures of a run with slurmctld's log (model/src/test/resources/…/slurm-local/full-log-run1). */
    static Path logRun(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        return d.resolve("model/src/test/resources/org/preemptlab/history/slurm-local/full-log-run1").resolve(name);
    }

    private record Cli(String out, String report) {}

    /** {@code replay} in this process, as a person would type it; its stdout and its {@code --report}. */
    private Cli replay(String... args) throws Exception {
        Path report = Files.createTempFile(dir, "replay", ".json");
        List<String> all = new ArrayList<>(List.of("replay"));
        all.addAll(List.of(args));
        all.addAll(List.of("--report", report.toString()));
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = org.preemptlab.app.cli.PreemptLabCommand.execute(all.toArray(String[]::new), new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(err, true));
        assertThat(code).as(err.toString()).isZero();
        return new Cli(out.toString(), Files.readString(report));
    }

    /** Every member of the model's JSON (the view's numbers) is in the command's report, as written. */
    private static void sameNumbers(String viewJson, String cliReport) {
        for (String line : viewJson.split("\n")) {
            String l = line.strip();
            if (l.equals("{") || l.equals("}") || l.isEmpty()) continue;
            assertThat(cliReport).contains(l.endsWith(",") ? l.substring(0, l.length() - 1) : l);
        }
    }

    /** The backfill plans' choice: whole nodes (Slurm's) by default, explained in words; own resources give the command's numbers. */
    @Test
    void the_backfill_plans_choice_gives_what_replay_backfill_plans_own_resources_reports(FxRobot robot) throws Exception {
        Stage window = openWindow(robot);
        HistoryView view = (HistoryView) window.getScene().getRoot();
        HistoryImportViewModel vm = view.viewModel();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<BackfillPlans> plans = robot.lookup("#history-backfill-plans")
                .queryAs(javafx.scene.control.ChoiceBox.class);
        Label hint = robot.lookup("#history-backfill-plans-hint").queryAs(Label.class);
        assertThat(plans.getValue()).isEqualTo(BackfillPlans.WHOLE_NODES);
        assertThat(Fx.call(() -> plans.getConverter().toString(plans.getValue()))).isEqualTo("whole nodes");
        assertThat(hint.getText()).startsWith("whole nodes: ").contains("its whole nodes");
        fillFixture(robot, fixture("sacct.txt"));
        Fx.run(() -> plans.setValue(BackfillPlans.OWN_RESOURCES));
        assertThat(vm.backfillPlansProperty().get()).isEqualTo(BackfillPlans.OWN_RESOURCES);
        assertThat(hint.getText()).startsWith("own resources: ").contains("only the CPUs, memory and GPUs it asks for");
        replay(robot);
        assertThat(vm.state()).as(vm.errorProperty().get()).isEqualTo(HistoryImportViewModel.State.DONE);

        Cli cli = replay("--slurm-conf", fixture("slurm.conf").toString(), "--gres-conf", fixture("gres.conf").toString(),
                "--sacctmgr-dump", fixture("sacctmgr-dump.txt").toString(), "--sacctmgr-qos", fixture("sacctmgr-qos.txt").toString(),
                "--sacct", fixture("sacct.txt").toString(), "--backfill-plans", "own-resources");
        assertThat(cli.report()).contains("\"backfillPlans\": \"own-resources\"");
        FidelityViewModel f = view.fidelityView().viewModel();
        assertThat(f.backfillPlans()).isEqualTo(BackfillPlans.OWN_RESOURCES);
        sameNumbers(f.comparison().toJson(java.util.Map.of()), cli.report());
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).startsWith("backfill plans: each holds only its job's"));
        for (String w : f.warnings()) assertThat(cli.out()).contains("warning: " + w);
        assertThat(robot.lookup("#history-status").queryAs(Label.class).getText()).startsWith("sacct.txt (backfill plans: own resources): ");
        int last = f.summary().size() - 1;
        assertThat(robot.lookup("#fidelity-summary-" + last).queryAs(Label.class).getText()).startsWith("own resources: ");
    }

    @Test
    void the_log_tolerance_priority_and_what_if_show_what_the_replay_command_reports(FxRobot robot) throws Exception {
        Stage window = openWindow(robot);
        HistoryView view = (HistoryView) window.getScene().getRoot();
        HistoryImportViewModel vm = view.viewModel();
        type(robot, "history-slurm-conf", logRun("slurm.conf"));
        type(robot, "history-gres-conf", logRun("gres.conf"));
        type(robot, "history-sacctmgr-dump", logRun("sacctmgr-dump.txt"));
        type(robot, "history-sacctmgr-qos", logRun("sacctmgr-qos.txt"));
        type(robot, "history-sacct", logRun("sacct.txt"));
        type(robot, "history-slurmctld-log", logRun("slurmctld-passes.txt"));
        TextField tolerance = robot.lookup("#history-tolerance").queryAs(TextField.class);
        Fx.run(() -> tolerance.setText("soon"));
        assertThat(robot.lookup("#history-tolerance-problem").queryAs(Label.class).getText()).contains("\"soon\": not a duration");
        assertThat(robot.lookup("#history-replay").queryButton().isDisabled()).isTrue();
        Fx.run(() -> tolerance.setText("2 min"));
        assertThat(robot.lookup("#history-tolerance-problem").queryAs(Label.class).getText()).isEmpty();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<SiteReplay.Priority> priority = robot.lookup("#history-priority").queryAs(javafx.scene.control.ChoiceBox.class);
        Fx.run(() -> priority.setValue(SiteReplay.Priority.SACCT));
        replay(robot);
        assertThat(vm.state()).as(vm.errorProperty().get()).isEqualTo(HistoryImportViewModel.State.DONE);

        String[] site = {"--slurm-conf", logRun("slurm.conf").toString(), "--gres-conf", logRun("gres.conf").toString(), "--sacctmgr-dump",
                logRun("sacctmgr-dump.txt").toString(), "--sacctmgr-qos", logRun("sacctmgr-qos.txt").toString(), "--sacct",
                logRun("sacct.txt").toString(), "--slurmctld-log", logRun("slurmctld-passes.txt").toString(), "--tolerance", "120",
                "--priority", "sacct"};
        Cli cli = replay(site);
        FidelityViewModel f = view.fidelityView().viewModel();
        StartComparison shown = f.comparison();
        assertThat(shown.toleranceSeconds()).isEqualTo(120);
        assertThat(cli.report()).contains("\"priority\": \"sacct\"").contains("\"slurmctldLog\": \"slurmctld-passes.txt\"");
        sameNumbers(shown.toJson(java.util.Map.of()), cli.report());
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).startsWith("passes at the instants of slurmctld's log"))
                .anySatisfy(w -> assertThat(w).startsWith("priority: sacct's Priority column"));
        for (String w : f.warnings()) assertThat(cli.out()).contains("warning: " + w);
        // what a person reads is the command's line, word for word
        assertThat(cli.out()).contains(Units.count(shown.jobs(), "job") + ": " + robot.lookup("#fidelity-summary-1").queryAs(Label.class)
                .getText().replace(" of the jobs start within ", " within ").replace(" of their real start", ""));
        assertThat(view.fidelityView().tabs().getTabs()).extracting(Tab::getText).doesNotContain("What-if");
        // the options change the numbers: the defaults (multifactor, no log, default tolerance) give others
        HistoryReplay.Result defaults = SiteReplay.run(SlurmSite.read(new SlurmSite.Files(logRun("slurm.conf"), logRun("gres.conf"),
                logRun("sacctmgr-dump.txt"), logRun("sacctmgr-qos.txt"))), SacctReader.read(logRun("sacct.txt")), org.preemptlab.replay.PassPhase.AUTO, null,
                SiteReplay.Priority.MULTIFACTOR);
        assertThat(defaults.comparison().toJson(java.util.Map.of())).isNotEqualTo(shown.toJson(java.util.Map.of()));

        // what-if: the site above gets three more CPU nodes; the baseline is the real slurm.conf
        String conf = Files.readString(logRun("slurm.conf"));
        Path more = Files.writeString(dir.resolve("more-nodes.conf"), conf.replace("NodeName=c[1-5]", "NodeName=c[1-8]")
                .replace("Port=[17101-17105]", "Port=[17101-17108]").replace("Nodes=c[1-5]", "Nodes=c[1-8]"));
        assertThat(more).content().isNotEqualTo(conf);
        type(robot, "history-slurm-conf", more);
        type(robot, "history-baseline-slurm-conf", logRun("slurm.conf"));
        replay(robot);
        assertThat(vm.state()).as(vm.errorProperty().get()).isEqualTo(HistoryImportViewModel.State.DONE);
        List<String> whatIfArgs = new ArrayList<>(List.of(site));
        whatIfArgs.set(1, more.toString());
        whatIfArgs.addAll(List.of("--baseline-slurm-conf", logRun("slurm.conf").toString()));
        Cli wcli = replay(whatIfArgs.toArray(String[]::new));
        FidelityView fv = view.fidelityView();
        FidelityViewModel wf = fv.viewModel();
        assertThat(wf.whatIf()).isNotNull();
        sameNumbers(wf.comparison().toJson(java.util.Map.of()), wcli.report());
        sameNumbers(wf.whatIf().toJson(java.util.Map.of()), wcli.report());
        assertThat(fv.tabs().getTabs()).extracting(Tab::getText).containsExactly("Start times", "Start errors", "Summary", "Worst jobs",
                "What-if");
        List<FidelityViewModel.WhatIfRow> rows = fv.whatIfTable().getItems();
        assertThat(rows).hasSize(1 + wf.whatIf().byPartition().size() + wf.whatIf().byAccount().size());
        assertThat(wcli.out()).contains(robot.lookup("#fidelity-what-if-headline").queryAs(Label.class).getText().split(":")[0] + ":");
        for (FidelityViewModel.WhatIfRow r : rows) {
            String prefix = r.kind().equals("all") ? "  all jobs: " : "  " + r.kind() + " " + r.group() + ": ";
            assertThat(wcli.out()).contains(prefix + Units.count(Long.parseLong(r.jobs().replace(",", "")), "job") + ", mean wait "
                    + r.meanBefore() + " → " + r.meanAfter() + " (" + r.meanChange() + "), median " + r.medianBefore() + " → "
                    + r.medianAfter() + " (" + r.medianChange() + "); " + r.earlier() + " start earlier, " + r.later() + " later, "
                    + r.same() + " the same");
        }
        assertThat(rows.get(0).meanChange()).as("more nodes: shorter waits").startsWith("-");
        assertThat(Integer.parseInt(rows.get(0).earlier())).isPositive();
        Fx.run(window::close);
    }

    @Test
    void a_bad_sacct_row_is_named_by_file_and_line_and_nothing_else_changes(FxRobot robot) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(fixture("sacct.txt")));
        lines.set(2, lines.get(2).replace("2026-12-06T10:54:55", "yesterday")); // line 3: Start
        Path bad = Files.write(dir.resolve("sacct-bad.txt"), lines);
        String readersWords;
        try {
            SacctReader.read(bad);
            throw new AssertionError("the reader took a bad Start");
        } catch (SacctException e) {
            readersWords = e.getMessage();
        }
        assertThat(readersWords).startsWith("sacct-bad.txt:3:");

        Stage window = openWindow(robot);
        HistoryView view = (HistoryView) window.getScene().getRoot();
        fillFixture(robot, bad);
        replay(robot);
        assertThat(view.viewModel().state()).isEqualTo(HistoryImportViewModel.State.FAILED);
        Label error = robot.lookup("#history-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo(readersWords).contains("sacct-bad.txt:3:", "Start");
        assertThat(view.fidelityView()).isNull();
        assertThat(robot.lookup("#history-replay").queryButton().isDisabled()).as("the form can be used again").isFalse();

        // a good file after a bad one: the error goes, the view comes
        type(robot, "history-sacct", fixture("sacct.txt"));
        replay(robot);
        assertThat(view.viewModel().state()).isEqualTo(HistoryImportViewModel.State.DONE);
        assertThat(error.isVisible()).isFalse();
        assertThat(view.fidelityView()).isNotNull();
        assertThatThrownBy(() -> SacctReader.read(bad)).isInstanceOf(SacctException.class);
        Fx.run(window::close);
    }
}
