package org.preemptlab.preempt;

import org.preemptlab.mechanism.PreemptMechanism;

import org.preemptlab.sched.Reason;
import org.preemptlab.time.SimTime;

/** Why a job was preempted; formatted only when shown. */
public sealed interface PreemptReason extends Reason {

    /** An owner's job needs its pool back. */
    record OwnerReclaims(String victim, PreemptMechanism mechanism, String owner, String pool) implements PreemptReason {
        public String text() {
            return Reason.job(victim) + " " + verb(mechanism) + " to make room for owner " + Reason.job(owner) + " on pool " + pool;
        }
    }

    /** A higher QOS tier needs the resources. */
    record HigherTier(String victim, PreemptMechanism mechanism, String job, String jobQos, String victimQos)
            implements PreemptReason {
        public String text() {
            return Reason.job(victim) + " (" + victimQos + ") " + verb(mechanism) + " to make room for " + Reason.job(job)
                    + " of higher QOS " + jobQos;
        }
    }

    /** A version-2 site's PreemptType allows it ({@code rule} says which setting). */
    record SlurmRule(String victim, PreemptMechanism mechanism, String job, String rule) implements PreemptReason {
        public String text() {
            return Reason.job(victim) + " " + verb(mechanism) + " to make room for " + Reason.job(job) + " (" + rule + ")";
        }
    }

    /** A suspend would not have made room (memory stays held), so the chain escalated. */
    record Escalated(String victim, PreemptMechanism mechanism, String job, PreemptMechanism tried) implements PreemptReason {
        public String text() {
            return Reason.job(victim) + " " + verb(mechanism) + " for " + Reason.job(job) + ": " + tried.label()
                    + " would not free enough (a suspended job keeps its memory), escalated to " + mechanism.label();
        }
    }

    /** The reserved head job's time came and a backfilled job still runs (aggressive / preemption-based backfill). */
    record ReservationDue(String victim, PreemptMechanism mechanism, String head, long reservedAt) implements PreemptReason {
        public String text() {
            return Reason.job(victim) + " " + verb(mechanism) + ": it was backfilled on a prediction and head " + Reason.job(head)
                    + "'s reservation (" + SimTime.format(reservedAt) + ") has come";
        }
    }

    static String verb(PreemptMechanism m) {
        return switch (m) {
            case SUSPEND -> "suspended";
            case CHECKPOINT -> "checkpointed";
            case REQUEUE -> "requeued";
            case KILL -> "killed";
        };
    }
}
