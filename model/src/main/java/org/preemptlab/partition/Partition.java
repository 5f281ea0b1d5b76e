package org.preemptlab.partition;

import java.util.List;
import java.util.Objects;
import org.preemptlab.accounting.BillingWeights;
import org.preemptlab.accounting.PartitionTerms;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.tres.Tres;

/**
 * A Slurm partition: a named set of node groups (partitions may overlap) with its own terms.
 * Immutable; change it with {@link #toBuilder()}.
 *
 * @param name              {@code PartitionName}
 * @param groups            the node groups (the cluster's pools) it holds, by name, in order of placement
 * @param isDefault         {@code Default=YES}: jobs that name no partition go here
 * @param priorityTier      {@code PriorityTier}: jobs of a higher tier are considered first (and, with
 *                          {@code preempt/partition_prio}, preempt jobs of lower tiers on shared nodes)
 * @param priorityJobFactor {@code PriorityJobFactor}: the partition factor of multifactor priority
 * @param maxTimeSeconds    {@code MaxTime}, s; -1 UNLIMITED
 * @param defaultTimeSeconds {@code DefaultTime}, s, for jobs that give no time limit; -1 none (MaxTime then)
 * @param maxNodes          {@code MaxNodes} per job; -1 UNLIMITED
 * @param allowAccounts     {@code AllowAccounts}; empty = ALL
 * @param denyAccounts      {@code DenyAccounts}
 * @param allowQos          {@code AllowQos}; empty = ALL
 * @param overSubscribe     {@code OverSubscribe}
 * @param state             {@code State}
 * @param preemptMode       {@code PreemptMode} of the partition (for {@code preempt/partition_prio}); null: the cluster's
 * @param billingWeights    {@code TRESBillingWeights}
 * @param graceSeconds      {@code GraceTime}, s: with {@code preempt/partition_prio}, the time a job of this partition
 *                          chosen for preemption (cancel or requeue) keeps running after its SIGTERM; 0 none
 * @param overSubscribeJobs the {@code N} of {@code OverSubscribe=FORCE:N} / {@code YES:N}: how many jobs may be
 *                          allocated the same cores (time-sliced by the gang scheduler); 1 for {@code NO} and
 *                          {@code EXCLUSIVE}; 0 when constructed means Slurm's default (4 for {@code YES}/{@code FORCE})
 */
