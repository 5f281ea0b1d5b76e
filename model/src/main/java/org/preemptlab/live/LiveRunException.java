package org.preemptlab.live;

/** A live run could not go on (it overran its deadline, …). */
public final class LiveRunException extends RuntimeException {

    public LiveRunException(String message) {
        super(message);
    }

    public LiveRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
