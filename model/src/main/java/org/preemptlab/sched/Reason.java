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

    /**
     * A job named in a reason: {@code job 17}, {@code job A}; a name that already says it is a job
     * ({@code job1}, {@code Job-A}) stays as it is, so no text reads "job job1".
     */
    static String job(String name) {
        boolean says = name != null && name.length() >= 3 && name.regionMatches(true, 0, "job", 0, 3)
                && (name.length() == 3 || !Character.isLetter(name.charAt(3)));
        return says ? name : "job " + name;
    }

    record Text(String text) implements Reason {}
}
