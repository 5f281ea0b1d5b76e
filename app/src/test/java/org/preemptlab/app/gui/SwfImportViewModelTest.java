package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.scenario.SwfImportForm;

/** The SWF import through the main view-model, without the toolkit. */
class SwfImportViewModelTest {

    @TempDir
    Path dir;

    static final String TRACE = """
            ; MaxProcs: 16
            1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 1 -1 -1 -1
            2 10 -1 50 8 -1 -1 8 100 -1 1 1 1 -1 1 -1 -1 -1
            3 20 -1 30 2 -1 -1 2 10 -1 1 1 1 -1 1 -1 -1 -1
            4 7200 -1 30 2 -1 -1 2 60 -1 1 1 1 -1 1 -1 -1 -1
            """;

    @Test
    void the_report_reaches_the_editor_and_the_user() throws Exception {
        Path swf = dir.resolve("t.swf");
        Files.writeString(swf, TRACE);
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir.resolve("settings"));
        vm.importSwf(swf, SwfImportForm.check("", "2", "", "", "1h").options().orElseThrow());
        var editor = vm.editor();
        assertThat(editor.draft().processors()).isEqualTo(16);
        assertThat(editor.draft().jobs()).hasSize(2);
        var report = editor.importReportProperty().get();
        assertThat(report).isNotNull();
        assertThat(report.machineLine()).contains("16 processors", "header MaxProcs");
        assertThat(report.fired()).extracting(r -> r.name()).containsExactly("RUN_EXCEEDS_ESTIMATE");
        assertThat(notifier.infos).anySatisfy(i -> assertThat(i).contains("Imported 2 jobs", "16 processors", "RUN_EXCEEDS_ESTIMATE"));

        vm.newScenario(); // another scenario: the report no longer applies
        assertThat(editor.importReportProperty().get()).isNull();
    }

    @Test
    void a_selection_without_jobs_keeps_the_open_work() throws Exception {
        Path swf = dir.resolve("t.swf");
        Files.writeString(swf, TRACE);
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir.resolve("settings"));
        String before = vm.editor().draft().name();
        vm.importSwf(swf, SwfImportForm.check("", "100", "200", "", "").options().orElseThrow());
        assertThat(vm.editor().draft().name()).isEqualTo(before);
        assertThat(notifier.errors).hasSize(1);
        assertThat(notifier.errors.get(0)).contains("Cannot import t.swf", "outside the job range");
    }
}
