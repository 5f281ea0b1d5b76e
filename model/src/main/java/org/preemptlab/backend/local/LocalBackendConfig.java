package org.preemptlab.backend.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of the local process backend.
 *
 * @param runsDir              parent of the run directories ({@code ~/.preemptlab/runs} by default);
 *                             leftovers of crashed runs in it are reaped when a backend starts
 * @param jobScript            the sample job program, or null to {@link SampleJob#locate locate} it
 * @param defaultCommand       the command for jobs whose class has none in {@code commandsByClass}
 * @param commandsByClass      commands per job class (the job's QOS), e.g. {@code owner → "exec ./sim.sh {state}"}
 * @param graceTime            real time between SIGTERM and SIGKILL when a job is killed
 * @param checkpointTimeout    real time a job gets to write its state file after SIGUSR1
 * @param restoreCheckpointOnKill a killed job restarts from its last checkpoint the backend asked for
 *                             (what the engine assumes: work since then is lost), not from the state
 *                             it wrote on SIGTERM
 * @param keepRunFiles         keep the run directory (state files, logs) after {@code close()}
 * @param suspendMethod        how to suspend and resume jobs: {@link SuspendMethod#AUTO} (a writable
 *                             cgroup freezer if there is one, SIGSTOP/SIGCONT otherwise), a freezer, or
 *                             signals; null means AUTO
 */
public record LocalBackendConfig(
        Path runsDir,
        Path jobScript,
        CommandTemplate defaultCommand,
        Map<String, CommandTemplate> commandsByClass,
        Duration graceTime,
        Duration checkpointTimeout,
        boolean restoreCheckpointOnKill,
        boolean keepRunFiles,
        SuspendMethod suspendMethod) {

    /** System property naming the runs directory (else the environment variable {@value #RUNS_DIR_ENV}). */
    public static final String RUNS_DIR_PROPERTY = "preemptlab.runs.dir";
    public static final String RUNS_DIR_ENV = "PREEMPTLAB_RUNS_DIR";
    /** System property with the suspend method of {@link #defaults} (else the environment variable {@value #SUSPEND_ENV}). */
    public static final String SUSPEND_PROPERTY = "preemptlab.local.suspend";
    public static final String SUSPEND_ENV = "PREEMPTLAB_SUSPEND";

    public LocalBackendConfig {
        Objects.requireNonNull(runsDir, "runsDir");
        defaultCommand = defaultCommand == null ? CommandTemplate.SAMPLE_JOB : defaultCommand;
        commandsByClass = commandsByClass == null ? Map.of() : Map.copyOf(commandsByClass);
        graceTime = graceTime == null ? Duration.ofSeconds(2) : graceTime;
        checkpointTimeout = checkpointTimeout == null ? Duration.ofSeconds(10) : checkpointTimeout;
        suspendMethod = suspendMethod == null ? SuspendMethod.AUTO : suspendMethod;
        if (graceTime.isNegative()) throw new IllegalArgumentException("The graceTime (" + graceTime + ") must not be negative.");
        if (checkpointTimeout.isNegative() || checkpointTimeout.isZero()) {
            throw new IllegalArgumentException("The checkpointTimeout (" + checkpointTimeout + ") must be positive.");
        }
    }

    /**
     * The system property {@value #RUNS_DIR_PROPERTY}, else the environment variable
     * {@value #RUNS_DIR_ENV}, else {@code ~/.preemptlab/runs}.
     */
    public static Path defaultRunsDir() {
        String dir = setting(RUNS_DIR_PROPERTY, RUNS_DIR_ENV);
        if (dir != null) return Path.of(dir).toAbsolutePath();
        return Path.of(System.getProperty("user.home"), ".preemptlab", "runs");
    }

    /**
     * The system property {@value #SUSPEND_PROPERTY}, else the environment variable
     * {@value #SUSPEND_ENV} ({@code auto}, {@code freezer}, {@code freezer-v1}, {@code freezer-v2},
     * {@code signals}), else {@link SuspendMethod#AUTO}.
     */
    public static SuspendMethod defaultSuspendMethod() {
        String m = setting(SUSPEND_PROPERTY, SUSPEND_ENV);
        return m == null ? SuspendMethod.AUTO : SuspendMethod.parse(m);
    }

    private static String setting(String property, String env) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) v = System.getenv(env);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * The sample job for every class, 2 s grace, 10 s checkpoint timeout, run files deleted on
     * close, the {@link #defaultSuspendMethod() default suspend method}.
     */
    public static LocalBackendConfig defaults(Path runsDir) {
        return new LocalBackendConfig(runsDir, null, null, null, null, null, true, false, defaultSuspendMethod());
    }

    public static LocalBackendConfig defaults() {
        return defaults(defaultRunsDir());
    }

    public LocalBackendConfig withCommand(String jobClass, String template) {
        return with(d -> {
            d.commandsByClass = new HashMap<>(commandsByClass);
            d.commandsByClass.put(jobClass, new CommandTemplate(template));
        });
    }

    public LocalBackendConfig withDefaultCommand(String template) {
        return with(d -> d.defaultCommand = new CommandTemplate(template));
    }

    public LocalBackendConfig withGraceTime(Duration grace) {
        return with(d -> d.graceTime = grace);
    }

    public LocalBackendConfig withCheckpointTimeout(Duration timeout) {
        return with(d -> d.checkpointTimeout = timeout);
    }

    public LocalBackendConfig withJobScript(Path script) {
        return with(d -> d.jobScript = script);
    }

    public LocalBackendConfig withKeepRunFiles(boolean keep) {
        return with(d -> d.keepRunFiles = keep);
    }

    public LocalBackendConfig withRestoreCheckpointOnKill(boolean restore) {
        return with(d -> d.restoreCheckpointOnKill = restore);
    }

    public LocalBackendConfig withSuspendMethod(SuspendMethod method) {
        return with(d -> d.suspendMethod = method);
    }

    /** A copy with {@code change} applied to its components (checked again by the constructor). */
    private LocalBackendConfig with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return new LocalBackendConfig(d.runsDir, d.jobScript, d.defaultCommand, d.commandsByClass, d.graceTime, d.checkpointTimeout,
                d.restoreCheckpointOnKill, d.keepRunFiles, d.suspendMethod);
    }

    /** The components of a config being changed. */
    private static final class Draft {
        Path runsDir;
        Path jobScript;
        CommandTemplate defaultCommand;
        Map<String, CommandTemplate> commandsByClass;
        Duration graceTime;
        Duration checkpointTimeout;
        boolean restoreCheckpointOnKill;
        boolean keepRunFiles;
        SuspendMethod suspendMethod;

        Draft(LocalBackendConfig c) {
            runsDir = c.runsDir;
            jobScript = c.jobScript;
            defaultCommand = c.defaultCommand;
            commandsByClass = c.commandsByClass;
            graceTime = c.graceTime;
            checkpointTimeout = c.checkpointTimeout;
            restoreCheckpointOnKill = c.restoreCheckpointOnKill;
            keepRunFiles = c.keepRunFiles;
            suspendMethod = c.suspendMethod;
        }
    }

    /** The command template for a job class. */
    public CommandTemplate commandFor(String jobClass) {
        return commandsByClass.getOrDefault(jobClass, defaultCommand);
    }
}
