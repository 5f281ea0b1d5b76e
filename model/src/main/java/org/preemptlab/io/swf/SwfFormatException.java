package org.preemptlab.io.swf;

import java.io.IOException;

/**
 * An SWF trace that cannot be read: a malformed line, a corrupt or truncated gzip stream, a
 * missing file, or no job left after the anomaly rules and the selection.
 *
 * <p>It is a checked {@link IOException}: reading a trace is I/O, callers already handle
 * {@code IOException}, and one {@code catch} can print {@link #getMessage()} as it is. Messages
 * name the file (its display name), the 1-based line and the field, quote the offending value and
 * state the rule, e.g.
 * {@code trace.swf:1234: field 5 (allocated processors) is "abc"; must be an integer}.
 */
public class SwfFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int field;

    SwfFormatException(String source, long line, int field, String message, Throwable cause) {
        super(message, cause);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    SwfFormatException(String source, String message, Throwable cause) {
        this(source, 0, 0, message, cause);
    }

    /** The display name of the trace, e.g. {@code trace.swf}. */
    public String source() {
        return source;
    }

    /** The 1-based line number the problem is on, or 0 when it concerns the whole file. */
    public long line() {
        return line;
    }

    /** The 1-based SWF field number, or 0 when the problem is not about one field. */
    public int field() {
        return field;
    }
}
