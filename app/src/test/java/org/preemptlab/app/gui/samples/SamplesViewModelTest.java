package org.preemptlab.app.gui.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.app.gui.files.ScenarioFiles;
import org.preemptlab.app.gui.scenario.ScenarioConverter;
import org.preemptlab.io.scenario.ScenarioReader;

/** The start page's list and Open, without the FX toolkit. */
class SamplesViewModelTest {

    private static final Path CHECKOUT = Path.of("..", "sample-clusters").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void lists_every_sample_of_the_folder_with_its_name_and_description() throws Exception {
        List<Path> opened = new ArrayList<>();
        SamplesViewModel vm = new SamplesViewModel(() -> Optional.of(CHECKOUT), opened::add);
        vm.refresh();
        assertThat(vm.samples()).extracting(SampleEntry::fileName).containsExactlyElementsOf(names(CHECKOUT));
        assertThat(vm.samples()).hasSizeGreaterThanOrEqualTo(10);
        for (SampleEntry s : vm.samples()) {
            assertThat(s.readable()).as(s.fileName()).isTrue();
            var scenario = ScenarioReader.read(s.file());
            assertThat(s.title()).isEqualTo(scenario.name());
            assertThat(s.description()).isEqualTo(scenario.description()).isNotBlank();
            assertThat(s.flowingDescription()).isNotBlank().doesNotContain("\n\n\n");
        }
        assertThat(vm.sourceProperty().get()).contains(vm.samples().size() + " samples").contains(CHECKOUT.toString());
        SampleEntry t3e = vm.find("t3e-full-machine-nights.json").orElseThrow();
        assertThat(vm.open(t3e)).isTrue();
        assertThat(opened).containsExactly(t3e.file());
    }

    /** What Open does next (the editor's reading and the run's conversion) works for every sample. */
    @Test
    void every_sample_opens_in_the_editor_and_converts_to_a_run() throws Exception {
        var files = SampleCatalog.files(CHECKOUT);
        assertThat(files).as("samples in " + CHECKOUT).extracting(f -> f.getFileName().toString())
                .contains("easy-vs-conservative.json", "maintenance-checkpoint.json", "owner-pools.json");
        int versionTwo = 0;
        for (Path file : files) {
            var draft = ScenarioFiles.read(file);
            if (isVersionTwo(file)) { // a Slurm site: opened with it, run whole (the same jobs as the command line's)
                versionTwo++;
                assertThat(draft.site()).as(file.getFileName().toString()).isNotNull();
                assertThat(ScenarioConverter.toConfig(draft).jobs()).as(file.getFileName().toString())
                        .isEqualTo(ScenarioReader.read(file).toConfig(true).jobs());
            }
            assertThat(ScenarioConverter.toConfig(draft).jobs()).as(file.getFileName().toString()).isNotEmpty();
        }
        assertThat(versionTwo).as("version-2 samples in the folder").isGreaterThanOrEqualTo(4);
    }

    private static boolean isVersionTwo(Path file) throws java.io.IOException {
        return Files.readString(file).matches("(?s).*\"formatVersion\"\\s*:\\s*2\\b.*");
    }

    @Test
    void the_bundled_samples_are_the_checkout_files_copied_out() throws Exception {
        Path out = tmp.resolve("samples");
        int n = SampleCatalog.extractBundled(out);
        assertThat(n).isEqualTo(names(CHECKOUT).size());
        assertThat(names(out)).isEqualTo(names(CHECKOUT));
        for (String name : names(CHECKOUT)) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(CHECKOUT.resolve(name)));
        }
        // an edited copy is put back, an extra file is left alone
        Files.writeString(out.resolve("easy-vs-conservative.json"), "{}");
        Files.writeString(out.resolve("mine.json"), "{\"name\": \"mine\"}");
        SampleCatalog.extractBundled(out);
        assertThat(Files.readAllBytes(out.resolve("easy-vs-conservative.json")))
                .isEqualTo(Files.readAllBytes(CHECKOUT.resolve("easy-vs-conservative.json")));
        assertThat(out.resolve("mine.json")).exists();
    }

    @Test
    void a_broken_file_is_listed_with_its_problem_and_does_not_open() throws Exception {
        Files.writeString(tmp.resolve("broken.json"), "{\"name\": \"x\", ");
        Files.writeString(tmp.resolve("plain.json"), "{\"formatVersion\": 1, \"name\": \"Plain\", \"description\": \"one line\"}");
        Files.writeString(tmp.resolve("notes.txt"), "not a sample");
        List<Path> opened = new ArrayList<>();
        SamplesViewModel vm = new SamplesViewModel(() -> Optional.of(tmp), opened::add);
        vm.refresh();
        assertThat(vm.samples()).extracting(SampleEntry::fileName).containsExactly("broken.json", "plain.json");
        SampleEntry broken = vm.samples().get(0);
        assertThat(broken.readable()).isFalse();
        assertThat(broken.problem()).startsWith("broken.json: cannot be read");
        assertThat(vm.open(broken)).isFalse();
        assertThat(opened).isEmpty();
        assertThat(vm.samples().get(1).title()).isEqualTo("Plain");
        assertThat(vm.samples().get(1).description()).isEqualTo("one line");
    }

    @Test
    void no_samples_anywhere_says_so() {
        SamplesViewModel vm = new SamplesViewModel(Optional::empty, p -> {});
        vm.refresh();
        assertThat(vm.samples()).isEmpty();
        assertThat(vm.sourceProperty().get()).startsWith("No sample scenarios found");
    }

    @Test
    void descriptions_flow_into_paragraphs_and_list_items() {
        SampleEntry e = new SampleEntry("a.json", "A", "First line\ncontinues here.\n\nWhat to look at:\n- one\n  more\n- two",
                Path.of("a.json"), null);
        assertThat(e.flowingDescription()).isEqualTo("First line continues here.\n\nWhat to look at:\n- one more\n- two");
    }
}
