package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.preemptlab.io.swf.SwfTestFiles.fixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import java.nio.file.FileSystems;
import java.nio.file.attribute.PosixFilePermissions;
import org.preemptlab.job.JobSpec;

/** Writing simulated schedules and reading them back. */
class SwfWriterTest {

    @TempDir
    Path dir;

    /** A fake schedule: job i waits 10·i seconds and runs its full run time. */
    private static List<SwfScheduleRow> schedule(List<JobSpec> jobs) {
        List<SwfScheduleRow> rows = new ArrayList<>();
        for (JobSpec job : jobs) {
            rows.add(SwfScheduleRow.completed(job, job.submit() + 10L * job.id()));
        }
        return rows;
    }

    @Test
    void roundTripKeepsTheJobsAndWritesTheWait() throws IOException {
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        Path out = dir.resolve("out.swf");

        new SwfWriter().withPolicy("easy").write(out, input.header(), schedule(input.jobs()));
        SwfTrace back = SwfReader.read(out);

        assertThat(back.report().isClean()).isTrue();
        assertThat(back.machineProcs()).isEqualTo(input.machineProcs());
        assertThat(back.jobs()).hasSameSizeAs(input.jobs());
        for (int i = 0; i < input.jobs().size(); i++) {
            JobSpec before = input.jobs().get(i);
            JobSpec after = back.jobs().get(i);
            assertThat(after.id()).isEqualTo(before.id());
            assertThat(after.submit()).isEqualTo(before.submit());
            assertThat(after.procs()).isEqualTo(before.procs());
            assertThat(after.estimate()).isEqualTo(before.estimate());
            assertThat(after.runtime()).isEqualTo(before.runtime());
            long[] f = after.swf();
            assertThat(f[SwfField.WAIT_TIME.index()]).as("field 3 = wait").isEqualTo(10L * before.id());
            assertThat(f[SwfField.RUN_TIME.index()]).isEqualTo(before.runtime());
            assertThat(f[SwfField.ALLOCATED_PROCESSORS.index()]).isEqualTo(before.procs());
            assertThat(f[SwfField.STATUS.index()]).isEqualTo(SwfScheduleRow.STATUS_COMPLETED);
            for (SwfField field : List.of(SwfField.JOB_NUMBER, SwfField.REQUESTED_PROCESSORS,
                    SwfField.REQUESTED_TIME, SwfField.USER_ID, SwfField.GROUP_ID, SwfField.QUEUE_NUMBER)) {
                assertThat(f[field.index()]).as(field.label()).isEqualTo(before.swf()[field.index()]);
            }
        }
        assertThat(back.header().entries()).startsWith(input.header().entries().toArray(SwfHeader.Entry[]::new));
        assertThat(back.header().notes()).last().isEqualTo("simulated by PreemptLab easy");
    }

    @Test
    void writesEighteenIntegerFieldsPerLineInJobNumberOrder() throws IOException {
        SwfTrace input = SwfReader.read(fixture("unsorted.swf"));
        Path out = dir.resolve("out.swf");

        new SwfWriter().write(out, input.header(), schedule(input.jobs()));

        List<String> jobLines = Files.readAllLines(out).stream().filter(l -> !l.startsWith(";")).toList();
        assertThat(jobLines).hasSize(6);
        assertThat(jobLines).allSatisfy(l -> assertThat(l.split("\\s+")).hasSize(18).allMatch(s -> s.matches("-?\\d+")));
        assertThat(jobLines).extracting(l -> l.split(" ")[0]).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(jobLines.get(2)).isEqualTo("3 5 30 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1");
        assertThat(Files.readAllLines(out)).contains("; Note: simulated by PreemptLab");
    }

    @Test
    void startOrderIsAvailable() throws IOException {
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        List<SwfScheduleRow> rows = List.of(
                new SwfScheduleRow(input.jobs().get(0), 500, 600, 1),
                new SwfScheduleRow(input.jobs().get(1), 100, 150, 1),
                new SwfScheduleRow(input.jobs().get(2), 5, 305, 0),
                new SwfScheduleRow(input.jobs().get(3), 60, 61, 5));
        Path out = dir.resolve("out.swf");

        new SwfWriter().withOrder(SwfWriter.Order.START).write(out, input.header(), rows);

        assertThat(Files.readAllLines(out).stream().filter(l -> !l.startsWith(";")).map(l -> l.split(" ")[0]))
                .containsExactly("3", "4", "2", "1");
    }

    @Test
    void gzipOutputWhenTheNameEndsInGz() throws IOException {
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        Path out = dir.resolve("out.swf.gz");

        new SwfWriter().write(out, input.header(), schedule(input.jobs()));

        byte[] bytes = Files.readAllBytes(out);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        assertThat(SwfReader.read(out).jobs()).hasSize(4);
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        Path out = dir.resolve("out.swf");
        Files.writeString(out, "old content\n");

        new SwfWriter().write(out, input.header(), schedule(input.jobs()));

        assertThat(Files.readString(out)).startsWith("; Version: 2.2\n").doesNotContain("old content");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    /** A new file gets the mode of a plain write in the same directory; a file written over keeps its mode. */
    @Test
    void newFilesGetTheUsersModeAndOverwrittenFilesKeepTheirs() throws IOException {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX modes here");
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        Path probe = Files.writeString(dir.resolve("probe.txt"), "x");
        Path fresh = dir.resolve("fresh.swf");
        new SwfWriter().write(fresh, input.header(), schedule(input.jobs()));
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(Files.getPosixFilePermissions(probe));

        Path shared = Files.writeString(dir.resolve("shared.swf"), "old\n");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-rw-r--"));
        Path secret = Files.writeString(dir.resolve("secret.swf"), "old\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        new SwfWriter().write(shared, input.header(), schedule(input.jobs()));
        new SwfWriter().write(secret, input.header(), schedule(input.jobs()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-rw-r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(shared)).startsWith("; Version: 2.2\n");
    }

    @Test
    void createsMissingParentDirectories() throws IOException {
        SwfTrace input = SwfReader.read(fixture("clean.swf"));
        Path out = dir.resolve("results/run-1/out.swf");

        new SwfWriter().write(out, input.header(), schedule(input.jobs()));

        assertThat(out).isRegularFile();
    }

    @Test
    void jobsWithoutSwfFieldsGetMinimalLines() {
        JobSpec job = JobSpec.ofProcessors(7, 100, 8, 3600, 1800);

        String line = SwfWriter.line(new SwfScheduleRow(job, 130, 1930, 1));

        assertThat(line).isEqualTo("7 100 30 1800 8 -1 -1 8 3600 -1 1 -1 -1 -1 -1 -1 -1 -1");
    }

    @Test
    void preemptedJobsWriteEndMinusStartAsRunTime() {
        JobSpec job = JobSpec.ofProcessors(7, 100, 8, 3600, 1800);

        long[] f = SwfWriter.fields(new SwfScheduleRow(job, 100, 2500, 1));

        assertThat(f[SwfField.WAIT_TIME.index()]).isZero();
        assertThat(f[SwfField.RUN_TIME.index()]).isEqualTo(2400);
    }

    @Test
    void rowsRejectStartsBeforeSubmitAndEndsBeforeStart() {
        JobSpec job = JobSpec.ofProcessors(7, 100, 8, 3600, 1800);

        assertThatThrownBy(() -> new SwfScheduleRow(job, 99, 200, 1))
                .hasMessage("job 7: start 99 is before its submit time 100");
        assertThatThrownBy(() -> new SwfScheduleRow(job, 150, 149, 1))
                .hasMessage("job 7: end 149 is before its start 150");
    }
}
