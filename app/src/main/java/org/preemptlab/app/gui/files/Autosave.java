package org.preemptlab.app.gui.files;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.io.report.AtomicFiles;

/**
 * Autosave and crash recovery. While a scenario has unsaved edits, the app writes the editor's
 * draft (valid or not: work in progress is kept whole) to {@code <settings>/autosave.json}; a
 * clean exit or a save removes it. Finding it at start-up means the last session ended without
 * saving, so the user is offered the draft back.
 */
public final class Autosave {

    /** What an autosave holds. {@code file} is where the scenario was last opened or saved, or null. */
    public record Snapshot(int autosaveVersion, String file, long savedAtMillis, ScenarioDraft draft) {

        public Optional<Path> originalFile() {
            return file == null ? Optional.empty() : Optional.of(Path.of(file));
        }
    }

    public static final int VERSION = 1;
    /** Records by their components: derived {@code isX()} methods (e.g. isProcessorMachine) are not state. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();

    private final Path store;

    public Autosave(Path settingsDir) {
        this.store = settingsDir.resolve("autosave.json");
    }

    public Path location() {
        return store;
    }

    public void save(ScenarioDraft draft, Path originalFile) throws IOException {
        Snapshot s = new Snapshot(VERSION, originalFile == null ? null : originalFile.toAbsolutePath().toString(),
                Instant.now().toEpochMilli(), draft);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        AtomicFiles.write(store, w -> w.write(text));
    }

    /** The unsaved work of a session that did not end cleanly, if any (an unreadable autosave is ignored). */
    public Optional<Snapshot> pending() {
        if (!Files.isRegularFile(store)) return Optional.empty();
        try {
            Snapshot s = JSON.readValue(store.toFile(), Snapshot.class);
            return s.autosaveVersion() == VERSION && s.draft() != null ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public void clear() throws IOException {
        Files.deleteIfExists(store);
    }
}
