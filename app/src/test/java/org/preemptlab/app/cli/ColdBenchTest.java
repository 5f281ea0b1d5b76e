package org.preemptlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The cold benchmark's mechanics (which runs, in which order, what it reports); it asserts no times. */
@EnabledOnOs(OS.LINUX)
class ColdBenchTest {

    @Test
    void variantsAlternateRoundByRoundAndEveryRunIsReported(@TempDir Path dir) throws Exception {
        Path order = dir.resolve("order");
        List<ColdBench.Variant> variants = List.of(
                new ColdBench.Variant("first", List.of("/bin/sh", "-c", "printf A >> '" + order + "'")),
                new ColdBench.Variant("second", List.of("/bin/sh", "-c", "printf B >> '" + order + "'; echo done")));
        ColdBench.Report report = ColdBench.run(variants, 3, new PrintStream(new ByteArrayOutputStream()));
        assertEquals("ABABAB", Files.readString(order));
        assertEquals(2, report.results().size());
        for (ColdBench.Result r : report.results()) {
            assertEquals(3, r.wall().length);
            for (double w : r.wall()) assertTrue(w > 0, "wall " + w);
            for (double c : r.cpu()) assertTrue(c >= 0, "cpu " + c);
        }
        assertEquals("done", report.results().get(1).lastOutput());
        String md = report.markdown();
        assertTrue(md.contains("| first | "), md);
        assertTrue(md.contains("| second | "), md);
        assertTrue(md.startsWith("3 alternating rounds"), md);
    }

    @Test
    void aFailingCommandStopsTheBenchNamingItsLabel() {
        List<ColdBench.Variant> variants = List.of(new ColdBench.Variant("broken", List.of("/bin/sh", "-c", "echo nope; exit 3")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ColdBench.run(variants, 1, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().startsWith("broken exited with 3"), e.getMessage());
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, ColdBench.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ColdBench.median(new double[] {4, 1, 3, 2}));
        double[] values = {5, 4};
        ColdBench.median(values);
        assertArrayEquals(new double[] {5, 4}, values, "the caller's array is not sorted in place");
    }

    @Test
    void labelsShowCommandNamesNotPaths() {
        assertEquals("java -jar preemptlab.jar", ColdBench.label(List.of("/usr/lib/jvm/bin/java", "-jar", "/x/app/target/preemptlab.jar")));
        assertEquals("preemptlab", ColdBench.label(List.of("/work/preemptlab")));
    }
}
