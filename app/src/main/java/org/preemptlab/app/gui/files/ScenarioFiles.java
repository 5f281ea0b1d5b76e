package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;

/**
 * Scenario files for the editor, in the one scenario format the command line also runs
 * ({@code org.preemptlab.io.scenario}): read with every problem named (file, line, JSON path),
 * written atomically.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {}

    /**
     * @throws ScenarioException listing every problem of the file
     * @throws IOException                                  when it cannot be read at all
     */
    public static ScenarioDraft read(Path file) throws IOException {
        return ScenarioValidator.toDraft(ScenarioReader.read(file));
    }

    /**
     * Writes the draft (temporary file, then rename).
     *
     * @throws ScenarioException when the draft has problems (nothing is written)
     */
    public static void write(ScenarioDraft draft, Path file) throws ScenarioException, IOException {
        ScenarioWriter.write(ScenarioValidator.toScenario(draft), file);
    }
}
