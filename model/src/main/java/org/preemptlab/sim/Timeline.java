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
        long h = hash;
        h = h * 31 + entry.time();
        h = h * 31 + entry.kind().ordinal();
        h = h * 31 + entry.job();
        h = h * 31 + Arrays.hashCode(entry.nodes());
        hash = h;
        if (recording) log.add(entry);
    }

    void segment(Segment segment) {
        if (recording && segment.end() >= segment.start()) segments.add(segment);
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
