package org.preemptlab.backend.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

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
 */
public record LocalBackendConfig(
        Path runsDir,
        Path jobScript,
        CommandTemplate defaultCommand,
        Map<String, CommandTemplate> commandsByClass,
        Duration graceTime,
        Duration checkpointTimeout,
        boolean restoreCheckpointOnKill,
        boolean keepRunFiles) {

    public LocalBackendConfig {
        Objects.requireNonNull(runsDir, "runsDir");
        defaultCommand = defaultCommand == null ? CommandTemplate.SAMPLE_JOB : defaultCommand;
        commandsByClass = commandsByClass == null ? Map.of() : Map.copyOf(commandsByClass);
        graceTime = graceTime == null ? Duration.ofSeconds(2) : graceTime;
        checkpointTimeout = checkpointTimeout == null ? Duration.ofSeconds(10) : checkpointTimeout;
        if (graceTime.isNegative()) throw new IllegalArgumentException("The graceTime (" + graceTime + ") must not be negative.");
        if (checkpointTimeout.isNegative() || checkpointTimeout.isZero()) {
            throw new IllegalArgumentException("The checkpointTimeout (" + checkpointTimeout + ") must be positive.");
        }
    }

    /** {@code ~/.preemptlab/runs}. */
    public static Path defaultRunsDir() {
        return Path.of(System.getProperty("user.home"), ".preemptlab", "runs");
    }

    /** The sample job for every class, 2 s grace, 10 s checkpoint timeout, run files deleted on close. */
    public static LocalBackendConfig defaults(Path runsDir) {
        return new LocalBackendConfig(runsDir, null, null, null, null, null, true, false);
    }

    public static LocalBackendConfig defaults() {
        return defaults(defaultRunsDir());
    }

    public LocalBackendConfig withCommand(String jobClass, String template) {
        Map<String, CommandTemplate> map = new java.util.HashMap<>(commandsByClass);
        map.put(jobClass, new CommandTemplate(template));
        return new LocalBackendConfig(runsDir, jobScript, defaultCommand, map, graceTime, checkpointTimeout,
                restoreCheckpointOnKill, keepRunFiles);
    }

    public LocalBackendConfig withDefaultCommand(String template) {
        return new LocalBackendConfig(runsDir, jobScript, new CommandTemplate(template), commandsByClass, graceTime,
                checkpointTimeout, restoreCheckpointOnKill, keepRunFiles);
    }

    public LocalBackendConfig withGraceTime(Duration grace) {
        return new LocalBackendConfig(runsDir, jobScript, defaultCommand, commandsByClass, grace, checkpointTimeout,
                restoreCheckpointOnKill, keepRunFiles);
    }

    public LocalBackendConfig withCheckpointTimeout(Duration timeout) {
        return new LocalBackendConfig(runsDir, jobScript, defaultCommand, commandsByClass, graceTime, timeout,
                restoreCheckpointOnKill, keepRunFiles);
    }

    public LocalBackendConfig withJobScript(Path script) {
        return new LocalBackendConfig(runsDir, script, defaultCommand, commandsByClass, graceTime, checkpointTimeout,
                restoreCheckpointOnKill, keepRunFiles);
    }

    public LocalBackendConfig withKeepRunFiles(boolean keep) {
        return new LocalBackendConfig(runsDir, jobScript, defaultCommand, commandsByClass, graceTime, checkpointTimeout,
                restoreCheckpointOnKill, keep);
    }

    public LocalBackendConfig withRestoreCheckpointOnKill(boolean restore) {
        return new LocalBackendConfig(runsDir, jobScript, defaultCommand, commandsByClass, graceTime, checkpointTimeout,
                restore, keepRunFiles);
    }

    /** The command template for a job class. */
    public CommandTemplate commandFor(String jobClass) {
        return commandsByClass.getOrDefault(jobClass, defaultCommand);
    }
}
