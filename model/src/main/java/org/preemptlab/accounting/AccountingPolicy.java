package org.preemptlab.accounting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.preemptlab.account.AccountTree;
import org.preemptlab.account.AssocKey;
import org.preemptlab.account.Association;
import org.preemptlab.limits.LimitSet;
import org.preemptlab.limits.PendingReason;
import org.preemptlab.limits.PendingReason.TresLimit;
import org.preemptlab.qos.Qos;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * Which limits apply to a job and whether submitting or starting it would breach one, following
 * Slurm's {@code resource_limits} hierarchy: a limit set on the job's QOS is used, otherwise the
 * association's (the user association, then its accounts ascending, then root); partition limits
 * ({@code MaxTime}, {@code MaxNodes}) are checked on their own. Concretely:
 * <ul>
 *   <li>Max limits of associations ({@code MaxWall}, {@code MaxTRESPerJob}, {@code MaxJobs},
 *       {@code MaxSubmitJobs}) are the user association's, inherited from the nearest account that
 *       sets them, and are skipped when the QOS sets the same limit;</li>
 *   <li>Grp limits of associations ({@code GrpTRES}, {@code GrpJobs}, {@code GrpSubmitJobs}) are
 *       checked at every level of the chain against that level's subtree usage, each TRES / count
 *       skipped when the QOS sets the same Grp limit;</li>
 *   <li>QOS limits are checked against the QOS's usage (Grp) or the user's usage in the QOS
 *       (MaxJobsPerUser, MaxSubmitJobsPerUser, MaxTRESPerUser).</li>
 * </ul>
 * A job over a per-job limit pends for ever with that reason (Slurm without {@code DenyOnLimit}).
 * Not modelled: partition QOS, {@code OverPartQOS}, {@code DenyOnLimit}, TRES-minutes limits
 * ({@code GrpTRESMins}, {@code GrpTRESRunMins}, {@code MaxTRESMinsPerJob}), {@code MaxTRESPerNode},
 * per-account QOS limits ({@code MaxJobsPerAccount}, …), {@code MinTRESPerJob}.
 *
 * <p>Immutable; {@link #newUsage()} makes the counters the checks read.
 */
public final class AccountingPolicy {

    private final AccountTree tree;
    private final QosTable qos;
    private final Map<String, PartitionTerms> partitions;
    private final boolean maxTresBilling;

    /**
     * @param maxTresBilling {@code PriorityFlags=MAX_TRES}: bill the largest weighted TRES instead of the sum
     */
    public AccountingPolicy(AccountTree tree, QosTable qos, List<PartitionTerms> partitions, boolean maxTresBilling) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.qos = Objects.requireNonNull(qos, "qos");
        Map<String, PartitionTerms> byName = new TreeMap<>();
        for (PartitionTerms p : partitions) {
            if (byName.put(p.name(), p) != null) throw new IllegalArgumentException("partitions[" + p.name() + "]: given twice");
        }
        this.partitions = Map.copyOf(byName);
        this.maxTresBilling = maxTresBilling;
    }

    public AccountTree tree() {
        return tree;
    }

    public QosTable qosTable() {
        return qos;
    }

    /** The partition's terms, or null when it is not known (then no partition limit applies). */
    public PartitionTerms partition(String name) {
        return name == null ? null : partitions.get(name);
    }

    public List<PartitionTerms> partitions() {
        return List.copyOf(partitions.values());
    }

    public boolean maxTresBilling() {
        return maxTresBilling;
    }

    /** Fresh, empty usage counters for this policy. */
    public LimitUsage newUsage() {
        return new LimitUsage(this);
    }

    /**
     * True if some QOS or association sets a limit whose check reads a usage counter (GrpJobs, GrpTRES, GrpSubmitJobs,
     * MaxJobs / MaxJobsPerUser, MaxSubmitJobs, MaxTRESPerUser); false when every check reads none (no limits, or only
     * MaxWall, MaxTRESPerJob and partition limits): then {@link #checkStart} and {@link #checkSubmit} give the same answer
     * whatever the usage, and counters kept only for them need not be kept.
     */
    public boolean readsUsage() {
        for (Qos q : qos.all()) if (readsUsage(q.limits())) return true;
        for (AssocKey k : tree.keys()) if (readsUsage(tree.get(k).limits())) return true;
        return false;
    }

    private static boolean readsUsage(LimitSet l) {
        return l.grpJobs() != LimitSet.UNSET || !l.grpTres().isEmpty() || l.grpSubmitJobs() != LimitSet.UNSET
                || l.maxJobsPerUser() != LimitSet.UNSET || l.maxSubmitJobsPerUser() != LimitSet.UNSET
                || !l.maxTresPerUser().isEmpty();
    }

    /**
     * The QOS the job runs in: the one it asks for, else its association's default QOS, else
     * {@code normal} when the table has it; null when none of these exists.
     */
    public String resolveQos(JobRequest job) {
        if (job.qos() != null) return job.qos();
        if (tree.contains(job.association())) {
            String d = tree.defaultQos(job.association());
            if (d != null) return d;
        }
        return qos.contains("normal") ? "normal" : null;
    }

    /** The job's billable TRES in its partition ({@code TRESBillingWeights}; CPUs without weights). */
    public double billable(JobRequest job) {
        PartitionTerms p = partition(job.partition());
        BillingWeights w = p == null ? BillingWeights.NONE : p.billingWeights();
        return w.billable(job.tres(), maxTresBilling);
    }

    /** The TRES a job counts against limits: what it asks for plus {@code billing} (whole units, truncated as Slurm stores it). */
    public Tres countedTres(JobRequest job) {
        return job.tres().with(Tres.BILLING, (long) billable(job));
    }

    /**
     * Whether the job may be submitted: its association exists, its QOS exists and is allowed to
     * it, and no submit limit ({@code MaxSubmitJobsPerUser}, {@code GrpSubmitJobs},
     * {@code MaxSubmitJobs}) is reached. Slurm rejects such a submission; the reason says which
     * limit. {@code usage} must not yet count this job.
     */
    public LimitCheck checkSubmit(JobRequest job, LimitUsage usage) {
        AssocKey a = job.association();
        if (!tree.contains(a)) return new LimitCheck(PendingReason.INVALID_ACCOUNT, "no association " + a);
        String qn = resolveQos(job);
        if (qn == null || !qos.contains(qn)) return new LimitCheck(PendingReason.INVALID_QOS, "no QOS " + (qn == null ? "(none given, no default)" : "\"" + qn + "\""));
        if (!tree.mayUse(a, qn)) return new LimitCheck(PendingReason.QOS_NOT_ALLOWED, a + " may use " + tree.allowedQos(a) + ", not " + qn);
        Qos q = qos.get(qn);
        LimitSet ql = q.limits();
        if (ql.maxSubmitJobsPerUser() != LimitSet.UNSET && usage.qosUserSubmittedJobs(qn, job.user()) + 1 > ql.maxSubmitJobsPerUser()) {
            return count(PendingReason.QOS_MAX_SUBMIT_JOBS_PER_USER, "qos[" + qn + "] MaxSubmitJobsPerUser", ql.maxSubmitJobsPerUser(), usage.qosUserSubmittedJobs(qn, job.user()));
        }
        if (ql.grpSubmitJobs() != LimitSet.UNSET && usage.qosSubmittedJobs(qn) + 1 > ql.grpSubmitJobs()) {
            return count(PendingReason.QOS_GRP_SUBMIT_JOBS, "qos[" + qn + "] GrpSubmitJobs", ql.grpSubmitJobs(), usage.qosSubmittedJobs(qn));
        }
        LimitSet am = tree.effectiveMaxLimits(a);
        if (ql.maxSubmitJobsPerUser() == LimitSet.UNSET && am.maxSubmitJobsPerUser() != LimitSet.UNSET
                && usage.assocSubmittedJobs(a) + 1 > am.maxSubmitJobsPerUser()) {
            return count(PendingReason.ASSOC_MAX_SUBMIT_JOBS, a.path() + " MaxSubmitJobs", am.maxSubmitJobsPerUser(), usage.assocSubmittedJobs(a));
        }
        if (ql.grpSubmitJobs() == LimitSet.UNSET) {
            for (AssocKey k : tree.chain(a)) {
                long lim = tree.get(k).limits().grpSubmitJobs();
                if (lim != LimitSet.UNSET && usage.assocSubmittedJobs(k) + 1 > lim) {
                    return count(PendingReason.ASSOC_GRP_SUBMIT_JOBS, k.path() + " GrpSubmitJobs", lim, usage.assocSubmittedJobs(k));
                }
            }
        }
        return LimitCheck.OK;
    }

    /**
     * Whether starting the (submitted) job now would breach a partition, QOS or association limit;
     * {@link LimitCheck#OK} when it may start as far as limits go (nodes are another matter). The
     * first breach found is returned, in this order: partition time and node limits, QOS and then
     * association wall-time and per-job TRES, QOS group limits, QOS per-user limits, the
     * association's MaxJobs, association group limits from the user association up to root.
     */
    public LimitCheck checkStart(JobRequest job, LimitUsage usage) {
        AssocKey a = job.association();
        if (!tree.contains(a)) return new LimitCheck(PendingReason.INVALID_ACCOUNT, "no association " + a);
        String qn = resolveQos(job);
        if (qn == null || !qos.contains(qn)) return new LimitCheck(PendingReason.INVALID_QOS, "no QOS " + qn);
        LimitSet ql = qos.get(qn).limits();
        LimitSet am = tree.effectiveMaxLimits(a);
        // what the job counts (a map built per check) only when a TRES limit is set, and the
        // messages' texts only on a breach: this check runs for every waiting job on every pass
        Tres want = null;

        PartitionTerms p = partition(job.partition());
        if (p != null && p.maxTimeSeconds() != -1 && job.timeLimitSeconds() > p.maxTimeSeconds()) {
            return new LimitCheck(PendingReason.PARTITION_TIME_LIMIT, "partitions[" + p.name() + "] MaxTime " + p.maxTimeSeconds() + " s < " + job.timeLimitSeconds() + " s asked");
        }
        if (p != null && p.maxNodes() != -1 && job.nodes() > p.maxNodes()) {
            return new LimitCheck(PendingReason.PARTITION_NODE_LIMIT, "partitions[" + p.name() + "] MaxNodes " + p.maxNodes() + " < " + job.nodes() + " asked");
        }
        if (ql.maxWallSeconds() != LimitSet.UNSET) {
            if (job.timeLimitSeconds() > ql.maxWallSeconds()) {
                return new LimitCheck(PendingReason.QOS_MAX_WALL_PER_JOB, "qos[" + qn + "] MaxWall " + ql.maxWallSeconds() + " s < " + job.timeLimitSeconds() + " s asked");
            }
        } else if (am.maxWallSeconds() != LimitSet.UNSET && job.timeLimitSeconds() > am.maxWallSeconds()) {
            return new LimitCheck(PendingReason.ASSOC_MAX_WALL_PER_JOB, a.path() + " MaxWall " + am.maxWallSeconds() + " s < " + job.timeLimitSeconds() + " s asked");
        }
        String over = null;
        if (!ql.maxTresPerJob().isEmpty()) {
            want = countedTres(job);
            over = want.firstOver(ql.maxTresPerJob());
            if (over != null) return tres(TresLimit.QOS_MAX_PER_JOB, over, "qos[" + qn + "] MaxTRESPerJob", ql.maxTresPerJob(), Tres.NONE, want);
        }
        if (!am.maxTresPerJob().isEmpty()) {
            if (want == null) want = countedTres(job);
            over = want.firstOver(without(am.maxTresPerJob(), ql.maxTresPerJob()));
            if (over != null) return tres(TresLimit.ASSOC_MAX_PER_JOB, over, a.path() + " MaxTRESPerJob", am.maxTresPerJob(), Tres.NONE, want);
        }

        if (ql.grpJobs() != LimitSet.UNSET && usage.qosRunningJobs(qn) + 1 > ql.grpJobs()) {
            return count(PendingReason.QOS_GRP_JOBS, "qos[" + qn + "] GrpJobs", ql.grpJobs(), usage.qosRunningJobs(qn));
        }
        if (!ql.grpTres().isEmpty()) {
            if (want == null) want = countedTres(job);
            over = usage.qosRunningTres(qn).firstOverWith(want, ql.grpTres());
            if (over != null) return tres(TresLimit.QOS_GRP, over, "qos[" + qn + "] GrpTRES", ql.grpTres(), usage.qosRunningTres(qn), want);
        }

        if (ql.maxJobsPerUser() != LimitSet.UNSET && usage.qosUserRunningJobs(qn, job.user()) + 1 > ql.maxJobsPerUser()) {
            return count(PendingReason.QOS_MAX_JOBS_PER_USER, "qos[" + qn + "] MaxJobsPerUser", ql.maxJobsPerUser(), usage.qosUserRunningJobs(qn, job.user()));
        }
        if (!ql.maxTresPerUser().isEmpty()) {
            if (want == null) want = countedTres(job);
            Tres userHas = usage.qosUserRunningTres(qn, job.user());
            over = userHas.firstOverWith(want, ql.maxTresPerUser());
            if (over != null) return tres(TresLimit.QOS_MAX_PER_USER, over, "qos[" + qn + "] MaxTRESPerUser", ql.maxTresPerUser(), userHas, want);
        }

        if (ql.maxJobsPerUser() == LimitSet.UNSET && am.maxJobsPerUser() != LimitSet.UNSET
                && usage.assocRunningJobs(a) + 1 > am.maxJobsPerUser()) {
            return count(PendingReason.ASSOC_MAX_JOBS, a.path() + " MaxJobs", am.maxJobsPerUser(), usage.assocRunningJobs(a));
        }
        for (AssocKey k : tree.chain(a)) {
            Association assoc = tree.get(k);
            LimitSet l = assoc.limits();
            if (ql.grpJobs() == LimitSet.UNSET && l.grpJobs() != LimitSet.UNSET && usage.assocRunningJobs(k) + 1 > l.grpJobs()) {
                return count(PendingReason.ASSOC_GRP_JOBS, k.path() + " GrpJobs", l.grpJobs(), usage.assocRunningJobs(k));
            }
            if (l.grpTres().isEmpty()) continue; // no group TRES limit: nothing to breach
            Tres grp = without(l.grpTres(), ql.grpTres());
            if (grp.isEmpty()) continue;
            if (want == null) want = countedTres(job);
            Tres has = usage.assocRunningTres(k);
            over = has.firstOverWith(want, grp);
            if (over != null) return tres(TresLimit.ASSOC_GRP, over, k.path() + " GrpTRES", grp, has, want);
        }
        return LimitCheck.OK;
    }

    /** {@code limits} without the names {@code overriding} sets (a QOS limit takes the association's place). */
    private static Tres without(Tres limits, Tres overriding) {
        if (overriding.isEmpty() || limits.isEmpty()) return limits;
        Tres out = limits;
        for (String n : overriding.names()) out = out.without(n);
        return out;
    }

    private static LimitCheck count(PendingReason r, String what, long limit, long inUse) {
        return new LimitCheck(r, what + "=" + limit + "; " + inUse + " in use + 1 asked");
    }

    private static LimitCheck tres(TresLimit kind, String name, String what, Tres limit, Tres inUse, Tres want) {
        String use = inUse.isEmpty() && (kind == TresLimit.QOS_MAX_PER_JOB || kind == TresLimit.ASSOC_MAX_PER_JOB)
                ? want.get(name) + " asked"
                : inUse.get(name) + " in use + " + want.get(name) + " asked";
        return new LimitCheck(PendingReason.forTres(kind, name), what + " " + name + "=" + limit.get(name) + "; " + use);
    }
}
