package org.preemptlab.app;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java -jar preemptlab.jar simulate ...} as the README and outside checks type it: a plain JVM
 * (G1, C2, no class-data sharing of the app) costs about three times the CPU of the same run with the
 * {@code ./preemptlab} launcher's options (docs/performance.md). So a one-shot command started with no
 * JVM option at all runs once more, in a child JVM with those options — one extra small JVM start
 * (measured in docs/performance.md: it wins from the smallest trace on). The child maps a class-data
 * sharing archive next to the jar ({@code preemptlab-jar.jsa}); the first run lists its classes and the
 * archive is dumped after it, as the launcher script does.
 *
 * <p>{@code replay} is relaunched the same way with its own options ({@link #REPLAY_OPTIONS}) and its own archive
 * ({@code preemptlab-replay.jsa}, made the same way after its first run: its classes are not the one-shot commands').
 *
 * <p>Not relaunched: any JVM option given (before {@code -jar}, or in {@code JAVA_TOOL_OPTIONS} /
 * {@code JDK_JAVA_OPTIONS}: the user chose), the window and the long commands (bench, sweep, ...: C2
 * wins there), {@code PREEMPTLAB_NO_RELAUNCH} set, or not run from a jar.
 */
final class OneShotRelaunch {

    /** The one-shot commands, as the launcher script lists them. */
    static final Set<String> ONE_SHOT = Set.of("simulate", "run", "maintenance", "import-slurm", "collect");

    /**
     * Set ({@code -Dpreemptlab.jvm=tuned}) by whatever starts a JVM with the one-shot options: the launcher
     * script, the installed {@code preemptlab-cli}, a relaunched child. Such a JVM runs the command at once,
     * without looking at its own command line ({@link ProcessHandle}'s start-up, ≈ 40 classes, a thread pool).
     */
    static final String TUNED = "preemptlab.jvm";

    /** The launcher script's options for the one-shot commands (chosen by measurement, see ./preemptlab). */
    static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn32m",
            "-XX:MaxTenuringThreshold=0", "-XX:+UseTransparentHugePages", "-D" + TUNED + "=tuned");

    /**
     * {@code replay}'s options, as the launcher script gives them (C2 kept with less inlining, a 1 GB initial heap, the
     * history's jobs copied once to the old generation; docs/performance.md): {@code java -jar preemptlab.jar replay …},
     * issue 12's command as written, cost ≈ 1.4× the CPU and 3× the memory of the script's run on a 100k-job history
     * with the JVM's defaults (G1). A replay maps its own archive next to the jar ({@link #REPLAY_ARCHIVE_NAME}; the one-shot
     * commands' lacks the history's, the replay's and the Slurm scheduler's classes), made after its first run as theirs is:
     * 0.26 s less CPU a run (docs/performance.md, "Replay as a whole process").
     */
    static final List<String> REPLAY_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:FreqInlineSize=100", "-XX:InlineSmallCode=1000",
            "-Xms1g", "-XX:MaxTenuringThreshold=0", "-D" + TUNED + "=tuned");

    static final String REPLAY = "replay";

    /** Keeps a missing or unusable archive silent (the JVM then runs without it). */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    static final String ARCHIVE_NAME = "preemptlab-jar.jsa";

    /** {@code replay}'s archive, next to the jar. */
    static final String REPLAY_ARCHIVE_NAME = "preemptlab-replay.jsa";

    /** The archive the command {@code command} maps (and makes), next to {@code jar}. */
    static Path archiveFor(String command, Path jar) {
        return jar.resolveSibling(command.equals(REPLAY) ? REPLAY_ARCHIVE_NAME : ARCHIVE_NAME);
    }

    /** How the child runs and what is done after it. */
    record Plan(List<String> command, Path classList, Path archive, Path java, Path jar) {

        /** The command that dumps the archive from the class list, or empty when the archive is used as it is. */
        Optional<List<String>> dumpCommand(Path into) {
            if (classList == null) return Optional.empty();
            List<String> dump = new ArrayList<>(List.of(java.toString(), "-XX:+UseSerialGC", "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + into));
            dump.addAll(QUIET);
            dump.addAll(List.of("-cp", jar.toString()));
            return Optional.of(dump);
        }
    }

    private OneShotRelaunch() {}

    /**
     * The relaunch for these program arguments, or empty to run here.
     *
     * @param args the program's arguments (after the jar)
     * @param processArgs this JVM's arguments as started ({@code -jar}, the jar, then {@code args}); null if unknown
     * @param env the environment
     * @param java the {@code java} executable of this JVM
     * @param jar this jar (absolute), null when not run from a jar
     * @param archiveState whether the command's archive next to the jar ({@link #archiveFor}) is usable, to be made, or neither
     */
    static Optional<Plan> plan(String[] args, List<String> processArgs, Map<String, String> env, Path java, Path jar,
                               ArchiveState archiveState) {
        if (args.length == 0 || !relaunched(args[0])) return Optional.empty();
        if (jar == null || java == null || processArgs == null || processArgs.isEmpty()) return Optional.empty();
        if (!processArgs.get(0).equals("-jar")) return Optional.empty(); // a JVM option was given: the user chose
        for (String v : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "PREEMPTLAB_NO_RELAUNCH")) {
            if (env.get(v) != null && !env.get(v).isBlank()) return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        boolean replay = args[0].equals(REPLAY);
        cmd.addAll(replay ? REPLAY_OPTIONS : OPTIONS);
        Path archive = archiveFor(args[0], jar);
        Path list = null;
        switch (archiveState) {
            case USABLE -> {
                cmd.add("-XX:SharedArchiveFile=".concat(archive.toString()));
                cmd.addAll(QUIET);
            }
            case TO_MAKE -> {
                list = archive.resolveSibling(archive.getFileName().toString().concat(".")
                        .concat(Long.toString(ProcessHandle.current().pid())).concat(".classlist"));
                cmd.add("-XX:DumpLoadedClassList=".concat(list.toString()));
            }
            case NONE -> { }
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        cmd.addAll(List.of(args));
        return Optional.of(new Plan(List.copyOf(cmd), list, archive, java, jar));
    }

    private static boolean relaunched(String command) {
        return ONE_SHOT.contains(command) || command.equals(REPLAY);
    }

    /** An archive next to a jar: used when newer than the jar, made when missing or stale and the folder is writable. */
    enum ArchiveState {
        USABLE, TO_MAKE, NONE;

        /** The one-shot commands' archive ({@link #ARCHIVE_NAME}). */
        static ArchiveState of(Path jar) {
            return of(jar, jar.resolveSibling(ARCHIVE_NAME));
        }

        static ArchiveState of(Path jar, Path archive) {
            try {
                if (Files.isRegularFile(archive)
                        && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) return USABLE;
            } catch (IOException e) {
                return NONE;
            }
            return Files.isWritable(jar.getParent()) ? TO_MAKE : NONE;
        }
    }

    /**
     * Runs the one-shot command in a tuned child JVM when this JVM was started without options; returns its
     * exit code, or empty if this JVM should run the command itself (including when the child cannot start).
     */
    static Optional<Integer> runIfPlain(String[] args) {
        if (args.length == 0 || !relaunched(args[0]) || System.getProperty(TUNED) != null) return Optional.empty();
        Path jar = ownJar();
        if (jar == null) return Optional.empty();
        String[] started = ProcessHandle.current().info().arguments().orElse(null);
        List<String> processArgs = started == null ? null : List.of(started);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Optional<Plan> plan = plan(args, processArgs, System.getenv(), java, jar, ArchiveState.of(jar, archiveFor(args[0], jar)));
        if (plan.isEmpty()) return Optional.empty();
        Process child;
        try {
            child = new ProcessBuilder(plan.get().command()).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        Thread stop = new DestroyOnExit(child); // this JVM told to end (SIGTERM): the child too
        Runtime.getRuntime().addShutdownHook(stop);
        int code;
        while (true) {
            try {
                code = child.waitFor();
                break;
            } catch (InterruptedException e) {
                // keep waiting: the child owns the run
            }
        }
        Runtime.getRuntime().removeShutdownHook(stop);
        if (plan.get().classList() != null) makeArchive(plan.get(), code);
        return Optional.of(code);
    }

    /** After a successful first run: the archive dumped from its class list (under a temporary name, then moved). */
    private static void makeArchive(Plan plan, int code) {
        Path list = plan.classList();
        Path tmp = plan.archive().resolveSibling(plan.archive().getFileName() + "." + ProcessHandle.current().pid());
        try {
            if (code == 0 && Files.size(list) > 0) {
                Process dump = new ProcessBuilder(plan.dumpCommand(tmp).orElseThrow())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
                if (dump.waitFor() == 0 && Files.isRegularFile(tmp)) {
                    ownerWritable(tmp);
                    Files.move(tmp, plan.archive(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // no archive: later runs list and dump again; the run itself succeeded or failed on its own
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(list);
            } catch (IOException e) {
                // a leftover temporary file in the jar's folder; harmless
            }
        }
    }

    /**
     * The JVM writes an archive read-only (r--r--r--); made writable by its owner (rw-r--r--), as the jar next to it, so
     * that it can be removed or replaced without a prompt or a force. No POSIX permissions: left as it is.
     */
    static void ownerWritable(Path file) {
        try {
            var perms = new java.util.HashSet<>(Files.getPosixFilePermissions(file));
            perms.add(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            Files.setPosixFilePermissions(file, perms);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // read-only it stays: the archive still works, and the next stale one is replaced by a move
        }
    }

    /** A shutdown hook that ends the child (a class, not a lambda: no bootstrap in this short-lived JVM). */
    private static final class DestroyOnExit extends Thread {
        private final Process child;

        DestroyOnExit(Process child) {
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
        }
    }

    private static Path ownJar() {
        try {
            Path p = Path.of(OneShotRelaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? p.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException | IllegalArgumentException e) {
            return null;
        }
    }
}
