package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.run.BackendKind;
import org.preemptlab.app.gui.run.LiveRunViewModel;

/** Running with a live backend that is not set up right names the problem and starts nothing. */
class LiveBackendChoiceTest {

    @TempDir
    Path settings;

    @Test
    void aBadTimeScaleOrAMissingSlurmConfigStopsTheRunWithADialog() {
        RecordingNotifier notifier = new RecordingNotifier();
        MainViewModel vm = new MainViewModel(TaskRunner.sameThread(), notifier, settings);
        vm.backend().kindProperty().set(BackendKind.LOCAL);
        vm.backend().timeScaleProperty().set("0");

        vm.runScenario();

        assertThat(notifier.errors).singleElement().asString()
                .startsWith("The Local processes backend cannot run yet").contains("Time scale");
        assertThat(vm.live().state()).isEqualTo(LiveRunViewModel.State.IDLE);
        assertThat(vm.runProperty().get()).isNull();

        vm.backend().kindProperty().set(BackendKind.SLURM);
        vm.backend().timeScaleProperty().set("60");
        vm.backend().slurmConfProperty().set(settings.resolve("missing.conf").toString());
        vm.runScenario();
        assertThat(notifier.errors).hasSize(2).last().asString().contains("missing.conf").contains("does not exist");
        assertThat(vm.live().state()).isEqualTo(LiveRunViewModel.State.IDLE);

        vm.backend().kindProperty().set(BackendKind.EMULATED); // the emulator still runs at once
        vm.runScenario();
        assertThat(vm.runProperty().get()).isNotNull();
        assertThat(notifier.errors).hasSize(2);
        assertThat(vm.shutDownLive(java.time.Duration.ofSeconds(60))).isTrue();
    }
}
