package org.preemptlab.io.swf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.preemptlab.io.swf.SwfTestFiles.fixture;
import static org.preemptlab.io.swf.SwfTestFiles.jobLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed-input case, with the exact message users see. */
class SwfFormatErrorsTest {

    @TempDir
    Path dir;

    private static String lines(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            sb.append(jobLine(i, i * 10L, 100, 4, 200)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void textInANumericFieldNamesFileLineFieldAndValue() throws IOException {
        String text = "; MaxProcs: 16\n" + lines(1232)
                + "1233 12330 -1 100 abc -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n";
        Path file = SwfTestFiles.write(dir, "trace.swf", text);

        SwfFormatException e = catchThrowableOfType(SwfFormatException.class, () -> SwfReader.read(file));

        assertThat(e).hasMessage("trace.swf:1234: field 5 (allocated processors) is \"abc\"; must be an integer");
        assertThat(e.source()).isEqualTo("trace.swf");
        assertThat(e.line()).isEqualTo(1234);
        assertThat(e.field()).isEqualTo(5);
    }

    @Test
    void textInAFixtureField() {
        assertThatThrownBy(() -> SwfReader.read(fixture("text-in-field.swf")))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage("text-in-field.swf:3: field 5 (allocated processors) is \"abc\"; must be an integer");
    }

    @Test
    void textInATimeFieldMustBeANumber() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", "1 0 -1 1h 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n");

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf:1: field 4 (run time) is \"1h\"; must be a number");
    }

