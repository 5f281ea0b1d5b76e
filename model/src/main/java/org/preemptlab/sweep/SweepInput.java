package org.preemptlab.sweep;

import java.nio.file.Path;
import java.util.Objects;
import org.preemptlab.scenario.Scenario;

/**
 * One workload a sweep runs every combination of its axes on, already read.
 *
 * @param name     short name used in variant labels (unique within the sweep)
 * @param source   the scenario file or SWF trace, absolute
 * @param scenario what was read; a trace becomes a processor-machine scenario with the
 *                 {@code simulate} command's defaults (EASY, fixed checkpoint and restart times)
 */
public record SweepInput(String name, Path source, Scenario scenario) {

    public SweepInput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(scenario, "scenario");
    }
}
