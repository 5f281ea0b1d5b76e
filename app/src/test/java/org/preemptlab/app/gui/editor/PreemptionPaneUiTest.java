package org.preemptlab.app.gui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preemptlab.app.gui.Fx;
import org.preemptlab.app.gui.UiTests;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.sched.SchedulerKind;
import org.preemptlab.slurmsched.BackfillPlans;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The preemption section inside the real editor: a bad GraceTime is refused beside the field, a good one is taken. */
@ExtendWith(ApplicationExtension.class)
class PreemptionPaneUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private EditorViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new EditorViewModel(DefaultScenario.create());
        stage.setScene(new Scene(new EditorView(vm, () -> {}, () -> {}), 1280, 900));
        stage.show();
    }

    @Test
    void grace_time_is_checked_beside_the_field(FxRobot robot) {
        TitledPane section = robot.lookup("#preemption").queryAs(TitledPane.class);
        Fx.run(() -> section.setExpanded(true));
        TextField grace = robot.lookup("#preemption-grace").queryAs(TextField.class);
        Fx.run(() -> {
            grace.requestFocus();
            grace.setText("-5");
        });
        robot.type(KeyCode.ENTER);
        assertThat(grace.getStyleClass()).contains("invalid");
        assertThat(vm.preemption().error(PreemptionViewModel.Field.GRACE)).contains("GraceTime");
        assertThat(vm.draft().settings().graceSeconds()).isZero();

        Fx.run(() -> grace.setText("2m"));
        robot.type(KeyCode.ENTER);
        assertThat(grace.getStyleClass()).doesNotContain("invalid");
        assertThat(vm.draft().settings().graceSeconds()).isEqualTo(120);
        Fx.run(vm::undo);
        assertThat(grace.getText()).isEqualTo("0s");
    }

    @Test
    void slurm_backfill_plans_are_chosen_in_the_section_and_follow_undo(FxRobot robot) {
        TitledPane section = robot.lookup("#preemption").queryAs(TitledPane.class);
        Fx.run(() -> section.setExpanded(true));
        @SuppressWarnings("unchecked")
        ChoiceBox<BackfillPlans> plans = robot.lookup("#backfill-plans").queryAs(ChoiceBox.class);
        assertThat(plans.isDisabled()).isTrue(); // easy: no backfill plans to choose
        Fx.run(() -> vm.setPolicy(SchedulerKind.SLURM));
        assertThat(plans.isDisabled()).isFalse();
        assertThat(plans.getValue()).isEqualTo(BackfillPlans.WHOLE_NODES);
        Fx.run(() -> plans.setValue(BackfillPlans.OWN_RESOURCES));
        assertThat(vm.draft().scheduler().backfillPlans()).isEqualTo(BackfillPlans.OWN_RESOURCES);
        Fx.run(vm::undo);
        assertThat(plans.getValue()).isEqualTo(BackfillPlans.WHOLE_NODES);
        assertThat(vm.draft().scheduler().backfillPlans()).isEqualTo(BackfillPlans.WHOLE_NODES);
    }
}
