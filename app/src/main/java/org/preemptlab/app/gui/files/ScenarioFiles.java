package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.nio.file.Path;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioValidator;
import org.preemptlab.io.scenario.ScenarioReader;
import org.preemptlab.io.scenario.ScenarioWriter;

/**
 * Scenario files for the editor, in the one scenario format the command line also runs
 * ({@code org.preemptlab.io.scenario}), version 1 (pools) and version 2 (a Slurm site): read with
 * every problem named (file, line, JSON path), written atomically in the version they were read in.
 */
public final class ScenarioFiles {

    private ScenarioFiles() {}

    /**
     * @throws ScenarioException listing every problem of the file
     * @throws IOException                                  when it cannot be read at all
     */
    public static ScenarioDraft read(Path file) throws IOException {
        // a version-2 (Slurm site) file too: the draft carries its site, node groups and the jobs' Slurm options
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
