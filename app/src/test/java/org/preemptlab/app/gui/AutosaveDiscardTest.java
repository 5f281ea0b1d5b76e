package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.app.gui.scenario.SwfImportForm;

/** Edits the user discarded (by loading another scenario) or saved are not offered for recovery at the next start. */
class AutosaveDiscardTest {

    @TempDir
    Path dir;

    /** Each way to replace the open scenario after "Discard unsaved changes?" was answered yes. */
    @Test
    void loading_another_scenario_removes_the_autosave_of_the_discarded_edits() throws Exception {
        Path other = dir.resolve("other.json");
        ScenarioFiles.write(DefaultScenario.create().withName("other"), other);
        Path swf = Files.writeString(dir.resolve("t.swf"), SwfImportViewModelTest.TRACE);
        Map<String, BiConsumer<MainViewModel, Path>> discards = Map.of(
                "open a file", (vm, d) -> vm.openFile(other),
                "open the default sample", (vm, d) -> vm.openDefault(),
                "new scenario", (vm, d) -> vm.newScenario(),
                "import a trace", (vm, d) -> vm.importSwf(swf, SwfImportForm.check("", "", "", "", "").options().orElseThrow()));
        for (var discard : discards.entrySet()) {
            Path settings = dir.resolve("settings-" + discard.getKey().replace(' ', '-'));
            MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), settings);
            vm.editor().setName("edited, then discarded");
            vm.autosaveNow();
            assertThat(vm.pendingRecovery()).as(discard.getKey()).hasValueSatisfying(
                    s -> assertThat(s.draft().name()).isEqualTo("edited, then discarded"));

            discard.getValue().accept(vm, dir);

            assertThat(new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), settings).pendingRecovery())
                    .as("next start after: " + discard.getKey()).isEmpty();
        }
    }

    @Test
    void a_save_removes_the_autosave() throws Exception {
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), dir.resolve("settings"));
        vm.editor().setName("edited");
        vm.autosaveNow();
        assertThat(vm.pendingRecovery()).isPresent();
        assertThat(vm.saveTo(dir.resolve("mine.json"))).isTrue();
        assertThat(vm.pendingRecovery()).isEmpty();
    }

    /** A background autosave that was taken before the discard but runs after it writes nothing. */
    @Test
    void a_late_background_autosave_does_not_bring_discarded_edits_back() {
        ArrayDeque<Runnable> background = new ArrayDeque<>();
        MainViewModel vm = new MainViewModel(new TaskRunner(background::add, Runnable::run), new RecordingNotifier(),
                dir.resolve("settings"));
        vm.editor().setName("edited, then discarded");
        vm.autosaveNow(); // queued, not yet written
        vm.newScenario(); // the user discards the edits
        while (!background.isEmpty()) background.poll().run();
        assertThat(vm.pendingRecovery()).isEmpty();

        vm.editor().setName("new work"); // later edits are autosaved again
        vm.autosaveNow();
        while (!background.isEmpty()) background.poll().run();
        assertThat(vm.pendingRecovery()).hasValueSatisfying(s -> assertThat(s.draft().name()).isEqualTo("new work"));
    }

    /** Recovery keeps the autosave until the recovered work is saved or discarded. */
    @Test
    void recovered_work_stays_recoverable_until_saved_or_discarded() {
        Path settings = dir.resolve("settings");
        MainViewModel crashed = new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), settings);
        crashed.editor().setName("work before the crash");
        crashed.autosaveNow();

        MainViewModel next = new MainViewModel(TaskRunner.sameThread(), new RecordingNotifier(), settings);
        next.recover(next.pendingRecovery().orElseThrow());
        assertThat(next.editor().draft().name()).isEqualTo("work before the crash");
        assertThat(next.pendingRecovery()).isPresent();
        next.openDefault();
        assertThat(next.pendingRecovery()).isEmpty();
    }
}
