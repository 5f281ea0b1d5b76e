package org.preemptlab.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendViewModelTest {

    @TempDir
    Path dir;

    @Test
    void theEmulatorIsTheDefaultAndAlwaysRuns() {
        BackendViewModel b = new BackendViewModel();
        assertThat(b.kind()).isEqualTo(BackendKind.EMULATED);
        assertThat(b.liveBinding().get()).isFalse();
        assertThat(b.timeScaleProperty().get()).isEqualTo("60");
        b.timeScaleProperty().set("nonsense"); // does not matter for the emulator
        assertThat(b.problems()).isEmpty();
        assertThatThrownBy(b::liveSettings).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theTimeScaleMustBeAPositiveNumber() {
        BackendViewModel b = new BackendViewModel();
        b.kindProperty().set(BackendKind.LOCAL);
        assertThat(b.liveBinding().get()).isTrue();
        assertThat(b.problems()).isEmpty();
        assertThat(b.liveSettings().timeScale()).isEqualTo(60);

        for (String bad : new String[] {"0", "-5", "Infinity"}) {
            b.timeScaleProperty().set(bad);
            assertThat(b.problems()).as(bad).singleElement().asString().contains("Time scale").contains("greater than 0");
        }
        b.timeScaleProperty().set("sixty");
        assertThat(b.problems()).singleElement().asString().contains("not a number");
        assertThatThrownBy(b::liveSettings).isInstanceOf(IllegalStateException.class).hasMessageContaining("sixty");

        b.timeScaleProperty().set(" 600.5 ");
        assertThat(b.liveSettings().timeScale()).isEqualTo(600.5);
        assertThat(b.liveSettings().kind()).isEqualTo(BackendKind.LOCAL);
        assertThat(b.liveSettings().describe()).isEqualTo("Local processes, 600.5× real time");
    }

    @Test
    void slurmNeedsAConfigFileThatExists() throws Exception {
        BackendViewModel b = new BackendViewModel();
        b.kindProperty().set(BackendKind.SLURM);
        assertThat(b.slurmBinding().get()).isTrue();
        b.slurmConfProperty().set("");
        assertThat(b.problems()).singleElement().asString().contains("slurm.conf").contains("missing");

        Path missing = dir.resolve("nope/slurm.conf");
        b.slurmConfProperty().set(missing.toString());
        assertThat(b.problems()).singleElement().asString().contains("does not exist").contains(missing.toString());
        b.slurmConfProperty().set(dir.toString()); // a directory is not a config file
        assertThat(b.problems()).hasSize(1);

        Path conf = Files.writeString(dir.resolve("slurm.conf"), "ClusterName=test\n");
        b.slurmConfProperty().set(conf.toString());
        b.partitionProperty().set(" debug ");
        b.timeScaleProperty().set("0");
        assertThat(b.problems()).singleElement().asString().contains("Time scale");
        b.timeScaleProperty().set("120");
        LiveSettings s = b.liveSettings();
        assertThat(s.slurmConf()).isEqualTo(conf.toAbsolutePath());
        assertThat(s.partition()).isEqualTo("debug");
        assertThat(s.describe()).isEqualTo("Slurm (debug), 120× real time");

        b.partitionProperty().set("  ");
        assertThat(b.liveSettings().partition()).isNull();
    }
}
