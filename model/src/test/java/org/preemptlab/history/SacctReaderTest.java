package org.preemptlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SacctReaderTest {

    static final String HEADER = String.join("|", SacctReader.FIELDS);

    static String row(String id, String submit, String start, String end, String elapsed, String limit, String state) {
        return id + "|j|alice|chem|cpu|normal|" + submit + "|" + submit + "|" + start + "|" + end + "|" + elapsed + "|" + limit
                + "|1|4|2000M|billing=4,cpu=4,mem=2000M,node=1|billing=4,cpu=4,mem=2000M,node=1|c1|" + state + "|1500";
    }

    static final String T0 = "2026-12-06T10:00:00";

    /** A byte-order mark before the header (a file saved on Windows): "header: no JobID field" before. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() throws Exception {
        SacctHistory h = SacctReader.read("\uFEFF" + HEADER + "\n" + row("17", T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05",
                "00:01:00", "1-02:00:00", "COMPLETED"), "s.txt");
        assertEquals(17, h.jobs().get(0).id().base());
    }

    @Test
    void readsEveryFieldOfACompletedJob() throws Exception {
        SacctHistory h = SacctReader.read(HEADER + "\n" + row("17", T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05", "00:01:00",
                "1-02:00:00", "COMPLETED"), "s.txt");
        SacctJob j = h.jobs().get(0);
        assertEquals(2, j.line());
        assertEquals(17, j.id().base());
        assertEquals("alice", j.user());
        assertEquals(65, j.waitSeconds());
        assertEquals(60, j.elapsed());
        assertEquals(26 * 3600, j.timelimit());
        assertEquals(2000, j.reqMemMb());
        assertEquals(Map.of("billing", 4L, "cpu", 4L, "mem", 2000L, "node", 1L), j.allocTres());
        assertEquals(1500, j.priority());
        assertEquals(SacctRule.REPLAYED, j.rule());
        assertEquals(1, h.count(SacctRule.REPLAYED));
        assertEquals(j.submit(), h.origin());
    }

    @Test
    void sortsEveryStateIntoItsRuleAndCountsThem() throws Exception {
        String s = HEADER + "\n"
                + row("1", T0, T0, "2026-12-06T10:00:30", "00:00:30", "00:01:00", "COMPLETED") + "\n"
                + row("2", T0, T0, "2026-12-06T10:00:30", "00:00:30", "00:01:00", "FAILED") + "\n"
                + row("3", T0, T0, "2026-12-06T10:01:05", "00:01:05", "00:01:00", "TIMEOUT") + "\n"
                + row("4", T0, "None", "2026-12-06T10:00:09", "00:00:00", "00:01:00", "CANCELLED by 1001") + "\n"
                + row("5", T0, T0, "2026-12-06T10:00:20", "00:00:20", "UNLIMITED", "CANCELLED by 0") + "\n"
                + row("6", T0, T0, "2026-12-06T10:00:20", "00:00:20", "Partition_Limit", "NODE_FAIL") + "\n"
                + row("7", T0, T0, "2026-12-06T10:00:20", "00:00:20", "00:01:00", "REQUEUED") + "\n"
                + row("8_3", T0, T0, "2026-12-06T10:00:20", "00:00:20", "00:01:00", "COMPLETED") + "\n"
                + row("8_[4-9%2]", T0, "Unknown", "Unknown", "00:00:00", "00:01:00", "PENDING") + "\n"
                + row("9+1", T0, T0, "2026-12-06T10:00:20", "00:00:20", "00:01:00", "OUT_OF_MEMORY") + "\n"
                + row("10", T0, T0, "Unknown", "00:00:20", "00:01:00", "RUNNING") + "\n"
                + row("10.batch", T0, T0, "Unknown", "00:00:20", "", "RUNNING") + "\n";
        SacctHistory h = SacctReader.read(s, "s.txt");
        assertEquals(7, h.count(SacctRule.REPLAYED));
        assertEquals(1, h.count(SacctRule.REPLAYED_REQUEUED));
        assertEquals(1, h.count(SacctRule.NEVER_STARTED));
        assertEquals(2, h.count(SacctRule.UNFINISHED));
        assertEquals(1, h.count(SacctRule.STEP));
        assertEquals("CANCELLED", h.jobs().get(3).state());
        assertEquals(SacctJob.UNLIMITED, h.jobs().get(4).timelimit());
        assertEquals(SacctJob.PARTITION_LIMIT, h.jobs().get(5).timelimit());
        SacctJobId arr = h.jobs().get(7).id();
        assertEquals(8, arr.base());
        assertEquals(3, arr.arrayTask());
        assertEquals("_3", arr.suffix());
        assertTrue(h.jobs().get(8).id().pendingArrayTasks());
        assertEquals(1, h.jobs().get(9).id().hetOffset());
        assertEquals("batch", h.jobs().get(11).id().step());
        assertEquals(8, h.replayed().size());
    }

    @Test
    void readsTheHeaderInAnyOrderAndOldReqMemSuffixes() throws Exception {
        SacctHistory h = SacctReader.read("State|Elapsed|JobID|Timelimit|Submit|End|Start|ReqMem\n"
                + "COMPLETED|2-00:00:01|5|3-00:00:00|" + T0 + "|2026-12-08T10:00:01|" + T0 + "|4Gc\n", "x");
        SacctJob j = h.jobs().get(0);
        assertEquals(2 * 86400 + 1, j.elapsed());
        assertEquals(4096, j.reqMemMb());
        assertTrue(j.reqMemPerCpu());
        assertEquals("", j.user());
    }

    @Test
    void errorsNameFileLineAndField() throws Exception {
        assertEquals("s.txt:3: Start: \"yesterday\": not a time (YYYY-MM-DDTHH:MM:SS, Unknown or None)",
                assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                        + row("1", T0, T0, T0, "00:00:00", "1", "COMPLETED") + "\n"
                        + row("2", T0, "yesterday", T0, "00:00:00", "1", "COMPLETED"), "s.txt")).getMessage());
        assertEquals("s.txt:2: Timelimit: \"1:2:3:4\": not a duration ([D-]HH:MM:SS, UNLIMITED or Partition_Limit)",
                assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                        + row("1", T0, T0, T0, "00:00:00", "1:2:3:4", "COMPLETED"), "s.txt")).getMessage());
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                + row("x7", T0, T0, T0, "00:00:00", "1", "COMPLETED"), "s.txt")).getMessage().startsWith("s.txt:2: JobID: \"x7\""));
        // beyond the longest time a run covers (100 years = 36,500 days): refused at the field, not replayed
        assertEquals("s.txt:2: Timelimit: \"36501-00:00:00\": longer than 100 years (3153600000 s), the longest time a run covers",
                assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                        + row("1", T0, T0, T0, "00:00:00", "36501-00:00:00", "COMPLETED"), "s.txt")).getMessage());
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                + row("1", T0, T0, T0, "99999999-00:00:00", "1", "COMPLETED"), "s.txt")).getMessage()
                .startsWith("s.txt:2: Elapsed: \"99999999-00:00:00\": longer than 100 years"));
        assertEquals(36500L * 86400, SacctReader.read(HEADER + "\n" + row("1", T0, T0, T0, "00:00:00", "36500-00:00:00", "COMPLETED"),
                "s.txt").jobs().get(0).timelimit());
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read("JobID|State\n1|COMPLETED\n", "s.txt"))
                .getMessage().startsWith("s.txt:1: header: no Submit field"));
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n1|2|3\n", "s.txt"))
                .getMessage().startsWith("s.txt:2: 3 fields; the header has 20"));
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                + row("1", T0, T0, T0, "00:00:00", "1", "COMPLETED").replace("2000M|", "lots|"), "s.txt"))
                .getMessage().startsWith("s.txt:2: ReqMem: \"lots\""));
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                + row("1", "2026-12-06T11:00:00", T0, T0, "00:00:00", "1", "COMPLETED"), "s.txt"))
                .getMessage().startsWith("s.txt:2: Start: \"" + T0 + "\": before Submit"));
        assertTrue(assertThrows(SacctException.class, () -> SacctReader.read("", "e.txt")).getMessage().startsWith("e.txt: empty"));
    }

    /** Random edits of a valid table: every outcome is a history or an SacctException, never anything else. */
    @Test
    void badInputNeverCrashes() throws Exception {
        String good = HEADER + "\n" + row("8_3", T0, T0, "2026-12-06T10:00:20", "1-00:00:20", "00:01:00", "COMPLETED") + "\n"
                + row("9+1", T0, "None", "None", "00:00:00", "UNLIMITED", "CANCELLED by 3") + "\n";
        String alphabet = "|:-_+[]%.0123456789TUNLIMIDnc GMK\n=,";
        Random rnd = new Random(12);
        int ok = 0, refused = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder(good);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            try {
                SacctReader.read(b.toString(), "f");
                ok++;
            } catch (SacctException e) {
                assertFalse(e.getMessage().isBlank());
                assertTrue(e.getMessage().startsWith("f"), e.getMessage());
                refused++;
            }
        }
        assertTrue(ok > 100 && refused > 100, ok + " read, " + refused + " refused");
    }

    /** The formatter-free reading of sacct's times gives the formatter's answer, or leaves the value to it. */
    @Test
    void plainTimesAreTheFormattersOnesAndImpossibleOnesAreLeftToIt() {
        Random rnd = new Random(20261207);
        int fast = 0, left = 0;
        for (int k = 0; k < 20_000; k++) {
            String v = String.format("%04d-%02d-%02dT%02d:%02d:%02d", rnd.nextInt(3) == 0 ? rnd.nextInt(10_000) : 1999 + rnd.nextInt(40),
                    rnd.nextInt(14), rnd.nextInt(33), rnd.nextInt(26), rnd.nextInt(62), rnd.nextInt(62));
            if (rnd.nextInt(20) == 0) v = v.substring(0, rnd.nextInt(v.length())) + "x" + v.substring(rnd.nextInt(v.length()));
            Long expected;
            try {
                expected = java.time.LocalDateTime.parse(v).toEpochSecond(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e) {
                expected = null;
            }
            long got = SacctReader.plainTime(v);
            if (expected == null) {
                assertEquals(Long.MIN_VALUE, got, v + " is no time");
                left++;
            } else {
                assertEquals((long) expected, got, v);
                fast++;
            }
        }
        for (String v : new String[] {"2024-02-29T23:59:59", "2000-02-29T00:00:00", "0000-01-01T00:00:00", "9999-12-31T23:59:59"}) {
            assertEquals(java.time.LocalDateTime.parse(v).toEpochSecond(java.time.ZoneOffset.UTC), SacctReader.plainTime(v), v);
        }
        for (String v : new String[] {"2023-02-29T00:00:00", "2026-12-06T24:00:00", "2026-12-06T10:00:60", "2026-12-06T10:00",
                "2026-12-06T10:00:00.5", "+2026-12-06T10:00", "2026-13-01T00:00:00"}) {
            assertEquals(Long.MIN_VALUE, SacctReader.plainTime(v), v);
        }
        assertTrue(fast > 3_000 && left > 3_000, fast + " read, " + left + " left to the formatter");
    }

    /** The split-free reading of sacct's durations gives SlurmTime's answer, or leaves the value to it. */
    @Test
    void plainDurationsAreSlurmTimesOnesAndOtherFormsAreLeftToIt() {
        Random rnd = new Random(20261207);
        String chars = "0123456789-:x ";
        int fast = 0, left = 0;
        for (int k = 0; k < 40_000; k++) {
            String v;
            if (rnd.nextBoolean()) {
                v = String.format("%02d:%02d:%02d", rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100));
                if (rnd.nextBoolean()) v = rnd.nextInt(rnd.nextBoolean() ? 100_000 : 40) + "-" + v;
                if (rnd.nextInt(8) == 0) {
                    int i = rnd.nextInt(v.length());
                    v = v.substring(0, i) + chars.charAt(rnd.nextInt(chars.length())) + v.substring(i + rnd.nextInt(2));
                }
            } else {
                StringBuilder b = new StringBuilder();
                for (int i = rnd.nextInt(12); i > 0; i--) b.append(chars.charAt(rnd.nextInt(chars.length())));
                v = b.toString();
            }
            long got = SacctReader.plainDuration(v);
            if (got < 0) {
                left++;
                continue;
            }
            fast++;
            assertEquals(org.preemptlab.slurmconf.SlurmTime.parseSeconds(v), got, v);
            assertTrue(got <= org.preemptlab.time.SimTime.MAX_SECONDS, v);
        }
        for (String v : new String[] {"00:00:00", "99:59:59", "1-00:00:00", "9999-23:59:59", "0-00:90:00"}) {
            assertEquals(org.preemptlab.slurmconf.SlurmTime.parseSeconds(v), SacctReader.plainDuration(v), v);
        }
        for (String v : new String[] {"UNLIMITED", "-1", "1:00", "100:00:00", "10000-00:00:00", "1-2:00:00", "-1-00:00:00",
                "1-00:00", "00:00:0x", " 00:00:00"}) {
            assertEquals(-1, SacctReader.plainDuration(v), v);
        }
        assertTrue(fast > 10_000 && left > 10_000, fast + " read, " + left + " left to SlurmTime");
    }

    /** Rows share equal texts and TRES maps (one object each: the history's memory), and still read as before. */
    @Test
    void rowsShareEqualTextsAndTresMaps() throws Exception {
        SacctHistory h = SacctReader.read(HEADER + "\n" + row("17", T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05", "00:01:00",
                "1-02:00:00", "COMPLETED") + "\n" + row("18", T0, "2026-12-06T10:01:05", "2026-12-06T10:03:05", "00:02:00",
                "10000-00:00:00", "completed"), "s.txt");
        SacctJob a = h.jobs().get(0), b = h.jobs().get(1);
        assertTrue(a.user() == b.user() && a.account() == b.account() && a.partition() == b.partition() && a.qos() == b.qos()
                && a.nodeList() == b.nodeList() && a.state() == b.state(), "equal texts are one string");
        assertTrue(a.reqTres() == b.reqTres() && a.allocTres() == a.reqTres(), "equal TRES texts are one map");
        assertEquals(Map.of("billing", 4L, "cpu", 4L, "mem", 2000L, "node", 1L), b.reqTres());
        assertEquals("COMPLETED", b.state());
        assertEquals(120, b.elapsed());
        assertEquals(10_000L * 86_400, b.timelimit());
        SacctException e = assertThrows(SacctException.class, () -> SacctReader.read(HEADER + "\n"
                + row("17", T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05", "00:01:00", "1-02:00:00", "COMPLETED") + "\n"
                + row("18", T0, "2026-12-06T10:01:05", "2026-12-06T10:02:05", "00:01:00", "99999-00:00:00", "COMPLETED"), "s.txt"));
        assertTrue(e.getMessage().startsWith("s.txt:3: Timelimit: \"99999-00:00:00\": longer than"), e.getMessage());
    }

    @Test
    void theRowSplitIsStringSplitsWithEveryEmptyField() {
        Random r = new Random(12);
        String alphabet = "||ab c-:[]_,=";
        for (int n = 0; n < 20000; n++) {
            StringBuilder b = new StringBuilder();
            int len = 1 + r.nextInt(30);
            for (int k = 0; k < len; k++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String line = b.toString();
            String[] expected = line.split("\\|", -1);
            assertEquals(expected.length, SacctReader.fields(line), line);
            assertEquals(java.util.Arrays.asList(expected), java.util.Arrays.asList(SacctReader.split(line, expected.length)), line);
        }
    }
}
