package org.preemptlab.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.preemptlab.account.AccountTree;
import org.preemptlab.accounting.AccountingPolicy;
import org.preemptlab.accounting.PartitionTerms;
import org.preemptlab.partition.Partition;
import org.preemptlab.priority.PriorityConfig;
import org.preemptlab.priority.PriorityFlag;
import org.preemptlab.qos.PreemptMode;
import org.preemptlab.qos.QosTable;
import org.preemptlab.tres.Tres;

/**
 * How a Slurm site schedules, beyond its hardware: partitions, node selection, the account tree,
 * the QOS table, the priority plugin's settings and the preemption type. A version-2 scenario's
 * cluster carries one ({@code NodeCluster.site()}); version-1 clusters have none, and the engine
 * then runs exactly as before. Immutable; change it with {@link #toBuilder()}.
 *
 * @param partitions     in file order; the first {@code Default=YES} one (else the first) takes jobs that name none
 * @param select         {@code SelectType}
 * @param defMemPerCpuMb {@code DefMemPerCPU}, MB; 0: a job that gives no memory gets each node's whole memory
 * @param accounts       the account tree (associations, shares, limits)
 * @param qos            the QOS table
 * @param priority       {@code Priority*} settings
 * @param multifactor    {@code PriorityType=priority/multifactor}; false: {@code priority/basic} (submit order)
 * @param preemptType    {@code PreemptType}
 * @param preemptMode    the cluster's {@code PreemptMode} (QOS and partitions may set their own)
 * @param preemptExemptSeconds the cluster's {@code PreemptExemptTime}, s: a job that has run less is not preempted
 *                       (a QOS's own PreemptExemptTime takes precedence); 0 none
 */
public record Site(List<Partition> partitions, SelectType select, long defMemPerCpuMb, AccountTree accounts,
                   QosTable qos, PriorityConfig priority, boolean multifactor, PreemptType preemptType,
                   PreemptMode preemptMode, long preemptExemptSeconds) {

    /** Without a cluster-wide PreemptExemptTime. */
    public Site(List<Partition> partitions, SelectType select, long defMemPerCpuMb, AccountTree accounts,
                QosTable qos, PriorityConfig priority, boolean multifactor, PreemptType preemptType, PreemptMode preemptMode) {
        this(partitions, select, defMemPerCpuMb, accounts, qos, priority, multifactor, preemptType, preemptMode, 0);
    }

    public Site {
        if (preemptExemptSeconds < 0) {
            throw new IllegalArgumentException("slurmPreempt.exemptTime: " + preemptExemptSeconds + "; must be ≥ 0");
        }
        partitions = List.copyOf(partitions);
        if (partitions.isEmpty()) throw new IllegalArgumentException("a Slurm site needs at least one partition");
        select = select == null ? SelectType.CONS_TRES : select;
        accounts = accounts == null ? AccountTree.rootOnly() : accounts;
        qos = qos == null ? QosTable.defaultTable() : qos;
        priority = priority == null ? PriorityConfig.DEFAULTS : priority;
        preemptType = preemptType == null ? PreemptType.NONE : preemptType;
        preemptMode = preemptMode == null ? PreemptMode.OFF : preemptMode;
        Objects.requireNonNull(accounts);
    }

    /** One UP partition over {@code groups}, cons_tres, root-only accounts, QOS {@code normal}, submit order. */
    public static Site simple(List<String> groups) {
        return new Site(List.of(Partition.of("main", groups).toBuilder().isDefault(true).build()), SelectType.CONS_TRES, 0,
                null, null, null, false, PreemptType.NONE, PreemptMode.OFF);
    }

    /** The partition of that name, or null. */
    public Partition partition(String name) {
        for (Partition p : partitions) if (p.name().equals(name)) return p;
        return null;
    }

    public int partitionIndex(String name) {
        for (int i = 0; i < partitions.size(); i++) if (partitions.get(i).name().equals(name)) return i;
        return -1;
    }

    /** The partition jobs that name none go to: the first {@code Default=YES}, else the first. */
    public Partition defaultPartition() {
        for (Partition p : partitions) if (p.isDefault()) return p;
        return partitions.get(0);
    }

    /**
     * The accounting policy (limits, billing) over these partitions.
     *
     * @param partitionTres the TRES of each partition's nodes, by partition name
     */
    public AccountingPolicy accountingPolicy(Map<String, Tres> partitionTres) {
        List<PartitionTerms> terms = new ArrayList<>();
        for (Partition p : partitions) terms.add(p.terms(partitionTres.getOrDefault(p.name(), Tres.NONE)));
        return new AccountingPolicy(accounts, qos, terms, priority.has(PriorityFlag.MAX_TRES));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy with some values changed. */
    public static final class Builder {
        private List<Partition> partitions;
        private SelectType select;
        private long defMemPerCpuMb;
        private AccountTree accounts;
        private QosTable qos;
        private PriorityConfig priority;
        private boolean multifactor;
        private PreemptType preemptType;
        private PreemptMode preemptMode;
        private long preemptExemptSeconds;

        private Builder(Site s) {
            partitions = s.partitions;
            select = s.select;
            defMemPerCpuMb = s.defMemPerCpuMb;
            accounts = s.accounts;
            qos = s.qos;
            priority = s.priority;
            multifactor = s.multifactor;
            preemptType = s.preemptType;
            preemptMode = s.preemptMode;
            preemptExemptSeconds = s.preemptExemptSeconds;
        }

        public Builder partitions(List<Partition> v) { partitions = v; return this; }
        public Builder select(SelectType v) { select = v; return this; }
        public Builder defMemPerCpuMb(long v) { defMemPerCpuMb = v; return this; }
        public Builder accounts(AccountTree v) { accounts = v; return this; }
        public Builder qos(QosTable v) { qos = v; return this; }
        public Builder priority(PriorityConfig v) { priority = v; return this; }
        public Builder multifactor(boolean v) { multifactor = v; return this; }
        public Builder preemptType(PreemptType v) { preemptType = v; return this; }
        public Builder preemptMode(PreemptMode v) { preemptMode = v; return this; }
        public Builder preemptExemptSeconds(long v) { preemptExemptSeconds = v; return this; }

        public Site build() {
            return new Site(partitions, select, defMemPerCpuMb, accounts, qos, priority, multifactor, preemptType,
                    preemptMode, preemptExemptSeconds);
        }
    }
}
