package org.preemptlab.job;

import java.util.List;
import java.util.Objects;

/**
 * What a user submitted: immutable. Times are whole seconds of simulated time.
 *
 * <p>In processor mode (SWF traces on a machine of P processors) {@code nodes} is the number of
 * processors and {@code coresPerNode} is 1. In node mode (scenarios with pools) a job asks for
 * {@code nodes} nodes with {@code coresPerNode} cores and {@code memoryPerNodeMb} MB on each. The values and
 * their meaning are listed at the {@linkplain #JobSpec(int, String, long, int, int, long, long, long, String, String,
 * List, boolean, boolean, long, long, long[], SlurmRequest) constructor}.
 */
public final class JobSpec {

    /*
     * Storage: the numbers every job has and every run reads are fields of the job; the rest (name, memory, QOS, group,
     * pools, flags, checkpoint settings, Slurm request) sits in one Extra, which every job of a trace shares (its name is
     * its number, its options the defaults). A trace job is 56 bytes instead of the record's 104; a one-shot run of a
     * million-job trace keeps every job to the end, so that is 48 MB less for the collector to copy and the kernel to zero.
     */
    private final int id;
    private final int nodes;
    private final int coresPerNode;
    private final long submit;
    private final long estimate;
    private final long runtime;
    private final long[] swf;
    private final Extra x;

    /** What only some jobs set: shared by every job with the same values (every job of a trace). */
    private record Extra(String name, long memoryPerNodeMb, String qos, String group, List<String> pools, boolean rerunnable,
            boolean checkpointable, long imageMbPerNode, long checkpointInterval, SlurmRequest slurm) {}

    public static final String DEFAULT_QOS = "normal";

    /**
     * Stands for "the job number as text" in the {@code name} field of a trace's job (compared by
     * identity, no caller can pass it): {@link #name()} makes the text when asked, so reading a
     * 200,000-job trace makes no 200,000 name strings that a simulation never shows.
     */
    private static final String NUMBER_AS_NAME = new String("(job number)");

    /** The options of every trace job. */
    private static final Extra TRACE = new Extra(NUMBER_AS_NAME, 0, DEFAULT_QOS, "", List.of(), true, true, 0, 0, null);

    /** A job without Slurm options (traces, version-1 scenarios). */
    public JobSpec(int id, String name, long submit, int nodes, int coresPerNode, long memoryPerNodeMb, long estimate,
            long runtime, String qos, String group, List<String> pools, boolean rerunnable, boolean checkpointable,
            long imageMbPerNode, long checkpointInterval, long[] swf) {
        this(id, name, submit, nodes, coresPerNode, memoryPerNodeMb, estimate, runtime, qos, group, pools, rerunnable,
                checkpointable, imageMbPerNode, checkpointInterval, swf, null);
    }

    /**
     * A job.
     *
     * @param id               unique number (the SWF job number for traces)
     * @param name             the name users see (scenario name, or the SWF number as text: a trace's jobs
     *                         ({@link #ofProcessors}, {@link #ofTrace}) make that text only when it is asked for)
     * @param submit           submission time, s
     * @param nodes            nodes (or processors) requested, ≥ 1
     * @param coresPerNode     cores used on each node, ≥ 1
     * @param memoryPerNodeMb  memory held on each node (also while suspended), MB, ≥ 0
     * @param estimate         the user's requested wall time, s, ≥ 1
     * @param runtime          the work the job really needs, s, ≥ 0 (known to the emulated backend only)
     * @param qos              priority class / QOS, e.g. {@code owner}, {@code normal}, {@code preempt}
     * @param group            owner group (account) the job belongs to, or empty
     * @param pools            pools the job may run in; empty means every pool that admits it
     * @param rerunnable       may be requeued after a kill (PBS {@code -r y})
     * @param checkpointable   can write a checkpoint and restart from it
     * @param imageMbPerNode   checkpoint image size per node, MB (0: use the policy's fixed cost)
     * @param checkpointInterval periodic checkpoint interval of useful work, s (0: none)
     * @param swf              the original 18 SWF fields for traces (written back out), or null
     * @param slurm            what a job of a version-2 scenario asks of a Slurm cluster (user, account, partitions,
     *                         GRES, constraint, array, dependencies), or null for every other job
     */
    public JobSpec(int id, String name, long submit, int nodes, int coresPerNode, long memoryPerNodeMb, long estimate,
            long runtime, String qos, String group, List<String> pools, boolean rerunnable, boolean checkpointable,
            long imageMbPerNode, long checkpointInterval, long[] swf, SlurmRequest slurm) {
        this(id, submit, nodes, coresPerNode, estimate, runtime, swf, extra(id, Objects.requireNonNull(name, "name"),
                memoryPerNodeMb, qos, group, pools, rerunnable, checkpointable, imageMbPerNode, checkpointInterval, slurm));
    }

