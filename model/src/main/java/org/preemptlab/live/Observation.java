package org.preemptlab.live;

/**
 * One thing a live backend saw, stamped with the wall clock ({@link System#nanoTime()}) on the
 * thread that saw it. Observations cross from the backend's threads to the driver's thread through
 * the backend's {@link LiveBackend#observations() queue}.
 *
 * @param wallNanos {@link System#nanoTime()} when it was seen
 * @param job       the job's index in the run
 * @param launch    which launch of the job (the backend's own counter, 1-based)
 * @param exitCode  for {@link ObservedKind#EXITED}: the exit code (128 + n for signal n); else 0
 * @param detail    plain words (pid, file, Slurm state), for logs
 */
public record Observation(long wallNanos, int job, int launch, ObservedKind kind, int exitCode, String detail) {

    public static Observation of(int job, int launch, ObservedKind kind, String detail) {
        return new Observation(System.nanoTime(), job, launch, kind, 0, detail);
    }

    public static Observation exited(int job, int launch, int exitCode, String detail) {
        return new Observation(System.nanoTime(), job, launch, ObservedKind.EXITED, exitCode, detail);
    }
}
