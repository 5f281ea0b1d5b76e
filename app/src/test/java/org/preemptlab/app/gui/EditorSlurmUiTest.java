package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.editor.SlurmDraftEditingTest;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A version-2 (Slurm site) scenario in the real editor: the job table has the Slurm columns (GPUs,
 * memory in GiB, account, partition), the node groups are drawn with their GPUs, the "Slurm site"
 * place is shown; a version-1 scenario has none of them.
 */
class EditorSlurmUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
        shell.viewModel().pageProperty().set(Page.EDITOR);
    }

    private static List<String> columns(FxRobot robot) {
        TableView<?> table = robot.lookup("#job-table").queryAs(TableView.class);
        return table.getColumns().stream().map(TableColumn::getText).toList();
    }

    @Test
    void a_slurm_scenario_shows_its_gpus_memory_accounts_and_partitions(FxRobot robot) throws Exception {
        var editor = shell.viewModel().editor();
        assertThat(columns(robot)).contains("Group", "Memory MB").doesNotContain("GPUs", "Account", "Partition");
        assertThat(robot.lookup("#slurm-site").queryAs(TitledPane.class).isVisible()).isFalse();
        double cpuTileHeight = robot.lookup("#pool-nodes-0").query().getParent().getParent().lookupAll("Canvas")
                .stream().map(n -> ((Canvas) n).getHeight()).findFirst().orElseThrow();

        var draft = ScenarioFiles.read(SlurmDraftEditingTest.sample("gpu-shared-nodes.json"));
        Fx.run(() -> editor.load(draft));
        assertThat(columns(robot)).contains("User", "Account", "Partition", "QOS", "CPUs/node", "Memory/node", "GPUs")
                .doesNotContain("Group", "Memory MB");
        TableView<?> table = robot.lookup("#job-table").queryAs(TableView.class);
        TableColumn<?, ?> gpus = table.getColumns().stream().filter(c -> c.getText().equals("GPUs")).findFirst().orElseThrow();
        TableColumn<?, ?> memory = table.getColumns().stream().filter(c -> c.getText().equals("Memory/node")).findFirst().orElseThrow();
        assertThat(gpus.getCellData(0)).isEqualTo("1 /node");
        assertThat(memory.getCellData(0)).isEqualTo("32 GiB");

        // the GPU node group: its subtitle names the GPUs, its node tiles are taller (GPU squares under each)
        Node gpuBlock = robot.lookup("#pool-nodes-0").query().getParent().getParent();
        Label subtitle = (Label) gpuBlock.lookup(".pool-subtitle");
        assertThat(subtitle.getText()).contains("64 CPUs", "256 GiB", "4 × a100 GPUs");
        double gpuTileHeight = gpuBlock.lookupAll("Canvas").stream().map(n -> ((Canvas) n).getHeight()).findFirst().orElseThrow();
        assertThat(gpuTileHeight).isGreaterThan(cpuTileHeight);
        Node cpuBlock = robot.lookup("#pool-nodes-1").query().getParent().getParent();
        assertThat(((Label) cpuBlock.lookup(".pool-subtitle")).getText()).doesNotContain("GPU").contains("128 GiB");

        TitledPane site = robot.lookup("#slurm-site").queryAs(TitledPane.class);
        assertThat(site.isVisible()).isTrue();
        assertThat(robot.lookup("#slurm-site-summary").queryAs(Label.class).getText()).contains("batch (default) → cpu", "gpu → gpu");
        assertThat(editor.issues()).isEmpty();

        // the site pages edit the draft's site: one undoable edit of the draft
        var pages = robot.lookup("#slurm-site-editor").queryAs(org.preemptlab.app.gui.site.SiteEditorPane.class);
        assertThat(pages.viewModel().nodeGroups()).containsExactly("gpu", "cpu");
        org.preemptlab.site.Site before = editor.draft().site();
        Fx.run(() -> {
            pages.viewModel().partitions().selectedProperty().set(1);
            pages.viewModel().partitions().textProperty(
                    org.preemptlab.app.gui.site.PartitionsViewModel.Field.MAX_TIME).set("2-00:00:00");
            pages.viewModel().partitions().commit(org.preemptlab.app.gui.site.PartitionsViewModel.Field.MAX_TIME);
        });
        assertThat(editor.draft().site().partitions().get(1).maxTimeSeconds()).isEqualTo(2 * 86_400L);
        assertThat(editor.draft().site().partitions().get(0)).isEqualTo(before.partitions().get(0));
        Fx.run(editor::undo);
        assertThat(editor.draft().site()).isEqualTo(before);

        Fx.run(() -> editor.load(DefaultScenario.create()));
        assertThat(columns(robot)).contains("Group", "Memory MB").doesNotContain("GPUs", "Account");
        assertThat(site.isVisible()).isFalse();
    }
}
