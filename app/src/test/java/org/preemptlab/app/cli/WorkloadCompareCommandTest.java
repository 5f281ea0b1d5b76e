package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadCompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void comparesATraceWithTheModel() throws IOException {
        Path trace = SweepCommandTest.samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
        Path png = dir.resolve("c.png");
        SweepCommandTest.Outcome o = SweepCommandTest.run("workload-compare", "--trace", trace.toString(), "--seed", "2",
                "--png", png.toString());
        assertThat(o.code()).as(o.err()).isZero();
        assertThat(o.out()).containsPattern("jobs +1,000 +1,000").containsPattern("serial share +[\\d.]+ % +[\\d.]+ %")
                .contains("serial share").contains("busiest half hour").contains("wrote " + png);
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1400);
        // the same seed prints the same statistics
        assertThat(SweepCommandTest.run("workload-compare", "--trace", trace.toString(), "--seed", "2").out())
                .isEqualTo(o.out().replace("wrote " + png + System.lineSeparator(), ""));
    }
}
