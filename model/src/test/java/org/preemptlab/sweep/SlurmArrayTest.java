package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmArrayTest {

    @TempDir
    Path dir;

    private SweepSpec spec() throws IOException {
        return SweepReader.read(SweepFixtures.write(dir, "my sweep.json", SweepFixtures.traceSweep(50,
                "{\"policy\": [\"fcfs\", \"easy\", \"conservative\"], \"alpha\": [\"original\", 0.5]}")));
    }

    @Test
    void scriptRunsOneVariantPerArrayTaskWithAbsolutePaths() throws IOException {
        SweepSpec spec = spec();
        Path out = dir.resolve("array");
        Path script = SlurmArray.emit(spec, out, Path.of("/opt/jdk/bin/java"), Path.of("/x/preemptlab.jar"), "low");
        assertThat(script).isEqualTo(out.resolve("sweep.sbatch"));
        String text = Files.readString(script);
        assertThat(text.lines()).contains(
                "#!/bin/bash",
                "#SBATCH --job-name=preemptlab-sweep-t",
                "#SBATCH --array=0-5",
                "#SBATCH --cpus-per-task=1",
                "#SBATCH --output=" + out.toAbsolutePath() + "/logs/%A_%a.out",
                "#SBATCH --partition=low",
                "exec '/opt/jdk/bin/java' -XX:ActiveProcessorCount=1 -jar '/x/preemptlab.jar' sweep '" + spec.file()
                        + "' --variant \"$id\" --out-json '" + out.toAbsolutePath() + "/results'/variant-\"$id\".json");
        assertThat(text).contains("id=\"${SLURM_ARRAY_TASK_ID:?");
        assertThat(spec.file().toString()).contains("my sweep.json").startsWith("/");
        assertThat(Files.isDirectory(out.resolve("logs"))).isTrue();
        assertThat(Files.isDirectory(out.resolve("results"))).isTrue();
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(out.resolve("sweep-array.json"))).contains("\"variants\" : 6");
        assertThat(SlurmArray.script(spec, out, Path.of("/j"), Path.of("/p.jar"), null)).doesNotContain("--partition");
        assertThat(SlurmArray.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void collectMergesInIdOrderAndNamesMissingIds() throws IOException {
        SweepSpec spec = spec();
        Path out = dir.resolve("array");
        SlurmArray.emit(spec, out, Path.of("/j"), Path.of("/p.jar"), null);
        List<Variant> variants = spec.variants();
        for (int id : new int[] {5, 0, 3, 1}) {
            SweepRow row = SweepRunner.run(spec, variants.get(id));
            ResultFile.writeSorted(SlurmArray.resultFile(out, id), RowFormat.JSON_LINES, List.of(row));
        }
        Files.writeString(SlurmArray.resultFile(out, 4), "{\"id\": 4, \"lab"); // a task killed while writing
        SlurmArray.Collected c = SlurmArray.collect(out);
        assertThat(c.total()).isEqualTo(6);
        assertThat(c.rows()).extracting(SweepRow::id).containsExactly(0, 1, 3, 5);
        assertThat(c.missing()).containsExactly(2, 4);
        assertThat(c.broken()).containsExactly("variant-4.json: holds no complete row of variant 4");
        for (SweepRow r : c.rows()) {
            assertThat(r.withWallSeconds(0)).isEqualTo(SweepRunner.run(spec, variants.get(r.id())).withWallSeconds(0));
        }
    }

    @Test
    void collectNeedsAnArrayDirectory() {
        assertThatThrownBy(() -> SlurmArray.collect(dir)).hasMessageContaining("has no sweep-array.json");
    }
}
