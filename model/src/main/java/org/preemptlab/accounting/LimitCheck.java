package org.preemptlab.accounting;

import java.util.Objects;
import org.preemptlab.limits.PendingReason;

/**
 * The outcome of a limit check: {@link PendingReason#NONE} when the job may go ahead, otherwise the
 * reason Slurm would show and which limit it is, e.g.
 * {@code AssocGrpCpuLimit: accounts[chem] GrpTRES cpu=64; 60 in use + 8 asked}.
 */
public record LimitCheck(PendingReason reason, String detail) {

    public static final LimitCheck OK = new LimitCheck(PendingReason.NONE, "");

    public LimitCheck {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean ok() {
        return reason == PendingReason.NONE;
    }

    @Override
    public String toString() {
        return ok() ? "None" : reason.label() + ": " + detail;
    }
}
