package org.preemptlab.slurmconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GresConfParserTest {

    @Test
    void theSitesGresConf() {
        ImportReport report = new ImportReport();
        GresConf g = GresConfParser.read(SiteFixture.dir().resolve("gres.conf"), report);
        assertThat(g.autoDetect()).contains("off");
        assertThat(g.lines()).containsExactly(new GresConf.Line(List.of("gpu01", "gpu02", "gpu03", "gpu04"), "gpu", "a100", 4,
                List.of("/dev/nvidia0", "/dev/nvidia1", "/dev/nvidia2", "/dev/nvidia3"), Optional.empty(), "gres.conf:3"));
        assertThat(g.linesFor("gpu02", "gpu")).hasSize(1);
        assertThat(g.linesFor("cn001", "gpu")).isEmpty();
        assertThat(report.ignored()).extracting(Object::toString).containsExactly("gres.conf:3: NodeName=gpu[01-04] Cores=0-47 — ignored (not modelled)");
    }

    @Test
    void countsDefaultsAndSuffixes() {
        ImportReport report = new ImportReport();
        GresConf g = GresConfParser.parse("""
                Name=gpu File=/dev/nvidia[0-1]
                NodeName=tux[0-7] Name=bandwidth Type=lustre Count=4G Flags=CountOnly
                Name=mps Count=200 File=/dev/nvidia0
                NodeName=tux3 AutoDetect=nvml
                Name=nic
                """, "gres.conf", report);
        assertThat(g.lines()).extracting(GresConf.Line::count).containsExactly(2L, 4L << 30, 200L, 0L, 1L);
        assertThat(g.lines().get(0).appliesTo("anything")).isTrue();
        assertThat(g.lines().get(3).autoDetect()).contains("nvml");
        assertThat(report.warnings()).isEmpty(); // mps Count may exceed its files
        assertThat(report.ignored()).extracting(Object::toString).containsExactly("gres.conf:2: NodeName=tux[0-7] Flags=CountOnly — ignored (not modelled)");
    }

    @Test
    void errorsNameTheLineAndKey() {
        assertThatThrownBy(() -> GresConfParser.parse("Name=gpu Count=four\n", "gres.conf", new ImportReport()))
                .hasMessage("gres.conf:1: Name=gpu Count=four: not a whole number (with an optional K, M, G, T or P)");
        assertThatThrownBy(() -> GresConfParser.parse("NodeName=n[1-2 Name=gpu\n", "gres.conf", new ImportReport()))
                .hasMessage("gres.conf:1: NodeName=n[1-2: a '[' without ']'");
        assertThatThrownBy(() -> GresConfParser.parse("\nType=a100 Count=2\n", "gres.conf", new ImportReport()))
                .hasMessage("gres.conf:2: no Name= (every GRES line needs one)");
    }

    @Test
    void aCountThatDisagreesWithTheFilesIsWarned() {
        ImportReport report = new ImportReport();
        GresConfParser.parse("Name=gpu File=/dev/nvidia[0-3] Count=2\n", "gres.conf", report);
        assertThat(report.warnings()).containsExactly("gres.conf:1: Name=gpu: Count=2 but 4 File name(s); Slurm requires them to match (Count is used)");
    }

    @Test
    void gresSpecsAsSlurmReadsThem() {
        assertThat(GresSpec.parseList("gpu:tesla:1,gpu:kepler:1,bandwidth:lustre:no_consume:4G")).containsExactly(
                new GresSpec("gpu", "tesla", 1, false), new GresSpec("gpu", "kepler", 1, false), new GresSpec("bandwidth", "lustre", 4L << 30, true));
        assertThat(GresSpec.parseList("gpu")).containsExactly(new GresSpec("gpu", "", 1, false));
        assertThat(GresSpec.parseList("gpu:a100")).containsExactly(new GresSpec("gpu", "a100", 1, false));
        assertThat(GresSpec.parseList("gpu:2(S:0-1)")).containsExactly(new GresSpec("gpu", "", 2, false));
        assertThat(GresSpec.parseList("")).isEmpty();
        assertThat(new GresSpec("gpu", "", 8, false)).hasToString("gpu:8");
    }
}
