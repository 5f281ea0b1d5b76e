package org.preemptlab.io.files;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTargetsTest {

    @TempDir
    Path dir;

    @Test
    void anOutputThatIsTheInputIsRefusedNamingBothOptions() throws IOException {
        Path s = Files.writeString(dir.resolve("s.json"), "{}");
        assertThatThrownBy(() -> OutputTargets.create().input("SCENARIO.json", s).output("--metrics-json", s).check())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--metrics-json " + s + " is the same file as SCENARIO.json " + s
                        + "; the output would overwrite the input: write it elsewhere");
    }

    @Test
    void theSameFileThroughASymbolicLinkADotDotOrAHardLinkIsRefused() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path trace = Files.writeString(sub.resolve("t.swf"), "; MaxProcs: 4\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.swf"), trace);
        Path hard = Files.createLink(dir.resolve("hard.swf"), trace);
        Path dotted = sub.resolve("..").resolve("sub").resolve("t.swf");
        for (Path out : new Path[] {link, hard, dotted}) {
            assertThatThrownBy(() -> OutputTargets.create().input("--trace", trace).output("--out-swf", out).check())
                    .as(out.toString()).hasMessageStartingWith("--out-swf " + out + " is the same file as --trace " + trace);
        }
        // and the input given through the link
        assertThatThrownBy(() -> OutputTargets.create().input("--trace", link).output("--out-swf", trace).check())
                .hasMessageStartingWith("--out-swf " + trace + " is the same file as --trace " + link);
    }

    @Test
    void twoOutputsThatAreTheSameFileAreRefusedEvenBeforeTheyExist() throws IOException {
        Path e = dir.resolve("out.csv");
        assertThatThrownBy(() -> OutputTargets.create().output("--events-csv", e).output("--metrics-json", e).check())
                .hasMessage("--events-csv " + e + " and --metrics-json " + e + " are the same file; give each output its own file");
        Path link = Files.createSymbolicLink(dir.resolve("m.json"), e); // dangling: points at the other output
        assertThatThrownBy(() -> OutputTargets.create().output("--events-csv", e).output("--metrics-json", link).check())
                .hasMessageContaining("are the same file");
        assertThatThrownBy(() -> OutputTargets.create().output("--events-csv", Path.of("-")).output("--metrics-json", Path.of("-")).check())
                .hasMessage("--events-csv - and --metrics-json - both write to standard output; give each output its own file");
    }

    @Test
    void devNullMayTakeSeveralOutputsAndDistinctFilesPass() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/null")));
        Path in = Files.writeString(dir.resolve("s.json"), "{}");
        assertThatCode(() -> OutputTargets.create().input("SCENARIO.json", in)
                .output("--events-csv", Path.of("/dev/null")).output("--out-swf", Path.of("/dev/null"))
                .output("--metrics-json", dir.resolve("m.json")).output("--csv", Path.of("-")).check()).doesNotThrowAnyException();
    }

    @Test
    void aMissingDirectoryOrAFileAsDirectoryIsRefusedWithThePathAndTheReason() throws IOException {
        Path missing = dir.resolve("nodir").resolve("E.csv");
        assertThatThrownBy(() -> OutputTargets.create().output("--events-csv", missing).check())
                .hasMessage("--events-csv " + missing + ": the directory " + missing.getParent() + " does not exist");
        Path file = Files.writeString(dir.resolve("t.swf"), "");
        Path under = file.resolve("out.swf");
        assertThatThrownBy(() -> OutputTargets.create().output("--out-swf", under).check())
                .hasMessage("--out-swf " + under + ": " + file + " is not a directory");
        assertThatThrownBy(() -> OutputTargets.create().output("--png", dir).check())
                .hasMessage("--png " + dir + ": is a directory; give a file name");
    }

    @Test
    void aDirectoryWithoutWritePermissionIsRefused() throws IOException {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "the user may write anywhere (root)");
            Path out = ro.resolve("E.csv");
            assertThatThrownBy(() -> OutputTargets.create().output("--events-csv", out).check())
                    .hasMessage("--events-csv " + out + ": cannot create files in " + ro + " (permission denied)");
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
