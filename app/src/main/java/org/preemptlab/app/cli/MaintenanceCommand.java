package org.preemptlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Compares maintenance strategies on a scenario. */
@Command(name = "maintenance", mixinStandardHelpOptions = true,
        description = "Run a scenario's maintenance windows with each strategy and print the cost breakdown.")
final class MaintenanceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("scenario files: not wired yet");
    }
}
