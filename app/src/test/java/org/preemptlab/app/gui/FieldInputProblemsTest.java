package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.background.TaskRunner;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.mechanism.PreemptMechanism;

/**
 * Issue 10, bug 3: with text in a field that does not parse (the default chain "suspnd, kill"),
 * Run, Compare and Save refuse instead of silently using the field's previous value.
 */
class FieldInputProblemsTest {

    @TempDir
    Path dir;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private MainViewModel vm;

    private void open() {
        vm = new MainViewModel(TaskRunner.sameThread(), notifier, dir.resolve("settings"));
        vm.editor().preemption().setDefaultChain("suspnd, kill");
    }

    @Test
    void run_refuses_and_names_the_field() {
        open();
        vm.pageProperty().set(Page.RUN);
        vm.runScenario();
        assertThat(vm.runProperty().get()).isNull();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.EDITOR);
        assertThat(notifier.errors).singleElement().asString()
                .contains("cannot run", "preemption.defaultChain", "suspnd");

        vm.editor().preemption().setDefaultChain("suspend, kill");
        vm.runScenario();
        assertThat(vm.runProperty().get()).isNotNull();
        assertThat(vm.editor().draft().rules().defaultChain()).containsExactly(PreemptMechanism.SUSPEND, PreemptMechanism.KILL);
    }

    @Test
    void save_refuses_and_writes_nothing() {
        open();
        Path file = dir.resolve("mine.json");
        assertThat(vm.saveTo(file)).isFalse();
        assertThat(file).doesNotExist();
        assertThat(notifier.errors).singleElement().asString().contains("Cannot save", "preemption.defaultChain");

        vm.editor().preemption().setDefaultChain("suspend, kill");
        assertThat(vm.saveTo(file)).isTrue();
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void compare_and_the_break_even_sweep_refuse() throws Exception {
        open();
        assertThat(vm.compare().run()).isFalse();
        assertThat(vm.compare().messageProperty().get()).contains("preemption.defaultChain");
        assertThat(vm.compare().variants()).isEmpty();

        vm.editor().load(ScenarioFiles.read(sample("maintenance-checkpoint.json")));
        vm.editor().preemption().setGrace("soon");
        assertThat(vm.compare().breakEven().run()).isFalse();
        assertThat(vm.compare().breakEven().messageProperty().get()).contains("preemption.graceSeconds");
        assertThat(vm.compare().runStrategies()).isFalse();
        assertThat(vm.compare().messageProperty().get()).contains("preemption.graceSeconds");
    }

    private static Path sample(String name) {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        return d.resolve("sample-clusters").resolve(name);
    }
}
