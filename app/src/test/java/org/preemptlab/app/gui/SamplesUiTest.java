package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.samples.SampleCatalog;
import org.preemptlab.app.gui.samples.SamplesView;
import org.preemptlab.io.scenario.ScenarioReader;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Samples (start) page through the real main window: listed, described, opened into the Run view. */
class SamplesUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void the_app_still_opens_on_the_running_default_scenario() {
        MainViewModel vm = shell.viewModel();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.RUN);
        assertThat(vm.runProperty().get()).isNotNull();
        assertThat(shell.window().tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-run");
    }

    @Test
    void all_samples_lists_every_sample_with_its_description_and_open_runs_it(FxRobot robot) throws Exception {
        MainViewModel vm = shell.viewModel();
        // File ▸ Open sample ▸ All samples…
        MenuBar bar = (MenuBar) ((BorderPane) shell.window().root()).getTop();
        Menu file = bar.getMenus().get(0);
        Menu samplesMenu = (Menu) file.getItems().stream().filter(i -> "samples-menu".equals(i.getId())).findFirst().orElseThrow();
        MenuItem all = samplesMenu.getItems().get(0);
        assertThat(all.getId()).isEqualTo("all-samples");
        Fx.run(all::fire);
        assertThat(vm.pageProperty().get()).isEqualTo(Page.SAMPLES);
        assertThat(shell.window().tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-samples");

        Path checkout = Path.of("..", "sample-clusters");
        var files = SampleCatalog.files(checkout);
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path f : files) {
            String id = SamplesView.idOf(f.getFileName().toString());
            var scenario = ScenarioReader.read(f);
            Label title = robot.lookup("#sample-title-" + id).queryAs(Label.class);
            assertThat(title.getText()).isEqualTo(scenario.name());
            Label text = robot.lookup("#sample-description-" + id).queryAs(Label.class);
            String firstLine = scenario.description().lines().findFirst().orElseThrow().strip();
            assertThat(text.getText()).as(f.getFileName().toString()).startsWith(firstLine);
            // every sample opens, version-2 (Slurm site) ones too
            assertThat(robot.lookup("#open-sample-" + id).queryButton().isDisabled()).as(f.getFileName().toString()).isFalse();
        }

        Button open = robot.lookup("#open-sample-t3e-full-machine-nights").queryButton();
        Fx.run(open::fire);
        var t3e = ScenarioReader.read(checkout.resolve("t3e-full-machine-nights.json"));
        assertThat(vm.pageProperty().get()).isEqualTo(Page.RUN);
        assertThat(shell.window().tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-run");
        assertThat(vm.editor().draft().name()).isEqualTo(t3e.name());
        assertThat(vm.fileProperty().get().getFileName().toString()).isEqualTo("t3e-full-machine-nights.json");
        assertThat(vm.runProperty().get().run().title()).startsWith(t3e.name());
        assertThat(vm.runProperty().get().run().jobs()).hasSize(t3e.jobs().size());
        assertThat(shell.window().runView()).isNotNull();
        assertThat(notifier.errors).isEmpty();

        // a version-2 sample opens with its site and runs whole (its Slurm jobs, GPUs among them)
        Fx.run(robot.lookup("#open-sample-gpu-shared-nodes").queryButton()::fire);
        var gpu = ScenarioReader.read(checkout.resolve("gpu-shared-nodes.json"));
        assertThat(vm.editor().draft().site()).isEqualTo(((org.preemptlab.cluster.NodeCluster) gpu.cluster()).site());
        assertThat(vm.editor().issues()).isEmpty();
        assertThat(vm.runProperty().get().run().title()).startsWith(gpu.name());
        assertThat(vm.runProperty().get().run().jobs()).hasSize(gpu.jobs().size());
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void the_samples_tab_and_the_view_menu_reach_the_page(FxRobot robot) {
        robot.clickOn("#tab-samples");
        assertThat(shell.viewModel().pageProperty().get()).isEqualTo(Page.SAMPLES);
        assertThat(robot.lookup("#samples-page").tryQuery()).isPresent();
        assertThat(Screenshots.write(stage.getScene().getRoot(), "samples-page.png")).exists();
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.EDITOR));
        Fx.run(() -> shell.viewModel().pageProperty().set(Page.SAMPLES));
        assertThat(shell.window().tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-samples");
    }
}
