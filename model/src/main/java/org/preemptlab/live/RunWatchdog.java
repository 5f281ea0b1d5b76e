package org.preemptlab.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A watcher outside this JVM that ends what a live run started when the JVM dies without doing
 * it (SIGKILL, a crash, the OOM killer): a small {@code bash} in its own session ({@code setsid}),
 * so in no job's process group or cgroup and never stopped or frozen with a job, that blocks
 * reading a pipe whose only write end this JVM holds. The kernel closes that end when the JVM's
 * process ends, however it ends; the watchdog then reads EOF and runs its cleanup script (the
 * backend's: end the run's process groups, thaw and remove its cgroups, cancel its Slurm jobs …).
 * Job processes never hold the write end: a child started by {@link ProcessBuilder} inherits only
 * its standard streams.
 *
 * <p>{@link #close()} after a normal end closes the pipe too: the script then finds nothing left
 * (or ends what the backend could not) and exits. The script runs with INT, HUP, QUIT and the
 * terminal stop signals ignored, so a Ctrl-C meant for the app does not end its watchdog.
 */
public final class RunWatchdog implements AutoCloseable {

    /** Blocks until EOF on stdin (the JVM is gone or closed the pipe), then runs the cleanup. */
    private static final String PROLOGUE = """
            trap '' INT HUP QUIT PIPE TSTP TTIN TTOU
            while IFS= read -r _; do :; done
            """;

    private final Process process;
    private final OutputStream pipe;

    private RunWatchdog(Process process) {
        this.process = process;
        this.pipe = process.getOutputStream();
    }

    /**
     * Starts a watchdog that runs {@code cleanupScript} (bash, with {@code args} as {@code $1 …})
     * once this JVM is gone or {@link #close()} is called.
     *
     * @param name      its {@code $0}, shown by {@code ps}
     * @param env       extra environment (e.g. {@code SLURM_CONF}); {@code PREEMPTLAB_*} job markers are removed
     * @param directory its working directory (must outlive the run; e.g. the runs directory's parent)
     * @throws IOException if {@code setsid} or {@code bash} cannot be started
     */
    public static RunWatchdog start(String name, String cleanupScript, List<String> args, Map<String, String> env, Path directory)
            throws IOException {
        Objects.requireNonNull(cleanupScript, "cleanupScript");
        List<String> argv = new ArrayList<>(List.of("setsid", "bash", "-c", PROLOGUE + cleanupScript, name));
        argv.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        if (directory != null) pb.directory(directory.toFile());
        // the watchdog is not a job: a scan for the run's job marker must not find it
        pb.environment().keySet().removeIf(k -> k.equals("PREEMPTLAB_RUN_DIR") || k.equals("PREEMPTLAB_JOB_NAME"));
        if (env != null) pb.environment().putAll(env);
        return new RunWatchdog(pb.start());
    }

    /** The watchdog's pid (its process group and session too). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Closes the pipe: the watchdog runs its cleanup now. Waits at most {@code waitMillis} for it
     * to finish (it goes on by itself after that).
     *
     * @return true if it finished within the wait
     */
    public boolean close(long waitMillis) {
        try {
            pipe.close();
        } catch (IOException e) {
            // already closed or the watchdog is gone: nothing to tell it
        }
        try {
            return process.waitFor(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** {@link #close(long)} with a 10 s wait. */
    @Override
    public void close() {
        close(10_000);
    }
}
