package org.preemptlab.slurmconf;

import java.util.List;

/**
 * {@code SelectType} and {@code SelectTypeParameters}. Slurm's default is {@code select/cons_tres}
 * with {@code CR_Core_Memory}; {@code select/linear} allocates whole nodes.
 *
 * @param unit what is consumed: {@code CPU}, {@code CORE} or {@code SOCKET} ({@code NODE} for select/linear)
 * @param memory whether memory is a consumable resource ({@code *_Memory})
 * @param parameters the parameters as written
 */
public record SelectSettings(String type, String unit, boolean memory, List<String> parameters) {

    public static final SelectSettings DEFAULTS = new SelectSettings("select/cons_tres", "CORE", true, List.of());

    public SelectSettings {
        parameters = List.copyOf(parameters);
    }

    /** Whether several jobs may share a node (select/cons_tres). */
    public boolean sharesNodes() {
        return !type.equalsIgnoreCase("select/linear");
    }
}
