package org.preemptlab.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Finds the workplace's {@code shared/} folder (reference outputs, traces) next to the repository. */
public final class SharedFiles {

    private SharedFiles() {}

    public static Optional<Path> shared() {
        Path dir = Paths.get("").toAbsolutePath();
        for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("shared"), dir.resolveSibling("shared")}) {
                if (candidate != null && Files.isDirectory(candidate.resolve("reference"))) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The file under shared/, or skips the calling test with a message when it is absent. */
    public static Path require(String relative) {
        Optional<Path> shared = shared();
        Assumptions.assumeTrue(shared.isPresent(), "../shared is absent: skipping a test that needs shared/" + relative);
        Path file = shared.get().resolve(relative);
        Assumptions.assumeTrue(Files.exists(file), file + " is absent: skipping");
        return file;
    }
}