public record Partition(String name, List<String> groups, boolean isDefault, int priorityTier, int priorityJobFactor,
                        long maxTimeSeconds, long defaultTimeSeconds, long maxNodes, List<String> allowAccounts,
                        List<String> denyAccounts, List<String> allowQos, OverSubscribe overSubscribe,
                        PartitionState state, PreemptMode preemptMode, BillingWeights billingWeights, long graceSeconds,
                        int overSubscribeJobs) {

    /** Slurm's jobs per core when {@code OverSubscribe=FORCE} or {@code YES} gives no count. */
    public static final int DEFAULT_SHARE_JOBS = 4;
    /** The most jobs a core may be shared by here (as in the version-1 gang model). */
    public static final int MAX_SHARE_JOBS = 64;

    /** With Slurm's default jobs count for the OverSubscribe mode. */
    public Partition(String name, List<String> groups, boolean isDefault, int priorityTier, int priorityJobFactor,
                     long maxTimeSeconds, long defaultTimeSeconds, long maxNodes, List<String> allowAccounts,
                     List<String> denyAccounts, List<String> allowQos, OverSubscribe overSubscribe,
                     PartitionState state, PreemptMode preemptMode, BillingWeights billingWeights, long graceSeconds) {
        this(name, groups, isDefault, priorityTier, priorityJobFactor, maxTimeSeconds, defaultTimeSeconds, maxNodes, allowAccounts,
                denyAccounts, allowQos, overSubscribe, state, preemptMode, billingWeights, graceSeconds, 0);
    }

    /** Without a GraceTime. */
    public Partition(String name, List<String> groups, boolean isDefault, int priorityTier, int priorityJobFactor,
                     long maxTimeSeconds, long defaultTimeSeconds, long maxNodes, List<String> allowAccounts,
                     List<String> denyAccounts, List<String> allowQos, OverSubscribe overSubscribe,
                     PartitionState state, PreemptMode preemptMode, BillingWeights billingWeights) {
        this(name, groups, isDefault, priorityTier, priorityJobFactor, maxTimeSeconds, defaultTimeSeconds, maxNodes, allowAccounts,
                denyAccounts, allowQos, overSubscribe, state, preemptMode, billingWeights, 0);
    }

    public Partition {
        if (graceSeconds < 0) throw new IllegalArgumentException("partition " + name + " graceTime: " + graceSeconds + "; must be ≥ 0");
        Objects.requireNonNull(name, "name");
        groups = List.copyOf(groups);
        allowAccounts = allowAccounts == null ? List.of() : List.copyOf(allowAccounts);
        denyAccounts = denyAccounts == null ? List.of() : List.copyOf(denyAccounts);
        allowQos = allowQos == null ? List.of() : List.copyOf(allowQos);
        overSubscribe = overSubscribe == null ? OverSubscribe.NO : overSubscribe;
        state = state == null ? PartitionState.UP : state;
        billingWeights = billingWeights == null ? BillingWeights.NONE : billingWeights;
        boolean shares = overSubscribe == OverSubscribe.YES || overSubscribe == OverSubscribe.FORCE;
        if (overSubscribeJobs == 0) overSubscribeJobs = shares ? DEFAULT_SHARE_JOBS : 1;
        if (!shares && overSubscribeJobs != 1) {
            throw new IllegalArgumentException("partition " + name + " overSubscribe: " + overSubscribe + ":" + overSubscribeJobs
                    + "; a count is given only with YES or FORCE");
        }
        if (overSubscribeJobs < 1 || overSubscribeJobs > MAX_SHARE_JOBS) {
            throw new IllegalArgumentException("partition " + name + " overSubscribe: " + overSubscribe + ":" + overSubscribeJobs
                    + "; the count must be ≥ 1 and ≤ " + MAX_SHARE_JOBS);
        }
    }

    /**
     * How many jobs may be allocated the same cores here: {@code N} of {@code FORCE:N} / {@code YES:N}
     * (YES is taken as FORCE: the model's jobs carry no {@code --oversubscribe}, so every job is taken to
     * ask for it), 1 otherwise.
     */
    public int shareJobs() {
        return overSubscribeJobs;
    }

    /** {@code OverSubscribe} as slurm.conf writes it: {@code FORCE:2}, {@code NO}, {@code EXCLUSIVE}. */
    public String overSubscribeText() {
        return overSubscribe == OverSubscribe.YES || overSubscribe == OverSubscribe.FORCE
                ? overSubscribe.name() + ":" + overSubscribeJobs : overSubscribe.name();
    }

    /** A partition over {@code groups} with Slurm's defaults (UP, tier 1, factor 1, no limits). */
    public static Partition of(String name, List<String> groups) {
        return new Partition(name, groups, false, 1, 1, -1, -1, -1, List.of(), List.of(), List.of(), OverSubscribe.NO,
                PartitionState.UP, null, BillingWeights.NONE);
    }

    /** Whether a job of {@code account} in {@code qos} may use this partition ({@code Allow/DenyAccounts}, {@code AllowQos}). */
    public boolean admitsAccount(String account) {
        if (!allowAccounts.isEmpty() && !allowAccounts.contains(account)) return false;
        return !denyAccounts.contains(account);
    }

    public boolean admitsQos(String qos) {
        return allowQos.isEmpty() || allowQos.contains(qos);
    }

    /** Every job gets whole nodes here ({@code OverSubscribe=EXCLUSIVE}). */
    public boolean exclusiveNodes() {
        return overSubscribe == OverSubscribe.EXCLUSIVE;
    }

    /** The time limit a job gets when it gives none: DefaultTime, else MaxTime, else -1 (unlimited). */
    public long defaultLimit() {
        return defaultTimeSeconds > 0 ? defaultTimeSeconds : maxTimeSeconds;
    }

    /** What limits and priority need of it, with the TRES of its nodes. */
    public PartitionTerms terms(Tres totalTres) {
        return new PartitionTerms(name, maxTimeSeconds, maxNodes, priorityJobFactor, billingWeights, totalTres);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some values changed: {@code p.toBuilder().maxTimeSeconds(3600).build()}. */
    public static final class Builder {
        private String name;
        private List<String> groups;
        private boolean isDefault;
        private int priorityTier;
        private int priorityJobFactor;
        private long maxTimeSeconds;
        private long defaultTimeSeconds;
        private long maxNodes;
        private List<String> allowAccounts;
        private List<String> denyAccounts;
        private List<String> allowQos;
        private OverSubscribe overSubscribe;
        private PartitionState state;
        private PreemptMode preemptMode;
        private BillingWeights billingWeights;
        private long graceSeconds;
        private int overSubscribeJobs;

        private Builder(Partition p) {
            name = p.name;
            groups = p.groups;
            isDefault = p.isDefault;
            priorityTier = p.priorityTier;
            priorityJobFactor = p.priorityJobFactor;
            maxTimeSeconds = p.maxTimeSeconds;
            defaultTimeSeconds = p.defaultTimeSeconds;
            maxNodes = p.maxNodes;
            allowAccounts = p.allowAccounts;
            denyAccounts = p.denyAccounts;
            allowQos = p.allowQos;
            overSubscribe = p.overSubscribe;
            state = p.state;
            preemptMode = p.preemptMode;
            billingWeights = p.billingWeights;
            graceSeconds = p.graceSeconds;
            overSubscribeJobs = p.overSubscribeJobs;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder groups(List<String> v) { groups = v; return this; }
        public Builder isDefault(boolean v) { isDefault = v; return this; }
        public Builder priorityTier(int v) { priorityTier = v; return this; }
        public Builder priorityJobFactor(int v) { priorityJobFactor = v; return this; }
        public Builder maxTimeSeconds(long v) { maxTimeSeconds = v; return this; }
        public Builder defaultTimeSeconds(long v) { defaultTimeSeconds = v; return this; }
        public Builder maxNodes(long v) { maxNodes = v; return this; }
        public Builder allowAccounts(List<String> v) { allowAccounts = v; return this; }
        public Builder denyAccounts(List<String> v) { denyAccounts = v; return this; }
        public Builder allowQos(List<String> v) { allowQos = v; return this; }
        /** The mode, with its default count (1, or 4 for YES / FORCE). */
        public Builder overSubscribe(OverSubscribe v) { overSubscribe = v; overSubscribeJobs = 0; return this; }
        /** The mode and its count ({@code FORCE:2}). */
        public Builder overSubscribe(OverSubscribe v, int jobs) { overSubscribe = v; overSubscribeJobs = jobs; return this; }
        public Builder state(PartitionState v) { state = v; return this; }
        public Builder preemptMode(PreemptMode v) { preemptMode = v; return this; }
        public Builder billingWeights(BillingWeights v) { billingWeights = v; return this; }
        public Builder graceSeconds(long v) { graceSeconds = v; return this; }

        public Partition build() {
            return new Partition(name, groups, isDefault, priorityTier, priorityJobFactor, maxTimeSeconds,
                    defaultTimeSeconds, maxNodes, allowAccounts, denyAccounts, allowQos, overSubscribe, state, preemptMode,
                    billingWeights, graceSeconds, overSubscribeJobs);
        }
    }
}