    private static Extra extra(int id, String name, long memoryPerNodeMb, String qos, String group, List<String> pools,
            boolean rerunnable, boolean checkpointable, long imageMbPerNode, long checkpointInterval, SlurmRequest slurm) {
        qos = qos == null || qos.isBlank() ? DEFAULT_QOS : qos;
        group = group == null ? "" : group;
        pools = pools == null ? List.of() : List.copyOf(pools);
        if (name == NUMBER_AS_NAME && memoryPerNodeMb == 0 && qos.equals(DEFAULT_QOS) && group.isEmpty() && pools.isEmpty()
                && rerunnable && checkpointable && imageMbPerNode == 0 && checkpointInterval == 0 && slurm == null) {
            return TRACE;
        }
        return new Extra(name, memoryPerNodeMb, qos, group, pools, rerunnable, checkpointable, imageMbPerNode,
                checkpointInterval, slurm);
    }

    private JobSpec(int id, long submit, int nodes, int coresPerNode, long estimate, long runtime, long[] swf, Extra x) {
        // one test on the way every job takes; the messages in a method of their own, which C1 then does not compile
        // with this constructor (a trace makes 200,000 of them in a one-shot run)
        if (nodes < 1 || coresPerNode < 1 || estimate < 1 || runtime < 0 || submit < 0 || x.memoryPerNodeMb < 0) {
            throw invalid(id, submit, nodes, coresPerNode, estimate, runtime, x);
        }
        this.id = id;
        this.nodes = nodes;
        this.coresPerNode = coresPerNode;
        this.submit = submit;
        this.estimate = estimate;
        this.runtime = runtime;
        this.swf = swf;
        this.x = x;
    }

    /** What is wrong with a job the constructor refuses: the first of its checks that fails. */
    private static IllegalArgumentException invalid(int id, long submit, int nodes, int coresPerNode, long estimate,
            long runtime, Extra x) {
        String name = x.name == NUMBER_AS_NAME ? null : x.name; // a trace job's number as text only for a message
        if (nodes < 1) return new IllegalArgumentException("job " + shown(id, name) + ": nodes is " + nodes + "; must be ≥ 1");
        if (coresPerNode < 1) return new IllegalArgumentException("job " + shown(id, name) + ": coresPerNode is " + coresPerNode + "; must be ≥ 1");
        if (estimate < 1) return new IllegalArgumentException("job " + shown(id, name) + ": estimate is " + estimate + "; must be ≥ 1");
        if (runtime < 0) return new IllegalArgumentException("job " + shown(id, name) + ": runtime is " + runtime + "; must be ≥ 0");
        if (submit < 0) return new IllegalArgumentException("job " + shown(id, name) + ": submit is " + submit + "; must be ≥ 0");
        return new IllegalArgumentException("job " + shown(id, name) + ": memoryPerNodeMb is " + x.memoryPerNodeMb + "; must be ≥ 0");
    }

    private static String shown(int id, String name) {
        return name == null ? Integer.toString(id) : name;
    }

    public int id() {
        return id;
    }

    public long submit() {
        return submit;
    }

    public int nodes() {
        return nodes;
    }

    public int coresPerNode() {
        return coresPerNode;
    }

    public long memoryPerNodeMb() {
        return x.memoryPerNodeMb;
    }

    public long estimate() {
        return estimate;
    }

    public long runtime() {
        return runtime;
    }

    public String qos() {
        return x.qos;
    }

    public String group() {
        return x.group;
    }

    public List<String> pools() {
        return x.pools;
    }

    public boolean rerunnable() {
        return x.rerunnable;
    }

    public boolean checkpointable() {
        return x.checkpointable;
    }

    public long imageMbPerNode() {
        return x.imageMbPerNode;
    }

    public long checkpointInterval() {
        return x.checkpointInterval;
    }

    /** The original 18 SWF fields (the array itself, as the record gave it), or null. */
    public long[] swf() {
        return swf;
    }

    public SlurmRequest slurm() {
        return x.slurm;
    }

    /** A processor-mode job, as read from a trace. */
    public static JobSpec ofProcessors(int id, long submit, int procs, long estimate, long runtime) {
        return ofTrace(id, submit, procs, estimate, runtime, null);
    }

    /**
     * A processor-mode job of a trace, named by its number, with its original SWF fields (or null):
     * the name's text is made only when {@link #name()} is called.
     */
    public static JobSpec ofTrace(int id, long submit, int procs, long estimate, long runtime, long[] swf) {
        return new JobSpec(id, submit, procs, 1, estimate, runtime, swf, TRACE);
    }

