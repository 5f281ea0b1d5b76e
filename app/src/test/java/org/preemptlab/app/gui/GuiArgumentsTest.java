package org.preemptlab.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's command line: one existing *.json scenario file, --smoke-test, nothing else. */
class GuiArgumentsTest {

    @TempDir
    Path dir;

    @Test
    void no_arguments_open_the_default_scenario() {
        GuiArguments a = GuiArguments.parse(List.of());
        assertThat(a.scenarioFile()).isEmpty();
        assertThat(a.smokeTest()).isFalse();
    }

    @Test
    void an_existing_json_file_is_opened_as_an_absolute_path_in_any_order_with_the_smoke_flag() throws Exception {
        Path file = Files.writeString(dir.resolve("what-if.JSON"), "{}");
        GuiArguments a = GuiArguments.parse(List.of("--smoke-test", file.toString()));
        assertThat(a.scenarioFile()).contains(file.toAbsolutePath().normalize());
        assertThat(a.smokeTest()).isTrue();
        assertThat(GuiArguments.parse(List.of(file.toString(), "--smoke-test"))).isEqualTo(a);
    }

    @Test
    void a_relative_path_is_resolved_against_the_working_directory() throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        Path file = Files.createTempFile(cwd.resolve("target"), "gui-args-", ".json");
        try {
            String relative = cwd.relativize(file).toString();
            assertThat(GuiArguments.parse(List.of(relative)).scenarioFile()).contains(file.normalize());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void a_missing_file_names_the_argument_and_where_it_was_looked_for() {
        String missing = dir.resolve("nope.json").toString();
        assertThatThrownBy(() -> GuiArguments.parse(List.of(missing))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(missing + ": no such scenario file");
    }

    @Test
    void a_directory_is_not_a_scenario_file() throws Exception {
        Path d = Files.createDirectories(dir.resolve("cluster.json"));
        assertThatThrownBy(() -> GuiArguments.parse(List.of(d.toString()))).hasMessageContaining("is a directory");
    }

    @Test
    void anything_else_is_a_usage_error_naming_it() throws Exception {
        assertThatThrownBy(() -> GuiArguments.parse(List.of("--smoke"))).hasMessageStartingWith("--smoke: unknown option");
        assertThatThrownBy(() -> GuiArguments.parse(List.of("simulat"))).hasMessageStartingWith("simulat: neither a command nor a scenario file");
        assertThatThrownBy(() -> GuiArguments.parse(List.of("trace.swf"))).hasMessageContaining("scenario files end in .json");
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        assertThatThrownBy(() -> GuiArguments.parse(List.of(a.toString(), b.toString())))
                .hasMessage(b + ": only one scenario file can be opened at a time (" + a + " was given first)");
    }
}
