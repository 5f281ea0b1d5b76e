package org.preemptlab.app.gui.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.preemptlab.io.files.AtomicFiles;

/**
 * The most recently opened or saved scenario files, newest first, kept in
 * {@code <settings>/recent.json}. A broken or missing list is treated as empty, never as an error.
 */
public final class RecentFiles {

    public static final int MAX = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;

    public RecentFiles(Path settingsDir) {
        this.store = settingsDir.resolve("recent.json");
    }

    public List<Path> list() {
        if (!Files.isRegularFile(store)) return List.of();
        try {
            String[] names = JSON.readValue(store.toFile(), String[].class);
            List<Path> paths = new ArrayList<>();
            for (String n : names) if (n != null && !n.isBlank()) paths.add(Path.of(n));
            return List.copyOf(paths);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts the file first (once). */
    public void add(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(list());
        paths.remove(abs);
        paths.add(0, abs);
        save(paths.subList(0, Math.min(MAX, paths.size())));
    }

    public void remove(Path file) throws IOException {
        List<Path> paths = new ArrayList<>(list());
        if (paths.remove(file.toAbsolutePath().normalize())) save(paths);
    }

    private void save(List<Path> paths) throws IOException {
        List<String> names = paths.stream().map(Path::toString).toList();
        AtomicFiles.write(store, w -> w.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(names)));
    }
}
