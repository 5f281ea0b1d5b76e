package org.preemptlab.io.swf;

/** Where the machine size (number of processors P) of a trace came from, in order of precedence. */
public enum MachineSizeSource {
    /** The caller's override ({@code --procs}, {@link SwfReadOptions#procs()}). */
    OPTION("the --procs option"),
    /** The header line {@code ; MaxProcs: N}. */
    MAX_PROCS("header MaxProcs"),
    /** The header line {@code ; MaxNodes: N} (no usable MaxProcs). */
    MAX_NODES("header MaxNodes"),
    /** Neither option nor header: the largest job's processors. Oversized jobs cannot be detected. */
    INFERRED("inferred from the largest job: no --procs, MaxProcs or MaxNodes");

    private final String description;

    MachineSizeSource(String description) {
        this.description = description;
    }

    /** For users, e.g. {@code header MaxProcs}. */
    public String description() {
        return description;
    }
}
