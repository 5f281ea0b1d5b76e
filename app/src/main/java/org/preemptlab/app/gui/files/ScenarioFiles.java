package org.preemptlab.app.gui.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.preemptlab.cluster.NodeCluster;
import org.preemptlab.scenario.Scenario;
import org.preemptlab.scenario.ScenarioDraft;
import org.preemptlab.scenario.ScenarioProblem;
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
        Scenario scenario = ScenarioReader.read(file);
        if (scenario.cluster() instanceof NodeCluster nc && nc.site() != null) {
            throw new ScenarioException(file.toString(), List.of(new ScenarioProblem("formatVersion", versionTwoRefusal(file))));
        }
        return ScenarioValidator.toDraft(scenario);
    }

    /**
     * Why the planner does not open a version-2 (Slurm cluster) file: its editor has no place yet for
     * partitions, accounts, QOS, GRES and the jobs' Slurm options, so opening the file would run it
     * without them and saving it would drop them. The command line runs it whole.
     */
    public static String versionTwoRefusal(Path file) {
        return "2 (a Slurm cluster: partitions, accounts, QOS, GRES): the planner cannot edit these yet, and opening the "
                + "file here would run it without them and lose them on save; run it whole with "
                + "`preemptlab run " + file.getFileName() + " --events-csv events.csv`";
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
