package org.preemptlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.preemptlab.backend.local.LocalBackendConfig;
import org.preemptlab.backend.local.LocalProcessBackend;
import org.preemptlab.backend.local.ProcStat;
import org.preemptlab.backend.local.RunDirectory;
import org.preemptlab.backend.slurm.SlurmCli;

/**
 * A job of ours never outlives the run that started it: the real CLI ({@code Launcher run SCENARIO
 * --backend local|slurm --time-scale 60}) runs in a child JVM; once its jobs run (local: one of
 * them suspended by an owner's job, i.e. frozen or stopped) it is ended by SIGKILL, SIGTERM or
 * SIGINT, or runs to its normal end. Then, waiting at most {@value #CLEAN_WAIT_MILLIS} ms, nothing
 * of the run may be left: no process of the run (found by the run directory in its command line
 * or environment), no cgroup, no watchdog, no run directory; on Slurm no unfinished job of the
 * run and no job directory. The time to clean, measured from the JVM's end, is printed (the goal is
 * under 5 s); it is not asserted: a loaded machine may take longer.
 *
 * <p>The Slurm cases need a local Slurm with 4 idle nodes ({@code PREEMPTLAB_SLURM_DIR}, as
 * {@code SlurmBackendIT}) and are skipped, with the reason, without one.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveRunSignalsIT {

    /** True if {@code env --default-signal=INT} works here (GNU coreutils 8.31+). */
    private static final boolean ENV_RESETS_SIGNALS = envResetsSignals();

    private static boolean envResetsSignals() {
        try {
            Process p = new ProcessBuilder("env", "--default-signal=INT", "true").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    private static final long WAIT_MILLIS = 60_000;
    private static final long CLEAN_WAIT_MILLIS = 30_000;

    /** How the run ends. */
    enum Ending {
        SIGKILL("KILL"), SIGTERM("TERM"), SIGINT("INT"), NORMAL(null);

        final String signal;

        Ending(String signal) {
            this.signal = signal;
        }
    }

    @TempDir
    Path dir;

    private Process child;
    private Path childLog;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        LocalProcessBackend.reapOrphans(dir.resolve("runs"));
    }

    // ---------------------------------------------------------------- local processes

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aLocalRunLeavesNoProcessCgroupOrRunDirectory(Ending ending) throws Exception {
        Path runs = dir.resolve("runs");
        // B1, B2 borrow the owner's 2 nodes; O (the owner's) suspends one of them at 60 s (1 s real).
        // Killed runs: 20-minute jobs (20 s real). The normal end: 3 minutes, so the run ends in ~5 s.
        String borrowerRuntime = ending == Ending.NORMAL ? "3m" : "20m";
        String ownerRuntime = ending == Ending.NORMAL ? "2m" : "20m";
        Path scenario = dir.resolve("signals.json");
        Files.writeString(scenario, """
                {"formatVersion": 1, "name": "signals",
                 "cluster": {"pools": [{"name": "own", "nodes": 2, "coresPerNode": 1, "owner": "chem", "borrowers": ["*"]}]},
                 "policy": {"scheduler": "fcfs"},
                 "preemption": {"owner": true, "qos": false, "defaultChain": ["suspend"]},
                 "jobs": [
                  {"name": "B1", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "40m", "runtime": "%1$s"},
                  {"name": "B2", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "40m", "runtime": "%1$s"},
                  {"name": "O", "submit": 60, "nodes": 1, "coresPerNode": 1, "estimate": "40m", "runtime": "%2$s", "group": "chem"}]}
                """.formatted(borrowerRuntime, ownerRuntime));
        child = startCli(List.of("-D" + LocalBackendConfig.RUNS_DIR_PROPERTY + "=" + runs), scenario, "local", ending);

        // a run directory with 3 live job groups, one of them held (frozen or stopped)
        Path run = await(() -> runDirs(runs).stream().findFirst(), "the run's directory");
        long watchdog = await(() -> recordedPid(run.resolve(RunDirectory.WATCHDOG)), "the run's watchdog record");
        Optional<Path> runCgroup = recordedRunCgroup(run); // recorded before the watchdog
        await(() -> heldJobs(run) >= 1 && liveGroups(run) >= 3 ? Optional.of(true) : Optional.empty(), "3 job groups, one held");
        int processes = RunProcesses.of(runs).size();
        int held = heldJobs(run);
        assertThat(processes).as("the run's processes before its end").isGreaterThanOrEqualTo(3);

        long ended = end(ending);

        long cleanMillis = awaitClean(() -> {
            List<String> left = new ArrayList<>();
            for (long pid : RunProcesses.of(runs)) left.add("process " + pid + ": " + cmdline(pid));
            if (isAlive(watchdog)) left.add("watchdog " + watchdog);
            runCgroup.filter(Files::isDirectory).ifPresent(c -> left.add("cgroup " + c));
            if (Files.exists(run)) left.add("run directory " + run);
            return left;
        }, ended);
        System.out.printf("[signals] local, %s: %d processes of the run (%d job held, cgroups: %s) at the end; "
                        + "0 processes, cgroups and run files left %d ms after the JVM ended (exit %d)%n",
                ending, processes, held, runCgroup.isPresent() ? "yes" : "no", cleanMillis, child.exitValue());
    }

    // ---------------------------------------------------------------- Slurm

    @ParameterizedTest
    @EnumSource(Ending.class)
    void aSlurmRunLeavesNoJobInSlurmAndNoJobDirectory(Ending ending) throws Exception {
        SlurmCli cli = SlurmCli.fromEnvironment();
        assumeThat(slurmUnavailable(cli)).as("a local Slurm with 4 idle nodes").isNull();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String prefix = "sig" + ProcessHandle.current().pid() + ending.name().toLowerCase() + "-";
        String runtime = ending == Ending.NORMAL ? "3m" : "20m";
        Path scenario = dir.resolve("slurm-signals.json");
        Files.writeString(scenario, """
                {"formatVersion": 1, "name": "slurm signals",
                 "cluster": {"pools": [{"name": "p", "nodes": 4, "coresPerNode": 1}]},
                 "policy": {"scheduler": "easy"},
                 "jobs": [
                  {"name": "%1$sa", "submit": 0, "nodes": 1, "coresPerNode": 1, "estimate": "40m", "runtime": "%2$s"},
                  {"name": "%1$sb", "submit": 0, "nodes": 2, "coresPerNode": 1, "estimate": "40m", "runtime": "%2$s"},
                  {"name": "%1$sc", "submit": 0, "nodes": 2, "coresPerNode": 1, "estimate": "40m", "runtime": "%2$s"}]}
                """.formatted(prefix, runtime));
        // the run's temporary job directory goes under its own java.io.tmpdir
        child = startCli(List.of("-Djava.io.tmpdir=" + tmp), scenario, "slurm", ending);

        await(() -> slurmJobs(cli, prefix, true).size() >= 2 ? Optional.of(true) : Optional.empty(), "2 running Slurm jobs of the run");
        List<String> before = slurmJobs(cli, prefix, false);
        assertThat(jobDirs(tmp)).as("the run's job directory").hasSize(1);

        long ended = end(ending);

        long cleanMillis = awaitClean(() -> {
            List<String> left = new ArrayList<>(slurmJobs(cli, prefix, false));
            for (Path d : jobDirs(tmp)) left.add("job directory " + d);
            return left;
        }, ended);
        System.out.printf("[signals] slurm, %s: %d unfinished Slurm jobs of the run at the end; 0 unfinished jobs and no job "
                + "directory %d ms after the JVM ended (exit %d)%n", ending, before.size(), cleanMillis, child.exitValue());
    }

    // ---------------------------------------------------------------- the child and its end

    private Process startCli(List<String> jvmOptions, Path scenario, String backend, Ending ending) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        // a JVM started with SIGINT ignored (under `nohup`, or `&` in a script) keeps ignoring it: GNU env (coreutils
        // 8.31+) gives the child the default action back, as an interactive shell would (env execs java: same pid)
        if (ending == Ending.SIGINT && ENV_RESETS_SIGNALS) cmd.addAll(List.of("env", "--default-signal=INT"));
        cmd.addAll(List.of(java, "-cp", cp.replace(' ', File.pathSeparatorChar)));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("org.preemptlab.app.Launcher", "run", scenario.toString(), "--backend", backend, "--time-scale", "60"));
        childLog = dir.resolve("child-" + ending + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        if (ending == Ending.SIGINT && !ENV_RESETS_SIGNALS) {
            // without GNU env's --default-signal an inherited ignored SIGINT cannot be undone: nothing to test then.
            // (With it, no check here: the pid is env's until it execs java, and env's own mask still shows
            // SIGINT ignored for that moment — the check raced and skipped the SIGINT cases in .ci/run.)
            assumeThat(ignoresSigint(p.pid())).as("the child JVM inherited an ignored SIGINT").isFalse();
        }
        return p;
    }

    /** Ends the child as asked (or lets it end) and returns System.nanoTime() when it was gone. */
    private long end(Ending ending) throws Exception {
        if (ending.signal != null) {
            assertThat(child.isAlive()).as("the CLI still runs its jobs").isTrue();
            Process kill = new ProcessBuilder("kill", "-s", ending.signal, Long.toString(child.pid())).start();
            assertThat(kill.waitFor()).isZero();
        }
        if (!child.waitFor(ending == Ending.NORMAL ? 4 * WAIT_MILLIS : WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
            fail("the CLI did not end after " + ending + ": " + Files.readString(childLog));
        }
        long gone = System.nanoTime();
        String log = Files.readString(childLog);
        switch (ending) {
            case NORMAL -> assertThat(child.exitValue()).as(log).isZero();
            case SIGKILL -> assertThat(child.exitValue()).isEqualTo(128 + 9);
            case SIGTERM -> assertThat(child.exitValue()).as(log).isEqualTo(128 + 15);
            case SIGINT -> assertThat(child.exitValue()).as(log).isEqualTo(128 + 2);
        }
        return gone;
    }

    /** Waits (≤ CLEAN_WAIT_MILLIS) until {@code leftovers} is empty; returns ms since {@code since}. */
    private static long awaitClean(Supplier<List<String>> leftovers, long since) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLEAN_WAIT_MILLIS);
        List<String> left = leftovers.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = leftovers.get();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        assertThat(left).as("what the run left " + millis + " ms after its JVM ended").isEmpty();
        return millis;
    }

    private <T> T await(Supplier<Optional<T>> what, String description) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (System.nanoTime() < deadline) {
            Optional<T> v = what.get();
            if (v.isPresent()) return v.get();
            if (!child.isAlive()) break;
            Thread.sleep(20);
        }
        String log = Files.readString(childLog);
        throw new AssertionError("no " + description + " within " + WAIT_MILLIS + " ms (CLI " + (child.isAlive() ? "running" : "exit "
                + child.exitValue()) + "): " + log);
    }

    // ---------------------------------------------------------------- what a local run has

    private static List<Path> runDirs(Path runs) {
        if (!Files.isDirectory(runs)) return List.of();
        try (Stream<Path> list = Files.list(runs)) {
            return list.filter(p -> Files.isDirectory(p.resolve("procs"))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Path> recordedRunCgroup(Path run) throws IOException {
        Path record = run.resolve("cgroup");
        if (!Files.exists(record)) return Optional.empty();
        return Files.readAllLines(record).stream().filter(l -> l.startsWith("cgroup=")).map(l -> Path.of(l.substring(7).trim())).findFirst();
    }

    private static Optional<Long> recordedPid(Path record) {
        try {
            return Files.readAllLines(record).stream().filter(l -> l.startsWith("pid=")).map(l -> Long.parseLong(l.substring(4).trim())).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int liveGroups(Path run) {
        int n = 0;
        for (long g : RunDirectory.recordedGroups(run)) if (!ProcStat.liveGroupMembers(g).isEmpty()) n++;
        return n;
    }

    /** Recorded launches whose cgroup is frozen or whose every live process is stopped. */
    private static int heldJobs(Path run) {
        int held = 0;
        try (DirectoryStream<Path> recs = Files.newDirectoryStream(run.resolve("procs"), "*.proc")) {
            for (Path rec : recs) {
                List<String> lines = Files.readAllLines(rec);
                long pgid = lines.stream().filter(l -> l.startsWith("pgid=")).map(l -> Long.parseLong(l.substring(5).trim())).findFirst().orElse(0L);
                Optional<Path> cgroup = lines.stream().filter(l -> l.startsWith("cgroup=")).map(l -> Path.of(l.substring(7).trim())).findFirst();
                boolean frozen = cgroup.map(LiveRunSignalsIT::isFrozen).orElse(false);
                List<ProcStat> live = ProcStat.liveGroupMembers(pgid);
                boolean stopped = !live.isEmpty() && live.stream().allMatch(ProcStat::isStopped);
                if (frozen || stopped) held++;
            }
        } catch (IOException | RuntimeException e) {
            // records change while the run goes on: count again at the next poll
        }
        return held;
    }

    private static boolean isFrozen(Path cgroup) {
        try {
            if (Files.exists(cgroup.resolve("freezer.state"))) return Files.readString(cgroup.resolve("freezer.state")).trim().equals("FROZEN");
            return Files.readAllLines(cgroup.resolve("cgroup.events")).contains("frozen 1");
        } catch (IOException e) {
            return false;
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "?";
        }
    }

    private static boolean isAlive(long pid) {
        return ProcStat.read(pid).filter(s -> !s.isGone()).isPresent();
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
        }
        return false;
    }

    // ---------------------------------------------------------------- what a Slurm run has

    /** Why Slurm cannot be used here, or null. */
    private static String slurmUnavailable(SlurmCli cli) {
        boolean tools = List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(d -> Files.isExecutable(Path.of(d, "sinfo")) && Files.isExecutable(Path.of(d, "sbatch")));
        if (!tools) return "Slurm's client tools are not installed (installer/slurm/install-local-slurm.sh)";
        SlurmCli.Result idle = cli.run(List.of("sinfo", "-h", "-N", "-t", "idle", "-o", "%N"));
        long idleNodes = idle.out().lines().filter(l -> !l.isBlank()).distinct().count();
        if (idle.exitCode() != 0 || idleNodes < 4) {
            return "no local Slurm with 4 idle nodes answers (sinfo exit " + idle.exitCode() + ", " + idleNodes + " idle nodes): start one "
                    + "with installer/slurm/start-local-slurm.sh DIR and export PREEMPTLAB_SLURM_DIR=DIR";
        }
        return null;
    }

    /** "id name state" of the run's Slurm jobs that have not ended (only the running ones if asked). */
    private static List<String> slurmJobs(SlurmCli cli, String prefix, boolean runningOnly) {
        SlurmCli.Result r = cli.run(List.of("squeue", "-h", "-o", "%i %j %T"));
        if (r.exitCode() != 0) return List.of("squeue failed: " + r.err().trim());
        return r.out().lines().map(String::trim).filter(l -> l.split(" ").length == 3 && l.split(" ")[1].startsWith(prefix))
                .filter(l -> !List.of("COMPLETED", "CANCELLED", "FAILED", "TIMEOUT", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
                        "OUT_OF_MEMORY").contains(l.split(" ")[2]))
                .filter(l -> !runningOnly || l.endsWith(" RUNNING"))
                .toList();
    }

    private static List<Path> jobDirs(Path tmp) {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("preemptlab-slurm-jobs")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