    @Test
    void aFractionInAnIntegerFieldIsAnError() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", "1 0 -1 100 4 -1 -1 12.5 200 -1 1 1 1 -1 -1 -1 -1 -1\n");

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf:1: field 8 (requested processors) is \"12.5\"; must be an integer");
    }

    @Test
    void numbersWithoutDigitsAreErrors() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", "1 0 -1 100 4 . -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n");

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf:1: field 6 (average CPU time) is \".\"; must be a number");
    }

    @Test
    void tooManyDigitsAreAnError() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf",
                "1 0 -1 1234567890123456789 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n");

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf:1: field 4 (run time) is \"1234567890123456789\"; must have at most 18 digits");
    }

    @Test
    void jobNumbersMustFitAnInt() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", "3000000000 0 -1 100 4 -1 -1 4 200 -1 1 1 1 -1 -1 -1 -1 -1\n");

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf:1: field 1 (job number) is \"3000000000\"; must be an integer from 0 to 2147483647");
    }

    @Test
    void aLineWithTooFewFields() {
        SwfFormatException e = catchThrowableOfType(SwfFormatException.class,
                () -> SwfReader.read(fixture("bad-field-count.swf")));

        assertThat(e).hasMessage("bad-field-count.swf:12: line has 17 fields; SWF needs 18");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.field()).isZero();
    }

    @Test
    void aLineWithTooManyFields() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", lines(11) + jobLine(12, 120, 100, 4, 200) + " 7\n");

        assertThatThrownBy(() -> SwfReader.read(file)).hasMessage("trace.swf:12: line has 19 fields; SWF needs 18");
    }

    @Test
    void aBadNumericHeaderValue() {
        assertThatThrownBy(() -> SwfReader.read(fixture("bad-header.swf")))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage("bad-header.swf:2: header MaxProcs is \"lots\"; must be a whole number from 1 to 1000000 (or -1: unknown)");
    }

    @Test
    void truncatedGzipStreamNamesTheLastCompleteLine() throws IOException {
        // lines 1..5321 are flushed completely, then the stream is cut in the middle of line 5322
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int complete;
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
            gz.write(lines(5321).getBytes(StandardCharsets.US_ASCII));
            gz.flush();
            complete = bytes.size();
            gz.write(lines(6000).getBytes(StandardCharsets.US_ASCII));
        }
        Path file = dir.resolve("trace.swf.gz");
        Files.write(file, Arrays.copyOf(bytes.toByteArray(), complete));

        SwfFormatException e = catchThrowableOfType(SwfFormatException.class, () -> SwfReader.read(file));

        assertThat(e).hasMessage("trace.swf.gz: truncated gzip stream after line 5321");
        assertThat(e.line()).isEqualTo(5321);
    }

    @Test
    void gzipCutInsideItsHeader() throws IOException {
        Path file = dir.resolve("trace.swf.gz");
        Files.write(file, Arrays.copyOf(SwfTestFiles.gzip(lines(3).getBytes(StandardCharsets.US_ASCII)), 5));

        assertThatThrownBy(() -> SwfReader.read(file)).hasMessage("trace.swf.gz: truncated gzip stream after line 0");
    }

    @Test
    void corruptGzipTrailer() throws IOException {
        byte[] gz = SwfTestFiles.gzip(("; MaxProcs: 16\n" + lines(7)).getBytes(StandardCharsets.US_ASCII));
        gz[gz.length - 8] ^= 0x55; // CRC32 of the data
        Path file = dir.resolve("trace.swf.gz");
        Files.write(file, gz);

        assertThatThrownBy(() -> SwfReader.read(file))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage("trace.swf.gz: corrupt gzip stream after line 8 (Corrupt GZIP trailer)");
    }

    @Test
    void noJobsLeftSaysHowManyWereDroppedAndWhy() {
        assertThatThrownBy(() -> SwfReader.read(fixture("all-dropped.swf")))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage("all-dropped.swf: no jobs to simulate: 3 job lines read, "
                        + "3 dropped (2 ZERO_OR_MISSING_RUNTIME, 1 MISSING_PROCESSORS)");
    }

    @Test
    void noJobsInsideTheSelection() {
        SwfReadOptions options = SwfReadOptions.defaults().withJobRange(2, 4).withSubmitWindow(1000, 2000);

        assertThatThrownBy(() -> SwfReader.read(fixture("clean.swf"), options))
                .hasMessage("clean.swf: no jobs to simulate: 4 job lines read, 1 outside the job range 2..4, "
                        + "3 outside the submit window [1000, 2000)");
    }

    @Test
    void noJobsBecauseAllAreOversizedSuggestsProcs() throws IOException {
        Path file = SwfTestFiles.write(dir, "trace.swf", "; MaxProcs: 2\n" + lines(2));

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf: no jobs to simulate: 2 job lines read, 2 dropped (2 OVERSIZED_PROCESSORS)\n"
                        + "Maybe the machine size 2 (header MaxProcs) is too small: set --procs.");
    }

    @Test
    void aFileWithoutJobLines() {
        assertThatThrownBy(() -> SwfReader.read(fixture("header-only.swf")))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage("header-only.swf: no jobs to simulate: the file has no job lines");
    }

    @Test
    void anEmptyStreamHasNoJobs() {
        assertThatThrownBy(() -> SwfReader.read(new java.io.ByteArrayInputStream(new byte[0]), "stdin",
                SwfReadOptions.defaults()))
                .hasMessage("stdin: no jobs to simulate: the file has no job lines");
    }

    @Test
    void fileNotFound() {
        Path missing = dir.resolve("missing.swf");

        SwfFormatException e = catchThrowableOfType(SwfFormatException.class, () -> SwfReader.read(missing));

        assertThat(e).hasMessage("missing.swf: file not found (" + missing.toAbsolutePath() + ")");
        assertThat(e.line()).isZero();
    }

    @Test
    void aDirectoryIsNotATrace() {
        assertThatThrownBy(() -> SwfReader.read(dir))
                .isInstanceOf(SwfFormatException.class)
                .hasMessage(dir.getFileName() + ": is a directory (" + dir.toAbsolutePath() + ")");
    }

    @Test
    void otherCompressionsAreNamed() throws IOException {
        Path file = dir.resolve("trace.swf.bz2");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("BZh91AY&SY".getBytes(StandardCharsets.US_ASCII));
        }

        assertThatThrownBy(() -> SwfReader.read(file))
                .hasMessage("trace.swf.bz2: bzip2 compression is not supported; decompress the file or recompress it with gzip");
    }
}
