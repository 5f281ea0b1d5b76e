package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gang-scheduled scenario runs from the command line and reports its response time and slowdown. */
class GangRunCliTest {

    @TempDir
    Path dir;

    @Test
    void theGangSampleReportsResponseTimeAndSlowdown() throws Exception {
        Path json = dir.resolve("m.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run("run", SweepCommandTest.samples().resolve("gang-vs-easy.json").toString(),
                "--metrics-json", json.toString());
        assertThat(o.code()).as(o.err()).isZero();
        JsonNode m = new ObjectMapper().readTree(json.toFile());
        // GangVsEasyLessonTest: all 16 jobs, mean response 4073 s and bounded slowdown 1.79 under gang (EASY: 8528 s, 11.65)
        assertThat(m.get("meanResponseSeconds").asDouble()).isBetween(4072.0, 4074.0);
        assertThat(m.get("meanBoundedSlowdown").asDouble()).isBetween(1.78, 1.80);
        assertThat(m.get("makespanSeconds").asLong()).isEqualTo(14_460);
    }
}
