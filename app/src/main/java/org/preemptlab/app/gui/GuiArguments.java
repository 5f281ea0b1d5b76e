package org.preemptlab.app.gui;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the planner window was asked for on the command line (anything that is not a CLI command):
 * at most one scenario file to open — a path ending in {@code .json} that exists, which is how the
 * desktop's file association starts the app ({@code PreemptLab file.json}) — and
 * {@code --smoke-test}. Plain Java, no JavaFX: the launcher checks the arguments before it starts
 * the toolkit, so a typo is one line on stderr and exit code 64 rather than an empty window.
 *
 * @param scenario the scenario file to open (absolute, normalized), or null for the built-in default
 * @param smokeTest open, run to the end, check, print a summary and exit ({@link SmokeTest})
 */
public record GuiArguments(Path scenario, boolean smokeTest) {

    public static final String SMOKE_TEST = "--smoke-test";

    /** Exit code of bad arguments (EX_USAGE, as the CLI's). */
    public static final int USAGE_ERROR = 64;

    public Optional<Path> scenarioFile() {
        return Optional.ofNullable(scenario);
    }

    /**
     * Reads the window's arguments; paths are relative to the working directory.
     *
     * @throws IllegalArgumentException naming the argument and what is wrong with it
     */
    public static GuiArguments parse(List<String> args) {
        Objects.requireNonNull(args, "args");
        Path file = null;
        String fileArgument = null;
        boolean smoke = false;
        for (String a : args) {
            if (a.equals(SMOKE_TEST)) {
                smoke = true;
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException(a + ": unknown option; without a command the window takes a scenario "
                        + "file (*.json) and " + SMOKE_TEST + "; the commands are listed by --help");
            } else if (!a.toLowerCase(Locale.ROOT).endsWith(".json")) {
                throw new IllegalArgumentException(a + ": neither a command nor a scenario file (scenario files end in .json); "
                        + "the commands are listed by --help");
            } else if (fileArgument != null) {
                throw new IllegalArgumentException(a + ": only one scenario file can be opened at a time (" + fileArgument
                        + " was given first)");
            } else {
                fileArgument = a;
                file = existingFile(a);
            }
        }
        return new GuiArguments(file, smoke);
    }

    private static Path existingFile(String argument) {
        Path p;
        try {
            p = Path.of(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(argument + ": not a valid path (" + e.getReason() + ")");
        }
        if (Files.isDirectory(p)) throw new IllegalArgumentException(argument + ": is a directory; expected a scenario file");
        if (!Files.isRegularFile(p)) throw new IllegalArgumentException(argument + ": no such scenario file (looked at " + p + ")");
        if (!Files.isReadable(p)) throw new IllegalArgumentException(argument + ": cannot be read (permission denied)");
        return p;
    }
}
