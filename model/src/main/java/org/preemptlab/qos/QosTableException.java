package org.preemptlab.qos;

import java.util.List;

/** A QOS table that cannot be used: every problem found, one per line, each naming its place. */
public class QosTableException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public QosTableException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) throw new IllegalArgumentException("a QosTableException needs at least one problem");
        this.problems = List.copyOf(problems);
    }

    /** Each as {@code path: value; rule}, e.g. {@code qos[high].preempt: cycle high → low → high; …}. */
    public List<String> problems() {
        return problems;
    }
}
