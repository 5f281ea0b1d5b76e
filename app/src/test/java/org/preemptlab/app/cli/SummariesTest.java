package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.metrics.MaintenanceCost;
import org.preemptlab.metrics.Metrics;
import org.preemptlab.sim.MaintenanceStrategy;
import org.preemptlab.sim.MaintenanceWindow;

/**
 * The commands' summary lines are for people: durations in d / h / min, work in core-hours, shares
 * in %; the files for programs keep seconds (the metrics JSON of the same run is checked alongside).
 */
class SummariesTest {

    @TempDir
    Path dir;

    private static Metrics metrics(long makespan, double meanWait, double lostCoreSeconds, double ioCoreSeconds) {
        return new Metrics(40, 40, meanWait, 0, 0, 0, 3.456, 0.8734, 5.25, makespan, 0.125, Map.of(), Map.of(),
                lostCoreSeconds, ioCoreSeconds, 0, 0, 0, 0, Map.of(), 0.07);
    }

    @Test
    void theMetricsJsonListsTheRunsFactsInOneOrderWhateverTheCallersMap() throws Exception {
        // Map.of's iteration order is salted per JVM: a command passing one made the same run write different bytes
        java.util.Map<String, Object> oneWay = new java.util.LinkedHashMap<>();
        oneWay.put("procs", 240);
        oneWay.put("policy", "easy");
        java.util.Map<String, Object> otherWay = new java.util.LinkedHashMap<>();
        otherWay.put("policy", "easy");
        otherWay.put("procs", 240);
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        JsonFiles.writeMetrics(a, metrics(1000, 10, 0, 0), 1.5, oneWay);
        JsonFiles.writeMetrics(b, metrics(1000, 10, 0, 0), 1.5, otherWay);
        String text = java.nio.file.Files.readString(a);
        assertThat(text).isEqualTo(java.nio.file.Files.readString(b));
        assertThat(text.indexOf("\"policy\"")).isPositive().isLessThan(text.indexOf("\"procs\""));
    }

    @Test
    void theRunSummaryIsInHumanUnits() {
        assertThat(Summaries.run("Owner pools", "easy", metrics(28_763_776, 18_368.625, 45_000, 29_447_968)))
                .isEqualTo("Owner pools (easy): 40 jobs, mean wait 5 h 06 min, mean bounded slowdown 3.46, utilization 87.3 %, "
                        + "5 preempted, lost 12.5 core-h, checkpoint+restart 8,180 core-h, makespan 332 d 22 h");
    }

    @Test
    void theSimulateSummaryIsInHumanUnits() {
        assertThat(Summaries.simulate("easy", "KTH.swf", 100, metrics(165_300, 4.5, 0, 0), 1.234))
                .isEqualTo("easy on KTH.swf (100 processors): 40 jobs, mean wait 4.5 s, mean bounded slowdown 3.46, "
                        + "utilization 87.3 %, mean queue 5.25, makespan 1 d 22 h, 1.23 s wall");
    }

    @Test
    void theWallTimeIsWrittenAsStringFormatWritesIt() {
        java.util.Random random = new java.util.Random(16);
        java.util.List<Double> values = new java.util.ArrayList<>(java.util.List.of(0.0, -0.0, 0.005, 0.015, 0.125, 1.005, 2.675,
                0.994999, 0.995, 9.999, 99.995, 1e-9, 123_456_789.125, 1e20, -1.234, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE));
        for (int i = 0; i < 20_000; i++) {
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(8)));
            values.add(random.nextInt(100_000) / 1000.0); // three decimals: the half-way cases
        }
        for (double v : values) {
            assertThat(Summaries.twoDecimals(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
    }

    @Test
    void theMaintenanceHeaderAndRowsAreInHumanUnits() {
        MaintenanceWindow w = new MaintenanceWindow("fs-upgrade", 43_200, 14_400, new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                MaintenanceStrategy.DRAIN, 0);
        assertThat(Summaries.maintenanceHeader("Maintenance", w, 36_000))
                .isEqualTo("Maintenance: window fs-upgrade at 12 h 00 min for 4 h on 8 nodes; idle counted over the 10 h before it");
        assertThat(Summaries.maintenanceHeader("M", new MaintenanceWindow("w", 600, 60, new int[] {3}, MaintenanceStrategy.DRAIN, 0), 3600))
                .isEqualTo("M: window w at 10 min 00 s for 1 min on 1 node; idle counted over the 10 min before it");
        String row = Summaries.maintenanceRow(new MaintenanceCost("drain", 36_000, 12.345, 0, 0, 3.5, 1_234.5, 0));
        assertThat(row.split("\\|")).extracting(String::strip)
                .containsExactly("drain", "12.3", "1.85", "0", "0", "3.5", "20 min 35 s", "0", "none");
        assertThat(row.indexOf('|', 30)).as("columns line up with the header")
                .isEqualTo(Summaries.MAINTENANCE_COLUMNS.indexOf('|', 30));
    }

    @Test
    void theRunCommandPrintsHumanUnitsAndItsJsonKeepsSeconds() throws Exception {
        Path json = dir.resolve("m.json");
        String out = captured(() -> PreemptLabCommand.execute(new String[] {"run", BreakEvenCommandTest.sample("maintenance-checkpoint.json")
                .toString(), "--metrics-json", json.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        assertThat(out).containsPattern("mean wait (\\d+(\\.\\d)? s|[\\d,]+ (min|h|d)( \\d+ (s|min|h))?),")
                .containsPattern("makespan [\\d,]+ (min|h|d)( \\d+ (s|min|h))?\\s*$")
                .containsPattern("utilization \\d+(\\.\\d+)? %")
                .contains(" core-h")
                .doesNotContainPattern("\\d+ core-s").doesNotContainPattern("makespan \\d+ s");
        String text = Files.readString(json);
        assertThat(text).containsPattern("\"makespanSeconds\"\\s*:\\s*\\d+").containsPattern("\"meanWaitSeconds\"\\s*:\\s*\\d");
    }

    @Test
    void theMaintenanceCommandPrintsTheWindowInHumanUnits() throws Exception {
        String out = captured(() -> PreemptLabCommand.execute(new String[] {"maintenance",
                BreakEvenCommandTest.sample("maintenance-checkpoint.json").toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        assertThat(out.lines().findFirst().orElseThrow()).containsPattern("window \\S+ at \\d+ h \\d\\d min for [\\d ]+(h|min)")
                .doesNotContainPattern("at \\d+ s for");
        assertThat(out).contains(Summaries.MAINTENANCE_COLUMNS);
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("drain "))
                .anySatisfy(l -> assertThat(l).startsWith("checkpoint "))
                .anySatisfy(l -> assertThat(l).startsWith("checkpoint-before "));
    }

    private static String captured(java.util.function.IntSupplier command) {
        PrintStream before = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code;
        try (PrintStream to = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(to);
            code = command.getAsInt();
        } finally {
            System.setOut(before);
        }
        assertThat(code).isZero();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
