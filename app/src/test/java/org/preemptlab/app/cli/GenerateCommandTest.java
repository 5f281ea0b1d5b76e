package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.sim.Simulation;
import org.preemptlab.sim.SimulationResult;

/** The generate command: a Lublin–Feitelson workload with GPU and memory mixes for the GPU sample site. */
class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesAVersion2ScenarioThatRuns() throws Exception {
        Path out = dir.resolve("g.json");
        SweepCommandTest.Outcome o = SweepCommandTest.run("generate", "--site",
                SweepCommandTest.samples().resolve("gpu-shared-nodes.json").toString(), "--jobs", "300", "--seed", "4",
                "--gpu-mix", "0.3:1/node:a100,0.1:2/job", "--mem-mix", "0.5:3G/cpu", "--out", out.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("wrote " + out + ": 300 jobs, ");
        Scenario s = ScenarioReader.read(out);
        assertThat(s.jobs()).hasSize(300);
        long gpu = s.jobs().stream().filter(j -> !j.slurm().gresOnEachNode(j.nodes()).isEmpty()).count();
        assertThat(gpu).isBetween(80L, 160L); // 40 % of 300 = 120, ± 40 (over 4 standard errors of 8.5)
        assertThat(s.jobs().stream().filter(j -> j.memoryPerNodeMb() == 3072L * j.coresPerNode()).count()).isBetween(110L, 190L);
        assertThat(s.description()).contains("GPU mix 0.3:1/node:a100,0.1:2/job");
        SimulationResult r = new Simulation(s.toConfig(false)).run();
        assertThat(r.jobs()).allMatch(j -> j.state().isTerminal() && j.firstStart() >= 0);
    }

    @Test
    void badMixesAndVersion1SitesAreNamed() {
        String site = SweepCommandTest.samples().resolve("gpu-shared-nodes.json").toString();
        SweepCommandTest.Outcome o = SweepCommandTest.run("generate", "--site", site, "--gpu-mix", "0.3:1", "--out", dir.resolve("x.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("--gpu-mix: GPU entry \"0.3:1\"");
        o = SweepCommandTest.run("generate", "--site", site, "--gpu-mix", "0.3:8/node", "--out", dir.resolve("x.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("GPU entry \"0.3:8/node\": no partition has nodes with 8 GPUs");
        o = SweepCommandTest.run("generate", "--site", SweepCommandTest.samples().resolve("owner-pools.json").toString(),
                "--out", dir.resolve("x.json").toString());
        assertThat(o.code()).isEqualTo(2);
        assertThat(o.err()).contains("a version-1 scenario; give a version-2 (Slurm site) scenario");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
