package org.preemptlab.metrics;

import java.util.List;
import java.util.function.Function;
import org.preemptlab.job.JobSpec;

/**
 * A way to put jobs into groups for per-group statistics (wait-time percentiles): a name for people
 * and the key of a job. Pluggable: the built-in ones read what a job carries today (QOS, owner group,
 * requested pools, an SWF trace's user / group / queue / partition numbers); a job model with more
 * fields (accounts, partitions) adds its own.
 */
public record JobGrouping(String name, Function<JobSpec, String> key) {

    /** What a job without a value for the grouping is filed under. */
    public static final String NONE = "(none)";

    public static final JobGrouping QOS = new JobGrouping("QOS", JobSpec::qos);
    /** The owner group (the scenario's {@code group}, an account in Slurm's words). */
    public static final JobGrouping ACCOUNT = new JobGrouping("account (group)", j -> orNone(j.group()));
    public static final JobGrouping POOLS = new JobGrouping("pool requested", j -> j.pools().isEmpty() ? "any pool" : String.join("+", j.pools()));
    /** A version-2 job's Slurm account ({@code --account}); {@value #NONE} for other jobs. */
    public static final JobGrouping SLURM_ACCOUNT = new JobGrouping("account (Slurm)",
            j -> j.slurm() == null ? NONE : orNone(j.slurm().account()));
    /** A version-2 job's requested partitions ({@code --partition}, comma-separated; "default" when it names none). */
    public static final JobGrouping SLURM_PARTITION = new JobGrouping("partition (Slurm)",
            j -> j.slurm() == null ? NONE : j.slurm().partitions().isEmpty() ? "default" : String.join(",", j.slurm().partitions()));
    /** A version-2 job's Slurm user. */
    public static final JobGrouping SLURM_USER = new JobGrouping("user (Slurm)", j -> j.slurm() == null ? NONE : orNone(j.slurm().user()));
    public static final JobGrouping SWF_USER = swf("user (SWF)", 11, "user ");
    public static final JobGrouping SWF_GROUP = swf("group (SWF)", 12, "group ");
    public static final JobGrouping SWF_QUEUE = swf("queue (SWF)", 14, "queue ");
    public static final JobGrouping SWF_PARTITION = swf("partition (SWF)", 15, "partition ");

    /** The built-in groupings, in menu order. */
    public static List<JobGrouping> builtIn() {
        return List.of(QOS, SLURM_ACCOUNT, SLURM_PARTITION, SLURM_USER, ACCOUNT, POOLS, SWF_USER, SWF_GROUP, SWF_QUEUE, SWF_PARTITION);
    }

    /** The key of {@code job}; never null or blank. */
    public String keyOf(JobSpec job) {
        return orNone(key.apply(job));
    }

    /** Whether the jobs fall into at least two groups under this grouping (else it tells nothing). */
    public boolean separates(List<JobSpec> jobs) {
        String first = null;
        for (JobSpec j : jobs) {
            String k = keyOf(j);
            if (first == null) first = k;
            else if (!first.equals(k)) return true;
        }
        return false;
    }

    private static JobGrouping swf(String name, int field, String prefix) {
        return new JobGrouping(name, j -> {
            long[] f = j.swf();
            if (f == null || f.length <= field || f[field] < 0) return NONE;
            return prefix + f[field];
        });
    }

    private static String orNone(String s) {
        return s == null || s.isBlank() ? NONE : s;
    }
}
