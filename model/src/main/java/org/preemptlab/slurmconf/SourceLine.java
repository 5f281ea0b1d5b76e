package org.preemptlab.slurmconf;

/**
 * One logical line of a configuration file: comments removed, continuation lines joined, with
 * the file (as shown in messages) and the number of its first physical line.
 */
public record SourceLine(String file, int line, String text) {

    /** {@code file:line}, the prefix of every message about this line. */
    public String where() {
        return file + ":" + line;
    }
}
