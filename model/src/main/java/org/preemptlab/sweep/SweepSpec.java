package org.preemptlab.sweep;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parameter sweep as read from a sweep file ({@link SweepReader}): workloads × axes.
 *
 * @param name        short name (Slurm job name, summaries)
 * @param description what the sweep asks, or empty
 * @param file        the sweep file, absolute
 * @param inputs      the workloads, in file order
 * @param axes        the values tried
 */
public record SweepSpec(String name, String description, Path file, List<SweepInput> inputs, SweepAxes axes) {

    public SweepSpec {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(file, "file");
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(axes, "axes");
        if (inputs.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one input");
    }

    /** Every variant, by id ({@link Grid#of}). */
    public List<Variant> variants() {
        return Grid.of(this);
    }
}
