package org.preemptlab.app.cli;

import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class CliErrors {

    private CliErrors() {}

    /**
     * A scenario that was read but cannot be run (the engine refuses a state the reader could not judge,
     * e.g. a job already running on a node a window takes at 0): the engine's reason, prefixed with the file.
     */
    static IllegalArgumentException cannotRun(java.nio.file.Path scenario, RuntimeException e) {
        Object name = scenario.getFileName() == null ? scenario : scenario.getFileName();
        return new IllegalArgumentException(name + ": cannot be run: " + message(e), e);
    }

    /**
     * The line for a run that ran out of memory or stack (an input too big or too deeply nested for this JVM, which
     * the readers and the engine did not refuse first): what ran out, the command, what to do. No stack trace.
     */
    static String resources(VirtualMachineError e, String[] args) {
        String command = args.length == 0 ? "the command" : String.join(" ", args);
        if (command.length() > 200) command = command.substring(0, 200) + "…";
        if (e instanceof StackOverflowError) {
            return "ran out of stack in `" + command + "`: an input nested too deeply (or a defect: please report it)";
        }
        return "out of memory in `" + command + "` (" + (Runtime.getRuntime().maxMemory() >> 20) + " MB of heap"
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "): the input is too large for this heap;"
                + " give Java more (PREEMPTLAB_JAVA_OPTIONS=-Xmx8g) or use a smaller input";
    }

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException nf) return nf.getFile() + ": no such file";
        if (e instanceof java.nio.file.AccessDeniedException a) return a.getFile() + ": permission denied";
        if (e instanceof java.nio.file.NotDirectoryException n) return n.getFile() + ": not a directory";
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT));
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            return c != null && c != e ? message(c) : e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ').strip();
    }
}
