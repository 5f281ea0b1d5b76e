package org.preemptlab.backend.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.preemptlab.backend.local.CommandTemplate;

/**
 * Settings of the Slurm backend.
 *
 * @param slurmNodes         the Slurm node name of every engine node, by engine node index
 *                           (see {@link SlurmCluster#slurmNodeNames()})
 * @param partition          the partition jobs are submitted to (null: Slurm's default)
 * @param partitionsByClass  per job class (QOS), another partition
 * @param jobDir             where the jobs' state and output files go (a directory per run in it):
 *                           must be visible on the compute nodes (a shared file system; any
 *                           directory on one machine); null: a temporary directory of the run's
 *                           own, removed at its end (enough when Slurm runs on this machine)
 * @param jobScript          the sample job program (null: located like the local backend does)
 * @param defaultCommand     the batch command (placeholders as in {@link CommandTemplate})
 * @param commandsByClass    per job class, another command
 * @param pollInterval       how often {@code squeue --json} is read
 * @param checkpointTimeout  real time a job gets to write its state file after SIGUSR1
 * @param restoreCheckpointOnKill a killed job restarts from its last checkpoint the backend asked
 *                           for, not from what it wrote on SIGTERM (what the engine assumes)
 */
public record SlurmBackendConfig(
        List<String> slurmNodes,
        String partition,
        Map<String, String> partitionsByClass,
        Path jobDir,
        Path jobScript,
        CommandTemplate defaultCommand,
        Map<String, CommandTemplate> commandsByClass,
        Duration pollInterval,
        Duration checkpointTimeout,
        boolean restoreCheckpointOnKill) {

    /** The sample job; its restart cost is read at run time, since a Slurm job's command is fixed at submission. */
    public static final CommandTemplate SAMPLE_JOB = new CommandTemplate(
            "exec {jobScript} --work {work} --scale {scale} --state {state} --name {name}"
                    + " --restart-cost \"$(cat {restartFile} 2>/dev/null || echo 0)\"");

    public SlurmBackendConfig {
        slurmNodes = List.copyOf(Objects.requireNonNull(slurmNodes, "slurmNodes"));
        partitionsByClass = partitionsByClass == null ? Map.of() : Map.copyOf(partitionsByClass);
        defaultCommand = defaultCommand == null ? SAMPLE_JOB : defaultCommand;
        commandsByClass = commandsByClass == null ? Map.of() : Map.copyOf(commandsByClass);
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        checkpointTimeout = checkpointTimeout == null ? Duration.ofSeconds(20) : checkpointTimeout;
        if (slurmNodes.isEmpty()) throw new IllegalArgumentException("The Slurm backend needs the Slurm name of every engine node (slurmNodes is empty).");
        if (pollInterval.isNegative() || pollInterval.isZero()) throw new IllegalArgumentException("The pollInterval (" + pollInterval + ") must be positive.");
    }

    public static SlurmBackendConfig of(List<String> slurmNodes, String partition, Path jobDir) {
        return new SlurmBackendConfig(slurmNodes, partition, null, jobDir, null, null, null, null, null, true);
    }

    public String partitionFor(String jobClass) {
        return partitionsByClass.getOrDefault(jobClass, partition);
    }

    public CommandTemplate commandFor(String jobClass) {
        return commandsByClass.getOrDefault(jobClass, defaultCommand);
    }
}
