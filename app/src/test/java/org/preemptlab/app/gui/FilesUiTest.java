package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.files.Autosave;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.sched.SchedulerKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Save, reopen, recover after a crash and export, through the real main window. */
class FilesUiTest extends ShellUiTest {

    @Start
    void start(Stage stage) throws Exception {
        startShell(stage);
    }

    @Test
    void save_reopen_gives_an_equal_scenario_and_remembers_the_file(FxRobot robot) {
        MainViewModel vm = shell.viewModel();
        Fx.run(() -> {
            vm.editor().setPolicy(SchedulerKind.FCFS);
            vm.editor().setPoolCores(0, 16);
        });
        var edited = vm.editor().draft();
        Path file = dir.resolve("edited.json");
        assertThat(Fx.call(() -> vm.saveTo(file))).isTrue();
        assertThat(vm.editor().dirtyProperty().get()).isFalse();
        assertThat(vm.titleBinding().get()).contains("edited.json").doesNotContain("*");
        Fx.run(vm::newScenario);
        Fx.run(() -> vm.openFile(file));
        assertThat(vm.editor().draft()).isEqualTo(edited);
        assertThat(vm.recentFiles().list()).first().isEqualTo(file.toAbsolutePath());
        assertThat(vm.runProperty().get().run().policy()).startsWith("fcfs");
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void a_bad_file_keeps_the_open_work_and_names_file_and_field(FxRobot robot) throws Exception {
        MainViewModel vm = shell.viewModel();
        var before = vm.editor().draft();
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"formatVersion\": 1, \"name\": \"x\", \"cluster\": {\"pools\": [{\"name\": \"p\", \"nodes\": -2, \"coresPerNode\": 8}]}, \"policy\": {\"scheduler\": \"easy\"}, \"jobs\": []}");
        Fx.run(() -> vm.openFile(bad));
        assertThat(notifier.errors).singleElement().satisfies(e -> assertThat(e).contains("bad.json").contains("cluster.pools[0].nodes"));
        assertThat(vm.editor().draft()).isEqualTo(before);
    }

    @Test
    void unsaved_work_is_offered_back_after_a_crash(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(dir.resolve("crashed"));
        var wip = DefaultScenario.create().withName("unsaved what-if");
        new Autosave(home).save(wip, null);
        Fx.run(() -> {
            Stage other = new Stage();
            PlannerShell again = new PlannerShell(other, TaskRunner.sameThread(), notifier, home);
            again.start(null);
            assertThat(again.viewModel().editor().draft()).isEqualTo(wip);
            assertThat(again.viewModel().editor().dirtyProperty().get()).isTrue();
        });
        assertThat(notifier.questions).anySatisfy(q -> assertThat(q).contains("unsaved what-if"));
    }

    @Test
    void autosave_writes_the_dirty_draft(FxRobot robot) {
        MainViewModel vm = shell.viewModel();
        Fx.run(() -> vm.editor().setName("changed"));
        Fx.run(vm::autosaveNow);
        assertThat(vm.pendingRecovery()).hasValueSatisfying(s -> assertThat(s.draft().name()).isEqualTo("changed"));
        // cleared and checked in one go on the FX thread: the window's 30 s autosave timer (also on the FX
        // thread) could otherwise save the still dirty draft again in between on a slow machine
        assertThat(Fx.call(() -> {
            vm.clearAutosave();
            return vm.pendingRecovery();
        })).isEmpty();
    }

    @Test
    void exports_png_csv_and_swf(FxRobot robot) throws Exception {
        MainViewModel vm = shell.viewModel();
        Path out = Files.createDirectories(dir.resolve("exports"));
        Fx.run(() -> shell.exportGanttPng(out.resolve("gantt.png")));
        Fx.run(() -> vm.exportMetricsCsv(out.resolve("metrics.csv")));
        Fx.run(() -> vm.exportScheduleSwf(out.resolve("schedule.swf")));
        Fx.run(() -> vm.exportEventsCsv(out.resolve("events.csv")));
        Fx.run(() -> {
            vm.compare().chosen().clear();
            vm.compare().chosen().addAll(java.util.List.of(SchedulerKind.FCFS, SchedulerKind.EASY));
            vm.runComparison();
        });
        Fx.run(() -> shell.exportComparePng(out.resolve("compare.png")));
        Fx.run(() -> vm.exportComparisonCsv(out.resolve("comparison.csv")));
        assertThat(notifier.errors).isEmpty();
        for (String name : new String[] {"gantt.png", "metrics.csv", "schedule.swf", "events.csv", "compare.png",
                "compare-queue.png", "compare-utilization.png", "compare-wait-cdf.png", "comparison.csv"}) {
            assertThat(out.resolve(name)).isNotEmptyFile();
        }
        assertThat(Files.readString(out.resolve("metrics.csv"))).startsWith("metric,value\n");
        assertThat(Files.readAllLines(out.resolve("events.csv")).get(0)).isEqualTo("time,event,job,nodes,reason");
    }
}
