package org.preemptlab.sched;

/**
 * Why the engine did something, in plain words for users ("why" panel, events CSV). Reasons are
 * small records formatted only when shown, so million-job runs do not pay for text they never print.
 */
@FunctionalInterface
public interface Reason {

    String text();

    /** A reason given as a fixed text. */
    static Reason of(String text) {
        return new Text(text);
    }

    record Text(String text) implements Reason {}
}
