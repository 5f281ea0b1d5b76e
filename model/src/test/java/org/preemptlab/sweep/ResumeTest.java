package org.preemptlab.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.sim.ProgressListener;

/** An interrupted sweep keeps its rows; --resume runs only the missing ids. */
class ResumeTest {

    @TempDir
    Path dir;

    private SweepSpec spec() throws IOException {
        return SweepReader.read(SweepFixtures.write(dir, "s.json", SweepFixtures.traceSweep(100,
                "{\"policy\": [\"fcfs\", \"easy\", \"conservative\"], \"alpha\": [\"original\", 1, 0.5]}")));
    }

    /** Runs the sweep into the files the way the sweep command does; returns the ids that ran. */
    private static Set<Integer> sweep(SweepSpec spec, List<ResultWriter.Output> out, boolean resume) throws IOException {
        Set<Integer> ran = Collections.synchronizedSet(new TreeSet<>());
        try (ResultWriter w = new ResultWriter(out, resume)) {
            var done = w.done();
            var todo = spec.variants().stream().filter(v -> !done.containsKey(v.id())).toList();
            SweepRunner.run(spec, todo, 2, row -> {
                ran.add(row.id());
                w.write(row);
            }, ProgressListener.NONE);
            w.finishSorted();
        }
        return ran;
    }

    private static List<String> withoutWall(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void resumeAfterATruncatedFileRunsOnlyTheMissingIds() throws IOException {
        SweepSpec spec = spec();
        Path csv = dir.resolve("r.csv");
        Path json = dir.resolve("r.json");
        List<ResultWriter.Output> out = List.of(new ResultWriter.Output(csv, RowFormat.CSV),
                new ResultWriter.Output(json, RowFormat.JSON_LINES));
        assertThat(sweep(spec, out, false)).hasSize(9);
        List<String> full = withoutWall(csv);
        assertThat(full).hasSize(10);

        // an interrupted sweep: the header, rows 0..3, and row 4 cut in the middle
        List<String> lines = Files.readAllLines(csv);
        String cut = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 20);
        Files.writeString(csv, cut);
        Files.delete(json);
        assertThat(ResultFile.read(csv, RowFormat.CSV).droppedTail()).isTrue();
        assertThat(ResultFile.read(csv, RowFormat.CSV).rows().keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);

        assertThat(sweep(spec, out, true)).containsExactly(4, 5, 6, 7, 8);
        assertThat(withoutWall(csv)).isEqualTo(full);
        assertThat(ResultFile.read(json, RowFormat.JSON_LINES).rows().keySet()).hasSize(9);
        // resuming a complete sweep runs nothing
        assertThat(sweep(spec, out, true)).isEmpty();
        assertThat(withoutWall(csv)).isEqualTo(full);
    }

    /** A sweep that stops half-way leaves its result file as it was and its rows in the journal, which --resume reads. */
    @Test
    void aFailedSweepLeavesTheResultFileAloneAndItsRowsInTheJournal() throws IOException {
        SweepSpec spec = spec();
        Path csv = Files.writeString(dir.resolve("r.csv"), "an older file\n");
        List<ResultWriter.Output> out = List.of(new ResultWriter.Output(csv, RowFormat.CSV));
        Path journal = dir.resolve("r.csv" + ResultWriter.JOURNAL_SUFFIX);
        try (ResultWriter w = new ResultWriter(out, false)) {
            assertThatThrownBy(() -> SweepRunner.run(spec, spec.variants(), 1, row -> {
                if (row.id() == 4) throw new IOException("the disk is gone");
                w.write(row);
            }, ProgressListener.NONE)).hasMessageContaining("the disk is gone");
        }
        assertThat(Files.readString(csv)).isEqualTo("an older file\n");
        assertThat(ResultFile.read(journal, RowFormat.CSV).rows().keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);

        Files.delete(csv);
        assertThat(sweep(spec, out, true)).containsExactly(4, 5, 6, 7, 8);
        assertThat(ResultFile.read(csv, RowFormat.CSV).rows()).hasSize(9);
        assertThat(journal).doesNotExist();
    }

    @Test
    void aLastLineWithoutItsLineBreakIsRunAgainEvenIfItParses() throws IOException {
        SweepSpec spec = spec();
        Path csv = dir.resolve("r.csv");
        List<ResultWriter.Output> out = List.of(new ResultWriter.Output(csv, RowFormat.CSV));
        sweep(spec, out, false);
        String text = Files.readString(csv);
        Files.writeString(csv, text.substring(0, text.length() - 1)); // row 8 lost its line break only
        assertThat(sweep(spec, out, true)).containsExactly(8);
        assertThat(ResultFile.read(csv, RowFormat.CSV).rows()).hasSize(9);
    }

    @Test
    void withoutResumeTheFileStartsOver() throws IOException {
        SweepSpec spec = spec();
        Path csv = dir.resolve("r.csv");
        List<ResultWriter.Output> out = List.of(new ResultWriter.Output(csv, RowFormat.CSV));
        sweep(spec, out, false);
        assertThat(sweep(spec, out, false)).hasSize(9);
        assertThat(Files.readAllLines(csv)).hasSize(10);
    }

    @Test
    void aBrokenCompleteLineOrAForeignFileIsAnError() throws IOException {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, String.join(",", SweepRow.COLUMNS) + "\n0,a,b,c,,,,,,many,1,1,1,1,0,0,0,0,0,0,0\n");
        assertThatThrownBy(() -> ResultFile.read(csv, RowFormat.CSV))
                .hasMessage("r.csv: line 2: jobs is \"many\"; must be a whole number");
        Files.writeString(csv, "time,event\n");
        assertThatThrownBy(() -> new ResultWriter(List.of(new ResultWriter.Output(csv, RowFormat.CSV)), true))
                .hasMessageStartingWith("r.csv: line 1: header is \"time,event\"; not a sweep result file");
        assertThat(Files.readString(csv)).isEqualTo("time,event\n"); // left alone
    }

    @Test
    void rowsSurviveBothFormatsExactly() {
        SweepRow r = new SweepRow(7, "in,put \"q\" policy=easy", "in,put \"q\"", "easy", "", "", "0.5", "", "",
                12, 1.0 / 3, 1e-17, 0.123456789012345678, 99, 1, 2, 3, 4, Math.PI, Double.MIN_VALUE, 0.25);
        for (RowFormat f : RowFormat.values()) {
            assertThat(f.parse(f.format(r))).as(f.name()).isEqualTo(r);
        }
        assertThat(RowFormat.CSV.format(r)).startsWith("7,\"in,put \"\"q\"\" policy=easy\",");
        List<String> cells = new ArrayList<>(RowFormat.split(RowFormat.CSV.format(r)));
        assertThat(cells).hasSize(SweepRow.COLUMNS.size());
    }
}
