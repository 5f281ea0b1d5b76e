package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.scenario.ScenarioProblem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor driven through its real controls: edit a pool, see validation inline, undo. */
class EditorUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
        shell.viewModel().pageProperty().set(Page.EDITOR);
    }

    @Test
    void a_bad_node_count_is_shown_next_to_the_field_and_blocks_the_run(FxRobot robot) {
        robot.doubleClickOn("#pool-nodes-1 .text-field").eraseText(4).write("-2").type(KeyCode.ENTER);
        var editor = shell.viewModel().editor();
        assertThat(editor.draft().pools().get(1).nodes()).isEqualTo(-2);
        assertThat(editor.issueFor("cluster.pools[1].nodes")).hasValueSatisfying(m -> assertThat(m).contains("-2; must be ≥ 1"));
        ListView<ScenarioProblem> issues = robot.lookup("#issues").queryListView();
        assertThat(issues.getItems()).extracting(ScenarioProblem::path).contains("cluster.pools[1].nodes");
        assertThat(robot.lookup("#pool-nodes-1").query().getStyleClass()).contains("invalid");

        robot.clickOn("#run-scenario");
        assertThat(notifier.errors).anySatisfy(e -> assertThat(e).contains("cluster.pools[1].nodes"));
        assertThat(shell.viewModel().pageProperty().get()).isEqualTo(Page.EDITOR);

        Fx.run(editor::undo);
        assertThat(editor.draft().pools().get(1).nodes()).isEqualTo(4);
        assertThat(editor.issues()).isEmpty();
    }

    /** Issue 10, bug 3: the red inline error is also in the Problems list and the header, and Run refuses. */
    @Test
    void a_default_chain_that_does_not_parse_is_listed_and_blocks_the_run(FxRobot robot) {
        var editor = shell.viewModel().editor();
        var before = editor.draft().rules().defaultChain();
        Fx.run(() -> robot.lookup("#preemption").queryAs(TitledPane.class).setExpanded(true));
        TextField chain = robot.lookup("#preemption-default-chain").queryAs(TextField.class);
        Fx.run(() -> {
            chain.requestFocus();
            chain.setText("suspnd, kill");
        });
        robot.type(KeyCode.ENTER);

        assertThat(chain.getStyleClass()).contains("invalid");
        ListView<ScenarioProblem> issues = robot.lookup("#issues").queryListView();
        assertThat(issues.getItems()).extracting(ScenarioProblem::path).containsExactly("preemption.defaultChain");
        assertThat(robot.lookup("#issue-summary").queryAs(Label.class).getText()).isEqualTo("⚠ 1 problem");

        robot.clickOn("#run-scenario");
        assertThat(notifier.errors).anySatisfy(e -> assertThat(e).contains("preemption.defaultChain", "suspnd"));
        assertThat(shell.viewModel().pageProperty().get()).isEqualTo(Page.EDITOR);
        assertThat(editor.draft().rules().defaultChain()).isEqualTo(before);

        Fx.run(() -> {
            chain.requestFocus();
            chain.setText("suspend, kill");
        });
        robot.type(KeyCode.ENTER);
        assertThat(issues.getItems()).isEmpty();
        assertThat(robot.lookup("#issue-summary").queryAs(Label.class).getText()).isEqualTo("✔ ready to run");
    }

    /** A pool property that does not parse stays in its field, is listed, and blocks the run until fixed. */
    @Test
    void a_pool_property_that_does_not_parse_is_listed_until_fixed(FxRobot robot) {
        var editor = shell.viewModel().editor();
        int cores = editor.draft().pools().get(0).coresPerNode();
        Fx.run(() -> editor.selectedPoolProperty().set(0));
        TextField field = robot.lookup("#pool-coresPerNode").queryAs(TextField.class);
        Fx.run(() -> {
            field.requestFocus();
            field.setText("eight");
        });
        robot.type(KeyCode.ENTER);
        ListView<ScenarioProblem> issues = robot.lookup("#issues").queryListView();
        assertThat(issues.getItems()).extracting(ScenarioProblem::path).containsExactly("cluster.pools[0].coresPerNode");
        assertThat(robot.lookup("#issue-summary").queryAs(Label.class).getText()).isEqualTo("⚠ 1 problem");

        robot.clickOn("#run-scenario"); // focus leaves the sheet: the text stays, the run is refused
        assertThat(robot.lookup("#pool-coresPerNode").queryAs(TextField.class).getText()).isEqualTo("eight");
        assertThat(notifier.errors).anySatisfy(e -> assertThat(e).contains("cluster.pools[0].coresPerNode", "eight"));
        assertThat(editor.draft().pools().get(0).coresPerNode()).isEqualTo(cores);

        TextField again = robot.lookup("#pool-coresPerNode").queryAs(TextField.class);
        Fx.run(() -> {
            again.requestFocus();
            again.setText("16");
        });
        robot.type(KeyCode.ENTER);
        assertThat(editor.draft().pools().get(0).coresPerNode()).isEqualTo(16);
        assertThat(issues.getItems()).isEmpty();
    }

    @Test
    void adding_a_pool_and_renaming_it_updates_the_draft(FxRobot robot) {
        robot.clickOn("#add-pool");
        var editor = shell.viewModel().editor();
        assertThat(editor.draft().pools()).hasSize(3);
        robot.doubleClickOn("#pool-name-2").eraseText(10).write("gpu").type(KeyCode.ENTER);
        assertThat(editor.draft().pools().get(2).name()).isEqualTo("gpu");
        Fx.run(editor::undo);
        assertThat(editor.draft().pools().get(2).name()).isEqualTo("pool1");
    }

    @Test
    void writes_the_editor_screenshot(FxRobot robot) {
        Fx.run(() -> shell.viewModel().editor().selectedPoolProperty().set(1));
        WaitForAsyncUtils.waitForFxEvents();
        var selected = robot.lookup(".pool-block.selected").queryAll();
        assertThat(selected).hasSize(1);
        assertThat(robot.from(selected).lookup("#pool-name-1").tryQuery()).isPresent();
        Path out = Screenshots.write(stage.getScene().getRoot(), "editor.png");
        assertThat(out).isRegularFile().startsWith(Screenshots.dir());
        assertThat(out.toFile().length()).isGreaterThan(10_000);
    }
}
