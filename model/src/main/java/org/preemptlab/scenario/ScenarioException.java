package org.preemptlab.scenario;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A scenario file that cannot be used: every problem found, not just the first.
 *
 * <p>It is a checked {@link IOException}, like {@code SwfFormatException}: loading a scenario is
 * I/O, and one {@code catch (IOException e)} can print {@link #getMessage()} as it is. The message
 * is one line per problem, each prefixed with the file's display name:
 * {@code cac.json: cluster.pools[1].nodes: -2; must be ≥ 1}.
 */
public class ScenarioException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<ScenarioProblem> problems;

    public ScenarioException(String source, List<ScenarioProblem> problems) {
        super(message(source, problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<ScenarioProblem> problems) {
        return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
    }

    /** The display name of the scenario, e.g. {@code cac.json}. */
    public String source() {
        return source;
    }

    /** The problems in the order they were found (file order, then cross-checks). */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
