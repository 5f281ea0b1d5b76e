package org.preemptlab.accounting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.account.AssocKey;
import org.preemptlab.tres.Tres;

/**
 * The counters limits are checked against: submitted (pending + running) and running jobs and
 * the TRES held by running jobs, per QOS, per QOS and user, and per association subtree (a job
 * counts at its user association and at every account above it, up to root). Mutable; the engine
 * owns one and calls {@link #submit}, {@link #start}, {@link #end}, {@link #requeue} and
 * {@link #withdraw} as jobs move. Each job's QOS and TRES are fixed when it is submitted, so its end
 * takes back exactly what its start added.
 *
 * <p>A suspended job keeps counting as running (its CPUs are given back to the nodes, not to the
 * limits) — a simplification of Slurm, which releases a suspended job's CPUs from GrpTRES.
 */
public final class LimitUsage {

    private record QosUser(String qos, String user) {}

    /**
     * A submitted job: its TRES as parallel arrays and the counters it moves, looked up once at its submit (a job's QOS,
     * TRES and association are fixed then), so that its start and end touch them without a map look-up.
     */
    private static final class Counted {
        final String[] tresNames;
        final long[] tresValues;
        final long[] qosCount;
        final long[] qosUserCount;
        final long[][] assocCounts;
        final TresSum qosSum;
        final TresSum qosUserSum;
        final TresSum[] assocSums;
        boolean running;

        Counted(Tres tres, long[] qosCount, long[] qosUserCount, long[][] assocCounts, TresSum qosSum, TresSum qosUserSum,
                TresSum[] assocSums) {
            int n = tres.asMap().size();
            tresNames = new String[n];
            tresValues = new long[n];
            int k = 0;
            for (Map.Entry<String, Long> e : tres.asMap().entrySet()) {
                tresNames[k] = e.getKey();
                tresValues[k++] = e.getValue();
            }
            this.qosCount = qosCount;
            this.qosUserCount = qosUserCount;
            this.assocCounts = assocCounts;
            this.qosSum = qosSum;
            this.qosUserSum = qosUserSum;
            this.assocSums = assocSums;
        }
    }

    private final AccountingPolicy policy;
    private final Map<Long, Counted> jobs = new HashMap<>();
    private final Map<String, long[]> qosJobs = new HashMap<>(); // [running, submitted]
    private final Map<String, TresSum> qosTres = new HashMap<>();
    private final Map<QosUser, long[]> qosUserJobs = new HashMap<>();
    private final Map<QosUser, TresSum> qosUserTres = new HashMap<>();
    private final Map<AssocKey, long[]> assocJobs = new HashMap<>();
    private final Map<AssocKey, TresSum> assocTres = new HashMap<>();

    /**
     * A running TRES total, added to and taken from in place: the {@link Tres} the getters return is made when read
     * (limits with TRES are rare; every start and end changes the totals). The same values as the immutable sums it
     * replaces ({@code Tres.plus}/{@code minus}: a name once added stays, at 0 when all of it was taken back; an
     * overflow or a value below zero is refused), measured in docs/performance.md ("JIT and engine").
     */
    private static final class TresSum {
        private String[] names = new String[4];
        private long[] values = new long[4];
        private int n;
        private Tres made = Tres.NONE;
        private boolean stale;

        private int slot(String name) {
            for (int k = 0; k < n; k++) if (names[k].equals(name)) return k;
            if (n == names.length) {
                names = java.util.Arrays.copyOf(names, 2 * n);
                values = java.util.Arrays.copyOf(values, 2 * n);
            }
            names[n] = name;
            values[n] = 0;
            return n++;
        }

        void plus(String[] ns, long[] vs) {
            for (int j = 0; j < ns.length; j++) {
                int k = slot(ns[j]);
                values[k] = Math.addExact(values[k], vs[j]);
            }
            stale = true;
        }

        void minus(String[] ns, long[] vs) {
            for (int j = 0; j < ns.length; j++) {
                int k = slot(ns[j]);
                long left = values[k] - vs[j];
                if (left < 0) throw new IllegalStateException(ns[j] + ": " + values[k] + " − " + vs[j] + " is below 0");
                values[k] = left;
            }
            stale = true;
        }

        Tres tres() {
            if (stale) {
                java.util.TreeMap<String, Long> counts = new java.util.TreeMap<>();
                for (int k = 0; k < n; k++) counts.put(names[k], values[k]);
                made = Tres.of(counts);
                stale = false;
            }
            return made;
        }
    }

    /** How many counter values have been read (see {@link #reads()}). */
    private long reads;

    LimitUsage(AccountingPolicy policy) {
        this.policy = policy;
    }

