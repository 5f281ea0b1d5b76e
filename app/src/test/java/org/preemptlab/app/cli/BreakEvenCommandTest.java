package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.io.report.BreakEvenCsvWriter;

/** {@code preemptlab break-even}: a PNG heat map and a CSV of every cell; bad input is one clear line. */
class BreakEvenCommandTest {

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PreemptLabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    static Path sample(String name) {
        Path d = Paths.get("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("sample-clusters"))) d = d.getParent();
        assertThat(d).as("repository root with sample-clusters/").isNotNull();
        return d.resolve("sample-clusters").resolve(name);
    }

    @Test
    void writesTheHeatMapAndEveryCell() throws Exception {
        Path png = dir.resolve("be.png");
        Path csv = dir.resolve("be.csv");
        Outcome o = run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", png.toString(), "--csv",
                csv.toString(), "--bandwidth", "10:10000:4", "--image-size", "1024:65536:3", "--threads", "2");
        assertThat(o.err()).isEmpty();
        assertThat(o.code()).isZero();
        assertThat(o.out()).contains("window fs-upgrade at", "4 × 3 cells", "36 runs on 2 threads", "checkpoint is cheaper in");
        assertThat(o.out()).containsPattern("window fs-upgrade at \\d+ h \\d\\d min for \\d+ (h|min)")
                .containsPattern("image +64 GB per node: ").doesNotContainPattern("\\d\\.\\d{5,}");
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(820);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo(BreakEvenCsvWriter.HEADER);
        assertThat(lines.get(1)).startsWith("10,1024,");
        assertThat(o.out()).contains("checkpoint strategy: checkpoint-before (T)");
        assertThat(lines.get(1).split(",")[13]).isEqualTo("checkpoint"); // 1 GB per node, even at 10 MB/s
        assertThat(lines.get(12)).startsWith("10000,65536,");
        String[] fast = lines.get(12).split(",");
        assertThat(fast[17]).as("strategy column").isEqualTo("checkpoint-before");
        assertThat(fast[18]).as("writes after T at 10 GB/s").isEqualTo("0");
        String[] slowBig = lines.get(9).split(","); // 64 GB per node at 10 MB/s
        assertThat(lines.get(9)).startsWith("10,65536,");
        assertThat(slowBig[13]).isEqualTo("drain");
        // even 64 GB per node at 10 MB/s is written by 10:00: the plan starts hours early and the nodes drain from then
        assertThat(slowBig[18]).as("writes after T").isEqualTo("0");
        // idle energy = idle node-hours × 150 W
        assertThat(Double.parseDouble(slowBig[14])).isCloseTo(Double.parseDouble(slowBig[2]) * 0.15,
                org.assertj.core.data.Percentage.withPercentage(0.01));
        for (String line : lines.subList(1, 13)) assertThat(line.split(",")).hasSize(20);

        Path atCsv = dir.resolve("at.csv");
        Outcome at = run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", dir.resolve("at.png").toString(),
                "--csv", atCsv.toString(), "--bandwidth", "10000:10000:1", "--image-size", "1024:1024:1", "--threads", "1",
                "--checkpoint", "at", "--idle-watts", "300");
        assertThat(at.code()).as(at.err()).isZero();
        assertThat(at.out()).contains("checkpoint strategy: checkpoint (at T)");
        String[] atRow = Files.readAllLines(atCsv).get(1).split(",");
        assertThat(atRow[17]).isEqualTo("checkpoint");
        assertThat(atRow[16]).isEqualTo("300");
        assertThat(Long.parseLong(atRow[18])).as("at T every write is after T").isPositive();
        assertOneLine(run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", dir.resolve("x.png").toString(),
                "--checkpoint", "during"), "--checkpoint: ");
    }

    @Test
    void theWindowCanBeMoved() {
        Path png = dir.resolve("moved.png");
        Outcome o = run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", png.toString(),
                "--bandwidth", "10:100:2", "--image-size", "1024:1024:1", "--window-start", "9h", "--threads", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("window fs-upgrade at 9 h 00 min for 2 h on 8 nodes", "6 runs on 1 thread in");
        assertThat(png).exists();
        assertOneLine(run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", png.toString(),
                "--window-start", "soon"), "--window-start: ");
    }

    @Test
    void severalWindowStartsGiveOneHeatMapEach() throws Exception {
        Path png = dir.resolve("starts.png");
        Path csv = dir.resolve("starts.csv");
        Outcome o = run("break-even", sample("maintenance-checkpoint.json").toString(), "--png", png.toString(), "--csv",
                csv.toString(), "--bandwidth", "10:1000:3", "--image-size", "16384:16384:1", "--window-start", "4h,10h",
                "--threads", "1");
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).contains("at 4 h 00 min for 2 h", "at 10 h 00 min for 2 h");
        Path png4 = dir.resolve("starts-start-4h.png");
        Path png10 = dir.resolve("starts-start-10h.png");
        assertThat(png4).exists();
        assertThat(png10).exists();
        assertThat(png).doesNotExist();
        List<String> early = Files.readAllLines(dir.resolve("starts-start-4h.csv"));
        List<String> late = Files.readAllLines(dir.resolve("starts-start-10h.csv"));
        assertThat(early).hasSize(4);
        assertThat(late).hasSize(4);
        // the same grid, a different window: the drain side (idle nodes before T) is not the same
        assertThat(early.get(1).split(",")[5]).isNotEqualTo(late.get(1).split(",")[5]);
    }

    @Test
    void badInputIsOneClearLine() throws Exception {
        Path png = dir.resolve("x.png");
        String scenario = sample("maintenance-checkpoint.json").toString();
        assertOneLine(run("break-even", scenario, "--png", png.toString(), "--bandwidth", "-5:100:4"),
                "--bandwidth: bandwidth axis: min is -5 MB/s; must be positive");
        assertOneLine(run("break-even", scenario, "--png", png.toString(), "--image-size", "1024:big:4"),
                "--image-size: MAX \"big\" is not a number");
        assertOneLine(run("break-even", scenario, "--png", png.toString(), "--threads", "0"),
                "Invalid value for option '--threads': 0; must be ≥ 1");
        assertOneLine(run("break-even", sample("cac-preempt-qos.json").toString(), "--png", png.toString()),
                "has no maintenance window");
        assertThat(png).doesNotExist();
    }

    private static void assertOneLine(Outcome o, String expected) {
        assertThat(o.code()).isNotZero();
        assertThat(o.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
        // one error line; an option's error also points to --help
        assertThat(o.err().strip().lines().filter(l -> !l.startsWith("Try 'preemptlab")).count()).isEqualTo(1);
    }
}
