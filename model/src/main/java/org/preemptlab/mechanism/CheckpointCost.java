package org.preemptlab.mechanism;

/**
 * How long checkpoints and restarts take.
 * <ul>
 *   <li>fixed: every checkpoint takes {@code checkpointSeconds}, every restart {@code restartSeconds}
 *       (Niu et al.'s T_chk and T_restart);</li>
 *   <li>image model: a job writes {@code imageMbPerNode × nodes} MB through its pool's storage,
 *       whose aggregate bandwidth concurrent checkpoints share equally; a restart reads the image
 *       back at the pool's full bandwidth.</li>
 * </ul>
 */
public record CheckpointCost(boolean imageModel, long checkpointSeconds, long restartSeconds) {

    public CheckpointCost {
        if (checkpointSeconds < 0) throw new IllegalArgumentException("checkpointSeconds is " + checkpointSeconds + "; must be ≥ 0");
        if (restartSeconds < 0) throw new IllegalArgumentException("restartSeconds is " + restartSeconds + "; must be ≥ 0");
    }

    public static CheckpointCost fixed(long checkpointSeconds, long restartSeconds) {
        return new CheckpointCost(false, checkpointSeconds, restartSeconds);
    }

    public static CheckpointCost imageSize() {
        return new CheckpointCost(true, 0, 0);
    }
}
