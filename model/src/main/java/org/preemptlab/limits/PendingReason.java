package org.preemptlab.limits;

import org.preemptlab.tres.Tres;

/**
 * Why a job is pending, with Slurm's own spelling ({@link #label()}, as {@code squeue} shows it and
 * as {@code job_state_reason_string} in Slurm's {@code slurm_protocol_defs.c} writes it). Only the
 * reasons this model can produce are listed; the limit reasons cover the TRES the model tracks
 * (cpu, mem, node, billing, gres).
 */
public enum PendingReason {
    NONE("None"),
    PRIORITY("Priority"),
    RESOURCES("Resources"),
    DEPENDENCY("Dependency"),
    DEPENDENCY_NEVER_SATISFIED("DependencyNeverSatisfied"),
    BEGIN_TIME("BeginTime"),
    JOB_HELD_USER("JobHeldUser"),
    JOB_HELD_ADMIN("JobHeldAdmin"),
    JOB_ARRAY_TASK_LIMIT("JobArrayTaskLimit"),
    REQ_NODE_NOT_AVAIL("ReqNodeNotAvail"),
    BAD_CONSTRAINTS("BadConstraints"),
    PARTITION_DOWN("PartitionDown"),
    PARTITION_INACTIVE("PartitionInactive"),
    PARTITION_TIME_LIMIT("PartitionTimeLimit"),
    PARTITION_NODE_LIMIT("PartitionNodeLimit"),
    INVALID_ACCOUNT("InvalidAccount"),
    INVALID_QOS("InvalidQOS"),
    QOS_NOT_ALLOWED("QOSNotAllowed"),
    ACCOUNT_NOT_ALLOWED("AccountNotAllowed"),

    QOS_MAX_WALL_PER_JOB("QOSMaxWallDurationPerJobLimit"),
    QOS_MAX_CPU_PER_JOB("QOSMaxCpuPerJobLimit"),
    QOS_MAX_MEM_PER_JOB("QOSMaxMemoryPerJob"),
    QOS_MAX_NODE_PER_JOB("QOSMaxNodePerJobLimit"),
    QOS_MAX_GRES_PER_JOB("QOSMaxGRESPerJob"),
    QOS_MAX_BILLING_PER_JOB("QOSMaxBillingPerJob"),
    QOS_MAX_CPU_PER_USER("QOSMaxCpuPerUserLimit"),
    QOS_MAX_MEM_PER_USER("QOSMaxMemoryPerUser"),
    QOS_MAX_NODE_PER_USER("QOSMaxNodePerUserLimit"),
    QOS_MAX_GRES_PER_USER("QOSMaxGRESPerUser"),
    QOS_MAX_BILLING_PER_USER("QOSMaxBillingPerUser"),
    QOS_MAX_JOBS_PER_USER("QOSMaxJobsPerUserLimit"),
    QOS_MAX_SUBMIT_JOBS_PER_USER("QOSMaxSubmitJobPerUserLimit"),
    QOS_GRP_CPU("QOSGrpCpuLimit"),
    QOS_GRP_MEM("QOSGrpMemLimit"),
    QOS_GRP_NODE("QOSGrpNodeLimit"),
    QOS_GRP_GRES("QOSGrpGRES"),
    QOS_GRP_BILLING("QOSGrpBilling"),
    QOS_GRP_JOBS("QOSGrpJobsLimit"),
    QOS_GRP_SUBMIT_JOBS("QOSGrpSubmitJobsLimit"),

