package org.preemptlab.app.gui.scenario;

/**
 * One problem of a draft, tied to the field that causes it.
 *
 * @param field a path like {@code pools[1].nodes} or {@code jobs[4].estimate}
 */
public record ValidationIssue(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
