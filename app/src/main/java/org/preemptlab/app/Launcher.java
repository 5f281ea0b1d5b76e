package org.preemptlab.app;

import org.preemptlab.app.cli.PreemptLabCommand;

/**
 * Entry point of the jar. With a sub-command (simulate, run, bench, ...) it runs the CLI and never
 * loads JavaFX; without one it opens the planner window. Deliberately not a JavaFX Application.
 */
public final class Launcher {

    private Launcher() {}

    public static void main(String[] args) {
        if (PreemptLabCommand.isCommandLine(args)) {
            System.exit(PreemptLabCommand.execute(args));
        }
        try {
            Class.forName("org.preemptlab.app.gui.PlannerApp").getMethod("launchGui", String[].class)
                    .invoke(null, (Object) args);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("preemptlab: cannot open the planner window: " + e
                    + "\nMaybe: run a command instead, e.g. `java -jar preemptlab.jar --help`.");
            System.exit(1);
        }
    }
}
