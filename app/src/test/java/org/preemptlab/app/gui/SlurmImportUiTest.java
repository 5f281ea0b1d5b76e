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

    @Start
    void start(Stage stage) throws Exception {
        String sinfo = Files.readString(FIXTURES.resolve("sinfo-22.05.json"));
        String squeue = Files.readString(FIXTURES.resolve("squeue-22.05.json"));
        SlurmCommands fake = (SlurmCommands) Proxy.newProxyInstance(SlurmCommands.class.getClassLoader(),
                new Class<?>[] {SlurmCommands.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sinfoJson" -> sinfo;
                    case "squeueJson" -> squeue;
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
