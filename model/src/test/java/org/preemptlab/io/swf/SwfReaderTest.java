package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.preemptlab.io.swf.SwfTestFiles.fixture;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.preemptlab.job.JobSpec;

/** Plain and gzip input, streams, line endings and the header. */
class SwfReaderTest {

    @TempDir
    Path dir;

    @Test
    void gzipAndPlainGiveTheSameTrace() throws IOException {
        Path plain = fixture("clean.swf");
        Path gz = dir.resolve("clean.swf.gz");
        Files.write(gz, SwfTestFiles.gzip(Files.readAllBytes(plain)));

        SwfTrace fromPlain = SwfReader.read(plain);
        SwfTrace fromGz = SwfReader.read(gz);

        assertThat(fromGz.jobs()).isEqualTo(fromPlain.jobs());
        assertThat(fromGz.header()).isEqualTo(fromPlain.header());
        assertThat(fromGz.report().counts()).isEqualTo(fromPlain.report().counts());
        assertThat(fromGz.report().source()).isEqualTo("clean.swf.gz");
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws IOException {
        Path gzNamedPlain = dir.resolve("trace.swf");
        Files.write(gzNamedPlain, SwfTestFiles.gzip(Files.readAllBytes(fixture("clean.swf"))));
        Path plainNamedGz = dir.resolve("trace.swf.gz");
        Files.copy(fixture("clean.swf"), plainNamedGz);

        assertThat(SwfReader.read(gzNamedPlain).jobs()).hasSize(4);
        assertThat(SwfReader.read(plainNamedGz).jobs()).hasSize(4);
    }

    @Test
    void concatenatedGzipMembersAreOneTrace() throws IOException {
        byte[] a = SwfTestFiles.gzip(("; MaxProcs: 4\n" + SwfTestFiles.jobLine(1, 0, 10, 1, 20) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] b = SwfTestFiles.gzip((SwfTestFiles.jobLine(2, 5, 10, 1, 20) + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        SwfTrace trace = SwfReader.read(new ByteArrayInputStream(both), "two.swf.gz", SwfReadOptions.defaults());

        assertThat(trace.jobs()).extracting(JobSpec::id).containsExactly(1, 2);
    }

    @Test
    void readsFromAStreamWithADisplayNameAndLeavesItOpen() throws IOException {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new FilterInputStream(Files.newInputStream(fixture("clean.swf"))) {
            @Override
            public void close() throws IOException {
                closed.set(true);
                super.close();
            }
        };

        SwfTrace trace = SwfReader.read(in, "stdin", SwfReadOptions.defaults());

        assertThat(trace.jobs()).hasSize(4);
        assertThat(trace.report().source()).isEqualTo("stdin");
        assertThat(closed).isFalse();
        in.close();
    }

    @Test
    void crlfLineEndingsTabsAndMissingFinalNewline() throws IOException {
        String text = "; MaxProcs: 8\r\n"
                + "1\t0\t-1\t100\t4\t-1\t-1\t4\t200\t-1\t1\t1\t1\t-1\t-1\t-1\t-1\t-1\r\n"
                + "\r\n"
                + "   \n"
                + "2 10 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1";
        SwfTrace trace = SwfReader.read(SwfTestFiles.write(dir, "crlf.swf", text));

        assertThat(trace.jobs()).extracting(JobSpec::id).containsExactly(1, 2);
        assertThat(trace.machineProcs()).isEqualTo(8);
        assertThat(trace.report().isClean()).isTrue();
    }

    /** A UTF-8 byte-order mark before the header (a file saved by a Windows editor): refused as "line has 3 fields" before. */
    @Test
    void aByteOrderMarkBeforeTheHeaderIsSkipped() throws IOException {
        byte[] text = ("\uFEFF; MaxProcs: 8\r\n1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("bom.swf");
        Files.write(file, text);
        SwfTrace trace = SwfReader.read(file);
        assertThat(trace.jobs()).extracting(JobSpec::id).containsExactly(1);
        assertThat(trace.machineProcs()).isEqualTo(8);
        // on a job line (no header) too
        Files.write(file, ("\uFEFF1 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n").getBytes(StandardCharsets.UTF_8));
        assertThat(SwfReader.read(file).jobs()).extracting(JobSpec::id).containsExactly(1);
    }

    @Test
    void longLinesGrowTheBuffer(@TempDir Path tmp) throws IOException {
        String padding = " ".repeat(200_000);
        String text = "1" + padding + "0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n";

        SwfTrace trace = SwfReader.read(SwfTestFiles.write(tmp, "wide.swf", text));

        assertThat(trace.jobs()).hasSize(1);
        assertThat(trace.machineProcs()).isEqualTo(4);
    }

    @Test
    void headerKeepsKnownValuesNotesAndEveryLineInOrder() throws IOException {
        SwfHeader h = SwfReader.read(fixture("clean.swf")).header();

        assertThat(h.maxProcs()).isEqualTo(16);
        assertThat(h.maxNodes()).isEqualTo(8);
        assertThat(h.maxJobs()).isEqualTo(4);
        assertThat(h.maxRecords()).isEqualTo(4);
        assertThat(h.unixStartTime()).isEqualTo(843480031L);
        assertThat(h.timeZoneString()).isEqualTo("Europe/Stockholm");
        assertThat(h.preemption()).isEqualTo("No");
        assertThat(h.notes()).containsExactly("a clean trace: no rule fires",
                "THIS IS A CLEANED VERSION OF THE LOG!\n       The filter used to produce it was\n"
                        + "         job<=14 (14 jobs removed)");
        assertThat(h.entries()).extracting(SwfHeader.Entry::key).containsExactly("Version", "Computer", "Installation",
                "Information", "MaxJobs", "MaxRecords", "Preemption", "UnixStartTime", "TimeZoneString", "MaxNodes",
                "MaxProcs", "Note", "", "Note", "");
        assertThat(h.value("information")).contains("http://example.org/\n              http://example.org/more");
        assertThat(h.values("Note")).hasSize(2);
    }

    @Test
    void headerLinesAreWrittenBackAsRead() throws IOException {
        List<String> original = Files.readAllLines(fixture("clean.swf")).stream().filter(l -> l.startsWith(";")).toList();

        assertThat(SwfReader.read(fixture("clean.swf")).header().lines()).isEqualTo(original);
    }

    @Test
    void headerWithersKeepTheDerivedValuesConsistent() {
        SwfHeader h = SwfHeader.EMPTY.withEntry("MaxProcs", "64").withNote("first").withEntry("maxprocs", "128");

        assertThat(h.maxProcs()).isEqualTo(128);
        assertThat(h.entries()).containsExactly(new SwfHeader.Entry("maxprocs", "128"), new SwfHeader.Entry("Note", "first"));
        assertThat(h.notes()).containsExactly("first");
        assertThat(h.lines()).containsExactly("; maxprocs: 128", "; Note: first");
    }

    @Test
    void headerLinesAfterTheFirstJobAreKept() throws IOException {
        String text = "; MaxProcs: 8\n" + SwfTestFiles.jobLine(1, 0, 10, 2, 20) + "\n; Note: appended later\n"
                + SwfTestFiles.jobLine(2, 5, 10, 2, 20) + "\n";

        SwfTrace trace = SwfReader.read(SwfTestFiles.write(dir, "late.swf", text));

        assertThat(trace.header().notes()).containsExactly("appended later");
        assertThat(trace.jobs()).hasSize(2);
    }

    @Test
    void streamingDeliversTheSameJobsAsRead() throws IOException {
        List<JobSpec> streamed = new ArrayList<>();
        SwfSummary summary = SwfReader.stream(fixture("clean.swf"), SwfReadOptions.defaults(), streamed::add);
        SwfTrace trace = SwfReader.read(fixture("clean.swf"));

        assertThat(streamed).isEqualTo(trace.jobs());
        assertThat(summary.jobs()).isEqualTo(4);
        assertThat(summary.machineProcs()).isEqualTo(16);
        assertThat(summary.header()).isEqualTo(trace.header());
        assertThat(summary.report().counts()).isEqualTo(trace.report().counts());
    }

    @Test
    void summaryTextListsTheRulesThatFired() throws IOException {
        String summary = SwfReader.read(fixture("zero-runtime.swf")).report().summary();

        assertThat(summary).startsWith("zero-runtime.swf: 4 job lines, 2 jobs kept, 2 lines dropped by anomaly rules\n"
                + "machine: 16 processors (header MaxProcs)\n");
        assertThat(summary).contains("ZERO_OR_MISSING_RUNTIME").contains("job 2 (line 4)");
    }

    @Test
    void readOptionsRejectEmptySelections() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SwfReadOptions.defaults().withJobRange(5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job range 5..4 is empty; first must be ≤ last");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SwfReadOptions.defaults().withMaxJobs(0))
                .hasMessage("maxJobs is 0; must be ≥ 1");
    }

    @Test
    void inputBytesAreNotDecodedPerField() throws IOException {
        // non-ASCII text in a comment is kept (UTF-8)
        Path file = SwfTestFiles.write(dir, "utf8.swf", "; Installation: Umeå universitet\n"
                + SwfTestFiles.jobLine(1, 0, 10, 1, 20) + "\n");

        assertThat(SwfReader.read(file).header().value("Installation")).contains("Umeå universitet");
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).contains("Umeå");
    }
}
