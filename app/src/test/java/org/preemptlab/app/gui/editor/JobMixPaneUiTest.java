package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preemptlab.app.gui.Fx;
import org.preemptlab.app.gui.UiTests;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.scenario.JobDraft;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The generator's GPU and memory mix fields: hidden for a version-1 draft, checked beside the field on a site's draft. */
@ExtendWith(ApplicationExtension.class)
class JobMixPaneUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private EditorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(DefaultScenario.create());
        stage.setScene(new Scene(new JobMixPane(vm), 900, 900));
        stage.show();
    }

    @Test
    void gpu_mix_shows_on_a_site_draft_and_a_bad_entry_is_named_beside_it(FxRobot robot) throws Exception {
        TextField gpu = robot.lookup("#mix-gpuMix").queryAs(TextField.class);
        TextField memory = robot.lookup("#mix-memoryMix").queryAs(TextField.class);
        Label problem = robot.lookup("#mix-gpuMix-problem").queryAs(Label.class);
        Button replace = robot.lookup("#generate-replace").queryButton();
        assertThat(gpu.isVisible()).as("version-1 draft").isFalse();
        assertThat(memory.isVisible()).isFalse();

        var sample = SlurmDraftEditingTest.gpuSample();
        Fx.run(() -> vm.load(sample));
        assertThat(gpu.isVisible()).isTrue();
        assertThat(memory.isVisible()).isTrue();
        assertThat(gpu.getPromptText()).isEqualTo("0.2:1/node:a100,0.05:4/job");
        assertThat(memory.getPromptText()).isEqualTo("0.6:2G/cpu,0.1:100G/node");

        Fx.run(() -> gpu.setText("0.2:x/node"));
        assertThat(problem.getText()).contains("GPU entry \"0.2:x/node\"", "not a whole number");
        assertThat(gpu.getStyleClass()).contains("invalid");
        assertThat(replace.isDisabled()).isTrue();

        Fx.run(() -> gpu.setText("0.5:1/node:a100"));
        assertThat(problem.getText()).isEmpty();
        assertThat(replace.isDisabled()).isFalse();
        Fx.run(replace::fire);
        assertThat(vm.draft().jobs()).hasSize(vm.mixProperty().get().count());
        long withGpu = vm.draft().jobs().stream().filter(j -> !j.slurm().gresOnEachNode(j.nodes()).isEmpty()).count();
        assertThat(withGpu).isPositive().isLessThan(vm.draft().jobs().size());
        assertThat(vm.draft().jobs()).extracting(JobDraft::slurm).doesNotContainNull();
    }
}
