package org.preemptlab.app.gui.run;

import java.util.List;
import org.preemptlab.job.JobSpec;
import org.preemptlab.job.SlurmRequest;
import org.preemptlab.sim.JobRun;

/**
 * What the Gantt's bar colours tell apart. The default, {@link #JOB}, gives each job its own colour
 * and draws the job's QOS as the bar's outline; the others colour every job of a user, an account,
 * a partition or a QOS alike. Colours come from {@link GanttPalette#colorIndexOf(String)}: a hash of
 * the name into a fixed palette, so a name keeps its colour in every scenario and run.
 */
public enum ColorBy {
    JOB("job"), USER("user"), ACCOUNT("account"), PARTITION("partition"), QOS("QOS");

    private final String label;

    ColorBy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /**
     * The name job {@code j} of {@code run} is coloured by: its name, its user (SWF user number; a
     * scenario's jobs have no user, their owner group stands in), its account (owner group, SWF group
     * number), its partition (the pools it may use, SWF partition number) or its QOS. A version-2 job
     * gives its Slurm user, account and requested partitions (the site's default partition when it names none).
     */
    public String nameOf(RunRecord run, int j) {
        JobFacts f = run.job(j);
        JobSpec spec = spec(run, j);
        long[] swf = spec == null ? null : spec.swf();
        SlurmRequest slurm = spec == null ? null : spec.slurm();
        if (slurm != null) {
            switch (this) {
                case USER: return slurm.user().isEmpty() ? "(no user)" : slurm.user();
                case ACCOUNT: return slurm.account().isEmpty() ? "(no account)" : slurm.account();
                case PARTITION: return slurm.partitions().isEmpty() ? defaultPartition(run) : String.join(",", slurm.partitions());
                default: break;
            }
        }
        return switch (this) {
            case JOB -> f.name();
            case USER -> swf != null && swf.length > 11 && swf[11] >= 0 ? "user " + swf[11]
                    : f.group().isEmpty() ? "(no user)" : f.group();
            case ACCOUNT -> swf != null && swf.length > 12 && swf[12] >= 0 ? "group " + swf[12]
                    : f.group().isEmpty() ? "(no account)" : f.group();
            case PARTITION -> swf != null && swf.length > 15 && swf[15] >= 0 ? "partition " + swf[15]
                    : spec == null || spec.pools().isEmpty() ? "any pool" : String.join("+", spec.pools());
            case QOS -> f.qos();
        };
    }

    private static String defaultPartition(RunRecord run) {
        var slurm = run.source() == null ? null : run.source().slurm();
        return slurm == null ? "default partition" : slurm.site().defaultPartition().name();
    }

    private static JobSpec spec(RunRecord run, int j) {
        if (run.source() == null) return null;
        List<JobRun> jobs = run.source().jobs();
        return j >= 0 && j < jobs.size() ? jobs.get(j).spec() : null;
    }
}
