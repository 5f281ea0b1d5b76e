package org.preemptlab.backend.slurm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one place where Slurm's command-line tools are run. Each call runs one command with
 * {@code SLURM_CONF} set (if given), waits for it (timeout), and turns a failure into a
 * {@link SlurmCommandException} that quotes the command and its error output.
 */
public final class SlurmCli implements SlurmCommands {

    /** The result of one command. */
    public record Result(List<String> command, int exitCode, String out, String err) {}

    /** Runs a command: the real one by default; tests may record instead. */
    @FunctionalInterface
    public interface Runner {
        Result run(List<String> command, Map<String, String> env, Duration timeout);
    }

    private final Path slurmConf;
    private final Duration timeout;
    private final Runner runner;

    public SlurmCli(Path slurmConf, Duration timeout, Runner runner) {
        this.slurmConf = slurmConf;
        this.timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        this.runner = runner == null ? SlurmCli::exec : runner;
    }

    /** The CLI with {@code SLURM_CONF} = {@code slurmConf} (or the environment's, if null). */
    public SlurmCli(Path slurmConf) {
        this(slurmConf, null, null);
    }

    /** From the environment: {@code PREEMPTLAB_SLURM_DIR/slurm.conf} if set, else {@code SLURM_CONF} / Slurm's default. */
    public static SlurmCli fromEnvironment() {
        String dir = System.getenv("PREEMPTLAB_SLURM_DIR");
        if (dir != null && !dir.isBlank()) return new SlurmCli(Path.of(dir, "slurm.conf"));
        String conf = System.getenv("SLURM_CONF");
        return new SlurmCli(conf == null || conf.isBlank() ? null : Path.of(conf));
    }

    public Path slurmConf() {
        return slurmConf;
    }

