package org.preemptlab.app.gui.scenario;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The "Import from Slurm" form as typed: the cluster's slurm.conf (blank: Slurm's own default,
 * live import only) and whether to read only that file (pools and a placeholder job, no cluster
 * needed) or ask the live cluster ({@code sinfo}/{@code squeue}) for its nodes and jobs.
 */
public final class SlurmImportForm {

    /** What to import: {@code slurmConf} null means Slurm's default (live only). */
    public record Request(Path slurmConf, boolean confOnly, boolean runningAsQueued) {

        /** A short description for the status line and dialogs. */
        public String describe() {
            if (confOnly) return slurmConf.getFileName().toString();
            return "the live Slurm cluster" + (slurmConf == null ? "" : " of " + slurmConf);
        }
    }

    /** The request, or the problem with the slurm.conf field (then no request). */
    public record Result(Optional<Request> request, String problem) {
        public boolean ok() {
            return request.isPresent();
        }
    }

    private SlurmImportForm() {}

    /** The field's initial text: {@code $SLURM_CONF}, or blank. */
    public static String defaultConf(Map<String, String> env) {
        String conf = env.get("SLURM_CONF");
        return conf == null ? "" : conf.trim();
    }

    public static Result check(String slurmConf, boolean confOnly, boolean runningAsQueued) {
        String t = slurmConf == null ? "" : slurmConf.trim();
        if (t.isEmpty()) {
            return confOnly ? new Result(Optional.empty(), "choose a slurm.conf")
                    : new Result(Optional.of(new Request(null, false, runningAsQueued)), null);
        }
        Path p;
        try {
            p = Path.of(t);
        } catch (InvalidPathException e) {
            return new Result(Optional.empty(), "not a file name");
        }
        if (!Files.isRegularFile(p)) return new Result(Optional.empty(), "no such file");
        return new Result(Optional.of(new Request(p, confOnly, runningAsQueued)), null);
    }
}
