package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.preemptlab.app.gui.run.GangMatrixView;
import org.preemptlab.app.gui.run.GangMatrixViewModel;
import org.preemptlab.app.gui.run.GangMatrixViewModelTest;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The gang matrix panel shows the view-model's nodes × slices, with the slice starts as headers. */
@ExtendWith(ApplicationExtension.class)
class GangMatrixUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void theMatrixShowsWhoSharesTheNodeSliceBySlice(FxRobot robot) {
        GangMatrixViewModel vm = new GangMatrixViewModel(GangMatrixViewModelTest.twoJobsSharing(GangMatrixViewModelTest.FORCE_2));
        Fx.run(() -> {
            stage.setScene(new Scene(new GangMatrixView(vm), 800, 300));
            stage.sizeToScene();
        });
        TableView<?> table = robot.lookup("#gang-matrix").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(1);
        assertThat(table.getColumns()).hasSize(1 + 5);
        assertThat(table.getColumns().get(0).getText()).isEqualTo("Node");
        assertThat(table.getColumns().get(1).getText()).as("slice start from the run's start").isEqualTo(vm.headers().get(0));
        assertThat(table.getColumns().get(2).getCellData(0)).isEqualTo("C (A)");
        assertThat(table.getColumns().get(5).getCellData(0)).isEqualTo("A");
        assertThat(robot.lookup("#gang-matrix-caption").queryAs(Label.class).getText()).contains("1 shared node");
        assertThat(robot.lookup("C (A)").tryQuery()).isPresent();
    }
}
