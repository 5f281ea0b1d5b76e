package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.run.MaintenanceDrawing;
import org.preemptlab.scenario.MaintenanceDraft;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.sim.MaintenanceStrategy;

/** A window drawn on the Gantt lands in the editor's draft as one undoable edit; no toolkit. */
class DrawnMaintenanceViewModelTest {

    @TempDir
    Path dir;

    @Test
    void a_drawn_window_is_added_named_and_undoable() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir);
        var editor = vm.editor();
        String pool = editor.draft().pools().get(0).name();
        int before = editor.draft().maintenance().size();
        assertThat(vm.addDrawnMaintenance(new MaintenanceDrawing.Span(600, 1800, pool, 0, 3))).isTrue();
        assertThat(editor.draft().maintenance()).hasSize(before + 1);
        MaintenanceDraft w = editor.draft().maintenance().get(before);
        assertThat(w.pool()).isEqualTo(pool);
        assertThat(w.start()).isEqualTo(600);
        assertThat(w.duration()).isEqualTo(1800);
        assertThat(w.strategy()).isEqualTo(MaintenanceStrategy.DRAIN);
        assertThat(w.name()).startsWith("maint");
        assertThat(editor.isValid()).isTrue();
        assertThat(editor.dirtyProperty().get()).isTrue();
        assertThat(editor.history().undoLabelProperty().get()).isEqualTo("Undo draw maintenance window");
        assertThat(vm.statusProperty().get()).contains("Added maintenance window " + w.name(), "pool " + pool);

        assertThat(vm.addDrawnMaintenance(new MaintenanceDrawing.Span(0, 60, MaintenanceDraft.ALL_NODES, 0, 3))).isTrue();
        MaintenanceDraft all = editor.draft().maintenance().get(before + 1);
        assertThat(all.pool()).isEqualTo(MaintenanceDraft.ALL_NODES);
        assertThat(all.name()).isNotEqualTo(w.name());

        editor.undo();
        editor.undo();
        assertThat(editor.draft().maintenance()).hasSize(before);
    }

    @Test
    void a_processor_machine_has_no_pools_to_maintain() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir);
        vm.editor().load(ScenarioDraft.empty().withPools(java.util.List.of()).withProcessors(64));
        assertThat(vm.addDrawnMaintenance(new MaintenanceDrawing.Span(0, 60, "machine", 0, 0))).isFalse();
        assertThat(vm.editor().draft().maintenance()).isEmpty();
        assertThat(notifier.errors).singleElement().asString().contains("64 processors");
    }
}
