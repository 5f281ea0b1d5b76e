package org.preemptlab.sweep;

import java.util.List;
import org.preemptlab.scenario.ScenarioException;
import org.preemptlab.scenario.ScenarioProblem;

/**
 * A sweep file (or a sweep's result files) that cannot be used: every problem found, one line each,
 * prefixed with the file's name: {@code sweep.json: axes.bandwidth[2]: -5; must be > 0}.
 */
public final class SweepException extends ScenarioException {

    private static final long serialVersionUID = 1L;

    public SweepException(String source, List<ScenarioProblem> problems) {
        super(source, problems);
    }

    /** One problem concerning the whole file (or a field, when {@code path} is not empty). */
    public static SweepException of(String source, String path, String message) {
        return new SweepException(source, List.of(new ScenarioProblem(path, message)));
    }
}