    /** A job enters the queue (counts towards the submit limits). */
    public void submit(JobRequest job) {
        if (jobs.containsKey(job.jobId())) throw new IllegalStateException("job " + job.jobId() + " is already submitted");
        String qos = policy.resolveQos(job);
        if (qos == null) throw new IllegalStateException("job " + job.jobId() + " has no QOS (check it with checkSubmit first)");
        List<AssocKey> chain = policy.tree().chain(job.association());
        QosUser qu = new QosUser(qos, chain.get(0).user());
        long[][] assocCounts = new long[chain.size()][];
        TresSum[] assocSums = new TresSum[chain.size()];
        for (int k = 0; k < assocCounts.length; k++) {
            assocCounts[k] = assocJobs.computeIfAbsent(chain.get(k), x -> new long[2]);
            assocSums[k] = assocTres.computeIfAbsent(chain.get(k), x -> new TresSum());
        }
        Counted c = new Counted(policy.countedTres(job), qosJobs.computeIfAbsent(qos, k -> new long[2]),
                qosUserJobs.computeIfAbsent(qu, k -> new long[2]), assocCounts, qosTres.computeIfAbsent(qos, k -> new TresSum()),
                qosUserTres.computeIfAbsent(qu, k -> new TresSum()), assocSums);
        jobs.put(job.jobId(), c);
        add(c, 0, 1);
    }

    /** A submitted job starts running. */
    public void start(JobRequest job) {
        Counted c = counted(job);
        if (c.running) throw new IllegalStateException("job " + job.jobId() + " is already running");
        c.running = true;
        add(c, 1, 0);
        c.qosSum.plus(c.tresNames, c.tresValues);
        c.qosUserSum.plus(c.tresNames, c.tresValues);
        for (TresSum t : c.assocSums) t.plus(c.tresNames, c.tresValues);
    }

    /** A running job ends (completes, is cancelled or killed); it leaves the system. */
    public void end(JobRequest job) {
        Counted c = counted(job);
        if (!c.running) throw new IllegalStateException("job " + job.jobId() + " is not running");
        jobs.remove(job.jobId());
        add(c, -1, -1);
        subtractTres(c);
    }

    /** A running job goes back to the queue (requeued by preemption): no longer running, still submitted. */
    public void requeue(JobRequest job) {
        Counted c = counted(job);
        if (!c.running) throw new IllegalStateException("job " + job.jobId() + " is not running");
        c.running = false;
        add(c, -1, 0);
        subtractTres(c);
    }

    /** A pending job leaves the queue without running (cancelled while pending). */
    public void withdraw(JobRequest job) {
        Counted c = counted(job);
        if (c.running) throw new IllegalStateException("job " + job.jobId() + " is running; end it instead");
        jobs.remove(job.jobId());
        add(c, 0, -1);
    }

    /**
     * How many counter values have been read so far, by every getter below. A check that reads none
     * (the counter did not move across it) depended on the job and the policy alone: it gives the same
     * answer whatever the usage, now and later (the engine stops judging such a waiting job again).
     */
    public long reads() {
        return reads;
    }

    public boolean isSubmitted(long jobId) {
        return jobs.containsKey(jobId);
    }

    public boolean isRunning(long jobId) {
        Counted c = jobs.get(jobId);
        return c != null && c.running;
    }

    private Counted counted(JobRequest job) {
        Counted c = jobs.get(job.jobId());
        if (c == null) throw new IllegalStateException("job " + job.jobId() + " was not submitted");
        return c;
    }

    private void add(Counted c, int run, int submitted) {
        bump(c.qosCount, run, submitted);
        bump(c.qosUserCount, run, submitted);
        for (long[] counts : c.assocCounts) bump(counts, run, submitted);
    }

    private void subtractTres(Counted c) {
        c.qosSum.minus(c.tresNames, c.tresValues);
        c.qosUserSum.minus(c.tresNames, c.tresValues);
        for (TresSum t : c.assocSums) t.minus(c.tresNames, c.tresValues);
    }

    private static void bump(long[] counts, int run, int submitted) {
        counts[0] += run;
        counts[1] += submitted;
        if (counts[0] < 0 || counts[1] < 0) throw new IllegalStateException("a usage counter went below zero");
    }

    public long qosRunningJobs(String qos) {
        reads++;
        return qosJobs.getOrDefault(qos, new long[2])[0];
    }

    public long qosSubmittedJobs(String qos) {
        reads++;
        return qosJobs.getOrDefault(qos, new long[2])[1];
    }

    public Tres qosRunningTres(String qos) {
        reads++;
        TresSum t = qosTres.get(qos);
        return t == null ? Tres.NONE : t.tres();
    }

    public long qosUserRunningJobs(String qos, String user) {
        reads++;
        return qosUserJobs.getOrDefault(new QosUser(qos, user), new long[2])[0];
    }

    public long qosUserSubmittedJobs(String qos, String user) {
        reads++;
        return qosUserJobs.getOrDefault(new QosUser(qos, user), new long[2])[1];
    }

    public Tres qosUserRunningTres(String qos, String user) {
        reads++;
        TresSum t = qosUserTres.get(new QosUser(qos, user));
        return t == null ? Tres.NONE : t.tres();
    }

    /** Running jobs of the association and everything under it. */
    public long assocRunningJobs(AssocKey key) {
        reads++;
        return assocJobs.getOrDefault(key, new long[2])[0];
    }

    /** Submitted (pending + running) jobs of the association and everything under it. */
    public long assocSubmittedJobs(AssocKey key) {
        reads++;
        return assocJobs.getOrDefault(key, new long[2])[1];
    }

    /** TRES held by running jobs of the association and everything under it. */
    public Tres assocRunningTres(AssocKey key) {
        reads++;
        TresSum t = assocTres.get(key);
        return t == null ? Tres.NONE : t.tres();
    }
}
