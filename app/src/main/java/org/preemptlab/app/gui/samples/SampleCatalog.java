package org.preemptlab.app.gui.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.preemptlab.io.files.AtomicFiles;

/**
 * Where the sample scenarios are and what each one teaches. The build copies
 * {@code sample-clusters/*.json} into the jar under {@value #RESOURCE_DIR}; a
 * {@code sample-clusters/} folder next to the working directory (a checkout) or given by
 * {@code -Dpreemptlab.samples=DIR} is preferred, so edits to the files show at once. Bundled
 * samples are copied out to {@code <settings>/samples/} and opened from there, so they open, run
 * and save like any scenario file.
 */
public final class SampleCatalog {

    /** Where the build puts the samples inside the jar (and {@code target/classes}). */
    public static final String RESOURCE_DIR = "org/preemptlab/app/samples";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleCatalog() {}

    /**
     * The folder to list: {@code -Dpreemptlab.samples}, else {@code sample-clusters/} here or one
     * level up, else the bundled samples copied out to {@code settingsDir/samples}; empty when there
     * are none anywhere.
     */
    public static Optional<Path> locate(Path settingsDir) {
        List<Path> dirs = new ArrayList<>();
        String override = System.getProperty("preemptlab.samples");
        if (override != null) dirs.add(Path.of(override));
        dirs.add(Path.of("sample-clusters"));
        dirs.add(Path.of("..", "sample-clusters"));
        for (Path dir : dirs) {
            if (Files.isDirectory(dir)) return Optional.of(dir.toAbsolutePath().normalize());
        }
        if (settingsDir == null) return Optional.empty();
        Path copy = settingsDir.resolve("samples");
        try {
            return extractBundled(copy) > 0 ? Optional.of(copy.toAbsolutePath().normalize()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The {@code *.json} files of {@code dir}, sorted by name; empty if it cannot be listed. */
    public static List<Path> files(Path dir) {
        List<Path> files = new ArrayList<>();
        if (dir == null || !Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : s) files.add(p.toAbsolutePath().normalize());
        } catch (IOException e) {
            return List.of();
        }
        files.sort(null);
        return files;
    }

    /** Every sample of {@code dir} with its title and description, sorted by file name. */
    public static List<SampleEntry> list(Path dir) {
        return files(dir).stream().map(SampleCatalog::describe).toList();
    }

    /**
     * The name and description of one scenario file, read without simulating or loading a trace it
     * may reference; a file that is not JSON is listed with the problem.
     */
    public static SampleEntry describe(Path file) {
        String fileName = file.getFileName().toString();
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                return new SampleEntry(fileName, fileName, "", file, fileName + ": not a JSON object");
            }
            JsonNode name = root.get("name");
            return new SampleEntry(fileName, name != null && name.isTextual() ? name.asText() : fileName,
                    description(root.get("description")), file, null);
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new SampleEntry(fileName, fileName, "", file, fileName + ": cannot be read: " + why);
        }
    }

    private static String description(JsonNode node) {
        if (node == null || node.isNull()) return "";
        if (node.isTextual()) return node.asText();
        if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(l -> lines.add(l.asText()));
            return String.join("\n", lines);
        }
        return "";
    }

    /**
     * Copies the samples bundled with the application into {@code target} (files that are missing or
     * differ; others are left alone) and returns how many there are.
     */
    public static int extractBundled(Path target) throws IOException {
        Path classes = codeSource();
        if (classes == null) return 0;
        if (Files.isDirectory(classes)) return copyJson(classes.resolve(RESOURCE_DIR), target);
        try (FileSystem jar = FileSystems.newFileSystem(classes)) {
            return copyJson(jar.getPath("/" + RESOURCE_DIR), target);
        }
    }

    private static int copyJson(Path from, Path target) throws IOException {
        if (!Files.isDirectory(from)) return 0;
        int n = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(from, "*.json")) {
            for (Path p : s) {
                byte[] bytes = Files.readAllBytes(p);
                Path out = target.resolve(p.getFileName().toString());
                if (!Files.exists(out) || !Arrays.equals(Files.readAllBytes(out), bytes)) {
                    Files.createDirectories(target);
                    AtomicFiles.writeBytes(out, o -> o.write(bytes));
                }
                n++;
            }
        }
        return n;
    }

    /** The jar (or classes folder) this class was loaded from, or null. */
    private static Path codeSource() {
        try {
            var source = SampleCatalog.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
