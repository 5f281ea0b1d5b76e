package org.preemptlab.mechanism;

/**
 * How the engine carries out preemptions (the mechanism side; who may preempt whom is a policy).
 *
 * @param graceSeconds   GraceTime: between the stop signal of a kill/requeue and the forced stop, s
 * @param requeueAtHead  requeued and checkpointed jobs go to the head of the queue (else back to their priority order)
 * @param cost           checkpoint and restart durations
 * @param storageMBps    aggregate checkpoint bandwidth in processor mode (pools carry their own)
 */
public record PreemptionSettings(long graceSeconds, boolean requeueAtHead, CheckpointCost cost, double storageMBps) {

    public PreemptionSettings {
        if (graceSeconds < 0) throw new IllegalArgumentException("graceSeconds is " + graceSeconds + "; must be ≥ 0");
        if (!(storageMBps > 0)) throw new IllegalArgumentException("storageMBps is " + storageMBps + "; must be > 0");
    }

    public static PreemptionSettings defaults() {
        return new PreemptionSettings(0, false, CheckpointCost.imageSize(), 1000.0);
    }

    public PreemptionSettings withCost(CheckpointCost newCost) {
        return new PreemptionSettings(graceSeconds, requeueAtHead, newCost, storageMBps);
    }

    public PreemptionSettings withRequeueAtHead(boolean head) {
        return new PreemptionSettings(graceSeconds, head, cost, storageMBps);
    }

    public PreemptionSettings withGrace(long grace) {
        return new PreemptionSettings(grace, requeueAtHead, cost, storageMBps);
    }
}
