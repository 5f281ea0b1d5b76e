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
import org.preemptlab.io.files.AtomicFiles;

/**
 * Autosave and crash recovery. While a scenario has unsaved edits, the app writes the editor's
 * draft (valid or not: work in progress is kept whole) to {@code <settings>/autosave.json}; a
 * clean exit, a save, or dropping the edits (another scenario loaded) removes it. Finding it at
 * start-up means the last session ended without saving, so the user is offered the draft back.
 *
 * <p>Saves run in the background: {@link #generation()} is taken when the draft is taken, and
 * {@link #saveIfCurrent} writes nothing if the autosave was {@linkplain #clear() cleared} since, so a
 * late background save cannot bring back edits the user has saved or discarded. Thread-safe.
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
    private long generation;

    public Autosave(Path settingsDir) {
        this.store = settingsDir.resolve("autosave.json");
    }

    public Path location() {
        return store;
    }

    /** Changes at each {@link #clear()}: a save taken before it must not be written after it. */
    public synchronized long generation() {
        return generation;
    }

    /**
     * Writes the draft if nothing cleared the autosave since {@code taken} was read from
     * {@link #generation()}; false (nothing written) otherwise.
     */
    public synchronized boolean saveIfCurrent(long taken, ScenarioDraft draft, Path originalFile) throws IOException {
        if (taken != generation) return false;
        save(draft, originalFile);
        return true;
    }

    public synchronized void save(ScenarioDraft draft, Path originalFile) throws IOException {
        Snapshot s = new Snapshot(VERSION, originalFile == null ? null : originalFile.toAbsolutePath().toString(),
                Instant.now().toEpochMilli(), draft);
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(s);
        AtomicFiles.write(store, w -> w.write(text));
    }

    /** The unsaved work of a session that did not end cleanly, if any (an unreadable autosave is ignored). */
    public synchronized Optional<Snapshot> pending() {
        if (!Files.isRegularFile(store)) return Optional.empty();
        try {
            Snapshot s = JSON.readValue(store.toFile(), Snapshot.class);
            return s.autosaveVersion() == VERSION && s.draft() != null ? Optional.of(s) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes the autosave; saves taken before this are not written any more. */
    public synchronized void clear() throws IOException {
        generation++;
        Files.deleteIfExists(store);
    }
}
