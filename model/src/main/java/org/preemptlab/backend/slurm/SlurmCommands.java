package org.preemptlab.backend.slurm;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything PreemptLab asks of Slurm. {@link SlurmCli} does it with the command-line tools; a
 * slurmrestd adapter can implement the same interface.
 */
public interface SlurmCommands {

    /**
     * What to submit (held).
     *
     * @param cpusPerNode      cores on each node ({@code --ntasks-per-node=1 --cpus-per-task=C})
     * @param timeLimitMinutes {@code --time}, minutes (≥ 1)
     * @param output           the job's output file, appended across requeues
     */
    record Submission(String name, String partition, int nodes, int cpusPerNode, long timeLimitMinutes, Path output,
            Path workDir, String command) {}

    /** {@code sbatch --hold --parsable …}: returns the job id. */
    long submitHeld(Submission submission);

    /** {@code scontrol update jobid=X NodeList=…} (and {@code StartTime=now} if asked: a requeued job otherwise waits 120 s). */
    void setNodes(long jobId, List<String> nodes, boolean startNow);

    /** {@code scontrol hold X}: a pending job stays pending until released. */
    void hold(long jobId);

    /** {@code scontrol release X}. */
    void release(long jobId);

    /** {@code scontrol suspend X}. */
    void suspend(long jobId);

    /** {@code scontrol resume X}. */
    void resume(long jobId);

    /** {@code scontrol requeue X} then {@code scontrol update jobid=X StartTime=now}: Slurm may start it again by itself. */
    void requeue(long jobId);

    /** {@code scontrol requeuehold X}: back to pending and held, so that only a release starts it again. */
    void requeueHold(long jobId);

    /** {@code scancel --signal=SIG [--batch] X}. */
    void signal(long jobId, String signal, boolean batchShellOnly);

    /** {@code scancel X}. */
    void cancel(long jobId);

    /** {@code squeue --json}, parsed (every job the controller still knows). */
    List<SlurmJob> queue();

    /** {@code sinfo --json}, parsed. */
    List<SlurmNode> nodes();

    /** The raw {@code squeue --json} text. */
    String squeueJson();

    /** The raw {@code sinfo --json} text. */
    String sinfoJson();

    /**
     * The raw {@code scontrol show reservation} text (read by
     * {@link org.preemptlab.reservation.ScontrolReservations}); adapters without it refuse.
     */
    default String showReservations() {
        throw new UnsupportedOperationException("this Slurm connection cannot list reservations");
    }

    /**
     * What a live import of the site reads (scontrol and sacctmgr texts), for
     * {@link LiveSiteImport}; adapters without them refuse (the import then falls back to
     * {@code sinfo --json} / {@code squeue --json} pools).
     *
     * @param showConfig    {@code scontrol show config}
     * @param showPartition {@code scontrol show partition}
     * @param showNode      {@code scontrol show node}
     * @param showJob       {@code scontrol show job}
     * @param dump          {@code sacctmgr dump CLUSTER}, or null when accounting does not answer
     * @param qos           {@code sacctmgr -P show qos}, or null when accounting does not answer
     */
    record SiteTexts(String showConfig, String showPartition, String showNode, String showJob, String dump, String qos) {}

    /** The texts of {@link SiteTexts}; throws {@link UnsupportedOperationException} when this connection has no scontrol. */
    default SiteTexts siteTexts() {
        throw new UnsupportedOperationException("this Slurm connection cannot run scontrol show / sacctmgr dump");
    }
}
