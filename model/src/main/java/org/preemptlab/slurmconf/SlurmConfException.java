package org.preemptlab.slurmconf;

import java.util.List;

/**
 * A configuration file Slurm would not accept (or that cannot be read faithfully). Every problem
 * names the file, the line and the key, e.g.
 * {@code slurm.conf:34: PartitionName=gpu MaxTime=1-xx:00: not a Slurm time (days-hours:minutes:seconds)}.
 * All problems of a file are collected before this is thrown; the message lists them, one a line.
 */
public final class SlurmConfException extends RuntimeException {

    /** At most this many problems are listed in the message (all are in {@link #problems()}). */
    static final int SHOWN = 20;

    private final List<String> problems;

    public SlurmConfException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public SlurmConfException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    /** A problem longer than this is shortened in the message (a 10 MB line was quoted whole, all 10 MB on stderr). */
    static final int SHOWN_CHARS = 500;

    private static String message(List<String> problems) {
        List<String> shown = problems.subList(0, Math.min(SHOWN, problems.size())).stream().map(SlurmConfException::shortened).toList();
        if (problems.size() <= SHOWN) return String.join("\n", shown);
        return String.join("\n", shown) + "\n… and " + (problems.size() - SHOWN) + " more problem(s)";
    }

    /** The problem, or its first {@value #SHOWN_CHARS} characters, "…" and its length. */
    static String shortened(String problem) {
        if (problem.length() <= SHOWN_CHARS) return problem;
        return problem.substring(0, SHOWN_CHARS) + "… (" + problem.length() + " characters)";
    }
}
