package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saturation command on a small trace and on a generated workload, in-process. */
class SaturationCommandTest {

    @TempDir
    Path dir;

    @Test
    void curvesOfTwoSchedulersOnATraceSlice() throws IOException {
        Path trace = SweepCommandTest.samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        Path csv = dir.resolve("s.csv");
        Path png = dir.resolve("s.png");
        SweepCommandTest.Outcome o = SweepCommandTest.run("saturation", "--trace", trace.toString(), "--max-jobs", "300",
                "--policy", "easy,conservative", "--load", "0.5:0.9:0.2", "--out-csv", csv.toString(), "--png", png.toString(),
                "--threads", "2");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).startsWith("saturation KTH-SP2-1996-2.1-cln-first1000: 6 points (easy,conservative × 3 loads) in ");
        assertThat(o.err()).contains("saturation: 6/6 ").contains("own offered load");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(SaturationCommand.HEADER);
        assertThat(lines).hasSize(7);
        assertThat(lines.get(1)).startsWith("easy,0.5,");
        assertThat(lines.get(3)).startsWith("easy,0.9,");
        assertThat(lines.get(4)).startsWith("conservative,0.5,");
        // more load on the same machine: the mean wait grows from the lightest to the heaviest point
        assertThat(wait(lines.get(3))).isGreaterThan(wait(lines.get(1)));
        assertThat(wait(lines.get(6))).isGreaterThan(wait(lines.get(4)));
        // the arrival factors are proportional to the target loads
        assertThat(factor(lines.get(3)) / factor(lines.get(1))).isCloseTo(0.9 / 0.5, org.assertj.core.api.Assertions.within(1e-9));
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(800);
    }

    @Test
    void generatedWorkloadIsTheSameForTheSameSeed() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        for (Path p : List.of(a, b)) {
            SweepCommandTest.Outcome o = SweepCommandTest.run("saturation", "--lublin", "--jobs", "400", "--procs", "64", "--seed",
                    "3", "--policy", "easy", "--load", "0.6,0.8", "--out-csv", p.toString(), "--threads", "1");
            assertThat(o.code()).as(o.err()).isZero();
        }
        assertThat(SweepCommandTest.withoutWall(a)).isEqualTo(SweepCommandTest.withoutWall(b)).hasSize(3);
        assertThat(Files.readAllLines(a).get(1)).startsWith("easy,0.6,").contains(",400,");
    }

    @Test
    void badOptionsAreNamed() {
        assertThat(SweepCommandTest.run("saturation", "--lublin", "--load", "1:0.5:0.1", "--out-csv", "x.csv").err())
                .contains("--load \"1:0.5:0.1\": TO must be ≥ FROM");
        assertThat(SweepCommandTest.run("saturation", "--lublin", "--policy", "ezy", "--out-csv", "x.csv").err())
                .contains("--policy ezy: unknown scheduler");
        assertThat(SweepCommandTest.run("saturation", "--out-csv", "x.csv").err())
                .contains("give either --trace T.swf.gz or --lublin");
        Path trace = SweepCommandTest.samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        assertThat(SweepCommandTest.run("saturation", "--trace", trace.toString(), "--out-csv", trace.toString()).err())
                .contains("is the same file as");
    }

    private static double wait(String line) {
        return Double.parseDouble(line.split(",")[4]);
    }

    private static double factor(String line) {
        return Double.parseDouble(line.split(",")[2]);
    }
}
