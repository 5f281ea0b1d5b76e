package org.preemptlab.app;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.preemptlab.app.cli.PreemptLabCommand;
import org.preemptlab.app.gui.GuiArguments;

/**
 * Entry point of the jar. With a sub-command (simulate, run, bench, ...) it runs the CLI and never
 * loads JavaFX; without one it opens the planner window, on the scenario file given (a path ending
 * in {@code .json}, as the desktop's file association passes it) or the built-in default;
 * {@code --smoke-test} opens, runs, checks and exits. Deliberately not a JavaFX Application.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        // a one-shot command under a plain `java -jar`: run it in a JVM with the measured options (before picocli loads)
        var relaunched = OneShotRelaunch.runIfPlain(args);
        if (relaunched.isPresent()) System.exit(relaunched.get());
        if (PreemptLabCommand.isCommandLine(args)) {
            System.exit(PreemptLabCommand.execute(args));
        }
        GuiArguments gui;
        try {
            gui = GuiArguments.parse(List.of(args)); // before the toolkit starts: a typo needs no display
        } catch (IllegalArgumentException e) {
            System.err.println("preemptlab: " + e.getMessage());
            System.exit(GuiArguments.USAGE_ERROR);
            return;
        }
        int code;
        try {
            code = (Integer) Class.forName("org.preemptlab.app.gui.PlannerApp").getMethod("launchGui", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("preemptlab: cannot open the planner window: " + cause
                    + "\nMaybe: no display (try `xvfb-run -a`), or run a command instead, e.g. `java -jar preemptlab.jar --help`.");
            code = 1;
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("preemptlab: cannot open the planner window: " + e
                    + "\nMaybe: run a command instead, e.g. `java -jar preemptlab.jar --help`.");
            code = 1;
        }
        // a smoke test always ends the JVM with its verdict; a normal session ends when its threads do
        if (gui.smokeTest() || code != 0) System.exit(code);
    }
}
