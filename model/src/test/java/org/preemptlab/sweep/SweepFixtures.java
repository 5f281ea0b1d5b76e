package org.preemptlab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample files, and sweep files written for a test. */
final class SweepFixtures {

    private SweepFixtures() {}

    /** The repository root: the first directory up from the working directory that holds sample-clusters/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sample-clusters"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("no sample-clusters/ above " + Path.of("").toAbsolutePath());
        return dir;
    }

    static Path samples() {
        return root().resolve("sample-clusters");
    }

    /** The 1000-job KTH SP2 slice shipped in the repository. */
    static Path kthSlice() {
        return samples().resolve("traces/KTH-SP2-1996-2.1-cln-first1000.swf.gz");
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    /** A sweep over the first {@code jobs} jobs of the KTH slice with the given axes (JSON object text). */
    static String traceSweep(int jobs, String axes) {
        return "{\"formatVersion\": 1, \"name\": \"t\", \"inputs\": [{\"trace\": \"" + kthSlice().toString().replace("\\", "\\\\")
                + "\", \"name\": \"kth\", \"maxJobs\": " + jobs + "}], \"axes\": " + axes + "}";
    }
}
