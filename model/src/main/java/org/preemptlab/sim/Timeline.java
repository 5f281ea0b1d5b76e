package org.preemptlab.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The recorded history of a run: every event with its reason, and every job's segments, enough to
 * redraw the Gantt at any instant exactly (stepping back never re-simulates). A running hash over
 * the event log fingerprints the run even when recording is off.
 */
public final class Timeline {

    private final boolean recording;
    private final List<LogEntry> log = new ArrayList<>();
    private final List<Segment> segments = new ArrayList<>();
    private long hash = 1125899906842597L;

    public Timeline(boolean recording) {
        this.recording = recording;
    }

    void log(LogEntry entry) {
        log(entry.time(), entry.kind(), entry.job(), entry.nodes(), entry.reason());
    }

    /** As {@link #log(LogEntry)}; makes the entry only when recording (the hash needs none). */
    void log(long time, LogKind kind, int job, int[] nodes, org.preemptlab.sched.Reason reason) {
        long h = hash;
        h = h * 31 + time;
        h = h * 31 + kind.ordinal();
        h = h * 31 + job;
        h = h * 31 + Arrays.hashCode(nodes);
        hash = h;
        if (recording) log.add(new LogEntry(time, kind, job, nodes, reason));
    }

    void segment(Segment segment) {
        if (recording && segment.end() >= segment.start()) segments.add(segment);
    }

    /** As {@link #segment(Segment)}; makes the segment only when recording. */
    void segment(int job, SegmentKind kind, long from, long to, int[] nodes) {
        if (recording && to >= from) segments.add(new Segment(job, kind, from, to, nodes));
    }

    public boolean isRecording() {
        return recording;
    }

    /** The event log in the order events were applied. Empty when recording was off. */
    public List<LogEntry> log() {
        return Collections.unmodifiableList(log);
    }

    /** All closed segments, in the order they closed. Empty when recording was off. */
    public List<Segment> segments() {
        return Collections.unmodifiableList(segments);
    }

    /** Fingerprint of the event log (times, kinds, jobs, nodes). */
    public long hash() {
        return hash;
    }
}
