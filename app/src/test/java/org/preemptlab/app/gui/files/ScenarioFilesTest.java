package org.preemptlab.app.gui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.scenario.DefaultScenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.io.scenario.ScenarioReader;

class ScenarioFilesTest {

    @TempDir
    Path dir;

    /** Issue 10, bug 5: a saved scenario has the user's usual mode; saving over a shared file keeps it shared. */
    @Test
    void a_saved_scenario_gets_the_users_mode_and_keeps_the_mode_of_the_file_it_replaces() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        Path probe = Files.writeString(dir.resolve("probe.txt"), "x");
        Path fresh = dir.resolve("fresh.json");
        ScenarioFiles.write(DefaultScenario.create(), fresh);
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(probe));

        Path shared = dir.resolve("shared.json");
        ScenarioFiles.write(DefaultScenario.create(), shared);
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        ScenarioFiles.write(DefaultScenario.create().withName("again"), shared);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
        assertThat(ScenarioFiles.read(shared).name()).isEqualTo("again");
    }

    @Test
    void save_and_reopen_gives_an_equal_scenario() throws Exception {
        ScenarioDraft draft = DefaultScenario.create();
        Path file = dir.resolve("default.json");
        ScenarioFiles.write(draft, file);
        assertThat(ScenarioFiles.read(file)).isEqualTo(draft);
        // the command line's reader reads the same file
        assertThat(ScenarioReader.read(file).jobs()).hasSize(draft.jobs().size());
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }

    @Test
    void every_sample_scenario_survives_open_and_save() throws Exception {
        Path samples = Path.of("..", "sample-clusters");
        if (!Files.isDirectory(samples)) return;
        try (var files = Files.list(samples)) {
            for (Path sample : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                boolean versionTwo = Files.readString(sample).matches("(?s).*\"formatVersion\"\\s*:\\s*2\\b.*");
                ScenarioDraft draft = ScenarioFiles.read(sample);
                // version 2 (a Slurm site): opened whole, with its site, and saved as version 2
                assertThat(draft.isSlurm()).as(sample.toString()).isEqualTo(versionTwo);
                Path copy = dir.resolve(sample.getFileName());
                if (draft.trace() != null) continue; // trace paths are relative to the sample's directory
                ScenarioFiles.write(draft, copy);
                assertThat(ScenarioFiles.read(copy)).as(sample.toString()).isEqualTo(draft);
                assertThat(Files.readString(copy).matches("(?s).*\"formatVersion\"\\s*:\\s*2\\b.*")).as(sample.toString())
                        .isEqualTo(versionTwo);
                assertThat(ScenarioReader.read(copy)).as(sample.toString()).isEqualTo(ScenarioReader.read(sample));
            }
        }
    }

    /**
     * The editor takes the reader's scenario as the opened draft's judgement (a 200k-job trace is not
     * judged again): it must be what the editor's rules make of the draft, for every sample (pools,
     * processors, a Slurm site, a trace, maintenance, reservations, jobs running at the start).
     */
    @Test
    void an_opened_files_scenario_is_the_one_the_editors_rules_make_of_its_draft() throws Exception {
        Path samples = Path.of("..", "sample-clusters");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(samples), "no samples here");
        java.util.List<Path> files;
        try (var all = Files.walk(samples)) {
            files = all.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("sweeps")).sorted().toList();
        }
        Path trace = Files.writeString(dir.resolve("kth.json"), "{\"formatVersion\": 1, \"name\": \"kth\", \"trace\": {\"path\": \""
                + samples.resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz").toAbsolutePath() + "\"},"
                + " \"policy\": {\"scheduler\": \"easy\"}}");
        int opened = 0;
        for (Path f : java.util.stream.Stream.concat(files.stream(), java.util.stream.Stream.of(trace)).toList()) {
            ScenarioFiles.Opened o;
            try {
                o = ScenarioFiles.open(f);
            } catch (ScenarioException e) {
                continue; // not a scenario (e.g. a Slurm site's parts)
            }
            assertThat(o.draft()).as(f.toString()).isEqualTo(ScenarioFiles.read(f));
            assertThat(org.preemptlab.scenario.ScenarioValidator.toScenario(o.draft())).as(f.toString()).isEqualTo(o.scenario());
            opened++;
        }
        assertThat(opened).isGreaterThan(20);
    }

    @Test
    void a_draft_with_problems_is_not_written() {
        ScenarioDraft bad = DefaultScenario.create().withPool(1, p -> p.withNodes(-2));
        Path file = dir.resolve("bad.json");
        assertThatThrownBy(() -> ScenarioFiles.write(bad, file)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("cluster.pools[1].nodes: -2; must be ≥ 1");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_bad_file_names_the_file_line_and_field() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"formatVersion\": 1,\n  \"name\": \"x\",\n  \"cluster\": {\"pools\": [ }\n}\n");
        assertThatThrownBy(() -> ScenarioFiles.read(broken)).hasMessageStartingWith("broken.json:4:26: ");
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, """
                {"formatVersion": 1, "name": "x", "cluster": {"pools": [{"name": "p", "nodes": -2, "coresPerNode": 8}]},
                 "policy": {"scheduler": "easy"}, "jobs": []}
                """);
        assertThatThrownBy(() -> ScenarioFiles.read(wrong)).hasMessageContaining("wrong.json")
                .hasMessageContaining("cluster.pools[0].nodes");
    }
}
