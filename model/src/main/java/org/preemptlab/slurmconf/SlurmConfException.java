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

    private static String message(List<String> problems) {
        if (problems.size() <= SHOWN) return String.join("\n", problems);
        return String.join("\n", problems.subList(0, SHOWN)) + "\n… and " + (problems.size() - SHOWN) + " more problem(s)";
    }
}
