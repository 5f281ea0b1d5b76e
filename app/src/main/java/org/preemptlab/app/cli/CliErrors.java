package org.preemptlab.app.cli;

import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class CliErrors {

    private CliErrors() {}

    static String message(Throwable e) {
        if (e instanceof NoSuchFileException nf) return nf.getFile() + ": no such file";
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            Throwable c = e.getCause();
            return c != null && c != e ? message(c) : e.getClass().getSimpleName();
        }
        return m.replace('\n', ' ').strip();
    }
}
