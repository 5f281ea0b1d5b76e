package org.preemptlab.io.swf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** Test helpers: the fixture files and the shared reference data next to the repository. */
final class SwfTestFiles {

    private SwfTestFiles() {
    }

    /** A fixture from {@code src/test/resources/swf/}. */
    static Path fixture(String name) {
        URL url = SwfTestFiles.class.getResource("/swf/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test fixture swf/" + name);
        }
        try {
            return Paths.get(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The {@code shared} directory that sits next to the repository ({@code /work/shared} for
     * {@code /work/main}): walks up from the working directory (surefire runs in {@code model/})
     * looking for {@code <dir>/shared/reference}.
     */
    static Optional<Path> sharedDir() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared");
            if (Files.isDirectory(candidate.resolve("reference"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A file under {@code shared/}, if that directory and file exist. */
    static Optional<Path> shared(String relative) {
        return sharedDir().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(data);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A job line with the given key values and -1 or typical values elsewhere. */
    static String jobLine(long job, long submit, long run, long procs, long requestedTime) {
        return job + " " + submit + " -1 " + run + " " + procs + " -1 -1 " + procs + " " + requestedTime
                + " -1 1 1 1 -1 -1 -1 -1 -1";
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
