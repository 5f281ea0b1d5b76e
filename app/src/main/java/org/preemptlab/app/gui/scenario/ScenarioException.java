package org.preemptlab.app.gui.scenario;

import java.util.List;

/** A draft that cannot be turned into a run; lists every problem with its field. */
public final class ScenarioException extends Exception {

    private final transient List<ValidationIssue> issues;

    public ScenarioException(List<ValidationIssue> issues) {
        super(summary(issues));
        this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
        return issues;
    }

    private static String summary(List<ValidationIssue> issues) {
        if (issues.isEmpty()) return "invalid scenario";
        String first = issues.get(0).toString();
        return issues.size() == 1 ? first : first + " (and " + (issues.size() - 1) + " more)";
    }
}
