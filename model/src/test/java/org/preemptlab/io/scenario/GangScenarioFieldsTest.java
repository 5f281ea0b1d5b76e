package org.preemptlab.io.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.preemptlab.gang.GangSettings;
import org.preemptlab.gang.OverSubscribe;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioValidator;

/** The optional gang fields: read, defaulted, refused with their place named, written back. */
class GangScenarioFieldsTest {

    static String file(String pool, String policy) {
        return "{\"formatVersion\": 1, \"name\": \"g\", \"cluster\": {\"pools\": [{\"name\": \"cpu\", \"nodes\": 2,"
                + " \"coresPerNode\": 8" + pool + "}]}, \"policy\": {\"scheduler\": \"easy\"" + policy + "},"
                + " \"jobs\": [{\"name\": \"a\", \"submit\": 0, \"nodes\": 1, \"coresPerNode\": 8, \"estimate\": 100, \"runtime\": 50}]}";
    }

    static Scenario read(String json) throws ScenarioException {
        return ScenarioReader.read(json, "g.json", Path.of("."));
    }

    @Test
    void aVersionOneFileWithoutThemHasNoGang() throws Exception {
        Scenario s = read(file("", ""));
        assertThat(s.gang()).isEqualTo(GangSettings.NONE);
        assertThat(s.gang().timeSliceSeconds()).isEqualTo(30);
        assertThat(ScenarioWriter.toJson(s, Path.of("."))).doesNotContain("overSubscribe").doesNotContain("timeSlice");
    }

    @Test
    void theyAreReadAndWrittenBack() throws Exception {
        Scenario s = read(file(", \"overSubscribe\": {\"mode\": \"FORCE\", \"jobs\": 3}", ", \"timeSliceSeconds\": \"2m\""));
        assertThat(s.gang().of("cpu")).isEqualTo(OverSubscribe.force(3));
        assertThat(s.gang().timeSliceSeconds()).isEqualTo(120);
        Scenario again = read(ScenarioWriter.toJson(s, Path.of(".")));
        assertThat(again.gang()).isEqualTo(s.gang());
        assertThat(again).isEqualTo(s);
        // the editor's draft carries them along
        assertThat(ScenarioValidator.toDraft(s).gang()).isEqualTo(s.gang());
        // FORCE without a count: Slurm's default of 4 jobs a core
        assertThat(read(file(", \"overSubscribe\": {\"mode\": \"FORCE\"}", "")).gang().of("cpu").jobs()).isEqualTo(4);
    }

    @Test
    void badValuesAreRefusedWithTheirPlace() {
        assertThatThrownBy(() -> read(file(", \"overSubscribe\": {\"mode\": \"SOMETIMES\"}", "")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("cluster.pools[0].overSubscribe.mode");
        assertThatThrownBy(() -> read(file(", \"overSubscribe\": {\"mode\": \"FORCE\", \"jobs\": 1}", "")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("cluster.pools[0].overSubscribe.jobs");
        assertThatThrownBy(() -> read(file(", \"overSubscribe\": {\"mode\": \"FORCE\", \"job\": 2}", "")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("job");
        assertThatThrownBy(() -> read(file("", ", \"timeSliceSeconds\": 0")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("policy.timeSliceSeconds");
    }
}
