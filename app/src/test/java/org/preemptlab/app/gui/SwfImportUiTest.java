package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.editor.SwfImportPane;
import org.preemptlab.app.gui.scenario.SwfImportForm;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SWF import form validates inline; the editor shows the anomaly report after an import. */
@ExtendWith(ApplicationExtension.class)
class SwfImportUiTest {

    static {
        UiTests.configureHeadlessScreen();
    }

    @TempDir
    static Path home;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void the_form_shows_each_problem_beside_its_field(FxRobot robot) throws Exception {
        Path swf = home.resolve("form.swf");
        Files.writeString(swf, SwfImportViewModelTest.TRACE);
        SwfImportPane pane = Fx.call(() -> {
            SwfImportPane p = new SwfImportPane(swf, () -> null);
            stage.setScene(new Scene(p, 1000, 420));
            stage.sizeToScene();
            stage.centerOnScreen();
            return p;
        });
        assertThat(pane.validProperty().get()).isTrue();
        robot.clickOn("#swf-firstJob").write("20");
        robot.clickOn("#swf-lastJob").write("10");
        assertThat(pane.validProperty().get()).isFalse();
        Label last = robot.lookup("#swf-lastJob-problem").queryAs(Label.class);
        assertThat(last.getText()).as("first=%s last=%s", robot.lookup("#swf-firstJob").queryTextInputControl().getText(),
                        robot.lookup("#swf-lastJob").queryTextInputControl().getText()).contains("before first job 20");
        assertThat(robot.lookup("#swf-lastJob").query().getStyleClass()).contains("invalid");
        robot.clickOn("#swf-submitTo").write("later");
        assertThat(robot.lookup("#swf-submitTo-problem").queryAs(Label.class).getText()).contains("not a time");

        robot.doubleClickOn("#swf-lastJob").write("30");
        robot.doubleClickOn("#swf-submitTo").write("2h");
        assertThat(pane.validProperty().get()).isTrue();
        assertThat(pane.options().orElseThrow().lastJob()).isEqualTo(30);
        assertThat(pane.options().orElseThrow().submitTo()).isEqualTo(7200);
        assertThat(pane.file()).contains(swf);
    }

    @Test
    void after_an_import_the_editor_shows_the_report(FxRobot robot) throws Exception {
        Path swf = home.resolve("ui.swf");
        Files.writeString(swf, SwfImportViewModelTest.TRACE);
        RecordingNotifier notifier = new RecordingNotifier();
        PlannerShell shell = Fx.call(() -> {
            PlannerShell s = new PlannerShell(stage, TaskRunner.sameThread(), notifier, home.resolve("s"));
            s.start(null);
            return s;
        });
        Fx.run(() -> {
            shell.viewModel().importSwf(swf, SwfImportForm.check("", "", "", "", "").options().orElseThrow());
            shell.viewModel().pageProperty().set(Page.EDITOR);
        });
        assertThat(robot.lookup("#import-report").query().isVisible()).isTrue();
        assertThat(robot.lookup("#import-report-machine").queryAs(Label.class).getText()).contains("16 processors", "header MaxProcs");
        TableView<?> rules = robot.lookup("#import-report-rules").queryTableView();
        assertThat(rules.getItems()).hasSize(org.preemptlab.io.swf.SwfAnomaly.values().length);
        assertThat(rules.getItems().get(0).toString()).contains("RUN_EXCEEDS_ESTIMATE", "count=1");

        Fx.run(() -> shell.viewModel().newScenario());
        assertThat(robot.lookup("#import-report").query().isVisible()).isFalse();
    }
}
