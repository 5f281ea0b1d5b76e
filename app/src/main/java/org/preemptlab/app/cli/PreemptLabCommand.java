package org.preemptlab.app.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line interface: {@code preemptlab <command> ...}. */
@Command(name = "preemptlab", mixinStandardHelpOptions = true, version = "PreemptLab 0.1.0",
        description = "What-if planner for HPC batch scheduling with preemption.",
        footer = {"", "Without a command, the planner window opens:",
                "  preemptlab [SCENARIO.json] [--smoke-test]",
                "SCENARIO.json: a scenario file to open instead of the built-in default scenario.",
                "--smoke-test: open the window, run the scenario to the end, check the finished run, print a",
                "  one-line summary and exit 0; an error dialog, an uncaught exception or no result within",
                "  120 s (-Dpreemptlab.smoke.timeout=SECONDS) exits non-zero with the reason on stderr."})
public final class PreemptLabCommand implements Runnable {

    /**
     * The sub-commands, in the order the usage lists them. Added by {@link #commandLine}: only the one
     * being run when the first argument names one (picocli builds each command's model by reflection
     * at start-up, a tenth of a cold `simulate`'s CPU for all of them), all of them otherwise. In a
     * holder: a plain one-shot command line ({@link #plain}) needs none of them.
     */
    private static final class Subcommands {
        static final java.util.LinkedHashMap<String, java.util.function.Supplier<Object>> ALL = new java.util.LinkedHashMap<>();

        static {
            ALL.put("simulate", SimulateCommand::new);
            ALL.put("run", RunCommand::new);
            ALL.put("bench", BenchCommand::new);
            ALL.put("niu-table", NiuTableCommand::new);
            ALL.put("maintenance", MaintenanceCommand::new);
            ALL.put("import-slurm", ImportSlurmCommand::new);
            ALL.put("import-reservations", ImportReservationsCommand::new);
            ALL.put("break-even", BreakEvenCommand::new);
            ALL.put("sweep", SweepCommand::new);
            ALL.put("collect", CollectCommand::new);
            ALL.put("saturation", SaturationCommand::new);
            ALL.put("workload-compare", WorkloadCompareCommand::new);
            ALL.put("generate", GenerateCommand::new);
            ALL.put("replay", ReplayCommand::new);
        }
    }

    /** The command line for these arguments: the root with the named sub-command, or with all of them. */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new PreemptLabCommand());
        String only = args.length > 0 && Subcommands.ALL.containsKey(args[0]) ? args[0] : null;
        for (var e : Subcommands.ALL.entrySet()) {
            if (only == null || only.equals(e.getKey())) cl.addSubcommand(e.getKey(), e.getValue().get());
        }
        return cl;
    }

    private static final Set<String> COMMANDS = Set.of("simulate", "run", "bench", "niu-table", "maintenance", "import-slurm", "import-reservations",
            "break-even", "sweep", "collect", "saturation", "workload-compare", "generate", "replay",
            "--help", "-h", "--version", "-V", "help");

    @Override
    public void run() {
        commandLine(new String[0]).usage(System.out);
    }

    /** True if the arguments ask for a CLI command rather than the window. */
    public static boolean isCommandLine(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * A one-shot command typed the plain way, ready to run without picocli ({@link PlainArgs}: the same
     * options, values and defaults, checked against picocli by {@code PlainArgsTest}); null for
     * everything else, which picocli parses (help, errors, the other commands).
     */
    static java.util.concurrent.Callable<Integer> plain(String[] args) {
        if (args.length == 0) return null;
        return switch (args[0]) {
            case "simulate" -> SimulateCommand.plain(args);
            case "run" -> RunCommand.plain(args);
            default -> null;
        };
    }

    /** Runs the command line; errors are one clear line on stderr and a non-zero exit code. */
    public static int execute(String[] args) {
        return execute(args, new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true));
    }

    /** As {@link #execute(String[])}, printing to the given writers (tests). */
    public static int execute(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        try {
            return executeCommand(args, out, err);
        } catch (OutOfMemoryError | StackOverflowError e) { // a last resort: a reader or the engine met an input too big
            err.println("preemptlab: " + CliErrors.resources(e, args));
            return 2;
        }
    }

    private static int executeCommand(String[] args, java.io.PrintWriter out, java.io.PrintWriter err) {
        java.util.concurrent.Callable<Integer> plain = plain(args);
        if (plain != null) {
            try {
                return plain.call();
            } catch (Exception e) { // as the execution exception handler below
                err.println("preemptlab: " + CliErrors.message(e));
                return 2;
            }
        }
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("preemptlab: " + CliErrors.message(e));
            return 2;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("preemptlab: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'preemptlab " + e.getCommandLine().getCommandName() + " --help'.");
            return 64;
        });
        return cl.execute(args);
    }
}
