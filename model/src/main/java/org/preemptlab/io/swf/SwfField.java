package org.preemptlab.io.swf;

/**
 * The 18 fields of an SWF job line (Standard Workload Format 2.2), in file order.
 *
 * <p>{@link #number()} is the 1-based field number used in the SWF definition and in error
 * messages; {@link #index()} is the 0-based position in {@link org.preemptlab.job.JobSpec#swf()}.
 * A value of -1 means "missing" in every field.
 */
public enum SwfField {
    JOB_NUMBER("job number", Kind.INTEGER),
    SUBMIT_TIME("submit time", Kind.TIME),
    WAIT_TIME("wait time", Kind.TIME),
    RUN_TIME("run time", Kind.TIME),
    ALLOCATED_PROCESSORS("allocated processors", Kind.INTEGER),
    AVERAGE_CPU_TIME("average CPU time", Kind.MEASURE),
    USED_MEMORY("used memory", Kind.MEASURE),
    REQUESTED_PROCESSORS("requested processors", Kind.INTEGER),
    REQUESTED_TIME("requested time", Kind.TIME),
    REQUESTED_MEMORY("requested memory", Kind.MEASURE),
    STATUS("status", Kind.INTEGER),
    USER_ID("user id", Kind.INTEGER),
    GROUP_ID("group id", Kind.INTEGER),
    EXECUTABLE_NUMBER("executable number", Kind.INTEGER),
    QUEUE_NUMBER("queue number", Kind.INTEGER),
    PARTITION_NUMBER("partition number", Kind.INTEGER),
    PRECEDING_JOB_NUMBER("preceding job number", Kind.INTEGER),
    THINK_TIME("think time", Kind.MEASURE);

    /** Number of fields on every SWF job line. */
    public static final int COUNT = 18;

    /** How the reader treats a value written with a decimal point. */
    enum Kind {
        /** Must be integral; {@code 12.0} is accepted, {@code 12.5} is a format error. */
        INTEGER,
        /** Rounded to whole seconds; a non-zero fraction is counted as {@link SwfAnomaly#FRACTIONAL_TIME}. */
        TIME,
        /** Measured, unused by the simulation: rounded to an integer, counted only as information. */
        MEASURE
    }

    private static final SwfField[] VALUES = values();

    private final String label;
    private final Kind kind;

    SwfField(String label, Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /** The 1-based field number of the SWF definition. */
    public int number() {
        return ordinal() + 1;
    }

    /** The 0-based index into {@code JobSpec.swf()}. */
    public int index() {
        return ordinal();
    }

    /** Human-readable name, e.g. {@code allocated processors}. */
    public String label() {
        return label;
    }

    Kind kind() {
        return kind;
    }

    /** The field with the given 0-based index. */
    public static SwfField ofIndex(int index) {
        return VALUES[index];
    }
}
