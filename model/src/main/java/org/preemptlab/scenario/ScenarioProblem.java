package org.preemptlab.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario file, for showing next to its field.
 *
 * @param path    the JSON path of the field, e.g. {@code cluster.pools[1].nodes} or {@code jobs[2]};
 *                empty when the problem concerns the whole file (unreadable, malformed JSON)
 * @param message the offending value and the rule, e.g. {@code -2; must be ≥ 1}
 */
public record ScenarioProblem(String path, String message) {

    public ScenarioProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or just the message when there is no path. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
