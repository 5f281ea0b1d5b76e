package org.preemptlab.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheWholeTextAndLeavesNoTemporaryFile() throws IOException {
        Path out = dir.resolve("sub").resolve("metrics.json");
        AtomicFiles.write(out, w -> w.write("{\"a\": 1}\n"));
        assertThat(Files.readString(out)).isEqualTo("{\"a\": 1}\n");
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path out = Files.writeString(dir.resolve("events.csv"), "old\n");
        assertThatThrownBy(() -> AtomicFiles.write(out, w -> {
            w.write("half");
            throw new IOException("disk full");
        })).hasMessage("cannot write " + out + ": disk full");
        assertThat(Files.readString(out)).isEqualTo("old\n");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    /** The mode of a new file is what a plain write gives in the same directory (0666 minus the umask), not 0600. */
    @Test
    void aNewFileGetsTheModeOfAPlainWrite() throws IOException {
        assumePosix();
        Path probe = dir.resolve("probe.txt");
        try (OutputStream o = Files.newOutputStream(probe)) {
            o.write('x');
        }
        Path out = dir.resolve("scenario.json");
        AtomicFiles.write(out, w -> w.write("{}"));
        AtomicFiles.writeBytes(dir.resolve("chart.png"), o -> o.write(new byte[] {1, 2, 3}));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(probe));
        assertThat(Files.getPosixFilePermissions(dir.resolve("chart.png"))).isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw-rw-r--", "rw-------", "rwxr-xr-x"})
    void writingOverAFileKeepsItsMode(String mode) throws IOException {
        assumePosix();
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString(mode);
        Path out = Files.writeString(dir.resolve("report.csv"), "old\n");
        Files.setPosixFilePermissions(out, permissions);
        AtomicFiles.write(out, w -> w.write("new\n"));
        assertThat(Files.readString(out)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo(mode);
    }

    /** Runs where the user may give a file another of its groups (root, or a member of several groups). */
    @Test
    void writingOverAFileKeepsItsGroup() throws IOException {
        assumePosix();
        Path out = Files.writeString(dir.resolve("report.csv"), "old\n");
        PosixFileAttributeView view = Files.getFileAttributeView(out, PosixFileAttributeView.class);
        GroupPrincipal own = view.readAttributes().group();
        GroupPrincipal other = null;
        for (String name : new String[] {"users", "staff", "adm", "daemon", "nogroup", "wheel"}) {
            try {
                GroupPrincipal g = out.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
                if (g.equals(own)) continue;
                view.setGroup(g);
                other = g;
                break;
            } catch (IOException e) {
                // no such group, or not one the user may set
            }
        }
        Assumptions.assumeTrue(other != null, "the user cannot give a file another group here");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));

        AtomicFiles.write(out, w -> w.write("new\n"));

        assertThat(Files.readString(out)).isEqualTo("new\n");
        assertThat(Files.readAttributes(out, PosixFileAttributes.class).group()).isEqualTo(other);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-rw----");
    }

    @Test
    void aFullDiskNamesTheFileAndLeavesNothing() throws IOException {
        Path out = dir.resolve("E.csv");
        assertThatThrownBy(() -> AtomicFiles.write(out, w -> {
            w.write("time,event\n");
            throw new IOException("No space left on device");
        })).hasMessage("cannot write " + out + ": no space left on device");
        assertThat(out).doesNotExist();
        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path real = Files.writeString(elsewhere.resolve("real.csv"), "old\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("elsewhere", "real.csv")); // relative
        AtomicFiles.write(link, w -> w.write("new\n"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("elsewhere", "real.csv"));
        assertThat(Files.readString(real)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(link, elsewhere);
        assertThat(filesIn(elsewhere)).containsExactly(real);
    }

    @Test
    void aLinkToALinkToNothingCreatesTheFileAtTheEnd() throws IOException {
        Path end = dir.resolve("end.json");
        Path middle = Files.createSymbolicLink(dir.resolve("middle.json"), end);
        Path first = Files.createSymbolicLink(dir.resolve("first.json"), middle);
        AtomicFiles.write(first, w -> w.write("{}"));
        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(middle)).isTrue();
        assertThat(Files.readString(end)).isEqualTo("{}");
    }

    @Test
    void aLoopOfLinksIsAnErrorNamingTheFile() throws IOException {
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        assertThatThrownBy(() -> AtomicFiles.write(a, w -> w.write("x")))
                .hasMessage("cannot write " + a + ": too many levels of symbolic links");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThatThrownBy(() -> AtomicFiles.write(dir, w -> w.write("x"))).hasMessage("cannot write " + dir + ": is a directory");
    }

    @Test
    void devNullIsWrittenDirectlyAndStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        Assumptions.assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null here");
        AtomicFiles.write(devNull, w -> w.write("discarded\n"));
        AtomicFiles.together(() -> AtomicFiles.writeBytes(devNull, o -> o.write(new byte[100_000])));
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.readAttributes(devNull, java.nio.file.attribute.BasicFileAttributes.class).isOther()).isTrue();
    }

    /** /dev/full: every write fails with ENOSPC, as a full disk does. */
    @Test
    void devFullGivesOneLineNamingIt() {
        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(devFull) && !Files.isRegularFile(devFull), "no /dev/full here");
        assertThatThrownBy(() -> AtomicFiles.write(devFull, w -> w.write("x".repeat(200_000))))
                .hasMessage("cannot write /dev/full: no space left on device");
        assertThat(Files.isRegularFile(devFull)).isFalse();
    }

    @Test
    void aFifoIsWrittenDirectlyStreamingAndStaysAFifo() throws Exception {
        Path fifo = dir.resolve("events.fifo");
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available here: " + e.getMessage());
            return;
        }
        Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo failed here");
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<String> read = reader.submit(() -> Files.readString(fifo)); // blocks until the writer opens it
            AtomicFiles.write(fifo, w -> {
                for (int i = 0; i < 20_000; i++) w.write("line " + i + "\n"); // more than a pipe holds: streamed
            });
            String text = read.get(60, TimeUnit.SECONDS);
            assertThat(text).startsWith("line 0\n").endsWith("line 19999\n");
            assertThat(text.lines()).hasSize(20_000);
        } finally {
            reader.shutdownNow();
        }
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(filesIn(dir)).containsExactly(fifo);
    }

    @Test
    void dashIsStandardOutput() throws IOException {
        PrintStream was = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            AtomicFiles.write(Path.of("-"), w -> {
                w.write("a,b\n");
                w.close(); // a writer that closes its target does not close standard output
            });
            AtomicFiles.writeBytes(Path.of("-"), o -> o.write("c\n".getBytes(StandardCharsets.UTF_8)));
        } finally {
            System.setOut(was);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a,b\nc\n");
        assertThat(Path.of("-")).doesNotExist();
    }

    @Test
    void theTemporaryFileIsNamedWithThePid() throws IOException {
        Path out = dir.resolve("E.csv");
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(out, w -> {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> seen.add(f.getFileName().toString()));
            }
        });
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith(".E.csv.preemptlab-" + ProcessHandle.current().pid() + "-").endsWith(".tmp");
    }

    @Test
    void staleTemporaryFilesOfDeadProcessesAreRemovedByTheNextWrite() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Assumptions.assumeTrue(ProcessHandle.of(dead).isEmpty(), "the pid was reused at once");
        long alive = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        String host = AtomicFiles.tempName("x").replaceAll(".*@(.*)\\.tmp", "$1");
        Path stale = Files.writeString(dir.resolve(".E.csv.preemptlab-" + dead + "-0@" + host + ".tmp"), "half");
        Path otherStale = Files.writeString(dir.resolve(".M.json.preemptlab-" + dead + "-7@" + host + ".tmp"), "half");
        Path living = Files.writeString(dir.resolve(".E.csv.preemptlab-" + alive + "-0@" + host + ".tmp"), "in progress");
        Path otherHost = Files.writeString(dir.resolve(".E.csv.preemptlab-" + dead + "-0@" + host + "-not.tmp"), "elsewhere");
        Path foreign = Files.writeString(dir.resolve(".E.csv.swp"), "an editor's");
        assertThat(AtomicFiles.staleTemps(dir)).containsExactlyInAnyOrder(stale, otherStale);

        Path out = dir.resolve("E.csv");
        AtomicFiles.write(out, w -> w.write("new\n"));

        assertThat(filesIn(dir)).containsExactlyInAnyOrder(out, living, otherHost, foreign);
    }

    @Test
    void togetherCommitsAllOutputsAtTheEnd() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path b = dir.resolve("b.json");
        AtomicFiles.together(() -> {
            AtomicFiles.write(a, w -> w.write("new a\n"));
            assertThat(Files.readString(a)).isEqualTo("old a\n"); // not yet
            AtomicFiles.write(b, w -> w.write("new b\n"));
            assertThat(b).doesNotExist();
        });
        assertThat(Files.readString(a)).isEqualTo("new a\n");
        assertThat(Files.readString(b)).isEqualTo("new b\n");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aFailureAfterSomeOutputsLeavesEveryOutputAsItWas() throws IOException {
        Path a = Files.writeString(dir.resolve("a.csv"), "old a\n");
        Path b = dir.resolve("b.json");
        Path c = Files.writeString(dir.resolve("c.swf"), "old c\n");
        assertThatThrownBy(() -> AtomicFiles.together(() -> {
            AtomicFiles.write(a, w -> w.write("new a\n"));
            AtomicFiles.write(b, w -> w.write("new b\n"));
            AtomicFiles.write(c, w -> {
                w.write("half");
                throw new IOException("No space left on device");
            });
        })).hasMessage("cannot write " + c + ": no space left on device");
        assertThat(Files.readString(a)).isEqualTo("old a\n");
        assertThat(b).doesNotExist();
        assertThat(Files.readString(c)).isEqualTo("old c\n");
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(a, c);

        assertThatThrownBy(() -> AtomicFiles.together(() -> {
            AtomicFiles.write(b, w -> w.write("new b\n"));
            throw new IllegalStateException("the run failed after writing");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(filesIn(dir)).containsExactlyInAnyOrder(a, c);
    }

    private static List<Path> filesIn(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.toList();
        }
    }

    private static void assumePosix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX file permissions are not supported here");
    }
}
