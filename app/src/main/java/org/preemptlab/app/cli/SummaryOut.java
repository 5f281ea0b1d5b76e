package org.preemptlab.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.preemptlab.io.files.AtomicFiles;

/**
 * Where a command prints its summary: standard output, or standard error when one of its outputs is
 * {@code -} (standard output then carries that output, and nothing else).
 */
final class SummaryOut {

    private SummaryOut() {}

    static boolean anyStdout(Path... outputs) {
        for (Path p : outputs) if (AtomicFiles.isStdout(p)) return true;
        return false;
    }

    static PrintStream stream(Path... outputs) {
        return anyStdout(outputs) ? System.err : System.out;
    }

    static PrintWriter writer(picocli.CommandLine.Model.CommandSpec spec, Path... outputs) {
        return anyStdout(outputs) ? spec.commandLine().getErr() : spec.commandLine().getOut();
    }
}
