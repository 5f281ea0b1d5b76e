package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.app.gui.scenario.ScenarioDraft;
import org.preemptlab.app.gui.scenario.ScenarioException;
import org.preemptlab.app.gui.scenario.ScenarioMapping;
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
     * @throws org.preemptlab.scenario.ScenarioException listing every problem of the file
     * @throws IOException                                  when it cannot be read at all
     */
    public static ScenarioDraft read(Path file) throws IOException {
        return ScenarioMapping.fromScenario(ScenarioReader.read(file));
    }

    /**
     * Writes the draft (temporary file, then rename).
     *
     * @throws ScenarioException when the draft has problems (nothing is written)
     */
    public static void write(ScenarioDraft draft, Path file) throws ScenarioException, IOException {
        ScenarioWriter.write(ScenarioMapping.toScenario(draft), file);
    }
}
