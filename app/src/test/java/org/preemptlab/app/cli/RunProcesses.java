package org.preemptlab.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** For the live-run tests: the processes a run started, found in {@code /proc}. */
final class RunProcesses {

    private RunProcesses() {}

    /**
     * Live (non-zombie) processes whose command line or environment names the runs directory (every
     * job of a run gets its state file path there, the sample job as {@code --state}), the CLI's JVM excepted.
     */
    static List<Long> of(Path runs) {
        String marker = runs.toString();
        List<Long> found = new ArrayList<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    char state = stat.charAt(stat.lastIndexOf(')') + 2);
                    if (state == 'Z' || state == 'X') continue;
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String environ = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    boolean ofTheRun = cmdline.contains(marker) || environ.contains("PREEMPTLAB_RUN_DIR=" + marker);
                    if (ofTheRun && !cmdline.contains("org.preemptlab.app.Launcher")) found.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new AssertionError("cannot list /proc", e);
        }
        return found;
    }
}
