package org.preemptlab.backend.slurm;

/** A Slurm command failed; the message quotes the command, its exit code and its error output. */
public final class SlurmCommandException extends RuntimeException {

    public SlurmCommandException(String message) {
        super(message);
    }

    public SlurmCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
