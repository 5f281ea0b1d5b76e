package org.preemptlab.history;

/** A row or header of an sacct table that cannot be read: the message names {@code file:line}, the field and the value. */
public final class SacctException extends Exception {

    private static final long serialVersionUID = 1L;

    public SacctException(String message) {
        super(message);
    }
}
