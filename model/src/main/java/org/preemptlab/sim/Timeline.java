package org.preemptlab.sim;

import java.util.ArrayList;
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
        mix(time, kind, job, hashOfNodes(nodes));
        if (recording) log.add(new LogEntry(time, kind, job, nodes, reason));
    }

    /**
     * As {@link #log(LogEntry)} for the nodes of a placement (null: none). The hash is taken over its
     * runs of consecutive numbers, so a job on a million processors costs what a job on one does;
     * the node list is made only when recording.
     */
    void log(long time, LogKind kind, int job, org.preemptlab.job.Placement where, org.preemptlab.sched.Reason reason) {
        int[] runs = where == null ? null : where.runs();
        mix(time, kind, job, runs == null ? hashOfNodes(NO_NODES) : hashOfRuns(runs));
        if (recording) log.add(new LogEntry(time, kind, job, nodesOf(where), reason));
    }

    private void mix(long time, LogKind kind, int job, int nodesHash) {
        long h = hash;
        h = h * 31 + time;
        h = h * 31 + kind.ordinal();
        h = h * 31 + job;
        h = h * 31 + nodesHash;
        hash = h;
    }

    private static final int[] NO_NODES = new int[0];

    private static int[] nodesOf(org.preemptlab.job.Placement where) {
        int[] nodes = where == null ? null : where.nodes();
        return nodes == null ? NO_NODES : nodes;
    }

    /** Hash of runs (start, end, …): the same as {@link #hashOfNodes} of the numbers they hold. */
    static int hashOfRuns(int[] runs) {
        int h = 1;
        for (int r : runs) h = 31 * h + r;
        return h;
    }

    /** Hash of the node numbers, taken over their runs of consecutive numbers (see {@link #hashOfRuns}). */
    static int hashOfNodes(int[] nodes) {
        int h = 1;
        for (int i = 0; i < nodes.length; ) {
            int j = i + 1;
            while (j < nodes.length && nodes[j] == nodes[j - 1] + 1) j++;
            h = 31 * h + nodes[i];
            h = 31 * h + nodes[j - 1] + 1;
            i = j;
        }
        return h;
    }

    void segment(Segment segment) {
        if (recording && segment.end() >= segment.start()) segments.add(segment);
    }

    /** As {@link #segment(Segment)} for the nodes of a placement (null: none); made only when recording. */
    void segment(int job, SegmentKind kind, long from, long to, org.preemptlab.job.Placement where) {
        if (recording && to >= from) segments.add(new Segment(job, kind, from, to, nodesOf(where)));
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

    /**
     * Fingerprint of the event log (times, kinds, jobs, nodes as runs of consecutive numbers). A run that
     * records nothing on a processor machine with a policy that only starts jobs numbers no processors
     * (Simulation's capacity only counts them): its fingerprint has no nodes.
     */
    public long hash() {
        return hash;
    }
}
