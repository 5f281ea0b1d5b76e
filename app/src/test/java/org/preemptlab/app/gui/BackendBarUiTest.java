package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.run.BackendKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The backend bar above the run view is bound to the view-model; Slurm's fields show only for Slurm. */
class BackendBarUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void theBackendBarFollowsTheChoice(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        ChoiceBox<?> kind = robot.lookup("#backend-kind").queryAs(ChoiceBox.class);
        TextField scale = robot.lookup("#time-scale").queryAs(TextField.class);
        TextField conf = robot.lookup("#slurm-conf").queryAs(TextField.class);
        Button stop = robot.lookup("#live-stop").queryButton();
        assertThat(kind.getValue()).isEqualTo(BackendKind.EMULATED);
        assertThat(scale.getText()).isEqualTo("60");
        assertThat(scale.isDisabled()).isTrue();
        assertThat(conf.isVisible()).isFalse();
        assertThat(stop.isDisabled()).isTrue();

        Fx.run(() -> shell.viewModel().backend().kindProperty().set(BackendKind.SLURM));
        assertThat(kind.getValue()).isEqualTo(BackendKind.SLURM);
        assertThat(conf.isVisible()).isTrue();
        assertThat(scale.isDisabled()).isFalse();
        Fx.run(() -> scale.setText("0"));
        assertThat(shell.viewModel().backend().problems()).anyMatch(p -> p.contains("Time scale"));

        robot.clickOn("#backend-run"); // refused with a dialog naming the problems
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(notifier.errors).singleElement().asString().contains("Slurm backend cannot run yet");
        assertThat(stop.isDisabled()).isTrue();
    }
}