    @Override
    public long submitHeld(Submission s) {
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--hold", "--parsable",
                "--job-name=" + s.name(),
                "--nodes=" + s.nodes(),
                "--ntasks-per-node=1",
                "--cpus-per-task=" + s.cpusPerNode(),
                "--time=" + Math.max(1, s.timeLimitMinutes()),
                "--open-mode=append",
                "--requeue"));
        if (s.partition() != null && !s.partition().isBlank()) cmd.add("--partition=" + s.partition());
        if (s.output() != null) cmd.add("--output=" + s.output());
        if (s.workDir() != null) cmd.add("--chdir=" + s.workDir());
        cmd.add("--wrap=" + s.command());
        String out = ok(cmd).out().trim();
        // --parsable prints "jobid" or "jobid;cluster"
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new SlurmCommandException("sbatch printed \"" + out + "\" instead of a job id.", e);
        }
    }

    @Override
    public void setNodes(long jobId, List<String> nodes, boolean startNow) {
        List<String> cmd = new ArrayList<>(List.of("scontrol", "update", "jobid=" + jobId, "NodeList=" + String.join(",", nodes)));
        if (startNow) cmd.add("StartTime=now");
        ok(cmd);
    }

    @Override
    public void hold(long jobId) {
        scontrol("hold", jobId);
    }

    @Override
    public void release(long jobId) {
        scontrol("release", jobId);
    }

    @Override
    public void suspend(long jobId) {
        scontrol("suspend", jobId);
    }

    @Override
    public void resume(long jobId) {
        scontrol("resume", jobId);
    }

    @Override
    public void requeue(long jobId) {
        scontrol("requeue", jobId);
        ok(List.of("scontrol", "update", "jobid=" + jobId, "StartTime=now"));
    }

    @Override
    public void requeueHold(long jobId) {
        scontrol("requeuehold", jobId);
    }

    @Override
    public void signal(long jobId, String signal, boolean batchShellOnly) {
        List<String> cmd = new ArrayList<>(List.of("scancel", "--signal=" + signal));
        if (batchShellOnly) cmd.add("--batch");
        cmd.add(Long.toString(jobId));
        ok(cmd);
    }

    @Override
    public void cancel(long jobId) {
        ok(List.of("scancel", Long.toString(jobId)));
    }

    @Override
    public List<SlurmJob> queue() {
        return SlurmJson.parseQueue(squeueJson());
    }

    @Override
    public List<SlurmNode> nodes() {
        return SlurmJson.parseNodes(sinfoJson());
    }

    @Override
    public String squeueJson() {
        return ok(List.of("squeue", "--json")).out();
    }

    @Override
    public String sinfoJson() {
        return ok(List.of("sinfo", "--json")).out();
    }

    @Override
    public String showReservations() {
        return ok(List.of("scontrol", "show", "reservation")).out();
    }

    /**
     * {@code scontrol show config|partition|node|job}, and {@code sacctmgr dump <ClusterName>} and
     * {@code sacctmgr -P show qos} when accounting answers (null otherwise: not every cluster runs slurmdbd).
     */
    @Override
    public SiteTexts siteTexts() {
        String config = ok(List.of("scontrol", "show", "config")).out();
        String partitions = ok(List.of("scontrol", "show", "partition")).out();
        String nodes = ok(List.of("scontrol", "show", "node")).out();
        String jobs = ok(List.of("scontrol", "show", "job")).out();
        String cluster = org.preemptlab.slurmconf.ScontrolText.config(config).getOrDefault("ClusterName", "");
        String dump = null, qos = null;
        if (!cluster.isBlank()) {
            java.nio.file.Path file = null;
            try {
                file = java.nio.file.Files.createTempFile("preemptlab-sacctmgr-dump", ".cfg");
                java.nio.file.Files.delete(file); // sacctmgr refuses to overwrite
                Result r = run(List.of("sacctmgr", "-n", "dump", cluster, "file=" + file));
                if (r.exitCode() == 0 && java.nio.file.Files.isRegularFile(file)) dump = java.nio.file.Files.readString(file);
            } catch (java.io.IOException | RuntimeException e) {
                dump = null;
            } finally {
                if (file != null) {
                    try {
                        java.nio.file.Files.deleteIfExists(file);
                    } catch (java.io.IOException ignored) {
                        // a temporary file left behind
                    }
                }
            }
            Result q = run(List.of("sacctmgr", "-P", "show", "qos"));
            if (q.exitCode() == 0 && !q.out().isBlank()) qos = q.out();
        }
        return new SiteTexts(config, partitions, nodes, jobs, dump, qos);
    }

    /** {@code scontrol <verb> <jobId>}. */
    private void scontrol(String verb, long jobId) {
        ok(List.of("scontrol", verb, Long.toString(jobId)));
    }

    /** Runs a command and returns its result whatever its exit code. */
    public Result run(List<String> command) {
        return runner.run(command, slurmConf == null ? Map.of() : Map.of("SLURM_CONF", slurmConf.toString()), timeout);
    }

    private Result ok(List<String> command) {
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new SlurmCommandException("The Slurm command `" + String.join(" ", command) + "` failed (exit code " + r.exitCode()
                    + "): " + r.err().trim() + (slurmConf == null ? "" : "\nMaybe check SLURM_CONF=" + slurmConf + " and that slurmctld runs."));
        }
        return r;
    }

    /** The real runner: ProcessBuilder, output read on the side, killed after the timeout. */
    static Result exec(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new SlurmCommandException("Cannot run `" + String.join(" ", command) + "`: " + e.getMessage()
                    + "\nMaybe Slurm's client tools are not installed (installer/slurm/install-local-slurm.sh).", e);
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> slurp(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> slurp(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new SlurmCommandException("The Slurm command `" + String.join(" ", command) + "` did not finish within " + timeout + ".");
            }
            return new Result(command, p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new SlurmCommandException("Interrupted while running `" + String.join(" ", command) + "`.", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new SlurmCommandException("Cannot read the output of `" + String.join(" ", command) + "`.", e);
        }
    }

    private static String slurp(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
