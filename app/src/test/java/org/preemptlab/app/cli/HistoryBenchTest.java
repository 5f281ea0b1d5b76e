package org.preemptlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --history}: the warm, in-process replay figure of issue 12 (mechanics only; it asserts no times). */
class HistoryBenchTest {

    @Test
    void aWrittenHistoryIsReplayedTheGivenNumberOfTimesAndReported(@TempDir Path dir) throws Exception {
        Path h = dir.resolve("h");
        var w = SweepCommandTest.run("bench", "--write-history", h.toString(), "--history-jobs", "300", "--history-load", "0.8");
        assertEquals(0, w.code(), w.err());
        Path md = dir.resolve("warm.md");
        var o = SweepCommandTest.run("bench", "--history", h.toString(), "--repeat", "2", "--markdown", md.toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = Files.readAllLines(md);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("| history | jobs | read s | replay wall s"), lines.get(0));
        String row = lines.get(2);
        assertTrue(row.startsWith("| h | 300 | "), row);
        assertTrue(row.endsWith("| best of 2 |"), row);
        String[] cells = row.split("\\|");
        for (int c = 3; c <= 5; c++) assertTrue(Double.parseDouble(cells[c].strip()) >= 0, "cell " + c + " of " + row); // read, wall, CPU
        for (int c = 6; c <= 7; c++) assertTrue(Double.parseDouble(cells[c].strip().replace(",", "")) > 0, "cell " + c + " of " + row); // jobs/s, heap
    }

    @Test
    void aMissingHistoryIsNamed(@TempDir Path dir) {
        var o = SweepCommandTest.run("bench", "--history", dir.resolve("none").toString());
        assertTrue(o.code() != 0);
        assertTrue(o.err().contains("none"), o.err());
    }
}
