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
     * A file opened for the editor: its draft, and the scenario the reader made of it, which is what the
     * editor's rules make of the draft ({@code ScenarioValidator.toScenario(draft)}, the same rules): the
     * editor takes it as the draft's judgement instead of judging the draft again (a 200k-job trace).
     */
    public record Opened(ScenarioDraft draft, Scenario scenario) {}

    /**
     * Reads a file as {@link #read} does, keeping the reader's scenario with the draft.
     *
     * @throws ScenarioException listing every problem of the file
     * @throws IOException       when it cannot be read at all
     */
    public static Opened open(Path file) throws IOException {
        Scenario scenario = ScenarioReader.read(file);
        return new Opened(ScenarioValidator.toDraft(scenario), asDrafted(scenario));
    }

    /**
     * The scenario as the editor's rules make it of the draft: a trace's jobs numbered by their place in
     * the draft (1…n in file order, as {@code ScenarioValidator.toScenario} numbers them; the reader keeps
     * the SWF job numbers, which stay the names), without their 18 original SWF fields (the draft does
     * not carry them). Other scenarios are returned as read (their ids are their places already).
     */
    private static Scenario asDrafted(Scenario s) {
        if (!s.fromTrace()) return s;
        java.util.List<org.preemptlab.job.JobSpec> specs = new java.util.ArrayList<>(s.jobs());
        specs.sort((a, b) -> Integer.compare(a.id(), b.id())); // file order, as the draft's rows
        java.util.List<org.preemptlab.job.JobSpec> jobs = new java.util.ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) jobs.add(specs.get(i).toBuilder().id(i + 1).swf(null).build());
        return s.toBuilder().jobs(jobs).build(); // sorted by submit again, stably
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
