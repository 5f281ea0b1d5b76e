package org.preemptlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read of a large text in two halves on two threads ({@link SacctReader#read(String, String, int)} with a small split
 * size) against the one-thread read of the same text ({@link SacctReader#read(java.io.Reader, String)}): the same jobs
 * with the same line numbers, the same counts, the same first error. Mutations this catches: the second half's line
 * numbers counted without its lone '\r' breaks or from the wrong line (job lines and error lines differ), the halves
 * appended in the other order, the second half's error reported before the first's, its counts not merged.
 */
class SacctSplitReadProperties {

    private static final String T0 = "2026-12-06T10:00:00";

    /** A text of {@code rows} rows from {@code seed}: line breaks \n, \r\n or \r, blank lines, some bad rows. */
    static String text(long seed, int rows, int badPerMille, boolean bom) {
        java.util.Random rnd = new java.util.Random(seed);
        StringBuilder b = new StringBuilder(bom ? "\uFEFF" : "");
        if (rnd.nextInt(4) == 0) b.append("\n  \n"); // blank lines before the header
        b.append(SacctReaderTest.HEADER);
        for (int i = 1; i <= rows; i++) {
            int brk = rnd.nextInt(10);
            b.append(brk < 6 ? "\n" : brk < 8 ? "\r\n" : "\r");
            if (rnd.nextInt(20) == 0) {
                b.append(rnd.nextBoolean() ? "" : "   ");
                continue;
            }
            String id = rnd.nextInt(8) == 0 ? (100 + i) + "_" + rnd.nextInt(9) : Integer.toString(100 + i);
            String state = List.of("COMPLETED", "FAILED", "TIMEOUT", "CANCELLED by 5", "PENDING").get(rnd.nextInt(5));
            boolean ran = !state.equals("PENDING");
            String row = SacctReaderTest.row(id, T0, ran ? "2026-12-06T10:01:05" : "Unknown", ran ? "2026-12-06T10:02:05" : "Unknown",
                    "00:01:00", "1-02:00:00", state);
            if (rnd.nextInt(1000) < badPerMille) row = rnd.nextBoolean() ? row.replace("00:01:00", "0x:01:00") : row + "|extra";
            b.append(row);
        }
        if (rnd.nextBoolean()) b.append('\n');
        return b.toString();
    }

    @Property(tries = 60)
    void twoHalvesReadAsOne(@ForAll long seed, @ForAll @IntRange(min = 0, max = 400) int rows, @ForAll @IntRange(min = 0, max = 6) int bad,
            @ForAll boolean bom, @ForAll @IntRange(min = 1, max = 5000) int split) throws Exception {
        String t = text(seed, rows, bad, bom);
        Object one = outcome(() -> SacctReader.read(new java.io.StringReader(t), "s.txt"));
        Object two = outcome(() -> SacctReader.read(t, "s.txt", split));
        assertEquals(one, two);
    }

    /** The split is taken (a split size of 1), on a text whose second half has lone '\r' breaks and the first error. */
    @Test
    void secondHalfErrorsNameTheirLines() throws Exception {
        StringBuilder b = new StringBuilder(SacctReaderTest.HEADER);
        for (int i = 1; i <= 40; i++) {
            b.append(i % 3 == 0 ? "\r" : i % 3 == 1 ? "\r\n" : "\n");
            b.append(SacctReaderTest.row(Integer.toString(i), T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05",
                    i == 35 ? "bad" : "00:01:00", "1-02:00:00", "COMPLETED"));
        }
        String t = b.toString();
        SacctException e = assertThrows(SacctException.class, () -> SacctReader.read(t, "s.txt", 1));
        assertEquals("s.txt:36: Elapsed: \"bad\": not a duration ([D-]HH:MM:SS, UNLIMITED or Partition_Limit)", e.getMessage());
        String fine = t.replace("|bad|", "|00:01:00|");
        SacctHistory h = SacctReader.read(fine, "s.txt", 1);
        assertEquals(40, h.jobs().size());
        for (int i = 0; i < 40; i++) assertEquals(i + 2, h.jobs().get(i).line());
        assertEquals(h, SacctReader.read(new java.io.StringReader(fine), "s.txt"));
    }

    /** Both halves bad: the first half's error is the read's (and the second thread has ended: no thread of it is left). */
    @Test
    void theFirstHalfsErrorComesFirst() {
        StringBuilder b = new StringBuilder(SacctReaderTest.HEADER);
        for (int i = 1; i <= 40; i++) {
            b.append('\n').append(SacctReaderTest.row(Integer.toString(i), T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05",
                    i == 3 || i == 38 ? "bad" : "00:01:00", "1-02:00:00", "COMPLETED"));
        }
        SacctException e = assertThrows(SacctException.class, () -> SacctReader.read(b.toString(), "s.txt", 1));
        assertEquals("s.txt:4: Elapsed: \"bad\": not a duration ([D-]HH:MM:SS, UNLIMITED or Partition_Limit)", e.getMessage());
        assertEquals(Set.of(), liveHalves());
    }

    /** A file read from bytes (ASCII, UTF-8, not UTF-8) as the stream reads it. */
    @Test
    void filesReadAsTheStreamReadsThem(@TempDir Path dir) throws Exception {
        String ascii = text(7, 300, 0, false);
        String utf8 = text(8, 300, 0, true).replace("|alice|", "|zoë|");
        for (String t : List.of(ascii, utf8)) {
            Path f = dir.resolve("h.txt");
            Files.writeString(f, t, StandardCharsets.UTF_8);
            assertEquals(SacctReader.read(new java.io.StringReader(t), "h.txt"), SacctReader.read(f));
        }
        Path bad = dir.resolve("bad.txt");
        byte[] bytes = (SacctReaderTest.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBad = java.util.Arrays.copyOf(bytes, bytes.length + 2);
        withBad[bytes.length] = (byte) 0xC3;
        withBad[bytes.length + 1] = (byte) 0x28; // not UTF-8
        Files.write(bad, withBad);
        SacctException e = assertThrows(SacctException.class, () -> SacctReader.read(bad));
        assertEquals("bad.txt: not UTF-8 text", e.getMessage());
    }

    @Test
    void lineBreaksCountAsReadLineReadsThem() throws Exception {
        for (String t : List.of("a\n", "a\r\n", "a\rb\n", "\r\r\n\n", "x\r\ny\rz\n")) {
            int n = 0;
            java.io.BufferedReader r = new java.io.BufferedReader(new java.io.StringReader(t));
            while (r.readLine() != null) n++;
            assertEquals(n, SacctReader.lineBreaks(t), t);
        }
    }

    private static Set<String> liveHalves() {
        Set<String> names = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().equals("preemptlab-sacct-second-half")) names.add(t.getName());
        return names;
    }

    private interface Read {
        SacctHistory read() throws Exception;
    }

    /** The history read, or the error's class and message. */
    private static Object outcome(Read r) {
        try {
            return r.read();
        } catch (Exception e) {
            return List.of(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }
}
