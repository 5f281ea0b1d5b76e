package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.scenario.JobDraft;
import org.preemptlab.scenario.PoolDraft;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.backend.slurm.SlurmCommands;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File ▸ Import from Slurm through its real dialog, on a fake cluster (captured Slurm 22.05 JSON). */
class SlurmImportUiTest extends ShellUiTest {

    private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "org", "preemptlab", "backend", "slurm");
    private static final Instant NOW = Instant.ofEpochSecond(1_795_307_821L + 300);

    private final List<Path> asked = new ArrayList<>();
    /** What scontrol and sacctmgr answer; null: this cluster cannot run them (the pools of sinfo / squeue). */
    private volatile SlurmCommands.SiteTexts siteTexts;

    @Start
    void start(Stage stage) throws Exception {
        String sinfo = Files.readString(FIXTURES.resolve("sinfo-22.05.json"));
        String squeue = Files.readString(FIXTURES.resolve("squeue-22.05.json"));
        SlurmCommands fake = (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(),
                new Class<?>[] {SlurmCommands.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sinfoJson" -> sinfo;
                    case "squeueJson" -> squeue;
                    case "siteTexts" -> {
                        if (siteTexts == null) throw new UnsupportedOperationException("no scontrol on this fake");
                        yield siteTexts;
                    }
                    case "toString" -> "fake Slurm";
                    default -> throw new UnsupportedOperationException("the import must not call " + method.getName());
                });
        startShell(stage, s -> s.viewModel().setSlurmAccess(conf -> {
            asked.add(conf);
            return fake;
        }, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static Button okButton(FxRobot robot) {
        return robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b && b.getText().equals("OK"))
                .queryButton();
    }

    @Test
    void the_dialog_names_a_bad_file_and_imports_the_live_cluster_from_now(FxRobot robot) throws Exception {
        Path conf = Files.writeString(dir.resolve("slurm.conf"), "ClusterName=sandbox\n");
        Platform.runLater(shell::importSlurm);
        WaitForAsyncUtils.waitForFxEvents();

        TextField field = robot.lookup("#slurm-import-conf").queryAs(TextField.class);
        Fx.run(() -> field.setText(dir.resolve("missing.conf").toString()));
        assertThat(robot.lookup("#slurm-import-conf-problem").queryAs(Label.class).getText()).contains("no such file");
        assertThat(field.getStyleClass()).contains("invalid");
        assertThat(okButton(robot).isDisabled()).isTrue();

        robot.clickOn("#slurm-import-conf-only");
        Fx.run(() -> field.setText(""));
        assertThat(robot.lookup("#slurm-import-conf-problem").queryAs(Label.class).getText()).contains("choose a slurm.conf");
        robot.clickOn("#slurm-import-live");
        Fx.run(() -> field.setText(conf.toString()));
        assertThat(okButton(robot).isDisabled()).isFalse();
        robot.clickOn(okButton(robot));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(notifier.errors).isEmpty();
        assertThat(asked).containsExactly(conf);
        ScenarioDraft d = shell.viewModel().editor().draft();
        assertThat(d.pools().stream().mapToInt(PoolDraft::nodes).sum()).isEqualTo(4);
        assertThat(d.jobs()).extracting(JobDraft::name).contains("sim_a#4", "held#8");
        assertThat(d.running()).extracting(ScenarioDraft.RunningJob::job).containsExactly("sim_a#4", "urgent#6", "big#7");
        assertThat(shell.viewModel().pageProperty().get()).isEqualTo(Page.RUN);
        assertThat(robot.lookup(".dialog-pane").tryQuery()).as("the dialog closed").isEmpty();
    }

    private static String liveSite(String name) throws java.io.IOException {
        return Files.readString(FIXTURES.resolve("live-site").resolve(name));
    }

    @Test
    void a_live_site_import_lists_the_settings_it_ignored_as_import_slurm_prints_them(FxRobot robot) throws Exception {
        siteTexts = new SlurmCommands.SiteTexts(liveSite("scontrol-show-config.txt"), liveSite("scontrol-show-partition.txt"),
                liveSite("scontrol-show-node.txt"), liveSite("scontrol-show-job.txt"), liveSite("sacctmgr-dump.txt"),
                liveSite("sacctmgr-qos.txt"));
        Platform.runLater(shell::importSlurm);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(okButton(robot));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notifier.errors).isEmpty();
        assertThat(shell.viewModel().editor().draft().site()).as("the site model").isNotNull();

        // what import-slurm prints for the same cluster: the site read, then its report (ImportSlurmCommand.printReport)
        org.preemptlab.slurmconf.SlurmSite site = org.preemptlab.backend.slurm.LiveSiteImport.build(siteTexts, NOW,
                org.preemptlab.backend.slurm.SlurmScenarioImport.Options.defaults()).site();
        String printed = site.summary() + site.report().render();
        assertThat(site.report().ignored()).isNotEmpty();

        Fx.run(() -> shell.viewModel().pageProperty().set(Page.EDITOR));
        assertThat(robot.lookup("#slurm-import-report").query().isVisible()).isTrue();
        javafx.scene.control.TableView<?> ignored = robot.lookup("#slurm-import-report-ignored").queryTableView();
        assertThat(ignored.getItems()).map(Object::toString).containsExactlyElementsOf(site.report().ignored().stream().map(Object::toString).toList());
        assertThat(ignored.getItems()).anySatisfy(i -> assertThat(i.toString()).contains("SlurmctldPort=26917 — ignored (not modelled)"));
        javafx.scene.control.ListView<?> warnings = robot.lookup("#slurm-import-report-warnings").queryListView();
        assertThat(warnings.getItems()).map(Object::toString).containsExactlyElementsOf(site.report().warnings());
        assertThat(shell.viewModel().editor().slurmImportReportProperty().get().text()).isEqualTo(printed);
        assertThat(robot.lookup("#slurm-import-report-summary").queryAs(Label.class).getText()).contains("slurm.conf: cluster plabsite: 8 nodes");
        String counts = org.preemptlab.units.Units.count(site.report().ignored().size(), "setting") + " not modelled, "
                + org.preemptlab.units.Units.count(site.report().warnings().size(), "warning");
        assertThat(robot.lookup("#slurm-import-report-counts").queryAs(Label.class).getText()).isEqualTo(counts + ".");
        assertThat(notifier.infos).anySatisfy(i -> assertThat(i).contains("Import report: " + counts));

        // a new scenario is not the import's: the report goes
        Fx.run(() -> shell.viewModel().newScenario());
        assertThat(robot.lookup("#slurm-import-report").query().isVisible()).isFalse();
    }

    @Test
    void cancel_keeps_the_open_scenario(FxRobot robot) {
        ScenarioDraft before = shell.viewModel().editor().draft();
        Platform.runLater(shell::importSlurm);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Node n) -> n instanceof Button b && b.getText().equals("Cancel"))
                .queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.viewModel().editor().draft()).isSameAs(before);
        assertThat(asked).isEmpty();
    }
}
