package org.preemptlab.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.scenario.ScenarioDraft;

class SettingsFilesTest {

    @TempDir
    Path dir;

    @Test
    void recent_files_newest_first_without_duplicates_and_bounded() throws Exception {
        RecentFiles recent = new RecentFiles(dir);
        assertThat(recent.list()).isEmpty();
        for (int i = 0; i < 12; i++) recent.add(dir.resolve("s" + i + ".json"));
        recent.add(dir.resolve("s5.json"));
        assertThat(recent.list()).hasSize(RecentFiles.MAX);
        assertThat(recent.list().get(0).getFileName().toString()).isEqualTo("s5.json");
        assertThat(recent.list().stream().filter(p -> p.endsWith("s5.json"))).hasSize(1);
        Files.writeString(dir.resolve("recent.json"), "{ not json");
        assertThat(recent.list()).isEmpty();
    }

    @Test
    void autosave_keeps_even_an_invalid_draft_and_gives_it_back() throws Exception {
        Autosave autosave = new Autosave(dir);
        assertThat(autosave.pending()).isEmpty();
        ScenarioDraft wip = DefaultScenario.create().withPool(1, p -> p.withNodes(-2)).withName("work in progress");
        autosave.save(wip, dir.resolve("mine.json"));
        Autosave.Snapshot s = autosave.pending().orElseThrow();
        assertThat(s.draft()).isEqualTo(wip);
        assertThat(s.originalFile()).contains(dir.resolve("mine.json").toAbsolutePath());
        autosave.clear();
        assertThat(autosave.pending()).isEmpty();
        Files.writeString(autosave.location(), "garbage");
        assertThat(autosave.pending()).isEmpty();
    }

    @Test
    void metrics_csv_for_a_comparison() throws Exception {
        StringWriter w = new StringWriter();
        MetricsCsv.write(w, List.of("fcfs", "easy"), List.of(new MetricsCsv.Row("Mean wait", new double[] {10, 5})));
        assertThat(w.toString()).isEqualTo("metric,fcfs,easy\nMean wait,10.0000,5.00000\n");
        assertThat(MetricsCsv.csv("a,b")).isEqualTo("\"a,b\"");
    }
}
