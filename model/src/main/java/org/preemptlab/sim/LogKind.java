package org.preemptlab.sim;

/** Engine event names as written to the events CSV. */
public enum LogKind {
    SUBMIT("submit"), START("start"), SUSPEND("suspend"), RESUME("resume"),
    CHECKPOINT_BEGIN("checkpoint-begin"), CHECKPOINT_END("checkpoint-end"), PREEMPT("preempt"),
    REQUEUE("requeue"), RESTART("restart"), KILL("kill"), FAIL("fail"), END("end"),
    MAINTENANCE_BEGIN("maintenance-begin"), MAINTENANCE_END("maintenance-end"), NODE_DOWN("node-down"),
    NODE_UP("node-up"), OBSERVED("observed"),
    RESERVATION_BEGIN("reservation-begin"), RESERVATION_END("reservation-end");

    private final String label;

    LogKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
