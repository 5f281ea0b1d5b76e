package org.preemptlab.io.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
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
        })).hasMessage("disk full");
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

    private static void assumePosix() {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "POSIX file permissions are not supported here");
    }
}