    /** The name users see; a trace's job is named by its number. */
    public String name() {
        return x.name == NUMBER_AS_NAME ? Integer.toString(id) : x.name;
    }

    /** Total processors (cores) the job holds while running. */
    public int procs() {
        return nodes * coresPerNode;
    }

    public JobSpec withName(String newName) {
        return toBuilder().name(newName).build();
    }

    public JobSpec withEstimate(long newEstimate) {
        return toBuilder().estimate(newEstimate).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobSpec other && id == other.id && name().equals(other.name()) && submit == other.submit
                && nodes == other.nodes && coresPerNode == other.coresPerNode
                && memoryPerNodeMb() == other.memoryPerNodeMb() && estimate == other.estimate
                && runtime == other.runtime && qos().equals(other.qos()) && group().equals(other.group())
                && pools().equals(other.pools()) && rerunnable() == other.rerunnable()
                && checkpointable() == other.checkpointable() && imageMbPerNode() == other.imageMbPerNode()
                && checkpointInterval() == other.checkpointInterval() && java.util.Arrays.equals(swf, other.swf)
                && Objects.equals(slurm(), other.slurm());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name(), submit, nodes, coresPerNode, estimate, runtime);
    }

    @Override
    public String toString() {
        return "JobSpec[" + name() + " submit=" + submit + " nodes=" + nodes + "x" + coresPerNode + " est=" + estimate
                + " run=" + runtime + " qos=" + qos() + "]";
    }

    /** A builder holding this job's values, to change some of them: {@code x.toBuilder().name(v).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy of a JobSpec with some values changed. Every component has a setter of its name; a test
     * checks by reflection that each one changes exactly its component, so a new component cannot be
     * forgotten here.
     */
    public static final class Builder {
        private int id;
        private String name;
        private long submit;
        private int nodes;
        private int coresPerNode;
        private long memoryPerNodeMb;
        private long estimate;
        private long runtime;
        private String qos;
        private String group;
        private List<String> pools;
        private boolean rerunnable;
        private boolean checkpointable;
        private long imageMbPerNode;
        private long checkpointInterval;
        private long[] swf;
        private SlurmRequest slurm;

        private Builder(JobSpec from) {
            id = from.id();
            name = from.x.name;
            submit = from.submit();
            nodes = from.nodes();
            coresPerNode = from.coresPerNode();
            memoryPerNodeMb = from.memoryPerNodeMb();
            estimate = from.estimate();
            runtime = from.runtime();
            qos = from.qos();
            group = from.group();
            pools = from.pools();
            rerunnable = from.rerunnable();
            checkpointable = from.checkpointable();
            imageMbPerNode = from.imageMbPerNode();
            checkpointInterval = from.checkpointInterval();
            swf = from.swf();
            slurm = from.slurm();
        }

        public Builder id(int v) {
            if (name == NUMBER_AS_NAME) name = Integer.toString(id); // the name stays the old number's text
            id = v;
            return this;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder submit(long v) {
            submit = v;
            return this;
        }

        public Builder nodes(int v) {
            nodes = v;
            return this;
        }

        public Builder coresPerNode(int v) {
            coresPerNode = v;
            return this;
        }

        public Builder memoryPerNodeMb(long v) {
            memoryPerNodeMb = v;
            return this;
        }

        public Builder estimate(long v) {
            estimate = v;
            return this;
        }

        public Builder runtime(long v) {
            runtime = v;
            return this;
        }

        public Builder qos(String v) {
            qos = v;
            return this;
        }

        public Builder group(String v) {
            group = v;
            return this;
        }

        public Builder pools(List<String> v) {
            pools = v;
            return this;
        }

        public Builder rerunnable(boolean v) {
            rerunnable = v;
            return this;
        }

        public Builder checkpointable(boolean v) {
            checkpointable = v;
            return this;
        }

        public Builder imageMbPerNode(long v) {
            imageMbPerNode = v;
            return this;
        }

        public Builder checkpointInterval(long v) {
            checkpointInterval = v;
            return this;
        }

        public Builder swf(long[] v) {
            swf = v;
            return this;
        }

        public Builder slurm(SlurmRequest v) {
            slurm = v;
            return this;
        }

        public JobSpec build() {
            return new JobSpec(id, name, submit, nodes, coresPerNode, memoryPerNodeMb, estimate, runtime, qos, group, pools, rerunnable, checkpointable, imageMbPerNode, checkpointInterval, swf, slurm);
        }
    }
}