    ASSOC_MAX_WALL_PER_JOB("AssocMaxWallDurationPerJobLimit"),
    ASSOC_MAX_CPU_PER_JOB("AssocMaxCpuPerJobLimit"),
    ASSOC_MAX_MEM_PER_JOB("AssocMaxMemPerJob"),
    ASSOC_MAX_NODE_PER_JOB("AssocMaxNodePerJobLimit"),
    ASSOC_MAX_GRES_PER_JOB("AssocMaxGRESPerJob"),
    ASSOC_MAX_BILLING_PER_JOB("AssocMaxBillingPerJob"),
    ASSOC_MAX_JOBS("AssocMaxJobsLimit"),
    ASSOC_MAX_SUBMIT_JOBS("AssocMaxSubmitJobLimit"),
    ASSOC_GRP_CPU("AssocGrpCpuLimit"),
    ASSOC_GRP_MEM("AssocGrpMemLimit"),
    ASSOC_GRP_NODE("AssocGrpNodeLimit"),
    ASSOC_GRP_GRES("AssocGrpGRES"),
    ASSOC_GRP_BILLING("AssocGrpBilling"),
    ASSOC_GRP_JOBS("AssocGrpJobsLimit"),
    ASSOC_GRP_SUBMIT_JOBS("AssocGrpSubmitJobsLimit");

    private final String label;

    PendingReason(String label) {
        this.label = label;
    }

    /** Slurm's spelling, e.g. {@code QOSMaxJobsPerUserLimit}. */
    public String label() {
        return label;
    }

    /** Whether this is a QOS or association limit (a job waiting on it waits for usage to drop, not for nodes). */
    public boolean isLimit() {
        return name().startsWith("QOS_MAX") || name().startsWith("QOS_GRP") || name().startsWith("ASSOC_")
                || this == PARTITION_TIME_LIMIT || this == PARTITION_NODE_LIMIT;
    }

    /** The reason for {@code label} (case-insensitive), e.g. {@code AssocGrpCpuLimit}. */
    public static PendingReason parse(String label) {
        for (PendingReason r : values()) if (r.label.equalsIgnoreCase(label)) return r;
        throw new IllegalArgumentException("\"" + label + "\" is not a pending reason this model knows");
    }

    /** Which kind of TRES limit was breached. */
    public enum TresLimit {
        QOS_MAX_PER_JOB, QOS_MAX_PER_USER, QOS_GRP, ASSOC_MAX_PER_JOB, ASSOC_GRP
    }

    /** The reason Slurm gives when the TRES {@code tres} of the limit kind {@code kind} is breached. */
    public static PendingReason forTres(TresLimit kind, String tres) {
        int i = switch (tres) {
            case Tres.CPU -> 0;
            case Tres.MEM -> 1;
            case Tres.NODE -> 2;
            case Tres.BILLING -> 4;
            default -> {
                if (!Tres.isGres(tres)) throw new IllegalArgumentException("\"" + tres + "\" is not a modelled TRES");
                yield 3;
            }
        };
        PendingReason[] row = switch (kind) {
            case QOS_MAX_PER_JOB -> new PendingReason[] {QOS_MAX_CPU_PER_JOB, QOS_MAX_MEM_PER_JOB, QOS_MAX_NODE_PER_JOB,
                    QOS_MAX_GRES_PER_JOB, QOS_MAX_BILLING_PER_JOB};
            case QOS_MAX_PER_USER -> new PendingReason[] {QOS_MAX_CPU_PER_USER, QOS_MAX_MEM_PER_USER, QOS_MAX_NODE_PER_USER,
                    QOS_MAX_GRES_PER_USER, QOS_MAX_BILLING_PER_USER};
            case QOS_GRP -> new PendingReason[] {QOS_GRP_CPU, QOS_GRP_MEM, QOS_GRP_NODE, QOS_GRP_GRES, QOS_GRP_BILLING};
            case ASSOC_MAX_PER_JOB -> new PendingReason[] {ASSOC_MAX_CPU_PER_JOB, ASSOC_MAX_MEM_PER_JOB,
                    ASSOC_MAX_NODE_PER_JOB, ASSOC_MAX_GRES_PER_JOB, ASSOC_MAX_BILLING_PER_JOB};
            case ASSOC_GRP -> new PendingReason[] {ASSOC_GRP_CPU, ASSOC_GRP_MEM, ASSOC_GRP_NODE, ASSOC_GRP_GRES,
                    ASSOC_GRP_BILLING};
        };
        return row[i];
    }

    @Override
    public String toString() {
        return label;
    }
}
