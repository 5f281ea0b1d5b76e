package org.preemptlab.app.gui.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.preemptlab.sim.LogEntry;
import org.preemptlab.sim.LogKind;
import org.preemptlab.sim.Segment;
import org.preemptlab.sim.SegmentKind;

/**
 * The segments of a run still in progress, for the live Gantt. The engine records a segment only
 * when it closes; the open ones are derived here from the log: a job's last transition says what
 * it is doing now, and that stretch is drawn up to "now".
 *
 * <ul>
 *   <li>SUBMIT, REQUEUE: waiting (queue lane);</li>
 *   <li>START, RESTART, RESUME, and CHECKPOINT-END (a periodic checkpoint goes back to work; a
 *       checkpoint before a requeue is followed at once by REQUEUE): running on its nodes;</li>
 *   <li>SUSPEND: suspended; CHECKPOINT-BEGIN: checkpointing;</li>
 *   <li>PREEMPT: stopping (inside its grace time), until the SUSPEND / CHECKPOINT-BEGIN / KILL that
 *       follows;</li>
 *   <li>END, KILL, FAIL: nothing open (a rerunnable job's REQUEUE opens its wait).</li>
 * </ul>
 * The restart part of a RESTART is not known from the log, so the open stretch is drawn as running.
 */
public final class LiveTimeline {

    private static final int[] NO_NODES = new int[0];

    private LiveTimeline() {}

    /**
     * The closed segments followed by every open one, cut at {@code now}.
     *
     * @param log    a prefix of the run's log (applied instants only)
     * @param closed the segments closed within that prefix
     * @param now    simulated time to draw the open segments to (not before their start)
     */
    public static List<Segment> upTo(List<LogEntry> log, List<Segment> closed, long now) {
        List<Segment> out = new ArrayList<>(closed.size() + 16);
        out.addAll(closed);
        out.addAll(open(log, now));
        return out;
    }

    /** Only the open segments, in job order of their last transition, each [since, now). */
    public static List<Segment> open(List<LogEntry> log, long now) {
        Map<Integer, Segment> open = new LinkedHashMap<>();
        for (LogEntry e : log) {
            if (e.job() < 0 || e.kind() == LogKind.OBSERVED) continue; // what the backend saw changes no state
            SegmentKind kind = switch (e.kind()) {
                case SUBMIT, REQUEUE -> SegmentKind.WAITING;
                case START, RESTART, RESUME, CHECKPOINT_END -> SegmentKind.RUNNING;
                case SUSPEND -> SegmentKind.SUSPENDED;
                case CHECKPOINT_BEGIN -> SegmentKind.CHECKPOINTING;
                case PREEMPT -> SegmentKind.STOPPING;
                default -> null; // END, KILL, FAIL: nothing open (node and maintenance entries have no job)
            };
            open.remove(e.job());
            if (kind != null) {
                int[] nodes = kind == SegmentKind.WAITING || e.nodes() == null ? NO_NODES : e.nodes();
                open.put(e.job(), new Segment(e.job(), kind, e.time(), e.time(), nodes));
            }
        }
        List<Segment> out = new ArrayList<>(open.size());
        for (Segment s : open.values()) {
            if (now > s.start()) out.add(new Segment(s.job(), s.kind(), s.start(), now, s.nodes()));
        }
        return out;
    }
}
