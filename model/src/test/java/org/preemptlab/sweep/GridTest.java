package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridTest {

    @TempDir
    Path dir;

    @Test
    void idsFollowTheDocumentedNestingLastAxisFastest() throws IOException {
        Files.copy(SweepFixtures.samples().resolve("checkpoint-contention.json"), dir.resolve("c.json"));
        String kth = SweepFixtures.kthSlice().toString();
        Path f = SweepFixtures.write(dir, "g.json", "{\"formatVersion\": 1, \"inputs\": [{\"trace\": \"" + kth
                + "\", \"name\": \"k\", \"maxJobs\": 5, \"checkpointSeconds\": 10}, {\"scenario\": \"c.json\"}],"
                + " \"axes\": {\"policy\": [\"aggressive-checkpoint\", \"easy\"], \"alpha\": [1, \"original\"], \"p\": [0.5, 0.1]}}");
        List<Variant> v = SweepReader.read(f).variants();
        assertThat(v).extracting(Variant::label).containsExactly(
                "k policy=aggressive-checkpoint alpha=1 p=0.5",
                "k policy=aggressive-checkpoint alpha=1 p=0.1",
                "k policy=aggressive-checkpoint alpha=original p=0.5",
                "k policy=aggressive-checkpoint alpha=original p=0.1",
                "k policy=easy alpha=1",
                "k policy=easy alpha=original",
                "c policy=aggressive-checkpoint alpha=1 p=0.5",
                "c policy=aggressive-checkpoint alpha=1 p=0.1",
                "c policy=aggressive-checkpoint alpha=original p=0.5",
                "c policy=aggressive-checkpoint alpha=original p=0.1",
                "c policy=easy alpha=1",
                "c policy=easy alpha=original");
        assertThat(v).extracting(Variant::id).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
        assertThat(v.get(6).input()).isEqualTo(1);
        assertThat(SweepReader.read(f).variants()).isEqualTo(v); // same file, same ids
    }

    @Test
    void withoutAxesEachInputIsOneVariantWithItsOwnScheduler() throws IOException {
        Path f = SweepFixtures.write(dir, "n.json", "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \""
                + SweepFixtures.samples().resolve("niu-aggressive.json") + "\"}]}");
        List<Variant> v = SweepReader.read(f).variants();
        assertThat(v).hasSize(1);
        assertThat(v.get(0).policy()).isEqualTo("aggressive-checkpoint");
        assertThat(v.get(0).label()).isEqualTo("niu-aggressive policy=aggressive-checkpoint");
    }

    @Test
    void allAxesMultiply() throws IOException {
        Path f = SweepFixtures.write(dir, "m.json", "{\"formatVersion\": 1, \"inputs\": [{\"scenario\": \""
                + SweepFixtures.samples().resolve("maintenance-checkpoint.json") + "\"}], \"axes\": {"
                + "\"policy\": [\"fcfs\", \"easy\", \"conservative\"], \"bandwidth\": [1, 2], \"alpha\": [1, 0.5, 0.2],"
                + " \"maintenanceStart\": [\"1h\", 7200]}}");
        List<Variant> v = SweepReader.read(f).variants();
        assertThat(v).hasSize(3 * 2 * 3 * 2);
        assertThat(v.get(1).label()).isEqualTo("maintenance-checkpoint policy=fcfs bandwidth=1 alpha=1 maintenanceStart=7200");
    }
}
