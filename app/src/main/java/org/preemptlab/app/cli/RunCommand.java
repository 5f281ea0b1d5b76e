package org.preemptlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario file headless. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario file (JSON) headless.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json")
    Path scenario;

    @Option(names = "--metrics-json", description = "write the metrics as JSON")
    Path metricsJson;

    @Option(names = "--events-csv", description = "write every engine event with its reason as CSV")
    Path eventsCsv;

    @Option(names = "--out-swf", description = "write the simulated schedule as SWF")
    Path outSwf;

    @Override
    public Integer call() throws Exception {
        throw new UnsupportedOperationException("scenario files: not wired yet");
    }
}
