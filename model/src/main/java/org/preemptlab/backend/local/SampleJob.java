package org.preemptlab.backend.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Finds the sample job program {@code preemptlab-job.sh}: the system property
 * {@code preemptlab.jobScript}, the environment variable {@code PREEMPTLAB_JOB_SCRIPT}, a class-path
 * resource {@code /org/preemptlab/backend/local/preemptlab-job.sh} (copied out to a file), or
 * {@code installer/jobs/preemptlab-job.sh} in the working directory or one of its parents.
 */
public final class SampleJob {

    public static final String FILE_NAME = "preemptlab-job.sh";
    static final String RESOURCE = "/org/preemptlab/backend/local/" + FILE_NAME;

    private SampleJob() {}

    /** The program to run, extracting it into {@code extractDir} when it comes from the class path. */
    public static Path locate(Path extractDir) {
        return find(extractDir).orElseThrow(() -> new IllegalStateException(
                "The sample job program (" + FILE_NAME + ") was not found.\nMaybe set -Dpreemptlab.jobScript=PATH or "
                        + "PREEMPTLAB_JOB_SCRIPT=PATH, or run from the repository (installer/jobs/" + FILE_NAME + ")."));
    }

    static Optional<Path> find(Path extractDir) {
        String prop = System.getProperty("preemptlab.jobScript");
        if (prop != null && !prop.isBlank()) return Optional.of(Path.of(prop).toAbsolutePath());
        String env = System.getenv("PREEMPTLAB_JOB_SCRIPT");
        if (env != null && !env.isBlank()) return Optional.of(Path.of(env).toAbsolutePath());
        try (InputStream in = SampleJob.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Files.createDirectories(extractDir);
                Path out = extractDir.resolve(FILE_NAME);
                Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                return Optional.of(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + RESOURCE + " to " + extractDir + ": " + e.getMessage(), e);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("installer").resolve("jobs").resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
